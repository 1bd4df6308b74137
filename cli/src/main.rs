//! `talkhis`: Arabic summaries and keywords from the command line.
//!
//! A thin std wrapper around the `talkhis` core: it reads files, folders and standard input,
//! runs the core on a large boxed scratch space (one per thread, reused), prints text, JSON
//! or postcard, and maps failures to exit codes (0 ok, 1 an input failed, 2 usage). The
//! scoring itself lives in the core; `eval` and `tune` measure it (see `eval`).

mod args;
mod eval;
mod input;
mod output;
mod process;
mod settings;

use std::fmt;
use std::io;
use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command, EvalCommand, TuneCommand};
use crate::process::{Mode, Status};

/// A mistake on the command line or in the `--config` file: exit code 2.
#[derive(Debug)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// Exit code: an input failed.
const FAILED: u8 = 1;

/// Exit code: usage error.
const USAGE: u8 = 2;

/// Stack of the worker threads. The scratch spaces are boxed, but an unoptimized build
/// may assemble one on the stack first (3.4 MB for `--large`); the memory is only reserved,
/// not used, until touched.
const STACK: usize = 64 << 20;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with code 0; errors to stderr with code 2.
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(USAGE));
        }
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .stack_size(STACK)
        .thread_name(|i| format!("talkhis-{i}"))
        .build();
    let result = match pool {
        Ok(pool) => pool.install(|| run(cli)),
        Err(e) => Err(anyhow::Error::new(e).context("starting worker threads")),
    };
    match result {
        Ok(Status::Ok) => ExitCode::SUCCESS,
        Ok(Status::Failed) => ExitCode::from(FAILED),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("talkhis: {e:#}");
            let usage = e.downcast_ref::<UsageError>().is_some();
            ExitCode::from(if usage { USAGE } else { FAILED })
        }
    }
}

/// Whether `e` comes from writing to a closed pipe (`talkhis … | head`): not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Runs the command.
fn run(cli: Cli) -> anyhow::Result<Status> {
    match cli.command {
        None => {
            let a = cli.summarize;
            process::run(Mode::Summarize, &a.input, a.budget.budget(), a.explain)
        }
        Some(Command::Summarize(a)) => {
            process::run(Mode::Summarize, &a.input, a.budget.budget(), a.explain)
        }
        Some(Command::Keywords(a)) => process::run(Mode::Keywords, &a, None, false),
        Some(Command::Config(a)) => process::print_config(&a).map(|()| Status::Ok),
        Some(Command::Eval(EvalCommand::Summaries(a))) => {
            eval::run::summaries(&a).map(|()| Status::Ok)
        }
        Some(Command::Eval(EvalCommand::Keywords(a))) => {
            eval::run::keywords(&a).map(|()| Status::Ok)
        }
        Some(Command::Eval(EvalCommand::Defects(a))) => {
            let config = a.config.resolve()?;
            eval::defects::run(&a.paths, &config, a.json, a.examples).map(|()| Status::Ok)
        }
        Some(Command::Tune(TuneCommand::Summaries(a))) => {
            eval::tune::run(&a, true).map(|()| Status::Ok)
        }
        Some(Command::Tune(TuneCommand::Keywords(a))) => {
            eval::tune::run(&a, false).map(|()| Status::Ok)
        }
    }
}

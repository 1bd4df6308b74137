//! `talkhis`: Arabic summaries and keywords from the command line.
//!
//! A thin std wrapper around the `talkhis` core: it reads files, folders and standard input,
//! runs the core on a large boxed scratch space (one per thread, reused), prints text, JSON
//! or postcard, and maps failures to exit codes (0 ok, 1 an input failed, 2 usage). The
//! scoring itself lives in the core; `eval` and `tune` measure it with the `talkhis-eval`
//! package (see `evaluate`).

mod args;
mod evaluate;
mod input;
mod output;
mod process;
mod settings;

use std::fmt;
use std::io;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use crate::args::{Cli, Command};
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
    let parsed = Cli::command()
        .try_get_matches()
        .and_then(|m| Ok((Cli::from_arg_matches(&m)?, args::given_before(&m))));
    let (cli, before) = match parsed {
        Ok(parsed) => parsed,
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
        Ok(pool) => pool.install(|| run(cli, &before)),
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

/// Options of the default `summarize` that `keywords` does not take.
const SUMMARIZE_ONLY: [&str; 4] = ["sentences", "words", "ratio", "explain"];

/// Whether `id` is an option of the scoring configuration (`--config`, a weight flag).
fn is_config(id: &str) -> bool {
    id == "file" || settings::fields().iter().any(|f| f.name == id)
}

/// Refuses the options given before the subcommand that it does not take; `before` lists
/// them as `(id, spelling)`.
fn refuse_before(command: Option<&Command>, before: &[(String, String)]) -> anyhow::Result<()> {
    let (name, takes): (&str, fn(&str) -> bool) = match command {
        None | Some(Command::Summarize(_)) => return Ok(()),
        Some(Command::Keywords(_)) => ("keywords", |id| !SUMMARIZE_ONLY.contains(&id)),
        Some(Command::Config(_)) => ("config", is_config),
        Some(Command::Eval(_)) => ("eval", is_config),
        Some(Command::Tune(_)) => ("tune", is_config),
        Some(Command::Completions(_)) => ("completions", |_| false),
        Some(Command::Man) => ("man", |_| false),
    };
    match before.iter().find(|(id, _)| !takes(id)) {
        Some((_, option)) => Err(UsageError(format!(
            "{option} does not go with `talkhis {name}` (see talkhis {name} --help)"
        ))
        .into()),
        None => Ok(()),
    }
}

/// Runs the command; `before` lists the options given before the subcommand, which apply
/// to it as if given after it.
fn run(cli: Cli, before: &[(String, String)]) -> anyhow::Result<Status> {
    refuse_before(cli.command.as_ref(), before)?;
    let root = cli.summarize;
    let config = root.input.config.clone();
    match cli.command {
        None => process::run(Mode::Summarize, &root.input, root.budget.budget(), root.explain),
        Some(Command::Summarize(a)) => {
            let a = a.merge(root);
            process::run(Mode::Summarize, &a.input, a.budget.budget(), a.explain)
        }
        Some(Command::Keywords(a)) => {
            process::run(Mode::Keywords, &a.merge(root.input), None, false)
        }
        Some(Command::Config(a)) => {
            process::print_config(&a.merge(root.input.config)).map(|()| Status::Ok)
        }
        Some(Command::Completions(a)) => process::print_completions(a.shell).map(|()| Status::Ok),
        Some(Command::Man) => process::print_man().map(|()| Status::Ok),
        Some(Command::Eval(command)) => evaluate::eval(command, config).map(|()| Status::Ok),
        Some(Command::Tune(command)) => evaluate::tune(command, config).map(|()| Status::Ok),
    }
}

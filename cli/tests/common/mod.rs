//! What the integration tests of the options (`options.rs`) and of special files
//! (`special.rs`) share: the binary, the sample, and a run that a hang fails instead of
//! hanging the test run.

#![allow(dead_code, reason = "each test file uses part of it")]

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;

/// The sample article (see tests/data/README.md).
pub fn sample_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/data/sample.txt")
}

/// The sample's text.
pub fn sample() -> String {
    fs::read_to_string(sample_path()).expect("tests/data/sample.txt")
}

/// The binary under test.
pub fn talkhis() -> Command {
    assert_cmd::cargo::cargo_bin_cmd!("talkhis")
}

/// The longest any one run may take: a debug build on a busy 2-core machine summarizes the
/// largest input of these tests in a few seconds; a run still going after this has hung.
pub const LIMIT: Duration = Duration::from_secs(120);

/// What one run gave.
#[derive(Debug)]
pub struct Run {
    /// The exit code.
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
    /// How long it took.
    pub took: Duration,
}

/// Runs `cmd` under the wall-clock guard [`LIMIT`]: a run still going then is killed and
/// fails the test, naming what it ran.
pub fn run_guarded(cmd: &mut Command) -> Run {
    let what = format!("{cmd:?}");
    let started = Instant::now();
    let out = cmd.timeout(LIMIT).output().expect("run talkhis");
    let took = started.elapsed();
    let Some(code) = out.status.code() else {
        panic!("{what} did not finish within {LIMIT:?} (killed: it hung), or died of a signal");
    };
    Run {
        code,
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        took,
    }
}

/// Runs `talkhis args…` under the guard.
pub fn run(args: &[&str]) -> Run {
    run_guarded(talkhis().args(args))
}

/// The `path` of every JSON line of `out`.
pub fn paths(out: &str) -> Vec<String> {
    out.lines()
        .map(|l| {
            let v: serde_json::Value =
                serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l:?}"));
            v["path"].as_str().expect("a path").to_owned()
        })
        .collect()
}

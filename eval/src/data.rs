//! Where the tests find the corpora of `docs/EVALUATION.md`: the folder the environment
//! variable `TALKHIS_DATA` names (`.ci/run` sets it). A clone with nothing beside it has no
//! corpora, and `cargo test` must still pass there, so a test that needs one skips and says so.
//! Used by this package's tests, the command line's (`cli/tests`) and the integration tests
//! (`tests/`).

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The folder `$TALKHIS_DATA` names, or `None` when it is unset. A relative path is taken from
/// the workspace root, where `.ci/run` runs (a test runs in its package's folder).
#[must_use]
pub fn folder() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap_or(Path::new("."));
    std::env::var_os("TALKHIS_DATA").map(|d| root.join(d))
}

/// The corpus `name` under [`folder`], or `None` with a line on stderr saying that `test` is
/// skipped and how to run it.
#[must_use]
pub fn corpus(name: &str, test: &str) -> Option<PathBuf> {
    let why = match folder().map(|d| d.join(name)) {
        Some(dir) if dir.is_dir() => return Some(dir),
        Some(dir) => format!("{} is not a folder", dir.display()),
        None => format!(
            "set TALKHIS_DATA to the folder holding {name}/ (docs/EVALUATION.md says how to lay \
             it out) to run it"
        ),
    };
    say(&format!("skipped {test}: {why}"));
    None
}

/// Writes `line` to stderr directly: the test harness captures what `eprintln!` prints and
/// hides it for a test that passes.
pub fn say(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

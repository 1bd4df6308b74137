//! Finding and reading the inputs: files, folders (recursive `*.txt`) and standard input.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::UsageError;

/// Why one input could not be used. Reported for that input only; the batch goes on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocError {
    /// A stable, machine-readable kind: `not-found`, `permission-denied`, `is-directory`,
    /// `io`, `invalid-utf8` or `too-large`.
    pub kind: &'static str,
    /// What happened and what to do, for people (without the path).
    pub message: String,
}

impl DocError {
    /// The error of a failed read or listing.
    fn io(e: &io::Error) -> Self {
        let (kind, message) = match e.kind() {
            io::ErrorKind::NotFound => ("not-found", "no such file or folder".to_owned()),
            io::ErrorKind::PermissionDenied => {
                ("permission-denied", "permission denied".to_owned())
            }
            io::ErrorKind::IsADirectory => ("is-directory", "is a directory".to_owned()),
            _ => ("io", format!("cannot read: {e}")),
        };
        Self { kind, message }
    }
}

/// One document to process.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// Standard input (`-`, or no path at all).
    Stdin,
    /// A file, named on the command line or found in a folder.
    File(PathBuf),
    /// A folder that could not be listed, or that holds no `*.txt` file.
    Failed(PathBuf, DocError),
}

impl Source {
    /// The name used in messages and in JSON `path`; `None` for standard input.
    pub fn path(&self) -> Option<String> {
        match self {
            Self::Stdin => None,
            Self::File(p) | Self::Failed(p, _) => Some(p.display().to_string()),
        }
    }

    /// The name used in messages: the path, or `<stdin>`.
    pub fn name(&self) -> String {
        self.path().unwrap_or_else(|| "<stdin>".to_owned())
    }
}

/// The inputs named on the command line, folders expanded.
#[derive(Debug)]
pub struct Inputs {
    /// The documents, in command-line order, each folder's files sorted.
    pub sources: Vec<Source>,
    /// Whether this is a batch: several paths, or a folder.
    pub batch: bool,
}

/// Expands `paths`: no path means standard input, `-` too; a folder stands for every `*.txt`
/// file under it (recursively, sorted, symbolic links to folders not followed); any other
/// path is a file, whatever its name (a missing one fails when read).
///
/// # Errors
///
/// A [`UsageError`] when `-` is given twice.
pub fn expand(paths: &[PathBuf]) -> anyhow::Result<Inputs> {
    if paths.is_empty() {
        return Ok(Inputs { sources: vec![Source::Stdin], batch: false });
    }
    if paths.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        return Err(UsageError("standard input (-) can be read only once".into()).into());
    }
    let mut sources = Vec::new();
    let mut batch = paths.len() > 1;
    for path in paths {
        if path.as_os_str() == "-" {
            sources.push(Source::Stdin);
        } else if path.is_dir() {
            batch = true;
            let mut files = Vec::new();
            let mut failed = Vec::new();
            walk(path, &mut files, &mut failed);
            files.sort();
            if files.is_empty() && failed.is_empty() {
                let message = "no .txt file in this folder".to_owned();
                failed.push(Source::Failed(path.clone(), DocError { kind: "not-found", message }));
            }
            sources.extend(failed);
            sources.extend(files.into_iter().map(Source::File));
        } else {
            sources.push(Source::File(path.clone()));
        }
    }
    Ok(Inputs { sources, batch })
}

/// Adds the `*.txt` files under `dir` to `files`, and the folders it cannot list to `failed`.
fn walk(dir: &Path, files: &mut Vec<PathBuf>, failed: &mut Vec<Source>) {
    let entries = match fs::read_dir(dir).and_then(Iterator::collect::<io::Result<Vec<_>>>) {
        Ok(entries) => entries,
        Err(e) => {
            failed.push(Source::Failed(dir.to_path_buf(), DocError::io(&e)));
            return;
        }
    };
    for entry in entries {
        let path = entry.path();
        // `DirEntry::file_type` does not follow symbolic links: a link to a folder is not
        // entered (no cycles), a link to a file is read like the file.
        let Ok(kind) = entry.file_type() else { continue };
        if kind.is_dir() {
            walk(&path, files, failed);
        } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")) && !path.is_dir()
        {
            files.push(path);
        }
    }
}

/// Reads one document as UTF-8 text.
///
/// With `lossy`, invalid sequences become U+FFFD; without, they are an error that gives the
/// byte offset of the first bad byte. A byte-order mark is kept, so offsets index the file.
///
/// # Errors
///
/// The [`DocError`] of a failed read or of invalid UTF-8.
pub fn read(source: &Source, lossy: bool) -> Result<String, DocError> {
    let bytes = match source {
        Source::Stdin => read_capped(io::stdin().lock())?,
        Source::File(path) => read_capped(fs::File::open(path).map_err(|e| DocError::io(&e))?)?,
        Source::Failed(_, e) => return Err(e.clone()),
    };
    decode(bytes, lossy)
}

/// The most bytes a document may have: the core indexes text with `u32` offsets.
const MAX_BYTES: u64 = u32::MAX as u64;

/// Reads all of `reader`, but stops with an error past [`MAX_BYTES`] instead of growing
/// without bound (`talkhis /dev/zero`, an endless pipe).
fn read_capped(reader: impl Read) -> Result<Vec<u8>, DocError> {
    let mut bytes = Vec::new();
    reader.take(MAX_BYTES + 1).read_to_end(&mut bytes).map_err(|e| DocError::io(&e))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(DocError {
            kind: "too-large",
            message: format!(
                "document too large: more than {MAX_BYTES} bytes (the core indexes text with \
                 32-bit offsets); split the document"
            ),
        });
    }
    Ok(bytes)
}

/// Checks (or, with `lossy`, repairs) UTF-8.
fn decode(bytes: Vec<u8>, lossy: bool) -> Result<String, DocError> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => Err(DocError {
            kind: "invalid-utf8",
            message: format!(
                "invalid UTF-8 at byte {}: the file may use another encoding (such as \
                 Windows-1256; convert it with `iconv -f CP1256 -t UTF-8`), or pass --lossy \
                 to replace bad bytes with U+FFFD",
                e.utf8_error().valid_up_to()
            ),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_table() {
        let text = "نص عربي";
        let cut = text.find(' ').unwrap();
        let mut bad = text.as_bytes().to_vec();
        bad.insert(cut, 0xFF);
        let first = text.chars().next().unwrap().len_utf8();
        /// (case, bytes, lossy, the text or a piece of the error message)
        type Case<'a> = (&'a str, &'a [u8], bool, Result<String, String>);
        let cases: Vec<Case<'_>> = vec![
            ("valid", text.as_bytes(), false, Ok(text.to_owned())),
            ("empty", b"", false, Ok(String::new())),
            ("invalid", &bad, false, Err(format!("invalid UTF-8 at byte {cut}:"))),
            ("lossy", &bad, true, Ok(format!("{}\u{FFFD}{}", &text[..cut], &text[cut..]))),
            // The second letter cut after its first byte: the offset is where it starts.
            (
                "truncated sequence",
                &text.as_bytes()[..first + 1],
                false,
                Err(format!("at byte {first}:")),
            ),
        ];
        for (name, bytes, lossy, expected) in cases {
            match (decode(bytes.to_vec(), lossy), expected) {
                (Ok(g), Ok(e)) => assert_eq!(g, e, "case {name:?}"),
                (Err(g), Err(e)) => assert!(g.message.contains(&e), "case {name:?}: {g:?}"),
                (g, e) => panic!("case {name:?}: got {g:?}, expected {e:?}"),
            }
        }
    }
}

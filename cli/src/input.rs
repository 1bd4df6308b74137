//! Finding and reading the inputs: files, folders (walked with `walkdir`, filtered with a
//! `globset` pattern), lists of paths (`--files-from`) and standard input, each read under one
//! cap (`--max-bytes`).
//!
//! A folder walk takes regular files only: a named pipe, a socket or a device found in a
//! folder (directly or behind a symbolic link) is skipped with a warning and never opened, so
//! it can neither block the run nor feed it endless bytes. A path the user names is read as
//! the stream it is, under the cap.

use std::ffi::OsStr;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobMatcher};
use walkdir::WalkDir;

use crate::UsageError;
use crate::args::MAX_BYTES_LIMIT;

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
    /// A path named on the command line or in a `--files-from` list: read as a stream,
    /// whatever kind of file it is.
    File(PathBuf),
    /// A regular file found in a folder: opened without blocking and read only if it is
    /// still a regular file.
    Found(PathBuf),
    /// A folder that could not be listed, or that holds no matching file.
    Failed(PathBuf, DocError),
}

impl Source {
    /// The name used in JSON `path`; `None` for standard input.
    pub fn path(&self) -> Option<String> {
        match self {
            Self::Stdin => None,
            Self::File(p) | Self::Found(p) | Self::Failed(p, _) => Some(p.display().to_string()),
        }
    }

    /// The name used in messages and text headers: the path (control characters escaped,
    /// see [`crate::output::visible`]), or `<stdin>`.
    pub fn name(&self) -> String {
        self.path().map_or_else(|| "<stdin>".to_owned(), |p| crate::output::visible(&p))
    }
}

/// A file of a folder that is not read: not a regular file, or a link that leads nowhere.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// Where the walk met it.
    pub path: PathBuf,
    /// What it is: `a named pipe (FIFO)`, `a dangling symbolic link`, …
    pub what: String,
}

/// The inputs named on the command line, folders expanded.
#[derive(Debug)]
pub struct Inputs {
    /// The documents, in command-line order, each folder's files sorted.
    pub sources: Vec<Source>,
    /// Whether this is a batch: several paths, a folder or a `--files-from` list.
    pub batch: bool,
    /// What the folder walks passed over, in the order met.
    pub skipped: Vec<Skipped>,
}

/// What to read, as the command line says it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Selection<'a> {
    /// The paths named on the command line.
    pub paths: &'a [PathBuf],
    /// `--files-from`: a file (or `-`) listing more paths.
    pub files_from: Option<&'a Path>,
    /// `-0`: the list is NUL-separated.
    pub null: bool,
    /// `--glob`: which files of a folder to read.
    pub glob: Option<&'a str>,
}

/// The default of `--glob`.
pub const DEFAULT_GLOB: &str = "*.txt";

/// The largest `--files-from` list (a million paths of 64 bytes).
const MAX_LIST_BYTES: u64 = 64 << 20;

/// The `--glob` pattern: matched against a file's name, or, when it holds a `/`, against its
/// path below the folder named on the command line.
struct Pattern {
    matcher: GlobMatcher,
    whole_path: bool,
    text: String,
}

impl Pattern {
    fn new(text: &str) -> Result<Self, UsageError> {
        let glob = GlobBuilder::new(text)
            .case_insensitive(true)
            .literal_separator(true)
            .build()
            .map_err(|e| UsageError(format!("--glob {text:?}: {}", e.kind())))?;
        Ok(Self {
            matcher: glob.compile_matcher(),
            whole_path: text.contains('/'),
            text: text.into(),
        })
    }

    fn is_match(&self, below: &Path, name: &OsStr) -> bool {
        if self.whole_path { self.matcher.is_match(below) } else { self.matcher.is_match(name) }
    }
}

/// Expands the selection: no path (and no list) means standard input, `-` too; a folder
/// stands for every file under it that the glob matches (recursively, sorted, symbolic
/// links to folders not followed, regular files only); any other path is read as named,
/// whatever its name (a missing one fails when read). The paths of a `--files-from` list
/// come after those of the command line, each taken as a walk takes it: a folder is walked,
/// a file is read only if it is a regular file.
///
/// # Errors
///
/// A [`UsageError`] when standard input is named twice (`-` in the paths, in the list, or
/// as the list), the glob is invalid or the list cannot be read.
pub fn expand(sel: &Selection<'_>) -> anyhow::Result<Inputs> {
    let pattern = Pattern::new(sel.glob.unwrap_or(DEFAULT_GLOB))?;
    let paths = sel.paths;
    let stdin_uses = paths.iter().filter(|p| p.as_os_str() == "-").count()
        + usize::from(sel.files_from.is_some_and(|l| l.as_os_str() == "-"));
    if stdin_uses > 1 {
        return Err(UsageError("standard input (-) can be read only once".into()).into());
    }
    let listed = match sel.files_from {
        Some(list) => read_list(list, sel.null)?,
        None if paths.is_empty() => {
            return Ok(Inputs { sources: vec![Source::Stdin], batch: false, skipped: Vec::new() });
        }
        None => Vec::new(),
    };
    let mut inputs = Inputs {
        sources: Vec::new(),
        batch: paths.len() > 1 || sel.files_from.is_some(),
        skipped: Vec::new(),
    };
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.sources.push(Source::Stdin);
        } else if path.is_dir() {
            inputs.batch = true;
            walk(path, &pattern, &mut inputs);
        } else {
            inputs.sources.push(Source::File(path.clone()));
        }
    }
    // A list is walked like a folder: its files must be regular (`find` lists pipes too).
    for path in listed {
        if path.is_dir() {
            walk(&path, &pattern, &mut inputs);
        } else if fs::symlink_metadata(&path).is_err() {
            inputs.sources.push(Source::File(path)); // fails as missing when read
        } else {
            match regular(&path) {
                Ok(_) => inputs.sources.push(Source::Found(path)),
                Err(what) => inputs.skipped.push(Skipped { path, what }),
            }
        }
    }
    Ok(inputs)
}

/// Adds the regular files under `dir` that `pattern` matches to `inputs` (sorted), the
/// folders it cannot list as failures, and what it passes over to `inputs.skipped`.
fn walk(dir: &Path, pattern: &Pattern, inputs: &mut Inputs) {
    let mut files = Vec::new();
    let mut failed = Vec::new();
    for entry in WalkDir::new(dir).sort_by_file_name() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_path_buf();
                let error = e.io_error().map_or_else(
                    || DocError { kind: "io", message: format!("cannot list: {e}") },
                    DocError::io,
                );
                failed.push(Source::Failed(path, error));
                continue;
            }
        };
        // The walk does not follow symbolic links: a link to a folder is not entered (no
        // cycles); a link to a file is judged by what it leads to.
        let kind = entry.file_type();
        if kind.is_dir() {
            continue;
        }
        let below = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        if !pattern.is_match(below, entry.file_name()) {
            continue;
        }
        if kind.is_file() {
            files.push(entry.into_path());
            continue;
        }
        match regular(entry.path()) {
            Ok(true) => files.push(entry.into_path()),
            Ok(false) => {}
            Err(what) => inputs.skipped.push(Skipped { path: entry.into_path(), what }),
        }
    }
    files.sort();
    if files.is_empty() && failed.is_empty() {
        let message = format!("no file matching {} in this folder (see --glob)", pattern.text);
        failed.push(Source::Failed(dir.to_path_buf(), DocError { kind: "not-found", message }));
    }
    inputs.sources.extend(failed);
    inputs.sources.extend(files.into_iter().map(Source::Found));
}

/// Whether `path` leads to a regular file (`Ok(true)`) or a folder (`Ok(false)`), found
/// with `stat`, never `open` (a named pipe would block the open); otherwise what it is, for
/// the warning: `a named pipe (FIFO)`, `a dangling symbolic link`, …
fn regular(path: &Path) -> Result<bool, String> {
    match fs::metadata(path) {
        Ok(meta) if meta.is_file() => Ok(true),
        Ok(meta) if meta.is_dir() => Ok(false),
        Ok(meta) => Err(special(&meta.file_type())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err("a dangling symbolic link".into()),
        Err(e) if e.raw_os_error() == Some(LOOP) => Err("a symbolic link loop".into()),
        Err(e) => Err(format!("a symbolic link that cannot be followed ({e})")),
    }
}

/// `ELOOP`: too many levels of symbolic links.
#[cfg(unix)]
const LOOP: i32 = libc::ELOOP;
#[cfg(not(unix))]
const LOOP: i32 = -1;

/// What kind of file that is not a regular file or a folder is.
fn special(kind: &fs::FileType) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let what = if kind.is_fifo() {
            "a named pipe (FIFO)"
        } else if kind.is_socket() {
            "a socket"
        } else if kind.is_block_device() {
            "a block device"
        } else if kind.is_char_device() {
            "a character device"
        } else {
            "not a regular file"
        };
        what.to_owned()
    }
    #[cfg(not(unix))]
    {
        let _ = kind;
        "not a regular file".to_owned()
    }
}

/// Reads a `--files-from` list: one path a line (a CR before the LF is dropped), or one
/// between NUL bytes with `null`; empty entries are passed over.
fn read_list(list: &Path, null: bool) -> anyhow::Result<Vec<PathBuf>> {
    let bytes = if list.as_os_str() == "-" {
        read_upto(io::stdin().lock(), None, MAX_LIST_BYTES).map_err(|e| DocError::io(&e))
    } else {
        read_small(list, MAX_LIST_BYTES)
    };
    let bytes = bytes
        .and_then(|b| {
            b.ok_or_else(|| DocError {
                kind: "too-large",
                message: format!("longer than {MAX_LIST_BYTES} bytes; split the list"),
            })
        })
        .map_err(|e| UsageError(format!("--files-from {}: {}", list.display(), e.message)))?;
    let separator = if null { b'\0' } else { b'\n' };
    let entries = bytes.split(|&b| b == separator).map(|entry| match entry {
        [rest @ .., b'\r'] if !null => rest,
        entry => entry,
    });
    Ok(entries.filter(|e| !e.is_empty()).map(path_from_bytes).collect())
}

/// A path from the bytes of a list.
#[cfg(unix)]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(OsStr::from_bytes(bytes))
}

/// A path from the bytes of a list.
#[cfg(not(unix))]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}

/// The most bytes a document may have (`--max-bytes`), and how it was set, for the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cap {
    /// The most bytes.
    pub bytes: u64,
    /// Whether `--max-bytes` set it.
    pub given: bool,
    /// Whether `--large` is on.
    pub large: bool,
}

/// The default cap: 16384 sentences (the default scratch space) of 1 KiB each, longer than
/// any real sentence, so a document past it would not fit the scratch space anyway.
pub const DEFAULT_MAX_BYTES: u64 = 16 << 20;

/// The cap with `--large`: 65535 sentences of 1 KiB.
pub const LARGE_MAX_BYTES: u64 = 64 << 20;

impl Cap {
    /// The cap of `--max-bytes` and `--large`.
    pub fn new(max_bytes: Option<u64>, large: bool) -> Self {
        let default = if large { LARGE_MAX_BYTES } else { DEFAULT_MAX_BYTES };
        Self { bytes: max_bytes.unwrap_or(default), given: max_bytes.is_some(), large }
    }

    /// The error of a document past the cap: the cap, the flag, and what to do.
    fn exceeded(self) -> DocError {
        let n = self.bytes;
        let how = match (self.given, self.large) {
            (true, _) => format!("--max-bytes {n}"),
            (false, false) => "the default --max-bytes".to_owned(),
            (false, true) => "the --max-bytes of --large".to_owned(),
        };
        let advice = if n >= MAX_BYTES_LIMIT {
            "the most the core can index: split the document".to_owned()
        } else if !self.given && !self.large {
            format!(
                "rerun with --large (room for {} bytes) or --max-bytes N (at most {MAX_BYTES_LIMIT})",
                LARGE_MAX_BYTES
            )
        } else {
            format!("rerun with a larger --max-bytes N (at most {MAX_BYTES_LIMIT})")
        };
        DocError {
            kind: "too-large",
            message: format!("document too large: more than {n} bytes ({how}); {advice}"),
        }
    }
}

/// Reads one document as UTF-8 text, at most `cap` bytes.
///
/// With `lossy`, invalid sequences become U+FFFD; without, they are an error that gives the
/// byte offset of the first bad byte. A byte-order mark is kept, so offsets index the file.
/// A file that grows or shrinks while it is read gives the bytes read (never more than the
/// cap): the results index those bytes.
///
/// # Errors
///
/// The [`DocError`] of a failed read, of a document past the cap or of invalid UTF-8.
pub fn read(source: &Source, lossy: bool, cap: Cap) -> Result<String, DocError> {
    let bytes = match source {
        Source::Stdin => read_capped(io::stdin().lock(), None, cap)?,
        Source::File(path) => {
            let (file, size) = open(path, false)?;
            read_capped(file, size, cap)?
        }
        Source::Found(path) => {
            let (file, size) = open(path, true)?;
            if size.is_none() {
                return Err(DocError {
                    kind: "io",
                    message: "no longer a regular file (it changed after the folder was \
                              listed); not read"
                        .into(),
                });
            }
            read_capped(file, size, cap)?
        }
        Source::Failed(_, e) => return Err(e.clone()),
    };
    decode(bytes, lossy)
}

/// Opens `path` for reading, with its size when it is a regular file. `found` opens without
/// blocking (`O_NONBLOCK`), so that a file replaced by a named pipe after the walk saw it
/// cannot hang the run; it makes no difference to a regular file.
fn open(path: &Path, found: bool) -> Result<(fs::File, Option<u64>), DocError> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    if found {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    #[cfg(not(unix))]
    let _ = found;
    let file = options.open(path).map_err(|e| DocError::io(&e))?;
    let meta = file.metadata().map_err(|e| DocError::io(&e))?;
    if meta.is_dir() {
        return Err(DocError::io(&io::Error::from(io::ErrorKind::IsADirectory)));
    }
    Ok((file, meta.is_file().then_some(meta.len())))
}

/// Reads `reader` to its end under `cap`: more bytes are an error that names the cap.
fn read_capped(reader: impl Read, size: Option<u64>, cap: Cap) -> Result<Vec<u8>, DocError> {
    read_upto(reader, size, cap.bytes).map_err(|e| DocError::io(&e))?.ok_or_else(|| cap.exceeded())
}

/// Reads `reader` to its end, but at most `most + 1` bytes: `None` when there are more,
/// whether a regular file's `size` says so before a byte is read or a stream (`/dev/zero`,
/// an endless pipe) runs past it.
fn read_upto(reader: impl Read, size: Option<u64>, most: u64) -> io::Result<Option<Vec<u8>>> {
    if size.is_some_and(|s| s > most) {
        return Ok(None);
    }
    // Room for the whole file and the one byte that would show it grew.
    let room = size.and_then(|s| usize::try_from(s + 1).ok()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(room);
    reader.take(most + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= most).then_some(bytes))
}

/// Reads a small file that the user names for the CLI itself (a `--config` file, a
/// `--files-from` list): at most `most` bytes, `None` past that, never more read.
///
/// # Errors
///
/// The [`DocError`] of a failed open or read.
pub fn read_small(path: &Path, most: u64) -> Result<Option<Vec<u8>>, DocError> {
    let (file, size) = open(path, false)?;
    read_upto(file, size, most).map_err(|e| DocError::io(&e))
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

    #[test]
    fn read_capped_stops_one_byte_past_the_cap() {
        let cap = Cap { bytes: 10, given: true, large: false };
        // (case, stream length, size from metadata, ok)
        let cases = [
            ("under", 9, None, true),
            ("at", 10, None, true),
            ("one past", 11, None, false),
            ("endless", u64::MAX, None, false),
            ("size past, not read", 0, Some(11), false),
            ("size under, grew past", 11, Some(5), false),
            ("size over, shrank", 3, Some(8), true),
        ];
        for (name, len, size, ok) in cases {
            let got = read_capped(io::repeat(b'a').take(len), size, cap);
            match got {
                Ok(bytes) => {
                    assert!(ok, "case {name:?}");
                    assert_eq!(bytes.len() as u64, len, "case {name:?}");
                }
                Err(e) => {
                    assert!(!ok, "case {name:?}");
                    assert!(e.message.contains("more than 10 bytes (--max-bytes 10)"), "{e:?}");
                }
            }
        }
    }

    #[test]
    fn pattern_table() {
        // (pattern, path below the folder, matches)
        let cases = [
            ("*.txt", "a.txt", true),
            ("*.txt", "sub/a.TXT", true),
            ("*.txt", "a.md", false),
            ("article.txt", "topic1/article.txt", true),
            ("article.txt", "topic1/abstract.txt", false),
            ("*/article.txt", "topic1/article.txt", true),
            ("*/article.txt", "a/topic1/article.txt", false),
            ("**/2015/*.txt", "x/2015/a.txt", true),
            ("*.{txt,md}", "a.md", true),
        ];
        for (glob, below, expected) in cases {
            let pattern = Pattern::new(glob).unwrap();
            let below = Path::new(below);
            let name = below.file_name().unwrap();
            assert_eq!(pattern.is_match(below, name), expected, "{glob} on {below:?}");
        }
        assert!(Pattern::new("a[").is_err());
    }
}

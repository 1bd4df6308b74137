//! `summarize` and `keywords`: one document or a parallel batch, to text, JSON or postcard.

use std::cell::RefCell;
use std::fs::File;
use std::io::{self, IsTerminal, Write};
use std::time::Instant;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use talkhis::{Budget, Capacity, Config, Keyword, Keywords, Sentence, SentenceScore};
use talkhis::{Summarizer, Summary, WordSlot};

use crate::UsageError;
use crate::args::{Format, InputArgs};
use crate::input::{self, Cap, DocError, Selection, Source};
use crate::output;

/// The most sentences a summary holds: the `N` of the `Summary<'_, N>` the CLI builds and
/// encodes with postcard (decode with any `N` at least the number of sentences).
pub const SUMMARY_SENTENCES: usize = 1024;

/// The most keywords: the `K` of the `Keywords<'_, K>` the CLI builds and encodes.
pub const MAX_KEYWORDS: usize = 256;

/// The default scratch space: 16384 sentences, 65536 distinct terms (about 0.85 MB, boxed).
/// A long book chapter fits; a news article uses a few percent of it.
pub type Normal = Summarizer<16_384, 65_536>;

/// The `--large` scratch space: the most sentences the core allows (65535), 262144 terms
/// (about 3.4 MB, boxed).
pub type Large = Summarizer<LARGE_SENTENCES, LARGE_TERMS>;

/// The sentences of [`Large`].
const LARGE_SENTENCES: usize = 65_535;

/// The distinct terms of [`Large`].
const LARGE_TERMS: usize = 262_144;

thread_local! {
    /// One scratch space per thread, made on first use and reused for every document.
    static NORMAL: RefCell<Option<Box<Normal>>> = const { RefCell::new(None) };
    /// The `--large` one.
    static LARGE: RefCell<Option<Box<Large>>> = const { RefCell::new(None) };
    /// Word slots for `analyze_with`, grown to the longest document seen (up to a cap).
    static WORDS: RefCell<Vec<WordSlot>> = const { RefCell::new(Vec::new()) };
}

/// The most word slots a thread keeps (12 bytes each: 48 MB). A text of `n` bytes has at most
/// `n / 2 + 1` words; one that may have more than this is analyzed without slots (the same
/// results, a little slower).
const MAX_WORD_SLOTS: usize = 1 << 22;

/// Runs `f` with this thread's default scratch space.
pub fn with_normal<R>(f: impl FnOnce(&mut Normal) -> R) -> R {
    NORMAL.with_borrow_mut(|slot| f(slot.get_or_insert_with(|| Box::new(Summarizer::new()))))
}

/// Runs `f` with this thread's `--large` scratch space.
fn with_large<R>(f: impl FnOnce(&mut Large) -> R) -> R {
    LARGE.with_borrow_mut(|slot| f(slot.get_or_insert_with(|| Box::new(Summarizer::new()))))
}

/// Which subcommand: what to compute and print.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Sentences (and keywords, in JSON).
    Summarize,
    /// Keywords only.
    Keywords,
}

/// Everything the per-document work needs.
#[derive(Clone, Copy, Debug)]
pub struct Request {
    /// Summarize or keywords.
    pub mode: Mode,
    /// Scoring configuration, budget included.
    pub config: Config,
    /// Score table (`--explain`).
    pub explain: bool,
    /// `--large` scratch.
    pub large: bool,
    /// Output format.
    pub format: Format,
}

/// The results of one document, borrowing its text.
#[derive(Debug)]
pub struct Analysis<'t> {
    /// The summary's sentences, in document order (empty for `keywords`).
    pub sentences: Vec<Sentence<'t>>,
    /// The keywords, best first.
    pub keywords: Vec<Keyword<'t>>,
    /// Every sentence's score parts (with `--explain`).
    pub explain: Vec<SentenceScore<'t>>,
    /// Sentences in the document.
    pub total_sentences: u32,
    /// Words in the document.
    pub total_words: u32,
    /// The postcard encoding (with `--format postcard`).
    pub postcard: Option<Vec<u8>>,
    /// Whether the summary stopped at [`SUMMARY_SENTENCES`] before its budget.
    pub capped: bool,
}

/// Analyzes `text` in `scratch`.
fn analyze_in<'t, const S: usize, const T: usize>(
    scratch: &mut Summarizer<S, T>,
    text: &'t str,
    req: &Request,
) -> Result<Analysis<'t>, talkhis::Error> {
    WORDS.with_borrow_mut(|words| analyze_with(scratch, text, req, words))
}

/// [`analyze_in`] with this thread's word slots, grown for `text` if need be.
fn analyze_with<'t, const S: usize, const T: usize>(
    scratch: &mut Summarizer<S, T>,
    text: &'t str,
    req: &Request,
    words: &mut Vec<WordSlot>,
) -> Result<Analysis<'t>, talkhis::Error> {
    let want = (text.len() / 2 + 1).min(MAX_WORD_SLOTS);
    if words.len() < want {
        words.resize(want, WordSlot::EMPTY);
    }
    let mut doc = scratch.analyze_with(text, &req.config, words)?;
    // The core's keyword and summary passes cost more with a larger capacity, and a shorter
    // list or summary is the start of a longer one: the smallest that holds the request.
    let keywords: Keywords<'t, MAX_KEYWORDS> = match req.config.keywords() {
        0..=16 => widen(doc.keywords::<16>()),
        17..=64 => widen(doc.keywords::<64>()),
        _ => doc.keywords(),
    };
    let mut postcard = None;
    let (sentences, totals, capped) = if req.mode == Mode::Summarize {
        let summary: Summary<'t, SUMMARY_SENTENCES> = match req.config.budget() {
            Budget::Sentences(0..=8) => widen_summary(doc.summary::<8>()),
            Budget::Sentences(9..=64) => widen_summary(doc.summary::<64>()),
            Budget::Sentences(_) => doc.summary(),
            // A budget in words takes as many sentences as they need: 64 unless they are
            // not enough.
            Budget::Words(_) | Budget::Ratio(_) => {
                let short = doc.summary::<64>();
                if short.sentences.is_full() { doc.summary() } else { widen_summary(short) }
            }
        };
        if req.format == Format::Postcard {
            postcard = Some(encode(|buf| summary.to_postcard(buf).map(|b| b.len()), text)?);
        }
        let capped = summary.sentences.is_full()
            && !matches!(req.config.budget(), Budget::Sentences(n) if usize::from(n) <= SUMMARY_SENTENCES);
        let totals = (summary.total_sentences, summary.total_words);
        (summary.sentences.to_vec(), totals, capped)
    } else {
        if req.format == Format::Postcard {
            postcard = Some(encode(|buf| keywords.to_postcard(buf).map(|b| b.len()), text)?);
        }
        let summary: Summary<'t, 0> = doc.summary();
        (Vec::new(), (summary.total_sentences, summary.total_words), false)
    };
    let explain = if req.explain { doc.scores().collect() } else { Vec::new() };
    Ok(Analysis {
        sentences,
        keywords: keywords.keywords.to_vec(),
        explain,
        total_sentences: totals.0,
        total_words: totals.1,
        postcard,
        capped,
    })
}

/// `keywords` in a list of the CLI's capacity (the list and its postcard encoding are the same
/// whatever the capacity).
fn widen<'t, const K: usize>(keywords: Keywords<'t, K>) -> Keywords<'t, MAX_KEYWORDS> {
    let mut wide = Keywords { keywords: Default::default() };
    for keyword in keywords.keywords {
        let _ = wide.keywords.push(keyword);
    }
    wide
}

/// `summary` in a summary of the CLI's capacity, as [`widen`] does for keywords.
fn widen_summary<'t, const N: usize>(summary: Summary<'t, N>) -> Summary<'t, SUMMARY_SENTENCES> {
    let Summary { sentences, total_sentences, total_words } = summary;
    let mut wide = Summary { sentences: Default::default(), total_sentences, total_words };
    for sentence in sentences {
        let _ = wide.sentences.push(sentence);
    }
    wide
}

/// Runs a `to_postcard` into a buffer large enough for any result of `text`: every byte of
/// text at most once, plus a few varints per item.
fn encode(
    to_postcard: impl FnOnce(&mut [u8]) -> Result<usize, talkhis::Error>,
    text: &str,
) -> Result<Vec<u8>, talkhis::Error> {
    let mut buf = vec![0u8; text.len() + 32 * (SUMMARY_SENTENCES + MAX_KEYWORDS) + 64];
    let used = to_postcard(&mut buf)?;
    buf.truncate(used);
    Ok(buf)
}

/// Analyzes `text` with this thread's scratch space of the requested size.
///
/// # Errors
///
/// A [`DocError`] of kind `too-large` that names the limit and what to do.
pub fn analyze<'t>(text: &'t str, req: &Request) -> Result<Analysis<'t>, DocError> {
    let result = if req.large {
        with_large(|s| analyze_in(s, text, req))
    } else {
        with_normal(|s| analyze_in(s, text, req))
    };
    result.map_err(|e| too_large(e, req.large))
}

/// The message of a capacity error: the limit, where, and what to do.
pub fn too_large(err: talkhis::Error, large: bool) -> DocError {
    let message = match err {
        talkhis::Error::CapacityExceeded {
            which: which @ (Capacity::Sentences | Capacity::Terms),
            limit,
            at,
        } => {
            let advice = if large {
                "that is the most talkhis can hold: split the document into parts".to_owned()
            } else {
                format!(
                    "rerun with --large (room for {LARGE_SENTENCES} sentences and {LARGE_TERMS} \
                     distinct terms)"
                )
            };
            format!(
                "document too large: more than {limit} {} (at byte {at}); {advice}",
                which.unit()
            )
        }
        talkhis::Error::CapacityExceeded { which: Capacity::TextBytes, .. } => {
            "document too large: more than 4 GiB; split it into parts".to_owned()
        }
        other => other.to_string(),
    };
    DocError { kind: "too-large", message }
}

/// What one document produced, ready to write in order.
struct Rendered {
    /// Bytes for the output.
    body: Vec<u8>,
    /// The input's size, if it was read.
    bytes: usize,
    /// The error message for standard error, if it failed.
    error: Option<String>,
    /// A warning for standard error.
    warning: Option<String>,
}

/// Reads, analyzes and renders one document.
fn render(source: &Source, lossy: bool, cap: Cap, req: &Request) -> Rendered {
    let path = source.path();
    let result = input::read(source, lossy, cap).and_then(|text| {
        let bytes = text.len();
        let analysis = analyze(&text, req)?;
        let warning = analysis.capped.then(|| {
            format!(
                "{}: summary cut at {SUMMARY_SENTENCES} sentences, the most the CLI returns",
                source.name()
            )
        });
        Ok((output::document(&analysis, path.as_deref(), req), bytes, warning))
    });
    match result {
        Ok((body, bytes, warning)) => Rendered { body, bytes, error: None, warning },
        Err(e) => Rendered {
            body: output::error(path.as_deref(), &e, req.format),
            bytes: 0,
            error: Some(format!("{}: {}", source.name(), e.message)),
            warning: None,
        },
    }
}

/// Whether every input succeeded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// All inputs were processed.
    Ok,
    /// At least one input failed (exit code 1).
    Failed,
}

/// How many documents a batch processes between two writes: bounds memory, keeps order.
const CHUNK: usize = 256;

/// A batch with more documents than this shows a progress bar (when stderr is a terminal).
const PROGRESS_MIN: usize = 64;

/// Runs `summarize` or `keywords`.
///
/// # Errors
///
/// Usage errors (exit code 2) and output errors; a failed input is reported and counted in
/// the returned [`Status`], not returned as an error.
pub fn run(mode: Mode, args: &InputArgs, budget: Option<Budget>, explain: bool) -> Result<Status> {
    let mut config = args.config.resolve()?;
    if let Some(budget) = budget {
        config = config.with_budget(budget);
    }
    if let Some(k) = args.keywords {
        config = config.with_keywords(k);
    }
    if args.null && args.files_from.is_none() {
        return Err(UsageError("-0/--null goes with --files-from FILE".into()).into());
    }
    let list_on_terminal =
        args.files_from.as_ref().is_some_and(|l| l.as_os_str() == "-") && io::stdin().is_terminal();
    if list_on_terminal && !args.quiet {
        eprintln!("talkhis: reading the paths from standard input, one a line (end with Ctrl-D)");
    }
    let inputs = input::expand(&Selection {
        paths: &args.paths,
        files_from: args.files_from.as_deref(),
        null: args.null,
        glob: args.glob.as_deref(),
    })?;
    let cap = Cap::new(args.max_bytes, args.large);
    let format = args.format.unwrap_or(if inputs.batch { Format::Jsonl } else { Format::Text });
    if format == Format::Postcard {
        if inputs.batch {
            return Err(UsageError(
                "--format postcard encodes one document; use jsonl for several".into(),
            )
            .into());
        }
        if args.output.is_none() && io::stdout().is_terminal() {
            return Err(UsageError(
                "refusing to write binary postcard to a terminal: redirect standard output or \
                 use --output FILE"
                    .into(),
            )
            .into());
        }
    }
    if inputs.sources == [Source::Stdin] && io::stdin().is_terminal() && !args.quiet {
        eprintln!("talkhis: reading standard input (end with Ctrl-D); see talkhis --help");
    }
    let req = Request { mode, config, explain, large: args.large, format };
    // `--output` goes to a temporary file beside the target, renamed over it only when the
    // run produced something: a failed run never truncates what the file held.
    let mut staged = None;
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => {
            let cannot = |e: io::Error| {
                let what = if path.is_dir() { "is a directory".to_owned() } else { e.to_string() };
                anyhow::anyhow!("cannot write {}: {what}", path.display())
            };
            if path.is_dir() {
                return Err(cannot(io::Error::other("is a directory")));
            }
            let stage = Staged::new(path);
            let file = File::create(&stage.tmp).map_err(cannot)?;
            staged = Some(stage);
            Box::new(io::BufWriter::new(file))
        }
        None => Box::new(io::BufWriter::new(io::stdout().lock())),
    };

    let sources = &inputs.sources;
    // Never on the terminal the output goes to: bar text would mix with the results.
    let output_on_terminal = args.output.is_none() && io::stdout().is_terminal();
    let progress = (inputs.batch
        && !args.quiet
        && sources.len() >= PROGRESS_MIN
        && io::stderr().is_terminal()
        && !output_on_terminal)
        .then(|| {
            let bar = ProgressBar::new(sources.len() as u64);
            if let Ok(style) = ProgressStyle::with_template(
                "{bar:40} {pos}/{len} documents, {elapsed} (eta {eta})",
            ) {
                bar.set_style(style);
            }
            bar
        });
    // Everything for standard error goes through the bar while it is drawn.
    let say = |line: String| match &progress {
        Some(bar) => bar.println(line),
        None => eprintln!("{line}"),
    };
    for skipped in &inputs.skipped {
        let name = output::visible(&skipped.path.display().to_string());
        say(format!("talkhis: warning: {name}: skipped, {}", skipped.what));
    }
    let started = Instant::now();
    let (mut bytes, mut failures, mut written) = (0usize, 0usize, 0usize);
    let json_array = format == Format::Json && inputs.batch;
    if json_array {
        out.write_all(b"[\n")?;
    }
    for chunk in sources.chunks(CHUNK) {
        let rendered: Vec<Rendered> = chunk
            .par_iter()
            .map(|source| {
                let r = render(source, args.lossy, cap, &req);
                if let Some(bar) = &progress {
                    bar.inc(1);
                }
                r
            })
            .collect();
        for (source, r) in chunk.iter().zip(rendered) {
            bytes += r.bytes;
            let failed = r.error.is_some();
            if let Some(message) = r.error {
                failures += 1;
                say(format!("talkhis: {message}"));
            }
            if let Some(warning) = r.warning {
                say(format!("talkhis: warning: {warning}"));
            }
            if format == Format::Text && inputs.batch && !failed {
                let sep = if written == 0 { "" } else { "\n" };
                writeln!(out, "{sep}==> {} <==", source.name())?;
                written += 1;
            }
            if r.body.is_empty() {
                continue;
            }
            if json_array && written > 0 {
                out.write_all(b",\n")?;
            }
            if format != Format::Text {
                written += 1;
            }
            out.write_all(&r.body)?;
        }
    }
    if json_array {
        out.write_all(b"\n]\n")?;
    }
    out.flush()?;
    drop(out);
    if let Some(stage) = staged
        && (failures < sources.len() || sources.is_empty())
    {
        stage.commit()?;
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    if inputs.batch && !args.quiet {
        let secs = started.elapsed().as_secs_f64();
        let mb = bytes as f64 / 1e6;
        let skipped = match inputs.skipped.len() {
            0 => String::new(),
            n => format!(", {n} skipped (not regular files)"),
        };
        eprintln!(
            "talkhis: {}, {failures} failed{skipped}, {mb:.2} MB in {secs:.2} s ({:.1} MB/s)",
            output::count(sources.len(), "document", "documents"),
            if secs > 0.0 { mb / secs } else { 0.0 }
        );
    }
    Ok(if failures == 0 { Status::Ok } else { Status::Failed })
}

/// Prints the configuration as TOML (`talkhis config`).
///
/// # Errors
///
/// As [`crate::args::ConfigArgs::resolve`], and output errors.
pub fn print_config(args: &crate::args::ConfigArgs) -> Result<()> {
    let config = args.resolve()?;
    write_stdout(crate::settings::render(&config).as_bytes()).context("writing the config")
}

/// Prints the completion script for `shell` (`talkhis completions bash`).
///
/// # Errors
///
/// Output errors.
pub fn print_completions(shell: clap_complete::Shell) -> Result<()> {
    let mut cmd = <crate::args::Cli as clap::CommandFactory>::command();
    // Into memory first: `generate` panics on a write error such as a closed pipe.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "talkhis", &mut script);
    write_stdout(&script)
}

/// Prints the manual page as roff (`talkhis man | man -l -`).
///
/// # Errors
///
/// Output errors.
pub fn print_man() -> Result<()> {
    let cmd = <crate::args::Cli as clap::CommandFactory>::command();
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut page)?;
    write_stdout(&page)
}

/// Writes `bytes` to standard output.
fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(())
}

/// A temporary output file, renamed over its target by [`Staged::commit`] and removed if
/// dropped without it.
struct Staged {
    tmp: std::path::PathBuf,
    dest: std::path::PathBuf,
    committed: bool,
}

impl Staged {
    fn new(dest: &std::path::Path) -> Self {
        let name = dest.file_name().map_or_else(|| "output".into(), |n| n.to_string_lossy());
        let tmp = dest.with_file_name(format!(".{name}.talkhis-{}.tmp", std::process::id()));
        Self { tmp, dest: dest.to_path_buf(), committed: false }
    }

    fn commit(mut self) -> anyhow::Result<()> {
        std::fs::rename(&self.tmp, &self.dest)
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", self.dest.display()))?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

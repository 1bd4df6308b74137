//! Rendering one document's results: text, the explain table, JSON (the stable schema) and
//! postcard.
//!
//! Arabic is written in logical order, as the input has it: the terminal does the
//! right-to-left layout. Only the explain table adds a LEFT-TO-RIGHT MARK at the start of
//! each line, so that a terminal that lays out each line by its first strong letter keeps the
//! numeric columns on the left even when a row's only letters are Arabic.

use std::fmt::Write as _;

use serde::Serialize;
use talkhis::{Score, SentenceScore};

use crate::args::Format;
use crate::input::DocError;
use crate::process::{Analysis, Mode, Request};

/// A summary sentence in JSON.
#[derive(Serialize)]
pub struct SentenceOut<'t> {
    /// The sentence, exactly as in the input.
    pub text: &'t str,
    /// Byte offset of its start in the input.
    pub start: usize,
    /// Byte offset just past its end.
    pub end: usize,
    /// Its score (a decimal: the core's thousandths / 1000).
    pub score: f64,
}

/// A keyword in JSON.
#[derive(Serialize)]
pub struct KeywordOut<'t> {
    /// The keyword as the text writes it most often.
    pub text: &'t str,
    /// Byte offset of that form's first occurrence.
    pub start: usize,
    /// Its score (a decimal).
    pub score: f64,
    /// How many times the term occurs, in all its forms.
    pub count: u16,
}

/// One row of `--explain` in JSON.
#[derive(Serialize)]
pub struct ExplainOut<'t> {
    /// Index among the document's sentences.
    pub index: u32,
    /// The sentence.
    pub text: &'t str,
    /// Byte offset of its start.
    pub start: usize,
    /// Byte offset just past its end.
    pub end: usize,
    /// Words.
    pub words: u16,
    /// Content words (not stopwords, not numbers).
    pub content_words: u16,
    /// Whether it is the headline.
    pub headline: bool,
    /// Whether it may be chosen.
    pub eligible: bool,
    /// Whether the summary chose it.
    pub chosen: bool,
    /// The content part (best sentence = 1).
    pub content: f64,
    /// The position part.
    pub position: f64,
    /// The lead bonus.
    pub bonus: f64,
    /// The weighted total that ranks the sentences.
    pub total: f64,
}

/// One document in JSON.
#[derive(Serialize)]
pub struct DocumentOut<'a, 't> {
    /// The input file; absent for standard input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<&'a str>,
    /// Sentences in the document.
    pub total_sentences: u32,
    /// Words in the document.
    pub total_words: u32,
    /// The summary, in document order (`summarize` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentences: Option<Vec<SentenceOut<'t>>>,
    /// The keywords, best first.
    pub keywords: Vec<KeywordOut<'t>>,
    /// Every sentence with its score parts (`--explain` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<Vec<ExplainOut<'t>>>,
}

/// A failed input in JSON.
#[derive(Serialize)]
pub struct ErrorOut<'a> {
    /// The input; absent for standard input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<&'a str>,
    /// What went wrong.
    pub error: ErrorBody<'a>,
}

/// The `error` object.
#[derive(Serialize)]
pub struct ErrorBody<'a> {
    /// Stable kind (see [`DocError::kind`]).
    pub kind: &'a str,
    /// Message for people.
    pub message: &'a str,
}

/// A score as a decimal.
fn decimal(score: Score) -> f64 {
    f64::from(score.0) / 1000.0
}

/// The JSON value of one document.
fn json_document<'a, 't>(
    analysis: &Analysis<'t>,
    path: Option<&'a str>,
    req: &Request,
) -> DocumentOut<'a, 't> {
    let chosen = |start: usize| analysis.sentences.iter().any(|s| s.start == start);
    DocumentOut {
        path,
        total_sentences: analysis.total_sentences,
        total_words: analysis.total_words,
        sentences: (req.mode == Mode::Summarize).then(|| {
            analysis
                .sentences
                .iter()
                .map(|s| SentenceOut {
                    text: s.text,
                    start: s.start,
                    end: s.start + s.text.len(),
                    score: decimal(s.score),
                })
                .collect()
        }),
        keywords: analysis
            .keywords
            .iter()
            .map(|k| KeywordOut {
                text: k.text,
                start: k.start,
                score: decimal(k.score),
                count: k.count,
            })
            .collect(),
        explain: req.explain.then(|| {
            analysis
                .explain
                .iter()
                .map(|s| ExplainOut {
                    index: s.index,
                    text: s.text,
                    start: s.start,
                    end: s.start + s.text.len(),
                    words: s.words,
                    content_words: s.content_words,
                    headline: s.headline,
                    eligible: s.eligible,
                    chosen: chosen(s.start),
                    content: decimal(s.content),
                    position: decimal(s.position),
                    bonus: decimal(s.bonus),
                    total: decimal(s.total),
                })
                .collect()
        }),
    }
}

/// `value` as JSON: pretty for `json`, one line for `jsonl`; ends with a newline.
fn json<T: Serialize>(value: &T, format: Format) -> Vec<u8> {
    let mut out = if format == Format::Json {
        serde_json::to_vec_pretty(value)
    } else {
        serde_json::to_vec(value)
    }
    // Serializing these plain structs cannot fail (no maps with non-string keys, no I/O).
    .unwrap_or_default();
    out.push(b'\n');
    out
}

/// `text` on one line, safe for a terminal: every run of whitespace (line breaks included)
/// becomes one space, and every other control character is escaped ([`visible`]).
pub fn one_line(text: &str) -> String {
    visible(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// `text` with its control characters other than newline and tab (C0, DEL, C1: NUL, ESC, …)
/// escaped as `\u{1b}`, so that text output never sends a terminal a control sequence.
/// JSON escapes them itself.
pub fn visible(text: &str) -> String {
    if !text.chars().any(hidden) {
        return text.to_owned();
    }
    text.chars().fold(String::with_capacity(text.len() + 8), |mut out, c| {
        if hidden(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
        out
    })
}

/// Whether [`visible`] escapes `c`.
fn hidden(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// `n` and the noun, singular for 1: `1 document`, `3 documents`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The rendered output of one successful document.
pub fn document(analysis: &Analysis<'_>, path: Option<&str>, req: &Request) -> Vec<u8> {
    match req.format {
        Format::Json | Format::Jsonl => json(&json_document(analysis, path, req), req.format),
        Format::Postcard => analysis.postcard.clone().unwrap_or_default(),
        Format::Text if req.explain => explain_table(analysis, req).into_bytes(),
        Format::Text => {
            let mut out = String::new();
            match req.mode {
                Mode::Summarize => {
                    for s in &analysis.sentences {
                        out.push_str(&one_line(s.text));
                        out.push('\n');
                    }
                }
                Mode::Keywords => {
                    for k in &analysis.keywords {
                        out.push_str(&visible(k.text));
                        out.push('\n');
                    }
                }
            }
            out.into_bytes()
        }
    }
}

/// The output for a failed document: a JSON error object, or nothing (text and postcard
/// report on standard error only).
pub fn error(path: Option<&str>, e: &DocError, format: Format) -> Vec<u8> {
    match format {
        Format::Json | Format::Jsonl => {
            json(&ErrorOut { path, error: ErrorBody { kind: e.kind, message: &e.message } }, format)
        }
        Format::Text | Format::Postcard => Vec::new(),
    }
}

/// LEFT-TO-RIGHT MARK: starts each table line so that the columns stay in order.
const LRM: char = '\u{200E}';

/// The longest sentence excerpt in the explain table, in characters.
const EXCERPT: usize = 60;

/// The `--explain` table: every sentence with its score parts.
fn explain_table(analysis: &Analysis<'_>, req: &Request) -> String {
    let c = &req.config;
    let chosen = |s: &SentenceScore<'_>| analysis.sentences.iter().any(|x| x.start == s.start);
    // The legend names only the flags the table uses.
    let mut legend = Vec::new();
    if analysis.explain.iter().any(chosen) {
        legend.push("* chosen".to_owned());
    }
    if analysis.explain.iter().any(|s| s.headline) {
        legend.push("H headline".to_owned());
    }
    if analysis.explain.iter().any(|s| !s.eligible) {
        legend.push(format!("- not eligible (fewer than {} content words)", c.min_words()));
    }
    let legend = if legend.is_empty() {
        String::new()
    } else {
        format!("{LRM}flags: {}\n", legend.join(", "))
    };
    let mut out = format!(
        "{LRM}total ranks the sentences: content × {}% + position × {}% + bonus (lead bonus {}, \
         position decay {}‰; other weights: talkhis config)\n\
         {legend}\
         {LRM}{:>4} {:<4} {:>5} {:>13} {:>7} {:>8} {:>6} {:>7}  sentence\n",
        c.content_weight(),
        c.position_weight(),
        Score(u32::from(c.lead_bonus())),
        c.position_decay(),
        "#",
        "flag",
        "words",
        "content-words",
        "content",
        "position",
        "bonus",
        "total",
    );
    for s in &analysis.explain {
        let mut flags = String::new();
        flags.push(if chosen(s) { '*' } else { ' ' });
        if s.headline {
            flags.push('H');
        }
        if !s.eligible {
            flags.push('-');
        }
        let line = one_line(s.text);
        let mut excerpt: String = line.chars().take(EXCERPT).collect();
        if line.chars().count() > EXCERPT {
            excerpt.push('…');
        }
        let _ = writeln!(
            out,
            "{LRM}{:>4} {:<4} {:>5} {:>13} {:>7} {:>8} {:>6} {:>7}  {excerpt}",
            s.index,
            flags,
            s.words,
            s.content_words,
            s.content.to_string(),
            s.position.to_string(),
            s.bonus.to_string(),
            s.total.to_string(),
        );
    }
    out
}

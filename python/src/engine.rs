//! The scratch spaces and the one analysis every function runs, with no Python in sight.

use std::cell::RefCell;
use std::ops::Range;

use talkhis::{Budget, Capacity, Config, Document, Error, Keywords, Summarizer, Summary, WordSlot};

use crate::convert::{self, RawDoc, RawKeyword, RawSentence};

/// The most sentences a summary holds: the CLI's `SUMMARY_SENTENCES`, so `sentences` has the
/// range of its `--sentences`.
pub const SUMMARY_SENTENCES: usize = 1024;

/// The most keywords: the CLI's `MAX_KEYWORDS` (the range of its `-k`).
pub const MAX_KEYWORDS: usize = 256;

/// The scratch of the module functions: the CLI's default (16384 sentences, 65536 terms,
/// about 0.85 MB a thread).
type Normal = Summarizer<16_384, 65_536>;

/// The CLI's `--large` scratch, which the module functions fall back to for a text too large
/// for [`Normal`] (about 3.4 MB a thread, made only when needed).
type Large = Summarizer<65_535, 262_144>;

/// The capacities of [`Large`], the most a text may have.
pub const LARGEST: (usize, usize) = (65_535, 262_144);

/// Stack reserved for the batch threads (only touched if a scratch is built on the stack).
pub const STACK: usize = 64 << 20;

/// The most word slots a thread keeps (12 bytes each: 3 MB), for `analyze_with`: a text that
/// may have more words (over about 512 KB) is analyzed without them, with the same results.
const MAX_WORD_SLOTS: usize = 1 << 18;

thread_local! {
    static NORMAL: RefCell<Option<Box<Normal>>> = const { RefCell::new(None) };
    static LARGE: RefCell<Option<Box<Large>>> = const { RefCell::new(None) };
    static WORDS: RefCell<Vec<WordSlot>> = const { RefCell::new(Vec::new()) };
}

/// What a call needs from the analysis.
#[derive(Clone, Copy, Debug)]
pub struct Want {
    summary: bool,
    keywords: bool,
}

impl Want {
    pub const SUMMARY: Self = Self { summary: true, keywords: false };
    pub const KEYWORDS: Self = Self { summary: false, keywords: true };
    pub const BOTH: Self = Self { summary: true, keywords: true };
}

/// Analyzes `text` in this thread's scratch: the CLI's default one, or its `--large` one if
/// the text has too many sentences or terms for it.
pub fn run_local(text: &str, config: &Config, want: Want) -> Result<RawDoc, Error> {
    let normal = NORMAL.with_borrow_mut(|slot| {
        let scratch = slot.get_or_insert_with(|| Box::new(Summarizer::new()));
        with_words(text, |words| run(scratch, words, text, config, want))
    });
    match normal {
        Err(Error::CapacityExceeded { which: Capacity::Sentences | Capacity::Terms, .. }) => LARGE
            .with_borrow_mut(|slot| {
                let scratch = slot.get_or_insert_with(|| Box::new(Summarizer::new()));
                with_words(text, |words| run(scratch, words, text, config, want))
            }),
        other => other,
    }
}

/// Runs `f` with this thread's word slots, grown for `text` (up to [`MAX_WORD_SLOTS`]).
fn with_words<R>(text: &str, f: impl FnOnce(&mut [WordSlot]) -> R) -> R {
    WORDS.with_borrow_mut(|words| {
        let want = (text.len() / 2 + 1).min(MAX_WORD_SLOTS);
        if words.len() < want {
            words.resize(want, WordSlot::EMPTY);
        }
        f(words)
    })
}

/// The analysis: keywords first, then the summary, as the CLI does; offsets in code points.
fn run<const S: usize, const T: usize>(
    scratch: &mut Summarizer<S, T>,
    words: &mut [WordSlot],
    text: &str,
    config: &Config,
    want: Want,
) -> Result<RawDoc, Error> {
    let mut doc = scratch.analyze_with(text, config, words)?;
    let mut raw = RawDoc::default();
    let mut index = convert::CharIndex::new(text);
    if want.keywords {
        // The core's keyword pass costs more with a larger `K` (on the sample, 127k
        // instructions for `Keywords<'_, 16>`, 802k for 256): the smallest that holds `k`.
        let found = match config.keywords() {
            0..=16 => keywords::<16, S, T>(&mut doc),
            17..=64 => keywords::<64, S, T>(&mut doc),
            _ => keywords::<MAX_KEYWORDS, S, T>(&mut doc),
        };
        // Offsets converted in text order, each keyword then put back in its rank.
        let mut order: Vec<usize> = (0..found.len()).collect();
        order.sort_unstable_by_key(|&i| found[i].0.start);
        let mut spans = vec![None; order.len()];
        for i in order {
            let (bytes, _, _) = &found[i];
            spans[i] = Some(index.span(bytes.start, bytes.end));
        }
        raw.keywords = found
            .into_iter()
            .zip(spans)
            .filter_map(|((_, score, count), span)| Some(RawKeyword { span: span?, score, count }))
            .collect();
    }
    if want.summary {
        // Likewise a `Summary<'_, N>` (38k instructions for N = 8, 136k for 1024): the
        // smallest that holds the budget, or, for a budget in words, 64 sentences unless
        // they are not enough.
        let (found, totals) = match config.budget() {
            Budget::Sentences(0..=8) => summary::<8, S, T>(&mut doc),
            Budget::Sentences(9..=64) | Budget::Words(_) | Budget::Ratio(_) => {
                match summary::<64, S, T>(&mut doc) {
                    (found, _)
                        if found.len() == 64
                            && !matches!(config.budget(), Budget::Sentences(_)) =>
                    {
                        summary::<SUMMARY_SENTENCES, S, T>(&mut doc)
                    }
                    done => done,
                }
            }
            Budget::Sentences(_) => summary::<SUMMARY_SENTENCES, S, T>(&mut doc),
        };
        index.rewind();
        raw.sentences = found
            .into_iter()
            .map(|(bytes, score)| RawSentence { span: index.span(bytes.start, bytes.end), score })
            .collect();
        (raw.total_sentences, raw.total_words) = totals;
    }
    Ok(raw)
}

/// The keywords of `doc` in a `Keywords<'_, K>`: (bytes, score, count), best first.
fn keywords<const K: usize, const S: usize, const T: usize>(
    doc: &mut Document<'_, '_, S, T>,
) -> Vec<(Range<usize>, u32, u16)> {
    let found: Keywords<'_, K> = doc.keywords();
    found.keywords.iter().map(|k| (k.start..k.start + k.text.len(), k.score.0, k.count)).collect()
}

/// A summary sentence's bytes and score.
type SentenceSpan = (Range<usize>, u32);

/// The summary of `doc` in a `Summary<'_, N>`: (bytes, score) in document order, and the
/// document's sentences and words.
fn summary<const N: usize, const S: usize, const T: usize>(
    doc: &mut Document<'_, '_, S, T>,
) -> (Vec<SentenceSpan>, (u32, u32)) {
    let found: Summary<'_, N> = doc.summary();
    let spans = found.sentences.iter().map(|s| (s.start..s.start + s.text.len(), s.score.0));
    (spans.collect(), (found.total_sentences, found.total_words))
}

/// A scratch space of one of the supported sizes, for `talkhis.Summarizer`.
pub enum Boxed {
    S1k(Box<Summarizer<1024, 4096>>),
    S4k(Box<Summarizer<4096, 16_384>>),
    S16k(Box<Normal>),
    S64k(Box<Large>),
}

impl Boxed {
    /// The smallest size holding `sentences` and `terms`, or `None` if none does.
    pub fn fitting(sentences: i64, terms: i64) -> Option<Self> {
        let fits = |s: usize, t: usize| {
            usize::try_from(sentences).is_ok_and(|n| n <= s)
                && usize::try_from(terms).is_ok_and(|n| n <= t)
        };
        Some(if fits(1024, 4096) {
            Self::S1k(Box::new(Summarizer::new()))
        } else if fits(4096, 16_384) {
            Self::S4k(Box::new(Summarizer::new()))
        } else if fits(16_384, 65_536) {
            Self::S16k(Box::new(Summarizer::new()))
        } else if fits(LARGEST.0, LARGEST.1) {
            Self::S64k(Box::new(Summarizer::new()))
        } else {
            return None;
        })
    }

    /// Its capacities: (sentences, terms).
    pub const fn size(&self) -> (usize, usize) {
        match self {
            Self::S1k(_) => (1024, 4096),
            Self::S4k(_) => (4096, 16_384),
            Self::S16k(_) => (16_384, 65_536),
            Self::S64k(_) => LARGEST,
        }
    }

    /// Runs `want` on `text` in this scratch (with this thread's word slots).
    pub fn run(&mut self, text: &str, config: &Config, want: Want) -> Result<RawDoc, Error> {
        with_words(text, |words| match self {
            Self::S1k(s) => run(s, words, text, config, want),
            Self::S4k(s) => run(s, words, text, config, want),
            Self::S16k(s) => run(s, words, text, config, want),
            Self::S64k(s) => run(s, words, text, config, want),
        })
    }
}

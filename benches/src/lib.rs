//! Inputs and stage functions shared by the criterion benchmarks (`src/bench.rs`) and the
//! instruction-count profiler (`src/profile.rs`), so both measure the very same code.
//!
//! The inputs are compiled in with `include_str!`; `benches/data/README.md` says where each
//! comes from.

use std::hint::black_box;

use talkhis::{
    Config, Keywords, Summarizer, Summary, WordSlot, normalize, sentences, stem, stopwords,
    tokenize,
};

/// The scratch used for every input: room for a 1 MB text with a margin (`large` has 4,117
/// sentences and between 4,097 and 8,192 distinct terms). 852 KB, so it lives in a `Box`.
///
/// On 64-bit targets `analyze` keeps each word in the term slots a text leaves spare: every
/// input but `large` fits, so [`summarize`], [`keywords`] and [`both`] read their words
/// from there as the `_with` functions read lent slots; `large` (94,724 words) reads its
/// text again.
pub type Scratch = Summarizer<16384, 65536>;

/// Sentences in a summary.
pub const SUMMARY: usize = 5;
/// Keywords in a keyword list.
pub const KEYWORDS: usize = 10;

/// A benchmark input: a short name and the text.
#[derive(Clone, Copy, Debug)]
pub struct Input {
    /// The name used in benchmark ids (`summarize/pipeline/large`).
    pub name: &'static str,
    /// The text.
    pub text: &'static str,
}

/// Every input, smallest first among the three sizes, then the special texts.
pub const INPUTS: [Input; 5] = [
    Input { name: "sample", text: include_str!("../../tests/data/sample.txt") },
    Input { name: "medium", text: include_str!("../data/medium.txt") },
    Input { name: "large", text: include_str!("../data/large.txt") },
    Input { name: "diacritized", text: include_str!("../data/diacritized.txt") },
    Input { name: "mixed", text: include_str!("../data/mixed.txt") },
];

/// The input called `name`, if there is one.
#[must_use]
pub fn input(name: &str) -> Option<Input> {
    INPUTS.iter().copied().find(|i| i.name == name)
}

/// A new boxed scratch, built on the heap once and reused by every iteration.
#[must_use]
pub fn scratch() -> Box<Scratch> {
    Box::new(Summarizer::new())
}

/// Word slots for [`Summarizer::analyze_with`], enough for every input (a text of `n` bytes
/// has at most `n / 2 + 1` words): 6.3 MB for the 1 MB input, so built once, outside the loop.
#[must_use]
pub fn word_slots() -> Vec<WordSlot> {
    let most = INPUTS.iter().map(|i| i.text.len() / 2 + 1).max().unwrap_or(0);
    vec![WordSlot::EMPTY; most]
}

/// Baseline: the number of whitespace-separated words (`str::split_whitespace`).
#[must_use]
pub fn split_whitespace(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Baseline: one pass that decodes every `char` (`chars().count()` alone is special-cased by
/// the standard library to count bytes without decoding, so it would not be a `chars()` pass).
#[must_use]
pub fn chars(text: &str) -> u32 {
    text.chars().fold(0, |h, c| h.rotate_left(5) ^ c as u32)
}

/// Stage 1: every character folded (`normalize::chars`).
#[must_use]
pub fn fold(text: &str) -> u32 {
    normalize::chars(text).fold(0, |h, c| h.rotate_left(5) ^ c as u32)
}

/// Stage 2: the word spans.
#[must_use]
pub fn words(text: &str) -> usize {
    tokenize::words(text).count()
}

/// Stage 3: the sentence spans.
#[must_use]
pub fn sentences(text: &str) -> usize {
    sentences::split(text).count()
}

/// The folded words of `text` that fit 64 bytes, the input of the stem and stopword stages.
#[must_use]
pub fn folded_words(text: &str) -> Vec<String> {
    let mut buf = [0u8; 64];
    tokenize::words(text)
        .filter_map(|(_, w)| normalize::word_into(w, &mut buf).map(str::to_owned))
        .collect()
}

/// Stage 4: the stopword lookup of every (folded) word.
#[must_use]
pub fn stopwords(words: &[String]) -> usize {
    words.iter().filter(|w| stopwords::contains(w)).count()
}

/// Stage 5: the stem of every (folded) word.
#[must_use]
pub fn stem(words: &[String]) -> usize {
    words.iter().map(|w| stem::strip_affixes(w).len()).sum()
}

/// Pass 1 alone: sentences, words, term counts.
///
/// # Panics
///
/// If the text does not fit [`Scratch`].
pub fn analyze(s: &mut Scratch, text: &str) {
    let doc = s.analyze(text, &Config::new()).expect("the input fits the scratch");
    black_box(&doc);
}

/// Pass 1 and pass 2: every sentence scored.
///
/// # Panics
///
/// If the text does not fit [`Scratch`].
#[must_use]
pub fn scores(s: &mut Scratch, text: &str) -> u32 {
    let mut doc = s.analyze(text, &Config::new()).expect("the input fits the scratch");
    doc.scores().fold(0, |h, sc| h ^ sc.total.0)
}

/// End to end: a summary.
///
/// # Panics
///
/// If the text does not fit [`Scratch`].
#[must_use]
pub fn summarize<'t>(s: &mut Scratch, text: &'t str) -> Summary<'t, SUMMARY> {
    s.summarize(text, &Config::new()).expect("the input fits the scratch")
}

/// End to end: keywords.
///
/// # Panics
///
/// If the text does not fit [`Scratch`].
#[must_use]
pub fn keywords<'t>(s: &mut Scratch, text: &'t str) -> Keywords<'t, KEYWORDS> {
    s.keywords(text, &Config::new()).expect("the input fits the scratch")
}

/// End to end: one analysis, then both a summary and keywords.
///
/// # Panics
///
/// If the text does not fit [`Scratch`].
#[must_use]
pub fn both<'t>(s: &mut Scratch, text: &'t str) -> (Summary<'t, SUMMARY>, Keywords<'t, KEYWORDS>) {
    let mut doc = s.analyze(text, &Config::new()).expect("the input fits the scratch");
    (doc.summary(), doc.keywords())
}

/// [`summarize`] with word slots ([`Summarizer::analyze_with`]).
///
/// # Panics
///
/// If the text does not fit [`Scratch`].
#[must_use]
pub fn summarize_with<'t>(
    s: &mut Scratch,
    words: &mut [WordSlot],
    text: &'t str,
) -> Summary<'t, SUMMARY> {
    s.analyze_with(text, &Config::new(), words).expect("the input fits the scratch").summary()
}

/// [`keywords`] with word slots ([`Summarizer::analyze_with`]).
///
/// # Panics
///
/// If the text does not fit [`Scratch`].
#[must_use]
pub fn keywords_with<'t>(
    s: &mut Scratch,
    words: &mut [WordSlot],
    text: &'t str,
) -> Keywords<'t, KEYWORDS> {
    s.analyze_with(text, &Config::new(), words).expect("the input fits the scratch").keywords()
}

/// [`both`] with word slots ([`Summarizer::analyze_with`]).
///
/// # Panics
///
/// If the text does not fit [`Scratch`].
#[must_use]
pub fn both_with<'t>(
    s: &mut Scratch,
    words: &mut [WordSlot],
    text: &'t str,
) -> (Summary<'t, SUMMARY>, Keywords<'t, KEYWORDS>) {
    let mut doc = s.analyze_with(text, &Config::new(), words).expect("the input fits the scratch");
    (doc.summary(), doc.keywords())
}

/// Runs `f` on a black-boxed input `n` times (for the profiler).
pub fn repeat<T>(n: usize, mut f: impl FnMut() -> T) {
    for _ in 0..n {
        black_box(f());
    }
}

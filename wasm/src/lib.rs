//! talkhis for WebAssembly: a C ABI over static buffers, with no allocator and no
//! wasm-bindgen, for `wasm32-unknown-unknown`. `talkhis.mjs` is the JavaScript side.
//!
//! The protocol, all integers little-endian:
//!
//! 1. Write the text, UTF-8, at [`talkhis_input`] (at most [`talkhis_input_capacity`] bytes).
//! 2. Optionally change the weights: [`talkhis_weights`] points to [`WEIGHTS`] `u16`s, in
//!    the order of [`weights`], which hold the core's defaults until changed (booleans are 0
//!    or 1).
//! 3. Call [`talkhis_run`] with its length, the budget, the number of keywords and whether to
//!    explain.
//! 4. A result `n >= 0` is the length of the answer at [`talkhis_output`], as `u32` words:
//!    `total_sentences, total_words, S, S × (start, length, score), K, K × (start, length,
//!    score, count)`, then for each of the K keywords `O, O × (start, length)`: its
//!    occurrences in every form the core counts ([`talkhis::Document::occurrences`], at most
//!    [`MAX_OCCURRENCES`] in all), where starts and lengths are byte offsets into the input and
//!    scores are in thousandths; with `explain`, then `E, E × (start, length, words | content_words <<
//!    16, headline | eligible << 1, content, position, bonus, total)`, every sentence in
//!    document order, as `talkhis --explain` shows them. A result `n < 0` means an error,
//!    whose message (UTF-8) is the first `-n` bytes at [`talkhis_output`].
//!
//! The panic handler calls an import, `env.talkhis_panic_path_survived`, which the module
//! only imports if a panic path survived optimization (on wasm32 an undefined symbol becomes
//! an import instead of a link error). The JavaScript tests check that the built module
//! imports nothing: that proves it panic-free, `summarize`, `keywords` and error formatting.

#![no_std]

use core::cell::UnsafeCell;

use talkhis::{Budget, Config, Keywords, SentenceScore, Summarizer, Summary};

/// The longest input, in bytes (1 MiB).
pub const INPUT_BYTES: usize = 1 << 20;

/// Sentences and distinct terms the scratch holds: far more than any article (about 290 KB).
const SENTENCES: usize = 4096;
const TERMS: usize = 16384;

/// The most summary sentences and keywords one call returns.
pub const MAX_SENTENCES: usize = 64;
/// The most keywords one call returns.
pub const MAX_KEYWORDS: usize = 64;

/// The most keyword occurrences one call returns, all keywords together.
pub const MAX_OCCURRENCES: usize = 16384;

/// Room for the largest answer: 2 + 1 + 3 × 64 + 1 + 4 × 64 + 64 + 2 × 16384 + 1 + 8 × 4096
/// words.
const OUTPUT_BYTES: usize = 4
    * (2 + 1
        + 3 * MAX_SENTENCES
        + 1
        + 4 * MAX_KEYWORDS
        + MAX_KEYWORDS
        + 2 * MAX_OCCURRENCES
        + 1
        + 8 * SENTENCES);

/// How many weights [`talkhis_weights`] holds.
pub const WEIGHTS: usize = 15;

/// The core's default weights, in the order `talkhis.mjs` names them (`WEIGHTS` there):
/// content_weight, position_weight, position_decay, lead_bonus, headline_boost,
/// length_smoothing, min_words, redundancy, headline_eligible, fill, keyword_position_decay,
/// lead_sentences, topic_threshold, phrase_weight, phrase_min_count.
const fn weights() -> [u16; WEIGHTS] {
    let c = Config::new();
    [
        c.content_weight(),
        c.position_weight(),
        c.position_decay(),
        c.lead_bonus(),
        c.headline_boost(),
        c.length_smoothing(),
        c.min_words(),
        c.redundancy(),
        c.headline_eligible() as u16,
        c.fill() as u16,
        c.keyword_position_decay(),
        c.lead_sentences(),
        c.topic_threshold(),
        c.phrase_weight(),
        c.phrase_min_count(),
    ]
}

/// The module's memory: all of it static, zero-initialized (no data segment).
struct State {
    input: [u8; INPUT_BYTES],
    output: [u8; OUTPUT_BYTES],
    scratch: Summarizer<SENTENCES, TERMS>,
}

struct Global<T>(UnsafeCell<T>);

// SAFETY: wasm32-unknown-unknown without the `atomics` feature runs one thread, and no export
// calls another, so at most one reference to the state is live at a time.
unsafe impl<T> Sync for Global<T> {}

static STATE: Global<State> = Global(UnsafeCell::new(State {
    input: [0; INPUT_BYTES],
    output: [0; OUTPUT_BYTES],
    scratch: Summarizer::new(),
}));

/// The weights (apart from the rest of the state, which must stay zero to stay out of the
/// file): a data segment of 38 bytes.
static WEIGHT_VALUES: Global<[u16; WEIGHTS]> = Global(UnsafeCell::new(weights()));

/// Where the caller reads and writes the weights ([`WEIGHTS`] `u16`s, see [`weights`]).
#[unsafe(no_mangle)]
pub extern "C" fn talkhis_weights() -> *mut u16 {
    WEIGHT_VALUES.0.get().cast()
}

/// Where the caller writes the input text.
#[unsafe(no_mangle)]
pub extern "C" fn talkhis_input() -> *mut u8 {
    // SAFETY: only a raw pointer to the field is made, no reference.
    unsafe { (&raw mut (*STATE.0.get()).input).cast() }
}

/// How many bytes the input may have.
#[unsafe(no_mangle)]
pub extern "C" fn talkhis_input_capacity() -> usize {
    INPUT_BYTES
}

/// Where the answer of the last [`talkhis_run`] is.
#[unsafe(no_mangle)]
pub extern "C" fn talkhis_output() -> *const u8 {
    // SAFETY: only a raw pointer to the field is made, no reference.
    unsafe { (&raw const (*STATE.0.get()).output).cast() }
}

/// Summarizes the first `len` bytes of the input and finds its keywords.
///
/// `budget` picks how `amount` is read: 0 = sentences, 1 = words, 2 = permille of the
/// document's words. At most [`MAX_SENTENCES`] sentences and `keywords.min(MAX_KEYWORDS)`
/// keywords are returned, and with `explain != 0` every sentence's score parts. Returns the
/// answer's length, or minus the error message's length.
#[unsafe(no_mangle)]
pub extern "C" fn talkhis_run(
    len: usize,
    budget: u32,
    amount: u32,
    keywords: u32,
    explain: u32,
) -> i32 {
    // SAFETY: see `Global`: these are the only references to the state and the weights
    // while the call runs, and the caller (JavaScript) does not touch the memory until it
    // returns.
    let (state, weights) = unsafe { (&mut *STATE.0.get(), &*WEIGHT_VALUES.0.get()) };
    let State { input, output, scratch } = state;
    let mut out = Out { buf: output, len: 0 };
    let config = config(budget, amount, keywords, weights);
    match input.get(..len).map(core::str::from_utf8) {
        Some(Ok(text)) => match scratch.analyze(text, &config) {
            Ok(mut doc) => {
                let summary: Summary<'_, MAX_SENTENCES> = doc.summary();
                let keywords: Keywords<'_, MAX_KEYWORDS> = doc.keywords();
                answer(&mut out, &summary, &keywords);
                let mut room = MAX_OCCURRENCES;
                for k in &keywords.keywords {
                    let start = out.len;
                    out.u32(0);
                    let mut n = 0;
                    for (from, to) in doc.occurrences(k).take(room) {
                        out.u32(from as u32);
                        out.u32((to - from) as u32);
                        n += 1;
                    }
                    room -= n;
                    out.patch(start, n as u32);
                }
                if explain != 0 {
                    let start = out.len;
                    out.u32(0);
                    let mut n = 0;
                    for s in doc.scores() {
                        parts(&mut out, &s);
                        n += 1;
                    }
                    out.patch(start, n);
                }
                out.len as i32
            }
            Err(e) => {
                // Without `core::fmt`, whose machinery would be 2.5 KB of the module.
                e.write_message(|piece| out.bytes(piece.as_bytes()));
                -(out.len as i32)
            }
        },
        Some(Err(_)) => fail(&mut out, "the input is not UTF-8"),
        None => fail(&mut out, "the input is longer than the input buffer"),
    }
}

fn config(budget: u32, amount: u32, keywords: u32, weights: &[u16; WEIGHTS]) -> Config {
    let clamp = |n: u32| u16::try_from(n).unwrap_or(u16::MAX);
    let budget = match budget {
        1 => Budget::Words(amount),
        2 => Budget::Ratio(clamp(amount)),
        _ => Budget::Sentences(clamp(amount)),
    };
    let [c, p, pd, lb, hb, ls, mw, r, he, f, kpd, lsn, tt, pw, pmc] = *weights;
    Config::new()
        .with_budget(budget)
        .with_keywords(clamp(keywords))
        .with_content_weight(c)
        .with_position_weight(p)
        .with_position_decay(pd)
        .with_lead_bonus(lb)
        .with_headline_boost(hb)
        .with_length_smoothing(ls)
        .with_min_words(mw)
        .with_redundancy(r)
        .with_headline_eligible(he != 0)
        .with_fill(f != 0)
        .with_keyword_position_decay(kpd)
        .with_lead_sentences(lsn)
        .with_topic_threshold(tt)
        .with_phrase_weight(pw)
        .with_phrase_min_count(pmc)
}

/// Writes the answer (see the crate docs for the layout).
fn answer(
    out: &mut Out<'_>,
    summary: &Summary<'_, MAX_SENTENCES>,
    keywords: &Keywords<'_, MAX_KEYWORDS>,
) {
    out.u32(summary.total_sentences);
    out.u32(summary.total_words);
    out.u32(summary.sentences.len() as u32);
    for s in &summary.sentences {
        out.u32(s.start as u32);
        out.u32(s.text.len() as u32);
        out.u32(s.score.0);
    }
    out.u32(keywords.keywords.len() as u32);
    for k in &keywords.keywords {
        out.u32(k.start as u32);
        out.u32(k.text.len() as u32);
        out.u32(k.score.0);
        out.u32(u32::from(k.count));
    }
}

/// Writes one sentence's score parts (see the crate docs for the layout).
fn parts(out: &mut Out<'_>, s: &SentenceScore<'_>) {
    out.u32(s.start as u32);
    out.u32(s.text.len() as u32);
    out.u32(u32::from(s.words) | u32::from(s.content_words) << 16);
    out.u32(u32::from(s.headline) | u32::from(s.eligible) << 1);
    out.u32(s.content.0);
    out.u32(s.position.0);
    out.u32(s.bonus.0);
    out.u32(s.total.0);
}

/// Writes a message of the module's own and returns minus its length.
fn fail(out: &mut Out<'_>, message: &str) -> i32 {
    out.bytes(message.as_bytes());
    -(out.len as i32)
}

/// Writes into the output buffer; what does not fit is dropped.
struct Out<'a> {
    buf: &'a mut [u8],
    len: usize,
}

impl Out<'_> {
    fn u32(&mut self, v: u32) {
        self.bytes(&v.to_le_bytes());
    }

    /// Overwrites the `u32` written at byte `at` (a count written before what it counts).
    fn patch(&mut self, at: usize, v: u32) {
        if let Some(word) = self.buf.get_mut(at..at + 4) {
            word.copy_from_slice(&v.to_le_bytes());
        }
    }

    fn bytes(&mut self, bytes: &[u8]) {
        let Some(rest) = self.buf.get_mut(self.len..) else { return };
        let n = bytes.len().min(rest.len());
        rest.iter_mut().zip(bytes).for_each(|(d, b)| *d = *b);
        self.len += n;
    }
}

#[link(wasm_import_module = "env")]
unsafe extern "C" {
    /// Imported only if a panic path survived: see the crate docs.
    fn talkhis_panic_path_survived() -> !;
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    // SAFETY: the import takes nothing and does not return (talkhis.mjs throws).
    unsafe { talkhis_panic_path_survived() }
}

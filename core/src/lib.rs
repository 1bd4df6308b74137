//! Extractive summaries and keywords for Arabic text, with no heap, no `std` and no panics.
//!
//! talkhis (تلخيص, "summarization") picks the sentences of an article that best carry its
//! topic and returns them in document order, with the article's top keywords. It runs the same
//! on a Cortex-M0 with 16 KB of RAM, in a browser through WASM, and on a server: all memory is
//! a scratch space whose capacities the caller chooses, and every result borrows the input.
//!
//! # The pipeline
//!
//! Data flows one way, one module per stage:
//!
//! 1. [`normalize`]: letter folding for matching (`أ إ آ` → `ا`, `ة` → `ه`, diacritics and
//!    tatweel dropped, Arabic-Indic digits → ASCII), applied lazily: the input is never
//!    rewritten.
//! 2. [`tokenize`]: word spans (letters and digits, Arabic and Latin).
//! 3. [`sentences`]: sentence spans (`.` `؟` `!` and line breaks, but not `4.5`, `د.` or a
//!    spaced `..`; hard-wrapped paragraphs are rejoined).
//! 4. [`stopwords`]: function words, recognized behind clitics (`وفي`, `لهذا`, `بها`).
//! 5. [`stem`]: light stemming (`للإرهاب`, `الإرهابيون` → `ارهاب`).
//! 6. [`Summarizer::analyze`]: the passes over the text, which count the terms and score the
//!    sentences in integer fixed point ([`Score`]) into a [`Document`].
//! 7. [`Document::summary`]: the best sentences within a [`Budget`], skipping near-duplicates.
//! 8. [`Document::keywords`]: the top terms, each shown in its most frequent written form.
//!
//! # Examples
//!
//! ```
//! use talkhis::{Budget, Config, Keywords, Summarizer, Summary};
//!
//! let text = "قمة المناخ تختتم أعمالها\n\
//!     اختتمت قمة المناخ أعمالها اليوم باتفاق على خفض الانبعاثات الكربونية. \
//!     وتعهدت الدول الصناعية بتمويل مشاريع الطاقة النظيفة في الدول النامية. \
//!     وقال مراقبون إن الاتفاق خطوة مهمة لكنه غير كاف لوقف الاحترار. \
//!     ومن المقرر أن تعقد القمة المقبلة في العام القادم.";
//!
//! // Scratch for up to 64 sentences and 256 distinct terms: about 3.3 KB, no heap.
//! let mut summarizer: Summarizer<64, 256> = Summarizer::new();
//! let config = Config::new().with_budget(Budget::Sentences(2));
//!
//! let mut doc = summarizer.analyze(text, &config)?;
//! let summary: Summary<'_, 4> = doc.summary();
//! let keywords: Keywords<'_, 5> = doc.keywords();
//!
//! assert_eq!(summary.sentences.len(), 2);
//! assert!(summary.sentences[0].start < summary.sentences[1].start); // document order
//! assert_eq!(keywords.keywords[0].text, "قمة المناخ"); // a keyphrase
//! # Ok::<(), talkhis::Error>(())
//! ```
//!
//! # Capacities and errors
//!
//! The scratch type [`Summarizer<SENTENCES, TERMS>`](Summarizer) bounds the input; the result
//! types [`Summary<'t, N>`](Summary) and [`Keywords<'t, K>`](Keywords) bound the output. An
//! input that does not fit is an [`Error::CapacityExceeded`] naming the capacity, its limit
//! and the byte where it ran out; it is never silently cut. Empty input, input without words
//! and input in another script are not errors. No input makes talkhis panic.
//!
//! # Crate features
//!
//! - `serde`: `Serialize` and `Deserialize` for results, errors and [`Config`]. Results
//!   deserialize borrowing from the encoded bytes.
//! - `postcard` (implies `serde`): `Summary::to_postcard` and `Keywords::to_postcard`
//!   encode into a caller's `&mut [u8]`.
//! - `defmt`: `defmt::Format` for results and errors, for logging from firmware.
//!
//! # Minimum supported Rust version
//!
//! Rust 1.88, the oldest that heapless 0.9 and postcard 1.2 build with. Raising it is a minor
//! version change.

#![no_std]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(test)]
extern crate std;

mod analysis;
mod arch;
mod boundary;
mod config;
mod error;
mod furniture;
mod kept;
mod keyword_forms;
mod keyword_rules;
mod keyword_runs;
mod keywords;
pub mod normalize;
mod score;
pub mod sentences;
mod sort;
pub mod stem;
pub mod stopwords;
mod summary;
mod terms;
pub mod tokenize;

#[cfg(feature = "postcard")]
mod encode;

pub use analysis::{Document, SentenceScore, Summarizer};
pub use config::{Budget, Config};
pub use error::{Capacity, Error};
pub use keywords::{Keyword, Keywords};
pub use score::{Score, WordSlot};
pub use summary::{Sentence, Summary};

#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

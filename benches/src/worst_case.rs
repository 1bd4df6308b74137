//! Worst-case scaling: the whole pipeline on constructed worst cases at doubling sizes.
//!
//! Each group is one kind of hostile text, built at 64 KB, 128 KB, 256 KB, 512 KB and 1 MB,
//! with `Throughput::Bytes`: if the core is linear, MB/s stays flat down a group, and a
//! quadratic spot shows as MB/s halving at each doubling. The scratch is the CLI's `--large`
//! one, so every text fits, and the result sizes are the CLI's (`N` = 1024, `K` = 256).
//!
//! `cargo bench -p talkhis-benches --bench worst_case` measures them (a few minutes);
//! `cargo test -p talkhis-benches --benches` builds them unoptimized and runs each once at
//! 16 KB and 32 KB only, so that CI stays quick. SECURITY.md records the figures.

use std::hint::black_box;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput};
use talkhis::{Budget, Config, Keywords, Summarizer, Summary};
use words::distinct_word;

#[path = "../../tests/common/words.rs"]
mod words;

/// The CLI's `--large` scratch: 65,535 sentences, 262,144 terms (4.4 MB, boxed).
type Large = Summarizer<65_535, 262_144>;

/// A scratch whose term table the `full_table` texts fill exactly.
type Small = Summarizer<65_535, 4096>;

/// The sizes, in KiB: doubling, so that a superlinear cost shows.
const SIZES: &[usize] = if cfg!(debug_assertions) { &[16, 32] } else { &[64, 128, 256, 512, 1024] };

/// Repeats `unit(i, &mut text)` until the text has at least `bytes` bytes.
fn fill(bytes: usize, unit: impl Fn(usize, &mut String)) -> String {
    let mut text = String::with_capacity(bytes + 64);
    let mut i = 0;
    while text.len() < bytes {
        unit(i, &mut text);
        i += 1;
    }
    text
}

/// The Arabic words of the sample article.
fn vocabulary() -> Vec<&'static str> {
    words::arabic_words(include_str!("../../tests/data/sample.txt"))
}

/// A worst case: its name, how to build it at a size, and the configuration to run.
struct Case {
    name: &'static str,
    build: fn(usize) -> String,
    config: Config,
    /// Run on [`Small`] instead of [`Large`].
    small: bool,
}

const fn case(name: &'static str, build: fn(usize) -> String) -> Case {
    Case { name, build, config: Config::new(), small: false }
}

/// Every worst case.
fn cases() -> Vec<Case> {
    vec![
        // One sentence: no punctuation, no line break; real words.
        case("one_sentence", |n| {
            let v = vocabulary();
            fill(n, |i, t| {
                t.push_str(v[i % v.len()]);
                t.push(' ');
            })
        }),
        // Every word a new term: the term table fills (to a load of 0.36 at 1 MB).
        case("distinct_terms", |n| {
            fill(n, |i, t| {
                distinct_word(i, t);
                t.push_str(if i % 12 == 11 { ". " } else { " " });
            })
        }),
        // 4,096 distinct terms, repeated, in a table of 4,096: every lookup at full load.
        Case {
            small: true,
            ..case("full_table", |n| {
                fill(n, |i, t| {
                    distinct_word(i % 4096, t);
                    t.push_str(if i % 12 == 11 { ". " } else { " " });
                })
            })
        },
        // Only transparent marks (harakat, shadda, tatweel): no word at all.
        case("only_marks", |n| {
            fill(n, |i, t| {
                t.push_str("\u{064E}\u{0651}\u{0640}");
                if i % 8 == 7 {
                    t.push(' ');
                }
            })
        }),
        // One enormous word.
        case("one_word", |n| "ب".repeat(n / 2)),
        // Two-word sentences: the most sentences per byte that still have content.
        case("tiny_sentences", |n| {
            let v = vocabulary();
            fill(n, |i, t| {
                t.push_str(v[i % v.len()]);
                t.push(' ');
                t.push_str(v[(i * 7 + 3) % v.len()]);
                t.push_str(". ");
            })
        }),
        // A run of terminators and closing quotes after one sentence.
        case("punctuation_run", |n| {
            let mut t = String::from("قال الرئيس إن الاتفاق نهائي");
            t.push_str(&"؟!»".repeat(n / 5));
            t
        }),
        // A hard-wrapped text (four short lines) followed by lines ended by lone CRs: the
        // wrap check once read to the next LF at every CR (quadratic).
        case("wrapped_cr", |n| {
            let mut t = "بببب بببب\n".repeat(4);
            t.push_str(&fill(n, |_, t| t.push_str("بببببببب\r")));
            t
        }),
        // Distinct sentences and a budget of half the words: the redundancy check compares
        // every candidate with every chosen sentence, O(sentences x chosen), chosen <= N.
        Case {
            config: Config::new().with_budget(Budget::Ratio(500)),
            ..case("redundancy", |n| {
                fill(n, |i, t| {
                    distinct_word(i, t);
                    t.push_str(if i % 12 == 11 { ". " } else { " " });
                })
            })
        },
    ]
}

/// The pipeline as the CLI runs it: analysis, summary, keywords and every score.
fn pipeline<const S: usize, const T: usize>(
    scratch: &mut Summarizer<S, T>,
    text: &str,
    config: &Config,
) -> usize {
    match scratch.analyze(text, config) {
        Ok(mut doc) => {
            let summary: Summary<'_, 1024> = doc.summary();
            let keywords: Keywords<'_, 256> = doc.keywords();
            summary.sentences.len() + keywords.keywords.len() + doc.scores().count()
        }
        Err(_) => 0,
    }
}

/// The scratches live in statics: `Box::new` of an unoptimized build assembles its 4.4 MB on
/// the stack first, which overflows the main thread's.
static LARGE: Mutex<Large> = Mutex::new(Summarizer::new());
static SMALL: Mutex<Small> = Mutex::new(Summarizer::new());

fn worst_cases(c: &mut Criterion) {
    let mut large = LARGE.lock().unwrap_or_else(PoisonError::into_inner);
    let mut small = SMALL.lock().unwrap_or_else(PoisonError::into_inner);
    for case in cases() {
        let mut group = c.benchmark_group(format!("worst_case/{}", case.name));
        for &kib in SIZES {
            let text = (case.build)(kib * 1024);
            // Every text fits: an error would measure a shortcut, not the pipeline.
            let fits = if case.small {
                small.analyze(&text, &case.config).is_ok()
            } else {
                large.analyze(&text, &case.config).is_ok()
            };
            assert!(fits, "{} at {kib} KiB", case.name);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(
                BenchmarkId::from_parameter(format!("{kib}K")),
                &text,
                |b, t| {
                    if case.small {
                        b.iter(|| pipeline(&mut small, black_box(t), &case.config));
                    } else {
                        b.iter(|| pipeline(&mut large, black_box(t), &case.config));
                    }
                },
            );
        }
        group.finish();
    }
}

fn config() -> Criterion {
    // 45 ids, some of them a second an iteration: short runs, the fewest samples criterion takes.
    Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
        .sample_size(10)
        .configure_from_args()
}

criterion::criterion_group! { name = benches; config = config(); targets = worst_cases }
criterion::criterion_main!(benches);

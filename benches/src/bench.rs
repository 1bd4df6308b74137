//! Criterion benchmarks: one group per stage and three end-to-end groups, each on every input
//! and each with the two baselines (`split_whitespace`, `chars`) on the same text, so a
//! group's report reads as "this stage against a bare word split".
//!
//! `cargo bench -p talkhis-benches` runs them (`-- summarize` to pick a group);
//! `cargo test -p talkhis-benches --benches` runs each once, as a test.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkGroup, BenchmarkId, Criterion, Throughput, measurement::WallTime};
use talkhis::WordSlot;
use talkhis_benches as b;

/// Adds the two baselines for `input` to `group`.
fn baselines(group: &mut BenchmarkGroup<'_, WallTime>, input: b::Input) {
    group.bench_with_input(
        BenchmarkId::new("split_whitespace", input.name),
        input.text,
        |bn, t| {
            bn.iter(|| b::split_whitespace(black_box(t)));
        },
    );
    group.bench_with_input(BenchmarkId::new("chars", input.name), input.text, |bn, t| {
        bn.iter(|| b::chars(black_box(t)));
    });
}

/// A group named `name` that runs `f` on every input, next to the baselines.
fn text_stage<T>(c: &mut Criterion, name: &str, f: fn(&str) -> T) {
    let mut group = c.benchmark_group(name);
    for input in b::INPUTS {
        group.throughput(Throughput::Bytes(input.text.len() as u64));
        group.bench_with_input(BenchmarkId::new(name, input.name), input.text, |bn, t| {
            bn.iter(|| f(black_box(t)));
        });
        baselines(&mut group, input);
    }
    group.finish();
}

/// A group for a stage that works on the folded words of the text (folded outside the loop);
/// throughput is still counted in bytes of the text, so stages compare with each other.
fn word_stage<T>(c: &mut Criterion, name: &str, f: fn(&[String]) -> T) {
    let mut group = c.benchmark_group(name);
    for input in b::INPUTS {
        let words = b::folded_words(input.text);
        group.throughput(Throughput::Bytes(input.text.len() as u64));
        group.bench_with_input(BenchmarkId::new(name, input.name), &words[..], |bn, w| {
            bn.iter(|| f(black_box(w)));
        });
        baselines(&mut group, input);
    }
    group.finish();
}

/// A pipeline function under test, with its benchmark id; it may use the word slots.
type Run = (&'static str, fn(&mut b::Scratch, &mut [WordSlot], &str));

/// A group of pipeline functions that need the scratch and the word slots (built once,
/// outside the loop).
fn pipeline_stage(c: &mut Criterion, name: &str, fs: &[Run]) {
    let mut scratch = b::scratch();
    let mut words = b::word_slots();
    let mut group = c.benchmark_group(name);
    for input in b::INPUTS {
        group.throughput(Throughput::Bytes(input.text.len() as u64));
        for &(id, f) in fs {
            group.bench_with_input(BenchmarkId::new(id, input.name), input.text, |bn, t| {
                bn.iter(|| f(&mut scratch, &mut words, black_box(t)));
            });
        }
        baselines(&mut group, input);
    }
    group.finish();
}

fn stages(c: &mut Criterion) {
    text_stage(c, "fold", b::fold);
    text_stage(c, "words", b::words);
    text_stage(c, "sentences", b::sentences);
    word_stage(c, "stem", b::stem);
    word_stage(c, "stopwords", b::stopwords);
    pipeline_stage(
        c,
        "scoring",
        &[
            ("analyze", |s, _, t| b::analyze(s, t)),
            ("scores", |s, _, t| {
                black_box(b::scores(s, t));
            }),
        ],
    );
}

fn end_to_end(c: &mut Criterion) {
    pipeline_stage(
        c,
        "summarize",
        &[
            ("summarize", |s, _, t| {
                black_box(b::summarize(s, t));
            }),
            ("summarize_with", |s, w, t| {
                black_box(b::summarize_with(s, w, t));
            }),
        ],
    );
    pipeline_stage(
        c,
        "keywords",
        &[
            ("keywords", |s, _, t| {
                black_box(b::keywords(s, t));
            }),
            ("keywords_with", |s, w, t| {
                black_box(b::keywords_with(s, w, t));
            }),
        ],
    );
    pipeline_stage(
        c,
        "both",
        &[
            ("both", |s, _, t| {
                black_box(b::both(s, t));
            }),
            ("both_with", |s, w, t| {
                black_box(b::both_with(s, w, t));
            }),
        ],
    );
}

fn config() -> Criterion {
    // Short runs: 45 ids per group family; the defaults (3 s + 5 s each) would take 20 minutes.
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30)
        .configure_from_args()
}

criterion::criterion_group! { name = benches; config = config(); targets = stages, end_to_end }
criterion::criterion_main!(benches);

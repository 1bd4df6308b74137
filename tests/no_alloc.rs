//! Summarizing and extracting keywords performs zero heap allocations.
//!
//! A counting global allocator (`tests/common/counting.rs`) counts per thread, so the test
//! harness's own threads cannot disturb the count.

mod common;
#[path = "common/counting.rs"]
mod counting;

use common::{SAMPLE, big};
use counting::{Counting, allocations};
use talkhis::{Budget, Config, Keywords, Summary, WordSlot};

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn pipeline_does_not_allocate() {
    let mut summarizer = big(); // the one allocation: the caller's choice to box the scratch
    let configs = [
        ("default", Config::new()),
        ("words", Config::new().with_budget(Budget::Words(120))),
        ("ratio", Config::new().with_budget(Budget::Ratio(300)).with_redundancy(500)),
    ];
    for (name, config) in configs {
        let before = allocations();
        let mut doc = summarizer.analyze(SAMPLE, &config).unwrap();
        let summary: Summary<'_, 8> = doc.summary();
        let keywords: Keywords<'_, 10> = doc.keywords();
        let explained = doc.scores().count();
        let mut buf = [0u8; 4096];
        let encoded = summary.to_postcard(&mut buf).map(|b| b.len());
        let after = allocations();
        assert!(!summary.sentences.is_empty() && !keywords.keywords.is_empty() && explained > 0);
        assert!(encoded.is_ok());
        assert_eq!(after - before, 0, "{name}: heap allocations in the pipeline");
    }
}

#[test]
fn pipeline_with_word_slots_does_not_allocate() {
    let mut summarizer = big();
    let mut boxed = vec![WordSlot::EMPTY; SAMPLE.len() / 2 + 1].into_boxed_slice();
    let mut stack = [WordSlot::EMPTY; 2048];
    let buffers: [(&str, &mut [WordSlot]); 3] =
        [("boxed", &mut boxed), ("stack", &mut stack), ("too small", &mut [WordSlot::EMPTY; 8])];
    for (name, words) in buffers {
        let before = allocations();
        let mut doc = summarizer.analyze_with(SAMPLE, &Config::new(), words).unwrap();
        let summary: Summary<'_, 8> = doc.summary();
        let keywords: Keywords<'_, 10> = doc.keywords();
        let explained = doc.scores().count();
        let after = allocations();
        assert!(!summary.sentences.is_empty() && !keywords.keywords.is_empty() && explained > 0);
        assert_eq!(after - before, 0, "{name}: heap allocations in the pipeline");
    }
}

#[test]
fn the_counter_counts() {
    let before = allocations();
    let v = std::hint::black_box(vec![1u8; 8]);
    assert_eq!(allocations() - before, 1);
    drop(v);
}

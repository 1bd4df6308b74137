//! `Document::occurrences` on the sample article: every keyword's occurrences are as many as
//! its count, whole words of the text, in order, and finding them allocates nothing.

mod common;
#[path = "common/counting.rs"]
mod counting;

use common::{SAMPLE, big};
use counting::{Counting, allocations};
use talkhis::{Budget, Config, Keywords, WordSlot, tokenize};

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn every_keyword_occurs_as_often_as_its_count() {
    let mut summarizer = big();
    let word_starts: Vec<usize> = tokenize::words(SAMPLE).map(|(at, _)| at).collect();
    let configs = [
        ("default", Config::new()),
        ("no phrases", Config::new().with_phrase_weight(0)),
        ("words", Config::new().with_budget(Budget::Words(120)).with_headline_boost(0)),
    ];
    for (name, config) in configs {
        let doc = summarizer.analyze(SAMPLE, &config).unwrap();
        let keywords: Keywords<'_, 10> = doc.keywords();
        assert!(!keywords.keywords.is_empty(), "{name}");
        for k in &keywords.keywords {
            let spans: Vec<(usize, usize)> = doc.occurrences(k).collect();
            assert_eq!(spans.len(), usize::from(k.count), "{name}: {k:?}");
            assert!(spans.windows(2).all(|w| w[0].1 <= w[1].0), "{name}: in order, apart");
            for &(start, end) in &spans {
                assert!(
                    word_starts.binary_search(&start).is_ok(),
                    "{name}: a word starts at {start}"
                );
                assert!(SAMPLE.get(start..end).is_some(), "{name}: char boundaries");
            }
            // The form the keyword shows is one of them.
            assert!(spans.iter().any(|&(s, e)| s <= k.start && k.start < e), "{name}: {k:?}");
        }
    }
}

#[test]
fn the_sample_top_keyword_has_more_occurrences_than_its_written_form() {
    let mut summarizer = big();
    let doc = summarizer.analyze(SAMPLE, &Config::new()).unwrap();
    let keywords: Keywords<'_, 10> = doc.keywords();
    let top = &keywords.keywords[0];
    let exact = SAMPLE.matches(top.text).count();
    let all = doc.occurrences(top).count();
    assert!(all > exact, "{} occurs {all} times, {exact} as written", top.text);
}

#[test]
fn finding_occurrences_does_not_allocate() {
    let mut summarizer = big();
    let mut slots = vec![WordSlot::EMPTY; SAMPLE.len() / 2 + 1];
    for lent in [false, true] {
        let doc = if lent {
            summarizer.analyze_with(SAMPLE, &Config::new(), &mut slots).unwrap()
        } else {
            summarizer.analyze(SAMPLE, &Config::new()).unwrap()
        };
        let keywords: Keywords<'_, 10> = doc.keywords();
        let before = allocations();
        let mut n = 0;
        for k in &keywords.keywords {
            n += doc.occurrences(k).count();
        }
        assert_eq!(allocations(), before, "lent slots: {lent}");
        assert!(n > 0);
    }
}

//! Fuzzes the whole pipeline (analyze, summary, keywords, scores, postcard) over arbitrary
//! bytes, arbitrary small capacities and arbitrary configurations, and checks its invariants,
//! not only that it does not panic.
//!
//! Input layout: a [`HEADER`] of configuration bytes, then the text (skipped if it is not
//! UTF-8). A missing header byte, and a header byte of 0, keep the default, so a seed made of
//! `HEADER` zero bytes and a text runs that text with `Config::new()` on the largest scratch.
//!
//! | byte | meaning |
//! |---|---|
//! | 0 | capacities `<SENTENCES, TERMS>` and result sizes `N`, `K` (see [`run`]) |
//! | 1 | bits 0-1: budget kind (default, sentences, words, ratio); bit 2: set `headline_eligible` to bit 3; bit 4: set `fill` to bit 5 |
//! | 2 | postcard buffer size: 0 for one large enough, else that many bytes |
//! | 3 | budget value |
//! | 4.. | one byte for each numeric `Config` field, in the order of [`config`] |

#![no_main]

use libfuzzer_sys::fuzz_target;
use talkhis::{
    Budget, Capacity, Config, Error, Keywords, SentenceScore, Summarizer, Summary, WordSlot,
    normalize, sentences, tokenize,
};

/// Header bytes before the text.
const HEADER: usize = 18;

fuzz_target!(|data: &[u8]| {
    let (header, text) = data.split_at(data.len().min(HEADER));
    let Ok(text) = std::str::from_utf8(text) else { return };
    let byte = |i: usize| header.get(i).copied().unwrap_or(0);
    let config = config(header);
    run(byte(0), text, &config, byte(2));
});

/// Maps a header byte to a field value: 0 keeps `default`; small bytes are small values
/// (counts, words); larger ones spread up to 6,128; the last six are the edges.
fn value(b: u8, default: u16) -> u16 {
    match b {
        0 => default,
        1..=128 => u16::from(b) - 1,
        129..=249 => (u16::from(b) - 129) * 50 + 128,
        250 => 999,
        251 => 1000,
        252 => 1001,
        253 => 32768,
        254 => u16::MAX - 1,
        255 => u16::MAX,
    }
}

/// The configuration described by `header` (see the module docs).
fn config(header: &[u8]) -> Config {
    let byte = |i: usize| header.get(i).copied().unwrap_or(0);
    let flags = byte(1);
    let mut config = Config::new();
    let n = byte(3);
    config = match flags & 3 {
        1 => config.with_budget(Budget::Sentences(value(n, 3))),
        2 => {
            config.with_budget(Budget::Words(if n == 255 { u32::MAX } else { value(n, 60).into() }))
        }
        3 => config.with_budget(Budget::Ratio(value(n, 250))),
        _ => config,
    };
    if flags & 4 != 0 {
        config = config.with_headline_eligible(flags & 8 != 0);
    }
    if flags & 16 != 0 {
        config = config.with_fill(flags & 32 != 0);
    }
    let mut fields = header.iter().skip(4).copied();
    macro_rules! fields {
        ($($set:ident $get:ident),* $(,)?) => {
            $(if let Some(b) = fields.next() {
                config = config.$set(value(b, config.$get()));
            })*
        };
    }
    fields!(
        with_keywords keywords,
        with_content_weight content_weight,
        with_position_weight position_weight,
        with_position_decay position_decay,
        with_lead_bonus lead_bonus,
        with_headline_boost headline_boost,
        with_length_smoothing length_smoothing,
        with_min_words min_words,
        with_redundancy redundancy,
        with_keyword_position_decay keyword_position_decay,
        with_lead_sentences lead_sentences,
        with_topic_threshold topic_threshold,
        with_phrase_weight phrase_weight,
        with_phrase_min_count phrase_min_count,
    );
    config
}

/// Dispatches to a fixed set of capacities (const generics): `<SENTENCES, TERMS, N, K>`.
fn run(shape: u8, text: &str, config: &Config, out: u8) {
    match shape % 8 {
        0 => check::<1024, 4096, 64, 64>(text, config, out),
        1 => check::<1, 1, 1, 1>(text, config, out),
        2 => check::<2, 4, 1, 2>(text, config, out),
        3 => check::<8, 16, 3, 5>(text, config, out),
        4 => check::<64, 256, 8, 16>(text, config, out),
        5 => check::<0, 0, 0, 0>(text, config, out),
        6 => check::<64, 256, 0, 0>(text, config, out),
        _ => check::<1024, 4096, 1024, 256>(text, config, out),
    }
}

/// Runs the pipeline and checks every invariant.
fn check<const S: usize, const T: usize, const N: usize, const K: usize>(
    text: &str,
    config: &Config,
    out: u8,
) {
    let mut scratch = Box::new(Summarizer::<S, T>::new());
    let spans: Vec<(usize, &str)> = sentences::split(text).collect();
    let mut doc = match scratch.analyze(text, config) {
        Ok(doc) => doc,
        Err(err) => return check_error(text, &spans, err, S, T),
    };
    let summary: Summary<'_, N> = doc.summary();
    let keywords: Keywords<'_, K> = doc.keywords();
    let scores: Vec<SentenceScore<'_>> = doc.scores().collect();

    // Scores: every sentence of the splitter, in order, each a span of the input.
    assert_eq!(scores.len(), spans.len(), "one score per sentence");
    assert!(spans.len() <= S);
    assert_eq!(summary.total_sentences as usize, spans.len());
    for (sc, &(start, s)) in scores.iter().zip(&spans) {
        assert_eq!((sc.start, sc.text), (start, s), "scores follow sentences::split");
        assert_eq!(text.get(sc.start..sc.start + sc.text.len()), Some(sc.text));
        assert!(!sc.text.is_empty());
    }
    assert!(scores.windows(2).all(|w| w[0].start + w[0].text.len() <= w[1].start));
    let words: u32 = scores.iter().map(|s| u32::from(s.words)).sum();
    assert_eq!(summary.total_words, words);

    // Summary: eligible sentences, in document order, within N and the budget.
    assert!(summary.sentences.len() <= N);
    for s in &summary.sentences {
        assert_eq!(text.get(s.start..s.start + s.text.len()), Some(s.text), "summary span");
        let sc = scores.iter().find(|sc| sc.start == s.start).expect("a sentence of the text");
        assert!(sc.eligible && sc.text == s.text && sc.total == s.score, "{s:?} {sc:?}");
    }
    assert!(
        summary.sentences.windows(2).all(|w| w[0].start + w[0].text.len() <= w[1].start),
        "document order, no overlap"
    );
    let eligible = scores.iter().filter(|s| s.eligible).count();
    let chosen_words: u32 = summary
        .sentences
        .iter()
        .filter_map(|s| scores.iter().find(|sc| sc.start == s.start))
        .map(|sc| u32::from(sc.words))
        .sum();
    let max_words = match config.budget() {
        Budget::Sentences(n) => {
            assert!(summary.sentences.len() <= usize::from(n), "sentence budget");
            if config.redundancy() >= 1000 {
                assert_eq!(summary.sentences.len(), eligible.min(N).min(usize::from(n)));
            }
            if n == 0 { 0 } else { u32::MAX }
        }
        Budget::Words(w) => w,
        Budget::Ratio(permille) => (u64::from(words) * u64::from(permille) / 1000) as u32,
    };
    if !config.fill() && summary.sentences.len() > 1 {
        assert!(chosen_words <= max_words, "word budget: {chosen_words} > {max_words}");
    }
    if eligible > 0 && N > 0 && max_words > 0 {
        assert!(!summary.sentences.is_empty(), "the best sentence is always taken");
    }

    // Keywords: spans, unique, best first, within K and the config.
    assert!(keywords.keywords.len() <= K.min(usize::from(config.keywords())));
    for (i, k) in keywords.keywords.iter().enumerate() {
        assert_eq!(text.get(k.start..k.start + k.text.len()), Some(k.text), "keyword span");
        assert!(!k.text.is_empty() && k.count >= 1);
        assert!(keywords.keywords[..i].iter().all(|o| o.text != k.text), "unique keywords");
    }
    assert!(keywords.keywords.windows(2).all(|w| w[0].score >= w[1].score), "best first");
    let content = scores.iter().any(|s| s.content_words > 0);
    if content && K > 0 && config.keywords() > 0 {
        assert!(!keywords.keywords.is_empty(), "a text with content words has keywords");
    }

    // postcard: a small buffer fails naming its size; a large one round-trips.
    let large = text.len() + 64 * (N + K) + 64;
    let size = if out == 0 { large } else { usize::from(out) };
    let mut buf = vec![0u8; size];
    match summary.to_postcard(&mut buf) {
        Ok(bytes) => {
            let back: Summary<'_, N> = postcard::from_bytes(bytes).expect("decodes");
            assert_eq!(back, summary);
        }
        Err(err) => {
            assert!(out != 0, "a large buffer fits: {err}");
            assert_output_full(err, size);
        }
    }
    match keywords.to_postcard(&mut buf) {
        Ok(bytes) => {
            let back: Keywords<'_, K> = postcard::from_bytes(bytes).expect("decodes");
            assert_eq!(back, keywords);
        }
        Err(err) => {
            assert!(out != 0, "a large buffer fits: {err}");
            assert_output_full(err, size);
        }
    }

    // The scratch keeps nothing between documents: a second analysis gives the same.
    drop(doc);
    let mut again = scratch.analyze(text, config).expect("the same text fits again");
    assert_eq!(again.summary::<N>(), summary);
    assert_eq!(again.keywords::<K>(), keywords);
    drop(again);

    // Word slots (analyze_with) change the speed, never the results: the summary (which
    // then reads the slots for its redundancy check), the keywords and the scores.
    let mut slots = vec![WordSlot::EMPTY; text.len() / 2 + 1];
    let mut with = scratch.analyze_with(text, config, &mut slots).expect("fits with slots too");
    assert_eq!(with.summary::<N>(), summary, "slots: summary");
    assert_eq!(with.keywords::<K>(), keywords, "slots: keywords");
    let with_scores: Vec<SentenceScore<'_>> = with.scores().collect();
    assert_eq!(with_scores, scores, "slots: scores");
    drop(with);

    // Too few slots: the passes read the text again (while a roomy scratch's `analyze` above
    // kept the words in its spare term slots).
    if let Some(one) = slots.get_mut(..1) {
        let mut short = scratch.analyze_with(text, config, one).expect("fits with one slot");
        assert_eq!(short.summary::<N>(), summary, "one slot: summary");
        assert_eq!(short.keywords::<K>(), keywords, "one slot: keywords");
        let short_scores: Vec<SentenceScore<'_>> = short.scores().collect();
        assert_eq!(short_scores, scores, "one slot: scores");
    }
}

/// A capacity error names the capacity that ran out, its limit, and a char boundary where
/// it ran out: the first sentence, or the first word, past the limit.
fn check_error(text: &str, spans: &[(usize, &str)], err: Error, s: usize, t: usize) {
    let Error::CapacityExceeded { which, limit, at } = err else {
        panic!("analyze fails only on a capacity: {err:?}");
    };
    assert!(at <= text.len() && text.is_char_boundary(at), "{err}");
    match which {
        Capacity::Sentences => {
            assert_eq!(limit, s, "{err}");
            assert_eq!(
                spans.get(s).map(|&(start, _)| start),
                Some(at),
                "sentence {s} starts there"
            );
        }
        Capacity::Terms => {
            assert_eq!(limit, t, "{err}");
            assert!(text[at..].chars().next().is_some_and(normalize::is_word_char), "{err}");
            assert!(tokenize::words(text).any(|(start, _)| start == at), "a word starts there");
        }
        other => panic!("unexpected capacity {other:?}: {err}"),
    }
    let message = err.to_string();
    assert!(message.contains(&format!("at byte {at}")) && message.contains(which.knob()));
}

fn assert_output_full(err: Error, size: usize) {
    match err {
        Error::CapacityExceeded { which: Capacity::OutputBytes, limit, at } => {
            assert_eq!(limit, size);
            assert!(at <= limit);
        }
        other => panic!("encoding fails only on a full buffer: {other:?}"),
    }
}

//! Invariants over arbitrary input (proptest): no panic, valid spans, document order,
//! idempotent folding, stems inside words, sentences that rejoin the input.

use proptest::prelude::*;

mod common;
use talkhis::{
    Budget, Config, Keywords, Summarizer, Summary, normalize, sentences, stem, tokenize,
};

/// Strings that look like Arabic news with punctuation, digits, marks, Latin and noise.
fn arabicish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "ال",
        "و",
        "في",
        "من",
        "إرهاب",
        "بوتين",
        "سوريا",
        "ة",
        "ى",
        "أ",
        "\u{064E}",
        "\u{0651}",
        "ـ",
        " ",
        " ",
        " ",
        "\n",
        "\r\n",
        ".",
        "..",
        " .. ",
        "؟",
        "!",
        "،",
        "؛",
        "«",
        "»",
        "\"",
        ")",
        "(",
        "(CNN)",
        " -- ",
        "–",
        "4.5",
        "٢٠١٥",
        "د.",
        "NATO",
        "x",
        "\u{200F}",
        "\u{FEFB}",
        "🙂",
        "\u{0301}",
        "\0",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

/// Any Unicode string, or Arabic-like text.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), arabicish()]
}

fn config() -> impl Strategy<Value = Config> {
    (0u16..6, 0u32..60, 0u16..1200, 0u16..1100, any::<bool>(), any::<bool>(), 0u16..8).prop_map(
        |(n, w, ratio, redundancy, fill, headline, min)| {
            let budget = match n % 3 {
                0 => Budget::Sentences(n),
                1 => Budget::Words(w),
                _ => Budget::Ratio(ratio),
            };
            Config::new()
                .with_budget(budget)
                .with_redundancy(redundancy)
                .with_fill(fill)
                .with_headline_eligible(headline)
                .with_min_words(min)
                .with_keywords(n * 2)
        },
    )
}

/// Runs the whole pipeline with one set of capacities and checks every invariant.
fn check<const S: usize, const T: usize, const N: usize, const K: usize>(
    text: &str,
    config: &Config,
) {
    let mut summarizer = Box::new(Summarizer::<S, T>::new());
    let mut doc = match summarizer.analyze(text, config) {
        Ok(doc) => doc,
        Err(talkhis::Error::CapacityExceeded { limit, at, .. }) => {
            assert!(at <= text.len() && text.is_char_boundary(at));
            assert!(limit == S || limit == T);
            return;
        }
        Err(e) => panic!("unexpected {e}"),
    };
    let summary: Summary<'_, N> = doc.summary();
    let keywords: Keywords<'_, K> = doc.keywords();
    for s in &summary.sentences {
        assert_eq!(text.get(s.start..s.start + s.text.len()), Some(s.text));
        assert!(!s.text.is_empty());
    }
    assert!(summary.sentences.windows(2).all(|w| w[0].start + w[0].text.len() <= w[1].start));
    if let Budget::Sentences(n) = config.budget() {
        assert!(summary.sentences.len() <= usize::from(n));
    }
    let mut seen = Vec::new();
    for k in &keywords.keywords {
        assert_eq!(text.get(k.start..k.start + k.text.len()), Some(k.text));
        assert!(!seen.contains(&k.text), "keywords are unique: {:?}", keywords.keywords);
        seen.push(k.text);
    }
    assert!(keywords.keywords.len() <= usize::from(config.keywords()));
    let scored = doc.scores().count();
    assert_eq!(scored, summary.total_sentences as usize);
}

/// `analyze_with` gives `analyze`'s results (or error) whatever the number of word slots.
fn same_with_slots<const S: usize, const T: usize>(text: &str, config: &Config) {
    let mut scratch = Box::new(Summarizer::<S, T>::new());
    let want = common::results(&mut scratch, text, config, None);
    let words = tokenize::words(text).count();
    for slots in [text.len() / 2 + 1, words, words.saturating_sub(1), 1, 0] {
        let got = common::results(&mut scratch, text, config, Some(slots));
        assert_eq!(got, want, "{slots} slots for {words} words");
    }
}

/// Datelines on 200 near-alike stories, so that redundant candidates make a summary in a
/// scratch of more than 256 sentences sort them by score and read the chosen sentences'
/// words again from the text: the results are those of a scratch of 256, which keeps
/// document order, with or without lent slots, and the datelines' words are no keywords.
#[test]
fn datelines_read_alike_in_every_pass() {
    let mut text = String::new();
    let topics = ["النفط", "الانتخابات", "المباراة", "الزراعة", "المدارس", "الطقس", "القطار"];
    for i in 0..200 {
        // Half the stories name in their body the place their dateline names.
        let (a, b) = (topics[i % 7], topics[(i / 7) % 7]);
        let body = if i % 2 == 0 { "في الإمارات العربية" } else { "" };
        text.push_str(&format!("دبي، الإمارات العربية المتحدة (CNN) -- {a} يسبق {b} {body} {i}.\n"));
    }
    let config = Config::new().with_budget(Budget::Sentences(5));
    same_with_slots::<256, 2048>(&text, &config);
    same_with_slots::<512, 2048>(&text, &config);
    let in_order =
        common::results(&mut Box::new(Summarizer::<256, 2048>::new()), &text, &config, None);
    let by_score =
        common::results(&mut Box::new(Summarizer::<512, 2048>::new()), &text, &config, None);
    assert_eq!(in_order, by_score);
    let mut summarizer = Box::new(Summarizer::<512, 2048>::new());
    let mut doc = summarizer.analyze(&text, &config).unwrap();
    let keywords: Keywords<'_, 10> = doc.keywords();
    for k in &keywords.keywords {
        for word in ["دبي", "المتحدة", "CNN"] {
            assert!(!k.text.contains(word), "{:?}", keywords.keywords);
        }
    }
    let summary: Summary<'_, 5> = doc.summary();
    assert!(!summary.sentences.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn word_slots_change_no_result(text in text(), config in config()) {
        same_with_slots::<2, 3>(&text, &config);
        same_with_slots::<64, 256>(&text, &config);
    }

    #[test]
    fn pipeline_never_panics(text in text(), config in config()) {
        check::<0, 0, 0, 0>(&text, &config);
        check::<1, 1, 1, 1>(&text, &config);
        check::<2, 3, 1, 2>(&text, &config);
        check::<8, 32, 3, 5>(&text, &config);
        check::<64, 256, 8, 16>(&text, &config);
    }

    #[test]
    fn folding_is_idempotent(text in text()) {
        let once: String = normalize::chars(&text).collect();
        let twice: String = normalize::chars(&once).collect();
        prop_assert_eq!(twice, once);
    }

    #[test]
    fn stems_are_inside_their_words(text in text()) {
        for (_, word) in tokenize::words(&text) {
            let mut buf = [0u8; 256];
            if let Some(folded) = normalize::word_into(word, &mut buf) {
                let stem = stem::strip_affixes(folded);
                prop_assert!(folded.contains(stem), "{} in {}", stem, folded);
            }
        }
    }

    #[test]
    fn words_are_spans_of_the_input(text in text()) {
        let mut end = 0;
        for (at, word) in tokenize::words(&text) {
            prop_assert!(at >= end);
            prop_assert_eq!(text.get(at..at + word.len()), Some(word));
            end = at + word.len();
        }
    }

    #[test]
    fn sentences_rejoin_the_input(text in text()) {
        let mut rejoined = String::new();
        let mut end = 0;
        for (at, s) in sentences::split(&text) {
            prop_assert!(at >= end && !s.is_empty());
            prop_assert_eq!(text.get(at..at + s.len()), Some(s));
            prop_assert!(text[end..at].chars().all(char::is_whitespace), "only whitespace between sentences");
            rejoined.push_str(s);
            end = at + s.len();
        }
        prop_assert!(text[end..].chars().all(char::is_whitespace));
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        prop_assert_eq!(squeeze(&rejoined), squeeze(&text));
    }
}

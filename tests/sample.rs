//! What a reader expects from the sample article (`tests/data/sample.txt`).

mod common;

use common::{SAMPLE, big};
use talkhis::{Budget, Config, Keywords, Summary, normalize, stem, tokenize};

/// The folded stem of a word, for comparing keyword forms.
fn stem_of(word: &str) -> String {
    let mut buf = [0u8; 64];
    let folded = normalize::word_into(word, &mut buf).expect("short word");
    stem::strip_affixes(folded).to_owned()
}

fn lines() -> Vec<&'static str> {
    SAMPLE.lines().map(str::trim).filter(|l| !l.is_empty()).collect()
}

#[test]
fn three_sentences_skip_dateline_and_boilerplate() {
    let mut s = big();
    let config = Config::new().with_budget(Budget::Sentences(3));
    let summary: Summary<'_, 3> = s.summarize(SAMPLE, &config).unwrap();
    assert_eq!(summary.sentences.len(), 3);
    let (headline, dateline, print) = (lines()[0], lines()[1], lines()[2]);
    assert!(dateline.starts_with("الإثنين") && print == "طباعة", "fixture layout changed");
    for s in &summary.sentences {
        assert_ne!(s.text, dateline, "the dateline is not a summary sentence");
        assert_ne!(s.text, print, "web-page boilerplate is not a summary sentence");
    }
    let first_body = lines()[3];
    assert!(
        summary.sentences.iter().any(|s| s.text == headline || first_body.starts_with(s.text)),
        "the headline or the first body sentence leads: {summary:#?}"
    );
}

#[test]
fn summary_is_in_document_order_and_borrows_the_input() {
    let mut s = big();
    for n in [1, 3, 5] {
        let config = Config::new().with_budget(Budget::Sentences(n));
        let summary: Summary<'_, 8> = s.summarize(SAMPLE, &config).unwrap();
        assert_eq!(summary.sentences.len(), usize::from(n));
        assert!(summary.sentences.windows(2).all(|w| w[0].start < w[1].start), "order, n={n}");
        for sentence in &summary.sentences {
            assert_eq!(
                &SAMPLE[sentence.start..sentence.start + sentence.text.len()],
                sentence.text
            );
        }
    }
}

#[test]
fn top_keywords_name_the_topic() {
    let mut s = big();
    let keywords: Keywords<'_, 10> = s.keywords(SAMPLE, &Config::new()).unwrap();
    let stems: Vec<String> = keywords.keywords.iter().map(|k| stem_of(k.text)).collect();
    for (name, expected) in
        [("Putin", "بوتين"), ("ISIS", "داعش"), ("terrorism", "الإرهاب"), ("Syria", "سوريا")]
    {
        assert!(stems.contains(&stem_of(expected)), "{name} ({expected}) in {keywords:#?}");
    }
}

#[test]
fn terrorism_forms_are_conflated_into_one_keyword() {
    let mut s = big();
    let keywords: Keywords<'_, 10> = s.keywords(SAMPLE, &Config::new()).unwrap();
    let target = stem_of("إرهاب");
    let keyword = keywords.keywords.iter().find(|k| stem_of(k.text) == target).expect("إرهاب");
    // Every occurrence, whatever its clitics, hamza or suffix, counts for the one keyword.
    let forms: Vec<&str> =
        tokenize::words(SAMPLE).map(|(_, w)| w).filter(|w| stem_of(w) == target).collect();
    assert!(
        forms.contains(&"للإرهاب") && forms.contains(&"الارهابية") && forms.contains(&"الإرهابيون")
    );
    assert_eq!(usize::from(keyword.count), forms.len(), "{forms:?}");
}

#[test]
fn word_and_ratio_budgets() {
    let mut s = big();
    let total = tokenize::words(SAMPLE).count();
    let strict = Config::new().with_fill(false);
    for (name, config, most) in [
        ("100 words", strict.with_budget(Budget::Words(100)), 100),
        ("a fifth", strict.with_budget(Budget::Ratio(200)), total / 5),
    ] {
        let summary: Summary<'_, 64> = s.summarize(SAMPLE, &config).unwrap();
        assert_eq!(summary.total_words as usize, total, "{name}");
        assert!(!summary.sentences.is_empty(), "{name}");
        assert!(summary.words() <= most, "{name}: {} words", summary.words());
    }
}

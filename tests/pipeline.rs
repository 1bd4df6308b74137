//! The public API end to end: spans, capacities and their errors, budgets, encodings.

mod common;

use common::{SAMPLE, big};
use talkhis::{Budget, Capacity, Config, Error, Keywords, Summarizer, Summary};

/// Texts that every check below runs on: (name, text).
const TEXTS: &[(&str, &str)] = &[
    ("sample article", SAMPLE),
    (
        "mixed scripts",
        "أعلنت شركة Apple اليوم عن iPhone جديد بسعر 999 دولارا. وقال Tim Cook إن الهاتف الجديد أسرع.",
    ),
    ("diacritized", "ذَهَبَ الطَّالِبُ إِلَى المَدْرَسَةِ صَبَاحًا. وَقَرَأَ الطَّالِبُ الكِتَابَ فِي المَدْرَسَةِ."),
    ("one line", "مدينة بلا نقاط ولا نهاية"),
    ("punctuation only", "؟!،.. «» - ..."),
    ("empty", ""),
];

#[test]
fn every_span_indexes_the_input() {
    let mut s = big();
    for &(name, text) in TEXTS {
        let mut doc = s.analyze(text, &Config::new()).unwrap();
        let summary: Summary<'_, 8> = doc.summary();
        let keywords: Keywords<'_, 10> = doc.keywords();
        for sentence in &summary.sentences {
            assert_eq!(
                text.get(sentence.start..sentence.start + sentence.text.len()),
                Some(sentence.text),
                "{name}"
            );
        }
        for k in &keywords.keywords {
            assert_eq!(text.get(k.start..k.start + k.text.len()), Some(k.text), "{name}");
            assert!(k.count >= 1, "{name}");
        }
        assert!(
            keywords.keywords.windows(2).all(|w| w[0].score >= w[1].score),
            "{name}: best first"
        );
        for sc in doc.scores() {
            assert_eq!(text.get(sc.start..sc.start + sc.text.len()), Some(sc.text), "{name}");
        }
    }
}

#[test]
fn one_summarizer_serves_many_documents() {
    let mut s = big();
    let first: Summary<'_, 3> = s.summarize(SAMPLE, &Config::new()).unwrap();
    let _other: Summary<'_, 3> = s.summarize(TEXTS[1].1, &Config::new()).unwrap();
    let again: Summary<'_, 3> = s.summarize(SAMPLE, &Config::new()).unwrap();
    assert_eq!(first, again, "no state leaks between documents");
}

#[test]
fn capacity_errors_name_the_limit() {
    let text = "الجملة الأولى عن المياه. الجملة الثانية عن الطاقة. الجملة الثالثة عن الزراعة.";
    let third = text.find("الجملة الثالثة").unwrap();
    let cases: [(&str, Result<Summary<'_, 3>, Error>, Error, &str); 2] = [
        (
            "sentences",
            Summarizer::<2, 64>::new().summarize(text, &Config::new()),
            Error::CapacityExceeded { which: Capacity::Sentences, limit: 2, at: third },
            "more than 2 sentences (raise Summarizer SENTENCES)",
        ),
        (
            "terms",
            Summarizer::<8, 4>::new().summarize(text, &Config::new()),
            Error::CapacityExceeded {
                which: Capacity::Terms,
                limit: 4,
                at: text.find("الطاقة").unwrap(),
            },
            "more than 4 distinct terms (raise Summarizer TERMS)",
        ),
    ];
    for (name, got, expected, message) in cases {
        assert_eq!(got, Err(expected), "{name}");
        assert!(expected.to_string().ends_with(message), "{name}: {expected}");
    }
    let text_bytes = Error::CapacityExceeded { which: Capacity::TextBytes, limit: 7, at: 7 };
    assert_eq!(
        text_bytes.to_string(),
        "capacity exceeded at byte 7: more than 7 bytes (raise a text of at most u32::MAX bytes)"
    );
    let output = Error::CapacityExceeded { which: Capacity::OutputBytes, limit: 4, at: 4 };
    assert_eq!(
        output.to_string(),
        "capacity exceeded at byte 4: more than 4 bytes (raise the output buffer)"
    );
    assert_eq!(Error::Encode.to_string(), "the postcard encoder failed");
}

#[test]
fn output_capacity_caps_the_budget() {
    let mut s = big();
    let config = Config::new().with_budget(Budget::Sentences(10));
    let summary: Summary<'_, 2> = s.summarize(SAMPLE, &config).unwrap();
    assert_eq!(summary.sentences.len(), 2);
    let keywords: Keywords<'_, 3> = s.keywords(SAMPLE, &Config::new().with_keywords(50)).unwrap();
    assert_eq!(keywords.keywords.len(), 3);
    let keywords: Keywords<'_, 10> = s.keywords(SAMPLE, &Config::new().with_keywords(4)).unwrap();
    assert_eq!(keywords.keywords.len(), 4);
}

#[test]
fn a_summary_is_the_same_at_any_capacity_that_holds_it() {
    // The command line and the Python binding build the smallest summary that holds the
    // budget (8 or 64 sentences) instead of 1,024: it must choose the same sentences.
    let mut s = big();
    let long_text = SAMPLE.repeat(6);
    for budget in
        [Budget::Sentences(3), Budget::Sentences(8), Budget::Words(120), Budget::Ratio(300)]
    {
        let config = Config::new().with_budget(budget);
        for (name, text) in TEXTS.iter().copied().chain([("six samples", long_text.as_str())]) {
            let mut doc = s.analyze(text, &config).unwrap();
            let wide: Summary<'_, 1024> = doc.summary();
            let mid: Summary<'_, 64> = doc.summary();
            assert_eq!(mid.sentences[..], wide.sentences[..], "{name}, {budget:?}");
            if let Budget::Sentences(n) = budget {
                let small: Summary<'_, 8> = doc.summary();
                assert!(usize::from(n) <= 8);
                assert_eq!(small.sentences[..], wide.sentences[..], "{name}, {budget:?}");
            }
        }
    }
}

#[test]
fn postcard_round_trip() {
    let mut s = big();
    let mut doc = s.analyze(SAMPLE, &Config::new()).unwrap();
    let summary: Summary<'_, 3> = doc.summary();
    let keywords: Keywords<'_, 10> = doc.keywords();
    let mut buf = [0u8; 4096];
    let bytes = summary.to_postcard(&mut buf).unwrap();
    let back: Summary<'_, 3> = postcard::from_bytes(bytes).unwrap();
    assert_eq!(back, summary);
    let mut buf = [0u8; 1024];
    let bytes = keywords.to_postcard(&mut buf).unwrap();
    let back: Keywords<'_, 10> = postcard::from_bytes(bytes).unwrap();
    assert_eq!(back, keywords);
    let err = summary.to_postcard(&mut [0u8; 16]).unwrap_err();
    assert_eq!(err, Error::CapacityExceeded { which: Capacity::OutputBytes, limit: 16, at: 16 });
}

#[test]
fn config_round_trips_through_postcard() {
    const CONFIG: Config = Config::new().with_budget(Budget::Words(120)).with_redundancy(650);
    let bytes = postcard::to_allocvec(&CONFIG).unwrap();
    assert_eq!(postcard::from_bytes::<Config>(&bytes).unwrap(), CONFIG);
}

#[test]
fn a_shorter_keyword_list_is_the_start_of_a_longer_one() {
    let mut s = big();
    let longest: Keywords<'_, 16> = s.keywords(SAMPLE, &Config::new().with_keywords(16)).unwrap();
    for k in 1..16 {
        let shorter: Keywords<'_, 16> =
            s.keywords(SAMPLE, &Config::new().with_keywords(k)).unwrap();
        // The longest may hold fewer than 16: a keyword sharing a word with a better one, or
        // generic, leaves its place empty (issue 18).
        let k = usize::from(k).min(longest.keywords.len());
        assert_eq!(shorter.keywords[..], longest.keywords[..k], "k = {k}");
    }
}

#[test]
fn word_slots_change_no_result() {
    let hard_wrapped = SAMPLE.replace(". ", ".\n");
    let texts = TEXTS.iter().copied().chain([("hard-wrapped sample", hard_wrapped.as_str())]);
    let configs = [
        ("default", Config::new()),
        ("words", Config::new().with_budget(Budget::Words(120)).with_redundancy(500)),
        ("no phrases", Config::new().with_phrase_weight(0).with_headline_eligible(true)),
    ];
    let mut scratch = big();
    // Room to spare for every word of these texts: `analyze` keeps them itself (on 64-bit
    // targets), in the spare slots of its term table.
    let mut roomy = Box::new(talkhis::Summarizer::<256, 65536>::new());
    for (text_name, text) in texts {
        let words = talkhis::tokenize::words(text).count();
        for (config_name, config) in &configs {
            let want = common::results(&mut scratch, text, config, None).unwrap();
            let got = common::results(&mut *roomy, text, config, None).unwrap();
            assert_eq!(got, want, "{text_name}, {config_name}, a roomy scratch");
            let sizes = [
                ("enough", text.len() / 2 + 1),
                ("exact", words),
                ("one short", words.saturating_sub(1)),
                ("none", 0),
            ];
            for (size_name, slots) in sizes {
                let got = common::results(&mut scratch, text, config, Some(slots)).unwrap();
                assert_eq!(got, want, "{text_name}, {config_name}, {size_name}");
            }
        }
    }
}

#[test]
fn long_and_short_keyword_lists_agree() {
    // A list longer than 16 looks its terms up by binary search, a short one scans; a short one
    // ranks 16 candidates a round, a long one all it holds. Both walk the same candidates in the
    // same order, so the short list is the long one's first ten, forms included, and is full
    // when the long one has ten: a candidate set aside (generic, or sharing a word with a
    // better one) leaves its place to the next, in a second round if need be (issue 18).
    let mut s = big();
    for config in [Config::new(), Config::new().with_phrase_weight(0)] {
        let config = config.with_keywords(10);
        for &(name, text) in TEXTS {
            let short: Keywords<'_, 10> = s.keywords(text, &config).unwrap();
            let long: Keywords<'_, 256> = s.keywords(text, &config).unwrap();
            assert_eq!(short.keywords[..], long.keywords[..long.keywords.len().min(10)], "{name}");
        }
    }
}

#[test]
fn a_ten_keyword_list_is_full_when_the_text_has_ten_candidates() {
    // Named case: six generic words lead the ranking (each in the first sentence, three times),
    // and a phrase takes its words' places. A 10-keyword list used to rank 10 candidates, set
    // the generic ones aside and come out with 4 keywords; it now has 10, the long list's first.
    let text = "أعلن الوزير اليوم عن المرة الأولى منذ عام مضى في العام الماضي. \
                أعلن مجلس الأمن اليوم للمرة الأولى قرارا منذ عام. \
                أعلن مجلس الأمن اليوم المرة الأولى منذ عام في العام الماضي. \
                ودعا مجلس الأمن إلى وقف القتال في المدينة. \
                وناقش الأعضاء ملف اللاجئين والمساعدات الإنسانية والحدود والمياه. \
                وطالبت المنظمات بحماية المدنيين وفتح الممرات وإعادة الإعمار.";
    let mut s = big();
    let config = Config::new();
    let short: Keywords<'_, 10> = s.keywords(text, &config).unwrap();
    let long: Keywords<'_, 256> = s.keywords(text, &config).unwrap();
    let texts: Vec<&str> = short.keywords.iter().map(|k| k.text).collect();
    assert_eq!(short.keywords.len(), 10, "{texts:?}");
    assert_eq!(short.keywords[..], long.keywords[..10], "{texts:?}");
}

//! Hostile inputs: a table of named cases, each with the result it must give.
//!
//! Devices and services feed talkhis whatever arrives. Each case below builds one input and
//! states its result: exact counts; the same summary and keywords as a clean reference text;
//! or a capacity error that names the capacity, its limit and the byte where it ran out. Never
//! a panic. Every result is also checked against the invariants the fuzzer checks (spans
//! index the input, document order, budgets, unique keywords).
//!
//! Inputs are sized to exceed the capacities below ([`SENTENCES`], [`TERMS`]) while keeping
//! each case well under a second in a debug build. Worst-case *time* is measured by the
//! `worst_case` benchmark (`benches/src/worst_case.rs`), not here: no test asserts timing.

mod common;
#[path = "common/words.rs"]
mod words;

use common::SAMPLE;
use talkhis::{Budget, Capacity, Config, Error, Keywords, Summarizer, Summary};
use words::distinct_word;

/// The sentence capacity of the scratch every case runs on.
const SENTENCES: usize = 1024;
/// The term capacity.
const TERMS: usize = 4096;
/// The most summary sentences a case can get.
const N: usize = 8;
/// The most keywords.
const K: usize = 16;

type Scratch = Summarizer<SENTENCES, TERMS>;

/// What a case must give.
enum Expect {
    /// No words: this many sentences, and an empty summary and keyword list.
    NoWords { sentences: u32 },
    /// These totals, and this many summary sentences and keywords.
    Counts { sentences: u32, words: u32, summary: usize, keywords: usize },
    /// One sentence with `words` words, and a summary that is that sentence: the whole
    /// input, trimmed. Nothing is cut.
    Whole { words: u32, keywords: usize },
    /// The same totals, summary and (if `keywords`) keywords as `reference` gives, once
    /// `clean` maps each span of the hostile text: the hostile characters change nothing.
    Like { reference: String, clean: fn(&str) -> String, keywords: bool },
    /// Only the lengths of the summary and the keyword list (for configurations, whose
    /// totals are those of the text).
    Lengths { summary: usize, keywords: usize },
    /// `Error::CapacityExceeded` for `which`, at byte `at`, its limit the capacity.
    Full { which: Capacity, at: usize },
}

/// One hostile input.
struct Case {
    text: String,
    config: Config,
    expect: Expect,
}

impl Case {
    fn new(text: impl Into<String>, expect: Expect) -> Self {
        Self { text: text.into(), config: Config::new(), expect }
    }

    fn with_config(self, config: Config) -> Self {
        Self { config, ..self }
    }
}

/// The results of one analysis, owned by the test.
#[derive(Debug, PartialEq)]
struct Outcome {
    sentences: u32,
    words: u32,
    /// (text, score) of each summary sentence.
    summary: Vec<(String, u32)>,
    /// (text, score, count) of each keyword.
    keywords: Vec<(String, u32, u16)>,
}

/// Analyzes `text`, checks the invariants, and returns what it gave.
fn analyze(text: &str, config: &Config, clean: fn(&str) -> String) -> Result<Outcome, Error> {
    let mut scratch = Box::new(Scratch::new());
    let mut doc = scratch.analyze(text, config)?;
    let summary: Summary<'_, N> = doc.summary();
    let keywords: Keywords<'_, K> = doc.keywords();
    for s in &summary.sentences {
        assert_eq!(text.get(s.start..s.start + s.text.len()), Some(s.text), "summary span");
        assert!(!s.text.is_empty() && s.text.trim() == s.text, "trimmed, not empty: {:?}", s.text);
    }
    assert!(
        summary.sentences.windows(2).all(|w| w[0].start + w[0].text.len() <= w[1].start),
        "summary in document order, without overlap"
    );
    if let Budget::Sentences(n) = config.budget() {
        assert!(summary.sentences.len() <= usize::from(n), "sentence budget");
    }
    assert!(summary.sentences.len() as u32 <= summary.total_sentences);
    let mut seen = Vec::new();
    for k in &keywords.keywords {
        assert_eq!(text.get(k.start..k.start + k.text.len()), Some(k.text), "keyword span");
        assert!(!seen.contains(&k.text), "unique keywords: {:?}", keywords.keywords);
        assert!(k.count >= 1);
        seen.push(k.text);
    }
    assert!(keywords.keywords.len() <= usize::from(config.keywords()));
    assert!(keywords.keywords.windows(2).all(|w| w[0].score >= w[1].score), "best first");
    let mut end = 0;
    let mut scored = 0;
    for sc in doc.scores() {
        assert_eq!(text.get(sc.start..sc.start + sc.text.len()), Some(sc.text), "score span");
        assert!(sc.start >= end, "scores in document order");
        end = sc.start + sc.text.len();
        scored += 1;
    }
    assert_eq!(scored, summary.total_sentences);
    Ok(Outcome {
        sentences: summary.total_sentences,
        words: summary.total_words,
        summary: summary.sentences.iter().map(|s| (clean(s.text), s.score.0)).collect(),
        keywords: keywords.keywords.iter().map(|k| (clean(k.text), k.score.0, k.count)).collect(),
    })
}

fn unchanged(s: &str) -> String {
    s.to_owned()
}

/// Runs one case.
fn run(case: Case) {
    let Case { text, config, expect } = case;
    let clean = match &expect {
        Expect::Like { clean, .. } => *clean,
        _ => unchanged,
    };
    let got = analyze(&text, &config, clean);
    match expect {
        Expect::Full { which, at } => {
            let limit = match which {
                Capacity::Sentences => SENTENCES,
                _ => TERMS,
            };
            assert_eq!(got, Err(Error::CapacityExceeded { which, limit, at }));
            let err = got.unwrap_err().to_string();
            assert!(err.contains(&format!("at byte {at}")) && err.contains(which.knob()), "{err}");
        }
        Expect::NoWords { sentences } => {
            let got = got.unwrap();
            assert_eq!((got.sentences, got.words), (sentences, 0), "totals");
            assert!(got.summary.is_empty() && got.keywords.is_empty(), "{got:?}");
        }
        Expect::Counts { sentences, words, summary, keywords } => {
            let got = got.unwrap();
            assert_eq!((got.sentences, got.words), (sentences, words), "totals");
            assert_eq!((got.summary.len(), got.keywords.len()), (summary, keywords), "{got:?}");
        }
        Expect::Whole { words, keywords } => {
            let got = got.unwrap();
            assert_eq!((got.sentences, got.words), (1, words), "totals");
            assert_eq!(got.summary.len(), 1);
            assert!(got.summary[0].0 == text.trim(), "the summary is the whole text");
            assert_eq!(got.keywords.len(), keywords);
        }
        Expect::Like { reference, keywords, .. } => {
            let mut got = got.unwrap();
            let mut want = analyze(&reference, &config, unchanged).unwrap();
            assert!(!want.summary.is_empty(), "a reference with a summary");
            if !keywords {
                got.keywords.clear();
                want.keywords.clear();
            }
            assert_eq!(got, want);
        }
        Expect::Lengths { summary, keywords } => {
            let got = got.unwrap();
            assert_eq!((got.summary.len(), got.keywords.len()), (summary, keywords), "{got:?}");
        }
    }
}

/// `count` units from `unit(i, &mut text)`, with the byte offset where unit `mark` starts.
fn build(count: usize, mark: usize, unit: impl Fn(usize, &mut String)) -> (String, usize) {
    let mut text = String::new();
    let mut at = usize::MAX;
    for i in 0..count {
        if i == mark {
            at = text.len();
        }
        unit(i, &mut text);
    }
    (text, at)
}

/// The Arabic words of the sample article, for long texts of real vocabulary.
fn vocabulary() -> Vec<&'static str> {
    words::arabic_words(SAMPLE)
}

/// The sample article with its paragraphs hard-wrapped at about 60 bytes, as archives do.
fn wrapped_sample() -> String {
    let mut out = String::new();
    for paragraph in SAMPLE.lines() {
        let mut line = 0;
        for (i, word) in paragraph.split(' ').enumerate() {
            if i > 0 {
                if line + 1 + word.len() > 60 {
                    out.push('\n');
                    line = 0;
                } else {
                    out.push(' ');
                    line += 1;
                }
            }
            out.push_str(word);
            line += word.len();
        }
        out.push('\n');
    }
    out
}

/// Replaces each space between two letters of `text` with `with`.
fn between_letters(text: &str, with: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let inside = c == ' '
            && i > 0
            && chars.get(i + 1).is_some_and(|n| n.is_alphabetic())
            && chars[i - 1].is_alphabetic();
        if inside { out.push_str(with) } else { out.push(c) }
    }
    out
}

/// Bidi controls and zero-width characters: all invisible, all dropped when folding.
const INVISIBLE: [char; 12] = [
    '\u{200E}', // LEFT-TO-RIGHT MARK
    '\u{200F}', // RIGHT-TO-LEFT MARK
    '\u{202B}', // RIGHT-TO-LEFT EMBEDDING
    '\u{202C}', // POP DIRECTIONAL FORMATTING
    '\u{202E}', // RIGHT-TO-LEFT OVERRIDE
    '\u{2067}', // RIGHT-TO-LEFT ISOLATE
    '\u{2069}', // POP DIRECTIONAL ISOLATE
    '\u{200B}', // ZERO WIDTH SPACE
    '\u{200C}', // ZERO WIDTH NON-JOINER
    '\u{200D}', // ZERO WIDTH JOINER
    '\u{2060}', // WORD JOINER
    '\u{061C}', // ARABIC LETTER MARK
];

/// The sample with invisible characters after every word followed by a space, and inside
/// every word between its first two letters. (Not before a word: the gap between two words
/// of a keyphrase must be spaces only.)
fn invisible_sample() -> String {
    let chars: Vec<char> = SAMPLE.chars().collect();
    let mut out = String::new();
    let mut k = 0;
    let mut next = || {
        k += 1;
        INVISIBLE[k % INVISIBLE.len()]
    };
    for (i, &c) in chars.iter().enumerate() {
        out.push(c);
        let letter = |j: usize| chars.get(j).is_some_and(|c| c.is_alphabetic());
        let starts_word = letter(i) && (i == 0 || !letter(i - 1));
        if letter(i) && chars.get(i + 1) == Some(&' ') || starts_word && letter(i + 1) {
            out.push(next());
        }
    }
    out
}

fn remove_invisible(s: &str) -> String {
    s.chars().filter(|c| !INVISIBLE.contains(c)).collect()
}

/// Declares one `#[test]` per case: `name => case;`.
macro_rules! cases {
    ($($(#[$doc:meta])* $name:ident => $case:expr;)*) => {
        $( $(#[$doc])* #[test] fn $name() { run($case) } )*
    };
}

cases! {
    /// Nothing at all.
    empty => Case::new("", Expect::NoWords { sentences: 0 });

    /// Every kind of whitespace, line breaks included: no sentence.
    whitespace_only => Case::new(
        " \t\n\r\n\u{00A0}\u{2003}\u{3000}\u{2028}\u{2029}\u{0085}\u{000B}\u{000C}".repeat(100),
        Expect::NoWords { sentences: 0 },
    );

    /// 100,000 line feeds.
    only_newlines => Case::new("\n".repeat(100_000), Expect::NoWords { sentences: 0 });

    /// Punctuation that never ends a sentence: one sentence, no word.
    only_punctuation => Case::new(
        "، ؛ : « » - ( ) [ ] / * # @ ٪ % ﴾ ﴿ — ; , ' \" ".repeat(50),
        Expect::NoWords { sentences: 1 },
    );

    /// Each `؟!` ends a sentence of its own.
    only_terminators => Case::new("؟! ".repeat(500), Expect::NoWords { sentences: 500 });

    /// 100,000 dots are one run: one sentence.
    only_dots => Case::new(".".repeat(100_000), Expect::NoWords { sentences: 1 });

    /// A spaced ellipsis joins two halves, but with nothing before it, each `...` is a
    /// sentence.
    only_ellipses => Case::new("... ".repeat(500), Expect::NoWords { sentences: 500 });

    /// More ellipses than SENTENCES: the error names the first one past the limit.
    ellipses_beyond_capacity => {
        let (text, at) = build(2000, SENTENCES, |_, t| t.push_str("... "));
        Case::new(text, Expect::Full { which: Capacity::Sentences, at })
    };

    /// Harakat, shadda, superscript alef and tatweel, with no letter: no word.
    only_diacritics => Case::new(
        "\u{064B}\u{064C}\u{064D}\u{064E}\u{064F}\u{0650}\u{0651}\u{0652}\u{0670}\u{0640} "
            .repeat(200),
        Expect::NoWords { sentences: 1 },
    );

    /// A megabyte of words with no punctuation and no line break: one sentence, which is the
    /// summary, whole. The document's word count is exact (the sentence's own count,
    /// `SentenceScore::words`, is a `u16` and stops at 65,535; see SECURITY.md).
    one_megabyte_without_punctuation => {
        let vocabulary = vocabulary();
        let (text, _) = build(110_000, 0, |i, t| {
            t.push_str(vocabulary[i % vocabulary.len()]);
            t.push(' ');
        });
        assert!(text.len() > 1 << 20);
        Case::new(text, Expect::Whole { words: 110_000, keywords: 10 })
    };

    /// The same megabyte in 60,000-word sentences: exact counts. The second sentence cycles
    /// through the same vocabulary as the first, so it repeats it and the summary is one
    /// sentence (the redundancy check compares a candidate's terms with all of a chosen
    /// sentence's, not only its first 48).
    one_megabyte_in_long_sentences => {
        let vocabulary = vocabulary();
        let (text, _) = build(120_000, 0, |i, t| {
            t.push_str(vocabulary[i % vocabulary.len()]);
            t.push_str(if i % 60_000 == 59_999 { ". " } else { " " });
        });
        assert!(text.len() > 1 << 20);
        Case::new(text, Expect::Counts { sentences: 2, words: 120_000, summary: 1, keywords: 10 })
    };

    /// 100,000 one-word sentences, far more than SENTENCES: the error names sentence 1024.
    one_word_sentences => {
        let words = ["خبر", "كلمة", "جملة", "مدينة"];
        let (text, at) = build(100_000, SENTENCES, |i, t| {
            t.push_str(words[i % words.len()]);
            t.push_str(". ");
        });
        Case::new(text, Expect::Full { which: Capacity::Sentences, at })
    };

    /// 30,000 one-word lines: a hard-wrapped text by its shape, so they join into one.
    one_word_lines => {
        let (text, _) = build(30_000, 0, |i, t| {
            distinct_word(i % 100, t);
            t.push('\n');
        });
        Case::new(text, Expect::Counts { sentences: 1, words: 30_000, summary: 1, keywords: 10 })
    };

    /// 100,000 distinct terms, far more than TERMS: the error names the first word past it.
    distinct_terms => {
        let (text, at) = build(100_000, TERMS, |i, t| {
            distinct_word(i, t);
            t.push_str(if i % 10 == 9 { ". " } else { " " });
        });
        Case::new(text, Expect::Full { which: Capacity::Terms, at })
    };

    /// Exactly TERMS distinct terms fit.
    distinct_terms_at_capacity => {
        let (text, _) = build(TERMS, 0, |i, t| {
            distinct_word(i, t);
            t.push_str(if i % 8 == 7 { ". " } else { " " });
        });
        Case::new(text, Expect::Counts {
            sentences: (TERMS / 8) as u32,
            words: TERMS as u32,
            summary: 3,
            keywords: 10,
        })
    };

    /// One 10,000-letter word: a word, but too long to be a term.
    one_long_word => Case::new("ب".repeat(10_000), Expect::Counts {
        sentences: 1,
        words: 1,
        summary: 0,
        keywords: 0,
    });

    /// The same word inside the article counts as a word and changes nothing else, like a
    /// number in its place.
    long_word_in_article => {
        let long = "ب".repeat(10_000);
        // After the first word of the first body sentence.
        let at = SAMPLE.find("استخدمت موسكو").unwrap() + "استخدمت".len();
        let with = |w: &str| format!("{} {w}{}", &SAMPLE[..at], &SAMPLE[at..]);
        Case::new(with(&long), Expect::Like {
            reference: with("2015"),
            clean: |s| s.replace(&"ب".repeat(10_000), "2015"),
            keywords: true,
        })
    };

    /// NUL bytes only.
    only_nul => Case::new("\0".repeat(10_000), Expect::NoWords { sentences: 1 });

    /// NUL bytes in place of the spaces between words separate them like spaces. The
    /// summary is unchanged; keyphrases need spaces between their words, so keywords may
    /// differ.
    nul_between_words => Case::new(between_letters(SAMPLE, "\0"), Expect::Like {
        reference: SAMPLE.to_owned(),
        clean: |s| s.replace('\0', " "),
        keywords: false,
    });

    /// Bidi controls and zero-width characters inside and after words change nothing.
    bidi_and_zero_width => Case::new(invisible_sample(), Expect::Like {
        reference: SAMPLE.to_owned(),
        clean: remove_invisible,
        keywords: true,
    });

    /// Emoji (with skin tones, flags and ZWJ sequences) are not words.
    only_emoji => Case::new(
        "🙂 👍🏽 🇸🇦 👨\u{200D}👩\u{200D}👧 🕋 ✨".repeat(100),
        Expect::NoWords { sentences: 1 },
    );

    /// Emoji between the sentences of a text: words and sentences as without them.
    emoji_between_words => Case::new(
        "أعلنت الحكومة 🙂 خطة جديدة لدعم الزراعة 👍🏽. وقال الوزير 🇸🇦 إن الخطة تشمل القرى ✨.",
        // 9 terms: 12 words less two stopwords (وقال, إن), and الخطة is خطة; 8 keywords, as
        // `أعلنت` is a generic word (issue 18).
        Expect::Counts { sentences: 2, words: 12, summary: 2, keywords: 8 },
    );

    /// Combining marks alone (Latin accents, enclosing circles): no word.
    only_combining_marks => Case::new(
        "\u{0301}\u{0300}\u{0336}\u{20DD}\u{0489} ".repeat(200),
        Expect::NoWords { sentences: 1 },
    );

    /// Combining marks on Latin letters stay inside their words.
    combining_marks_on_letters => Case::new(
        "cafe\u{0301} re\u{0301}sume\u{0301} nai\u{0308}ve Zu\u{0308}rich cafe\u{0301}.",
        Expect::Counts { sentences: 1, words: 5, summary: 1, keywords: 4 },
    );

    /// Latin text only: Latin words are words and terms like any other.
    latin_only => {
        let text = "The committee approved the new budget on Monday. Critics said the budget \
                    was too small. The final vote of the regional council came late.";
        let words = text.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty());
        Case::new(text, Expect::Counts {
            sentences: 3,
            words: words.count() as u32,
            summary: 3,
            keywords: 10,
        })
    };

    /// Arabic-Indic digits only: words, but numbers are never terms. `٤.٥` is a decimal,
    /// not a sentence end; `/` splits words.
    arabic_indic_digits => Case::new(
        "٠١٢٣٤٥٦٧٨٩ ٢٠١٥ ٤.٥ ١٢/١١/٢٠١٥",
        Expect::Counts { sentences: 1, words: 7, summary: 0, keywords: 0 },
    );

    /// Extended (Persian) Arabic-Indic digits are numbers too.
    persian_digits => Case::new(
        "۰۱۲۳۴۵۶۷۸۹ ۱۳۹۴ ۴.۵",
        Expect::Counts { sentences: 1, words: 4, summary: 0, keywords: 0 },
    );

    /// Windows line ends give the same result as line feeds.
    crlf => Case::new(SAMPLE.replace('\n', "\r\n"), Expect::Like {
        reference: SAMPLE.to_owned(),
        clean: |s| s.replace("\r\n", "\n"),
        keywords: true,
    });

    /// Old Mac line ends (a lone CR) too.
    lone_cr => Case::new(SAMPLE.replace('\n', "\r"), Expect::Like {
        reference: SAMPLE.to_owned(),
        clean: |s| s.replace('\r', "\n"),
        keywords: true,
    });

    /// And Unicode's LINE SEPARATOR.
    line_separator => Case::new(SAMPLE.replace('\n', "\u{2028}"), Expect::Like {
        reference: SAMPLE.to_owned(),
        clean: |s| s.replace('\u{2028}', "\n"),
        keywords: true,
    });

    /// A hard-wrapped article with CR LF line ends is rejoined like one with LF.
    wrapped_crlf => Case::new(wrapped_sample().replace('\n', "\r\n"), Expect::Like {
        reference: wrapped_sample(),
        clean: |s| s.replace("\r\n", "\n"),
        keywords: true,
    });

    /// And with lone CRs.
    wrapped_lone_cr => Case::new(wrapped_sample().replace('\n', "\r"), Expect::Like {
        reference: wrapped_sample(),
        clean: |s| s.replace('\r', "\n"),
        keywords: true,
    });

    /// A byte-order mark before the text, and one (as ZERO WIDTH NO-BREAK SPACE) inside a
    /// word, change nothing.
    byte_order_mark => {
        let inside = SAMPLE.find("بوتين").unwrap() + "بو".len();
        let text = format!("\u{FEFF}{}\u{FEFF}{}", &SAMPLE[..inside], &SAMPLE[inside..]);
        Case::new(text, Expect::Like {
            reference: SAMPLE.to_owned(),
            clean: |s| s.replace('\u{FEFF}', ""),
            keywords: true,
        })
    };

    /// Latin and Arabic letters alternating at every character: each run between spaces is
    /// one word. 10 keywords: the pairs that share a word with a better one are left out
    /// (issue 18) and the next candidates take their places.
    alternating_scripts => {
        let latin: Vec<char> = ('a'..='z').collect();
        let arabic: Vec<char> = "بتثجحخدذرزسشصضطظعغفقكلمنهوي".chars().collect();
        let (text, _) = build(5000, 0, |i, t| {
            t.push(if i % 2 == 0 { latin[i % latin.len()] } else { arabic[i % arabic.len()] });
            if i % 9 == 8 {
                t.push(' ');
            }
        });
        let words = text.split_whitespace().count() as u32;
        Case::new(text, Expect::Counts { sentences: 1, words, summary: 1, keywords: 10 })
    };

    /// Private-use characters, noncharacters and the last code point: no word.
    private_use_and_noncharacters => Case::new(
        "\u{E000}\u{F8FF}\u{FFFE}\u{FFFF}\u{1FFFE}\u{10FFFF} ".repeat(100),
        Expect::NoWords { sentences: 1 },
    );

    /// 100,000 closing quotes after a full stop stay with that sentence.
    closing_quotes_run => Case::new(
        format!("قال الرئيس إن الاتفاق نهائي وملزم.{}", "»".repeat(100_000)),
        Expect::Counts { sentences: 1, words: 6, summary: 1, keywords: 4 },
    );

    /// One sentence repeated 1,000 times: every copy after the first is redundant, and its
    /// five pairs of adjacent words are keyphrases that stand for its six words; the three
    /// that share no word with a better one are listed (issue 18).
    repeated_sentence => Case::new(
        "أعلنت الحكومة خطة جديدة لدعم الزراعة. ".repeat(1000),
        Expect::Counts { sentences: 1000, words: 6000, summary: 1, keywords: 3 },
    );

    /// Every weight, count and switch at its maximum: no overflow.
    config_at_maximum => Case::new(SAMPLE, Expect::Lengths { summary: N, keywords: K })
        .with_config(extreme(u16::MAX, true, Budget::Ratio(u16::MAX)));

    /// A word budget of `u32::MAX`.
    config_word_budget_at_maximum => Case::new(SAMPLE, Expect::Lengths { summary: N, keywords: K })
        .with_config(extreme(u16::MAX, false, Budget::Words(u32::MAX)));

    /// Every weight, count and switch at zero: an empty summary, no keywords.
    config_at_zero => Case::new(SAMPLE, Expect::Lengths { summary: 0, keywords: 0 })
        .with_config(extreme(0, false, Budget::Sentences(0)));
}

/// A configuration with every number set to `n` and every switch to `on`.
fn extreme(n: u16, on: bool, budget: Budget) -> Config {
    Config::new()
        .with_budget(budget)
        .with_keywords(n)
        .with_content_weight(n)
        .with_position_weight(n)
        .with_position_decay(n)
        .with_lead_bonus(n)
        .with_headline_boost(n)
        .with_length_smoothing(n)
        .with_min_words(n)
        .with_redundancy(n)
        .with_headline_eligible(on)
        .with_fill(on)
        .with_keyword_position_decay(n)
        .with_lead_sentences(n)
        .with_topic_threshold(n)
        .with_phrase_weight(n)
        .with_phrase_min_count(n)
}

//! Cases of the core, run on the emulated device: a plain test runner (no defmt decoding
//! needed) that prints each case, then `N passed, N failed`, and exits with success only if
//! none failed.
//!
//! `cargo run --release --bin device_tests` (Cortex-M0, QEMU `microbit`).

#![no_std]
#![no_main]

use core::cell::RefCell;

use cortex_m::interrupt::{self, Mutex};
use cortex_m_rt::entry;
use talkhis::{
    Budget, Capacity, Config, Error, Keywords, Summarizer, Summary, normalize, sentences, stem,
    stopwords, tokenize,
};
use talkhis_firmware::setup::SAMPLE;
use talkhis_firmware::{exit, log};

/// A case: its name, and `Err(what failed)` or `Ok(())`.
type Case = (&'static str, fn() -> Result<(), &'static str>);

/// Scratch for the cases that read the sample article, in a `static` like the firmware's.
static SCRATCH: Mutex<RefCell<Summarizer<32, 512>>> = Mutex::new(RefCell::new(Summarizer::new()));

const CASES: &[Case] = &[
    ("normalize: hamza, tashkeel, tatweel and teh marbuta fold", normalize_letters),
    ("normalize: Arabic-Indic digits become ASCII", normalize_digits),
    ("stem: clitics and the article are stripped", stem_clitics),
    ("stem: forms of one word share a stem", stem_conflates),
    ("stopwords: found behind clitics", stopwords_clitics),
    ("sentences: abbreviations, decimals and quotes", sentence_rules),
    ("tokenize: words of Arabic, Latin and digits", tokenize_words),
    ("summary: the topic sentence wins", summary_topic),
    ("summary: sample spans index the input, in order", summary_sample),
    ("keywords: a term counts in all its forms", keywords_forms),
    ("errors: sentence capacity names where it ran out", error_sentences),
    ("errors: term capacity", error_terms),
    ("empty and punctuation-only input", empty_input),
    ("postcard: summary round trip and a short buffer", postcard_round_trip),
];

#[entry]
fn main() -> ! {
    let (mut passed, mut failed) = (0u32, 0u32);
    for (name, case) in CASES {
        match case() {
            Ok(()) => {
                passed += 1;
                log!("test {} ... ok", name);
            }
            Err(what) => {
                failed += 1;
                log!("test {} ... FAILED: {}", name, what);
            }
        }
    }
    log!("{} passed, {} failed", passed, failed);
    exit(failed == 0)
}

/// `Err(what)` unless `ok`.
fn ensure(ok: bool, what: &'static str) -> Result<(), &'static str> {
    if ok { Ok(()) } else { Err(what) }
}

fn normalize_letters() -> Result<(), &'static str> {
    let mut buf = [0u8; 64];
    ensure(normalize::word_into("الإرهَابـيّة", &mut buf) == Some("الارهابيه"), "folded form")
}

fn normalize_digits() -> Result<(), &'static str> {
    let mut buf = [0u8; 64];
    ensure(normalize::word_into("٢٠١٥", &mut buf) == Some("2015"), "digits")
}

fn stem_clitics() -> Result<(), &'static str> {
    ensure(stem::strip_affixes("والكتاب") == "كتاب", "والكتاب")?;
    ensure(stem::strip_affixes("باريس") == "باريس", "a name is kept")
}

fn stem_conflates() -> Result<(), &'static str> {
    for form in ["للإرهاب", "الإرهابيون", "والإرهاب"] {
        let mut buf = [0u8; 64];
        let folded = normalize::word_into(form, &mut buf).ok_or("fold")?;
        ensure(stem::strip_affixes(folded) == "ارهاب", "ارهاب")?;
    }
    Ok(())
}

fn stopwords_clitics() -> Result<(), &'static str> {
    ensure(stopwords::contains("الذي"), "الذي")?;
    ensure(stopwords::contains("فلم"), "ف + لم")?;
    ensure(stopwords::contains("منه"), "من + ه")?;
    ensure(!stopwords::contains("كتاب"), "كتاب is content")
}

fn sentence_rules() -> Result<(), &'static str> {
    let text =
        "موسكو تكشف الستار .. وتجدد دعوتها\nطباعة\nقال د. أحمد إن النمو بلغ 4.5%. هل هذا كثير؟» لا.";
    let expected = [
        "موسكو تكشف الستار .. وتجدد دعوتها",
        "طباعة",
        "قال د. أحمد إن النمو بلغ 4.5%.",
        "هل هذا كثير؟»",
        "لا.",
    ];
    let mut count = 0;
    for ((at, s), want) in sentences::split(text).zip(expected) {
        ensure(s == want, "sentence text")?;
        ensure(text.find(want) == Some(at), "sentence offset")?;
        count += 1;
    }
    ensure(count == expected.len() && sentences::split(text).count() == count, "count")
}

fn tokenize_words() -> Result<(), &'static str> {
    let text = "قمة NATO في ٢٠١٥، و«السلام»!";
    let mut words = tokenize::words(text);
    for want in ["قمة", "NATO", "في", "٢٠١٥", "و", "السلام"] {
        let (at, w) = words.next().ok_or("too few words")?;
        ensure(w == want && text.get(at..at + w.len()) == Some(want), "word span")?;
    }
    ensure(words.next().is_none(), "too many words")
}

fn summary_topic() -> Result<(), &'static str> {
    let text = "انطلقت في القاهرة اليوم قمة عربية لبحث أزمة المياه في المنطقة. \
                وناقش القادة في القمة خطة مشتركة لإدارة المياه. \
                وفي ختام القمة، أعلن القادة عن صندوق لتمويل مشاريع المياه.";
    let mut summarizer: Summarizer<16, 64> = Summarizer::new();
    let summary: Summary<'_, 1> =
        summarizer.summarize(text, &Config::new()).map_err(|_| "error")?;
    let first = "انطلقت في القاهرة اليوم قمة عربية لبحث أزمة المياه في المنطقة.";
    ensure(summary.sentences.first().map(|s| s.text) == Some(first), "best sentence")
}

fn summary_sample() -> Result<(), &'static str> {
    let config = Config::new().with_budget(Budget::Sentences(6));
    interrupt::free(|cs| {
        let mut scratch = SCRATCH.borrow(cs).borrow_mut();
        let summary: Summary<'_, 6> = scratch.summarize(SAMPLE, &config).map_err(|_| "error")?;
        ensure(summary.sentences.len() == 6, "six sentences")?;
        for s in &summary.sentences {
            ensure(SAMPLE.get(s.start..s.start + s.text.len()) == Some(s.text), "span")?;
        }
        let ordered = summary.sentences.windows(2).all(|w| w[0].start < w[1].start);
        ensure(ordered, "document order")
    })
}

fn keywords_forms() -> Result<(), &'static str> {
    let text = "الإرهاب خطر. مكافحة الإرهاب واجب، والإرهابيون أعداء للجميع.";
    let mut summarizer: Summarizer<8, 32> = Summarizer::new();
    let keywords: Keywords<'_, 3> =
        summarizer.keywords(text, &Config::new()).map_err(|_| "error")?;
    let first = keywords.keywords.first().ok_or("no keyword")?;
    ensure(first.text == "الإرهاب" && first.count == 3, "الإرهاب x3")?;
    ensure(text.get(first.start..first.start + first.text.len()) == Some(first.text), "span")
}

fn error_sentences() -> Result<(), &'static str> {
    let text = "جملة أولى طويلة بما يكفي. جملة ثانية.";
    let mut one: Summarizer<1, 16> = Summarizer::new();
    let err = one.summarize::<1>(text, &Config::new()).err().ok_or("no error")?;
    let at = text.find("جملة ثانية").ok_or("find")?;
    let want = Error::CapacityExceeded { which: Capacity::Sentences, limit: 1, at };
    ensure(err == want, "Sentences, limit 1, at the second sentence")
}

fn error_terms() -> Result<(), &'static str> {
    let text = "جملة أولى طويلة بما يكفي. جملة ثانية.";
    let mut one: Summarizer<4, 1> = Summarizer::new();
    let err = one.summarize::<1>(text, &Config::new()).err().ok_or("no error")?;
    let terms = matches!(err, Error::CapacityExceeded { which: Capacity::Terms, limit: 1, .. });
    ensure(terms, "Terms, limit 1")
}

fn empty_input() -> Result<(), &'static str> {
    let mut summarizer: Summarizer<4, 16> = Summarizer::new();
    for text in ["", "   \n ", "... ؟ !! ،"] {
        let summary: Summary<'_, 3> =
            summarizer.summarize(text, &Config::new()).map_err(|_| "error")?;
        ensure(summary.sentences.is_empty(), "no sentence")?;
        let keywords: Keywords<'_, 3> =
            summarizer.keywords(text, &Config::new()).map_err(|_| "error")?;
        ensure(keywords.keywords.is_empty(), "no keyword")?;
    }
    Ok(())
}

fn postcard_round_trip() -> Result<(), &'static str> {
    let mut summarizer: Summarizer<8, 32> = Summarizer::new();
    let text = "أمطار غزيرة تضرب المدينة اليوم. وتتوقع الأرصاد استمرار الأمطار غدا.";
    let summary: Summary<'_, 2> =
        summarizer.summarize(text, &Config::new()).map_err(|_| "error")?;
    let mut buf = [0u8; 256];
    let bytes = summary.to_postcard(&mut buf).map_err(|_| "encode")?;
    let back: Summary<'_, 2> = postcard::from_bytes(bytes).map_err(|_| "decode")?;
    ensure(back == summary, "round trip")?;
    let short = summary.to_postcard(&mut [0u8; 4]).err().ok_or("fits in 4 bytes")?;
    let full =
        matches!(short, Error::CapacityExceeded { which: Capacity::OutputBytes, limit: 4, .. });
    ensure(full, "OutputBytes, limit 4")
}

//! Stage 6: term frequencies and sentence scores, in integer fixed point.
//!
//! Scores are integers in thousandths ([`Score`]): Cortex-M0 has no FPU, soft floats cost
//! flash and cycles, and integers give the same ranking on every target, so a summary made on
//! a device matches the one made on a desktop, bit for bit.
//!
//! The document's terms are counted in [`terms`](crate::terms)' table, keyed by the 32-bit
//! FNV-1a hash of the folded stem ([`fnv1a`]).

use core::fmt;

use crate::analysis::Info;
use crate::config::Config;
use crate::{normalize, stem, stopwords, tokenize};

/// A score in thousandths: `Score(1500)` is 1.5.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Score(pub u32);

impl fmt::Display for Score {
    /// Shows the score as a decimal with three places.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(talkhis::Score(1500).to_string(), "1.500");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:03}", self.0 / 1000, self.0 % 1000)
    }
}

/// The longest folded word, in bytes, that counts as a term (32 Arabic letters). Longer runs
/// of letters are URLs, hashes or garbage: they stay in their sentence but are not scored.
pub(crate) const MAX_WORD_BYTES: usize = 64;

/// What a word is to the scorer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Word {
    /// A content word: the hash of its stem, how many leading letters are clitics, and
    /// whether it carries the definite article ([`stem::Parts::article`]).
    Content { hash: u32, lead: u8, article: bool },
    /// A stopword, number, single letter or over-long token: counted as a word, not scored.
    Other,
}

/// What pass 1 learned about one word of the text, kept so that later passes need not read
/// and classify it again.
///
/// A caller lends a slice of these to [`Summarizer::analyze_with`](crate::Summarizer::analyze_with),
/// one per word of the text; [`Summarizer::analyze`](crate::Summarizer::analyze) needs none. A
/// slot holds the word's byte offset in its sentence and its length, whether it is a content word and, if so, its
/// term's hash, how many leading letters are clitics and whether it carries the article: 12 bytes.
///
/// # Examples
///
/// ```
/// use talkhis::WordSlot;
///
/// let words = [WordSlot::EMPTY; 1024]; // room for a text of up to 1,024 words
/// assert_eq!(core::mem::size_of_val(&words), 12 * 1024);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordSlot {
    /// The stem's hash, if a content word.
    hash: u32,
    /// The word's byte offset in its sentence.
    start: u32,
    /// The word's length in bytes.
    len: u16,
    /// The rest of the word's class ([`Word::packed`]).
    bits: u16,
}

/// [`Word::packed`]'s bit for a content word.
const CONTENT: u16 = 1 << 8;
/// [`Word::packed`]'s bit for a content word that carries the article.
const ARTICLE: u16 = 1 << 9;

impl Word {
    /// The word as its stem's hash (0 for any other word) and 16 bits, `lead | CONTENT |
    /// ARTICLE`: how the word slots and pass 1's cache of forms keep a class.
    pub(crate) const fn packed(self) -> (u32, u16) {
        match self {
            Self::Content { hash, lead, article } => {
                (hash, lead as u16 | CONTENT | if article { ARTICLE } else { 0 })
            }
            Self::Other => (0, 0),
        }
    }

    /// The word [`Word::packed`] packed (inlined with [`WordSlot::get`]).
    #[inline]
    pub(crate) const fn unpacked(hash: u32, bits: u16) -> Self {
        if bits & CONTENT != 0 {
            Self::Content { hash, lead: bits as u8, article: bits & ARTICLE != 0 }
        } else {
            Self::Other
        }
    }
}

impl WordSlot {
    /// A slot that holds no word yet.
    pub const EMPTY: Self = Self { hash: 0, start: 0, len: 0, bits: 0 };

    /// The slot of a word at `start` with `len` bytes; `None` if it does not fit one.
    pub(crate) fn new(start: usize, len: usize, word: Word) -> Option<Self> {
        let (start, len) = (u32::try_from(start).ok()?, u16::try_from(len).ok()?);
        let (hash, bits) = word.packed();
        Some(Self { hash, start, len, bits })
    }

    /// The slot in two spare slots of a term table ([`Terms::packs`](crate::terms::Terms::packs)): `[{hash, len, bits},
    /// {start, 0, 0}]`.
    pub(crate) const fn pack(self) -> [crate::terms::Term; 2] {
        [
            crate::terms::Term { hash: self.hash, count: self.len, first: self.bits },
            crate::terms::Term { hash: self.start, count: 0, first: 0 },
        ]
    }

    /// The slot [`pack`](Self::pack) packed.
    pub(crate) const fn unpack([a, b]: [crate::terms::Term; 2]) -> Self {
        Self { hash: a.hash, start: b.hash, len: a.count, bits: a.first }
    }

    /// The word's (byte start, byte length, class). Inlined: the passes' loops call it once
    /// a word.
    #[inline]
    pub(crate) const fn get(self) -> (usize, usize, Word) {
        (self.start as usize, self.len as usize, Word::unpacked(self.hash, self.bits))
    }
}

/// Classifies one word of the text (the scorer reads words with [`next_classified`]).
#[cfg(test)]
pub(crate) fn classify(word: &str) -> Word {
    let mut buf = [0u8; MAX_WORD_BYTES];
    let written = normalize::fold_into(word, &mut buf);
    classify_folded(&buf, written)
}

/// The first word of `text` at or after byte `from` (a char boundary), as
/// [`tokenize::words`](crate::tokenize::words) finds it, classified: (start, end, class).
///
/// The word is folded while its end is found ([`normalize::fold_from`]), so each byte is
/// read once. Inlined on 64-bit targets only (see [`normalize::fold_from`]).
#[cfg_attr(target_pointer_width = "64", inline)]
pub(crate) fn next_classified(text: &str, from: usize) -> Option<(usize, usize, Word)> {
    let start = crate::tokenize::word_start(text, from)?;
    let mut buf = [0u8; MAX_WORD_BYTES];
    let (end, written) = normalize::fold_from(text, start, &mut buf, true);
    Some((start, end, classify_folded(&buf, written)))
}

/// The class of a word that [`normalize::fold_into`] wrote into `buf` (`None`: too long).
pub(crate) fn classify_folded(buf: &[u8], written: Option<normalize::Written>) -> Word {
    let Some(written) = written else { return Word::Other };
    // Numbers (2015, 4) carry no topic; neither do single letters (the م of 11:49 م).
    if written.digit || written.chars < 2 {
        return Word::Other;
    }
    // The folded bytes are UTF-8 by construction: no need to check them again.
    let folded = buf.get(..written.len).unwrap_or_default();
    if stopwords::contains_bytes(folded) {
        return Word::Other;
    }
    let stem::Parts { lead, stem, article } = stem::split_bytes(folded, written.chars);
    let stem = folded.get(stem).unwrap_or_default();
    Word::Content { hash: fnv1a(stem), lead: u8::try_from(lead).unwrap_or(u8::MAX), article }
}

/// The FNV-1a hashes of the folded words of `text` (an over-long word hashes as empty), not
/// their stems: what the furniture cues and the generic-word table are keyed by.
pub(crate) fn folded_words(text: &str) -> impl Iterator<Item = u32> + '_ {
    let mut at = 0;
    core::iter::from_fn(move || {
        let start = tokenize::word_start(text, at)?;
        let mut buf = [0u8; MAX_WORD_BYTES];
        let (end, written) = normalize::fold_from(text, start, &mut buf, true);
        at = end;
        Some(fnv1a(written.and_then(|w| buf.get(..w.len)).unwrap_or_default()))
    })
}

/// 32-bit FNV-1a (Fowler, Noll, Vo): a few instructions a byte, no tables, good spread on short
/// keys, and the same on every target.
pub(crate) const fn fnv1a(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811C_9DC5;
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u32;
        h = h.wrapping_mul(0x0100_0193);
        i += 1;
    }
    h
}

/// `1000 / (1 + rank × decay / 1000)`, in thousandths: 1000 for rank 0, falling hyperbolically.
pub(crate) const fn position(rank: u32, decay: u16) -> u32 {
    1_000_000 / position_divisor(rank, decay)
}

/// The divisor of [`position`]: `1000 + rank × decay` (saturating). `weight × position /
/// 1000` is at most `weight × 1000 / position_divisor`, which a caller can compare with a
/// score by multiplying instead of dividing.
pub(crate) const fn position_divisor(rank: u32, decay: u16) -> u32 {
    1000u32.saturating_add(rank.saturating_mul(decay as u32))
}

/// What a sentence's score depends on besides the sentence itself.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Weights {
    pub(crate) config: Config,
    /// The best mean content weight of an eligible sentence.
    pub(crate) best: u32,
    /// Where the headline starts, if the document has one.
    pub(crate) headline: Option<u32>,
}

impl Weights {
    /// The (content, position, bonus) parts of a sentence's score, in thousandths.
    pub(crate) fn parts(&self, s: &Info) -> (u32, u32, u32) {
        let config = &self.config;
        if !s.eligible {
            return (0, 0, 0);
        }
        // raw × 1000 / best in 32 bits: scale both down until the product fits (raw <= best).
        let (mut raw, mut best) = (s.raw, self.best);
        while best > u32::MAX / 1000 {
            (raw, best) = (raw >> 1, best >> 1);
        }
        let content = (raw * 1000).checked_div(best).unwrap_or(0);
        let position = position(u32::from(s.rank), config.position_decay());
        let is_headline = self.headline == Some(s.start);
        let lead = s.rank < config.lead_sentences() && !is_headline;
        let bonus = if lead { u32::from(config.lead_bonus()) } else { 0 };
        (content, position, bonus)
    }

    /// The total score that ranks the sentences, in thousandths.
    pub(crate) fn total(&self, s: &Info) -> u32 {
        let config = &self.config;
        let (content, position, bonus) = self.parts(s);
        // 32-bit arithmetic, saturating (only absurd weights reach the limit).
        let weighted = (content * u32::from(config.content_weight()))
            .saturating_add(position.saturating_mul(u32::from(config.position_weight())))
            / 100;
        weighted.saturating_add(bonus)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_slot_is_12_bytes() {
        assert_eq!(core::mem::size_of::<WordSlot>(), 12);
        let cases = [
            ("content", Word::Content { hash: 7, lead: 2, article: false }),
            ("with the article", Word::Content { hash: 7, lead: 1, article: true }),
            ("other", Word::Other),
        ];
        for (name, word) in cases {
            let slot = WordSlot::new(5, 9, word).unwrap();
            assert_eq!(slot.get(), (5, 9, word), "{name}");
            assert_eq!(WordSlot::unpack(slot.pack()), slot, "{name}: packed");
        }
        assert_eq!(WordSlot::new(0, 1 << 16, Word::Other), None, "too long");
    }

    #[test]
    fn classify_words() {
        let content = |w| matches!(classify(w), Word::Content { .. });
        assert!(content("الإرهاب"));
        assert!(content("بوتين"));
        assert!(!content("في"), "stopword");
        assert!(!content("وفي"), "stopword with clitic");
        assert!(!content("2015"), "number");
        assert!(!content("٢٠١٥"), "arabic-indic number");
        assert!(!content("م"), "single letter");
        let long = "ب".repeat(40);
        assert!(!content(&long), "over-long token");
        let hash = |w| match classify(w) {
            Word::Content { hash, .. } => hash,
            Word::Other => 0,
        };
        assert_eq!(hash("الإرهاب"), hash("للارهاب"), "conflated");
        assert_eq!(classify("الإرهاب"), classify("الإرهابيون"), "conflated suffix");
        let (Word::Content { hash: a, lead: 0, .. }, Word::Content { hash: b, lead: 1, .. }) =
            (classify("الإرهاب"), classify("بالإرهاب"))
        else {
            panic!("leads")
        };
        assert_eq!(a, b, "same stem behind a preposition");
    }

    /// `classify` as it was: the public stages one after another, each on a `&str`.
    fn classify_by_stages(word: &str) -> Word {
        let mut buf = [0u8; MAX_WORD_BYTES];
        let Some(folded) = normalize::word_into(word, &mut buf) else { return Word::Other };
        if folded.bytes().any(|b| b.is_ascii_digit()) || folded.chars().nth(1).is_none() {
            return Word::Other;
        }
        if stopwords::contains(folded) {
            return Word::Other;
        }
        let (lead, stem) = stem::split(folded);
        // Only a conjunction `و` is stripped from the front without an article.
        let front = stem.as_ptr() as usize - folded.as_ptr() as usize;
        let article = folded[..front].chars().count() >= 2;
        Word::Content {
            hash: fnv1a(stem.as_bytes()),
            lead: u8::try_from(lead).unwrap_or(u8::MAX),
            article,
        }
    }

    #[test]
    fn classify_agrees_with_the_stages() {
        let text = "موسكو تكشف الستار عن الدول الداعمة للإرهاب .. وتجدد دعوتها لتعاون دولي \
                    الإثنين 16/نوفمبر/2015 - 11:49 م ﻟﻺﺭﻫﺎﺏ ﻻ ﷲ كِتَابٌ تسـعة ٢٠١٥م G20 NATO Élysée \
                    وفي فإن بها لهذا عليهم ولديه والكتاب بالكتاب للوزير الإرهابيون وسياساتها \
                    می\u{200C}خواهم ایران کتاب 🙂 x ab";
        let long = "ب".repeat(40);
        let words = text.split_whitespace().chain([long.as_str(), &long[..62], &long[..64]]);
        for w in words {
            assert_eq!(classify(w), classify_by_stages(w), "{w}");
            for p in ["و", "ال", "وال", "لل", "ب"] {
                let affixed = std::format!("{p}{w}ها");
                assert_eq!(classify(&affixed), classify_by_stages(&affixed), "{affixed}");
            }
        }
    }

    #[test]
    fn next_word_agrees_with_the_tokenizer_and_classify() {
        // Every kind of character next to every other, so each can end or continue a word.
        let some = [
            "ب", "أ", "\u{064E}", "ـ", "٣", "7", "Q", "ﻻ", "ﷲ", "\u{200C}", "É", "🙂", " ", "،",
            ".", "\u{0301}", "«", "\n", "ال", "و", "x",
        ];
        let mut texts: std::vec::Vec<std::string::String> = std::vec::Vec::new();
        for x in some {
            for y in some {
                for z in some {
                    texts.push([x, y, z, x].concat());
                }
            }
        }
        let sample = include_str!("../../tests/data/sample.txt");
        let long = "ب".repeat(40);
        texts.push(sample.into());
        texts.push(std::format!("{long} و{long}ها {} كتاب", &long[..62]));
        for text in &texts {
            let mut pos = 0;
            let mut words = crate::tokenize::words(text);
            while let Some((start, end, class)) = next_classified(text, pos) {
                let (at, word) = words.next().expect("as many words");
                assert_eq!((start, end), (at, at + word.len()), "{text:?}");
                assert_eq!(class, classify(word), "{word:?} in {text:?}");
                pos = end;
            }
            assert_eq!(words.next(), None, "{text:?}");
        }
    }

    #[test]
    fn position_curve() {
        assert_eq!(position(0, 500), 1000);
        assert_eq!(position(1, 500), 666);
        assert_eq!(position(2, 500), 500);
        assert_eq!(position(u32::MAX, u16::MAX), 0);
    }

    #[test]
    fn score_display() {
        assert_eq!(std::format!("{}", Score(0)), "0.000");
        assert_eq!(std::format!("{}", Score(12_345)), "12.345");
    }
}

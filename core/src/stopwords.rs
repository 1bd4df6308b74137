//! Stage 4: function words, which say nothing about a text's topic.
//!
//! A summary scored by raw frequency would pick the sentences richest in `في`, `من` and `على`.
//! The table holds about 340 Arabic function words: prepositions, conjunctions, particles,
//! pronouns, demonstratives, relatives, auxiliaries (`كان`, `أصبح`, `تم`), reporting verbs that
//! carry no topic in news (`قال`, `أكد`, `أشار`, `أوضح`), quantifiers and adverbs, plus the
//! commonest English function words for mixed text. It is generated from the list in
//! `core/scripts/stopwords.py`, stored folded (see [`normalize`](crate::normalize)) and sorted,
//! so lookup is a binary search over `&str`s in flash.
//!
//! Arabic attaches conjunctions, prepositions and pronouns to words, so [`contains`] also
//! recognizes a listed word behind up to two proclitics (`و` `ف`, then `ب` `ل` `ك`) and a
//! preposition or particle carrying a pronoun suffix: `وفي`, `لهذا`, `فإن`, `بها`, `عليهم`,
//! `ولديه` are all function words. A content word that happens to start with a proclitic
//! letter, such as `بيت` or `لبنان`, is not: its remainder is not in the table.
//!
//! # Examples
//!
//! ```
//! use talkhis::stopwords;
//!
//! for w in ["في", "وفي", "بها", "لهذا", "عليهم", "قال", "وأكد", "the"] {
//!     let mut buf = [0u8; 32];
//!     let folded = talkhis::normalize::word_into(w, &mut buf).unwrap();
//!     assert!(stopwords::contains(folded), "{w}");
//! }
//! assert!(!stopwords::contains("بيت"));
//! assert!(!stopwords::contains("ارهاب"));
//! ```

#[path = "stopwords_table.rs"]
mod table;

pub(crate) use table::STOPWORDS;

/// Pronoun suffixes that a preposition or particle can carry (`به`, `منها`, `عليهم`, `لدينا`).
const PRONOUN_SUFFIXES: [&str; 11] =
    ["ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "نا", "ي"];

/// Whether the folded word `word` is a function word, directly or behind clitics.
///
/// `word` must already be folded ([`normalize::word_into`](crate::normalize::word_into)):
/// the table stores `الي`, not `إلى`.
///
/// # Examples
///
/// ```
/// use talkhis::stopwords;
///
/// assert!(stopwords::contains("الذي"));
/// assert!(stopwords::contains("فلم"));  // ف + لم
/// assert!(stopwords::contains("منه"));  // من + ه
/// assert!(!stopwords::contains("كتاب"));
/// ```
#[must_use]
pub fn contains(word: &str) -> bool {
    if listed_or_with_pronoun(word) {
        return true;
    }
    // و/ف, then ب/ل/ك: وفي, فإن, بما, لهذا, وبعد, فلم, ولكن.
    let mut rest = word;
    for group in [["و", "ف", ""], ["ب", "ل", "ك"]] {
        if let Some(r) = group.iter().filter(|p| !p.is_empty()).find_map(|p| rest.strip_prefix(p)) {
            rest = r;
            // A preposition with only a pronoun left: به, لهم, بك, لنا.
            if rest.is_empty() || PRONOUN_SUFFIXES.contains(&rest) || listed_or_with_pronoun(rest) {
                return true;
            }
        }
    }
    false
}

/// `word` is in the table, or is a listed word followed by a pronoun suffix.
fn listed_or_with_pronoun(word: &str) -> bool {
    listed(word)
        || PRONOUN_SUFFIXES
            .iter()
            .any(|s| word.strip_suffix(s).is_some_and(|base| !base.is_empty() && listed(base)))
}

fn listed(word: &str) -> bool {
    STOPWORDS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize;

    fn is_stop(w: &str) -> bool {
        let mut buf = [0u8; 64];
        contains(normalize::word_into(w, &mut buf).unwrap())
    }

    #[test]
    fn table_is_sorted_unique_and_folded() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]), "keep STOPWORDS sorted and unique");
        for w in STOPWORDS {
            let folded: heapless::String<64> = normalize::chars(w).collect();
            assert_eq!(folded, w, "store STOPWORDS folded");
        }
    }

    /// (case, word, is a stopword)
    const CASES: &[(&str, &str, bool)] = &[
        ("preposition", "في", true),
        ("preposition with hamza", "إلى", true),
        ("waw + preposition", "وفي", true),
        ("fa + particle", "فإن", true),
        ("ba + pronoun", "بها", true),
        ("lam + demonstrative", "لهذا", true),
        ("preposition + pronoun", "عليهم", true),
        ("waw + preposition + pronoun", "ولديه", true),
        ("lam + pronoun", "لهم", true),
        ("ka + demonstrative", "كذلك", true),
        ("relative", "الذين", true),
        ("auxiliary", "أصبحت", true),
        ("reporting verb", "وأكد", true),
        ("reporting verb with waw", "وقال", true),
        ("latin", "the", true),
        ("noun starting with ba", "بيت", false),
        ("name starting with lam", "لبنان", false),
        ("name starting with ba", "باريس", false),
        ("content noun", "الإرهاب", false),
        ("content with waw", "وتوحيد", false),
        ("name", "بوتين", false),
        ("country", "سوريا", false),
    ];

    #[test]
    fn table() {
        for &(name, word, expected) in CASES {
            assert_eq!(is_stop(word), expected, "{name}: {word}");
        }
    }
}

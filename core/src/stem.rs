//! Stage 5: light stemming, so that forms of one word count as one term.
//!
//! Arabic glues articles, conjunctions and prepositions to the front of a word and number,
//! gender and possessive endings to its back: `الإرهاب`, `للإرهاب`, `الإرهابية` and
//! `الإرهابيون` are one topic. Full morphological analysis (roots and patterns) needs large
//! dictionaries; *light* stemming, which removes a small set of affixes, conflates most
//! inflected forms and is the stronger choice for retrieval (Larkey, Ballesteros and Connell,
//! "Light Stemming for Arabic Information Retrieval", 2007; their `light10`).
//!
//! The rules follow light10, on the folded word ([`normalize`](crate::normalize)):
//!
//! 1. **Proclitics**: the conjunction `و` if at least 3 letters remain; then the first of
//!    `وال` `بال` `كال` `فال` `لل` `ال` if at least 2 letters remain; then `و` again if the
//!    article uncovered it (so `الوزير`, `والوزير` and `وزير` all stem alike). `ب` `ل` `ك`
//!    alone are never stripped: that would turn `باريس` into `اريس` and `لبنان` into `بنان`.
//! 2. **Suffixes**, each at most once, in this order, if at least 3 letters remain: `ها` `ان`
//!    `ات` `ون` `ين` `يه` `هما` `هم` `هن` `ه` `ي` (after folding, `ية` is `يه` and `ة` is `ه`).
//!
//! The guards keep short words and most names intact (`باريس`, `سوريا`, `قوات`), at the price of
//! the odd over-stem (`بوتين` → `بوت`), which is harmless: a stem is a matching key, and what the
//! library shows is always a span of the original text.
//!
//! # Examples
//!
//! ```
//! use talkhis::stem::strip_affixes;
//!
//! assert_eq!(strip_affixes("والكتاب"), "كتاب");
//! for form in ["الارهاب", "للارهاب", "الارهابيه", "الارهابيون", "الارهابيين"] {
//!     assert_eq!(strip_affixes(form), "ارهاب", "{form}");
//! }
//! assert_eq!(strip_affixes("باريس"), "باريس");
//! ```

use core::ops::Range;

/// Definite-article prefixes, longest first.
const ARTICLES: [&str; 6] = ["وال", "بال", "كال", "فال", "لل", "ال"];

/// Suffixes in the order they are tried (light10's order, plus the plural pronouns).
const SUFFIXES: [&str; 11] = ["ها", "ان", "ات", "ون", "ين", "يه", "هما", "هم", "هن", "ه", "ي"];

const WAW: &str = "و";

/// The stem of a folded word: `word` without its proclitics and suffixes.
///
/// The result is a subslice of `word`, never a copy. Input that is not Arabic (Latin, digits)
/// comes back unchanged.
///
/// # Examples
///
/// ```
/// use talkhis::stem::strip_affixes;
///
/// assert_eq!(strip_affixes("وسياساتها"), "سياس");
/// assert_eq!(strip_affixes("الوزير"), strip_affixes("وزير"));
/// assert_eq!(strip_affixes("قوات"), "قوات"); // too short to lose ات
/// assert_eq!(strip_affixes("nato"), "nato");
/// ```
#[must_use]
pub fn strip_affixes(word: &str) -> &str {
    split(word).1
}

/// Splits a folded word into (lead, stem), where `lead` counts the letters of the proclitics
/// that are certainly not part of the word: a conjunction or preposition before the article
/// (`و` of `والكتاب`, `ب` of `بالكتاب`) or the whole `لل`. Dropping `lead` letters gives the
/// word's readable form with its article: `الكتاب`, or `كتاب` for `للكتاب`.
pub(crate) fn split(word: &str) -> (usize, &str) {
    let Parts { lead, stem, .. } = split_bytes(word.as_bytes(), letters(word));
    // Affixes are whole letters, so the stem's ends are char boundaries.
    (lead, word.get(stem).unwrap_or(word))
}

/// What [`split_bytes`] finds in a folded word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Parts {
    /// The letters before the word's readable form ([`split`]).
    pub lead: usize,
    /// The stem's bytes.
    pub stem: Range<usize>,
    /// Whether a definite article was stripped (`الكتاب`, `بالكتاب`, `للكتاب`; not `كتاب`).
    /// A noun the text names as a topic takes the article when it comes back to it; a verb
    /// never does, nor a name (see [`Term::definite`](crate::terms::Term::definite)).
    pub article: bool,
}

/// [`split`] on the bytes of a folded word with `letters` letters. The scorer calls it on the
/// bytes it folded, without a UTF-8 check.
///
/// Letters are counted once; every affix is made of two-byte Arabic letters, so stripping one
/// takes `affix.len() / 2` letters off (the `affixes_are_two_byte_letters` test).
pub(crate) fn split_bytes(word: &[u8], letters: usize) -> Parts {
    let (mut start, mut end, mut n) = (0, word.len(), letters);
    strip_waw(word, &mut start, &mut n);
    let mut lead = 0;
    let rest = word.get(start..).unwrap_or_default();
    let found =
        ARTICLES.iter().map(|a| a.as_bytes()).find(|a| rest.starts_with(a) && n - a.len() / 2 >= 2);
    if let Some(a) = found {
        lead = letters - n + if a == "لل".as_bytes() { 2 } else { a.len() / 2 - 2 };
        start += a.len();
        n -= a.len() / 2;
        strip_waw(word, &mut start, &mut n);
    }
    // Most words end in none of the suffixes' last letters (ا ن ت ه ي م): skip the loop.
    if word.last().is_some_and(|b| SUFFIX_LAST.contains(b)) {
        for suffix in SUFFIX_BYTES {
            if n >= 3 + suffix.len() / 2
                && word.get(start..end).is_some_and(|w| w.ends_with(suffix))
            {
                end -= suffix.len();
                n -= suffix.len() / 2;
            }
        }
    }
    Parts { lead, stem: start..end, article: found.is_some() }
}

/// [`SUFFIXES`] as bytes, made once at compile time.
const SUFFIX_BYTES: [&[u8]; SUFFIXES.len()] = {
    let mut bytes: [&[u8]; SUFFIXES.len()] = [&[]; SUFFIXES.len()];
    let mut i = 0;
    while i < SUFFIXES.len() {
        bytes[i] = SUFFIXES[i].as_bytes();
        i += 1;
    }
    bytes
};

/// The last UTF-8 byte of each suffix's last letter.
const SUFFIX_LAST: [u8; 6] = [0xA7, 0x86, 0xAA, 0x87, 0x8A, 0x85]; // ا ن ت ه ي م

/// Steps `start` over a conjunction `و` if at least 3 letters remain (`n` counts the letters
/// from `start` on).
fn strip_waw(word: &[u8], start: &mut usize, n: &mut usize) {
    if *n >= 4 && word.get(*start..).is_some_and(|w| w.starts_with(WAW.as_bytes())) {
        *start += WAW.len();
        *n -= 1;
    }
}

fn letters(s: &str) -> usize {
    s.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize;

    fn stem(w: &str) -> heapless::String<64> {
        let mut buf = [0u8; 64];
        let folded = normalize::word_into(w, &mut buf).unwrap();
        heapless::String::try_from(strip_affixes(folded)).unwrap()
    }

    /// Groups of surface forms that must share one stem.
    const CONFLATE: &[(&str, &[&str])] = &[
        (
            "terrorism",
            &["الإرهاب", "للإرهاب", "الارهابية", "الإرهابيون", "الإرهابيين", "والإرهاب", "إرهاب"],
        ),
        ("book", &["كتاب", "الكتاب", "والكتاب", "بالكتاب", "كتابه", "كتابها", "كتابهم"]),
        ("minister", &["وزير", "الوزير", "والوزير", "للوزير"]),
        ("state", &["دولة", "الدولة", "دول", "للدولة"]),
        ("operation", &["عملية", "العملية", "عمليات", "العمليات"]),
        ("unification", &["توحيد", "وتوحيد", "التوحيد"]),
        ("syrian", &["السوري", "السورية", "سوري"]),
        ("teachers", &["معلمون", "المعلمين", "معلم"]),
    ];

    /// Words that must keep their own stem: (case, word, stem).
    const KEEP: &[(&str, &str, &str)] = &[
        ("name with ba", "باريس", "باريس"),
        ("name with lam", "لبنان", "لبن"),
        ("country", "سوريا", "سوريا"),
        ("short plural", "قوات", "قوات"),
        ("three letters", "ولد", "ولد"),
        ("article on short word", "الى", "الي"),
        ("latin", "NATO", "nato"),
        ("digits", "2015", "2015"),
        ("empty", "", ""),
    ];

    #[test]
    fn conflation_groups() {
        for &(name, forms) in CONFLATE {
            let first = stem(forms[0]);
            for form in forms {
                assert_eq!(stem(form), first, "{name}: {form}");
            }
        }
    }

    #[test]
    fn kept_words() {
        for &(name, word, expected) in KEEP {
            assert_eq!(stem(word), expected, "{name}");
        }
    }

    #[test]
    fn groups_do_not_merge() {
        let stems: heapless::Vec<_, 16> = CONFLATE.iter().map(|(_, f)| stem(f[0])).collect();
        for (i, a) in stems.iter().enumerate() {
            assert!(stems[i + 1..].iter().all(|b| a != b), "{a}");
        }
    }

    #[test]
    fn affixes_are_two_byte_letters() {
        for a in ARTICLES.iter().chain(&SUFFIXES).chain([&WAW]) {
            assert_eq!(a.len(), 2 * letters(a), "{a}");
            assert!(a.chars().all(|c| ('\u{0600}'..='\u{06FF}').contains(&c)), "{a}");
        }
        for s in SUFFIXES {
            assert!(SUFFIX_LAST.contains(s.as_bytes().last().unwrap()), "{s}");
        }
    }

    /// `split` as it was, counting letters at every step: the oracle.
    fn split_by_counting(word: &str) -> (usize, &str) {
        fn waw(w: &str) -> &str {
            match w.strip_prefix(WAW) {
                Some(rest) if letters(rest) >= 3 => rest,
                _ => w,
            }
        }
        let mut w = waw(word);
        let mut lead = 0;
        if let Some((a, rest)) = ARTICLES
            .iter()
            .find_map(|a| w.strip_prefix(a).filter(|r| letters(r) >= 2).map(|r| (a, r)))
        {
            lead = letters(&word[..word.len() - w.len()])
                + if *a == "لل" { 2 } else { letters(a) - 2 };
            w = waw(rest);
        }
        for suffix in SUFFIXES {
            if let Some(rest) = w.strip_suffix(suffix).filter(|r| letters(r) >= 3) {
                w = rest;
            }
        }
        (lead, w)
    }

    #[test]
    fn split_agrees_with_counting_on_affixed_forms() {
        let prefixes =
            ["", "و", "ف", "ب", "ل", "وب", "وال", "بال", "كال", "فال", "لل", "ال", "الو"];
        let stems = ["", "ا", "بي", "كتب", "ارهاب", "مستشفي", "nato", "و", "ال", "ها", "وو", "يه"];
        let suffixes =
            ["", "ه", "ي", "ها", "ان", "ات", "ون", "ين", "يه", "هما", "هم", "هن", "يهما"];
        for p in prefixes {
            for stem in stems {
                for s in suffixes {
                    let mut w: heapless::String<64> = heapless::String::new();
                    for part in [p, stem, s] {
                        w.push_str(part).unwrap();
                    }
                    assert_eq!(split(&w), split_by_counting(&w), "{w}");
                }
            }
        }
    }

    #[test]
    fn prefix_letters() {
        assert_eq!(split("للارهاب"), (2, "ارهاب"));
        assert_eq!(split("والوزير"), (1, "زير"));
        assert_eq!(split("والكتاب"), (1, "كتاب"));
        assert_eq!(split("الكتاب"), (0, "كتاب"));
        assert_eq!(split("وكتاب"), (0, "كتاب"));
        assert_eq!(split("باريس"), (0, "باريس"));
    }

    #[test]
    fn the_article_is_reported() {
        let article = |w: &str| split_bytes(w.as_bytes(), letters(w)).article;
        let cases = [
            ("article", "الكتاب", true),
            ("conjunction and article", "والكتاب", true),
            ("preposition and article", "بالكتاب", true),
            ("lam and article", "للكتاب", true),
            ("bare noun", "كتاب", false),
            ("conjunction alone", "وكتاب", false),
            ("verb", "يعرف", false),
            ("name", "بوتين", false),
            ("too short to lose it", "الى", false),
        ];
        for (name, word, expected) in cases {
            assert_eq!(article(word), expected, "{name}: {word}");
        }
    }
}

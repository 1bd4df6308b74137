//! Stage 2: word spans.
//!
//! A word starts at a letter or digit ([`normalize::is_word_char`]) and runs through letters,
//! digits and transparent marks ([`normalize::is_transparent`]: harakat, tatweel, zero-width
//! joiners), so `تسـعةٌ` is one word, while punctuation such as `،` `؛` `«` `»` `-` `/` and
//! spaces end it. Arabic and Latin letters are both word characters, so a script change alone
//! does not split (`G20` and `الـG20` stay whole; the latter is rare and harmless).
//!
//! The iterator yields `(byte offset, &str)` pairs borrowed from the input, like
//! `unicode-segmentation`'s `split_word_bound_indices`.
//!
//! # Examples
//!
//! ```
//! use talkhis::tokenize;
//!
//! let words: heapless::Vec<_, 8> = tokenize::words("قال «بوتين»، في 2015: نعم").collect();
//! let texts: heapless::Vec<&str, 8> = words.iter().map(|&(_, w)| w).collect();
//! assert_eq!(texts, ["قال", "بوتين", "في", "2015", "نعم"]);
//! assert_eq!(words[1].0, "قال «".len());
//! ```

use core::iter::FusedIterator;

use crate::normalize;

/// The words of `text` with their byte offsets.
///
/// # Examples
///
/// ```
/// use talkhis::tokenize;
///
/// let mut words = tokenize::words("كَتَبَ، الطالبُ");
/// assert_eq!(words.next(), Some((0, "كَتَبَ")));
/// assert_eq!(words.next().map(|(_, w)| w), Some("الطالبُ"));
/// assert_eq!(words.next(), None);
/// ```
pub fn words(text: &str) -> Words<'_> {
    Words { text, pos: 0 }
}

/// Iterator over the words of a string, with their byte offsets.
///
/// Created by [`words`].
#[derive(Clone, Debug)]
#[must_use = "iterators are lazy and do nothing unless consumed"]
pub struct Words<'t> {
    text: &'t str,
    pos: usize,
}

impl<'t> Iterator for Words<'t> {
    type Item = (usize, &'t str);

    fn next(&mut self) -> Option<(usize, &'t str)> {
        let (start, end) = next_word(self.text, self.pos)?;
        self.pos = end;
        Some((start, self.text.get(start..end)?))
    }
}

impl FusedIterator for Words<'_> {}

/// The span `(start, end)` of the first word at or after byte `from`, or `None`.
///
/// `from` must be a char boundary; the spans returned always are.
pub(crate) fn next_word(text: &str, from: usize) -> Option<(usize, usize)> {
    let start = word_start(text, from)?;
    Some((start, normalize::word_end(text, start)))
}

/// The offset of the first word character at or after byte `from` (a char boundary), or
/// `None`: where the next word starts.
#[inline]
pub(crate) fn word_start(text: &str, from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        let (class, len) = normalize::class_at(text, at)?;
        if class & normalize::WORD != 0 {
            return Some(at);
        }
        at += len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use heapless::Vec;

    fn split(s: &str) -> Vec<&str, 32> {
        words(s).map(|(_, w)| w).collect()
    }

    /// (name, input, words)
    const CASES: &[(&str, &str, &[&str])] = &[
        ("spaces", "ذهب الولد", &["ذهب", "الولد"]),
        ("arabic comma and semicolon", "أولا،ثانيا؛ثالثا", &["أولا", "ثانيا", "ثالثا"]),
        ("guillemets", "«داعش»", &["داعش"]),
        ("question mark", "لماذا؟", &["لماذا"]),
        ("diacritics stay inside", "كِتَابٌ", &["كِتَابٌ"]),
        ("tatweel stays inside", "تسـعة", &["تسـعة"]),
        ("leading mark is not a word", "\u{064E} ب", &["ب"]),
        ("zwnj inside", "می\u{200C}خواهم", &["می\u{200C}خواهم"]),
        ("digits", "4-5 آلاف", &["4", "5", "آلاف"]),
        ("arabic-indic digits", "عام ٢٠١٥م", &["عام", "٢٠١٥م"]),
        ("dateline", "16/نوفمبر/2015 - 11:49", &["16", "نوفمبر", "2015", "11", "49"]),
        ("latin mixed", "قمة G20 في Antalya.", &["قمة", "G20", "في", "Antalya"]),
        ("lam alef ligature", "ﻻ شيء", &["ﻻ", "شيء"]),
        ("only punctuation", "... ، ؟ !", &[]),
        ("empty", "", &[]),
        ("emoji are not words", "رائع 🙂!", &["رائع"]),
    ];

    #[test]
    fn table() {
        for &(name, input, expected) in CASES {
            assert_eq!(split(input), expected, "{name}");
        }
    }

    #[test]
    fn offsets_index_the_input() {
        for &(name, input, _) in CASES {
            for (at, w) in words(input) {
                assert_eq!(&input[at..at + w.len()], w, "{name}");
            }
        }
    }
}

//! Stage 1: letter folding, so that spellings of one word match.
//!
//! Arabic is written with optional marks and several interchangeable letter shapes: `الإرهاب`,
//! `الارهاب` and `الإرهَاب` are one word to a reader. Matching them needs folding, but the
//! caller's text is never rewritten: [`fold`] maps one `char` at a time, lazily, while the later
//! stages read. Spans returned by the library always index the original input.
//!
//! The rules, in the order [`fold`] applies them:
//!
//! | input | output | why |
//! |---|---|---|
//! | harakat, tanwin, shadda, sukun, dagger alef, Quranic marks | dropped | optional vocalisation: `كَتَبَ` = `كتب` |
//! | tatweel `ـ` | dropped | justification stretch: `تسـعة` = `تسعة` |
//! | zero-width (non-)joiners, bidi controls, BOM, ALM | dropped | invisible; they split nothing |
//! | `أ إ آ ٱ` | `ا` | hamza on alef is often omitted in news text |
//! | `ى` | `ي` | final yaa is written dotless in Egypt |
//! | `ة` | `ه` | taa marbuta is often typed as haa |
//! | `ؤ` `ئ` | `و` `ي` | hamza seats, as above |
//! | Persian `ی` `ک` | `ي` `ك` | keyboards mix the two alphabets |
//! | presentation forms (`ﻻ` `ﺍ` `ﷲ` …) | base letters | legacy encodings and PDF copies |
//! | Arabic-Indic `٠`–`٩` and Extended `۰`–`۹` | `0`–`9` | one number, three digit sets |
//! | Latin `A`–`Z`, `À`–`Þ` | lowercase | mixed Arabic/Latin text (`NATO` = `nato`) |
//!
//! Latin lowercasing covers ASCII and Latin-1 only: full Unicode case tables would cost
//! flash on the smallest devices, and talkhis is for Arabic text.
//!
//! # Examples
//!
//! ```
//! use talkhis::normalize;
//!
//! let mut buf = [0u8; 64];
//! assert_eq!(normalize::word_into("الإرهَابـيّة", &mut buf), Some("الارهابيه"));
//! assert_eq!(normalize::word_into("٢٠١٥", &mut buf), Some("2015"));
//! ```

use core::iter::FusedIterator;

/// What [`fold`] makes of one character: nothing, itself, another character, or (for
/// ligatures) a short string.
///
/// `Folded` is an iterator over the resulting characters, so `fold(c).count()` is the number of
/// letters `c` stands for (two for `ﻻ` LAM WITH ALEF).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[must_use = "iterators are lazy and do nothing unless consumed"]
pub enum Folded {
    /// The character is dropped (a diacritic, tatweel or invisible control).
    Drop,
    /// The character maps to exactly this one character.
    Char(char),
    /// The character expands to several base letters (a ligature).
    Str(&'static str),
}

impl Iterator for Folded {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        match *self {
            Self::Drop => None,
            Self::Char(c) => {
                *self = Self::Drop;
                Some(c)
            }
            Self::Str(s) => {
                let mut chars = s.chars();
                let c = chars.next();
                *self = match chars.as_str() {
                    "" => Self::Drop,
                    rest => Self::Str(rest),
                };
                c
            }
        }
    }
}

impl FusedIterator for Folded {}

const ALEF: char = '\u{0627}';
const YEH: char = '\u{064A}';
const HEH: char = '\u{0647}';
const WAW: char = '\u{0648}';
const KAF: char = '\u{0643}';

/// Base letters of the Arabic Presentation Forms-B block, U+FE80..=U+FEF4, by run.
///
/// Each entry is `(first code point of the run, base letter)`; a run holds the isolated, final,
/// initial and medial shapes of one letter (fewer for letters that do not join forward).
const FORMS_B: [(u32, char); 35] = [
    (0xFE80, '\u{0621}'), // HAMZA (isolated only)
    (0xFE81, ALEF),       // ALEF WITH MADDA ABOVE
    (0xFE83, ALEF),       // ALEF WITH HAMZA ABOVE
    (0xFE85, WAW),        // WAW WITH HAMZA ABOVE
    (0xFE87, ALEF),       // ALEF WITH HAMZA BELOW
    (0xFE89, YEH),        // YEH WITH HAMZA ABOVE
    (0xFE8D, ALEF),       // ALEF
    (0xFE8F, '\u{0628}'), // BEH
    (0xFE93, HEH),        // TEH MARBUTA
    (0xFE95, '\u{062A}'), // TEH
    (0xFE99, '\u{062B}'), // THEH
    (0xFE9D, '\u{062C}'), // JEEM
    (0xFEA1, '\u{062D}'), // HAH
    (0xFEA5, '\u{062E}'), // KHAH
    (0xFEA9, '\u{062F}'), // DAL
    (0xFEAB, '\u{0630}'), // THAL
    (0xFEAD, '\u{0631}'), // REH
    (0xFEAF, '\u{0632}'), // ZAIN
    (0xFEB1, '\u{0633}'), // SEEN
    (0xFEB5, '\u{0634}'), // SHEEN
    (0xFEB9, '\u{0635}'), // SAD
    (0xFEBD, '\u{0636}'), // DAD
    (0xFEC1, '\u{0637}'), // TAH
    (0xFEC5, '\u{0638}'), // ZAH
    (0xFEC9, '\u{0639}'), // AIN
    (0xFECD, '\u{063A}'), // GHAIN
    (0xFED1, '\u{0641}'), // FEH
    (0xFED5, '\u{0642}'), // QAF
    (0xFED9, KAF),        // KAF
    (0xFEDD, '\u{0644}'), // LAM
    (0xFEE1, '\u{0645}'), // MEEM
    (0xFEE5, '\u{0646}'), // NOON
    (0xFEE9, HEH),        // HEH
    (0xFEED, WAW),        // WAW
    (0xFEEF, YEH),        // ALEF MAKSURA
];

/// Folds one character for matching: see the [module docs](self) for the rules.
///
/// Characters no rule names are returned unchanged, so `fold` is safe on any text: Latin,
/// digits, punctuation and emoji pass through.
///
/// # Examples
///
/// ```
/// use talkhis::normalize::{fold, Folded};
///
/// assert_eq!(fold('أ'), Folded::Char('ا'));    // ALEF WITH HAMZA ABOVE
/// assert_eq!(fold('\u{064E}'), Folded::Drop);  // FATHA
/// assert_eq!(fold('ﻻ').collect::<heapless::String<8>>(), "لا"); // LAM WITH ALEF ligature
/// assert_eq!(fold('٣'), Folded::Char('3'));
/// assert_eq!(fold('Q'), Folded::Char('q'));
/// ```
pub const fn fold(c: char) -> Folded {
    let u = c as u32;
    if u < 0x80 {
        return Folded::Char(c.to_ascii_lowercase());
    }
    match u {
        // Latin-1 capitals (not U+00D7 MULTIPLICATION SIGN).
        0xC0..=0xDE if u != 0xD7 => Folded::Char(shift(c, 0x20)),
        // Arabic block: one table lookup (see `ARABIC`).
        0x0600..=0x06FF => arabic(u),
        // ZERO WIDTH SPACE, ZWNJ, ZWJ, LRM, RLM; bidi embeddings and isolates; WORD JOINER.
        0x200B..=0x200F | 0x202A..=0x202E | 0x2060 | 0x2066..=0x2069 => Folded::Drop,
        // ZERO WIDTH NO-BREAK SPACE (BOM).
        0xFEFF => Folded::Drop,
        // Presentation Forms-A: the few that occur in real text.
        0xFB50..=0xFB51 => Folded::Char(ALEF), // ALEF WASLA
        0xFB8E..=0xFB91 => Folded::Char(KAF),  // KEHEH
        0xFBFC..=0xFBFF => Folded::Char(YEH),  // FARSI YEH
        0xFDF2 => Folded::Str("\u{0627}\u{0644}\u{0644}\u{0647}"), // ALLAH ligature
        // Presentation Forms-B: isolated/medial harakat shapes, and tatweel with marks.
        0xFE70..=0xFE7F => Folded::Drop,
        0xFE80..=0xFEF4 => fold_forms_b(u),
        // LAM WITH ALEF ligatures (with madda, hamza above/below, plain), isolated and final.
        0xFEF5..=0xFEFC => Folded::Str("\u{0644}\u{0627}"),
        _ => Folded::Char(c),
    }
}

/// `c` moved up by `by` code points; only called where the result is a valid `char`.
const fn shift(c: char, by: u32) -> char {
    match char::from_u32(c as u32 + by) {
        Some(c) => c,
        None => c,
    }
}

const fn fold_arabic(c: char) -> Folded {
    match c as u32 {
        // Quranic annotation signs above (U+0610..U+061A), harakat, tanwin, shadda, sukun and
        // the extended marks (U+064B..U+065F), SUPERSCRIPT (dagger) ALEF, small high signs.
        0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06DC | 0x06DF..=0x06E4 => {
            Folded::Drop
        }
        0x06E7..=0x06E8 | 0x06EA..=0x06ED => Folded::Drop,
        // ARABIC LETTER MARK (a bidi control) and TATWEEL.
        0x061C | 0x0640 => Folded::Drop,
        // ALEF WITH MADDA ABOVE, WITH HAMZA ABOVE, WITH HAMZA BELOW; ALEF WASLA; WAVY HAMZA.
        0x0622 | 0x0623 | 0x0625 | 0x0671..=0x0673 => Folded::Char(ALEF),
        0x0624 => Folded::Char(WAW), // WAW WITH HAMZA ABOVE
        0x0626 | 0x0649 | 0x06CC => Folded::Char(YEH), // YEH WITH HAMZA, ALEF MAKSURA, FARSI YEH
        0x0629 => Folded::Char(HEH), // TEH MARBUTA
        0x06A9 => Folded::Char(KAF), // KEHEH (Persian kaf)
        // ARABIC-INDIC and EXTENDED ARABIC-INDIC digits.
        0x0660..=0x0669 => Folded::Char(digit(c as u32 - 0x0660)),
        0x06F0..=0x06F9 => Folded::Char(digit(c as u32 - 0x06F0)),
        _ => Folded::Char(c),
    }
}

const fn digit(d: u32) -> char {
    match char::from_digit(d, 10) {
        Some(c) => c,
        None => '0',
    }
}

const fn fold_forms_b(u: u32) -> Folded {
    let mut i = FORMS_B.len();
    while i > 0 {
        i -= 1;
        if u >= FORMS_B[i].0 {
            return Folded::Char(FORMS_B[i].1);
        }
    }
    Folded::Drop
}

/// Class bit: a letter or digit, which starts or continues a word ([`is_word_char`]).
pub(crate) const WORD: u8 = 1;
/// Class bit: a mark or control, which continues a word but never starts one
/// ([`is_transparent`]). A character with neither bit ends a word.
pub(crate) const MARK: u8 = 2;

/// `ARABIC` entries keep the class bits from here up.
const CLASS_SHIFT: u32 = 14;
/// `ARABIC` mask of the folded code point; 0 means dropped (and so [`MARK`]).
const FOLDED: u16 = 0x0FFF;

/// [`fold`] and the class of each character of the Arabic block, U+0600..=U+06FF, computed at
/// compile time from [`fold_arabic`] and [`is_arabic_word_char`]: the folded code point (all
/// fit 12 bits: Arabic letters and ASCII digits) or 0 if dropped, and [`WORD`] and [`MARK`]
/// above [`CLASS_SHIFT`].
///
/// Arabic text is nearly all in this block, so one load replaces the branch chains for most
/// characters the tokenizer and the scorer see.
const ARABIC: [u16; 256] = {
    let mut table = [0u16; 256];
    let mut i = 0;
    while i < 256 {
        let u = 0x0600 + i as u32;
        let folded = match char::from_u32(u) {
            Some(c) => match fold_arabic(c) {
                Folded::Char(f) => f as u32 as u16,
                Folded::Drop | Folded::Str(_) => 0,
            },
            None => 0,
        };
        assert!(folded <= FOLDED, "ARABIC packs the folded code point in 12 bits");
        let word = if is_arabic_word_char(u) { WORD } else { 0 };
        let mark = if folded == 0 { MARK } else { 0 };
        table[i] = folded | ((word | mark) as u16) << CLASS_SHIFT;
        i += 1;
    }
    table
};

/// [`fold`] of a character of the Arabic block, from the table.
const fn arabic(u: u32) -> Folded {
    match ARABIC[(u & 0xFF) as usize] & FOLDED {
        0 => Folded::Drop,
        f => match char::from_u32(f as u32) {
            Some(c) => Folded::Char(c),
            None => Folded::Drop,
        },
    }
}

/// For each character U+0600 + `low` that is a word character folding to a two-byte one
/// (every Arabic letter): the folded character's UTF-8 bytes, little-endian; else 0 (no
/// UTF-8 sequence has a zero byte). Derived from [`ARABIC`].
pub(crate) const LETTERS: [u16; 256] = {
    let mut table = [0u16; 256];
    let mut i = 0;
    while i < 256 {
        let entry = ARABIC[i];
        let f = entry & FOLDED;
        if (entry >> CLASS_SHIFT) as u8 & WORD != 0 && f >= 0x80 {
            assert!(f < 0x800, "a folded Arabic letter is two bytes of UTF-8");
            table[i] = (0xC0 | f >> 6) | (0x80 | f & 0x3F) << 8;
        }
        i += 1;
    }
    table
};

/// The `ARABIC` entry of U+0600 + `low`.
#[inline(always)]
const fn arabic_entry(low: u32) -> u16 {
    ARABIC[(low & 0xFF) as usize]
}

/// Whether `lead` is the first byte of a two-byte UTF-8 sequence for U+0600..=U+06FF; the low
/// byte of the code point is then `(lead & 3) << 6 | (cont & 0x3F)`.
#[inline(always)]
pub(crate) const fn is_arabic_lead(lead: u8) -> bool {
    lead >= 0xD8 && lead <= 0xDB
}

/// The low byte of the code point of the two-byte sequence `lead`, `cont`.
#[inline(always)]
pub(crate) const fn arabic_low(lead: u8, cont: u8) -> u32 {
    ((lead & 0x03) as u32) << 6 | (cont & 0x3F) as u32
}

mod class;

use class::{ASCII_CLASS, is_arabic_word_char};
pub(crate) use class::{class_at, word_end};
#[cfg(test)]
use class::{is_combining, is_other_word_char};
pub use class::{is_transparent, is_word_char};

/// The characters of `text` after [`fold`], lazily.
///
/// # Examples
///
/// ```
/// use talkhis::normalize;
///
/// let folded: heapless::String<32> = normalize::chars("إسلامـيّة").collect();
/// assert_eq!(folded, "اسلاميه");
/// ```
pub fn chars(text: &str) -> Chars<'_> {
    Chars { inner: text.chars(), pending: Folded::Drop }
}

/// Iterator over the folded characters of a string.
///
/// Created by [`chars`].
#[derive(Clone, Debug)]
#[must_use = "iterators are lazy and do nothing unless consumed"]
pub struct Chars<'t> {
    inner: core::str::Chars<'t>,
    pending: Folded,
}

impl Iterator for Chars<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        loop {
            if let Some(c) = self.pending.next() {
                return Some(c);
            }
            self.pending = fold(self.inner.next()?);
        }
    }
}

impl FusedIterator for Chars<'_> {}

/// Folds `word` into `buf` and returns the folded text, or `None` if it does not fit.
///
/// This is how later stages see a word: the stemmer and the stopword table work on the folded
/// form, while spans still point into the original.
///
/// # Examples
///
/// ```
/// use talkhis::normalize;
///
/// let mut buf = [0u8; 16];
/// assert_eq!(normalize::word_into("ﻟﻺﺭﻫﺎﺏ", &mut buf), Some("للارهاب")); // presentation forms
/// assert_eq!(normalize::word_into("مستشفيات", &mut [0u8; 4]), None); // 16 bytes needed
/// ```
pub fn word_into<'b>(word: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    let written = fold_into(word, buf)?;
    core::str::from_utf8(buf.get(..written.len)?).ok()
}

/// What [`fold_into`] wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Written {
    /// Bytes written.
    pub len: usize,
    /// Characters written.
    pub chars: usize,
    /// Whether one of them is an ASCII digit.
    pub digit: bool,
}

/// Writes the folded `word` into `buf` (UTF-8), or `None` if it does not fit: [`chars`]
/// and `encode_utf8`, one byte at a time for ASCII and one table load for the Arabic block.
pub(crate) fn fold_into(word: &str, buf: &mut [u8]) -> Option<Written> {
    fold_from(word, 0, buf, false).1
}

/// Folds `text` from byte `at` (a char boundary) into `buf`: to the end of the word that
/// starts there if `word_only` (where [`word_end`] would stop), else to the end of `text`.
/// Returns where it stopped and what it wrote, `None` if that did not fit in `buf` (the end
/// is found all the same).
///
/// The scorer's inner loop: finding a word's end and folding it is one pass over its bytes.
/// Inlined on 64-bit targets only: on a 32-bit device or in WASM, flash counts more.
#[cfg_attr(target_pointer_width = "64", inline(always))]
pub(crate) fn fold_from(
    text: &str,
    at: usize,
    buf: &mut [u8],
    word_only: bool,
) -> (usize, Option<Written>) {
    let bytes = text.as_bytes();
    // Locals, not a `Written`, so the loop keeps them in registers. `len` counts every byte
    // folded, written or not: it passes `buf.len()` exactly when one did not fit.
    let (mut i, mut len, mut chars, mut digit) = (at, 0, 0, false);
    loop {
        // A run of Arabic letters, two bytes in and two out ([`LETTERS`]): most of a word,
        // many letters at a time where the target has the code for it.
        if crate::arch::letter_runs::RUNS {
            let rest = bytes.get(i..).unwrap_or_default();
            let (rest, runs) = crate::arch::letter_runs::fold(rest, i == at, buf, len, chars);
            (i, (len, chars)) = (bytes.len() - rest.len(), runs);
        }
        let Some(&lead) = bytes.get(i) else { break };
        if is_arabic_lead(lead)
            && let Some(&cont) = bytes.get(i + 1)
        {
            let entry = arabic_entry(arabic_low(lead, cont));
            if word_only && entry >> CLASS_SHIFT == 0 {
                break;
            }
            i += 2;
            let f = entry & FOLDED;
            if f >= 0x80 {
                // A letter of the block: two bytes again.
                if let Some([a, b]) = buf.get_mut(len..len + 2) {
                    (*a, *b) = (0xC0 | (f >> 6) as u8, 0x80 | (f & 0x3F) as u8);
                }
                (len, chars) = (len + 2, chars + 1);
            } else if f != 0 {
                // An Arabic-Indic digit, now ASCII.
                if let Some(b) = buf.get_mut(len) {
                    *b = f as u8;
                }
                digit = true;
                (len, chars) = (len + 1, chars + 1);
            }
        } else if lead < 0x80 {
            if word_only && ASCII_CLASS[lead as usize] == 0 {
                break;
            }
            let f = lead.to_ascii_lowercase();
            if let Some(b) = buf.get_mut(len) {
                *b = f;
            }
            digit |= f.is_ascii_digit();
            (i, len, chars) = (i + 1, len + 1, chars + 1);
        } else {
            let Some((n, written)) =
                fold_other(text, i, buf.get_mut(len..).unwrap_or_default(), word_only)
            else {
                break;
            };
            i += n;
            len += written.len;
            chars += written.chars;
            digit |= written.digit;
        }
    }
    (i, (len <= buf.len()).then_some(Written { len, chars, digit }))
}

/// [`fold_from`] for one character outside ASCII and the Arabic block, at byte `at` of
/// `text`, into `buf`: its length in the text and what it folds to (`len` counts bytes that
/// did not fit too); `None` if it ends the word (`word_only`) or the text. Out of line on
/// 64-bit targets, so that the common loop keeps its registers.
#[cfg_attr(target_pointer_width = "64", inline(never))]
fn fold_other(text: &str, at: usize, buf: &mut [u8], word_only: bool) -> Option<(usize, Written)> {
    let c = text.get(at..)?.chars().next()?;
    if word_only && !(is_word_char(c) || is_transparent(c)) {
        return None;
    }
    let mut out = Written { len: 0, chars: 0, digit: false };
    for f in fold(c) {
        let (utf8, n) = utf8(f);
        if let Some(dst) = buf.get_mut(out.len..out.len + n) {
            dst.iter_mut().zip(&utf8).for_each(|(d, b)| *d = *b);
        }
        out.digit |= f.is_ascii_digit();
        (out.len, out.chars) = (out.len + n, out.chars + 1);
    }
    Some((c.len_utf8(), out))
}

/// `c` in UTF-8: its bytes, and how many of them are used.
///
/// `char::encode_utf8` checks the buffer's length in a function that is not inlined at
/// `opt-level = "z"`, which leaves a panic path even for a 4-byte buffer; this has none.
pub(crate) fn utf8(c: char) -> ([u8; 4], usize) {
    let u = c as u32;
    let cont = |shift: u32| 0x80 | ((u >> shift) & 0x3F) as u8;
    if u < 0x80 {
        ([u as u8, 0, 0, 0], 1)
    } else if u < 0x800 {
        ([0xC0 | (u >> 6) as u8, cont(0), 0, 0], 2)
    } else if u < 0x1_0000 {
        ([0xE0 | (u >> 12) as u8, cont(6), cont(0), 0], 3)
    } else {
        ([0xF0 | (u >> 18) as u8, cont(12), cont(6), cont(0)], 4)
    }
}

/// The byte offset in `word` after its first `letters` folded characters (and any marks that
/// follow them), or `word.len()` if it has fewer.
///
/// Maps a position in the folded form back to the original, e.g. to show a keyword without
/// its proclitic: the folded `للارهاب` minus 2 letters starts at byte 4 of `لِلإرهاب`.
///
/// # Examples
///
/// ```
/// use talkhis::normalize;
///
/// let word = "لِلإرهاب";
/// let at = normalize::offset_after(word, 2);
/// assert_eq!(&word[at..], "إرهاب");
/// ```
#[must_use]
pub fn offset_after(word: &str, letters: usize) -> usize {
    let mut seen = 0;
    for (i, c) in word.char_indices() {
        if seen >= letters && !is_transparent(c) {
            return i;
        }
        seen += fold(c).count();
    }
    word.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use heapless::String;

    fn folded(s: &str) -> String<256> {
        chars(s).collect()
    }

    /// One case per rule: (name, input, folded).
    const CASES: &[(&str, &str, &str)] = &[
        ("fatha kasra damma", "كَتِبُ", "كتب"),
        ("tanwin", "كتابًا كتابٌ كتابٍ", "كتابا كتاب كتاب"),
        ("shadda and sukun", "مُدَرِّسْ", "مدرس"),
        ("dagger alef", "هٰذا", "هذا"),
        ("quranic small high marks", "الْكِتَٰبُ\u{06E1}\u{06D6}", "الكتب"),
        ("quranic annotation above", "صلى\u{0610}", "صلي"),
        ("tatweel", "تسـعة", "تسعه"),
        ("zero-width joiners", "بـ\u{200D}ـيت\u{200C}", "بيت"),
        ("bidi controls", "\u{202B}مرحبا\u{202C}\u{200F}\u{2067}\u{2069}\u{061C}", "مرحبا"),
        ("bom", "\u{FEFF}نص", "نص"),
        ("alef hamza above", "أحمد", "احمد"),
        ("alef hamza below", "إسلام", "اسلام"),
        ("alef madda", "آمن", "امن"),
        ("alef wasla", "ٱلله", "الله"),
        ("alef maksura", "مصطفى", "مصطفي"),
        ("taa marbuta", "مدينة", "مدينه"),
        ("waw hamza", "مؤتمر", "موتمر"),
        ("yeh hamza", "رئيس", "رييس"),
        ("persian yeh and keheh", "ایران کتاب", "ايران كتاب"),
        ("presentation forms b", "ﺍﻟﻌﺮﺑﻴﺔ", "العربيه"),
        ("lam alef ligature", "ﻻ ﻷ ﻹ ﻵ ﻼ", "لا لا لا لا لا"),
        ("allah ligature", "ﷲ", "الله"),
        ("presentation harakat", "ب\u{FE76}", "ب"),
        ("arabic-indic digits", "٠١٢٣٤٥٦٧٨٩", "0123456789"),
        ("extended arabic-indic digits", "۰۱۲۳۴۵۶۷۸۹", "0123456789"),
        ("latin lowercase", "NATO Élysée", "nato élysée"),
        ("untouched", "باريس, 2015! 🙂", "باريس, 2015! 🙂"),
    ];

    #[test]
    fn each_rule() {
        for &(name, input, expected) in CASES {
            assert_eq!(folded(input), expected, "{name}");
        }
    }

    #[test]
    fn idempotent_on_cases() {
        for &(name, input, _) in CASES {
            let once = folded(input);
            assert_eq!(folded(&once), once, "{name}");
        }
    }

    #[test]
    fn forms_b_runs_are_sorted_and_cover_the_block() {
        assert!(FORMS_B.windows(2).all(|w| w[0].0 < w[1].0), "keep FORMS_B sorted");
        for u in 0xFE80..=0xFEF4u32 {
            let c = char::from_u32(u).unwrap();
            assert!(matches!(fold(c), Folded::Char(_)), "U+{u:04X}");
        }
        // Spot checks at run boundaries: final ALEF, medial YEH, isolated TEH MARBUTA.
        assert_eq!(fold('\u{FE8E}'), Folded::Char(ALEF));
        assert_eq!(fold('\u{FEF4}'), Folded::Char(YEH));
        assert_eq!(fold('\u{FE93}'), Folded::Char(HEH));
    }

    /// The functions as they were before the lookup tables, kept as the oracle the tables are
    /// checked against.
    mod oracle {
        use super::super::{
            ALEF, Folded, KAF, YEH, fold_arabic, fold_forms_b, is_combining, shift,
        };

        /// The letters and digits of U+00A0..U+00BF, as bits: `ª ² ³ µ ¹ º ¼ ½ ¾`.
        const LATIN1_WORD: u32 = 0x762C_0400;

        /// `is_other_word_char` as it was, a `match` of the ranges.
        pub const fn is_other_word_char(u: u32) -> bool {
            match u {
                0x80..=0x9F | 0xD7 | 0xF7 => false,
                0xA0..=0xBF => LATIN1_WORD >> (u - 0xA0) & 1 != 0,
                // Modifier symbols and combining marks (but two alphabetic ones).
                0x02C2..=0x02C5 | 0x02D2..=0x02DF | 0x02E5..=0x02EB | 0x02ED => false,
                0x02EF..=0x0344 | 0x0346..=0x0362 => false,
                // Greek, Cyrillic, Armenian and Hebrew punctuation and signs.
                0x0375 | 0x037E | 0x0384 | 0x0385 | 0x0387 | 0x03F6 | 0x0482..=0x0489 => false,
                0x055A..=0x055F
                | 0x0589..=0x05AF
                | 0x05BE
                | 0x05C0
                | 0x05C3
                | 0x05C6
                | 0x05F3..=0x05FF => false,
                // Arabic presentation forms A: letters but for symbols, brackets and noncharacters.
                0xFBB2..=0xFBD2 | 0xFD3E..=0xFD4F | 0xFDC8..=0xFDEF | 0xFDFC..=0xFDFF => false,
                // Spaces, punctuation, currency signs, arrows, technical symbols, box drawing, CJK
                // radicals and symbols.
                0x1680 | 0x2000..=0x206F | 0x20A0..=0x20FF | 0x2190..=0x245F | 0x2500..=0x2BFF => {
                    false
                }
                0x2E00..=0x2FFF | 0x3000..=0x3004 | 0x3008..=0x3020 | 0x3030 | 0x303D..=0x303F => {
                    false
                }
                0x32C0..=0x33FF => false,
                // Private use, variation selectors, CJK and small punctuation, specials.
                0xD800..=0xF8FF | 0xFE00..=0xFE6F | 0xFFE0..=0xFFEF | 0xFFF0..=0xFFFF => false,
                // Fullwidth ASCII punctuation.
                0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65 => false,
                // Game symbols, emoji and pictographs, but enclosed digits and letters.
                0x1_F000..=0x1_F0FF | 0x1_F10D..=0x1_F12F | 0x1_F14A..=0x1_F14F => false,
                0x1_F16A..=0x1_F16F | 0x1_F18A..=0x1_FBEF | 0x1_FBFA..=0x1_FFFF => false,
                // Unassigned code points and noncharacters, tags and variation selectors, private use.
                0x2_FA20..=0x2_FFFF | 0x3_4000.. => false,
                _ => true,
            }
        }

        pub const fn fold(c: char) -> Folded {
            let u = c as u32;
            if u < 0x80 {
                return Folded::Char(c.to_ascii_lowercase());
            }
            match u {
                0xC0..=0xDE if u != 0xD7 => Folded::Char(shift(c, 0x20)),
                0x0600..=0x06FF => fold_arabic(c),
                0x200B..=0x200F | 0x202A..=0x202E | 0x2060 | 0x2066..=0x2069 => Folded::Drop,
                0xFEFF => Folded::Drop,
                0xFB50..=0xFB51 => Folded::Char(ALEF),
                0xFB8E..=0xFB91 => Folded::Char(KAF),
                0xFBFC..=0xFBFF => Folded::Char(YEH),
                0xFDF2 => Folded::Str("\u{0627}\u{0644}\u{0644}\u{0647}"),
                0xFE70..=0xFE7F => Folded::Drop,
                0xFE80..=0xFEF4 => fold_forms_b(u),
                0xFEF5..=0xFEFC => Folded::Str("\u{0644}\u{0627}"),
                _ => Folded::Char(c),
            }
        }

        pub const fn is_transparent(c: char) -> bool {
            matches!(fold(c), Folded::Drop) || is_combining(c)
        }

        pub fn is_word_char(c: char) -> bool {
            let u = c as u32;
            if u < 0x80 {
                return c.is_ascii_alphanumeric();
            }
            match u {
                0x0621..=0x063F | 0x0641..=0x064A | 0x0660..=0x0669 | 0x066E..=0x066F => true,
                0x0671..=0x06D3 | 0x06D5 | 0x06EE..=0x06FC | 0x06FF => true,
                0x0600..=0x06FF => false,
                0x0750..=0x077F | 0x08A0..=0x08C9 => true,
                0xFE80..=0xFEFC => true,
                0xFE70..=0xFE7F | 0xFEFD..=0xFEFF => false,
                _ => is_other_word_char(u),
            }
        }

        pub fn word_into<'b>(word: &str, buf: &'b mut [u8]) -> Option<&'b str> {
            let mut len = 0;
            for c in word.chars().flat_map(fold) {
                let n = c.len_utf8();
                let dst = buf.get_mut(len..len + n)?;
                c.encode_utf8(dst);
                len += n;
            }
            core::str::from_utf8(buf.get(..len)?).ok()
        }
    }

    /// Every `char` of the Basic Multilingual Plane, and the emoji planes for 4-byte UTF-8.
    fn all_chars() -> impl Iterator<Item = char> {
        (0..=0xFFFF).chain(0x1_F000..=0x1_FFFF).filter_map(char::from_u32)
    }

    #[test]
    fn other_scripts_follow_is_alphanumeric_by_blocks() {
        let differ = |range: core::ops::RangeInclusive<u32>| {
            range
                // Outside the blocks `is_word_char` decides before.
                .filter(|u| !matches!(u, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08C9))
                .filter(|u| !matches!(u, 0xFE70..=0xFEFF))
                .filter_map(char::from_u32)
                .filter(|&c| is_other_word_char(c as u32) != c.is_alphanumeric())
                .count()
        };
        // Exact: Latin, Cyrillic, the punctuation and symbol blocks, CJK ideographs, Hangul,
        // the presentation forms, emoji.
        for exact in [
            0x80..=0x036F,
            0x0400..=0x052F,
            0x2000..=0x206F,
            0x2190..=0x245F,
            0x2500..=0x2775,
            0x2E30..=0x3029,
            0x4E00..=0x9FFF,
            0xAC00..=0xD7A3,
            0xE000..=0xF8FF,
            0xFB50..=0xFD8F,
            0x1_F300..=0x1_FAFF,
            0x1_FBF0..=0x2_0000,
            0x2_FA20..=0x3_0000,
            0x3_4000..=0x10_FFFF,
        ] {
            assert_eq!(differ(exact.clone()), 0, "{exact:X?}");
        }
        // Elsewhere: unassigned code points, and the signs and punctuation of the blocks of
        // other scripts (Devanagari danda, Thai currency...), about 3.5% of the plane.
        assert!(differ(0x80..=0xFFFF) < 2_500, "{}", differ(0x80..=0xFFFF));
    }

    #[test]
    fn other_word_char_bounds_agree_with_the_oracle_on_every_code_point() {
        for u in 0..=0x10_FFFF {
            assert_eq!(is_other_word_char(u), oracle::is_other_word_char(u), "U+{u:04X}");
        }
    }

    #[test]
    fn tables_agree_with_the_oracle_on_every_char() {
        for c in all_chars() {
            assert_eq!(fold(c), oracle::fold(c), "fold U+{:04X}", c as u32);
            assert_eq!(is_word_char(c), oracle::is_word_char(c), "word U+{:04X}", c as u32);
            assert_eq!(is_transparent(c), oracle::is_transparent(c), "mark U+{:04X}", c as u32);
            let mut utf8 = [0u8; 4];
            let s = c.encode_utf8(&mut utf8);
            let class = if is_word_char(c) {
                WORD
            } else if is_transparent(c) {
                MARK
            } else {
                0
            };
            assert_eq!(class_at(s, 0), Some((class, s.len())), "class U+{:04X}", c as u32);
        }
    }

    #[test]
    fn letter_runs_table_holds_the_two_byte_folds_of_the_word_chars() {
        for low in 0..256u32 {
            let c = char::from_u32(0x0600 + low).unwrap();
            let expected = match fold(c) {
                Folded::Char(f) if is_word_char(c) && f.len_utf8() == 2 => {
                    let (bytes, _) = utf8(f);
                    u16::from_le_bytes([bytes[0], bytes[1]])
                }
                _ => 0,
            };
            assert_eq!(LETTERS[low as usize], expected, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn word_end_agrees_with_class_at() {
        let text = "كِتَابٌ تسـعة،ثانيا G20 Élysée ﻻ ٣٤؟ می\u{200C}خواهم 🙂x \u{064E}ب ";
        for (at, _) in text.char_indices() {
            let mut end = at;
            while let Some((_, len)) = class_at(text, end).filter(|&(c, _)| c != 0) {
                end += len;
            }
            assert_eq!(word_end(text, at), end, "{at}");
        }
    }

    #[test]
    fn fold_into_agrees_with_the_oracle() {
        let (mut a, mut b) = ([0u8; 64], [0u8; 64]);
        // Every char alone, then in pairs with the letters, marks and digits that matter.
        for c in all_chars() {
            let mut utf8 = [0u8; 4];
            let s = c.encode_utf8(&mut utf8);
            assert_eq!(word_into(s, &mut a), oracle::word_into(s, &mut b), "U+{:04X}", c as u32);
        }
        let some = ["", "ب", "أ", "\u{064E}", "ـ", "٣", "7", "Q", "ﻻ", "ﷲ", "\u{200C}", "É", "🙂"];
        for x in some {
            for y in some {
                for z in some {
                    let mut w: String<32> = String::new();
                    for part in [x, y, z] {
                        w.push_str(part).unwrap();
                    }
                    let expected = oracle::word_into(&w, &mut b);
                    assert_eq!(word_into(&w, &mut a), expected, "{w:?}");
                    let written = fold_into(&w, &mut a).unwrap();
                    assert_eq!(written.chars, expected.unwrap().chars().count(), "{w:?}");
                    let digit = expected.unwrap().bytes().any(|b| b.is_ascii_digit());
                    assert_eq!(written.digit, digit, "{w:?}");
                }
            }
        }
        // Runs of letters of every length, folded as the target does (eight at a time with
        // SSE2 when 16 bytes and 16 of room are left, else two), then one at a time, alone
        // and before a mark or a space, in buffers of every size.
        let letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوىيةأإآؤئء";
        for (end, _) in letters.char_indices().chain([(letters.len(), ' ')]) {
            for after in ["", "\u{064E}", " x", "ـب"] {
                let mut w: String<128> = String::new();
                w.push_str(&letters[..end]).unwrap();
                w.push_str(after).unwrap();
                for n in [0, 1, 2, 3, 4, 5, end.saturating_sub(1), end, end + 1, end + 2, 128] {
                    let (mut a, mut b) = ([0u8; 128], [0u8; 128]);
                    let (a, b) = (&mut a[..n], &mut b[..n]);
                    let expected = oracle::word_into(&w, b);
                    assert_eq!(word_into(&w, a), expected, "{w:?} in {n}");
                    let chars = fold_into(&w, a).map(|written| written.chars);
                    assert_eq!(chars, expected.map(|e| e.chars().count()), "{w:?} in {n}");
                }
            }
        }
        // Running out of room at each length, with one- to four-byte outputs.
        let long = "ABCأبـﻻ٣ﷲ🙂دهو";
        for n in 0..40 {
            let (mut a, mut b) = ([0u8; 40], [0u8; 40]);
            assert_eq!(word_into(long, &mut a[..n]), oracle::word_into(long, &mut b[..n]), "{n}");
        }
    }

    #[test]
    fn word_chars() {
        let words = "كتاب ٣ x Ж 7 ﻻ ک";
        assert!(words.split(' ').all(|w| w.chars().all(is_word_char)), "{words}");
        for c in ['،', '؛', '«', '»', '؟', '۔', '.', ' ', '\u{064E}', '\u{0640}', '\u{200C}', '٪']
        {
            assert!(!is_word_char(c), "{c:?}");
        }
    }

    #[test]
    fn offsets_after_letters() {
        let table: &[(&str, &str, usize, &str)] = &[
            ("proclitic lil", "لِلإرهاب", 2, "إرهاب"),
            ("article with marks", "الْكِتَابُ", 2, "كِتَابُ"),
            ("ligature counts two", "ﻻعب", 2, "عب"),
            ("past the end", "في", 5, ""),
            ("zero", "بيت", 0, "بيت"),
        ];
        for &(name, word, n, rest) in table {
            assert_eq!(&word[offset_after(word, n)..], rest, "{name}");
        }
    }

    #[test]
    fn utf8_matches_encode_utf8() {
        for c in all_chars().chain(['\u{10000}', '\u{10FFFF}']) {
            let (bytes, n) = utf8(c);
            assert_eq!(&bytes[..n], c.encode_utf8(&mut [0; 4]).as_bytes(), "U+{:04X}", c as u32);
        }
    }
}

//! Character classes: which characters make words ([`is_word_char`]), which are transparent
//! inside them ([`is_transparent`]), and the byte-level scans built on them.

use super::{
    CLASS_SHIFT, FOLDED, Folded, MARK, WORD, arabic_entry, arabic_low, fold, is_arabic_lead,
};

/// The class of each ASCII byte: [`WORD`] for letters and digits, else 0.
pub(super) const ASCII_CLASS: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        table[i] = if (i as u8).is_ascii_alphanumeric() { WORD } else { 0 };
        i += 1;
    }
    table
};

/// The class of the character at byte `at` of `text` (a char boundary) and its length in
/// bytes, or `None` at the end: [`WORD`], [`MARK`] or 0 (the character ends a word).
///
/// ASCII and the Arabic block are decoded from the bytes and looked up in tables; other
/// characters take the general path ([`is_word_char`], [`is_transparent`]).
#[inline(always)]
pub(crate) fn class_at(text: &str, at: usize) -> Option<(u8, usize)> {
    let bytes = text.as_bytes();
    let lead = *bytes.get(at)?;
    if lead < 0x80 {
        return Some((ASCII_CLASS[lead as usize], 1));
    }
    if is_arabic_lead(lead) {
        let entry = arabic_entry(arabic_low(lead, *bytes.get(at + 1)?));
        return Some(((entry >> CLASS_SHIFT) as u8, 2));
    }
    class_of_char(text, at)
}

/// The end of the run of word characters and marks that starts at byte `at` of `text` (a
/// char boundary): the offset of the first character of class 0, or `text.len()`.
///
/// The tokenizer's inner loop. Arabic letters are tested first, since they make up most of a
/// word, and each is one load of the two bytes and one of `ARABIC`.
#[inline]
pub(crate) fn word_end(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&lead) = bytes.get(at) {
        if is_arabic_lead(lead)
            && let Some(&cont) = bytes.get(at + 1)
        {
            if arabic_entry(arabic_low(lead, cont)) >> CLASS_SHIFT == 0 {
                return at;
            }
            at += 2;
        } else if lead < 0x80 {
            if ASCII_CLASS[lead as usize] == 0 {
                return at;
            }
            at += 1;
        } else {
            match class_of_char(text, at) {
                Some((0, _)) | None => return at,
                Some((_, len)) => at += len,
            }
        }
    }
    text.len()
}

/// [`class_at`] outside ASCII and the Arabic block.
fn class_of_char(text: &str, at: usize) -> Option<(u8, usize)> {
    let c = text.get(at..)?.chars().next()?;
    let class = if is_word_char(c) {
        WORD
    } else if is_transparent(c) {
        MARK
    } else {
        0
    };
    Some((class, c.len_utf8()))
}

/// Whether `c` is dropped by [`fold`]: a mark or control that never separates words.
///
/// Such characters continue a word when they occur inside or at the end of one (`كتابٌ` is one
/// word, `تسـعة` too), but never start a word.
///
/// # Examples
///
/// ```
/// use talkhis::normalize::is_transparent;
///
/// assert!(is_transparent('\u{0651}')); // SHADDA
/// assert!(is_transparent('\u{200F}')); // RIGHT-TO-LEFT MARK
/// assert!(!is_transparent('ا'));
/// ```
#[must_use]
pub const fn is_transparent(c: char) -> bool {
    let u = c as u32;
    if u >= 0x0600 && u <= 0x06FF {
        return arabic_entry(u) & FOLDED == 0;
    }
    matches!(fold(c), Folded::Drop) || is_combining(c)
}

/// General combining marks outside the Arabic block (e.g. U+0301 COMBINING ACUTE ACCENT): part
/// of the word they follow. `fold` keeps them, since they change a Latin letter's identity.
pub(super) const fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Whether `c` is a letter or digit, i.e. can start a word.
///
/// ASCII and the Arabic blocks are decided by range checks; other scripts follow
/// [`char::is_alphanumeric`] block by block, so Cyrillic or Chinese words are words too (see
/// `is_other_word_char` for where the two differ).
///
/// # Examples
///
/// ```
/// use talkhis::normalize::is_word_char;
///
/// for c in ['ب', 'ﻻ', '٣', 'x', 'Ж', '7'] {
///     assert!(is_word_char(c), "{c}");
/// }
/// for c in ['،', '؛', '«', '»', '؟', '.', ' ', '\u{064E}', '\u{0640}'] {
///     assert!(!is_word_char(c), "{c:?}");
/// }
/// ```
#[must_use]
pub fn is_word_char(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return ASCII_CLASS[u as usize] == WORD;
    }
    match u {
        0x0600..=0x06FF => (arabic_entry(u) >> CLASS_SHIFT) as u8 & WORD != 0,
        // Arabic Supplement and Extended-A letters.
        0x0750..=0x077F | 0x08A0..=0x08C9 => true,
        // Presentation forms: letters, but not the harakat shapes (U+FE70..U+FE7F) or the BOM.
        0xFE80..=0xFEFC => true,
        0xFE70..=0xFE7F | 0xFEFD..=0xFEFF => false,
        _ => is_other_word_char(u),
    }
}

/// The letters and digits of U+00A0..U+00BF, as bits: `ª ² ³ µ ¹ º ¼ ½ ¾`.
const LATIN1_WORD: u32 = 0x762C_0400;

/// [`is_word_char`] outside ASCII and the Arabic letters: [`char::is_alphanumeric`] by blocks.
///
/// The standard function looks a character up in Unicode's tables, which a Cortex-M0's flash
/// cannot spare for scripts an Arabic summarizer rarely meets; here a letter of another
/// script is a word character unless its block holds
/// punctuation, symbols, marks, spaces or private use. Latin-1, the Arabic presentation forms
/// and the punctuation and symbol blocks are exact; elsewhere the blocks' few punctuation
/// marks and unassigned code points count as letters (`normalize`'s tests bound how many).
///
/// The runs that are not word characters are the bounds of [`NOT_WORD_BMP`] and
/// [`NOT_WORD_ASTRAL`], found by a binary search: less code than a `match` of the ranges.
pub(super) fn is_other_word_char(u: u32) -> bool {
    if let 0xA0..=0xBF = u {
        return LATIN1_WORD >> (u - 0xA0) & 1 != 0;
    }
    let bounds_at_or_below = match u16::try_from(u) {
        Ok(u) => NOT_WORD_BMP.partition_point(|&b| b <= u),
        Err(_) => NOT_WORD_ASTRAL.partition_point(|&b| b <= u),
    };
    bounds_at_or_below % 2 == 0
}

/// The runs of code points below U+10000 that [`is_other_word_char`] rejects, as the first of
/// each and the one after it (the last runs to U+FFFF): C1 controls, × and ÷; modifier
/// symbols and combining marks (but two alphabetic ones); Greek, Cyrillic, Armenian and
/// Hebrew punctuation and signs; spaces, punctuation, currency signs, arrows, technical
/// symbols, box drawing, CJK radicals and symbols; private use; Arabic presentation forms A's
/// symbols, brackets and noncharacters; variation selectors, CJK and small punctuation;
/// fullwidth ASCII punctuation; specials.
#[rustfmt::skip]
const NOT_WORD_BMP: [u16; 83] = [
    0x0080, 0x00A0, 0x00D7, 0x00D8, 0x00F7, 0x00F8, 0x02C2, 0x02C6, 0x02D2, 0x02E0,
    0x02E5, 0x02EC, 0x02ED, 0x02EE, 0x02EF, 0x0345, 0x0346, 0x0363, 0x0375, 0x0376,
    0x037E, 0x037F, 0x0384, 0x0386, 0x0387, 0x0388, 0x03F6, 0x03F7, 0x0482, 0x048A,
    0x055A, 0x0560, 0x0589, 0x05B0, 0x05BE, 0x05BF, 0x05C0, 0x05C1, 0x05C3, 0x05C4,
    0x05C6, 0x05C7, 0x05F3, 0x0600, 0x1680, 0x1681, 0x2000, 0x2070, 0x20A0, 0x2100,
    0x2190, 0x2460, 0x2500, 0x2C00, 0x2E00, 0x3005, 0x3008, 0x3021, 0x3030, 0x3031,
    0x303D, 0x3040, 0x32C0, 0x3400, 0xD800, 0xF900, 0xFBB2, 0xFBD3, 0xFD3E, 0xFD50,
    0xFDC8, 0xFDF0, 0xFDFC, 0xFE70, 0xFF00, 0xFF10, 0xFF1A, 0xFF21, 0xFF3B, 0xFF41,
    0xFF5B, 0xFF66, 0xFFE0,
];

/// [`NOT_WORD_BMP`] from U+10000 on: game symbols, emoji and pictographs, but enclosed digits
/// and letters; unassigned code points and noncharacters, tags and variation selectors,
/// private use (from U+34000 on).
#[rustfmt::skip]
const NOT_WORD_ASTRAL: [u32; 15] = [
    0x1F000, 0x1F100, 0x1F10D, 0x1F130, 0x1F14A, 0x1F150, 0x1F16A, 0x1F170,
    0x1F18A, 0x1FBF0, 0x1FBFA, 0x20000, 0x2FA20, 0x30000, 0x34000,
];

/// Whether a character of the Arabic block is a letter or digit: the Arabic letters
/// (U+0621..U+063F, U+0641..U+064A), digits, and the extended letters used by Persian and
/// Urdu; the marks in between are transparent, not word characters.
pub(super) const fn is_arabic_word_char(u: u32) -> bool {
    matches!(
        u,
        0x0621..=0x063F
            | 0x0641..=0x064A
            | 0x0660..=0x0669
            | 0x066E..=0x066F
            | 0x0671..=0x06D3
            | 0x06D5
            | 0x06EE..=0x06FC
            | 0x06FF
    )
}

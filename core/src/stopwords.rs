//! Stage 4: function words, which say nothing about a text's topic.
//!
//! A summary scored by raw frequency would pick the sentences richest in `في`, `من` and `على`.
//! The table holds about 340 Arabic function words: prepositions, conjunctions, particles,
//! pronouns, demonstratives, relatives, auxiliaries (`كان`, `أصبح`, `تم`), reporting verbs that
//! carry no topic in news (`قال`, `أكد`, `أشار`, `أوضح`), quantifiers and adverbs, plus the
//! commonest English function words for mixed text. It is generated from the list in
//! `core/scripts/stopwords.py`, stored folded (see [`normalize`](crate::normalize)) and sorted,
//! so it can be checked and diffed (see below for the lookup).
//!
//! Arabic attaches conjunctions, prepositions and pronouns to words, so [`contains`] also
//! recognizes a listed word behind up to two proclitics (`و` `ف`, then `ب` `ل` `ك`) and a
//! preposition or particle carrying a pronoun suffix: `وفي`, `لهذا`, `فإن`, `بها`, `عليهم`,
//! `ولديه` are all function words. A content word that happens to start with a proclitic
//! letter, such as `بيت` or `لبنان`, is not: its remainder is not in the table.
//!
//! Lookup is a hash probe: a 1,024-slot open-addressing index of the table, generated with it,
//! whose entries carry a tag of the word's hash, so a word is compared with about one stopword (a
//! binary search took nine comparisons); the one pronoun suffix a word can end in is read from
//! its last two or three letters. Devices store the words one byte a letter (`PACKED`, built
//! from the table at compile time), which halves their flash, and probe an index of 512 slots
//! built from it at compile time (`SMALL_INDEX`): 1 KB less flash for about three more probes
//! of a word that is no stopword.
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

use table::{INDEX, WORDS};

/// The conjunctions [`contains_bytes`] strips first, then the prepositions (`وفي`, `فلهذا`).
const CONJUNCTIONS: [&str; 2] = ["و", "ف"];
const PREPOSITIONS: [&str; 3] = ["ب", "ل", "ك"];

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
    contains_bytes(word.as_bytes())
}

/// [`contains`] on the bytes of a folded word (the scorer's, without a UTF-8 check).
pub(crate) fn contains_bytes(word: &[u8]) -> bool {
    if listed(word) {
        return true;
    }
    // The suffix is read from the last three letters, the same for every remainder that
    // keeps them: found once.
    let suffix = pronoun_suffix(word);
    if suffix > 0
        && word.len() > suffix
        && listed(word.get(..word.len() - suffix).unwrap_or_default())
    {
        return true;
    }
    // و/ف, then ب/ل/ك: وفي, فإن, بما, لهذا, وبعد, فلم, ولكن.
    let mut rest = word;
    for group in [&CONJUNCTIONS[..], &PREPOSITIONS] {
        if let Some(r) = group.iter().find_map(|p| rest.strip_prefix(p.as_bytes())) {
            rest = r;
            let suffix = if rest.len() >= 6 { suffix } else { pronoun_suffix(rest) };
            // A preposition with only a pronoun left: به, لهم, بك, لنا.
            if rest.is_empty() || suffix == rest.len() || listed_or_with_pronoun(rest, suffix) {
                return true;
            }
        }
    }
    false
}

/// `word` is in the table, or is a listed word followed by its pronoun suffix of `suffix`
/// bytes ([`pronoun_suffix`]).
#[inline(always)]
fn listed_or_with_pronoun(word: &[u8], suffix: usize) -> bool {
    listed(word)
        || suffix > 0
            && word.len() > suffix
            && listed(word.get(..word.len() - suffix).unwrap_or_default())
}

/// The length in bytes of the pronoun suffix `word` ends with, or 0: one of `ه`, `ها`, `هم`,
/// `هما`, `هن`, `ك`, `كم`, `كما`, `كن`, `نا`, `ي`, which a preposition or particle can carry
/// (`به`, `منها`, `عليهم`, `لدينا`).
///
/// No suffix ends another, so at most one matches, and the last two or three letters tell
/// which: a jump on the last letter (most words end in none of the six), then a look at the
/// one or two before it, instead of comparing eleven suffixes.
fn pronoun_suffix(word: &[u8]) -> usize {
    // The `back`-th letter from the end as its two UTF-8 bytes (0 if there is none).
    let letter = |back: usize| {
        let at = word.len().wrapping_sub(2 * back);
        word.get(at..at.wrapping_add(2)).map_or(0, |b| u16::from_be_bytes([b[0], b[1]]))
    };
    const ALEF: u16 = 0xD8A7;
    const KAF: u16 = 0xD983;
    const MEEM: u16 = 0xD985;
    const NOON: u16 = 0xD986;
    const HEH: u16 = 0xD987;
    const YEH: u16 = 0xD98A;
    match letter(1) {
        HEH | KAF | YEH => 2,                               // ه ك ي
        MEEM | NOON if matches!(letter(2), HEH | KAF) => 4, // هم كم هن كن
        ALEF => match letter(2) {
            HEH | NOON => 4,                             // ها نا
            MEEM if matches!(letter(3), HEH | KAF) => 6, // هما كما
            _ => 0,
        },
        _ => 0,
    }
}

/// Whether `bytes` is one of the table's words: a probe of [`INDEX`] from the word's
/// [`slot`], comparing only the entries that carry its tag.
///
/// On 64-bit targets the probe reads [`UTF8_INDEX`] and compares the UTF-8 words, a
/// comparison of bytes; elsewhere it reads [`INDEX`] and the letters of [`PACKED`], once, out
/// of line, for flash.
#[inline(always)]
fn listed(bytes: &[u8]) -> bool {
    if crate::arch::WIDE {
        probe(bytes, &UTF8_INDEX, is_utf8_word_at)
    } else {
        listed_packed(bytes)
    }
}

/// [`listed`] on [`PACKED`], through [`SMALL_INDEX`].
#[inline(never)]
fn listed_packed(bytes: &[u8]) -> bool {
    probe(bytes, &SMALL_INDEX, is_packed_word_at)
}

/// A probe of `index` for `bytes`: `is_word_at` compares the word at an entry's offset.
#[inline(always)]
fn probe<const N: usize>(
    bytes: &[u8],
    index: &[u16; N],
    is_word_at: fn(usize, &[u8]) -> bool,
) -> bool {
    // No stopword is longer (`core/scripts/stopwords.py` checks): long content words end here.
    if bytes.len() > 16 {
        return false;
    }
    let (mut i, tag) = slot(hash(bytes), N);
    // The index always has free slots (`core/scripts/stopwords.py` keeps it under 3/4 full).
    loop {
        let entry = index.get(i).copied().unwrap_or(EMPTY);
        if entry == EMPTY {
            return false;
        }
        if entry & 15 == tag && is_word_at(usize::from(entry >> 4), bytes) {
            return true;
        }
        i = (i + 1) & (index.len() - 1);
    }
}

/// Whether the word of [`WORDS`] at byte `at` is `bytes`: the same bytes, then a space or
/// the end.
fn is_utf8_word_at(at: usize, bytes: &[u8]) -> bool {
    let words = WORDS.as_bytes();
    words.get(at..at + bytes.len()) == Some(bytes)
        && words.get(at + bytes.len()).is_none_or(|&b| b == b' ')
}

/// Whether the word of [`PACKED`] at byte `at` is `bytes`: its letters, encoded back to
/// UTF-8, are `bytes`, all of them.
fn is_packed_word_at(at: usize, bytes: &[u8]) -> bool {
    let mut rest = bytes;
    for &code in PACKED.get(at..).unwrap_or_default() {
        let letter = code & !LAST;
        rest = match rest {
            [b, tail @ ..] if letter >= LATIN && *b == letter => tail,
            [lead, b, tail @ ..]
                if letter < LATIN && *lead == 0xD8 | letter >> 6 && *b == 0x80 | letter & 0x3F =>
            {
                tail
            }
            _ => return false,
        };
        if code & LAST != 0 {
            return rest.is_empty();
        }
    }
    false
}

/// [`WORDS`] one byte a letter and without the spaces, which [`INDEX`] points into: a Latin
/// letter as itself, an Arabic one (U+0600 to U+065F, two bytes in UTF-8) as its offset in the
/// block, and [`LAST`] set on the last letter of each word. It halves the words' flash.
static PACKED: [u8; packed_len(WORDS)] = pack(WORDS);

/// [`INDEX`] with offsets in [`WORDS`] instead of [`PACKED`], for 64-bit targets (only they
/// link it).
static UTF8_INDEX: [u16; 1024] = utf8_index(&INDEX);

/// Marks the last letter of a word in [`PACKED`] (letters take seven bits).
const LAST: u8 = 0x80;

/// The first code of a Latin letter in [`PACKED`]; the codes below are Arabic letters.
const LATIN: u8 = 0x60;

/// The length of [`PACKED`]: the letters of `words`.
const fn packed_len(words: &str) -> usize {
    let (bytes, mut i, mut n) = (words.as_bytes(), 0, 0);
    while i < bytes.len() {
        // Spaces and the second bytes of letters take no byte.
        n += (bytes[i] != b' ' && bytes[i] & 0xC0 != 0x80) as usize;
        i += 1;
    }
    n
}

/// [`PACKED`] from [`WORDS`]; a letter it cannot pack stops the build.
const fn pack<const N: usize>(words: &str) -> [u8; N] {
    let (bytes, mut out, mut i, mut n) = (words.as_bytes(), [0u8; N], 0, 0);
    while i < bytes.len() {
        match bytes[i] {
            b' ' => out[n - 1] |= LAST,
            lead @ (0xD8 | 0xD9) => {
                let code = (lead & 1) << 6 | bytes[i + 1] & 0x3F;
                assert!(code < LATIN, "only U+0600 to U+065F");
                out[n] = code;
                n += 1;
                i += 1;
            }
            latin => {
                assert!(latin >= LATIN && latin < LAST, "only Latin letters");
                out[n] = latin;
                n += 1;
            }
        }
        i += 1;
    }
    out[n - 1] |= LAST;
    out
}

/// [`UTF8_INDEX`] from [`INDEX`]: each word's offset in [`PACKED`] mapped to its offset in
/// [`WORDS`].
const fn utf8_index(index: &[u16; 1024]) -> [u16; 1024] {
    // The offset in [`WORDS`] of each offset in [`PACKED`].
    let mut at = [0u16; packed_len(WORDS)];
    let (bytes, mut i, mut n) = (WORDS.as_bytes(), 0, 0);
    while i < bytes.len() {
        if bytes[i] != b' ' && bytes[i] & 0xC0 != 0x80 {
            at[n] = i as u16;
            n += 1;
        }
        i += 1;
    }
    let (mut out, mut k) = (*index, 0);
    while k < out.len() {
        if out[k] != EMPTY {
            out[k] = at[(out[k] >> 4) as usize] << 4 | out[k] & 15;
        }
        k += 1;
    }
    out
}

/// [`INDEX`] with 512 slots, for the targets that read [`PACKED`]: the same entries (offset
/// in [`PACKED`] and tag), each placed from its word's home [`slot`] in 512. The table is
/// two thirds full instead of a third, so a word that is not listed walks about three more
/// slots, for 1 KB less flash on a device.
static SMALL_INDEX: [u16; 512] = reindex(&INDEX);

/// [`INDEX`]'s entries placed in `N` slots, by their words' hashes (linear probing, as
/// `core/scripts/stopwords.py` builds [`INDEX`]).
const fn reindex<const N: usize>(index: &[u16; 1024]) -> [u16; N] {
    let utf8 = utf8_index(index);
    let (words, mut out, mut k) = (WORDS.as_bytes(), [EMPTY; N], 0);
    // Free slots end every probe: a table three quarters full or more fails the build.
    let mut used = 0;
    while k < index.len() {
        used += (index[k] != EMPTY) as usize;
        k += 1;
    }
    assert!(used * 4 < N * 3, "too many stopwords for the small index");
    k = 0;
    while k < index.len() {
        if index[k] != EMPTY {
            // The word's bytes in [`WORDS`], up to the next space or the end.
            let (start, mut end) = ((utf8[k] >> 4) as usize, (utf8[k] >> 4) as usize);
            while end < words.len() && words[end] != b' ' {
                end += 1;
            }
            let (word, _) = words.split_at(end);
            let (_, word) = word.split_at(start);
            let (mut i, tag) = slot(hash(word), N);
            while out[i] != EMPTY {
                i = (i + 1) % N;
            }
            out[i] = index[k] & !15 | tag;
        }
        k += 1;
    }
    out
}

/// A free slot of an index.
const EMPTY: u16 = 0xFFFF;

/// A multiplicative hash of a word's length and its first and last four bytes (two Arabic
/// letters each), which tell the stopwords apart. `core/scripts/stopwords.py` computes the
/// same to build [`INDEX`].
const fn hash(bytes: &[u8]) -> u32 {
    let (head, tail) = match (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        (Some(h), Some(t)) => (u32::from_le_bytes(*h), u32::from_le_bytes(*t)),
        _ => {
            let (mut h, mut i) = (0u32, 0);
            while i < bytes.len() {
                h = h << 8 | bytes[i] as u32;
                i += 1;
            }
            (h, 0)
        }
    };
    // The multiplier was picked among random odd ones for the shortest runs of full slots on
    // this table (what a word that is not listed walks before a free slot); the
    // `index_finds_every_word_and_agrees_with_search` test fails if an edit makes runs long.
    (head ^ tail.rotate_left(16) ^ (bytes.len() as u32) << 27).wrapping_mul(0x898B_2253)
}

/// A word's home slot in an index of `slots` (a power of two) and its four-bit tag, from its
/// [`hash`]: the hash's top bits, and the four below them.
const fn slot(hash: u32, slots: usize) -> (usize, u16) {
    let bits = slots.trailing_zeros();
    ((hash >> (32 - bits)) as usize, (hash >> (28 - bits)) as u16 & 15)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize;

    /// The pronoun suffixes [`pronoun_suffix`] encodes.
    const PRONOUN_SUFFIXES: [&str; 11] =
        ["ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "نا", "ي"];

    /// The table's words, in order.
    fn stopwords() -> impl Iterator<Item = &'static str> {
        WORDS.split(' ')
    }

    fn is_stop(w: &str) -> bool {
        let mut buf = [0u8; 64];
        contains(normalize::word_into(w, &mut buf).unwrap())
    }

    #[test]
    fn table_is_sorted_unique_and_folded() {
        let words: std::vec::Vec<&str> = stopwords().collect();
        assert_eq!(words.len(), INDEX.iter().filter(|&&e| e != EMPTY).count(), "one entry each");
        assert!(words.windows(2).all(|w| w[0] < w[1]), "keep the table sorted and unique");
        for w in words {
            let folded: heapless::String<64> = normalize::chars(w).collect();
            assert_eq!(folded, w, "store the table folded");
        }
    }

    /// The lookup before the hash index: a binary search of the sorted table.
    fn listed_by_search(word: &str) -> bool {
        stopwords().any(|w| w == word)
    }

    #[test]
    fn index_finds_every_word_and_agrees_with_search() {
        for w in stopwords() {
            assert!(listed(w.as_bytes()), "{w}");
            assert!(listed_packed(w.as_bytes()), "{w}");
        }
        fn longest_run<const N: usize>(index: &[u16; N]) -> usize {
            let run = |i: usize| (0..N).take_while(|k| index[(i + k) % N] != EMPTY).count();
            stopwords().map(|w| run(slot(hash(w.as_bytes()), N).0)).max().unwrap_or(0)
        }
        let (probes, small) = (longest_run(&INDEX), longest_run(&SMALL_INDEX));
        assert!(probes <= 24, "longest probe run {probes}: pick another multiplier in `hash`");
        assert!(small <= 48, "longest probe run {small} in 512 slots: pick another multiplier");
        assert_eq!(SMALL_INDEX.iter().filter(|&&e| e != EMPTY).count(), stopwords().count());
        // Near misses: every stopword with a letter added, removed or replaced, and prefixes.
        for w in stopwords() {
            let mut word: heapless::String<64> = heapless::String::new();
            for (at, _) in w.char_indices().chain([(w.len(), ' ')]) {
                for c in ['ا', 'ل', 'ه', 'ي', 'x', 'و'] {
                    word.clear();
                    word.push_str(&w[..at]).unwrap();
                    word.push(c).unwrap();
                    word.push_str(&w[at..]).unwrap();
                    assert_eq!(listed(word.as_bytes()), listed_by_search(&word), "{word}");
                    assert_eq!(listed_packed(word.as_bytes()), listed_by_search(&word), "{word}");
                    let next = w[at..].chars().next().map_or(0, char::len_utf8);
                    word.clear();
                    word.push_str(&w[..at]).unwrap();
                    word.push_str(&w[at + next..]).unwrap();
                    assert_eq!(listed(word.as_bytes()), listed_by_search(&word), "{word}");
                    assert_eq!(listed_packed(word.as_bytes()), listed_by_search(&word), "{word}");
                }
            }
        }
    }

    /// `contains` as it was, on [`listed_by_search`].
    fn contains_by_search(word: &str) -> bool {
        let with_pronoun = |w: &str| {
            listed_by_search(w)
                || PRONOUN_SUFFIXES.iter().any(|s| {
                    w.strip_suffix(s).is_some_and(|base| !base.is_empty() && listed_by_search(base))
                })
        };
        if with_pronoun(word) {
            return true;
        }
        let mut rest = word;
        for group in [["و", "ف", ""], ["ب", "ل", "ك"]] {
            if let Some(r) =
                group.iter().filter(|p| !p.is_empty()).find_map(|p| rest.strip_prefix(p))
            {
                rest = r;
                if rest.is_empty() || PRONOUN_SUFFIXES.contains(&rest) || with_pronoun(rest) {
                    return true;
                }
            }
        }
        false
    }

    #[test]
    fn pronoun_suffix_agrees_with_comparing_each_suffix() {
        let by_comparing =
            |w: &str| PRONOUN_SUFFIXES.iter().find(|s| w.ends_with(*s)).map_or(0, |s| s.len());
        let sample = include_str!("../../tests/data/sample.txt");
        let words = sample.split_whitespace().chain(PRONOUN_SUFFIXES).chain(stopwords());
        for w in words.chain(["", "x", "ما", "كا", "ها", "a\u{0647}", "\u{0647}", "\u{0627}"])
        {
            for p in ["", "ب", "من", "عل", "ه", "ك", "م", "x"] {
                let mut word: heapless::String<128> = heapless::String::new();
                word.push_str(p).unwrap();
                word.push_str(w).unwrap();
                assert_eq!(pronoun_suffix(word.as_bytes()), by_comparing(&word), "{word}");
            }
        }
    }

    #[test]
    fn contains_agrees_with_search_on_clitic_forms() {
        let prefixes = ["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فك", "ال", "وال", "م", "ت"];
        let stems = stopwords().chain(["كتاب", "ارهاب", "", "ا", "بيت", "x"]);
        for stem in stems {
            for p in prefixes {
                for s in PRONOUN_SUFFIXES.iter().copied().chain(["", "ات", "ون", "يه", "ا"])
                {
                    let mut w: heapless::String<64> = heapless::String::new();
                    for part in [p, stem, s] {
                        w.push_str(part).unwrap();
                    }
                    assert_eq!(contains(&w), contains_by_search(&w), "{w}");
                }
            }
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

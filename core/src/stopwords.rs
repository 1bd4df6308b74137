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
//! Lookup is a hash probe: a 512-slot index of the table, built at compile time, whose
//! entries carry a tag of the word's hash, so a word is compared with at most one or two
//! stopwords (a binary search took nine comparisons); the one pronoun suffix a word can end
//! in is read from its last two or three letters.
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
    // Most words are not function words in any form: one filter test tells most of them so.
    if !in_clitic_filter(word) {
        return false;
    }
    if listed_or_with_pronoun(word) {
        return true;
    }
    // و/ف, then ب/ل/ك: وفي, فإن, بما, لهذا, وبعد, فلم, ولكن.
    let mut rest = word;
    for group in [&clitic_filter::CONJUNCTIONS[..], &clitic_filter::PREPOSITIONS] {
        if let Some(r) = group.iter().find_map(|p| rest.strip_prefix(p.as_bytes())) {
            rest = r;
            // A preposition with only a pronoun left: به, لهم, بك, لنا.
            if rest.is_empty() || pronoun_suffix(rest) == rest.len() || listed_or_with_pronoun(rest)
            {
                return true;
            }
        }
    }
    false
}

/// The forms of the filter of clitic forms ([`CLITIC_FILTER`]) and their hash, shared with
/// `build.rs`, which makes the filter. (Its lists are read by `build.rs` and the tests, and
/// 32-bit targets, which have no filter, use none of it.)
#[path = "clitic_filter.rs"]
#[allow(dead_code)]
mod clitic_filter;

// A longer stopword would make forms that the filter's length test turns away.
const _: () = assert!(4 + MAX_LEN + 6 <= clitic_filter::LONGEST_FORM, "grow LONGEST_FORM");

/// A blocked Bloom filter (two bits in one 64-bit block) of every string [`contains_bytes`]
/// can accept: each proclitic sequence, then a stopword or nothing, then a pronoun suffix or
/// nothing (about 50,000 strings, a superset: `لفي` is in it, and is a function word here
/// too). A word that is not in it is no function word, after one hash and one load instead of
/// up to six probes of [`INDEX`] behind stripped clitics. Made by `build.rs` from the table
/// and `clitic_filter.rs`; 64 KB, 64-bit targets only: a microcontroller's and a WebAssembly
/// module's sizes are counted.
#[cfg(target_pointer_width = "64")]
static CLITIC_FILTER: &[u8; 8 << clitic_filter::BLOCK_BITS] =
    include_bytes!(concat!(env!("OUT_DIR"), "/clitic_filter.bin"));

/// Whether `word` may be a form [`contains_bytes`] accepts ([`CLITIC_FILTER`]).
#[cfg(target_pointer_width = "64")]
#[inline(always)]
fn in_clitic_filter(word: &[u8]) -> bool {
    if word.len() > clitic_filter::LONGEST_FORM {
        return false;
    }
    let (block, bits) = clitic_filter::clitic_bits(word);
    let block = CLITIC_FILTER.as_chunks::<8>().0.get(block).copied().unwrap_or_default();
    u64::from_le_bytes(block) & bits == bits
}

/// No filter on 32-bit targets: every word goes on to the index.
#[cfg(not(target_pointer_width = "64"))]
fn in_clitic_filter(_: &[u8]) -> bool {
    true
}

/// `word` is in the table, or is a listed word followed by a pronoun suffix.
fn listed_or_with_pronoun(word: &[u8]) -> bool {
    if listed(word) {
        return true;
    }
    let suffix = pronoun_suffix(word);
    suffix > 0 && word.len() > suffix && listed(word.get(..word.len() - suffix).unwrap_or_default())
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

/// Whether `word` is in [`STOPWORDS`]: one probe, usually, of the hash index [`INDEX`], and a
/// comparison only when the entry's tag matches the word's.
fn listed(bytes: &[u8]) -> bool {
    if bytes.len() > MAX_LEN {
        return false;
    }
    let (mut i, tag) = slot(bytes);
    let bit = filter_bit(i, tag);
    if FILTER[bit / 32] >> (bit % 32) & 1 == 0 {
        return false;
    }
    loop {
        let entry = INDEX[i];
        if entry == 0 {
            return false;
        }
        if entry >> TAG_SHIFT == tag
            && STOPWORDS
                .get(usize::from(entry & POSITION) - 1)
                .is_some_and(|w| same(w.as_bytes(), bytes))
        {
            return true;
        }
        i = (i + 1) & (INDEX.len() - 1);
    }
}

/// `a == b` for words of at most 16 bytes (longer ones are never compared: see [`MAX_LEN`]),
/// by their first and last eight or four bytes: inline integer comparisons instead of a call
/// to `memcmp`, which cost a lookup that hits a stopword a fifth of its time.
fn same(a: &[u8], b: &[u8]) -> bool {
    // A 32-bit target has memcmp in its flash anyway and no room for another compare.
    if !cfg!(target_pointer_width = "64") {
        return a == b;
    }
    if a.len() != b.len() {
        return false;
    }
    if let (Some(a8), Some(b8)) = (a.first_chunk::<8>(), b.first_chunk::<8>()) {
        return a8 == b8 && a.last_chunk::<8>() == b.last_chunk::<8>() && a.len() <= 16
            || a.len() > 16 && a == b;
    }
    if let (Some(a4), Some(b4)) = (a.first_chunk::<4>(), b.first_chunk::<4>()) {
        return a4 == b4 && a.last_chunk::<4>() == b.last_chunk::<4>();
    }
    a == b
}

/// The longest stopword, in bytes.
const MAX_LEN: usize = {
    let mut max = 0;
    let mut i = 0;
    while i < STOPWORDS.len() {
        if STOPWORDS[i].len() > max {
            max = STOPWORDS[i].len();
        }
        i += 1;
    }
    max
};

/// Bits of the [`INDEX`] size.
const INDEX_BITS: u32 = 9;

/// [`INDEX`] entries: 1 + the word's position in [`STOPWORDS`] in the low bits...
const POSITION: u16 = (1 << TAG_SHIFT) - 1;
/// ...and 7 more bits of its hash above them, which rule out almost every other word at once.
const TAG_SHIFT: u32 = 9;

/// An open-addressing hash index of [`STOPWORDS`], built at compile time: slot [`slot`]`(w)`
/// (or the next free one) holds `w`'s entry (see [`POSITION`]); 0 marks a free slot. 512
/// slots (1 KB of flash) for about 340 words: 1,024 were 4% faster end to end, but the
/// Cortex-M0 build has a flash budget (`embedded/README.md`).
static INDEX: [u16; 1 << INDEX_BITS] = {
    let mut index = [0u16; 1 << INDEX_BITS];
    assert!(STOPWORDS.len() < index.len() * 3 / 4, "grow INDEX_BITS");
    assert!(STOPWORDS.len() < POSITION as usize, "grow TAG_SHIFT");
    let mut w = 0;
    while w < STOPWORDS.len() {
        let (mut i, tag) = slot(STOPWORDS[w].as_bytes());
        while index[i] != 0 {
            i = (i + 1) & (index.len() - 1);
        }
        index[i] = (w as u16 + 1) | tag << TAG_SHIFT;
        w += 1;
    }
    index
};

/// A Bloom filter of [`STOPWORDS`]: bit [`filter_bit`] of each word's [`slot`] is set.
/// 2,048 bits (256 bytes of flash) for 344 words on 64-bit targets, so six in seven lookups
/// of a word that is not listed end at one bit test instead of a run of [`INDEX`] probes;
/// 1,024 bits on 32-bit ones (Cortex-M0 flash is counted), which still stop seven in ten.
static FILTER: [u32; FILTER_BITS / 32] = {
    let mut filter = [0u32; FILTER_BITS / 32];
    let mut w = 0;
    while w < STOPWORDS.len() {
        let (i, tag) = slot(STOPWORDS[w].as_bytes());
        let bit = filter_bit(i, tag);
        filter[bit / 32] |= 1 << (bit % 32);
        w += 1;
    }
    filter
};

/// The bits of [`FILTER`].
const FILTER_BITS: usize = if cfg!(target_pointer_width = "64") { 2048 } else { 1024 };

/// A word's bit in [`FILTER`], from its [`slot`]: its home, and one or two bits of its tag.
const fn filter_bit(home: usize, tag: u16) -> usize {
    let tag_bits = (FILTER_BITS >> INDEX_BITS).ilog2();
    home << tag_bits | (tag >> (7 - tag_bits)) as usize
}

/// The home slot of a word in [`INDEX`] and its tag: a multiplicative hash of its length and
/// its first and last four bytes (two Arabic letters each), which tell the stopwords apart.
const fn slot(bytes: &[u8]) -> (usize, u16) {
    let (head, tail) = match (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        (Some(h), Some(t)) => (u32::from_le_bytes(*h), u32::from_le_bytes(*t)),
        _ => {
            let mut h = 0u32;
            let mut i = 0;
            while i < bytes.len() {
                h = h << 8 | bytes[i] as u32;
                i += 1;
            }
            (h, 0)
        }
    };
    // The multiplier was picked among random odd ones for the shortest probe runs on this
    // table (a miss scans 3.0 full slots on average, against 4.8 with the golden ratio); the
    // `index_finds_every_word_and_agrees_with_search` test fails if an edit makes runs long.
    let h = (head ^ tail.rotate_left(16) ^ (bytes.len() as u32) << 27).wrapping_mul(0xEE52_BDB7);
    ((h >> (32 - INDEX_BITS)) as usize, (h >> (32 - INDEX_BITS - 7)) as u16 & 0x7F)
}

#[cfg(test)]
mod tests {
    use super::clitic_filter::PRONOUN_SUFFIXES;
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

    /// The lookup before the hash index: a binary search of the sorted table.
    fn listed_by_search(word: &str) -> bool {
        STOPWORDS.binary_search(&word).is_ok()
    }

    #[test]
    fn index_finds_every_word_and_agrees_with_search() {
        for w in STOPWORDS {
            assert!(listed(w.as_bytes()), "{w}");
        }
        let mut probes = 0;
        for w in STOPWORDS {
            let (i, _) = slot(w.as_bytes());
            let run = (0..INDEX.len()).take_while(|k| INDEX[(i + k) % INDEX.len()] != 0).count();
            probes = probes.max(run);
        }
        assert!(probes <= 24, "longest probe run {probes}: pick another multiplier in `slot`");
        // Near misses: every stopword with a letter added, removed or replaced, and prefixes.
        for w in STOPWORDS {
            let mut word: heapless::String<64> = heapless::String::new();
            for (at, _) in w.char_indices().chain([(w.len(), ' ')]) {
                for c in ['ا', 'ل', 'ه', 'ي', 'x', 'و'] {
                    word.clear();
                    word.push_str(&w[..at]).unwrap();
                    word.push(c).unwrap();
                    word.push_str(&w[at..]).unwrap();
                    assert_eq!(listed(word.as_bytes()), listed_by_search(&word), "{word}");
                    let next = w[at..].chars().next().map_or(0, char::len_utf8);
                    word.clear();
                    word.push_str(&w[..at]).unwrap();
                    word.push_str(&w[at + next..]).unwrap();
                    assert_eq!(listed(word.as_bytes()), listed_by_search(&word), "{word}");
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
    fn filter_passes_every_stopword_and_few_others() {
        for w in STOPWORDS {
            let (i, tag) = slot(w.as_bytes());
            let bit = filter_bit(i, tag);
            assert_eq!(FILTER[bit / 32] >> (bit % 32) & 1, 1, "{w}");
        }
        let set: u32 = FILTER.iter().map(|w| w.count_ones()).sum();
        assert!(set * 100 / FILTER_BITS as u32 <= 16, "{set} bits set: a miss passes too often");
    }

    #[test]
    fn clitic_filter_holds_every_form_contains_accepts() {
        if cfg!(not(target_pointer_width = "64")) {
            return;
        }
        // Every form it was made from, and so every form `contains_bytes` accepts.
        let mut count = 0;
        for w in STOPWORDS.iter().chain([&""]) {
            clitic_filter::forms(w, |form| {
                let shown = core::str::from_utf8(form).unwrap();
                assert!(in_clitic_filter(form), "{shown}");
                count += 1;
            });
        }
        assert_eq!(count, 345 * 12 * 12);
        // And few content words: of the sample's, under one in ten.
        let sample = include_str!("../../tests/data/sample.txt");
        let mut buf = [0u8; 64];
        let (mut content, mut passed) = (0, 0);
        for w in sample.split_whitespace() {
            let Some(folded) = normalize::word_into(w, &mut buf) else { continue };
            if !contains(folded) {
                content += 1;
                passed += usize::from(in_clitic_filter(folded.as_bytes()));
            }
        }
        assert!(passed * 10 < content, "{passed} of {content} content words pass");
    }

    #[test]
    fn same_is_equality() {
        let words: std::vec::Vec<std::vec::Vec<u8>> = (0..20)
            .flat_map(|n| [std::vec![b'a'; n], [std::vec![b'a'; n], std::vec![b'b']].concat()])
            .collect();
        for a in &words {
            for b in &words {
                for i in 0..a.len() {
                    let mut c = a.clone();
                    c[i] = b'z';
                    assert_eq!(same(&c, b), c == *b, "{c:?} {b:?}");
                }
                assert_eq!(same(a, b), a == b, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn pronoun_suffix_agrees_with_comparing_each_suffix() {
        let by_comparing =
            |w: &str| PRONOUN_SUFFIXES.iter().find(|s| w.ends_with(*s)).map_or(0, |s| s.len());
        let sample = include_str!("../../tests/data/sample.txt");
        let words =
            sample.split_whitespace().chain(PRONOUN_SUFFIXES).chain(STOPWORDS.iter().copied());
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
        let stems = STOPWORDS.iter().copied().chain(["كتاب", "ارهاب", "", "ا", "بيت", "x"]);
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

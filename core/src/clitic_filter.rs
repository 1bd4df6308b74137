// The strings `stopwords::contains_bytes` can accept and their hash into its filter of
// clitic forms (`CLITIC_FILTER`): shared by the crate, which tests words against the filter,
// and `build.rs`, which makes it, so the two cannot disagree. Plain Rust, no paths into the
// crate: `build.rs` includes this file as it is.

/// The conjunctions `contains_bytes` strips first, then the prepositions (`وفي`, `فلهذا`).
pub(crate) const CONJUNCTIONS: [&str; 2] = ["و", "ف"];
pub(crate) const PREPOSITIONS: [&str; 3] = ["ب", "ل", "ك"];

/// Pronoun suffixes that a preposition or particle can carry (`به`, `منها`, `عليهم`, `لدينا`):
/// the list `stopwords::pronoun_suffix` encodes, which its test checks it against.
pub(crate) const PRONOUN_SUFFIXES: [&str; 11] =
    ["ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "نا", "ي"];

/// Calls `f` with every string `contains_bytes` can accept that is built on `word` (a
/// stopword, or `""`): each proclitic sequence (none, a conjunction, a preposition, or a
/// conjunction then a preposition), then `word`, then a pronoun suffix or none. A superset:
/// `لفي` is in it. Built in a stack buffer, so the crate (without `alloc`) and `build.rs`
/// share this one definition of the set.
pub(crate) fn forms(word: &str, mut f: impl FnMut(&[u8])) {
    for conjunction in [""].iter().chain(&CONJUNCTIONS) {
        for preposition in [""].iter().chain(&PREPOSITIONS) {
            for suffix in [""].iter().chain(&PRONOUN_SUFFIXES) {
                let mut buf = [0u8; 64];
                let mut n = 0;
                for part in [conjunction, preposition, word, suffix] {
                    for &b in part.as_bytes() {
                        if let Some(slot) = buf.get_mut(n) {
                            *slot = b;
                        }
                        n += 1;
                    }
                }
                f(buf.get(..n).unwrap_or_default());
            }
        }
    }
}

/// The longest form `contains_bytes` can accept, in bytes: two proclitics, the longest
/// stopword (16 bytes, which a test checks) and the longest suffix.
pub(crate) const LONGEST_FORM: usize = 4 + 16 + 6;

/// Bits of the number of the filter's 64-bit blocks: 8,192 blocks, 64 KB, for about 50,000
/// strings (two bits each), so a string not in it passes one time in about thirty.
pub(crate) const BLOCK_BITS: u32 = 13;

/// A word's block in the filter and its two bits there: a multiplicative hash of its length
/// and its first and last eight (or four) bytes.
#[inline(always)]
pub(crate) fn clitic_bits(bytes: &[u8]) -> (usize, u64) {
    let (head, tail) = match (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
        (Some(h), Some(t)) => (u64::from_le_bytes(*h), u64::from_le_bytes(*t)),
        _ => match (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
            (Some(h), Some(t)) => {
                (u64::from(u32::from_le_bytes(*h)), u64::from(u32::from_le_bytes(*t)))
            }
            _ => (bytes.iter().fold(0, |h, &b| h << 8 | u64::from(b)), 0),
        },
    };
    let h = ((head ^ (bytes.len() as u64) << 58).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ tail)
        .wrapping_mul(0xD6E8_FEB8_6659_FD93);
    let bits = 1 << (h >> 20 & 63) | 1 << (h >> 26 & 63);
    ((h >> (64 - BLOCK_BITS)) as usize, bits)
}

// The strings `stopwords::contains_bytes` can accept and their hash into its filter of
// clitic forms (`CLITIC_FILTER`): shared by the crate, which tests words against the filter,
// and `build.rs`, which makes it, so the two cannot disagree. Plain Rust, no paths into the
// crate: `build.rs` includes this file as it is.

/// The proclitics `contains_bytes` strips, alone or in sequence (`و`/`ف`, then `ب`/`ل`/`ك`).
pub(crate) const PROCLITICS: [&str; 12] =
    ["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"];

/// The pronoun suffixes (`pronoun_suffix`), and none.
pub(crate) const ENDINGS: [&str; 12] =
    ["", "ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "نا", "ي"];

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

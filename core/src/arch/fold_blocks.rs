//! Runs of Arabic letters folded 16 bytes (eight letters) at a time, with SSE2 (which every
//! x86-64 processor has), through the safe wrappers of `safe_arch`: the core forbids `unsafe`
//! itself. A word of news is five letters on average, so one block usually holds it whole,
//! where `normalize::LETTERS` costs a load and a test a letter.

#[cfg(sse2_blocks)]
use safe_arch::{
    add_i16_m128i, bitand_m128i, bitor_m128i, cmp_eq_mask_i16_m128i, cmp_gt_mask_i16_m128i,
    cmp_lt_mask_i16_m128i, load_unaligned_m128i, move_mask_i8_m128i, set_splat_i16_m128i,
    store_unaligned_m128i,
};

/// Whether [`letters`] is compiled in.
pub(crate) const BLOCKS: bool = cfg!(sse2_blocks);

/// The letters at the start of `block` (a char boundary) folded, and how many bytes they
/// take: a prefix of whole two-byte letters, as `normalize::LETTERS` folds them, which
/// stops at the first character that is not a letter of U+0621..U+063F (`ء`…`ؿ`) or
/// U+0641..U+064A (`ف`…`ي`): a space, a mark, a tatweel, punctuation, anything else.
///
/// Each two bytes are read as one little-endian lane, `cont << 8 | lead`: `ب` (D8 A8)
/// is 0xA8D8. A letter is a lane whose lead is D8 and whose whole value, as a signed
/// number, lies above 0xA0D8, or whose lead is D9 and whose value lies strictly between
/// 0x80D9 and 0x8BD9 (every continuation byte is 0x80..=0xBF, so every such lane is
/// negative and the signed compares order them). Seven of those letters fold to another
/// one: each adds its distance to it, lane by lane (`أ` 0xA3D8 + 0x0400 = `ا` 0xA7D8).
#[cfg(sse2_blocks)]
#[inline(always)]
pub(crate) fn letters(block: &[u8; 16]) -> ([u8; 16], usize) {
    let v = load_unaligned_m128i(block);
    let splat = |x: u16| set_splat_i16_m128i(x as i16);
    let is = |x: u16| cmp_eq_mask_i16_m128i(v, splat(x));
    let lead = bitand_m128i(v, splat(0x00FF));
    let d8 = bitand_m128i(
        cmp_eq_mask_i16_m128i(lead, splat(0xD8)),
        cmp_gt_mask_i16_m128i(v, splat(0xA0D8)),
    );
    let d9 = bitand_m128i(
        cmp_eq_mask_i16_m128i(lead, splat(0xD9)),
        bitand_m128i(
            cmp_gt_mask_i16_m128i(v, splat(0x80D9)),
            cmp_lt_mask_i16_m128i(v, splat(0x8BD9)),
        ),
    );
    let letter = bitor_m128i(d8, d9);
    // The distance from each letter that folds to what it folds to, modulo 2^16.
    let mut delta = bitand_m128i(bitor_m128i(is(0xA4D8), is(0xA6D8)), splat(0xE401)); // ؤ ئ: و ي
    for (from, by) in [
        (0xA2D8, 0x0500), // آ: ا
        (0xA3D8, 0x0400), // أ: ا
        (0xA5D8, 0x0200), // إ: ا
        (0xA9D8, 0xDE01), // ة: ه (D9 87)
        (0x89D9, 0x0100), // ى: ي
    ] {
        delta = bitor_m128i(delta, bitand_m128i(is(from), splat(by)));
    }
    let mut out = [0u8; 16];
    store_unaligned_m128i(&mut out, add_i16_m128i(v, delta));
    // Two mask bits a lane: the prefix of letters is the trailing ones.
    let n = (!(move_mask_i8_m128i(letter) as u32)).trailing_zeros() as usize;
    (out, n)
}

#[cfg(not(sse2_blocks))]
pub(crate) fn letters(_: &[u8; 16]) -> ([u8; 16], usize) {
    ([0; 16], 0)
}

#[cfg(all(test, sse2_blocks))]
mod tests {
    use super::letters;
    use crate::normalize::{LETTERS, arabic_low};

    #[test]
    fn letter_blocks_fold_a_prefix_of_letters_as_the_table_does() {
        // Every two-byte sequence of the Arabic block, and an ASCII byte, at every lane after
        // letters (`ب` and `ة`, which folds), with letters after it too.
        let mut taken = std::vec::Vec::new();
        for lane in 0..8 {
            for pair in (0xD8..=0xDBu8).flat_map(|l| (0x80..=0xBFu8).map(move |c| [l, c])) {
                for ascii in [None, Some(b' '), Some(b'a'), Some(b'.')] {
                    let mut block = [0u8; 16];
                    for (i, two) in block.chunks_exact_mut(2).enumerate() {
                        two.copy_from_slice(if i % 2 == 0 { &[0xD8, 0xA8] } else { &[0xD8, 0xA9] });
                    }
                    match ascii {
                        Some(b) => block[2 * lane] = b,
                        None => block[2 * lane..2 * lane + 2].copy_from_slice(&pair),
                    }
                    let (out, n) = letters(&block);
                    let low = |i: usize| arabic_low(block[2 * i], block[2 * i + 1]) as usize;
                    let name = std::format!("{block:02X?}");
                    // It stops at that lane, or takes it and the letters after it.
                    assert!(n == 2 * lane || (n == 16 && ascii.is_none()), "{name}: {n}");
                    for i in 0..n / 2 {
                        assert_ne!(LETTERS[low(i)], 0, "{name} lane {i}");
                        let want = LETTERS[low(i)].to_le_bytes();
                        assert_eq!(out[2 * i..2 * i + 2], want, "{name} lane {i}");
                    }
                    if ascii.is_none() && lane == 0 && n > 0 {
                        taken.push(char::from_u32(0x0600 + low(0) as u32).unwrap());
                    }
                }
            }
        }
        // Exactly the letters the doc comment names: the common ones, not the rare ones
        // (`ٱ`, `پ`), which the table folds one at a time.
        let want: std::vec::Vec<char> =
            ('\u{0621}'..='\u{063F}').chain('\u{0641}'..='\u{064A}').collect();
        assert_eq!(taken, want);
    }
}

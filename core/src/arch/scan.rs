//! The sentence scans' search for the few bytes worth a closer look: control bytes below 0x0E
//! (the line breaks, and tabs) and a handful of others (`.`, the lead bytes of `؟` or of `…`).
//! Arabic prose is mostly letters and spaces, none of them marked, so the widest stride the
//! target has passes many at once: 16 bytes with SSE2 on x86-64 ([`scan_blocks`]), a machine
//! word with bit tricks on other 64-bit targets, a byte elsewhere. The byte loop is the
//! portable fallback and the oracle the tests compare the others against.
//!
//! [`scan_blocks`]: super::scan_blocks

use super::scan_blocks;

/// How a scan steps over plain text ([`find_by`]).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Stride {
    /// A byte at a time: 32-bit targets and WebAssembly, where the word tests gain less than
    /// their code costs in flash.
    Bytes,
    /// A machine word at a time, with bit tricks ([`may_hold`]): 64-bit targets without SSE2.
    Words,
    /// 16 bytes at a time, with SSE2 compares ([`scan_blocks`]): x86-64.
    Blocks,
}

/// This target's stride: the widest it has.
pub(crate) const STRIDE: Stride = if scan_blocks::BLOCKS {
    Stride::Blocks
} else if super::WIDE {
    Stride::Words
} else {
    Stride::Bytes
};

/// The first `stop(at)` that is `Some`, for `at` from `at` on, trying at least every byte
/// that is below 0x0E or one of `also` (`also` holds no byte below 0x0E); `stop` must be
/// `None` at every other byte, where it may or may not be tried. Every stride gives the same
/// result; the caller passes [`STRIDE`], or another to test it.
#[inline(always)]
pub(crate) fn find_by<R, const N: usize>(
    stride: Stride,
    bytes: &[u8],
    mut at: usize,
    also: [u8; N],
    mut stop: impl FnMut(usize) -> Option<R>,
) -> Option<R> {
    let words = matches!(stride, Stride::Words);
    if scan_blocks::BLOCKS && matches!(stride, Stride::Blocks) {
        let rest = bytes.get(at..).unwrap_or_default();
        let (blocks, tail) = rest.as_chunks::<16>();
        for block in blocks {
            let mut bits = scan_blocks::marked(block, also);
            while bits != 0 {
                if let Some(r) = stop(at + bits.trailing_zeros() as usize) {
                    return Some(r);
                }
                bits &= bits - 1;
            }
            at += 16;
        }
        for _ in tail {
            if let Some(r) = stop(at) {
                return Some(r);
            }
            at += 1;
        }
        return None;
    }
    loop {
        if words {
            // Whole words of the rest, without a bounds check each.
            let rest = bytes.get(at..).unwrap_or_default();
            let plain = rest.as_chunks::<MACHINE_WORD>().0.iter();
            at += MACHINE_WORD
                * plain.take_while(|w| !may_hold(usize::from_ne_bytes(**w), also)).count();
        }
        // The word that stopped the skip; or, byte by byte, the rest of the text.
        let next =
            if words { at.saturating_add(MACHINE_WORD).min(bytes.len()) } else { bytes.len() };
        while at < next {
            if let Some(r) = stop(at) {
                return Some(r);
            }
            at += 1;
        }
        if at >= bytes.len() {
            return None;
        }
    }
}

/// Bytes in a machine word: the unit of the word-at-a-time scans.
const MACHINE_WORD: usize = core::mem::size_of::<usize>();
/// 0x01 in every byte of a word.
const ONES: usize = usize::MAX / 0xFF;
/// 0x80 in every byte of a word.
const HIGHS: usize = ONES << 7;

/// Whether a byte of `x` is `b` (Mycroft's zero-byte test on `x ^ b…b`; exact).
#[inline(always)]
const fn has_byte(x: usize, b: u8) -> bool {
    let y = x ^ (ONES * b as usize);
    y.wrapping_sub(ONES) & !y & HIGHS != 0
}

/// Whether a byte of `x` is below `n`, for `n <= 0x80` (exact).
#[inline(always)]
const fn has_below(x: usize, n: u8) -> bool {
    x.wrapping_sub(ONES * n as usize) & !x & HIGHS != 0
}

/// Whether a byte of `x` is below 0x0E or one of `also` (exact).
#[inline(always)]
const fn may_hold<const N: usize>(x: usize, also: [u8; N]) -> bool {
    let mut found = has_below(x, 0x0E);
    let mut i = 0;
    while i < N {
        found |= has_byte(x, also[i]);
        i += 1;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALSO: [u8; 4] = [b'.', 0xC2, 0xE2, 0x9F];

    fn marked(b: u8) -> bool {
        b < 0x0E || ALSO.contains(&b)
    }

    #[test]
    fn words_and_blocks_mark_exactly_the_bytes_asked_for() {
        for b in 0..=255u8 {
            for at in 0..16 {
                let mut bytes = [b'a'; 16];
                bytes[at] = b;
                let word = usize::from_ne_bytes(*bytes.first_chunk().unwrap());
                let want = marked(b) && at < MACHINE_WORD;
                assert_eq!(may_hold(word, ALSO), want, "word {b:#04x} at {at}");
                if scan_blocks::BLOCKS {
                    let bits = scan_blocks::marked(&bytes, ALSO);
                    assert_eq!(bits, u32::from(marked(b)) << at, "block {b:#04x} at {at}");
                }
            }
        }
    }

    #[test]
    fn every_stride_finds_what_the_byte_loop_finds() {
        // Marked bytes at every offset around word and block edges, among Arabic letters.
        let mut text = "ب".repeat(40).into_bytes();
        for at in 0..text.len() {
            for b in [b'.', b'\n', b'\t', 0xC2, 0x9F, b'a'] {
                let saved = text[at];
                text[at] = b;
                for from in [0, 1, at.saturating_sub(3), at, at + 1] {
                    let stop = |i: usize| (text.get(i) == Some(&b) && marked(b)).then_some(i);
                    let want = find_by(Stride::Bytes, &text, from, ALSO, stop);
                    for stride in [Stride::Words, Stride::Blocks] {
                        let got = find_by(stride, &text, from, ALSO, stop);
                        assert_eq!(got, want, "{stride:?}: {b:#04x} at {at} from {from}");
                    }
                }
                text[at] = saved;
            }
        }
    }
}

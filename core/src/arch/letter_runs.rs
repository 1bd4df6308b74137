//! Runs of Arabic letters folded without decoding them one by one: on 64-bit targets, where
//! a letter then costs a table load ([`LETTERS`]), or a lane of an SSE2 block
//! ([`fold_blocks`]), instead of a decode and a match. A 32-bit device keeps the one table
//! and the one loop of `normalize::fold_from` (flash), which is the fallback here and the
//! oracle of `normalize`'s tests.

use super::fold_blocks;
use crate::normalize::{LETTERS, arabic_low, is_arabic_lead};

/// Whether [`fold`] folds anything on this target.
pub(crate) const RUNS: bool = super::WIDE;

/// Folds the run of Arabic letters at the start of `rest` into `out` from byte `len`, as
/// `normalize::fold_from` would, writing only what fits: the rest after the run, and `len`
/// and `chars` counted on (`len` counts bytes that did not fit too). `word_start`: `rest`
/// starts a word. Nothing where the target has no runs ([`RUNS`]).
#[inline(always)]
pub(crate) fn fold<'a>(
    mut rest: &'a [u8],
    word_start: bool,
    out: &mut [u8],
    mut len: usize,
    mut chars: usize,
) -> (&'a [u8], (usize, usize)) {
    if !RUNS {
        return (rest, (len, chars));
    }
    // From a word's start: eight letters a step with SSE2 ([`fold_blocks`]) while 16 bytes
    // are left in the text and in `out`, or else two a step while they last (a word has
    // five on average); then one. Only from the start, since a text with marks (`كِتَابٌ`)
    // breaks its runs after every letter and would pay for a failed step each time; and a
    // block only if the word starts with an Arabic character not followed by a mark, for the
    // same reason and for Latin words. (Pairs after the blocks, for a word's last bytes, cost
    // more than they saved.)
    let plain = |rest: &[u8]| match rest {
        [l0, _, l1, c1, ..] => *l0 & 0xFE == 0xD8 && (*l1 != 0xD9 || *c1 < 0x8B),
        _ => false,
    };
    while fold_blocks::BLOCKS
        && word_start
        && plain(rest)
        && let Some(chunk) = rest.first_chunk::<16>()
        && let Some(dst) = out.get_mut(len..).and_then(|b| b.first_chunk_mut::<16>())
    {
        let (folded, n) = fold_blocks::letters(chunk);
        *dst = folded;
        (rest, len, chars) = (rest.get(n..).unwrap_or_default(), len + n, chars + n / 2);
        if n < 16 {
            break;
        }
    }
    while !fold_blocks::BLOCKS
        && word_start
        && let [l0, c0, l1, c1, tail @ ..] = rest
        && u16::from_le_bytes([*l0, *l1]) & 0xFCFC == 0xD8D8
        && let out0 = LETTERS[arabic_low(*l0, *c0) as usize]
        && let out1 = LETTERS[arabic_low(*l1, *c1) as usize]
        && (out0 != 0) & (out1 != 0)
    {
        if let Some(dst) = out.get_mut(len..len + 4) {
            dst.copy_from_slice(&(u32::from(out0) | u32::from(out1) << 16).to_le_bytes());
        }
        (rest, len, chars) = (tail, len + 4, chars + 2);
    }
    while let [lead, cont, tail @ ..] = rest
        && is_arabic_lead(*lead)
        && let folded = LETTERS[arabic_low(*lead, *cont) as usize]
        && folded != 0
    {
        if let Some(dst) = out.get_mut(len..len + 2) {
            dst.copy_from_slice(&folded.to_le_bytes());
        }
        (rest, len, chars) = (tail, len + 2, chars + 1);
    }
    (rest, (len, chars))
}

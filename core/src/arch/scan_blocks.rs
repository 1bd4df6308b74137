//! The scans 16 bytes at a time, with SSE2 (which every x86-64 processor has), through the
//! safe wrappers of `safe_arch`: the core forbids `unsafe` itself.

#[cfg(sse2_blocks)]
use safe_arch::{
    bitor_m128i, cmp_eq_mask_i8_m128i, load_unaligned_m128i, min_u8_m128i, move_mask_i8_m128i,
    set_splat_i8_m128i,
};

/// Whether [`stops`] and [`breaks`] are compiled in.
pub(crate) const BLOCKS: bool = cfg!(sse2_blocks);

/// A bit for each byte of `block` that is below 0x0E or one of `also`.
#[cfg(sse2_blocks)]
#[inline(always)]
fn marked<const N: usize>(block: &[u8; 16], also: [u8; N]) -> u32 {
    let v = load_unaligned_m128i(block);
    // `min(b, 0x0D) == b`: `b <= 0x0D`, unsigned (the signed compare would take every
    // byte from 0x80 on).
    let mut m = cmp_eq_mask_i8_m128i(min_u8_m128i(v, set_splat_i8_m128i(0x0D)), v);
    for b in also {
        m = bitor_m128i(m, cmp_eq_mask_i8_m128i(v, set_splat_i8_m128i(b as i8)));
    }
    move_mask_i8_m128i(m) as u32
}

/// The bytes of `block` where the sentence scan may stop (`sentences::may_stop`).
#[cfg(sse2_blocks)]
#[inline(always)]
pub(crate) fn stops(block: &[u8; 16]) -> u32 {
    marked(block, crate::sentences::OTHER_STOPS)
}

/// The bytes of `block` where a line break may start (`sentences::may_break`).
#[cfg(sse2_blocks)]
#[inline(always)]
pub(crate) fn breaks(block: &[u8; 16]) -> u32 {
    marked(block, [0xC2, 0xE2])
}

#[cfg(not(sse2_blocks))]
pub(crate) fn stops(_: &[u8; 16]) -> u32 {
    u32::MAX
}

#[cfg(not(sse2_blocks))]
pub(crate) fn breaks(_: &[u8; 16]) -> u32 {
    u32::MAX
}

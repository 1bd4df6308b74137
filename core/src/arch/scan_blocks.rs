//! The scans 16 bytes at a time ([`scan`](super::scan)), with SSE2 (which every x86-64
//! processor has), through the safe wrappers of `safe_arch`: the core forbids `unsafe` itself.

#[cfg(sse2_blocks)]
use safe_arch::{
    bitor_m128i, cmp_eq_mask_i8_m128i, load_unaligned_m128i, min_u8_m128i, move_mask_i8_m128i,
    set_splat_i8_m128i,
};

/// Whether [`marked`] is compiled in.
pub(crate) const BLOCKS: bool = cfg!(sse2_blocks);

/// A bit for each byte of `block` that is below 0x0E or one of `also`.
#[cfg(sse2_blocks)]
#[inline(always)]
pub(crate) fn marked<const N: usize>(block: &[u8; 16], also: [u8; N]) -> u32 {
    let v = load_unaligned_m128i(block);
    // `min(b, 0x0D) == b`: `b <= 0x0D`, unsigned (the signed compare would take every
    // byte from 0x80 on).
    let mut m = cmp_eq_mask_i8_m128i(min_u8_m128i(v, set_splat_i8_m128i(0x0D)), v);
    for b in also {
        m = bitor_m128i(m, cmp_eq_mask_i8_m128i(v, set_splat_i8_m128i(b as i8)));
    }
    move_mask_i8_m128i(m) as u32
}

/// Every byte, where there is no SSE2 (never called: [`BLOCKS`] is false).
#[cfg(not(sse2_blocks))]
pub(crate) fn marked<const N: usize>(_: &[u8; 16], _: [u8; N]) -> u32 {
    u32::MAX
}

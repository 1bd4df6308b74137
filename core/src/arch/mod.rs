//! Target-specific kernels, in the manner of memchr's `arch/`: each module offers the same
//! functions on every target, the fast form where the target has it (SSE2 on x86-64, chosen
//! by the `sse2_blocks` cfg that `build.rs` sets) and a portable stand-in elsewhere, so the
//! stages that call them name no target. The stages keep the portable scalar loops their
//! tests compare the fast forms against.

pub(crate) mod filter_bits;
pub(crate) mod fold_blocks;
pub(crate) mod letter_runs;
pub(crate) mod scan;
pub(crate) mod scan_blocks;

pub(crate) use filter_bits::FilterBits;

/// Whether the target is 64-bit: a host or a server, where speed is worth code and tables
/// that a 32-bit microcontroller's flash cannot spare (the letter-run fold, word-at-a-time
/// scans, the term bit sets, ranking keywords once).
pub(crate) const WIDE: bool = cfg!(target_pointer_width = "64");

/// Whether the term table's spare slots hold pass 1's cache of forms and the words it keeps
/// (`build.rs` sets `spare_slots` on 64-bit targets and WebAssembly).
pub(crate) const SPARE_SLOTS: bool = cfg!(spare_slots);

#[cfg(test)]
mod tests {
    #[test]
    fn build_rs_sets_spare_slots_on_64_bit_and_wasm_targets_only() {
        // Without it the cache and the kept words would silently vanish, and with them the
        // tests of `terms` that need them.
        let wanted = cfg!(any(target_pointer_width = "64", target_arch = "wasm32"));
        assert_eq!(cfg!(spare_slots), wanted);
        assert_eq!(super::SPARE_SLOTS, wanted);
    }
}

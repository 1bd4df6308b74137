//! Target-specific kernels, in the manner of memchr's `arch/`: each module offers the same
//! functions on every target, the fast form where the target has it (SSE2 on x86-64, chosen
//! by the `sse2_blocks` cfg that `build.rs` sets) and a portable stand-in elsewhere, so the
//! stages that call them name no target. The stages keep the portable scalar loops their
//! tests compare the fast forms against.

pub(crate) mod fold_blocks;
pub(crate) mod scan_blocks;

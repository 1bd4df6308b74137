//! One name for a policy the core's code would otherwise spell in a dozen places:
//! `spare_slots` is set on targets where the term table's spare slots hold pass 1's cache of
//! forms and the words it keeps (`terms::Recent`, `terms::Packer`): 64-bit hosts, and
//! WebAssembly, whose module has room for their code and whose scratch has slots to spare,
//! where an article then reads and classifies each word once. A 32-bit
//! microcontroller counts its flash and sizes its scratch to the byte: no spare slots to
//! use, and no code for them.
//!
//! `sse2_blocks` is set on x86-64 with SSE2 (every x86-64 processor has it), where the
//! sentence scans and the fold take 16 bytes at a time through `safe_arch`: the same
//! condition as that dependency's in `Cargo.toml`, which must spell it out.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rustc-check-cfg=cfg(spare_slots)");
    println!("cargo::rustc-check-cfg=cfg(sse2_blocks)");
    let width = std::env::var("CARGO_CFG_TARGET_POINTER_WIDTH").unwrap_or_default();
    let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    if width == "64" || arch == "wasm32" {
        println!("cargo::rustc-cfg=spare_slots");
    }
    let features = std::env::var("CARGO_CFG_TARGET_FEATURE").unwrap_or_default();
    if arch == "x86_64" && features.split(',').any(|f| f == "sse2") {
        println!("cargo::rustc-cfg=sse2_blocks");
    }
}

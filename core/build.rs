//! One name for a policy the core's code would otherwise spell in a dozen places:
//! `spare_slots` is set on targets where the term table's spare slots hold pass 1's cache of
//! forms and the words it keeps (`score::Recent`, `score::Packer`): 64-bit hosts, and
//! WebAssembly, whose module has room for them (2.4 KB after `wasm-opt -Oz`) and whose
//! scratch has slots to spare (an article runs 2.3 times as fast in Node). A 32-bit
//! microcontroller counts its flash and sizes its scratch to the byte: no spare slots to
//! use, and no code for them.
//!
//! `sse2_blocks` is set on x86-64 with SSE2 (every x86-64 processor has it), where the
//! sentence scans and the fold take 16 bytes at a time through `safe_arch`: the same
//! condition as that dependency's in `Cargo.toml`, which must spell it out.

#[allow(dead_code)]
mod clitic_filter {
    include!("src/clitic_filter.rs");
}

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/clitic_filter.rs");
    println!("cargo::rerun-if-changed=src/stopwords_table.rs");
    println!("cargo::rustc-check-cfg=cfg(spare_slots)");
    println!("cargo::rustc-check-cfg=cfg(sse2_blocks)");
    clitic_forms();
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

/// Writes `$OUT_DIR/clitic_filter.bin`, the filter of every string `stopwords::contains_bytes`
/// can accept (`stopwords::CLITIC_FILTER`): each proclitic sequence, then a stopword of
/// `src/stopwords_table.rs` or nothing, then a pronoun suffix or nothing. 64-bit blocks,
/// little-endian.
fn clitic_forms() {
    use clitic_filter::{BLOCK_BITS, clitic_bits, forms};
    let table = std::fs::read_to_string("src/stopwords_table.rs").expect("the stopword table");
    let list = table.split_once("= [").expect("the table's list").1;
    // The table's strings, in their quotes.
    let stopwords = list.split('"').skip(1).step_by(2);
    let mut filter = vec![0u64; 1 << BLOCK_BITS];
    for word in stopwords.chain([""]) {
        forms(word, |form| {
            let (block, bits) = clitic_bits(form);
            filter[block] |= bits;
        });
    }
    let bytes: Vec<u8> = filter.iter().flat_map(|b| b.to_le_bytes()).collect();
    let out =
        std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("clitic_filter.bin");
    std::fs::write(out, bytes).expect("the clitic filter");
}

//! Links only if no panic path survives in `Summarizer::summarize` and
//! `Summarizer::keywords` on the host (x86_64): the panic handler calls a function that does
//! not exist, so the link fails if any call to it is left after optimization. Inputs pass
//! through `black_box`, so nothing is computed at compile time. Build it in release (LTO).
//!
//! With `--features panic-never-postcard` it also encodes both results with postcard.

#![no_std]
#![no_main]

use core::hint::black_box;

use talkhis::{Config, Keywords, Summarizer, Summary};

#[link(name = "c")]
unsafe extern "C" {}

unsafe extern "C" {
    /// Defined nowhere: referencing it fails the link.
    fn talkhis_panic_path_survived() -> !;
}

#[unsafe(no_mangle)]
extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let text: &str = black_box(include_str!("../../../../tests/data/sample.txt"));
    let config: Config = black_box(Config::new());
    let mut scratch: Summarizer<64, 512> = Summarizer::new();
    let summary = scratch.summarize::<5>(text, &config);
    let keywords = scratch.keywords::<10>(text, &config);
    encode(&summary, &keywords);
    i32::from(black_box((summary, keywords)).0.is_err())
}

/// Encodes both results with postcard (feature `panic-never-postcard`).
#[cfg(feature = "panic-never-postcard")]
fn encode(
    summary: &Result<Summary<'_, 5>, talkhis::Error>,
    keywords: &Result<Keywords<'_, 10>, talkhis::Error>,
) {
    let mut buf = [0u8; 4096];
    let len = black_box(buf.len());
    if let (Ok(s), Some(b)) = (summary, buf.get_mut(..len)) {
        black_box(s.to_postcard(b).map(|b| b.len()));
    }
    if let (Ok(k), Some(b)) = (keywords, buf.get_mut(..len)) {
        black_box(k.to_postcard(b).map(|b| b.len()));
    }
}

#[cfg(not(feature = "panic-never-postcard"))]
fn encode(
    _: &Result<Summary<'_, 5>, talkhis::Error>,
    _: &Result<Keywords<'_, 10>, talkhis::Error>,
) {
}

/// Debug builds link core's unwinding tables, which name this; release + LTO drops them.
#[cfg(debug_assertions)]
#[unsafe(no_mangle)]
extern "C" fn rust_eh_personality() {}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    // SAFETY: never runs; the call only exists if a panic path survived, and then the link fails.
    unsafe { talkhis_panic_path_survived() }
}

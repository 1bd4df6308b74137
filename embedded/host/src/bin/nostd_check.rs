//! Proves on the host that the core needs neither `std` nor an allocator: a `#![no_std]`
//! `#![no_main]` binary with its own panic handler that calls the core (with the `serde` and
//! `postcard` features on). The link fails with E0152 (a second `panic_impl`) if any
//! dependency pulls in `std`, and with "no global memory allocator found" if anything
//! allocates. It also runs: exit code 0 if the sample article gets a summary and keywords.
//!
//! `cargo run -p talkhis-embedded-host --bin nostd_check --target x86_64-unknown-linux-gnu --release`

#![no_std]
#![no_main]

use core::hint::black_box;

use talkhis::{Config, Keywords, Summarizer, Summary};

// The C runtime calls `main`; nothing from Rust's `std`.
#[link(name = "c")]
unsafe extern "C" {
    fn abort() -> !;
}

#[unsafe(no_mangle)]
extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let text = black_box(include_str!("../../../../tests/data/sample.txt"));
    let mut scratch: Summarizer<64, 512> = Summarizer::new();
    let Ok(mut doc) = scratch.analyze(text, &Config::new()) else { return 1 };
    let summary: Summary<'_, 3> = doc.summary();
    let keywords: Keywords<'_, 10> = doc.keywords();
    let mut buf = [0u8; 4096];
    let encoded = summary.to_postcard(&mut buf).map(|b| b.len()).unwrap_or(0)
        + keywords.to_postcard(&mut buf).map(|b| b.len()).unwrap_or(0);
    i32::from(summary.sentences.is_empty() || keywords.keywords.is_empty() || encoded == 0)
}

/// Debug builds link core's unwinding tables, which name this; release + LTO drops them.
#[cfg(debug_assertions)]
#[unsafe(no_mangle)]
extern "C" fn rust_eh_personality() {}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    // SAFETY: `abort` from the C library takes no arguments and never returns.
    unsafe { abort() }
}

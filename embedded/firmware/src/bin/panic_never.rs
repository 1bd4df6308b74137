//! Links only if no panic path survives in `Summarizer::summarize` and `Summarizer::keywords`:
//! the panic handler calls a function that does not exist, so the link fails (naming it) if
//! any call to the handler is left after optimization. Inputs pass through `black_box`, so
//! nothing is computed at compile time.
//!
//! `cargo build --release --features panic-never --bin panic_never` (either Cortex-M target).
//! With `--features panic-never-postcard` it also encodes both results with postcard.

#![no_std]
#![no_main]

use core::cell::RefCell;
use core::hint::black_box;

use cortex_m::interrupt::{self, Mutex};
use cortex_m_rt::entry;
use cortex_m_semihosting::debug;
use talkhis::{Config, Keywords, Summary};
use talkhis_firmware::Scratch;
use talkhis_firmware::setup::{CONFIG, KEYWORDS, SAMPLE, SUMMARY};

static SCRATCH: Mutex<RefCell<Scratch>> = Mutex::new(RefCell::new(Scratch::new()));

#[entry]
fn main() -> ! {
    let text: &'static str = black_box(SAMPLE);
    let config: Config = black_box(CONFIG);
    interrupt::free(|cs| {
        let Ok(mut scratch) = SCRATCH.borrow(cs).try_borrow_mut() else { return };
        let summary = scratch.summarize::<SUMMARY>(text, &config);
        let keywords = scratch.keywords::<KEYWORDS>(text, &config);
        encode(&summary, &keywords);
        let _ = black_box((summary, keywords));
    });
    debug::exit(debug::EXIT_SUCCESS);
    #[allow(clippy::empty_loop)]
    loop {}
}

/// Encodes both results with postcard (feature `panic-never-postcard`).
#[cfg(feature = "panic-never-postcard")]
fn encode(
    summary: &Result<Summary<'_, SUMMARY>, talkhis::Error>,
    keywords: &Result<Keywords<'_, KEYWORDS>, talkhis::Error>,
) {
    let mut buf = [0u8; 2048];
    let len = black_box(buf.len());
    if let (Ok(s), Some(b)) = (summary, buf.get_mut(..len)) {
        let _ = black_box(s.to_postcard(b).map(|b| b.len()));
    }
    if let (Ok(k), Some(b)) = (keywords, buf.get_mut(..len)) {
        let _ = black_box(k.to_postcard(b).map(|b| b.len()));
    }
}

#[cfg(not(feature = "panic-never-postcard"))]
fn encode(
    _: &Result<Summary<'_, SUMMARY>, talkhis::Error>,
    _: &Result<Keywords<'_, KEYWORDS>, talkhis::Error>,
) {
}

unsafe extern "C" {
    /// Defined nowhere: referencing it fails the link.
    fn talkhis_panic_path_survived() -> !;
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    // SAFETY: never runs; the call only exists if a panic path survived, and then the link fails.
    unsafe { talkhis_panic_path_survived() }
}

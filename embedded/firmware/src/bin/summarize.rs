//! The firmware: summarizes the texts of `setup` on the device, logs the summaries and
//! keywords, checks them against what the host computed, and exits through semihosting.
//!
//! `cargo run --release --bin summarize` (Cortex-M0, QEMU `microbit`), or with
//! `--target thumbv7em-none-eabihf` (Cortex-M4F, QEMU `mps2-an386`).

#![no_std]
#![no_main]

use cortex_m_rt::entry;
use talkhis_firmware::setup::CONFIG;
use talkhis_firmware::{Results, Scratch, run};

#[entry]
fn main() -> ! {
    run(analyze)
}

/// One analysis, then the summary and the keywords from it. Not inlined into `run`, so its
/// frame is not merged with the logging code's.
#[inline(never)]
fn analyze(scratch: &mut Scratch, text: &'static str) -> Result<Results, talkhis::Error> {
    let mut doc = scratch.analyze(text, &CONFIG)?;
    Ok(Results { summary: doc.summary(), keywords: doc.keywords() })
}

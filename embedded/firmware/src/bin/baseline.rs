//! The `summarize` firmware without the core: the same logging, checking and reporting, with
//! the analysis replaced by a stub the optimizer cannot see through. Its flash, subtracted
//! from `summarize`'s, is what the core costs. It is built, never run (its checks would fail).

#![no_std]
#![no_main]

use core::hint::black_box;

use cortex_m_rt::entry;
use talkhis::{Keywords, Summary};
use talkhis_firmware::{Results, Scratch, run};

#[entry]
fn main() -> ! {
    run(analyze)
}

/// Empty results, opaque to the optimizer so the code that logs and checks them stays.
fn analyze(scratch: &mut Scratch, text: &'static str) -> Result<Results, talkhis::Error> {
    black_box((scratch, text));
    black_box(Ok(Results {
        summary: Summary { sentences: heapless::Vec::new(), total_sentences: 0, total_words: 0 },
        keywords: Keywords { keywords: heapless::Vec::new() },
    }))
}

//! talkhis on a Cortex-M: the parts shared by the firmware binaries.
//!
//! - [`setup`]: the texts, configuration and capacities (shared with `build.rs`).
//! - [`expected`]: what the host computed for each text at build time.
//! - [`stack`]: stack painting, to measure the peak stack on the device.
//! - [`run`]: the firmware proper: summarize each text, log, compare, report, exit.
//!
//! The bins are `summarize` (the firmware), `baseline` (the same firmware with the core's calls
//! replaced by a stub, to measure the core's flash), `device_tests` and `panic_never`.

#![no_std]

use core::cell::RefCell;

use cortex_m::interrupt::{self, Mutex};
use cortex_m_semihosting::debug;
use talkhis::{Error, Keywords, Summarizer, Summary};

/// What the firmware runs: texts, configuration and capacities. `build.rs` includes the same
/// file, so the expected results are computed on the host from exactly these.
pub mod setup;
pub mod stack;

// The defmt logger: frames go out through semihosting, `defmt-print -e ELF` decodes them.
#[cfg(feature = "defmt")]
use defmt_semihosting as _;

use setup::{KEYWORDS, SENTENCES, SUMMARY, TERMS, TEXTS};

/// Prints one line: through defmt (feature `defmt`) or as plain semihosting text.
///
/// Use only `{}` placeholders with `&str`, integers and talkhis types, which both backends
/// accept (`Display` for semihosting, `defmt::Format` for defmt).
#[macro_export]
macro_rules! log {
    ($($arg:tt)*) => {{
        #[cfg(feature = "defmt")]
        defmt::println!($($arg)*);
        #[cfg(not(feature = "defmt"))]
        cortex_m_semihosting::hprintln!($($arg)*);
    }};
}

/// The scratch space the firmware uses: the capacities of [`setup`].
pub type Scratch = Summarizer<SENTENCES, TERMS>;

/// The scratch lives in a `static`, not on the 16 KB device's stack. `Summarizer::new` is a
/// `const fn`; the critical-section `Mutex` makes the `static` `Sync` without `static mut`.
static SCRATCH: Mutex<RefCell<Scratch>> = Mutex::new(RefCell::new(Scratch::new()));

/// What the firmware gets for one text.
#[derive(Debug)]
pub struct Results {
    /// The summary.
    pub summary: Summary<'static, SUMMARY>,
    /// The keywords.
    pub keywords: Keywords<'static, KEYWORDS>,
}

/// Computes the results for one text with the given scratch space.
pub type Analyze = fn(&mut Scratch, &'static str) -> Result<Results, Error>;

/// What the host computed for each text of [`setup::TEXTS`], in the same order.
pub mod expected {
    /// The expected results for one text.
    #[derive(Debug)]
    pub struct Expected {
        /// The text's name in [`TEXTS`](crate::setup::TEXTS).
        pub name: &'static str,
        /// `Summary::total_sentences`.
        pub sentences: u32,
        /// `Summary::total_words`.
        pub words: u32,
        /// The number of distinct content terms (what `TERMS` must hold).
        pub terms: usize,
        /// The summary's sentences: `(start, byte length, score)`.
        pub summary: &'static [(usize, usize, u32)],
        /// The keywords: `(start, byte length, score, count)`.
        pub keywords: &'static [(usize, usize, u32, u16)],
    }

    include!(concat!(env!("OUT_DIR"), "/expected.rs"));
}

/// The firmware: summarizes each text with `analyze`, logs the results, compares them with
/// what the host computed, reports RAM use, and exits through semihosting (QEMU's exit code 0
/// if everything matched, 1 if not).
pub fn run(analyze: Analyze) -> ! {
    log!("talkhis firmware: scratch Summarizer<{}, {}> = {} bytes", SENTENCES, TERMS, {
        core::mem::size_of::<Scratch>()
    });
    let mut failures = 0u32;
    let (mut peak, mut core_peak) = (0usize, 0usize);
    for ((name, text), expected) in TEXTS.iter().zip(&expected::EXPECTED) {
        stack::paint();
        let result = interrupt::free(|cs| {
            let mut scratch = SCRATCH.borrow(cs).borrow_mut();
            let caller = stack::pointer();
            let result = analyze(&mut scratch, text);
            core_peak = core_peak.max(caller.saturating_sub(stack::lowest()));
            result
        });
        let used = stack::peak();
        peak = peak.max(used);
        log!("== {}: {} bytes, peak stack {} bytes", name, text.len(), used);
        match result {
            Ok(results) => failures += report(text, &results, expected),
            Err(e) => {
                log!("error: {}", e);
                failures += 1;
            }
        }
    }
    // What using the core costs: the scratch, the results (in the caller's frame) and the
    // stack the analysis used below its caller. `firmware-stack` is the whole stack's high
    // water mark, from its top: reset handler, `main`, `run` and its logging included.
    let scratch = core::mem::size_of::<Scratch>();
    let results = core::mem::size_of::<Result<Results, Error>>();
    let total = scratch + results + core_peak;
    log!(
        "ram: scratch={} results={} stack={} total={} firmware-stack={}",
        scratch,
        results,
        core_peak,
        total,
        peak
    );
    if failures == 0 {
        log!("all {} texts match the host", TEXTS.len());
        exit(true)
    }
    log!("{} mismatches with the host", failures);
    exit(false)
}

/// Logs one text's results and counts their differences from `expected`. Not inlined, so its
/// locals are not on the stack while the core runs.
#[inline(never)]
fn report(text: &str, results: &Results, expected: &expected::Expected) -> u32 {
    let Results { summary, keywords } = results;
    log!("sentences={} words={} terms={}", summary.total_sentences, summary.total_words, {
        expected.terms
    });
    log!("-- summary");
    for s in &summary.sentences {
        log!("[{} @{}] {}", s.score, s.start, s.text);
    }
    log!("-- keywords");
    for k in &keywords.keywords {
        log!("{} x{} [{}]", k.text, k.count, k.score);
    }
    let mut failures = 0;
    let mut check = |ok: bool, what: &str| {
        if !ok {
            log!("MISMATCH {}: {}", expected.name, what);
            failures += 1;
        }
    };
    check(summary.total_sentences == expected.sentences, "total sentences");
    check(summary.total_words == expected.words, "total words");
    check(summary.sentences.len() == expected.summary.len(), "summary length");
    for (s, &(start, len, score)) in summary.sentences.iter().zip(expected.summary) {
        check(s.start == start && s.text.len() == len && s.score.0 == score, "summary sentence");
        check(text.get(s.start..s.start + s.text.len()) == Some(s.text), "sentence span");
    }
    check(keywords.keywords.len() == expected.keywords.len(), "keyword count");
    for (k, &(start, len, score, count)) in keywords.keywords.iter().zip(expected.keywords) {
        let same = k.start == start && k.text.len() == len && k.score.0 == score;
        check(same && k.count == count, "keyword");
        check(text.get(k.start..k.start + k.text.len()) == Some(k.text), "keyword span");
    }
    failures
}

/// Ends the QEMU session: exit code 0 on success, 1 on failure.
pub fn exit(success: bool) -> ! {
    debug::exit(if success { debug::EXIT_SUCCESS } else { debug::EXIT_FAILURE });
    #[allow(clippy::empty_loop)]
    loop {}
}

/// Logs the panic and fails the run. `panic_never` brings its own handler instead.
#[cfg(not(feature = "panic-never"))]
#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    #[cfg(feature = "defmt")]
    defmt::println!("panic: {}", defmt::Display2Format(info));
    #[cfg(not(feature = "defmt"))]
    cortex_m_semihosting::hprintln!("panic: {}", info);
    exit(false)
}

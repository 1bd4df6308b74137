//! 1. Picks the memory layout of the QEMU board for the target (`memory.x`).
//! 2. Computes, with the talkhis core compiled for the host, what the firmware must get for
//!    each text of `src/setup.rs`, and writes it to `$OUT_DIR/expected.rs`. The firmware
//!    compares its own results with these, so nothing is written down by hand.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::{env, fs};

use talkhis::{Config, Keywords, Summarizer, Summary};

#[allow(dead_code)]
mod setup {
    include!("src/setup.rs");
}

/// Room for any of the texts on the host; the device's own capacities are in `setup`.
type Host = Summarizer<4096, 16384>;

fn main() {
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR"));
    let target = env::var("TARGET").expect("TARGET");
    let memory = match target.as_str() {
        "thumbv6m-none-eabi" => "memory/microbit.x",
        "thumbv7em-none-eabihf" => "memory/mps2-an386.x",
        other => {
            panic!("no QEMU board for {other}: use thumbv6m-none-eabi or thumbv7em-none-eabihf")
        }
    };
    fs::copy(memory, out.join("memory.x")).expect("copy memory.x");
    println!("cargo:rustc-link-search={}", out.display());
    println!("cargo:rustc-link-arg-bins=-Tlink.x");
    if env::var_os("CARGO_FEATURE_DEFMT").is_some() {
        println!("cargo:rustc-link-arg-bins=-Tdefmt.x");
    }
    fs::write(out.join("expected.rs"), expected()).expect("write expected.rs");
    for path in ["src/setup.rs", "memory", "../texts", "../../tests/data/sample.txt"] {
        println!("cargo:rerun-if-changed={path}");
    }
}

/// `pub const EXPECTED: [Expected; N] = [...]`, one entry per text of `setup::TEXTS`.
fn expected() -> String {
    let mut scratch = Box::new(Host::new());
    let mut code = String::from("/// Computed by build.rs with the core built for the host.\n");
    writeln!(code, "pub const EXPECTED: [Expected; {}] = [", setup::TEXTS.len()).unwrap();
    for (name, text) in setup::TEXTS {
        let mut doc =
            scratch.analyze(text, &setup::CONFIG).unwrap_or_else(|e| panic!("{name}: {e}"));
        let summary: Summary<'_, { setup::SUMMARY }> = doc.summary();
        let keywords: Keywords<'_, { setup::KEYWORDS }> = doc.keywords();
        let terms = distinct_terms(&mut scratch, text);
        writeln!(
            code,
            "    Expected {{ name: {name:?}, sentences: {}, words: {}, terms: {terms},",
            { summary.total_sentences },
            summary.total_words
        )
        .unwrap();
        code.push_str("        summary: &[");
        for s in &summary.sentences {
            write!(code, "({}, {}, {}), ", s.start, s.text.len(), s.score.0).unwrap();
        }
        code.push_str("],\n        keywords: &[");
        for k in &keywords.keywords {
            write!(code, "({}, {}, {}, {}), ", k.start, k.text.len(), k.score.0, k.count).unwrap();
        }
        code.push_str("] },\n");
    }
    code.push_str("];\n");
    code
}

/// The number of distinct content terms of `text`: every term is a keyword candidate, so
/// asking for more keywords than there are terms (and for no keyphrases) returns all of them.
fn distinct_terms(scratch: &mut Host, text: &str) -> usize {
    let all = Config::new().with_keywords(u16::MAX).with_phrase_weight(0);
    let doc = scratch.analyze(text, &all).expect("fits");
    let keywords: Box<Keywords<'_, 16384>> = Box::new(doc.keywords());
    keywords.keywords.len()
}

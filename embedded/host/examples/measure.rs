//! Prints, for each file, what sizes a `Summarizer` needs for it: words, sentences and
//! distinct content terms, so the firmware's capacities can be checked against real articles.
//!
//! `cargo run -p talkhis-embedded-host --example measure --target x86_64-unknown-linux-gnu -- FILE...`

use talkhis::{Config, Summarizer};

/// Room for any article of the corpora.
type Big = Summarizer<4096, 16384>;

fn main() {
    // Every distinct term is a keyword candidate: ask for all of them, and for no keyphrases.
    let config = Config::new().with_keywords(u16::MAX).with_phrase_weight(0);
    let mut scratch = Box::new(Big::new());
    println!("words\tsentences\tterms\tfile");
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let mut doc = match scratch.analyze(&text, &config) {
            Ok(doc) => doc,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let summary = doc.summary::<0>();
        let terms = Box::new(doc.keywords::<16384>()).keywords.len();
        println!("{}\t{}\t{terms}\t{path}", summary.total_words, summary.total_sentences);
    }
}

//! Summarizes a file (or the bundled sample article) and prints the summary and keywords.
//!
//! `cargo run -p talkhis --example summarize [FILE]`

use talkhis::{Config, Keywords, Summarizer, Summary};

fn main() {
    let text = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}")),
        None => include_str!("../../tests/data/sample.txt").to_owned(),
    };
    let mut summarizer = Box::new(Summarizer::<1024, 8192>::new());
    let mut doc = summarizer.analyze(&text, &Config::new()).expect("fits");
    let summary: Summary<'_, 16> = doc.summary();
    let keywords: Keywords<'_, 10> = doc.keywords();
    for s in &summary.sentences {
        println!("[{}] {}", s.score, s.text);
    }
    println!();
    for k in &keywords.keywords {
        println!("{}\t{}\t{}", k.text, k.count, k.score);
    }
}

//! Runs one stage on one input in a loop, for instruction counts that a noisy machine cannot
//! disturb:
//!
//! ```text
//! cargo build --profile bench -p talkhis-benches --example profile
//! valgrind --tool=callgrind --callgrind-out-file=cg.out \
//!     target/release/examples/profile both large 3
//! callgrind_annotate cg.out | head -40
//! ```
//!
//! `profile sizes` prints the scratch's size for a few capacities instead.
//!
//! Arguments: stage (`split_whitespace`, `chars`, `fold`, `words`, `sentences`, `stem`,
//! `stopwords`, `analyze`, `scores`, `summarize`, `keywords`, `both`, `both_with`), input (`sample`,
//! `medium`, `large`, `diacritized`, `mixed`) and the number of runs.

use std::hint::black_box;

use talkhis_benches as b;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).is_some_and(|a| a == "sizes") {
        sizes();
        return;
    }
    let usage = "usage: profile STAGE INPUT [RUNS]";
    let (Some(stage), Some(input)) = (args.get(1), args.get(2)) else { panic!("{usage}") };
    let input = b::input(input).unwrap_or_else(|| panic!("no input {input}"));
    let runs: usize = args.get(3).map_or(1, |n| n.parse().expect("RUNS is a number"));
    let text = black_box(input.text);
    let words = b::folded_words(text);
    let mut s = b::scratch();
    let mut slots = b::word_slots();
    match stage.as_str() {
        "split_whitespace" => b::repeat(runs, || b::split_whitespace(black_box(text))),
        "chars" => b::repeat(runs, || b::chars(black_box(text))),
        "fold" => b::repeat(runs, || b::fold(black_box(text))),
        "words" => b::repeat(runs, || b::words(black_box(text))),
        "sentences" => b::repeat(runs, || b::sentences(black_box(text))),
        "stem" => b::repeat(runs, || b::stem(black_box(&words))),
        "stopwords" => b::repeat(runs, || b::stopwords(black_box(&words))),
        "analyze" => b::repeat(runs, || b::analyze(&mut s, black_box(text))),
        "scores" => b::repeat(runs, || b::scores(&mut s, black_box(text))),
        "summarize" => b::repeat(runs, || b::summarize(&mut s, black_box(text)).sentences.len()),
        "keywords" => b::repeat(runs, || b::keywords(&mut s, black_box(text)).keywords.len()),
        "both" => b::repeat(runs, || b::both(&mut s, black_box(text)).1.keywords.len()),
        "both_with" => {
            b::repeat(runs, || b::both_with(&mut s, &mut slots, black_box(text)).1.keywords.len());
        }
        other => panic!("no stage {other}; {usage}"),
    }
}

/// `size_of` the scratch for a few capacities, and what one more sentence or term adds.
fn sizes() {
    use std::mem::size_of;
    use talkhis::Summarizer;
    println!("Summarizer<64, 512>       {:>9} B", size_of::<Summarizer<64, 512>>());
    println!("Summarizer<80, 860>       {:>9} B", size_of::<Summarizer<80, 860>>());
    println!("Summarizer<160, 1024>     {:>9} B", size_of::<Summarizer<160, 1024>>());
    println!("Summarizer<1024, 4096>    {:>9} B", size_of::<Summarizer<1024, 4096>>());
    println!("Summarizer<16384, 65536>  {:>9} B", size_of::<Summarizer<16384, 65536>>());
    // Over 1,000 entries, so the struct's alignment padding does not count.
    let sentence = (size_of::<Summarizer<1100, 0>>() - size_of::<Summarizer<100, 0>>()) / 1000;
    let term = (size_of::<Summarizer<0, 1100>>() - size_of::<Summarizer<0, 100>>()) / 1000;
    println!(
        "per sentence {sentence} B, per term {term} B, fixed {} B",
        size_of::<Summarizer<0, 0>>()
    );
}

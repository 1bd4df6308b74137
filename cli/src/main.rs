//! `talkhis`: Arabic summaries and keywords from the command line.

mod eval;

fn main() {}

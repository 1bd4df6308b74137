//! Fixtures shared by the integration tests.

/// The project's sample article (see `tests/data/README.md`).
pub const SAMPLE: &str = include_str!("../data/sample.txt");

/// The scratch type the integration tests use for whole articles, boxed as the CLI does.
pub type Big = talkhis::Summarizer<256, 2048>;

/// A boxed, empty [`Big`].
#[allow(dead_code)]
pub fn big() -> Box<Big> {
    Box::new(Big::new())
}

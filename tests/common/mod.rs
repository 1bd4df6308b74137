//! Fixtures shared by the integration tests.

/// The project's sample article (see `tests/data/README.md`).
#[allow(dead_code)]
pub const SAMPLE: &str = include_str!("../data/sample.txt");

/// The scratch type the integration tests use for whole articles, boxed as the CLI does.
pub type Big = talkhis::Summarizer<256, 2048>;

/// A boxed, empty [`Big`].
#[allow(dead_code)]
pub fn big() -> Box<Big> {
    Box::new(Big::new())
}

/// Everything a document yields: its summary, keywords and every sentence's scores.
#[allow(dead_code)]
pub type Results<'t> =
    (talkhis::Summary<'t, 8>, talkhis::Keywords<'t, 12>, Vec<talkhis::SentenceScore<'t>>);

/// The results of `text`, analyzed with `analyze` (`slots` = `None`) or with `analyze_with`
/// and that many word slots; summary first, then keywords, then scores (as the CLI asks).
#[allow(dead_code)]
pub fn results<'t, const S: usize, const T: usize>(
    scratch: &mut talkhis::Summarizer<S, T>,
    text: &'t str,
    config: &talkhis::Config,
    slots: Option<usize>,
) -> Result<Results<'t>, talkhis::Error> {
    let mut words = vec![talkhis::WordSlot::EMPTY; slots.unwrap_or(0)];
    let mut doc = match slots {
        None => scratch.analyze(text, config)?,
        Some(_) => scratch.analyze_with(text, config, &mut words)?,
    };
    let summary = doc.summary();
    let keywords = doc.keywords();
    Ok((summary, keywords, doc.scores().collect()))
}

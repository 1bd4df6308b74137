//! The Lead baseline of `EVALUATION.md` (summaries, step 5).

use super::tokens::truncate_words;

/// The Lead baseline: "the article's first sentences up to B words" (`EVALUATION.md` step 5).
///
/// Implemented as the first `budget` whitespace-separated words of `article`. That is equivalent
/// for scoring: whatever sentences Lead takes, every system output is cut after its first B
/// words before ROUGE (step 2), and the first B words of "the first sentences, filled up to and
/// past B words" are exactly the article's first B words. It also avoids committing the
/// evaluation to a sentence splitter.
#[must_use]
pub fn lead(article: &str, budget: usize) -> String {
    truncate_words(article, budget)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lead_table() {
        let cases: &[(&str, &str, usize, &str)] = &[
            ("cuts mid-sentence", "جملة اولى هنا. جملة ثانية.", 4, "جملة اولى هنا. جملة"),
            ("whole article when short", "a b", 10, "a b"),
            ("newlines are whitespace", "a\nb\n\nc", 3, "a b c"),
            ("zero budget", "a b", 0, ""),
        ];
        for (name, article, b, expected) in cases {
            assert_eq!(lead(article, *b), *expected, "case {name:?}");
        }
    }
}

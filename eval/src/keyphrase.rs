//! Keyword scores against AKEC gold keyphrases (`EVALUATION.md`, keywords): P@k, R@k and F1@k with
//! exact and partial matching.

use serde::Serialize;

use super::rouge::Prf;
use super::tokens::tokens;

/// How many gold phrases count: `EVALUATION.md` scores recall "against the first 15 gold phrases".
pub const GOLD_LIMIT: usize = 15;

/// Keyword scores of one document (or the macro-average of several).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct KwScores {
    /// A prediction matches a gold phrase it equals after normalization.
    pub exact: Prf,
    /// A prediction matches a gold phrase in which every one of its tokens occurs.
    pub partial: Prf,
}

/// A phrase normalized as `EVALUATION.md` keywords step 2 says: the tokens of [`tokens`] joined by
/// single spaces (normalization as in summaries step 3, whitespace collapsed).
fn normalize(phrase: &str) -> Vec<String> {
    tokens(phrase)
}

/// Exact match: the normalized prediction equals the normalized gold phrase.
fn exact_match(prediction: &[String], gold: &[String]) -> bool {
    !prediction.is_empty() && prediction == gold
}

/// Partial match: every token of the prediction occurs in the gold phrase, i.e. is a substring
/// of one of its tokens. `EVALUATION.md`'s own example (`إرهاب` matches `مكافحة الإرهاب`) needs the
/// substring reading: the gold token is `الارهاب`, with the article, so the prediction's token
/// `ارهاب` is not *equal* to any gold token. An empty prediction never matches.
fn partial_match(prediction: &[String], gold: &[String]) -> bool {
    !prediction.is_empty() && prediction.iter().all(|p| gold.iter().any(|g| g.contains(p.as_str())))
}

/// Greedy one-to-one matching: each prediction, in order, takes the first still-unmatched gold
/// phrase it fits. Returns the number of matches.
fn count_matches(
    predicted: &[Vec<String>],
    gold: &[Vec<String>],
    fits: fn(&[String], &[String]) -> bool,
) -> usize {
    let mut used = vec![false; gold.len()];
    let mut matches = 0;
    for p in predicted {
        if let Some(i) = (0..gold.len()).find(|&i| !used[i] && fits(p, &gold[i])) {
            used[i] = true;
            matches += 1;
        }
    }
    matches
}

/// Scores the ranked keywords `predicted` against the gold keyphrases `gold` of one document,
/// as `EVALUATION.md` (keywords) prescribes for k = 10.
///
/// Both sides are normalized like summary tokens (diacritics and tatweel removed, alef, ya and
/// ta marbuta folded, lowercased, split into letter-or-digit runs joined by single spaces). Only
/// the first `k` predictions and the first [`GOLD_LIMIT`] (15) gold phrases take part. Matching
/// is greedy in prediction order, each prediction taking the first unmatched gold phrase it fits,
/// so every gold phrase is matched at most once (and a repeated prediction cannot score twice
/// on the same phrase).
///
/// - **Precision** P@k = matches / k. The denominator is `k` even when fewer than `k`
///   predictions are given: `EVALUATION.md` has the system "return its top k = 10 keywords" and
///   reports P@10, so a short list is penalized as if padded with misses. P = 0 when k = 0.
/// - **Recall** R@k = matches / min(15, |gold|); 0 when there is no gold phrase.
/// - **F1** from P and R, 0 when both are 0.
#[must_use]
pub fn score_keywords(predicted: &[&str], gold: &[&str], k: usize) -> KwScores {
    let predicted: Vec<Vec<String>> = predicted.iter().take(k).map(|p| normalize(p)).collect();
    let gold: Vec<Vec<String>> = gold.iter().take(GOLD_LIMIT).map(|g| normalize(g)).collect();
    let score = |fits| Prf::from_counts(count_matches(&predicted, &gold, fits), k, gold.len());
    KwScores { exact: score(exact_match), partial: score(partial_match) }
}

/// Macro-average of `scores`: every P, R and F averaged separately. All zero when empty.
#[must_use]
pub fn mean(scores: &[KwScores]) -> KwScores {
    let pick = |f: fn(&KwScores) -> Prf| Prf::mean(&scores.iter().map(f).collect::<Vec<_>>());
    KwScores { exact: pick(|s| s.exact), partial: pick(|s| s.partial) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prf(p: f64, r: f64) -> Prf {
        Prf::from_pr(p, r)
    }

    /// (name, predicted, gold, k, expected exact, expected partial)
    type Case = (&'static str, &'static [&'static str], &'static [&'static str], usize, Prf, Prf);

    #[test]
    fn score_keywords_table() {
        let cases: &[Case] = &[
            ("nothing", &[], &[], 10, Prf::default(), Prf::default()),
            ("no gold", &["a"], &[], 10, Prf::default(), Prf::default()),
            ("k = 0", &["a"], &["a"], 0, Prf::default(), Prf::default()),
            // 1 match, P = 1/10 (k is the denominator), R = 1/1.
            ("single hit, short list", &["a"], &["a"], 10, prf(0.1, 1.0), prf(0.1, 1.0)),
            ("full list", &["a", "b"], &["a", "b"], 2, prf(1.0, 1.0), prf(1.0, 1.0)),
            // The EVALUATION.md example: a partial match, not an exact one. R = 1/2.
            (
                "إرهاب vs مكافحة الإرهاب",
                &["إرهاب"],
                &["مكافحة الإرهاب", "الأمن"],
                1,
                Prf::default(),
                prf(1.0, 0.5),
            ),
            (
                "whole phrase matches both ways",
                &["مكافحة الإرهاب"],
                &["مكافحة الإرهاب"],
                1,
                prf(1.0, 1.0),
                prf(1.0, 1.0),
            ),
            // All tokens must occur: "مكافحة المخدرات" does not fit "مكافحة الإرهاب".
            (
                "every token must occur",
                &["مكافحة المخدرات"],
                &["مكافحة الإرهاب"],
                1,
                Prf::default(),
                Prf::default(),
            ),
            // Partial matching ignores token order; exact matching does not.
            (
                "token order free",
                &["الإرهاب مكافحة"],
                &["مكافحة الإرهاب"],
                1,
                Prf::default(),
                prf(1.0, 1.0),
            ),
            // Normalization: diacritics, hamza folding, ta marbuta, whitespace and punctuation.
            (
                "normalized exact match",
                &["  مُكافَحَةُ   الإرهاب، "],
                &["مكافحه الارهاب"],
                1,
                prf(1.0, 1.0),
                prf(1.0, 1.0),
            ),
            ("case folded", &["Beethoven"], &["beethoven"], 1, prf(1.0, 1.0), prf(1.0, 1.0)),
            // Gold matched at most once: the repeated prediction scores once.
            (
                "duplicate prediction",
                &["الثقافة", "الثقافة"],
                &["الثقافة"],
                2,
                prf(0.5, 1.0),
                prf(0.5, 1.0),
            ),
            // Partial: both predictions fit the single gold phrase, which is used once.
            (
                "gold used once in partial mode",
                &["مكافحة", "الإرهاب"],
                &["مكافحة الإرهاب"],
                2,
                Prf::default(),
                prf(0.5, 1.0),
            ),
            // Greedy in prediction order. Exact: the first "الثقافة" takes gold 2, the repeat finds
            // nothing. Partial: the first takes gold 1 ("وزارة الثقافة", the first it fits), the
            // repeat takes gold 2.
            (
                "greedy first unmatched gold",
                &["الثقافة", "الثقافة"],
                &["وزارة الثقافة", "الثقافة"],
                2,
                prf(0.5, 0.5),
                prf(1.0, 1.0),
            ),
            // Only the first k predictions count.
            ("predictions cut to k", &["x", "a"], &["a"], 1, Prf::default(), Prf::default()),
            (
                "empty prediction never matches",
                &["", "،"],
                &["a"],
                2,
                Prf::default(),
                Prf::default(),
            ),
        ];
        for (name, predicted, gold, k, exact, partial) in cases {
            let got = score_keywords(predicted, gold, *k);
            assert_eq!(got, KwScores { exact: *exact, partial: *partial }, "case {name:?}");
        }
    }

    #[test]
    fn gold_limited_to_first_15() {
        let gold: Vec<String> = (0..20).map(|i| format!("g{i}")).collect();
        let gold: Vec<&str> = gold.iter().map(String::as_str).collect();
        // g16 is beyond the first 15 and cannot match; g0 and g14 can. R = 2/15.
        let got = score_keywords(&["g0", "g14", "g16"], &gold, 10);
        assert_eq!(got.exact, prf(0.2, 2.0 / 15.0));
        // With fewer than 15 gold phrases the recall denominator is their number.
        let got = score_keywords(&["g0"], &gold[..4], 10);
        assert_eq!(got.exact, prf(0.1, 0.25));
    }

    #[test]
    fn mean_is_component_wise() {
        let a = KwScores { exact: prf(1.0, 1.0), partial: prf(1.0, 1.0) };
        let b = KwScores::default();
        assert_eq!(
            mean(&[a, b]),
            KwScores {
                exact: Prf { p: 0.5, r: 0.5, f: 0.5 },
                partial: Prf { p: 0.5, r: 0.5, f: 0.5 }
            }
        );
        assert_eq!(mean(&[]), KwScores::default());
    }
}

//! ROUGE-1, ROUGE-2 and ROUGE-L for summaries (`EVALUATION.md`, summaries, steps 2–4), corpus
//! means and a bootstrap confidence interval.

use std::collections::HashMap;
use std::hash::Hash;

use serde::Serialize;

use super::tokens::{tokens, truncate_words};

/// Precision, recall and F1, each in `[0, 1]`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1, the harmonic mean of `p` and `r`; 0 when both are 0.
    pub f: f64,
}

impl Prf {
    /// Builds a score from `matches` against `candidate_total` and `reference_total`.
    /// A ratio with a zero denominator is 0, and F1 is 0 when P + R = 0.
    #[must_use]
    pub fn from_counts(matches: usize, candidate_total: usize, reference_total: usize) -> Self {
        Self::from_pr(ratio(matches, candidate_total), ratio(matches, reference_total))
    }

    /// Builds a score from a precision and a recall, computing F1 (0 when P + R = 0).
    #[must_use]
    pub fn from_pr(p: f64, r: f64) -> Self {
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        Self { p, r, f }
    }

    /// The component-wise mean of `scores` (P, R and F each averaged separately, so the mean F is
    /// the mean of the F values, not the F of the mean P and R). All zero when `scores` is empty.
    #[must_use]
    pub fn mean(scores: &[Self]) -> Self {
        if scores.is_empty() {
            return Self::default();
        }
        let n = scores.len() as f64;
        Self {
            p: scores.iter().map(|s| s.p).sum::<f64>() / n,
            r: scores.iter().map(|s| s.r).sum::<f64>() / n,
            f: scores.iter().map(|s| s.f).sum::<f64>() / n,
        }
    }
}

/// `num / den`, or 0 when `den` is 0.
fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 { 0.0 } else { num as f64 / den as f64 }
}

/// The ROUGE scores of one summary (or the macro-average of several).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct DocScores {
    /// ROUGE-1: clipped unigram overlap.
    pub rouge1: Prf,
    /// ROUGE-2: clipped bigram overlap.
    pub rouge2: Prf,
    /// ROUGE-L: longest common subsequence of tokens.
    pub rouge_l: Prf,
}

/// Multiset of the `n`-grams of `tokens`.
fn ngram_counts<T: Eq + Hash>(tokens: &[T], n: usize) -> HashMap<&[T], usize> {
    let mut counts = HashMap::new();
    if n > 0 {
        for gram in tokens.windows(n) {
            *counts.entry(gram).or_insert(0) += 1;
        }
    }
    counts
}

/// ROUGE-N of `candidate` against one `reference` (both already tokenized).
///
/// The overlap is clipped: an n-gram counts at most as many times as it occurs in the reference
/// (the size of the multiset intersection). P = overlap / candidate n-grams, R = overlap /
/// reference n-grams. `n = 0` scores 0.
#[must_use]
pub fn rouge_n<T: Eq + Hash>(candidate: &[T], reference: &[T], n: usize) -> Prf {
    let cand = ngram_counts(candidate, n);
    let refs = ngram_counts(reference, n);
    let overlap = cand.iter().map(|(g, &c)| c.min(refs.get(g).copied().unwrap_or(0))).sum();
    let total = |counts: &HashMap<&[T], usize>| counts.values().sum::<usize>();
    Prf::from_counts(overlap, total(&cand), total(&refs))
}

/// Length of the longest common subsequence of `a` and `b` (O(|a|·|b|) time, O(|b|) memory).
#[must_use]
pub fn lcs_len<T: Eq>(a: &[T], b: &[T]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diag = 0; // row[j - 1] of the previous row
        for (j, y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
            diag = up;
        }
    }
    row[b.len()]
}

/// ROUGE-L of `candidate` against one `reference` (both already tokenized):
/// P = LCS / |candidate|, R = LCS / |reference|, F1 (not the β-weighted F of the original
/// ROUGE-L, `EVALUATION.md` asks for F1).
#[must_use]
pub fn rouge_l<T: Eq>(candidate: &[T], reference: &[T]) -> Prf {
    Prf::from_counts(lcs_len(candidate, reference), candidate.len(), reference.len())
}

/// Scores one system summary per `EVALUATION.md`: `candidate` is cut to its first `budget`
/// whitespace words, then both it and each reference are tokenized, ROUGE-1, ROUGE-2 and ROUGE-L
/// are computed against each reference, and P, R and F are each averaged over the references
/// (F is the mean of the per-reference F values). All zero when `references` is empty.
#[must_use]
pub fn score_document(candidate: &str, references: &[&str], budget: usize) -> DocScores {
    let references: Vec<Vec<String>> = references.iter().map(|r| tokens(r)).collect();
    score_tokens(&tokens(&truncate_words(candidate, budget)), &references)
}

/// [`score_document`] on a candidate already cut to its budget and tokenized, and on
/// references already tokenized: what `talkhis tune` calls thousands of times, tokenizing
/// each reference once. Tokens may be strings or interned ids (any `Eq + Hash` type gives
/// the same scores as long as equal tokens get equal ids).
#[must_use]
pub fn score_tokens<T: Eq + Hash>(candidate: &[T], references: &[Vec<T>]) -> DocScores {
    let per_ref: Vec<DocScores> = references
        .iter()
        .map(|r| DocScores {
            rouge1: rouge_n(candidate, r, 1),
            rouge2: rouge_n(candidate, r, 2),
            rouge_l: rouge_l(candidate, r),
        })
        .collect();
    mean(&per_ref)
}

/// Macro-average of `scores`: every P, R and F averaged separately. All zero when empty.
#[must_use]
pub fn mean(scores: &[DocScores]) -> DocScores {
    let pick = |f: fn(&DocScores) -> Prf| Prf::mean(&scores.iter().map(f).collect::<Vec<_>>());
    DocScores {
        rouge1: pick(|s| s.rouge1),
        rouge2: pick(|s| s.rouge2),
        rouge_l: pick(|s| s.rouge_l),
    }
}

/// The splitmix64 generator (Steele, Lea & Flood 2014): tiny, deterministic, good enough for
/// resampling indices.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform index in `0..n` (`n > 0`), by Lemire's multiply-shift (bias below 2⁻⁵⁰ for any
    /// realistic `n`).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }
}

/// A 95% bootstrap confidence interval for the mean of `values` (percentile method).
///
/// Draws `resamples` samples of `values.len()` items with replacement, using splitmix64 seeded
/// with `seed` (so the result is deterministic), sorts the sample means, and returns the
/// nearest-rank 2.5th and 97.5th percentiles: the means at 1-based ranks ⌈0.025·R⌉ and ⌈0.975·R⌉.
/// With no values, or no resamples, the interval collapses to the plain mean (0 when empty).
#[must_use]
pub fn bootstrap_ci(values: &[f64], resamples: usize, seed: u64) -> (f64, f64) {
    if values.is_empty() {
        return (0.0, 0.0);
    }
    let n = values.len();
    if resamples == 0 {
        let m = values.iter().sum::<f64>() / n as f64;
        return (m, m);
    }
    let mut rng = SplitMix64(seed);
    let mut means: Vec<f64> = (0..resamples)
        .map(|_| (0..n).map(|_| values[rng.below(n)]).sum::<f64>() / n as f64)
        .collect();
    means.sort_by(f64::total_cmp);
    let rank = |q: f64| ((q * resamples as f64).ceil() as usize).clamp(1, resamples) - 1;
    (means[rank(0.025)], means[rank(0.975)])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        tokens(s)
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    fn assert_prf(got: Prf, p: f64, r: f64, f: f64, name: &str) {
        assert!(close(got.p, p) && close(got.r, r) && close(got.f, f), "case {name:?}: {got:?}");
    }

    #[test]
    fn rouge_n_table() {
        // (name, candidate, reference, n, P, R, F)
        let cases: &[(&str, &str, &str, usize, f64, f64, f64)] = &[
            ("identical", "a b c", "a b c", 1, 1.0, 1.0, 1.0),
            ("disjoint", "a b", "c d", 1, 0.0, 0.0, 0.0),
            ("empty candidate", "", "a b", 1, 0.0, 0.0, 0.0),
            ("empty reference", "a b", "", 1, 0.0, 0.0, 0.0),
            // candidate "the" ×3, reference "the" ×1: overlap clipped to 1 (+ "cat").
            (
                "clipped unigrams",
                "the the the cat",
                "the cat sat",
                1,
                2.0 / 4.0,
                2.0 / 3.0,
                4.0 / 7.0,
            ),
            // reference repeats more than candidate: overlap is the candidate's count.
            ("clip from the candidate side", "a b", "a a a b", 1, 1.0, 2.0 / 4.0, 2.0 / 3.0),
            // bigrams: cand {ab, bc, cd}, ref {ab, bx, xc, cd}: overlap 2.
            ("bigrams", "a b c d", "a b x c d", 2, 2.0 / 3.0, 2.0 / 4.0, 4.0 / 7.0),
            // cand bigrams {aa ×3}, ref {aa ×1, ab}: clipped overlap 1.
            ("clipped bigrams", "a a a a", "a a b", 2, 1.0 / 3.0, 1.0 / 2.0, 0.4),
            ("single token has no bigram", "a", "a", 2, 0.0, 0.0, 0.0),
            ("case and punctuation ignored", "The, CAT!", "the cat", 2, 1.0, 1.0, 1.0),
            (
                "identical arabic",
                "ذهب الولد الى المدرسة",
                "ذهب الولد الى المدرسة",
                1,
                1.0,
                1.0,
                1.0,
            ),
            (
                "identical arabic bigrams",
                "ذهب الولد الى المدرسة",
                "ذهب الولد الى المدرسة",
                2,
                1.0,
                1.0,
                1.0,
            ),
            // 2 of the 4 candidate words occur in the 4-word reference.
            ("arabic half overlap", "ذهب الولد الى المدرسة", "ذهب الولد مع ابيه", 1, 0.5, 0.5, 0.5),
            // bigrams: cand {ذهب الولد, الولد الى, الى المدرسة}, ref shares only the first.
            (
                "arabic half overlap bigrams",
                "ذهب الولد الى المدرسة",
                "ذهب الولد مع ابيه",
                2,
                1.0 / 3.0,
                1.0 / 3.0,
                1.0 / 3.0,
            ),
            // diacritics, hamza and ta marbuta differ in spelling only.
            (
                "arabic normalization",
                "ذَهَبَ الوَلَدُ إلى المَدْرَسَةِ",
                "ذهب الولد الى المدرسه",
                2,
                1.0,
                1.0,
                1.0,
            ),
        ];
        for &(name, cand, reference, n, p, r, f) in cases {
            assert_prf(rouge_n(&toks(cand), &toks(reference), n), p, r, f, name);
        }
    }

    #[test]
    fn lcs_table() {
        let cases: &[(&str, &str, &str, usize)] = &[
            ("empty", "", "a b", 0),
            ("identical", "a b c", "a b c", 3),
            ("classic", "a b c b d a b", "b d c a b a", 4),
            ("gaps", "a x b y c", "a b c", 3),
            ("order matters", "c b a", "a b c", 1),
            ("arabic", "ذهب الولد الى المدرسة", "الولد ذهب الى البيت", 2),
        ];
        for (name, a, b, expected) in cases {
            assert_eq!(lcs_len(&toks(a), &toks(b)), *expected, "case {name:?}");
            assert_eq!(lcs_len(&toks(b), &toks(a)), *expected, "case {name:?} (swapped)");
        }
    }

    #[test]
    fn rouge_l_table() {
        let cases: &[(&str, &str, &str, f64, f64, f64)] = &[
            // LCS "a b c" = 3 of 5 candidate and 3 of 3 reference tokens.
            ("gaps", "a x b y c", "a b c", 3.0 / 5.0, 1.0, 0.75),
            ("identical arabic", "ذهب الولد الى المدرسة", "ذهب الولد الى المدرسة", 1.0, 1.0, 1.0),
            // LCS 2 ("ذهب الى" or "الولد الى") of 4 and 4.
            ("arabic reordered", "ذهب الولد الى المدرسة", "الولد ذهب الى البيت", 0.5, 0.5, 0.5),
            ("empty candidate", "", "a", 0.0, 0.0, 0.0),
        ];
        for &(name, cand, reference, p, r, f) in cases {
            assert_prf(rouge_l(&toks(cand), &toks(reference)), p, r, f, name);
        }
    }

    #[test]
    fn score_document_truncates_and_averages_over_references() {
        // Budget 2 cuts "a b c d" to "a b".
        // ref 1 "a b": R1 P=1 R=1 F=1; R2 1/1, 1/1 → 1; RL 1.
        // ref 2 "a x y z": R1 P=1/2 R=1/4 F=1/3; R2 P=0 R=0 F=0; RL P=1/2 R=1/4 F=1/3.
        let s = score_document("a b c d", &["a b", "a x y z"], 2);
        assert_prf(s.rouge1, 0.75, 0.625, 2.0 / 3.0, "rouge1");
        assert_prf(s.rouge2, 0.5, 0.5, 0.5, "rouge2");
        assert_prf(s.rouge_l, 0.75, 0.625, 2.0 / 3.0, "rouge_l");
        // F is the mean of the per-reference F values, not F1 of the mean P and R.
        assert!(!close(s.rouge1.f, Prf::from_pr(0.75, 0.625).f));
    }

    #[test]
    fn score_document_cases() {
        let arabic = "ذَهَبَ الوَلَدُ إلى المَدْرَسَةِ صباحاً";
        let cases: &[(&str, &str, &[&str], usize, DocScores)] = &[
            ("no references", "a b", &[], 2, DocScores::default()),
            ("zero budget", "a b", &["a b"], 0, DocScores::default()),
            (
                "identical arabic scores 1",
                arabic,
                &[arabic, "ذهب الولد الى المدرسه صباحا"],
                5,
                DocScores {
                    rouge1: Prf { p: 1.0, r: 1.0, f: 1.0 },
                    rouge2: Prf { p: 1.0, r: 1.0, f: 1.0 },
                    rouge_l: Prf { p: 1.0, r: 1.0, f: 1.0 },
                },
            ),
        ];
        for (name, cand, refs, b, expected) in cases {
            assert_eq!(score_document(cand, refs, *b), *expected, "case {name:?}");
        }
    }

    #[test]
    fn mean_is_component_wise() {
        let a = DocScores { rouge1: Prf { p: 1.0, r: 0.0, f: 0.0 }, ..DocScores::default() };
        let b = DocScores { rouge1: Prf { p: 0.0, r: 1.0, f: 0.5 }, ..DocScores::default() };
        let m = mean(&[a, b]);
        assert_eq!(m.rouge1, Prf { p: 0.5, r: 0.5, f: 0.25 });
        assert_eq!(m.rouge2, Prf::default());
        assert_eq!(mean(&[]), DocScores::default());
    }

    #[test]
    fn bootstrap_ci_cases() {
        assert_eq!(bootstrap_ci(&[], 100, 1), (0.0, 0.0));
        assert_eq!(bootstrap_ci(&[0.5, 0.5, 0.5], 200, 7), (0.5, 0.5));
        assert_eq!(bootstrap_ci(&[0.2, 0.4], 0, 7), (0.30000000000000004, 0.30000000000000004));

        let values: Vec<f64> = (0..50).map(|i| f64::from(i) / 49.0).collect();
        let (lo, hi) = bootstrap_ci(&values, 2000, 42);
        assert_eq!((lo, hi), bootstrap_ci(&values, 2000, 42), "deterministic");
        // Mean 0.5, standard error ≈ 0.2945 / √50 ≈ 0.042, so the interval is about ±0.08.
        assert!(lo < 0.5 && hi > 0.5, "{lo} {hi}");
        assert!((0.40..0.46).contains(&lo) && (0.54..0.60).contains(&hi), "{lo} {hi}");
    }

    #[test]
    fn splitmix64_reference_values() {
        // First outputs for seed 1234567 from the reference implementation (Vigna).
        let mut rng = SplitMix64(1_234_567);
        let got: Vec<u64> = (0..3).map(|_| rng.next_u64()).collect();
        assert_eq!(
            got,
            [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423]
        );
    }
}

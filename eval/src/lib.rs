//! Quality evaluation and tuning of talkhis (ROUGE for summaries, P/R/F for keywords), as
//! `docs/EVALUATION.md` defines it: what the `talkhis eval` and `talkhis tune` subcommands
//! run. The command line parses the options and hands them over as plain structs; this
//! package reads the corpora, runs the core and writes the reports to the writer it is given.
//!
//! - [`tokens`]: normalization, length budget B and truncation;
//! - [`rouge`]: ROUGE-1/2/L per document, corpus means, bootstrap confidence intervals;
//! - [`keyphrase`]: P@k / R@k / F1@k with exact and partial matching;
//! - [`corpus`]: loaders for EASC and AKEC;
//! - [`data`]: where the tests find the corpora (`TALKHIS_DATA`), or why they skip;
//! - [`baseline`]: the Lead baseline;
//! - [`defects`]: `talkhis eval defects`, what trips a reader in the output on real articles;
//! - [`run`]: `talkhis eval summaries` and `talkhis eval keywords`;
//! - [`tune`]: `talkhis tune`, coordinate descent with k-fold cross validation;
//! - [`scratch`]: the core's scratch space the evaluations run in, one per thread.

pub mod baseline;
pub mod corpus;
pub mod data;
pub mod defects;
pub mod keyphrase;
pub mod rouge;
pub mod run;
pub mod scratch;
pub mod tokens;
pub mod tune;

#[cfg(test)]
mod tests {
    use super::baseline::lead;
    use super::corpus::load_easc;
    use super::data::corpus;
    use super::rouge::{DocScores, mean, score_document};
    use super::tokens::budget;

    /// Reference check of the whole pipeline (budget, truncation, tokens, ROUGE, averaging)
    /// against the Lead figures `docs/EVALUATION.md` quotes for EASC dev:
    /// R1-F 51.19, R2-F 43.25, RL-F 46.53 (×100). Needs `$TALKHIS_DATA/easc-dev`.
    #[test]
    fn lead_reproduces_easc_dev_reference_figures() {
        let Some(dir) = corpus("easc-dev", "lead_reproduces_easc_dev_reference_figures") else {
            return;
        };
        let docs = load_easc(&dir).expect("EASC dev corpus");
        assert_eq!(docs.len(), 102);
        let scores: Vec<DocScores> = docs
            .iter()
            .map(|d| {
                let refs: Vec<&str> = d.references.iter().map(String::as_str).collect();
                let b = budget(&refs);
                score_document(&lead(&d.article, b), &refs, b)
            })
            .collect();
        let m = mean(&scores);
        let got = [m.rouge1.f * 100.0, m.rouge2.f * 100.0, m.rouge_l.f * 100.0];
        eprintln!(
            "Lead on EASC dev ({} docs): R1 P/R/F {:.2}/{:.2}/{:.2}, R2 {:.2}/{:.2}/{:.2}, \
             RL {:.2}/{:.2}/{:.2}",
            docs.len(),
            m.rouge1.p * 100.0,
            m.rouge1.r * 100.0,
            got[0],
            m.rouge2.p * 100.0,
            m.rouge2.r * 100.0,
            got[1],
            m.rouge_l.p * 100.0,
            m.rouge_l.r * 100.0,
            got[2],
        );
        let expected = [51.19, 43.25, 46.53];
        for ((name, g), e) in ["R1-F", "R2-F", "RL-F"].iter().zip(got).zip(expected) {
            assert!((g - e).abs() <= 0.005, "{name}: got {g:.4}, expected {e} (±0.005)");
        }
    }
}

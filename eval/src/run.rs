//! `talkhis eval summaries` and `talkhis eval keywords`: the corpora scored in parallel,
//! reported as tables or JSON (all figures ×100).

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context, Result, anyhow};
use rayon::prelude::*;
use serde::Serialize;
use talkhis::{Budget, Config, Keywords, Summary};

use super::baseline::lead;
use super::corpus::{load_akec, load_easc};
use super::keyphrase::{self, GOLD_LIMIT, KwScores, score_keywords};
use super::rouge::{self, DocScores, Prf, bootstrap_ci, score_tokens};
use super::scratch::{MAX_KEYWORDS, SUMMARY_SENTENCES, too_large, with_scratch};
use super::tokens::{budget, tokens, truncate_words};

/// An EASC document ready to be scored many times: references tokenized once, tokens
/// interned as integers (ROUGE compares integers instead of strings), and the scores of
/// every summary already seen cached, since most weight changes pick the same sentences.
#[derive(Debug)]
pub struct SumDoc {
    /// Document id (`topic001`).
    pub id: String,
    /// Manifest category.
    pub category: String,
    /// The article.
    pub article: String,
    /// The budget B in words.
    pub budget: usize,
    /// The references, tokenized, as token ids.
    pub refs: Vec<Vec<u32>>,
    /// The id of every token of the references.
    pub vocab: HashMap<String, u32>,
    /// The scores of the summaries already scored, by the start offsets of their sentences.
    seen: Mutex<HashMap<Vec<usize>, DocScores>>,
}

/// The id of every token that occurs in no reference: such a token never matches, so one id
/// serves them all (an n-gram holding it matches nothing; it still counts in the totals).
const UNKNOWN: u32 = u32::MAX;

impl SumDoc {
    /// `text` cut to the budget, tokenized and mapped to ids.
    pub fn ids(&self, text: &str) -> Vec<u32> {
        tokens(&truncate_words(text, self.budget))
            .iter()
            .map(|t| self.vocab.get(t).copied().unwrap_or(UNKNOWN))
            .collect()
    }
}

/// Loads and prepares the EASC corpus in `dir`.
///
/// # Errors
///
/// As [`load_easc`].
pub fn prepare_easc(dir: &Path) -> Result<Vec<SumDoc>> {
    let docs = load_easc(dir)?;
    Ok(docs
        .into_par_iter()
        .map(|d| {
            let refs: Vec<&str> = d.references.iter().map(String::as_str).collect();
            let budget = budget(&refs);
            let mut vocab = HashMap::new();
            let refs = refs
                .iter()
                .map(|r| {
                    tokens(r)
                        .into_iter()
                        .map(|t| {
                            let next = u32::try_from(vocab.len()).unwrap_or(UNKNOWN - 1);
                            *vocab.entry(t).or_insert(next)
                        })
                        .collect()
                })
                .collect();
            let seen = Mutex::default();
            SumDoc { id: d.id, category: d.category, article: d.article, budget, refs, vocab, seen }
        })
        .collect())
}

/// The talkhis summary of `doc` under `config`, with the budget set to `Words(B)`, scored.
///
/// # Errors
///
/// When the article does not fit the scratch space.
pub fn score_talkhis(doc: &SumDoc, config: &Config) -> Result<DocScores> {
    let config = config.with_budget(Budget::Words(u32::try_from(doc.budget).unwrap_or(u32::MAX)));
    with_scratch(|s| {
        let summary: Summary<'_, SUMMARY_SENTENCES> = s
            .summarize(&doc.article, &config)
            .map_err(|e| anyhow!("{}: {}", doc.id, too_large(e)))?;
        let key: Vec<usize> = summary.sentences.iter().map(|s| s.start).collect();
        let seen = || doc.seen.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(scores) = seen().get(&key) {
            return Ok(*scores);
        }
        let text: Vec<&str> = summary.sentences.iter().map(|s| s.text).collect();
        let scores = score_tokens(&doc.ids(&text.join(" ")), &doc.refs);
        seen().insert(key, scores);
        Ok(scores)
    })
}

/// The Lead baseline of `doc`, scored.
pub fn score_lead(doc: &SumDoc) -> DocScores {
    score_tokens(&doc.ids(&lead(&doc.article, doc.budget)), &doc.refs)
}

/// An AKEC document.
pub type KwDoc = super::corpus::AkecDoc;

/// The talkhis keywords of `doc` (top `k`), scored.
///
/// # Errors
///
/// When the document does not fit the scratch space.
pub fn score_talkhis_keywords(doc: &KwDoc, config: &Config, k: u16) -> Result<KwScores> {
    let config = config.with_keywords(k);
    with_scratch(|s| {
        let keywords: Keywords<'_, MAX_KEYWORDS> = s
            .keywords(&doc.document, &config)
            .map_err(|e| anyhow!("{}: {}", doc.id, too_large(e)))?;
        let predicted: Vec<&str> = keywords.keywords.iter().map(|k| k.text).collect();
        let gold: Vec<&str> = doc.gold.iter().map(String::as_str).collect();
        Ok(score_keywords(&predicted, &gold, usize::from(k)))
    })
}

/// `x` ×100, for reports.
fn pct(x: f64) -> f64 {
    x * 100.0
}

/// A P/R/F ×100.
fn prf100(s: Prf) -> Prf {
    Prf { p: pct(s.p), r: pct(s.r), f: pct(s.f) }
}

/// ROUGE scores ×100.
fn scores100(s: DocScores) -> DocScores {
    DocScores { rouge1: prf100(s.rouge1), rouge2: prf100(s.rouge2), rouge_l: prf100(s.rouge_l) }
}

/// A 95% interval ×100.
fn ci100((lo, hi): (f64, f64)) -> [f64; 2] {
    [pct(lo), pct(hi)]
}

/// The configuration as JSON, without the budget (eval sets it per document).
fn config_json(config: &Config, drop: &str) -> serde_json::Value {
    let mut value = serde_json::to_value(config).unwrap_or_default();
    if let Some(map) = value.as_object_mut() {
        map.remove(drop);
    }
    value
}

/// A mean difference and its 95% interval.
#[derive(Serialize)]
struct Difference {
    /// Mean of talkhis − Lead over documents, ×100.
    mean: f64,
    /// Paired bootstrap 95% interval, ×100.
    ci95: [f64; 2],
}

/// One category of the corpus.
#[derive(Serialize)]
struct Category {
    category: String,
    documents: usize,
    talkhis: DocScores,
    lead: DocScores,
}

/// The `eval summaries --json` object.
#[derive(Serialize)]
struct SummariesReport {
    corpus: String,
    documents: usize,
    config: serde_json::Value,
    talkhis: DocScores,
    lead: DocScores,
    talkhis_r1_f_ci95: [f64; 2],
    difference_r1_f: Difference,
    bootstrap: Bootstrap,
    categories: Vec<Category>,
}

/// Bootstrap settings, echoed in reports.
#[derive(Serialize)]
struct Bootstrap {
    resamples: usize,
    seed: u64,
}

/// What `talkhis eval summaries` is asked.
#[derive(Clone, Debug)]
pub struct SummariesOptions {
    /// The EASC folder (public or converted layout).
    pub dir: PathBuf,
    /// One JSON object instead of tables.
    pub json: bool,
    /// Bootstrap resamples for the 95% confidence intervals.
    pub resamples: usize,
    /// Seed of the bootstrap.
    pub seed: u64,
    /// Scoring configuration (the budget is set per document to the references' mean length).
    pub config: Config,
}

/// Runs `talkhis eval summaries`, writing the report to `out`.
///
/// # Errors
///
/// When the corpus cannot be read, a document does not fit or `out` cannot be written.
pub fn summaries(args: &SummariesOptions, out: &mut impl Write) -> Result<()> {
    let config = args.config;
    let docs = prepare_easc(&args.dir)
        .with_context(|| format!("reading the EASC corpus in {}", args.dir.display()))?;
    let scored: Vec<(DocScores, DocScores)> = docs
        .par_iter()
        .map(|d| Ok((score_talkhis(d, &config)?, score_lead(d))))
        .collect::<Result<_>>()?;
    let (ours, leads): (Vec<DocScores>, Vec<DocScores>) = scored.iter().copied().unzip();
    let r1 = |s: &DocScores| s.rouge1.f;
    let ours_r1: Vec<f64> = ours.iter().map(r1).collect();
    let diff: Vec<f64> = ours.iter().zip(&leads).map(|(a, b)| r1(a) - r1(b)).collect();
    let mut by_category: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        by_category.entry(&d.category).or_default().push(i);
    }
    let pick = |all: &[DocScores], ix: &[usize]| {
        scores100(rouge::mean(&ix.iter().map(|&i| all[i]).collect::<Vec<_>>()))
    };
    let report = SummariesReport {
        corpus: args.dir.display().to_string(),
        documents: docs.len(),
        config: config_json(&config, "budget"),
        talkhis: scores100(rouge::mean(&ours)),
        lead: scores100(rouge::mean(&leads)),
        talkhis_r1_f_ci95: ci100(bootstrap_ci(&ours_r1, args.resamples, args.seed)),
        difference_r1_f: Difference {
            mean: pct(diff.iter().sum::<f64>() / diff.len().max(1) as f64),
            ci95: ci100(bootstrap_ci(&diff, args.resamples, args.seed)),
        },
        bootstrap: Bootstrap { resamples: args.resamples, seed: args.seed },
        categories: by_category
            .into_iter()
            .map(|(category, ix)| Category {
                category: category.to_owned(),
                documents: ix.len(),
                talkhis: pick(&ours, &ix),
                lead: pick(&leads, &ix),
            })
            .collect(),
    };
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &report)?;
        writeln!(out)?;
    } else {
        write_summaries(&mut *out, &report)?;
    }
    out.flush()?;
    Ok(())
}

/// The text report of `eval summaries`.
fn write_summaries(out: &mut impl Write, r: &SummariesReport) -> io::Result<()> {
    writeln!(
        out,
        "EASC summaries: {} ({} documents; budget B = mean words of the references; scores ×100)",
        r.corpus, r.documents
    )?;
    writeln!(out)?;
    let header = format!("{:<9} {:^20}   {:^20}   {:^20}", "", "ROUGE-1", "ROUGE-2", "ROUGE-L");
    writeln!(out, "{}", header.trim_end())?;
    writeln!(
        out,
        "{:<9} {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}",
        "", "P", "R", "F", "P", "R", "F", "P", "R", "F"
    )?;
    for (name, s) in [("talkhis", &r.talkhis), ("Lead", &r.lead)] {
        writeln!(
            out,
            "{name:<9} {:>6.2} {:>6.2} {:>6.2}   {:>6.2} {:>6.2} {:>6.2}   {:>6.2} {:>6.2} {:>6.2}",
            s.rouge1.p,
            s.rouge1.r,
            s.rouge1.f,
            s.rouge2.p,
            s.rouge2.r,
            s.rouge2.f,
            s.rouge_l.p,
            s.rouge_l.r,
            s.rouge_l.f,
        )?;
    }
    writeln!(out)?;
    let [lo, hi] = r.talkhis_r1_f_ci95;
    writeln!(out, "talkhis R1-F {:.2}, 95% CI {lo:.2} … {hi:.2}", r.talkhis.rouge1.f)?;
    let d = &r.difference_r1_f;
    writeln!(
        out,
        "talkhis − Lead R1-F {:+.2}, 95% CI {:+.2} … {:+.2} (paired bootstrap, {} resamples, seed {})",
        d.mean, d.ci95[0], d.ci95[1], r.bootstrap.resamples, r.bootstrap.seed
    )?;
    writeln!(out)?;
    writeln!(out, "By category (F: R1 / R2 / RL)")?;
    writeln!(out, "{:<28} {:>4}   {:<21}   Lead", "category", "docs", "talkhis")?;
    let f3 = |s: &DocScores| format!("{:.2} / {:.2} / {:.2}", s.rouge1.f, s.rouge2.f, s.rouge_l.f);
    for c in &r.categories {
        writeln!(
            out,
            "{:<28} {:>4}   {:<21}   {}",
            c.category,
            c.documents,
            f3(&c.talkhis),
            f3(&c.lead)
        )?;
    }
    Ok(())
}

/// One match mode of the keyword report.
#[derive(Serialize)]
struct KeywordMode {
    /// P@k, R@k and F1@k ×100.
    #[serde(flatten)]
    scores: Prf,
    /// Bootstrap 95% interval of F1@k, ×100.
    f_ci95: [f64; 2],
}

/// The `eval keywords --json` object.
#[derive(Serialize)]
struct KeywordsReport {
    corpus: String,
    documents: usize,
    k: u16,
    gold_limit: usize,
    config: serde_json::Value,
    exact: KeywordMode,
    partial: KeywordMode,
    bootstrap: Bootstrap,
}

/// What `talkhis eval keywords` is asked.
#[derive(Clone, Debug)]
pub struct KeywordsOptions {
    /// The AKEC folder.
    pub dir: PathBuf,
    /// One JSON object instead of a table.
    pub json: bool,
    /// How many keywords are scored (1 to [`MAX_KEYWORDS`]).
    pub k: u16,
    /// Scoring configuration (the number of keywords is set to `k`).
    pub config: Config,
}

/// Runs `talkhis eval keywords`, writing the report to `out`.
///
/// # Errors
///
/// When the corpus cannot be read, a document does not fit or `out` cannot be written.
pub fn keywords(args: &KeywordsOptions, out: &mut impl Write) -> Result<()> {
    let config = args.config;
    let docs = load_akec(&args.dir)
        .with_context(|| format!("reading the AKEC corpus in {}", args.dir.display()))?;
    let scored: Vec<KwScores> = docs
        .par_iter()
        .map(|d| score_talkhis_keywords(d, &config, args.k))
        .collect::<Result<_>>()?;
    let mean = keyphrase::mean(&scored);
    let bootstrap = Bootstrap { resamples: 10_000, seed: 1 };
    let mode = |m: Prf, pick: fn(&KwScores) -> f64| KeywordMode {
        scores: prf100(m),
        f_ci95: ci100(bootstrap_ci(
            &scored.iter().map(pick).collect::<Vec<_>>(),
            bootstrap.resamples,
            bootstrap.seed,
        )),
    };
    let report = KeywordsReport {
        corpus: args.dir.display().to_string(),
        documents: docs.len(),
        k: args.k,
        gold_limit: GOLD_LIMIT,
        config: config_json(&config, "keywords"),
        exact: mode(mean.exact, |s| s.exact.f),
        partial: mode(mean.partial, |s| s.partial.f),
        bootstrap,
    };
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &report)?;
        writeln!(out)?;
    } else {
        let k = report.k;
        writeln!(
            out,
            "AKEC keywords: {} ({} documents; top {k} keywords against the first {} gold \
             phrases; scores ×100)",
            report.corpus, report.documents, report.gold_limit
        )?;
        writeln!(out)?;
        let (p, r, f) = (format!("P@{k}"), format!("R@{k}"), format!("F1@{k}"));
        writeln!(out, "{:<9} {p:>6} {r:>6} {f:>6}   F1 95% CI", "match")?;
        for (name, m) in [("exact", &report.exact), ("partial", &report.partial)] {
            writeln!(
                out,
                "{name:<9} {:>6.2} {:>6.2} {:>6.2}   {:.2} … {:.2}",
                m.scores.p, m.scores.r, m.scores.f, m.f_ci95[0], m.f_ci95[1]
            )?;
        }
    }
    out.flush()?;
    Ok(())
}

//! `talkhis tune`: coordinate descent over the `Config` weights, honest through k-fold cross
//! validation.
//!
//! For each fold, the search starts from the given configuration and, round after round, tries
//! every value of each parameter's grid with the others fixed, keeping the value with the best
//! mean score on the fold's training documents (a tie keeps the current value). It stops after
//! a round with no change, or after `--rounds`. The fold's held-out documents are scored with
//! the configuration found without them; pooled over the folds, every document is scored
//! exactly once by a configuration that never saw it: the cross-validated figure. A last
//! search on all documents gives the configuration to adopt.
//!
//! Every configuration is scored once on every document and cached (`Config` is `Hash`), so
//! the folds, which mostly walk the same paths, share their work.
//!
//! The caller names the parameters and their grids ([`Param`]) and says how a field is set
//! ([`Setter`]): which fields exist, their grids and the values they allow are the command
//! line's knowledge of `Config` (its flags, `--config` files and `talkhis config` share them),
//! and the search only needs to try values.

use std::collections::HashMap;
use std::fmt;
use std::io::Write;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use anyhow::{Context, Result};
use rayon::prelude::*;
use talkhis::Config;
use toml::{Table, Value};

use super::corpus::load_akec;
use super::run::{KwDoc, SumDoc, prepare_easc, score_lead, score_talkhis, score_talkhis_keywords};

/// Per-document metrics: summaries (R1-F, R2-F, RL-F), keywords (exact F1, partial F1, 0).
type Metrics = [f64; 3];

/// What is being tuned.
enum Task {
    /// Summaries on EASC.
    Summaries(Vec<SumDoc>),
    /// Keywords on AKEC, top 10.
    Keywords(Vec<KwDoc>),
}

impl Task {
    /// The number of documents.
    fn len(&self) -> usize {
        match self {
            Self::Summaries(d) => d.len(),
            Self::Keywords(d) => d.len(),
        }
    }

    /// The names of the metrics, the first two averaged into the objective.
    fn metric_names(&self) -> [&'static str; 3] {
        match self {
            Self::Summaries(_) => ["R1-F", "R2-F", "RL-F"],
            Self::Keywords(_) => ["exact F1@10", "partial F1@10", ""],
        }
    }

    /// Scores every document under `config`, in parallel.
    fn score(&self, config: &Config) -> Result<Vec<Metrics>> {
        match self {
            Self::Summaries(docs) => docs
                .par_iter()
                .map(|d| {
                    let s = score_talkhis(d, config)?;
                    Ok([s.rouge1.f, s.rouge2.f, s.rouge_l.f])
                })
                .collect(),
            Self::Keywords(docs) => docs
                .par_iter()
                .map(|d| {
                    let s = score_talkhis_keywords(d, config, 10)?;
                    Ok([s.exact.f, s.partial.f, 0.0])
                })
                .collect(),
        }
    }
}

/// Scores configurations, each once.
struct Evaluator {
    task: Task,
    cache: Mutex<HashMap<Config, Arc<Vec<Metrics>>>>,
}

impl Evaluator {
    /// Every document's metrics under `config` (cached).
    fn metrics(&self, config: &Config) -> Result<Arc<Vec<Metrics>>> {
        if let Some(m) = self.lock().get(config) {
            return Ok(Arc::clone(m));
        }
        let m = Arc::new(self.task.score(config)?);
        self.lock().insert(*config, Arc::clone(&m));
        Ok(m)
    }

    /// The cache, even if a panicking thread poisoned its lock (the map stays consistent:
    /// entries are inserted whole).
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Config, Arc<Vec<Metrics>>>> {
        self.cache.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// How many configurations were scored.
    fn evaluated(&self) -> usize {
        self.lock().len()
    }
}

/// The mean objective (the mean of the first two metrics) over the documents `ix`, ×100.
fn objective(metrics: &[Metrics], ix: &[usize]) -> f64 {
    mean_of(metrics, ix, |m| (m[0] + m[1]) / 2.0)
}

/// The mean of `f` over the documents `ix`, ×100; 0 for none.
fn mean_of(metrics: &[Metrics], ix: &[usize], f: impl Fn(&Metrics) -> f64) -> f64 {
    if ix.is_empty() {
        return 0.0;
    }
    100.0 * ix.iter().map(|&i| f(&metrics[i])).sum::<f64>() / ix.len() as f64
}

/// A parameter to tune: a field of `Config` (its name in TOML) and the values to try.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    /// The field, e.g. `position_decay`.
    pub name: String,
    /// The values to try (the current value is tried too).
    pub grid: Vec<Value>,
}

/// How a field is set: `config` with the field `name` set to `value`, or an error for a value
/// the field does not take (a value of the grid that fails is skipped).
pub type Setter = fn(&Config, &str, Value) -> Result<Config>;

/// What is tuned for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Objective {
    /// Summaries on EASC: the mean of ROUGE-1 F and ROUGE-2 F.
    Summaries,
    /// Keywords on AKEC: the mean of exact and partial F1@10.
    Keywords,
}

/// What `talkhis tune` is asked.
#[derive(Clone, Debug)]
pub struct TuneOptions {
    /// The corpus folder (EASC layout for summaries, AKEC for keywords).
    pub dir: PathBuf,
    /// Summaries or keywords.
    pub objective: Objective,
    /// Number of cross-validation folds, at least 2.
    pub folds: u16,
    /// Most rounds of coordinate descent.
    pub rounds: u16,
    /// Print every value tried, not only the moves taken.
    pub verbose: bool,
    /// The starting configuration.
    pub start: Config,
    /// The parameters, in the order each round tries them.
    pub params: Vec<Param>,
    /// How a parameter is set.
    pub set: Setter,
}

/// The corpus has fewer documents than folds: a mistake in the request, not in the corpus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooFewDocuments {
    /// Documents in the corpus.
    pub documents: usize,
    /// Folds asked for.
    pub folds: usize,
}

impl fmt::Display for TooFewDocuments {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} documents cannot make {} folds", self.documents, self.folds)
    }
}

impl std::error::Error for TooFewDocuments {}

/// `config` as a TOML table, fields in declaration order.
fn to_table(config: &Config) -> Table {
    // A struct of integers, booleans and one enum always serializes; an error would be a bug
    // in the core's derive, so fall back to an empty table rather than panicking.
    Table::try_from(config).unwrap_or_default()
}

/// A value for people: `300`, `true`.
fn show(v: &Value) -> String {
    v.to_string()
}

/// The searcher: the evaluator, the parameters, and where to print.
struct Search<'a, W: Write> {
    ev: &'a Evaluator,
    params: &'a [Param],
    set: Setter,
    rounds: u16,
    verbose: bool,
    out: &'a mut W,
}

impl<W: Write> Search<'_, W> {
    /// Coordinate descent from `start` on the documents `train`, printing each move with its
    /// score on `train` and, when given, on `test`.
    fn descend(
        &mut self,
        start: Config,
        train: &[usize],
        test: Option<&[usize]>,
    ) -> Result<Config> {
        let mut current = start;
        let metrics = self.ev.metrics(&current)?;
        let mut score = objective(&metrics, train);
        let held = |m: &[Metrics]| {
            test.map_or(String::new(), |t| format!("  held-out {:6.2}", objective(m, t)))
        };
        writeln!(self.out, "    {:<34} train {score:6.2}{}", "start", held(&metrics))?;
        for round in 1..=self.rounds {
            let mut moved = false;
            for p in self.params {
                let table = to_table(&current);
                let now = table.get(&p.name).cloned().unwrap_or(Value::Boolean(false));
                let mut values = p.grid.clone();
                if !values.contains(&now) {
                    values.push(now.clone());
                }
                let tried: Vec<(Value, Config, Arc<Vec<Metrics>>)> = values
                    .par_iter()
                    .filter_map(|v| {
                        (self.set)(&current, &p.name, v.clone()).ok().map(|c| (v.clone(), c))
                    })
                    .map(|(v, c)| Ok((v, c, self.ev.metrics(&c)?)))
                    .collect::<Result<_>>()?;
                let mut best: Option<(Value, Config, Arc<Vec<Metrics>>, f64)> = None;
                for (v, c, m) in tried {
                    let s = objective(&m, train);
                    if self.verbose {
                        let label = format!("{} = {}", p.name, show(&v));
                        writeln!(self.out, "      try {label:<30} train {s:6.2}{}", held(&m))?;
                    }
                    // Strictly better than the current value, and than earlier candidates.
                    if s > best.as_ref().map_or(score, |b| b.3) + 1e-9 {
                        best = Some((v, c, m, s));
                    }
                }
                if let Some((v, c, m, s)) = best {
                    let label = format!("{} = {} (was {})", p.name, show(&v), show(&now));
                    writeln!(self.out, "    {label:<34} train {s:6.2}{}", held(&m))?;
                    (current, score, moved) = (c, s, true);
                }
            }
            if !moved {
                writeln!(self.out, "    round {round}: no change, stop")?;
                break;
            }
            writeln!(self.out, "    round {round} done")?;
        }
        Ok(current)
    }
}

/// The fields of `config` that differ from `base`, as `name = value` lines.
fn changes(config: &Config, base: &Config) -> Vec<String> {
    let base = to_table(base);
    to_table(config)
        .into_iter()
        .filter(|(k, v)| base.get(k) != Some(v))
        .map(|(k, v)| format!("{k} = {v}"))
        .collect()
}

/// Runs `talkhis tune summaries` or `talkhis tune keywords`, writing the search to `out`.
///
/// # Errors
///
/// [`TooFewDocuments`] when the corpus has fewer documents than folds; others when the corpus
/// cannot be read, a document does not fit or `out` cannot be written.
pub fn run(args: &TuneOptions, out: &mut impl Write) -> Result<()> {
    let started = Instant::now();
    let (start, params) = (args.start, &args.params);
    let summaries = args.objective == Objective::Summaries;
    let task = if summaries {
        Task::Summaries(
            prepare_easc(&args.dir)
                .with_context(|| format!("reading the EASC corpus in {}", args.dir.display()))?,
        )
    } else {
        Task::Keywords(
            load_akec(&args.dir)
                .with_context(|| format!("reading the AKEC corpus in {}", args.dir.display()))?,
        )
    };
    let n = task.len();
    let k = usize::from(args.folds);
    if n < k {
        return Err(TooFewDocuments { documents: n, folds: k }.into());
    }
    let names = task.metric_names();
    let lead = match &task {
        Task::Summaries(docs) => Some(
            docs.par_iter()
                .map(score_lead)
                .map(|s| [s.rouge1.f, s.rouge2.f, s.rouge_l.f])
                .collect::<Vec<Metrics>>(),
        ),
        Task::Keywords(_) => None,
    };
    let ev = Evaluator { task, cache: Mutex::new(HashMap::new()) };
    let all: Vec<usize> = (0..n).collect();
    writeln!(
        out,
        "tune {}: {} ({n} documents), {k} folds (documents sorted by id, dealt round-robin)",
        if summaries { "summaries" } else { "keywords" },
        args.dir.display()
    )?;
    writeln!(
        out,
        "objective = ({} + {}) / 2, ×100; at most {} rounds",
        names[0], names[1], args.rounds
    )?;
    writeln!(out, "parameters and the values tried (plus the current value):")?;
    for p in params {
        let values: Vec<String> = p.grid.iter().map(show).collect();
        writeln!(out, "  {:<24} {}", p.name, values.join(" "))?;
    }
    let start_metrics = ev.metrics(&start)?;
    writeln!(
        out,
        "start configuration on all documents: objective {:.2}",
        objective(&start_metrics, &all)
    )?;
    if let Some(lead) = &lead {
        writeln!(
            out,
            "Lead on all documents:                objective {:.2}",
            objective(lead, &all)
        )?;
    }
    writeln!(out)?;

    let mut search =
        Search { ev: &ev, params, set: args.set, rounds: args.rounds, verbose: args.verbose, out };
    let mut pooled: Vec<Metrics> = vec![[0.0; 3]; n];
    let mut fold_scores = Vec::new();
    let mut fold_start = Vec::new();
    for f in 0..k {
        let train: Vec<usize> = all.iter().copied().filter(|i| i % k != f).collect();
        let test: Vec<usize> = all.iter().copied().filter(|i| i % k == f).collect();
        writeln!(
            search.out,
            "fold {}/{k}: {} train, {} held-out documents",
            f + 1,
            train.len(),
            test.len()
        )?;
        let best = search.descend(start, &train, Some(&test))?;
        let m = ev.metrics(&best)?;
        for &i in &test {
            pooled[i] = m[i];
        }
        let held = objective(&m, &test);
        let base = objective(&start_metrics, &test);
        fold_scores.push(held);
        fold_start.push(base);
        let changed = changes(&best, &start);
        writeln!(
            search.out,
            "  fold {} held-out {held:.2} (start configuration {base:.2}); changed: {}\n",
            f + 1,
            if changed.is_empty() { "nothing".to_owned() } else { changed.join(", ") }
        )?;
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    let out = search.out;
    writeln!(
        out,
        "cross-validated held-out objective: mean {:.2} over {k} folds (per fold: {}); start configuration {:.2}",
        mean(&fold_scores),
        fold_scores.iter().map(|s| format!("{s:.2}")).collect::<Vec<_>>().join(", "),
        mean(&fold_start)
    )?;
    let metric_line = |m: &[Metrics]| {
        names
            .iter()
            .enumerate()
            .filter(|(_, name)| !name.is_empty())
            .map(|(j, name)| format!("{name} {:.2}", mean_of(m, &all, |x| x[j])))
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(
        out,
        "cross-validated (each document scored by the configuration tuned without it): {}",
        metric_line(&pooled)
    )?;
    writeln!(
        out,
        "start configuration:                                                          {}",
        metric_line(&start_metrics)
    )?;
    if let Some(lead) = &lead {
        writeln!(
            out,
            "Lead:                                                                         {}",
            metric_line(lead)
        )?;
    }
    writeln!(out)?;
    writeln!(out, "final search on all {n} documents:")?;
    let mut search =
        Search { ev: &ev, params, set: args.set, rounds: args.rounds, verbose: args.verbose, out };
    let best = search.descend(start, &all, None)?;
    let out = search.out;
    let m = ev.metrics(&best)?;
    writeln!(out, "final configuration on all documents (in-sample): {}", metric_line(&m))?;
    let changed = changes(&best, &Config::new());
    writeln!(out)?;
    if changed.is_empty() {
        writeln!(out, "# the final configuration is the default one")?;
    } else {
        writeln!(
            out,
            "# changes from the defaults (save as FILE.toml, use with --config FILE.toml):"
        )?;
        for line in changed {
            writeln!(out, "{line}")?;
        }
    }
    writeln!(
        out,
        "\n{} configurations scored in {:.1} s",
        ev.evaluated(),
        started.elapsed().as_secs_f64()
    )?;
    out.flush()?;
    Ok(())
}

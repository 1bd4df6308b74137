//! `talkhis eval` and `talkhis tune`: their options, checked and resolved here, handed to the
//! `talkhis-eval` package, which reads the corpora and writes the reports to standard output.

use std::io;

use anyhow::{Result, bail};
use talkhis_eval::defects::{self, DefectsOptions};
use talkhis_eval::run::{self, KeywordsOptions, SummariesOptions};
use talkhis_eval::tune::{self, Objective, Param, TooFewDocuments, TuneOptions};

use crate::UsageError;
use crate::args::{ConfigArgs, EvalCommand, TuneArgs, TuneCommand};
use crate::settings;

/// Runs `talkhis eval …`; `root` is the scoring configuration given before the subcommand.
///
/// # Errors
///
/// Usage errors in the configuration, and what the evaluation fails with.
pub fn eval(command: EvalCommand, root: ConfigArgs) -> Result<()> {
    let mut out = io::stdout().lock();
    match command {
        EvalCommand::Summaries(a) => {
            let options = SummariesOptions {
                config: a.config.merge(root).resolve()?,
                dir: a.dir,
                json: a.json,
                resamples: a.resamples,
                seed: a.seed,
            };
            run::summaries(&options, &mut out)
        }
        EvalCommand::Keywords(a) => {
            let options = KeywordsOptions {
                config: a.config.merge(root).resolve()?,
                dir: a.dir,
                json: a.json,
                k: a.k,
            };
            run::keywords(&options, &mut out)
        }
        EvalCommand::Defects(a) => {
            let options = DefectsOptions {
                config: a.config.merge(root).resolve()?,
                paths: a.paths,
                json: a.json,
                examples: a.examples,
            };
            defects::run(&options, &mut out)
        }
    }
}

/// Runs `talkhis tune …`; `root` is the scoring configuration given before the subcommand.
///
/// # Errors
///
/// Usage errors (the configuration, `--params`, `--grid`, more folds than documents), and what
/// the search fails with.
pub fn tune(command: TuneCommand, root: ConfigArgs) -> Result<()> {
    let (objective, a) = match command {
        TuneCommand::Summaries(a) => (Objective::Summaries, a),
        TuneCommand::Keywords(a) => (Objective::Keywords, a),
    };
    let start = a.config.clone().merge(root).resolve()?;
    let params = params(&a)?;
    let options = TuneOptions {
        dir: a.dir,
        objective,
        folds: a.folds,
        rounds: a.rounds,
        verbose: a.verbose,
        start,
        params,
        set: settings::set,
    };
    tune::run(&options, &mut io::stdout().lock()).map_err(|e| match e.downcast() {
        Ok(few @ TooFewDocuments { .. }) => UsageError(few.to_string()).into(),
        Err(e) => e,
    })
}

/// The parameters from `--params` and `--grid` (default: every weight, built-in grids).
fn params(args: &TuneArgs) -> Result<Vec<Param>> {
    let fields = settings::fields();
    let known = || fields.iter().map(|f| f.name.as_str()).collect::<Vec<_>>().join(", ");
    for name in &args.params {
        if !fields.iter().any(|f| f.name == *name) {
            bail!(UsageError(format!("--params: no weight {name:?} (weights: {})", known())));
        }
    }
    let mut params: Vec<(&settings::Field, Param)> = fields
        .iter()
        .filter(|f| args.params.is_empty() || args.params.contains(&f.name))
        .map(|f| (f, Param { name: f.name.clone(), grid: f.grid() }))
        .collect();
    for spec in &args.grid {
        let usage = |m: String| UsageError(format!("--grid {spec:?}: {m}"));
        let Some((name, values)) = spec.split_once('=') else {
            bail!(usage("expected NAME=V1,V2,...".into()));
        };
        let Some((field, p)) = params.iter_mut().find(|(f, _)| f.name == name) else {
            bail!(usage(format!("not a parameter being tuned (weights: {})", known())));
        };
        p.grid = values
            .split(',')
            .map(|v| field.parse(v.trim()).map_err(|e| usage(e.to_string())))
            .collect::<Result<_, _>>()?;
    }
    Ok(params.into_iter().map(|(_, p)| p).collect())
}

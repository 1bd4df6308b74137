//! Command-line arguments (clap derive), and the weight flags generated from `Config`.

use std::path::PathBuf;

use clap::builder::PossibleValuesParser;
use clap::error::ErrorKind;
use clap::parser::ValueSource;
use clap::{Arg, ArgMatches, Args, Command as ClapCommand, CommandFactory, FromArgMatches};
use clap::{Parser, Subcommand, ValueEnum, value_parser};
use talkhis::Config;
use toml::Value;

use crate::process::{MAX_KEYWORDS, SUMMARY_SENTENCES};
use crate::settings::{self, Kind};

/// Exit codes, for `--help`; the README has the same table.
const EXIT_CODES: &str = "\
Exit codes:
  0  success (also: empty input, and output cut short by a closed pipe such as `| head`)
  1  an input failed: missing or unreadable file, invalid UTF-8, a document too large;
     in a batch the other documents are still processed and reported
  2  usage: bad option or value, unreadable --config file, an option the subcommand
     does not take";

/// The JSON schema, for `--help`; the README has the same.
const JSON_SCHEMA: &str = "\
JSON output (--format json: one object, or an array for several inputs;
--format jsonl: one object per line). Stable field names:
  {\"path\": \"a.txt\",              input file (absent for standard input)
   \"total_sentences\": 31, \"total_words\": 649,
   \"sentences\": [{\"text\", \"start\", \"end\", \"score\"}],   summarize only, document order
   \"keywords\":  [{\"text\", \"start\", \"score\", \"count\"}], best first
   \"explain\":   [{\"index\", \"text\", \"start\", \"end\", \"words\", \"content_words\",
                  \"headline\", \"eligible\", \"chosen\", \"content\", \"position\",
                  \"bonus\", \"total\"}]}                       with --explain only
  start/end: byte offsets into the input (end exclusive); scores: decimals (1.5 = 1500
  thousandths). A failed input gives {\"path\", \"error\": {\"kind\", \"message\"}} with kind
  one of not-found, permission-denied, is-directory, io, invalid-utf8, too-large.";

/// `talkhis`: Arabic extractive summaries and keywords.
#[derive(Debug, Parser)]
#[command(
    name = "talkhis",
    version,
    about = "Arabic extractive summaries and keywords (تلخيص)",
    long_about = "Arabic extractive summaries and keywords (تلخيص).\n\n\
        Without a subcommand, summarizes: `talkhis article.txt` prints the article's best \
        sentences, one per line, in document order. Reads standard input when given `-` or \
        no path; reads the files of a folder that --glob matches (*.txt by default, \
        recursively, regular files only) in parallel. Options may stand before or after the subcommand (`talkhis -q keywords DIR`); a file named like \
        a subcommand is `./keywords`.",
    after_help = EXIT_CODES,
    after_long_help = format!("{EXIT_CODES}\n\n{JSON_SCHEMA}"),
)]
pub struct Cli {
    /// What to do (default: summarize).
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Options of the default `summarize`.
    #[command(flatten)]
    pub summarize: SummarizeArgs,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the summary of each input (the default).
    #[command(after_help = EXIT_CODES, after_long_help = format!("{EXIT_CODES}\n\n{JSON_SCHEMA}"))]
    Summarize(SummarizeArgs),
    /// Print the keywords of each input, best first.
    #[command(after_help = EXIT_CODES, after_long_help = format!("{EXIT_CODES}\n\n{JSON_SCHEMA}"))]
    Keywords(InputArgs),
    /// Print the scoring configuration as TOML (the defaults, with --config and flags applied).
    Config(ConfigArgs),
    /// Measure quality: ROUGE on EASC, keyword P/R/F1@k on AKEC (docs/EVALUATION.md), and
    /// what trips a reader on any folder of articles.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Search the scoring weights with k-fold cross validation.
    #[command(subcommand)]
    Tune(TuneCommand),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions(CompletionsArgs),
    /// Print the manual page (roff): `talkhis man | man -l -`.
    Man,
}

/// `talkhis completions SHELL`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_name = "SHELL", value_enum)]
    pub shell: clap_complete::Shell,
}

/// Inputs, output and configuration shared by `summarize` and `keywords`.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files or folders to read; `-` or nothing reads standard input. Folders are searched
    /// recursively for the files --glob matches (regular files only), processed in parallel
    /// in sorted order.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Read more paths from FILE (`-`: standard input), one a line: a folder is walked, a
    /// file is read if it is a regular file (as in a folder).
    #[arg(long, value_name = "FILE", help_heading = "Inputs")]
    pub files_from: Option<PathBuf>,

    /// With --files-from: the paths are separated by NUL bytes (as `find -print0` writes
    /// them), not by lines.
    #[arg(short = '0', long = "null", help_heading = "Inputs")]
    pub null: bool,

    /// Which files of a folder to read: a glob matched against each file name (or, if it
    /// holds a `/`, against the path below the folder), case-insensitive; `article.txt`,
    /// `*.{txt,md}`, `**/2015/*.txt` [default: *.txt]
    #[arg(long, value_name = "PATTERN", help_heading = "Inputs")]
    pub glob: Option<String>,

    /// The most bytes a document may have: a larger file fails from its size alone, a
    /// stream (standard input, a pipe, a device) stops at N + 1 bytes. Suffixes K, M, G
    /// (powers of 1024); at most 4G - 1 [default: 16M, 64M with --large]
    #[arg(long, value_name = "N", help_heading = "Inputs", value_parser = parse_bytes)]
    pub max_bytes: Option<u64>,

    /// Output format [default: text for one input, jsonl for several]
    #[arg(short, long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,

    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// How many keywords to return [default: 10]
    #[arg(
        short = 'k',
        long = "keywords",
        value_name = "N",
        value_parser = value_parser!(u16).range(0..=MAX_KEYWORDS as i64)
    )]
    pub keywords: Option<u16>,

    /// Replace invalid UTF-8 with U+FFFD instead of failing (offsets then index the repaired
    /// text).
    #[arg(long)]
    pub lossy: bool,

    /// Use the largest scratch space (65535 sentences, 262144 distinct terms, about 3.4 MB a
    /// thread) for documents too large for the default (16384 sentences, 65536 terms); raises
    /// the default --max-bytes to 64M.
    #[arg(long)]
    pub large: bool,

    /// No progress bar and no summary line on standard error.
    #[arg(short, long)]
    pub quiet: bool,

    /// Scoring configuration.
    #[command(flatten)]
    pub config: ConfigArgs,
}

impl InputArgs {
    /// These options given after the subcommand, over `root`, those given before it: a
    /// value given after wins, switches add up, paths and weight flags join (root first).
    #[must_use]
    pub fn merge(self, root: Self) -> Self {
        let mut paths = root.paths;
        paths.extend(self.paths);
        Self {
            paths,
            files_from: self.files_from.or(root.files_from),
            null: self.null || root.null,
            glob: self.glob.or(root.glob),
            max_bytes: self.max_bytes.or(root.max_bytes),
            format: self.format.or(root.format),
            output: self.output.or(root.output),
            keywords: self.keywords.or(root.keywords),
            lossy: self.lossy || root.lossy,
            large: self.large || root.large,
            quiet: self.quiet || root.quiet,
            config: self.config.merge(root.config),
        }
    }
}

/// `summarize`: the inputs plus the length and `--explain`.
#[derive(Debug, Args)]
pub struct SummarizeArgs {
    /// Inputs, output, configuration.
    #[command(flatten)]
    pub input: InputArgs,

    /// Summary length.
    #[command(flatten)]
    pub budget: BudgetArgs,

    /// Show every sentence with the parts of its score (content, position, bonus) and which
    /// were chosen.
    #[arg(long)]
    pub explain: bool,
}

impl SummarizeArgs {
    /// As [`InputArgs::merge`]; a length given after the subcommand replaces one before it.
    #[must_use]
    pub fn merge(self, root: Self) -> Self {
        let budget = if self.budget.budget().is_some() { self.budget } else { root.budget };
        Self { input: self.input.merge(root.input), budget, explain: self.explain || root.explain }
    }
}

/// The summary length: one of three.
#[derive(Debug, Args, Clone, Copy, Default)]
#[group(multiple = false)]
pub struct BudgetArgs {
    /// At most N sentences [default: 3]
    #[arg(
        short = 'n',
        long,
        value_name = "N",
        help_heading = "Length",
        value_parser = value_parser!(u16).range(0..=SUMMARY_SENTENCES as i64)
    )]
    pub sentences: Option<u16>,

    /// About N words: whole sentences, the last one may cross N; with --fill false a
    /// sentence that would cross N is skipped, but the best sentence is always taken, even
    /// when it alone is longer than N, so the summary is never empty
    #[arg(short, long, value_name = "N", help_heading = "Length")]
    pub words: Option<u32>,

    /// About this share of the document's words, from 0 to 1 (0.25 = a quarter)
    #[arg(short, long, value_name = "R", help_heading = "Length", value_parser = parse_ratio)]
    pub ratio: Option<u16>,
}

impl BudgetArgs {
    /// The budget chosen on the command line, if any.
    pub fn budget(self) -> Option<talkhis::Budget> {
        use talkhis::Budget;
        self.sentences
            .map(Budget::Sentences)
            .or(self.words.map(Budget::Words))
            .or(self.ratio.map(Budget::Ratio))
    }
}

/// The largest `--max-bytes`: the core indexes text with 32-bit offsets (4 GiB - 1).
pub const MAX_BYTES_LIMIT: u64 = u32::MAX as u64;

/// Parses `--max-bytes`: a whole number of bytes, with an optional K, M or G (powers of
/// 1024), from 1 to [`MAX_BYTES_LIMIT`].
fn parse_bytes(text: &str) -> Result<u64, String> {
    let (digits, shift) = match text.as_bytes().last() {
        Some(b'K' | b'k') => (&text[..text.len() - 1], 10),
        Some(b'M' | b'm') => (&text[..text.len() - 1], 20),
        Some(b'G' | b'g') => (&text[..text.len() - 1], 30),
        _ => (text, 0),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("expected a number of bytes such as 1000000 or 64M, got {text:?}"))?;
    let bytes = n.saturating_mul(1 << shift);
    if !(1..=MAX_BYTES_LIMIT).contains(&bytes) {
        return Err(format!("{text} is not in 1..={MAX_BYTES_LIMIT} bytes (4G - 1)"));
    }
    Ok(bytes)
}

/// The options given on the command line before the subcommand, as `(id, spelling)`:
/// `("quiet", "--quiet")`, `("paths", "PATH")`.
pub fn given_before(matches: &ArgMatches) -> Vec<(String, String)> {
    let cmd = Cli::command();
    cmd.get_arguments()
        .filter(|arg| {
            let id = arg.get_id().as_str();
            matches.ids().any(|m| m.as_str() == id)
                && matches.value_source(id) == Some(ValueSource::CommandLine)
        })
        .map(|arg| {
            let name = match (arg.get_long(), arg.get_short()) {
                (Some(long), _) => format!("--{long}"),
                (None, Some(short)) => format!("-{short}"),
                (None, None) => arg.get_id().as_str().to_uppercase(),
            };
            (arg.get_id().as_str().to_owned(), name)
        })
        .collect()
}

/// Parses `--ratio`: a decimal from 0 to 1, stored in thousandths.
fn parse_ratio(text: &str) -> Result<u16, String> {
    let r: f64 =
        text.parse().map_err(|_| format!("expected a number from 0 to 1, got {text:?}"))?;
    if !(0.0..=1.0).contains(&r) {
        return Err(format!("expected a number from 0 to 1, got {text}"));
    }
    Ok((r * 1000.0).round() as u16)
}

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Sentences (or keywords) one per line; `==> path <==` headers for several inputs.
    Text,
    /// One JSON object (an array of them for several inputs); schema in --help.
    Json,
    /// One JSON object per line, one line per input.
    Jsonl,
    /// The core's postcard encoding of `Summary<'_, 1024>` or `Keywords<'_, 256>`; one
    /// input only; never to a terminal.
    Postcard,
}

/// `--config FILE` and the weight flags: the scoring configuration.
#[derive(Debug, Args, Clone, Default)]
pub struct ConfigArgs {
    /// Read the configuration from a TOML file (as `talkhis config` prints it; any subset
    /// of its keys); the flags below override it.
    #[arg(long = "config", value_name = "FILE.toml", help_heading = "Scoring weights")]
    pub file: Option<PathBuf>,

    /// One flag per weight of the core's `Config`.
    #[command(flatten)]
    pub weights: WeightArgs,
}

impl ConfigArgs {
    /// As [`InputArgs::merge`]: `--config` after the subcommand wins, weight flags after it
    /// override those before.
    #[must_use]
    pub fn merge(self, root: Self) -> Self {
        let mut overrides = root.weights.overrides;
        for (name, value) in self.weights.overrides {
            overrides.retain(|(n, _)| *n != name);
            overrides.push((name, value));
        }
        Self { file: self.file.or(root.file), weights: WeightArgs { overrides } }
    }

    /// The configuration: defaults, then `--config`, then the weight flags.
    ///
    /// # Errors
    ///
    /// A usage error when the file cannot be used.
    pub fn resolve(&self) -> anyhow::Result<Config> {
        let mut config = match &self.file {
            Some(path) => settings::load(path)?,
            None => Config::new(),
        };
        for (name, value) in &self.weights.overrides {
            config = settings::set(&config, name, value.clone())
                .map_err(|e| crate::UsageError(format!("--{}: {e:#}", name.replace('_', "-"))))?;
        }
        Ok(config)
    }
}

/// The weight flags, one per field of `Config` (see [`settings`]): `--position-decay 300`.
///
/// Built at run time from the fields `Config` serializes, so every field the core adds
/// gets a flag.
#[derive(Debug, Clone, Default)]
pub struct WeightArgs {
    /// The fields set on the command line, in `Config` order.
    pub overrides: Vec<(String, Value)>,
}

impl FromArgMatches for WeightArgs {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let mut args = Self::default();
        args.update_from_arg_matches(matches)?;
        Ok(args)
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        for field in settings::fields() {
            let Some(text) = matches.get_one::<String>(&field.name) else { continue };
            let invalid = |e: anyhow::Error| {
                clap::Error::raw(
                    ErrorKind::ValueValidation,
                    format!("invalid value {text:?} for --{}: {e:#}\n", field.flag()),
                )
            };
            let value = field.parse(text).map_err(invalid)?;
            settings::set(&Config::new(), &field.name, value.clone()).map_err(invalid)?;
            self.overrides.retain(|(n, _)| *n != field.name);
            self.overrides.push((field.name, value));
        }
        Ok(())
    }
}

impl Args for WeightArgs {
    fn augment_args(cmd: ClapCommand) -> ClapCommand {
        settings::fields().into_iter().fold(cmd, |cmd, field| {
            let arg = Arg::new(field.name.clone())
                .long(field.flag())
                .help(format!("{} [default: {}]", capitalize(&field.help()), field.default))
                .help_heading("Scoring weights");
            let arg = match field.kind {
                Kind::Int => arg.value_name("N").allow_negative_numbers(true),
                Kind::Bool => arg
                    .value_name("BOOL")
                    .value_parser(PossibleValuesParser::new(["true", "false"])),
            };
            cmd.arg(arg)
        })
    }

    fn augment_args_for_update(cmd: ClapCommand) -> ClapCommand {
        Self::augment_args(cmd)
    }
}

/// `text` with its first letter in upper case, for help lines.
fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// `talkhis eval …`.
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// ROUGE-1/2/L of talkhis and of the Lead baseline on EASC: the folder holding the public
    /// distribution's EASC-UTF-8/, or a converted one (topicNNN/article.txt,
    /// topicNNN/ref-*.txt, manifest.tsv).
    Summaries(EvalSummariesArgs),
    /// P/R/F1@k of the keywords, exact and partial match, on an AKEC-layout folder
    /// (ID/document.txt, ID/keyphrases-frequency-pure.txt, manifest.tsv).
    Keywords(EvalKeywordsArgs),
    /// Count what trips a reader in the summaries (3 sentences) and keywords (top 10) of real
    /// articles: sentences that start with punctuation or are cut mid-line, site furniture,
    /// keywords that share a word, say nothing of the topic or carry a clitic.
    Defects(EvalDefectsArgs),
}

/// `talkhis eval defects`.
#[derive(Debug, Args)]
pub struct EvalDefectsArgs {
    /// Articles: files, or folders (every article.txt below, else every *.txt).
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Show up to N cases of each kind.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub examples: usize,
    /// Scoring configuration.
    #[command(flatten)]
    pub config: ConfigArgs,
}

/// `talkhis eval summaries`.
#[derive(Debug, Args)]
pub struct EvalSummariesArgs {
    /// The corpus folder.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Print one JSON object (scores ×100) instead of tables.
    #[arg(long)]
    pub json: bool,
    /// Bootstrap resamples for the 95% confidence intervals.
    #[arg(long, value_name = "N", default_value_t = 10_000)]
    pub resamples: usize,
    /// Seed of the bootstrap.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub seed: u64,
    /// Scoring configuration (the budget is always the references' mean length).
    #[command(flatten)]
    pub config: ConfigArgs,
}

/// `talkhis eval keywords`.
#[derive(Debug, Args)]
pub struct EvalKeywordsArgs {
    /// The corpus folder.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Print one JSON object (scores ×100) instead of a table.
    #[arg(long)]
    pub json: bool,
    /// k: how many keywords are scored.
    #[arg(short, long = "keywords", value_name = "K", default_value_t = 10,
          value_parser = value_parser!(u16).range(1..=talkhis_eval::scratch::MAX_KEYWORDS as i64))]
    pub k: u16,
    /// Scoring configuration.
    #[command(flatten)]
    pub config: ConfigArgs,
}

/// `talkhis tune …`.
#[derive(Debug, Subcommand)]
pub enum TuneCommand {
    /// Tune for summaries: objective = mean of ROUGE-1 F and ROUGE-2 F on EASC.
    Summaries(TuneArgs),
    /// Tune for keywords: objective = mean of exact and partial F1@10 on AKEC.
    Keywords(TuneArgs),
}

/// `talkhis tune summaries|keywords`.
#[derive(Debug, Args)]
pub struct TuneArgs {
    /// The corpus folder (EASC layout for summaries, AKEC for keywords).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Number of cross-validation folds (documents sorted by id, dealt round-robin).
    #[arg(long, value_name = "K", default_value_t = 5, value_parser = value_parser!(u16).range(2..))]
    pub folds: u16,
    /// Most rounds of coordinate descent (a round tries every parameter once).
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub rounds: u16,
    /// The parameters to tune, comma-separated [default: every weight]
    #[arg(long, value_name = "NAME,...", value_delimiter = ',')]
    pub params: Vec<String>,
    /// The values to try for one parameter, replacing its built-in grid; repeatable:
    /// `--grid position_decay=100,200,400`.
    #[arg(long, value_name = "NAME=V,...")]
    pub grid: Vec<String>,
    /// Print every value tried, not only the moves taken.
    #[arg(short, long)]
    pub verbose: bool,
    /// Starting configuration.
    #[command(flatten)]
    pub config: ConfigArgs,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_definition_is_valid() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }

    #[test]
    fn parse_bytes_table() {
        let cases: &[(&str, Result<u64, ()>)] = &[
            ("1", Ok(1)),
            ("1000", Ok(1000)),
            ("16M", Ok(16 << 20)),
            ("2k", Ok(2048)),
            ("3G", Ok(3 << 30)),
            ("4294967295", Ok(MAX_BYTES_LIMIT)),
            ("4G", Err(())),
            ("0", Err(())),
            ("-1", Err(())),
            ("", Err(())),
            ("M", Err(())),
            ("99999999999999999999G", Err(())),
            ("1.5M", Err(())),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_bytes(text).map_err(|_| ()), *expected, "case {text:?}");
        }
    }

    #[test]
    fn parse_ratio_table() {
        let cases: &[(&str, Result<u16, ()>)] = &[
            ("0", Ok(0)),
            ("1", Ok(1000)),
            ("0.25", Ok(250)),
            ("0.3333", Ok(333)),
            ("1.5", Err(())),
            ("-0.1", Err(())),
            ("NaN", Err(())),
            ("half", Err(())),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_ratio(text).map_err(|_| ()), *expected, "case {text:?}");
        }
    }
}

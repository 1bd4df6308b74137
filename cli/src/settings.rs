//! The core's [`Config`] as the command line sees it: named fields, TOML files, overrides.
//!
//! The weight fields are discovered by serializing [`Config::new`], not listed by hand, so a
//! field added to the core's `Config` gets a command-line flag (`--new-field`), a line in
//! `talkhis config`, a key in `--config` files and a place in `talkhis tune` with no change
//! here. The table [`KNOWN`] only adds help text and tuning grids for the fields we know.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result, anyhow, bail};
use talkhis::Config;
use toml::{Table, Value};

use crate::UsageError;
use crate::process::{MAX_KEYWORDS, SUMMARY_SENTENCES};

/// `Config` fields that have options of their own (`--sentences`/`--words`/`--ratio` and
/// `-k`), so they get no generic weight flag and are not tuned.
pub const SPECIAL: [&str; 2] = ["budget", "keywords"];

/// Help text and tuning grid of a `Config` field the CLI knows about.
pub struct Known {
    /// The field's name in `Config` (and in TOML).
    pub name: &'static str,
    /// One line for `--help` and `talkhis config`.
    pub help: &'static str,
    /// The values `talkhis tune` tries (booleans try `false` and `true`).
    pub grid: &'static [i64],
}

/// Help and grids of the fields of `Config` at the time of writing, in its order.
pub const KNOWN: &[Known] = &[
    Known {
        name: "content_weight",
        help: "weight of the content (term frequency) part, in percent",
        grid: &[0, 25, 50, 75, 100, 150, 200, 300],
    },
    Known {
        name: "position_weight",
        help: "weight of the position part, in percent",
        grid: &[0, 25, 50, 75, 100, 150, 200, 300, 500],
    },
    Known {
        name: "position_decay",
        help: "how fast the position part falls with a sentence's rank, in thousandths per sentence",
        grid: &[0, 50, 100, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000],
    },
    Known {
        name: "lead_bonus",
        help: "bonus of the first body sentence, in thousandths",
        grid: &[0, 100, 200, 300, 500, 750, 1000, 1500, 2000, 3000],
    },
    Known {
        name: "headline_boost",
        help: "extra weight of headline terms, in percent (summaries and keywords)",
        grid: &[0, 25, 50, 100, 150, 200, 300, 500],
    },
    Known {
        name: "length_smoothing",
        help: "words added to a sentence's length when averaging its term weights",
        grid: &[0, 1, 2, 4, 6, 8, 12, 16, 24],
    },
    Known {
        name: "min_words",
        help: "fewest content words a chosen sentence needs",
        grid: &[1, 2, 3, 4, 5, 6, 8, 10],
    },
    Known {
        name: "redundancy",
        help: "skip a sentence sharing this share of its terms with a chosen one, in \
               thousandths (1000 = off)",
        grid: &[300, 400, 500, 600, 700, 800, 900, 1000],
    },
    Known {
        name: "headline_eligible",
        help: "whether the headline may be part of the summary (true or false)",
        grid: &[],
    },
    Known {
        name: "fill",
        help: "whether the last sentence may cross a word budget (true or false); with false the \
               best sentence is still taken, even past the budget",
        grid: &[],
    },
    Known {
        name: "keyword_position_decay",
        help: "how fast a keyword's score falls with where the text first uses it, in \
               thousandths per 10 words",
        grid: &[0, 25, 50, 100, 200, 300, 400, 500, 750, 1000],
    },
    Known {
        name: "lead_sentences",
        help: "how many of the first body sentences get the lead bonus",
        grid: &[0, 1, 2, 3, 4, 5],
    },
    Known {
        name: "topic_threshold",
        help: "0 weighs terms by frequency; n > 0 counts only terms repeated at least n times",
        grid: &[0, 2, 3, 4, 5, 8],
    },
    Known {
        name: "phrase_weight",
        help: "weight of a two-word keyphrase against a single term, in percent (0 = no \
               keyphrases)",
        grid: &[0, 50, 100, 150, 200, 300, 400],
    },
    Known {
        name: "phrase_min_count",
        help: "how often (at least 2) a pair of adjacent words must occur to be a keyphrase",
        grid: &[2, 3, 4, 5],
    },
];

/// The values the CLI allows where the core's type (`u16`) allows more, as
/// `(field, least, most)`: the CLI returns at most [`MAX_KEYWORDS`] keywords, a redundancy
/// of 1000 already turns the check off, and a keyphrase needs a pair seen at least twice.
/// Flags and `--config` files go through the same check ([`check`]).
pub const RANGES: &[(&str, i64, i64)] = &[
    ("keywords", 0, MAX_KEYWORDS as i64),
    ("redundancy", 0, 1000),
    ("phrase_min_count", 2, u16::MAX as i64),
];

/// The ranges of the budget's kinds: at most [`SUMMARY_SENTENCES`] sentences, a ratio of
/// at most 1000 thousandths; words are any `u32`.
const BUDGET_RANGES: &[(&str, i64, i64)] =
    &[("Sentences", 0, SUMMARY_SENTENCES as i64), ("Ratio", 0, 1000)];

/// Checks the values of `table` (a whole or partial `Config`) against [`RANGES`]; every
/// other integer field is a `u16`, 0 to 65535.
///
/// # Errors
///
/// One naming the key, the value and the range: `redundancy = 5000 is not in 0..=1000`.
pub fn check(table: &Table) -> Result<()> {
    let out_of = |key: &str, v: i64, (least, most): (i64, i64)| {
        anyhow!("{key} = {v} is not in {least}..={most}")
    };
    for (name, value) in table {
        let Some(v) = value.as_integer() else { continue };
        let range = RANGES
            .iter()
            .find(|(n, ..)| n == name)
            .map_or((0, i64::from(u16::MAX)), |&(_, least, most)| (least, most));
        if !(range.0..=range.1).contains(&v) {
            return Err(out_of(name, v, range));
        }
    }
    if let Some(budget) = table.get("budget").and_then(Value::as_table) {
        for (kind, least, most) in BUDGET_RANGES {
            if let Some(v) = budget.get(*kind).and_then(Value::as_integer)
                && !(*least..=*most).contains(&v)
            {
                return Err(out_of(&format!("budget.{kind}"), v, (*least, *most)));
            }
        }
    }
    Ok(())
}

/// The type of a weight field, from its default value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An unsigned integer (percent, thousandths or a count).
    Int,
    /// A switch.
    Bool,
}

/// One weight field of `Config`.
#[derive(Clone, Debug)]
pub struct Field {
    /// Its name in `Config` and TOML, e.g. `position_decay`.
    pub name: String,
    /// Its type.
    pub kind: Kind,
    /// Its default value.
    pub default: Value,
}

impl Field {
    /// The command-line flag, without dashes: `position-decay`.
    pub fn flag(&self) -> String {
        self.name.replace('_', "-")
    }

    /// The help line: from [`KNOWN`], or a generic one for a field added to the core later.
    pub fn help(&self) -> String {
        KNOWN.iter().find(|k| k.name == self.name).map_or_else(
            || format!("Config field `{}` (see the talkhis::Config docs)", self.name),
            |k| k.help.to_owned(),
        )
    }

    /// The values `talkhis tune` tries: the [`KNOWN`] grid, or, for a field added later, a
    /// spread around its default (0, ¼, ½, ¾, 1, 1½, 2 and 3 times it; for a default of 0,
    /// 0 to 1000 in rough doubling steps).
    pub fn grid(&self) -> Vec<Value> {
        match self.kind {
            Kind::Bool => vec![Value::Boolean(false), Value::Boolean(true)],
            Kind::Int => {
                let known = KNOWN.iter().find(|k| k.name == self.name).map(|k| k.grid);
                let mut values: Vec<i64> = match known {
                    Some(grid) if !grid.is_empty() => grid.to_vec(),
                    _ => match self.default.as_integer().unwrap_or(0) {
                        d if d > 0 => {
                            [0, d / 4, d / 2, 3 * d / 4, d, 3 * d / 2, 2 * d, 3 * d].to_vec()
                        }
                        _ => [0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].to_vec(),
                    },
                };
                values.sort_unstable();
                values.dedup();
                values.into_iter().map(Value::Integer).collect()
            }
        }
    }

    /// Parses a value of this field from the command line.
    pub fn parse(&self, text: &str) -> Result<Value> {
        match self.kind {
            Kind::Bool => match text {
                "true" => Ok(Value::Boolean(true)),
                "false" => Ok(Value::Boolean(false)),
                _ => bail!("expected true or false, got {text:?}"),
            },
            Kind::Int => text
                .parse::<i64>()
                .map(Value::Integer)
                .map_err(|_| anyhow!("expected a whole number, got {text:?}")),
        }
    }
}

/// `config` as a TOML table, fields in declaration order.
pub fn to_table(config: &Config) -> Table {
    // A struct of integers, booleans and one enum always serializes; an error would be a bug
    // in the core's derive, so fall back to an empty table rather than panicking.
    Table::try_from(config).unwrap_or_default()
}

/// Rebuilds a `Config` from a complete table.
///
/// # Errors
///
/// When a value is out of range or of the wrong type for its field.
pub fn from_table(table: Table) -> Result<Config> {
    table.try_into::<Config>().map_err(|e| anyhow!("{}", e.to_string().trim()))
}

/// The weight fields of `Config` (all but [`SPECIAL`]), in declaration order.
pub fn fields() -> Vec<Field> {
    to_table(&Config::new())
        .into_iter()
        .filter(|(name, _)| !SPECIAL.contains(&name.as_str()))
        .filter_map(|(name, default)| {
            let kind = match default {
                Value::Integer(_) => Kind::Int,
                Value::Boolean(_) => Kind::Bool,
                _ => return None,
            };
            Some(Field { name, kind, default })
        })
        .collect()
}

/// `config` with the field `name` set to `value`.
///
/// # Errors
///
/// When `name` is no field of `Config` or `value` does not fit it (e.g. 70000 in a `u16`).
pub fn set(config: &Config, name: &str, value: Value) -> Result<Config> {
    let mut table = to_table(config);
    let Some(slot) = table.get_mut(name) else { bail!("Config has no field {name:?}") };
    *slot = value;
    check(&table)?;
    from_table(table).with_context(|| format!("invalid value for {name}"))
}

/// The largest `--config` file: `talkhis config` prints about 2 KB.
const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// Reads a `--config` TOML file: any subset of the keys `talkhis config` prints, applied over
/// the defaults. Unknown keys are errors, so a typo never passes silently.
///
/// # Errors
///
/// A [`UsageError`] naming the path when the file cannot be read or parsed, has an unknown
/// key, or a value that does not fit its field.
pub fn load(path: &Path) -> Result<Config> {
    let usage = |msg: String| anyhow::Error::new(UsageError(msg));
    let bytes = crate::input::read_small(path, MAX_CONFIG_BYTES).map_err(|e| {
        let what = match e.kind {
            "is-directory" => "is a directory, expected a TOML file".to_owned(),
            "not-found" => "no such file".to_owned(),
            _ => e.message,
        };
        usage(format!("config {}: {what}", path.display()))
    })?;
    let Some(bytes) = bytes else {
        let what = format!("larger than {MAX_CONFIG_BYTES} bytes, not a talkhis configuration");
        return Err(usage(format!("config {}: {what}", path.display())));
    };
    let text = String::from_utf8(bytes)
        .map_err(|_| usage(format!("config {}: not UTF-8 text", path.display())))?;
    let file: Table = toml::from_str(&text)
        .map_err(|e| usage(format!("config {}: {}", path.display(), e.to_string().trim())))?;
    let mut table = to_table(&Config::new());
    for (key, value) in file {
        let Some(slot) = table.get_mut(&key) else {
            let known: Vec<&str> = table.keys().map(String::as_str).collect();
            return Err(usage(format!(
                "config {}: unknown key {key:?} (known: {})",
                path.display(),
                known.join(", ")
            )));
        };
        *slot = value;
    }
    check(&table)
        .and_then(|()| from_table(table))
        .map_err(|e| usage(format!("config {}: {e}", path.display())))
}

/// `config` as a commented TOML file that [`load`] reads back.
pub fn render(config: &Config) -> String {
    let mut out = String::from(
        "# talkhis scoring configuration: pass it back with `--config FILE.toml`.\n\
         # Every key is optional; a missing key keeps its default.\n\n",
    );
    let fields = fields();
    for (key, value) in to_table(config) {
        let help = match key.as_str() {
            "budget" => "summary length: { Sentences = N }, { Words = N } or { Ratio = \
                         thousandths } (--sentences, --words, --ratio)"
                .to_owned(),
            "keywords" => "most keywords to return (-k)".to_owned(),
            _ => fields.iter().find(|f| f.name == key).map_or_else(String::new, Field::help),
        };
        let flag = if SPECIAL.contains(&key.as_str()) {
            String::new()
        } else {
            format!(" (--{})", key.replace('_', "-"))
        };
        let _ = writeln!(out, "# {help}{flag}");
        let _ = writeln!(out, "{key} = {value}");
    }
    out
}

#[cfg(test)]
mod tests {
    use std::fs;

    use talkhis::Budget;

    use super::*;

    #[test]
    fn render_reads_back() {
        let config = Config::new().with_budget(Budget::Words(120)).with_position_decay(321);
        let text = render(&config);
        let dir = std::env::temp_dir().join(format!("talkhis-settings-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("c.toml");
        fs::write(&path, &text).unwrap();
        assert_eq!(load(&path).unwrap(), config, "{text}");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn every_field_is_known_and_every_known_is_a_field() {
        let names: Vec<String> = fields().into_iter().map(|f| f.name).collect();
        for k in KNOWN {
            assert!(
                names.iter().any(|n| n == k.name),
                "KNOWN lists {} but Config lacks it",
                k.name
            );
        }
        assert!(!names.is_empty());
    }

    #[test]
    fn set_table() {
        let base = Config::new();
        let cases: &[(&str, &str, Value, Option<Config>)] = &[
            ("integer", "position_decay", Value::Integer(300), Some(base.with_position_decay(300))),
            ("bool", "fill", Value::Boolean(false), Some(base.with_fill(false))),
            ("out of range", "position_decay", Value::Integer(70_000), None),
            ("negative", "min_words", Value::Integer(-1), None),
            ("wrong type", "fill", Value::Integer(1), None),
            ("unknown field", "no_such_field", Value::Integer(1), None),
            ("redundancy past 1000", "redundancy", Value::Integer(5000), None),
            (
                "redundancy 1000",
                "redundancy",
                Value::Integer(1000),
                Some(base.with_redundancy(1000)),
            ),
            ("phrase pair once", "phrase_min_count", Value::Integer(1), None),
            ("more keywords than the CLI returns", "keywords", Value::Integer(1000), None),
            ("256 keywords", "keywords", Value::Integer(256), Some(base.with_keywords(256))),
        ];
        for (name, field, value, expected) in cases {
            let got = set(&base, field, value.clone()).ok();
            assert_eq!(got, *expected, "case {name:?}");
        }
    }
}

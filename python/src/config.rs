//! `talkhis.Config`: the core's `Config` with named fields, validated as the CLI validates.
//!
//! As in the CLI (`cli/src/settings.rs`), the fields are discovered by serializing the core's
//! `Config::new` to a TOML table, not listed by hand: a field the core adds is a keyword
//! argument, an attribute and a `--config` key here with no change. A field's range is the
//! range of its type (the CLI's `from_table` check: `u16` fields take 0 to 65535); `keywords`
//! and the length take the ranges of the CLI's `-k`, `--sentences`, `--words` and `--ratio`.

use std::sync::OnceLock;

use pyo3::exceptions::{PyAttributeError, PyFileNotFoundError, PyOSError, PyTypeError};
use pyo3::exceptions::{PyIsADirectoryError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyString, PyTuple};
use talkhis::{Budget, Config as CoreConfig};
use toml::{Table, Value};

use crate::engine::{MAX_KEYWORDS, SUMMARY_SENTENCES};

/// The names of the three lengths, which are one field (`budget`) of the core's `Config`.
const LENGTHS: [&str; 3] = ["sentences", "words", "ratio"];

/// Scoring weights and switches, and the default length and keyword count.
///
/// Every argument is a keyword and optional; the defaults are the CLI's (`talkhis config`
/// prints them). The length is one of `sentences` (up to 1024), `words` or `ratio` (0 to 1);
/// `keywords` is up to 256; every weight is a whole number in its field's range (0 to 65535)
/// and every switch a bool. A value out of range raises `ValueError` naming the field and the
/// range; a value of the wrong type, or an unknown name, raises `TypeError`.
///
/// The weights: content_weight, position_weight, position_decay, lead_bonus, headline_boost,
/// length_smoothing, min_words, redundancy, headline_eligible, fill, keyword_position_decay,
/// lead_sentences, topic_threshold, phrase_weight, phrase_min_count (`Config.fields()` lists
/// them all, and the CLI's `talkhis config` explains each).
///
/// A `Config` is immutable, comparable, hashable and picklable; `replace(**changes)` gives
/// a changed copy, `from_toml(path)` reads the CLI's `--config` files and `to_toml()` writes
/// one.
///
/// >>> import talkhis
/// >>> short = talkhis.Config(sentences=1, keywords=5, position_decay=300)
/// >>> short.position_decay
/// 300
/// >>> short.replace(words=40)
/// Config(words=40, keywords=5, position_decay=300)
/// >>> talkhis.summarize("نص قصير عن المياه والطاقة. وجملة ثانية عن المياه.", config=short)[0].text
/// 'نص قصير عن المياه والطاقة.'
#[pyclass(module = "talkhis", name = "Config", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Config {
    pub inner: CoreConfig,
}

/// A field's type and range.
#[derive(Clone, Copy, Debug)]
enum Kind {
    Int { max: i64 },
    Bool,
}

/// One field of the core's `Config` (all but `budget`).
#[derive(Debug)]
struct Field {
    name: String,
    kind: Kind,
}

/// `config` as a TOML table, fields in declaration order.
fn to_table(config: &CoreConfig) -> Table {
    // A struct of integers, booleans and one enum always serializes; see the CLI's `to_table`.
    Table::try_from(config).unwrap_or_default()
}

/// The fields, discovered once from `Config::new()`.
fn fields() -> &'static [Field] {
    static FIELDS: OnceLock<Vec<Field>> = OnceLock::new();
    FIELDS.get_or_init(|| {
        let defaults = to_table(&CoreConfig::new());
        defaults
            .iter()
            .filter_map(|(name, value)| {
                let kind = match value {
                    Value::Boolean(_) => Kind::Bool,
                    Value::Integer(_) if name == "keywords" => {
                        Kind::Int { max: MAX_KEYWORDS as i64 }
                    }
                    Value::Integer(_) => Kind::Int { max: int_max(&defaults, name) },
                    _ => return None,
                };
                Some(Field { name: name.clone(), kind })
            })
            .collect()
    })
}

/// The largest value the field `name` takes: the largest of the unsigned integer maxima that
/// deserializes.
fn int_max(defaults: &Table, name: &str) -> i64 {
    let fits = |v: i64| {
        let mut table = defaults.clone();
        table.insert(name.to_owned(), Value::Integer(v));
        table.try_into::<CoreConfig>().is_ok()
    };
    let mut max = 0;
    for candidate in [i64::from(u8::MAX), i64::from(u16::MAX), i64::from(u32::MAX)] {
        if !fits(candidate) {
            break;
        }
        max = candidate;
    }
    max
}

fn field(name: &str) -> Option<&'static Field> {
    fields().iter().find(|f| f.name == name)
}

/// Every keyword argument `Config` takes.
fn names() -> Vec<&'static str> {
    LENGTHS.into_iter().chain(fields().iter().map(|f| f.name.as_str())).collect()
}

/// A wrong value: a `TypeError` or a `ValueError`.
enum Invalid {
    Type(String),
    Value(String),
}

impl Invalid {
    fn into_err(self) -> PyErr {
        match self {
            Self::Type(m) => PyTypeError::new_err(m),
            Self::Value(m) => PyValueError::new_err(m),
        }
    }

    /// As a `ValueError` (for values read from a file, where every mistake is in the value).
    fn into_value_err(self, prefix: &str) -> PyErr {
        match self {
            Self::Type(m) | Self::Value(m) => PyValueError::new_err(format!("{prefix}{m}")),
        }
    }
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map_or_else(|_| "?".to_owned(), |n| n.to_string())
}

/// `obj` as a whole number from `min` to `max`, for the argument `what`.
fn int_in(obj: &Bound<'_, PyAny>, what: &str, min: i64, max: i64) -> Result<i64, Invalid> {
    if obj.is_instance_of::<PyBool>() || !obj.is_instance_of::<PyInt>() {
        return Err(Invalid::Type(format!("{what} must be an int, not {}", type_name(obj))));
    }
    let range = || {
        let shown = obj.str().map_or_else(|_| "?".to_owned(), |s| s.to_string());
        Invalid::Value(format!("{what} must be from {min} to {max}, got {shown}"))
    };
    let value = obj.extract::<i64>().map_err(|_| range())?;
    if (min..=max).contains(&value) { Ok(value) } else { Err(range()) }
}

/// A Python value for the field `f`, checked, as TOML.
fn py_value(f: &Field, obj: &Bound<'_, PyAny>, what: &str) -> Result<Value, Invalid> {
    match f.kind {
        Kind::Bool => match obj.cast::<PyBool>() {
            Ok(b) => Ok(Value::Boolean(b.is_true())),
            Err(_) => Err(Invalid::Type(format!("{what} must be a bool, not {}", type_name(obj)))),
        },
        Kind::Int { max } => int_in(obj, what, 0, max).map(Value::Integer),
    }
}

/// A TOML value for the field `f`, checked.
fn toml_value(f: &Field, value: &Value) -> Result<(), Invalid> {
    match (f.kind, value) {
        (Kind::Bool, Value::Boolean(_)) => Ok(()),
        (Kind::Int { max }, Value::Integer(v)) if (0..=max).contains(v) => Ok(()),
        (Kind::Int { max }, Value::Integer(v)) => {
            Err(Invalid::Value(format!("{} must be from 0 to {max}, got {v}", f.name)))
        }
        (Kind::Int { .. }, other) => Err(Invalid::Type(format!(
            "{} must be a whole number, not {}",
            f.name,
            other.type_str()
        ))),
        (Kind::Bool, other) => Err(Invalid::Type(format!(
            "{} must be true or false, not {}",
            f.name,
            other.type_str()
        ))),
    }
}

/// The length given as `sentences`, `words` or `ratio` (at most one), if any.
pub fn budget_override<'py>(
    sentences: Option<&Bound<'py, PyAny>>,
    words: Option<&Bound<'py, PyAny>>,
    ratio: Option<&Bound<'py, PyAny>>,
) -> PyResult<Option<Budget>> {
    let given = |o: Option<&Bound<'py, PyAny>>| o.filter(|o| !o.is_none()).cloned();
    let (sentences, words, ratio) = (given(sentences), given(words), given(ratio));
    let count = [&sentences, &words, &ratio].iter().filter(|o| o.is_some()).count();
    if count > 1 {
        return Err(PyTypeError::new_err("give at most one of sentences, words and ratio"));
    }
    if let Some(n) = sentences {
        let n = int_in(&n, "sentences", 0, SUMMARY_SENTENCES as i64).map_err(Invalid::into_err)?;
        return Ok(Some(Budget::Sentences(n as u16)));
    }
    if let Some(n) = words {
        let n = int_in(&n, "words", 0, i64::from(u32::MAX)).map_err(Invalid::into_err)?;
        return Ok(Some(Budget::Words(n as u32)));
    }
    if let Some(r) = ratio {
        if r.is_instance_of::<PyBool>()
            || !(r.is_instance_of::<PyFloat>() || r.is_instance_of::<PyInt>())
        {
            return Err(PyTypeError::new_err(format!(
                "ratio must be a float, not {}",
                type_name(&r)
            )));
        }
        let x: f64 = r.extract()?;
        if !(0.0..=1.0).contains(&x) {
            return Err(PyValueError::new_err(format!("ratio must be from 0 to 1, got {x}")));
        }
        return Ok(Some(Budget::Ratio((x * 1000.0).round() as u16)));
    }
    Ok(None)
}

/// The keyword count `k`, if given.
pub fn keywords_override(k: Option<&Bound<'_, PyAny>>) -> PyResult<Option<u16>> {
    match k.filter(|k| !k.is_none()) {
        None => Ok(None),
        Some(k) => {
            let n = int_in(k, "k", 0, MAX_KEYWORDS as i64).map_err(Invalid::into_err)?;
            Ok(Some(n as u16))
        }
    }
}

impl Config {
    /// `base` with the keyword arguments `kwargs` applied (a length replaces the length).
    fn apply(base: CoreConfig, kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let Some(kwargs) = kwargs else { return Ok(Self { inner: base }) };
        let mut table = to_table(&base);
        let (mut sentences, mut words, mut ratio) = (None, None, None);
        for (key, value) in kwargs.iter() {
            let key = key.cast::<PyString>()?.to_cow()?;
            match &*key {
                "sentences" => sentences = Some(value),
                "words" => words = Some(value),
                "ratio" => ratio = Some(value),
                name => {
                    let Some(f) = field(name) else {
                        return Err(PyTypeError::new_err(format!(
                            "Config() got an unexpected keyword argument '{name}' (known: {})",
                            names().join(", ")
                        )));
                    };
                    let value = py_value(f, &value, &format!("Config.{name}"))
                        .map_err(Invalid::into_err)?;
                    table.insert(name.to_owned(), value);
                }
            }
        }
        let mut inner = from_table(table).map_err(PyValueError::new_err)?;
        if let Some(budget) = budget_override(sentences.as_ref(), words.as_ref(), ratio.as_ref())? {
            inner = inner.with_budget(budget);
        }
        Ok(Self { inner })
    }

    /// The fields as keyword arguments, in order: the length, then every field.
    fn items<'py>(&self, py: Python<'py>) -> PyResult<Vec<(String, Bound<'py, PyAny>)>> {
        let mut items = Vec::new();
        let (name, value) = budget_item(py, self.inner.budget())?;
        items.push((name.to_owned(), value));
        let table = to_table(&self.inner);
        for f in fields() {
            if let Some(value) = table.get(&f.name) {
                items.push((f.name.clone(), toml_to_py(py, value)?));
            }
        }
        Ok(items)
    }

    /// `Config(...)` with the values that differ from the defaults.
    pub fn repr(&self) -> String {
        Python::attach(|py| {
            let defaults = Self { inner: CoreConfig::new() };
            let (Ok(mine), Ok(theirs)) = (self.items(py), defaults.items(py)) else {
                return "Config(...)".to_owned();
            };
            let parts: Vec<String> = mine
                .iter()
                .filter(|(name, value)| {
                    !theirs.iter().any(|(n, v)| n == name && v.eq(value).unwrap_or(false))
                })
                .map(|(name, value)| {
                    let shown = value.repr().map_or_else(|_| "?".to_owned(), |r| r.to_string());
                    format!("{name}={shown}")
                })
                .collect();
            format!("Config({})", parts.join(", "))
        })
    }
}

/// The length as a keyword argument.
fn budget_item(py: Python<'_>, budget: Budget) -> PyResult<(&'static str, Bound<'_, PyAny>)> {
    Ok(match budget {
        Budget::Sentences(n) => ("sentences", n.into_pyobject(py)?.into_any()),
        Budget::Words(n) => ("words", n.into_pyobject(py)?.into_any()),
        Budget::Ratio(r) => ("ratio", (f64::from(r) / 1000.0).into_pyobject(py)?.into_any()),
    })
}

fn toml_to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    match value {
        Value::Boolean(b) => Ok(PyBool::new(py, *b).to_owned().into_any()),
        Value::Integer(i) => Ok(i.into_pyobject(py)?.into_any()),
        other => Ok(PyString::new(py, &other.to_string()).into_any()),
    }
}

/// Rebuilds a `Config` from a complete table (the CLI's `from_table`).
fn from_table(table: Table) -> Result<CoreConfig, String> {
    table.try_into::<CoreConfig>().map_err(|e| e.to_string().trim().to_owned())
}

#[pymethods]
impl Config {
    #[new]
    #[pyo3(signature = (**kwargs), text_signature = "(*, sentences=3, words=None, ratio=None, \
        keywords=10, content_weight=25, position_weight=100, position_decay=500, lead_bonus=300, \
        headline_boost=100, length_smoothing=4, min_words=4, redundancy=700, \
        headline_eligible=True, fill=True, keyword_position_decay=200, lead_sentences=1, \
        topic_threshold=2, phrase_weight=200, phrase_min_count=2)")]
    fn new(kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        Self::apply(CoreConfig::new(), kwargs)
    }

    /// A copy with the given fields changed (a length replaces the length).
    ///
    /// >>> import talkhis
    /// >>> talkhis.Config(sentences=2).replace(ratio=0.25).ratio
    /// 0.25
    #[pyo3(signature = (**changes))]
    fn replace(&self, changes: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        Self::apply(self.inner, changes)
    }

    /// The names of every keyword argument, in order: the three lengths, `keywords`, then
    /// the weights.
    #[staticmethod]
    fn fields<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, names())
    }

    /// The summary length in sentences, or `None` if the length is in words or a ratio.
    #[getter]
    fn sentences(&self) -> Option<u16> {
        match self.inner.budget() {
            Budget::Sentences(n) => Some(n),
            _ => None,
        }
    }

    /// The summary length in words, or `None`.
    #[getter]
    fn words(&self) -> Option<u32> {
        match self.inner.budget() {
            Budget::Words(n) => Some(n),
            _ => None,
        }
    }

    /// The summary length as a share of the text's words (0 to 1), or `None`.
    #[getter]
    fn ratio(&self) -> Option<f64> {
        match self.inner.budget() {
            Budget::Ratio(r) => Some(f64::from(r) / 1000.0),
            _ => None,
        }
    }

    /// The number of keywords.
    #[getter]
    fn keywords(&self) -> u16 {
        self.inner.keywords()
    }

    /// Every other field, by name.
    fn __getattr__<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        match to_table(&self.inner).get(name) {
            Some(value) if field(name).is_some() => toml_to_py(py, value),
            _ => {
                Err(PyAttributeError::new_err(format!("'Config' object has no attribute {name:?}")))
            }
        }
    }

    fn __dir__(slf: &Bound<'_, Self>) -> PyResult<Vec<String>> {
        let object = slf.py().get_type::<pyo3::types::PyAny>();
        let mut names: Vec<String> = object.call_method1("__dir__", (slf,))?.extract()?;
        names.extend(fields().iter().map(|f| f.name.clone()));
        names.sort();
        names.dedup();
        Ok(names)
    }

    /// The fields as a dict of keyword arguments: `Config(**c.to_dict()) == c`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        for (name, value) in self.items(py)? {
            dict.set_item(name, value)?;
        }
        Ok(dict)
    }

    /// The configuration as TOML, in the CLI's format (`talkhis --config FILE` reads it).
    fn to_toml(&self) -> PyResult<String> {
        toml::to_string(&to_table(&self.inner)).map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// Reads a CLI `--config` file: any subset of the keys `talkhis config` prints, over the
    /// defaults. An unknown key or a value out of range raises `ValueError` naming the file;
    /// a missing file `FileNotFoundError`.
    ///
    /// The length is `budget = { Sentences = 3 }` (or `Words`, or `Ratio` in thousandths),
    /// as in the CLI.
    #[staticmethod]
    fn from_toml(path: &Bound<'_, PyAny>) -> PyResult<Self> {
        let os = path.py().import("os")?;
        let path: String = os.call_method1("fspath", (path,))?.extract()?;
        let text = std::fs::read_to_string(&path).map_err(|e| {
            let message = format!("config {path}: {e}");
            match e.kind() {
                std::io::ErrorKind::NotFound => PyFileNotFoundError::new_err(message),
                std::io::ErrorKind::IsADirectory => PyIsADirectoryError::new_err(message),
                _ => PyOSError::new_err(message),
            }
        })?;
        let prefix = format!("config {path}: ");
        let file: Table = toml::from_str(&text)
            .map_err(|e| PyValueError::new_err(format!("{prefix}{}", e.to_string().trim())))?;
        let mut table = to_table(&CoreConfig::new());
        for (key, value) in file {
            if key != "budget" {
                let Some(f) = field(&key) else {
                    let known: Vec<&str> = table.keys().map(String::as_str).collect();
                    return Err(PyValueError::new_err(format!(
                        "{prefix}unknown key {key:?} (known: {})",
                        known.join(", ")
                    )));
                };
                toml_value(f, &value).map_err(|e| e.into_value_err(&prefix))?;
            }
            table.insert(key, value);
        }
        let inner = from_table(table).map_err(|m| PyValueError::new_err(format!("{prefix}{m}")))?;
        if let Budget::Sentences(n) = inner.budget()
            && usize::from(n) > SUMMARY_SENTENCES
        {
            return Err(PyValueError::new_err(format!(
                "{prefix}budget Sentences must be from 0 to {SUMMARY_SENTENCES}, got {n}"
            )));
        }
        if let Budget::Ratio(r) = inner.budget()
            && r > 1000
        {
            return Err(PyValueError::new_err(format!(
                "{prefix}budget Ratio must be from 0 to 1000 (thousandths), got {r}"
            )));
        }
        Ok(Self { inner })
    }

    fn __repr__(&self) -> String {
        self.repr()
    }

    fn __getnewargs_ex__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        (PyTuple::empty(py), self.to_dict(py)?).into_pyobject(py)
    }
}

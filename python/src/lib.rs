//! `talkhis._talkhis`: the Python binding of the talkhis core (PyO3, abi3 for CPython ≥ 3.9).
//!
//! The Python package `talkhis` (`python/talkhis/__init__.py`) re-exports everything here.
//! Only the core's root API is used (`talkhis::{Summarizer, Config, Budget, ...}`).
//!
//! Every call copies its text out of Python, releases the GIL, analyzes it in a scratch space
//! that lives in the calling thread (or in the `Summarizer` object), turns the core's byte
//! offsets into code-point offsets (Python string indices), and takes the GIL again only to
//! build the result objects.

mod config;
mod convert;
mod engine;

use std::sync::Mutex;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PySlice, PyString, PyTuple};
use rayon::prelude::*;
use talkhis::Config as CoreConfig;

use crate::config::{Config, budget_override, keywords_override};
use crate::convert::{Input, RawDoc, capacity_error};
use crate::engine::{Boxed, Want};

/// A sentence of a summary: `text == source[start:end]`, and its score.
///
/// `start` and `end` are Python string indices (code points) into the text given to
/// `summarize`, so slicing the text gives the sentence back.
///
/// >>> import talkhis
/// >>> text = "ارتفعت أسعار النفط اليوم. وقال محللون إن أسعار النفط سترتفع أكثر."
/// >>> s = talkhis.summarize(text, sentences=1)[0]
/// >>> text[s.start:s.end] == s.text
/// True
#[pyclass(module = "talkhis", frozen, get_all)]
pub struct Sentence {
    /// The sentence, as the text writes it.
    text: Py<PyString>,
    /// Index of its first character in the text.
    start: usize,
    /// Index just past its last character (`text[start:end]` is the sentence).
    end: usize,
    /// Its score (higher is better; the core's thousandths divided by 1000).
    score: f64,
}

#[pymethods]
impl Sentence {
    #[new]
    #[pyo3(signature = (text, start, end, score))]
    fn new(text: Py<PyString>, start: usize, end: usize, score: f64) -> Self {
        Self { text, start, end, score }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        repr("Sentence", &["text", "start", "end", "score"], &self.__getnewargs__(py)?)
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        match other.cast::<Self>() {
            Ok(other) => self.__getnewargs__(py)?.eq(other.get().__getnewargs__(py)?),
            Err(_) => Ok(false),
        }
    }

    fn __getnewargs__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        (self.text.clone_ref(py), self.start, self.end, self.score).into_pyobject(py)
    }
}

/// A keyword: `text == source[start:end]` is its most frequent written form, first seen at
/// `start`; `count` counts every form of the term.
///
/// >>> import talkhis
/// >>> k = talkhis.keywords("الإرهاب خطر. مكافحة الإرهاب واجب، والإرهابيون أعداء للجميع.", 1)[0]
/// >>> (k.text, k.count)
/// ('الإرهاب', 3)
#[pyclass(module = "talkhis", frozen, get_all)]
pub struct Keyword {
    /// The keyword as the text writes it (a word or a two-word phrase).
    text: Py<PyString>,
    /// Index of the first character of that form's first occurrence.
    start: usize,
    /// Index just past it (`text[start:end]` is the keyword).
    end: usize,
    /// How many times the term occurs, in all its forms.
    count: u32,
    /// Its score (higher is better).
    score: f64,
}

#[pymethods]
impl Keyword {
    #[new]
    #[pyo3(signature = (text, start, end, count, score))]
    fn new(text: Py<PyString>, start: usize, end: usize, count: u32, score: f64) -> Self {
        Self { text, start, end, count, score }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        repr("Keyword", &["text", "start", "end", "count", "score"], &self.__getnewargs__(py)?)
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        match other.cast::<Self>() {
            Ok(other) => self.__getnewargs__(py)?.eq(other.get().__getnewargs__(py)?),
            Err(_) => Ok(false),
        }
    }

    fn __getnewargs__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        (self.text.clone_ref(py), self.start, self.end, self.count, self.score).into_pyobject(py)
    }
}

/// One analyzed text: its summary and its keywords from a single analysis.
///
/// Returned by `Summarizer.analyze`.
#[pyclass(module = "talkhis", frozen, get_all)]
pub struct Document {
    /// The summary's sentences, in document order.
    summary: Py<PyList>,
    /// The keywords, best first.
    keywords: Py<PyList>,
    /// How many sentences the text has.
    total_sentences: u32,
    /// How many words the text has.
    total_words: u32,
}

#[pymethods]
impl Document {
    #[new]
    #[pyo3(signature = (summary, keywords, total_sentences, total_words))]
    fn new(
        summary: Py<PyList>,
        keywords: Py<PyList>,
        total_sentences: u32,
        total_words: u32,
    ) -> Self {
        Self { summary, keywords, total_sentences, total_words }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let names = ["summary", "keywords", "total_sentences", "total_words"];
        repr("Document", &names, &self.__getnewargs__(py)?)
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        match other.cast::<Self>() {
            Ok(other) => self.__getnewargs__(py)?.eq(other.get().__getnewargs__(py)?),
            Err(_) => Ok(false),
        }
    }

    fn __getnewargs__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        (
            self.summary.clone_ref(py),
            self.keywords.clone_ref(py),
            self.total_sentences,
            self.total_words,
        )
            .into_pyobject(py)
    }
}

/// `Name(a=..., b=...)` from the constructor's arguments.
fn repr(name: &str, names: &[&str], args: &Bound<'_, PyTuple>) -> PyResult<String> {
    let mut parts = Vec::with_capacity(names.len());
    for (field, value) in names.iter().zip(args.iter()) {
        parts.push(format!("{field}={}", value.repr()?));
    }
    Ok(format!("{name}({})", parts.join(", ")))
}

/// Builds the Python results of one analyzed text.
fn build<'py>(py: Python<'py>, input: &Input<'py>, raw: &RawDoc) -> PyResult<BuiltDoc<'py>> {
    let piece = |span: &convert::Span| -> PyResult<Py<PyString>> {
        match &input.original {
            // The text was repaired (lone surrogates): slice the caller's own string, so that
            // `text[start:end] == result.text` still holds.
            Some(original) => {
                let slice = PySlice::new(py, span.start as isize, span.end as isize, 1);
                Ok(original.get_item(slice)?.cast_into::<PyString>()?.unbind())
            }
            None => Ok(PyString::new(py, &input.text[span.bytes.clone()]).unbind()),
        }
    };
    let mut summary = Vec::with_capacity(raw.sentences.len());
    for s in &raw.sentences {
        let sentence = Sentence {
            text: piece(&s.span)?,
            start: s.span.start,
            end: s.span.end,
            score: convert::decimal(s.score),
        };
        summary.push(Bound::new(py, sentence)?);
    }
    let mut keywords = Vec::with_capacity(raw.keywords.len());
    for k in &raw.keywords {
        let keyword = Keyword {
            text: piece(&k.span)?,
            start: k.span.start,
            end: k.span.end,
            count: u32::from(k.count),
            score: convert::decimal(k.score),
        };
        keywords.push(Bound::new(py, keyword)?);
    }
    Ok(BuiltDoc { summary: PyList::new(py, summary)?, keywords: PyList::new(py, keywords)? })
}

/// The Python lists of one text.
struct BuiltDoc<'py> {
    summary: Bound<'py, PyList>,
    keywords: Bound<'py, PyList>,
}

/// The configuration of a call: `config` (or the default) with the call's overrides.
fn resolve(
    base: CoreConfig,
    config: Option<&Bound<'_, PyAny>>,
    sentences: Option<&Bound<'_, PyAny>>,
    words: Option<&Bound<'_, PyAny>>,
    ratio: Option<&Bound<'_, PyAny>>,
    k: Option<&Bound<'_, PyAny>>,
) -> PyResult<CoreConfig> {
    let mut config = match config {
        None => base,
        Some(c) if c.is_none() => base,
        Some(c) => match c.cast::<Config>() {
            Ok(c) => c.get().inner,
            Err(_) => {
                return Err(PyTypeError::new_err(format!(
                    "config must be a talkhis.Config, not {}",
                    c.get_type().name()?
                )));
            }
        },
    };
    if let Some(budget) = budget_override(sentences, words, ratio)? {
        config = config.with_budget(budget);
    }
    if let Some(k) = keywords_override(k)? {
        config = config.with_keywords(k);
    }
    Ok(config)
}

/// Runs `want` on one text in this thread's scratch (growing to the largest if needed).
fn run_one<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    config: &CoreConfig,
    want: Want,
) -> PyResult<(Input<'py>, RawDoc)> {
    let input = Input::read(text, None)?;
    let owned: &str = &input.text;
    let raw = py.detach(|| engine::run_local(owned, config, want));
    match raw {
        Ok(raw) => Ok((input, raw)),
        Err(e) => Err(capacity_error(py, &e, &input.text, None, None)),
    }
}

/// The best sentences of `text`, in document order.
///
/// Give at most one length: `sentences` (at most this many, up to 1024), `words` (about this
/// many words: whole sentences, the last may cross it) or `ratio` (about this share of the
/// text's words, from 0 to 1). Without one, `config`'s length applies (3 sentences by
/// default). The GIL is released while the text is analyzed.
///
/// Raises `CapacityError` (a `ValueError`) for a text of more than 65,535 sentences or
/// 262,144 distinct terms, `TypeError` when `text` is not a `str`.
///
/// >>> import talkhis
/// >>> text = ("قمة المناخ تختتم أعمالها\n"
/// ...         "اختتمت قمة المناخ أعمالها اليوم باتفاق على خفض الانبعاثات الكربونية. "
/// ...         "وتعهدت الدول الصناعية بتمويل مشاريع الطاقة النظيفة في الدول النامية. "
/// ...         "وقال مراقبون إن الاتفاق خطوة مهمة لكنه غير كاف لوقف الاحترار.")
/// >>> [s.text for s in talkhis.summarize(text, sentences=1)]
/// ['اختتمت قمة المناخ أعمالها اليوم باتفاق على خفض الانبعاثات الكربونية.']
#[pyfunction]
#[pyo3(signature = (text, *, sentences=None, words=None, ratio=None, config=None))]
fn summarize<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    sentences: Option<&Bound<'py, PyAny>>,
    words: Option<&Bound<'py, PyAny>>,
    ratio: Option<&Bound<'py, PyAny>>,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let config = resolve(CoreConfig::new(), config, sentences, words, ratio, None)?;
    let (input, raw) = run_one(py, text, &config, Want::SUMMARY)?;
    Ok(build(py, &input, &raw)?.summary)
}

/// The top keywords of `text`, best first: words and two-word phrases, each in the form the
/// text writes most often.
///
/// `k` is how many (at most 256; default: `config`'s, 10). The GIL is released while the
/// text is analyzed.
///
/// >>> import talkhis
/// >>> text = "ارتفعت أسعار النفط في الأسواق العالمية اليوم. وقال محللون إن أسعار النفط سترتفع أكثر."
/// >>> [(k.text, k.count) for k in talkhis.keywords(text, 1)]
/// [('أسعار النفط', 2)]
#[pyfunction]
#[pyo3(signature = (text, k=None, *, config=None))]
fn keywords<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    k: Option<&Bound<'py, PyAny>>,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let config = resolve(CoreConfig::new(), config, None, None, None, k)?;
    let (input, raw) = run_one(py, text, &config, Want::KEYWORDS)?;
    Ok(build(py, &input, &raw)?.keywords)
}

/// The rayon pool of the batch functions, made on first use (and again in a forked child,
/// where the parent's threads do not exist).
fn pool() -> PyResult<&'static rayon::ThreadPool> {
    static POOL: Mutex<Option<(u32, &'static rayon::ThreadPool)>> = Mutex::new(None);
    let pid = std::process::id();
    let mut slot = POOL.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((owner, pool)) = *slot
        && owner == pid
    {
        return Ok(pool);
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("talkhis-{i}"))
        // The scratch spaces are boxed; the room is only reserved, in case an unoptimized
        // build assembles one on the stack first.
        .stack_size(engine::STACK)
        .build()
        .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))?;
    // One pool per process: leaked on purpose (a forked child cannot join the parent's).
    let pool: &'static rayon::ThreadPool = Box::leak(Box::new(pool));
    *slot = Some((pid, pool));
    Ok(pool)
}

/// Runs `want` on every text of `texts` in parallel; the results in order.
fn run_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    config: &CoreConfig,
    want: Want,
) -> PyResult<Vec<BuiltDoc<'py>>> {
    let mut inputs = Vec::new();
    let iter = texts.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "texts must be an iterable of str, not {}",
            texts.get_type().name().map_or_else(|_| "?".to_owned(), |n| n.to_string())
        ))
    })?;
    for (i, text) in iter.enumerate() {
        inputs.push(Input::read(&text?, Some(i))?);
    }
    let strs: Vec<&str> = inputs.iter().map(|i| &*i.text).collect();
    let pool = if strs.len() > 1 { Some(pool()?) } else { None };
    let results: Vec<Result<RawDoc, talkhis::Error>> = py.detach(|| match pool {
        Some(pool) => pool.install(|| {
            strs.par_iter().with_max_len(1).map(|t| engine::run_local(t, config, want)).collect()
        }),
        None => strs.iter().map(|t| engine::run_local(t, config, want)).collect(),
    });
    let mut out = Vec::with_capacity(results.len());
    for (i, (result, input)) in results.iter().zip(&inputs).enumerate() {
        match result {
            Ok(raw) => out.push(build(py, input, raw)?),
            Err(e) => return Err(capacity_error(py, e, &input.text, None, Some(i))),
        }
    }
    Ok(out)
}

/// `summarize` for many texts at once, in parallel threads (one per core) with the GIL
/// released: a list of summaries, in the order of `texts` (any iterable of `str`, such as a
/// list or a pandas Series).
///
/// A text too large raises `CapacityError` with its position as `index`.
///
/// >>> import talkhis
/// >>> texts = ["ارتفعت أسعار النفط اليوم. وقال محللون إن الأسعار سترتفع.", "نص قصير جدا عن الطقس."]
/// >>> [len(s) for s in talkhis.summarize_many(texts, sentences=1)]
/// [1, 1]
#[pyfunction]
#[pyo3(signature = (texts, *, sentences=None, words=None, ratio=None, config=None))]
fn summarize_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    sentences: Option<&Bound<'py, PyAny>>,
    words: Option<&Bound<'py, PyAny>>,
    ratio: Option<&Bound<'py, PyAny>>,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let config = resolve(CoreConfig::new(), config, sentences, words, ratio, None)?;
    let docs = run_many(py, texts, &config, Want::SUMMARY)?;
    PyList::new(py, docs.into_iter().map(|d| d.summary))
}

/// `keywords` for many texts at once, in parallel threads with the GIL released: a list of
/// keyword lists, in the order of `texts`.
///
/// >>> import talkhis
/// >>> texts = ["الإرهاب خطر. مكافحة الإرهاب واجب.", "أسعار النفط ترتفع. أسعار النفط تهبط."]
/// >>> [ks[0].text for ks in talkhis.keywords_many(texts, 1)]
/// ['الإرهاب', 'أسعار النفط']
#[pyfunction]
#[pyo3(signature = (texts, k=None, *, config=None))]
fn keywords_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    k: Option<&Bound<'py, PyAny>>,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let config = resolve(CoreConfig::new(), config, None, None, None, k)?;
    let docs = run_many(py, texts, &config, Want::KEYWORDS)?;
    PyList::new(py, docs.into_iter().map(|d| d.keywords))
}

/// A reusable scratch space with a configuration, for callers who summarize many texts.
///
/// `sentences` and `terms` are the most sentences and distinct terms a text may have; they
/// are rounded up to a supported size (1024/4096, 4096/16384, 16384/65536 or 65535/262144:
/// about 0.05, 0.2, 0.85 and 3.4 MB; the default is the third, the CLI's), and a text that
/// does not fit raises `CapacityError`.
/// `config` is the configuration its methods use when a call gives none. One `Summarizer`
/// may be shared by threads (calls on it take turns); it pickles (without its scratch).
///
/// >>> import talkhis
/// >>> s = talkhis.Summarizer(config=talkhis.Config(sentences=1))
/// >>> doc = s.analyze("ارتفعت أسعار النفط في الأسواق العالمية اليوم. وقال محللون إن أسعار النفط سترتفع أكثر.")
/// >>> doc.summary[0].text
/// 'ارتفعت أسعار النفط في الأسواق العالمية اليوم.'
/// >>> doc.keywords[0].text
/// 'أسعار النفط'
#[pyclass(module = "talkhis", frozen)]
pub struct Summarizer {
    config: CoreConfig,
    scratch: Mutex<Boxed>,
    size: (usize, usize),
}

#[pymethods]
impl Summarizer {
    #[new]
    #[pyo3(signature = (*, sentences=None, terms=None, config=None))]
    fn new(
        sentences: Option<i64>,
        terms: Option<i64>,
        config: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let config = resolve(CoreConfig::new(), config, None, None, None, None)?;
        // Neither given: the CLI's default size; one given: the smallest size holding it.
        let (sentences, terms) = match (sentences, terms) {
            (None, None) => (16_384, 65_536),
            (s, t) => (s.unwrap_or(0), t.unwrap_or(0)),
        };
        let boxed = Boxed::fitting(sentences, terms).ok_or_else(|| {
            PyValueError::new_err(format!(
                "Summarizer holds at most {} sentences and {} terms (got sentences={sentences}, \
                 terms={terms})",
                engine::LARGEST.0,
                engine::LARGEST.1
            ))
        })?;
        let size = boxed.size();
        Ok(Self { config, scratch: Mutex::new(boxed), size })
    }

    /// The most sentences a text may have.
    #[getter]
    fn sentences(&self) -> usize {
        self.size.0
    }

    /// The most distinct terms a text may have.
    #[getter]
    fn terms(&self) -> usize {
        self.size.1
    }

    /// The configuration used when a call gives none.
    #[getter]
    fn config(&self) -> Config {
        Config { inner: self.config }
    }

    /// Like `talkhis.summarize`, in this scratch space and with this configuration.
    #[pyo3(signature = (text, *, sentences=None, words=None, ratio=None, config=None))]
    fn summarize<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        sentences: Option<&Bound<'py, PyAny>>,
        words: Option<&Bound<'py, PyAny>>,
        ratio: Option<&Bound<'py, PyAny>>,
        config: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let config = resolve(self.config, config, sentences, words, ratio, None)?;
        Ok(self.run(py, text, &config, Want::SUMMARY)?.0.summary)
    }

    /// Like `talkhis.keywords`, in this scratch space and with this configuration.
    #[pyo3(signature = (text, k=None, *, config=None))]
    fn keywords<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        k: Option<&Bound<'py, PyAny>>,
        config: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let config = resolve(self.config, config, None, None, None, k)?;
        Ok(self.run(py, text, &config, Want::KEYWORDS)?.0.keywords)
    }

    /// The summary and the keywords of `text` from one analysis, as a `Document`.
    ///
    /// Takes the length of `summarize` and the `k` of `keywords`.
    #[pyo3(signature = (text, *, sentences=None, words=None, ratio=None, k=None, config=None))]
    #[allow(clippy::too_many_arguments)]
    fn analyze<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        sentences: Option<&Bound<'py, PyAny>>,
        words: Option<&Bound<'py, PyAny>>,
        ratio: Option<&Bound<'py, PyAny>>,
        k: Option<&Bound<'py, PyAny>>,
        config: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Document> {
        let config = resolve(self.config, config, sentences, words, ratio, k)?;
        let (built, raw) = self.run(py, text, &config, Want::BOTH)?;
        Ok(Document {
            summary: built.summary.unbind(),
            keywords: built.keywords.unbind(),
            total_sentences: raw.total_sentences,
            total_words: raw.total_words,
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "Summarizer(sentences={}, terms={}, config={})",
            self.size.0,
            self.size.1,
            Config { inner: self.config }.repr()
        )
    }

    fn __getnewargs_ex__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let kwargs = PyDict::new(py);
        kwargs.set_item("sentences", self.size.0)?;
        kwargs.set_item("terms", self.size.1)?;
        kwargs.set_item("config", Config { inner: self.config })?;
        (PyTuple::empty(py), kwargs).into_pyobject(py)
    }
}

impl Summarizer {
    /// Runs `want` on `text` in this object's scratch, the GIL released.
    fn run<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        config: &CoreConfig,
        want: Want,
    ) -> PyResult<(BuiltDoc<'py>, RawDoc)> {
        let input = Input::read(text, None)?;
        let owned: &str = &input.text;
        let raw = py.detach(|| {
            let mut scratch =
                self.scratch.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            scratch.run(owned, config, want)
        });
        match raw {
            Ok(raw) => Ok((build(py, &input, &raw)?, raw)),
            Err(e) => Err(capacity_error(py, &e, &input.text, Some(self.size), None)),
        }
    }
}

#[pymodule]
fn _talkhis(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Config>()?;
    m.add_class::<Sentence>()?;
    m.add_class::<Keyword>()?;
    m.add_class::<Document>()?;
    m.add_class::<Summarizer>()?;
    m.add_function(wrap_pyfunction!(summarize, m)?)?;
    m.add_function(wrap_pyfunction!(keywords, m)?)?;
    m.add_function(wrap_pyfunction!(summarize_many, m)?)?;
    m.add_function(wrap_pyfunction!(keywords_many, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}

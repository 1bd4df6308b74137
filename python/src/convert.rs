//! Between Python and the core: reading `str`, code-point offsets, results, errors.

use std::ops::Range;

use pyo3::exceptions::{PyRuntimeError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use talkhis::{Capacity, Error};

/// A text taken from Python, as UTF-8.
pub struct Input<'py> {
    /// The text.
    pub text: String,
    /// The caller's string, when it had lone surrogates (which UTF-8 cannot hold): `text`
    /// has U+FFFD in their place, one code point for one, so offsets still match, and the
    /// results' texts are sliced from this original.
    pub original: Option<Bound<'py, PyString>>,
}

impl<'py> Input<'py> {
    /// Reads `obj`, a `str` (`TypeError` otherwise; `index` names it in a batch).
    pub fn read(obj: &Bound<'py, PyAny>, index: Option<usize>) -> PyResult<Self> {
        let Ok(s) = obj.cast::<PyString>() else {
            let what = index.map_or_else(|| "text".to_owned(), |i| format!("texts[{i}]"));
            let ty = obj.get_type().name().map_or_else(|_| "?".to_owned(), |n| n.to_string());
            return Err(PyTypeError::new_err(format!("{what} must be str, not {ty}")));
        };
        match s.to_cow() {
            Ok(text) => Ok(Self { text: text.into_owned(), original: None }),
            Err(_) => Ok(Self { text: repair(s)?, original: Some(s.clone()) }),
        }
    }
}

/// `s` with each lone surrogate replaced by U+FFFD (UTF-32 keeps one unit a code point, so a
/// surrogate pair written as two code points stays two).
fn repair(s: &Bound<'_, PyString>) -> PyResult<String> {
    let encoded = s.call_method1("encode", ("utf-32-le", "surrogatepass"))?;
    let bytes = encoded.cast::<PyBytes>()?.as_bytes();
    Ok(bytes
        .chunks_exact(4)
        .map(|c| {
            let unit = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
            char::from_u32(unit).unwrap_or(char::REPLACEMENT_CHARACTER)
        })
        .collect())
}

/// A span of the text: its bytes, and its code-point range for Python.
#[derive(Clone, Debug)]
pub struct Span {
    pub bytes: Range<usize>,
    pub start: usize,
    pub end: usize,
}

/// A summary sentence, before it becomes a Python object.
#[derive(Debug)]
pub struct RawSentence {
    pub span: Span,
    pub score: u32,
}

/// A keyword, before it becomes a Python object.
#[derive(Debug)]
pub struct RawKeyword {
    pub span: Span,
    pub score: u32,
    pub count: u16,
}

/// Everything one text gave.
#[derive(Debug, Default)]
pub struct RawDoc {
    pub sentences: Vec<RawSentence>,
    pub keywords: Vec<RawKeyword>,
    pub total_sentences: u32,
    pub total_words: u32,
}

/// Byte offsets to code-point offsets, walking from the last offset asked (forwards or
/// backwards), so offsets asked in text order cost one pass over the text.
pub struct CharIndex<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
    ascii: bool,
}

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        Self { text, byte: 0, chars: 0, ascii: text.is_ascii() }
    }

    /// Back to the start of the text (cheaper than walking back for offsets asked again).
    pub const fn rewind(&mut self) {
        self.byte = 0;
        self.chars = 0;
    }

    /// The code-point offset of byte `byte` (a char boundary).
    pub fn at(&mut self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        let count = |r: Range<usize>| self.text.get(r).map_or(0, |s| s.chars().count());
        if byte >= self.byte {
            self.chars += count(self.byte..byte);
        } else {
            self.chars -= count(byte..self.byte);
        }
        self.byte = byte;
        self.chars
    }

    /// The span of bytes `start..end`.
    pub fn span(&mut self, start: usize, end: usize) -> Span {
        Span { bytes: start..end, start: self.at(start), end: self.at(end) }
    }
}

/// A score as Python sees it: the core's thousandths as a decimal.
pub fn decimal(thousandths: u32) -> f64 {
    f64::from(thousandths) / 1000.0
}

/// The `talkhis.CapacityError` of `err`, or a `RuntimeError` for any other error.
///
/// `size` is the scratch of a `talkhis.Summarizer` (`None` for the module functions, which
/// already fell back to the largest); `index` the position of the text in a batch.
pub fn capacity_error(
    py: Python<'_>,
    err: &Error,
    text: &str,
    size: Option<(usize, usize)>,
    index: Option<usize>,
) -> PyErr {
    let Error::CapacityExceeded { which, limit, at } = *err else {
        return PyRuntimeError::new_err(err.to_string());
    };
    let largest = crate::engine::LARGEST;
    let (name, advice) = match (which, size) {
        (Capacity::Sentences, Some(_)) if limit < largest.0 => {
            ("sentences", format!("raise talkhis.Summarizer(sentences=...), at most {}", largest.0))
        }
        (Capacity::Terms, Some(_)) if limit < largest.1 => {
            ("terms", format!("raise talkhis.Summarizer(terms=...), at most {}", largest.1))
        }
        (Capacity::Sentences, _) => {
            ("sentences", "that is the most talkhis can hold: split the text into parts".into())
        }
        (Capacity::Terms, _) => {
            ("terms", "that is the most talkhis can hold: split the text into parts".into())
        }
        (Capacity::TextBytes, _) => ("text_bytes", "split the text into parts".into()),
        // The core's own words for a capacity this binding does not know yet.
        (other, _) => ("other", format!("raise {}", other.knob())),
    };
    let at_char = text.get(..at).map(|s| s.chars().count());
    let mut message = format!("more than {limit} {}", which.unit());
    if let Some(c) = at_char {
        message = format!("{message} (at character {c})");
    }
    message = format!("{message}: {advice}");
    if let Some(i) = index {
        message = format!("texts[{i}]: {message}");
    }
    let made = py.import("talkhis._errors").and_then(|m| {
        let class = m.getattr("CapacityError")?;
        class.call1((message.clone(), name, limit, advice, at_char, index))
    });
    match made {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => e,
    }
}

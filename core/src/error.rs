//! Errors: which capacity ran out, its limit, and where.

use core::fmt;

/// A capacity of the library that the caller chooses.
///
/// Every variant names the const parameter or buffer to raise.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Capacity {
    /// More sentences than the `SENTENCES` parameter of [`Summarizer`](crate::Summarizer).
    Sentences,
    /// More distinct content terms than the `TERMS` parameter of
    /// [`Summarizer`](crate::Summarizer).
    Terms,
    /// A text longer than 4 GiB: spans are stored as `u32` offsets to keep the scratch small.
    TextBytes,
    /// The byte buffer given to an encoder (`to_postcard`) is too small.
    OutputBytes,
}

impl Capacity {
    /// What is counted, in the plural, for messages: `"sentences"`.
    #[must_use]
    pub const fn unit(self) -> &'static str {
        match self {
            Self::Sentences => "sentences",
            Self::Terms => "distinct terms",
            Self::TextBytes | Self::OutputBytes => "bytes",
        }
    }

    /// Which knob raises this capacity, for messages: `"Summarizer SENTENCES"`.
    #[must_use]
    pub const fn knob(self) -> &'static str {
        match self {
            Self::Sentences => "Summarizer SENTENCES",
            Self::Terms => "Summarizer TERMS",
            Self::TextBytes => "a text of at most u32::MAX bytes",
            Self::OutputBytes => "the output buffer",
        }
    }
}

/// Everything that can go wrong in talkhis.
///
/// Empty input, input without any word and input in any script are not errors: they give
/// an empty or a smaller result. Only capacities run out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Error {
    /// The input needs more room than `which` allows.
    CapacityExceeded {
        /// The capacity that ran out.
        which: Capacity,
        /// Its limit, in [`Capacity::unit`]s.
        limit: usize,
        /// The byte offset in the input (or output, for [`Capacity::OutputBytes`]) where it
        /// ran out.
        at: usize,
    },
    /// The postcard encoder failed for a reason other than buffer space.
    Encode,
}

impl Error {
    /// Shorthand for [`Error::CapacityExceeded`].
    pub(crate) const fn capacity(which: Capacity, limit: usize, at: usize) -> Self {
        Self::CapacityExceeded { which, limit, at }
    }
}

impl fmt::Display for Error {
    /// # Examples
    ///
    /// ```
    /// use talkhis::{Capacity, Error, Summarizer, Summary, Config};
    ///
    /// let text = "جملة أولى. جملة ثانية. جملة ثالثة.";
    /// let mut small: Summarizer<2, 64> = Summarizer::new();
    /// let err = small.summarize::<1>(text, &Config::new()).unwrap_err();
    /// let at = text.find("جملة ثالثة").unwrap();
    /// assert_eq!(
    ///     err.to_string(),
    ///     format!("capacity exceeded at byte {at}: more than 2 sentences (raise Summarizer SENTENCES)")
    /// );
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::CapacityExceeded { which, limit, at } => write!(
                f,
                "capacity exceeded at byte {at}: more than {limit} {} (raise {})",
                which.unit(),
                which.knob()
            ),
            Self::Encode => f.write_str("the postcard encoder failed"),
        }
    }
}

impl core::error::Error for Error {}

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

    /// Writes the message [`Display`](fmt::Display) shows to `write`, piece by piece,
    /// without `core::fmt`: a WebAssembly module or a device that shows errors then links no
    /// formatting machinery (2.5 KB of `talkhis-wasm`). `Display` writes through it, so the
    /// two never differ.
    ///
    /// # Examples
    ///
    /// ```
    /// use talkhis::{Config, Summarizer};
    ///
    /// let text = "جملة أولى. جملة ثانية. جملة ثالثة.";
    /// let mut small: Summarizer<2, 64> = Summarizer::new();
    /// let err = small.summarize::<1>(text, &Config::new()).unwrap_err();
    /// let mut message = heapless::String::<96>::new();
    /// err.write_message(|piece| {
    ///     let _ = message.push_str(piece);
    /// });
    /// assert_eq!(message.as_str(), err.to_string());
    /// ```
    pub fn write_message(&self, mut write: impl FnMut(&str)) {
        match *self {
            Self::CapacityExceeded { which, limit, at } => {
                write("capacity exceeded at byte ");
                decimal(at, &mut write);
                write(": more than ");
                decimal(limit, &mut write);
                write(" ");
                write(which.unit());
                write(" (raise ");
                write(which.knob());
                write(")");
            }
            Self::Encode => write("the postcard encoder failed"),
        }
    }
}

/// Writes `n` in decimal, a digit at a time, most significant first.
fn decimal(n: usize, write: &mut impl FnMut(&str)) {
    let mut power: usize = 1;
    while let Some(next) = power.checked_mul(10).filter(|&p| p <= n) {
        power = next;
    }
    loop {
        let digit = n.checked_div(power).unwrap_or(0) % 10;
        write("0123456789".get(digit..=digit).unwrap_or_default());
        if power < 10 {
            break;
        }
        power /= 10;
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
        let mut result = Ok(());
        self.write_message(|piece| {
            if result.is_ok() {
                result = f.write_str(piece);
            }
        });
        result
    }
}

impl core::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_numbers_in_decimal() {
        let e = |limit, at| Error::capacity(Capacity::Terms, limit, at);
        const CASES: &[(usize, usize, &str)] = &[
            (0, 0, "capacity exceeded at byte 0: more than 0 distinct terms"),
            (10, 9, "capacity exceeded at byte 9: more than 10 distinct terms"),
            (4096, 1_048_576, "capacity exceeded at byte 1048576: more than 4096 distinct terms"),
        ];
        for &(limit, at, start) in CASES {
            let message = std::format!("{}", e(limit, at));
            assert_eq!(message, std::format!("{start} (raise Summarizer TERMS)"));
        }
        let max = std::format!("{}", e(usize::MAX, 1));
        assert!(max.contains(&std::format!("more than {} ", usize::MAX)), "{max}");
        assert_eq!(std::format!("{}", Error::Encode), "the postcard encoder failed");
    }
}

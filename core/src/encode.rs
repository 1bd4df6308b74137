//! postcard encoding of results into a caller's buffer (feature `postcard`).

use crate::error::{Capacity, Error};
use crate::{Keywords, Summary};

/// Encodes `value` into `buf`, returning the used prefix.
fn to_slice<'b, T: serde::Serialize>(value: &T, buf: &'b mut [u8]) -> Result<&'b mut [u8], Error> {
    let limit = buf.len();
    postcard::to_slice(value, buf).map_err(|e| match e {
        postcard::Error::SerializeBufferFull => {
            Error::capacity(Capacity::OutputBytes, limit, limit)
        }
        _ => Error::Encode,
    })
}

impl<const N: usize> Summary<'_, N> {
    /// Encodes the summary with postcard into `buf` and returns the used prefix.
    ///
    /// Decode it with `postcard::from_bytes::<Summary<'_, N>>`, which borrows the sentences
    /// from the encoded bytes.
    ///
    /// # Errors
    ///
    /// [`Error::CapacityExceeded`] with [`Capacity::OutputBytes`] if `buf` is too small.
    ///
    /// # Examples
    ///
    /// ```
    /// use talkhis::{Config, Summarizer, Summary};
    ///
    /// let mut s: Summarizer<8, 32> = Summarizer::new();
    /// let summary: Summary<'_, 2> = s.summarize("أمطار غزيرة تضرب المدينة اليوم.", &Config::new())?;
    /// let mut buf = [0u8; 128];
    /// let bytes = summary.to_postcard(&mut buf)?;
    /// let back: Summary<'_, 2> = postcard::from_bytes(bytes).unwrap();
    /// assert_eq!(back, summary);
    /// # Ok::<(), talkhis::Error>(())
    /// ```
    pub fn to_postcard<'b>(&self, buf: &'b mut [u8]) -> Result<&'b mut [u8], Error> {
        to_slice(self, buf)
    }
}

impl<const K: usize> Keywords<'_, K> {
    /// Encodes the keywords with postcard into `buf` and returns the used prefix.
    ///
    /// # Errors
    ///
    /// [`Error::CapacityExceeded`] with [`Capacity::OutputBytes`] if `buf` is too small.
    ///
    /// # Examples
    ///
    /// ```
    /// use talkhis::{Capacity, Config, Error, Keywords, Summarizer};
    ///
    /// let mut s: Summarizer<8, 32> = Summarizer::new();
    /// let keywords: Keywords<'_, 3> = s.keywords("أمطار غزيرة تضرب المدينة اليوم.", &Config::new())?;
    /// let err = keywords.to_postcard(&mut [0u8; 4]).unwrap_err();
    /// assert!(matches!(err, Error::CapacityExceeded { which: Capacity::OutputBytes, limit: 4, .. }));
    /// # Ok::<(), talkhis::Error>(())
    /// ```
    pub fn to_postcard<'b>(&self, buf: &'b mut [u8]) -> Result<&'b mut [u8], Error> {
        to_slice(self, buf)
    }
}

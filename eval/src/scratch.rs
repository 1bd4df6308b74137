//! The core's scratch space the evaluations run in: one per thread, made on first use and
//! reused for every document, and the message of a document that does not fit it.

use std::cell::RefCell;

use talkhis::{Capacity, Summarizer};

/// The most sentences of a summary the evaluations build: the `N` of their `Summary<'_, N>`.
pub const SUMMARY_SENTENCES: usize = 1024;

/// The most keywords the evaluations build: the `K` of their `Keywords<'_, K>`, and so the
/// largest k `eval keywords` can score.
pub const MAX_KEYWORDS: usize = 256;

/// The scratch space: 16384 sentences, 65536 distinct terms (about 0.85 MB, boxed), as the
/// command line's default one; every article of the corpora uses a few percent of it.
pub type Scratch = Summarizer<16_384, 65_536>;

thread_local! {
    /// One scratch space per thread.
    static SCRATCH: RefCell<Option<Box<Scratch>>> = const { RefCell::new(None) };
}

/// Runs `f` with this thread's scratch space.
pub fn with_scratch<R>(f: impl FnOnce(&mut Scratch) -> R) -> R {
    SCRATCH.with_borrow_mut(|slot| f(slot.get_or_insert_with(|| Box::new(Summarizer::new()))))
}

/// The message of a document the scratch space cannot hold: the limit and where.
#[must_use]
pub fn too_large(err: talkhis::Error) -> String {
    match err {
        talkhis::Error::CapacityExceeded {
            which: which @ (Capacity::Sentences | Capacity::Terms),
            limit,
            at,
        } => format!("document too large: more than {limit} {} (at byte {at})", which.unit()),
        talkhis::Error::CapacityExceeded { which: Capacity::TextBytes, .. } => {
            "document too large: more than 4 GiB; split it into parts".to_owned()
        }
        other => other.to_string(),
    }
}

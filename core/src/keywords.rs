//! Stage 8: the document's top terms, each shown in a form taken from the text.
//!
//! A keyword is a content term (a stem, see [`stem`](crate::stem)) ranked by how often it
//! occurs, boosted when it is in the headline and when it appears early: the topic of a news
//! article is named in its first lines. What is shown for the term is a span of the input:
//! the form the text uses most often (counted with a two-candidate Misra–Gries summary, so no
//! table of forms is needed), without any conjunction or preposition in front of its article:
//! `والإرهاب` shows as `الإرهاب`, `للإرهاب` as `إرهاب`.

use heapless::Vec;

use crate::score::{self, Score, Word};
use crate::summary::Document;
use crate::{normalize, tokenize};

/// A keyword: a span of the input and its score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Keyword<'t> {
    /// The keyword as the text writes it (its most frequent form), borrowed from the input.
    pub text: &'t str,
    /// The byte offset of that form's first occurrence.
    pub start: usize,
    /// Its score: occurrences in thousandths, boosted and weighted by position.
    pub score: Score,
    /// How many times the term occurs, in all its forms.
    pub count: u16,
}

/// The top keywords of a document, best first.
///
/// `K` is the most keywords it can hold.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Keywords<'t, const K: usize> {
    /// The keywords, best first.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub keywords: Vec<Keyword<'t>, K>,
}

/// A candidate surface form in the Misra–Gries summary of one keyword.
#[derive(Clone, Copy, Debug, Default)]
struct Form {
    key: u32,
    start: u32,
    len: u32,
    weight: u32,
}

/// A keyword being built: its term and its two candidate forms.
#[derive(Clone, Copy, Debug)]
struct Pending {
    hash: u32,
    score: u32,
    count: u16,
    first: u16,
    forms: [Form; 2],
}

impl<'t, const SENTENCES: usize, const TERMS: usize> Document<'_, 't, SENTENCES, TERMS> {
    /// The document's top keywords, best first: at most `K`, and at most
    /// [`Config::keywords`](crate::Config::keywords).
    ///
    /// # Examples
    ///
    /// ```
    /// use talkhis::{Config, Keywords, Summarizer};
    ///
    /// let text = "دعت موسكو إلى مكافحة الإرهاب. وقال بوتين إن الإرهابيين يمولون أنفسهم بالنفط.";
    /// let mut summarizer: Summarizer<8, 64> = Summarizer::new();
    /// let doc = summarizer.analyze(text, &Config::new())?;
    /// let keywords: Keywords<'_, 3> = doc.keywords();
    /// assert_eq!(keywords.keywords[0].text, "الإرهاب");
    /// assert_eq!(keywords.keywords[0].count, 2);
    /// # Ok::<(), talkhis::Error>(())
    /// ```
    #[must_use]
    pub fn keywords<const K: usize>(&self) -> crate::Keywords<'t, K> {
        let config = &self.config;
        let limit = K.min(usize::from(config.keywords()));
        let headline = self.scratch.headline;
        let mut top: Vec<Pending, K> = Vec::new();
        for t in self.scratch.terms.iter() {
            let boost = if headline && t.first == 0 { config.headline_boost() } else { 0 };
            let weight = u64::from(t.count) * 10 * (100 + u64::from(boost));
            let position =
                u64::from(score::position(u32::from(t.first), config.keyword_position_decay()));
            let score = (weight * position / 1000).min(u64::from(u32::MAX)) as u32;
            let pending = Pending {
                hash: t.hash,
                score,
                count: t.count,
                first: t.first,
                forms: [Form::default(); 2],
            };
            insert_ranked(&mut top, pending, limit);
        }
        self.choose_forms(&mut top);
        let mut out = crate::Keywords { keywords: Vec::new() };
        for p in &top {
            let best = if p.forms[1].weight > p.forms[0].weight { p.forms[1] } else { p.forms[0] };
            let (start, end) = (best.start as usize, (best.start + best.len) as usize);
            let Some(text) = self.text.get(start..end) else { continue };
            let keyword = Keyword { text, start, score: Score(p.score), count: p.count };
            if out.keywords.push(keyword).is_err() {
                break;
            }
        }
        out
    }

    /// Pass 3: finds each keyword's most frequent surface form.
    fn choose_forms<const K: usize>(&self, top: &mut Vec<Pending, K>) {
        if top.is_empty() {
            return;
        }
        let first = top.iter().map(|p| p.first).min().unwrap_or(0);
        let sentences = self.scratch.sentences.iter().skip(usize::from(first));
        for s in sentences {
            let (from, to) = (s.start as usize, s.end as usize);
            for (at, word) in tokenize::words(self.text.get(from..to).unwrap_or("")) {
                let Word::Content { hash, lead } = score::classify(word) else { continue };
                let Some(p) = top.iter_mut().find(|p| p.hash == hash) else { continue };
                let skip = normalize::offset_after(word, usize::from(lead));
                let surface = word.get(skip..).unwrap_or(word);
                let mut buf = [0u8; score::MAX_WORD_BYTES];
                let key = normalize::word_into(surface, &mut buf)
                    .map_or(0, |f| score::fnv1a(f.as_bytes()));
                let start = (from + at + skip) as u32;
                vote(&mut p.forms, Form { key, start, len: surface.len() as u32, weight: 1 });
            }
        }
    }
}

/// One Misra–Gries step with two counters: the majority form, and the runner-up, survive.
fn vote(forms: &mut [Form; 2], seen: Form) {
    if let Some(f) = forms.iter_mut().find(|f| f.weight > 0 && f.key == seen.key) {
        f.weight += 1;
    } else if let Some(f) = forms.iter_mut().find(|f| f.weight == 0) {
        *f = seen;
    } else {
        for f in forms.iter_mut() {
            f.weight -= 1;
        }
    }
}

/// Inserts `p` into `top` (best first, ties to the term seen earlier in the text, then to the
/// smaller hash, so the order never depends on the table layout), keeping at most `limit`.
fn insert_ranked<const K: usize>(top: &mut Vec<Pending, K>, p: Pending, limit: usize) {
    let before = |a: &Pending, b: &Pending| {
        (a.score, core::cmp::Reverse(a.first), core::cmp::Reverse(a.hash))
            > (b.score, core::cmp::Reverse(b.first), core::cmp::Reverse(b.hash))
    };
    let at = top.iter().position(|q| before(&p, q)).unwrap_or(top.len());
    if at >= limit {
        return;
    }
    if top.len() >= limit {
        top.pop();
    }
    // Always true (`at` <= the old length, and `at` < `limit`), but the optimizer cannot
    // see it, and `insert` panics otherwise.
    if at <= top.len() {
        let _ = top.insert(at, p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pending(hash: u32, score: u32, first: u16) -> Pending {
        Pending { hash, score, count: 1, first, forms: [Form::default(); 2] }
    }

    #[test]
    fn ranking_keeps_the_best() {
        let mut top: Vec<Pending, 3> = Vec::new();
        for (h, s, f) in [(1, 10, 0), (2, 30, 0), (3, 20, 0), (4, 30, 1), (5, 5, 0), (6, 30, 0)] {
            insert_ranked(&mut top, pending(h, s, f), 3);
        }
        let order: Vec<u32, 3> = top.iter().map(|p| p.hash).collect();
        assert_eq!(order, [2, 6, 4]);
        let mut none: Vec<Pending, 3> = Vec::new();
        insert_ranked(&mut none, pending(1, 1, 0), 0);
        assert!(none.is_empty());
    }

    #[test]
    fn majority_form_wins() {
        let form = |key, start| Form { key, start, len: 1, weight: 1 };
        let mut forms = [Form::default(); 2];
        for (k, s) in [(1, 0), (2, 1), (1, 2), (3, 3), (1, 4)] {
            vote(&mut forms, form(k, s));
        }
        let best = if forms[1].weight > forms[0].weight { forms[1] } else { forms[0] };
        assert_eq!((best.key, best.start), (1, 0));
    }
}

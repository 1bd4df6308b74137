//! Stage 8: sentence selection — the best sentences of an analyzed [`Document`] within the
//! [`Budget`], skipping near-duplicates, in document order.

use core::cmp::Reverse;

use heapless::Vec;

use crate::analysis::{Document, Info};
use crate::config::{Budget, Config};
use crate::furniture::Furniture;
use crate::kept::{Kept, SentenceWords, Source, sentence_words};
use crate::score::{Score, Word};
use crate::sort::sort_by;

use crate::{sentences, tokenize};

/// A sentence of a summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Sentence<'t> {
    /// The sentence, borrowed from the input.
    pub text: &'t str,
    /// Its byte offset in the input.
    pub start: usize,
    /// Its score (see [`Config`]).
    pub score: Score,
}

/// A summary: the chosen sentences in document order.
///
/// `N` is the most sentences it can hold.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Summary<'t, const N: usize> {
    /// The chosen sentences, in document order.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub sentences: Vec<Sentence<'t>, N>,
    /// How many sentences the document has.
    pub total_sentences: u32,
    /// How many words the document has.
    pub total_words: u32,
}

impl<'t, const N: usize> Summary<'t, N> {
    /// The number of words in the summary.
    ///
    /// # Examples
    ///
    /// ```
    /// use talkhis::{Config, Summarizer, Summary};
    ///
    /// let mut s: Summarizer<4, 16> = Summarizer::new();
    /// let summary: Summary<'_, 1> = s.summarize("جملة واحدة قصيرة فقط هنا.", &Config::new())?;
    /// assert_eq!(summary.words(), 5);
    /// # Ok::<(), talkhis::Error>(())
    /// ```
    #[must_use]
    pub fn words(&self) -> usize {
        self.sentences.iter().map(|s| tokenize::words(s.text).count()).sum()
    }
}

impl<'t, const SENTENCES: usize, const TERMS: usize> Document<'_, 't, SENTENCES, TERMS> {
    /// The document's summary: its best sentences, in document order.
    ///
    /// The length is the smaller of the [`Budget`] and `N` sentences. Sentences that repeat a
    /// chosen one (see [`Config::with_redundancy`]) are passed over.
    #[must_use]
    pub fn summary<const N: usize>(&mut self) -> Summary<'t, N> {
        self.score();
        let total_words = self.scratch.words;
        let (max_sentences, max_words) = match self.config.budget() {
            Budget::Sentences(n) => (usize::from(n), u32::MAX),
            Budget::Words(w) => (usize::MAX, w),
            Budget::Ratio(permille) => {
                // total × permille / 1000 in 32 bits (no 64-bit division on a Cortex-M0).
                let share = (total_words / 1000).saturating_mul(u32::from(permille));
                (usize::MAX, share.saturating_add(total_words % 1000 * u32::from(permille) / 1000))
            }
        };
        let mut pick = Pick {
            summary: Summary {
                sentences: Vec::new(),
                total_sentences: self.scratch.sentences.len() as u32,
                total_words,
            },
            words: 0,
            max_sentences: max_sentences.min(N),
            max_words,
        };
        let (text, config) = (self.text, &self.config);
        let source = self.scratch.terms.source(text, self.words, self.scratch.packed_words());
        let weights = self.weights();
        // Candidates best first; ties go to the earlier sentence. A summary takes a few
        // sentences, usually among the first few candidates, so each of the first
        // `SCANNED_CANDIDATES` is found by one scan for the best below the last: no sort, and
        // the sentences stay in document order, where a sentence's word slots are found by
        // counting words. A summary that passes over more candidates (redundant ones, or too
        // long for a word budget) sorts the sentences and goes on down the sorted list
        // (reading the words again: out of order, the slots cannot be found by counting), so
        // the cost stays O(n log n). A scratch of at most `SCANNED_ALWAYS` sentences always
        // scans: the worst case is bounded, and a small device's flash has no sort by score.
        let mut last: Option<(u32, u32)> = None;
        let (mut visited, mut cursor, mut sorted) = (0usize, 0usize, false);
        while !pick.done() {
            let sentences = &mut self.scratch.sentences;
            // The candidate, and if it was found by a scan its first word and its score.
            let (i, scanned) = if visited < SCANNED_CANDIDATES || SENTENCES <= SCANNED_ALWAYS {
                // (total, start, index, first word) of the best candidate after `last`.
                let mut best: Option<(u32, u32, usize, usize)> = None;
                let mut first = 0usize;
                for (i, s) in sentences.iter().enumerate() {
                    if s.eligible {
                        let key = (weights.total(s), Reverse(s.start));
                        if last.is_none_or(|(t, start)| key < (t, Reverse(start)))
                            && best.is_none_or(|(t, start, ..)| key > (t, Reverse(start)))
                        {
                            best = Some((key.0, s.start, i, first));
                        }
                    }
                    first += usize::from(s.words);
                }
                let Some((total, start, i, first)) = best else { break };
                last = Some((total, start));
                (i, Some((first, total)))
            } else {
                if !sorted {
                    sorted = true;
                    sort_by(sentences, |a, b| {
                        (weights.total(b), a.start) < (weights.total(a), b.start)
                    });
                    // Past the candidates already scanned.
                    for _ in 0..SCANNED_CANDIDATES {
                        cursor = next_eligible(sentences, cursor).map_or(usize::MAX, |i| i + 1);
                    }
                }
                let Some(i) = next_eligible(sentences, cursor) else { break };
                cursor = i + 1;
                (i, None)
            };
            visited += 1;
            let sentences = &*sentences;
            let Some(s) = sentences.get(i) else { break };
            // In document order, the slots of a sentence are found by counting words; out of
            // it, the words are read again.
            let (in_order, source, first, total): (&[Info], Source<'_>, _, _) = match scanned {
                Some((first, total)) => (sentences, source, first, total),
                None => {
                    let lent = Source { kept: Kept::Lent(&[]), ..source };
                    (&[], lent, 0, weights.total(s))
                }
            };
            let words = sentence_words(source, s, first);
            pick.consider(text, source, s, total, words, config, in_order);
        }
        // Back in document order, which every later pass expects.
        if sorted {
            sort_by(&mut self.scratch.sentences, |a, b| a.start < b.start);
        }
        pick.finish()
    }
}

/// How many candidates [`Document::summary`] finds by scanning before it sorts the rest: a
/// scan costs one score per sentence, a sort about 2 log2(n), so past a dozen or two
/// candidates sorting is cheaper.
const SCANNED_CANDIDATES: usize = 16;

/// Up to this many `SENTENCES`, [`Document::summary`] scans for every candidate: at most
/// 256 × 256 scores for a summary, and no sort by score in the code.
const SCANNED_ALWAYS: usize = 256;

/// A summary being chosen, with its budget.
struct Pick<'t, const N: usize> {
    summary: Summary<'t, N>,
    /// Words chosen so far.
    words: u32,
    max_sentences: usize,
    max_words: u32,
}

impl<'t, const N: usize> Pick<'t, N> {
    fn done(&self) -> bool {
        self.summary.sentences.len() >= self.max_sentences || self.words >= self.max_words
    }

    /// Takes sentence `s` of `text` (with score `total` and words `words`) unless it does not
    /// fit or repeats a chosen sentence, whose words are read from the slots of `source` if
    /// `in_order` (all the sentences, in document order) holds it, or from its text.
    #[allow(clippy::too_many_arguments)]
    fn consider(
        &mut self,
        text: &'t str,
        source: Source<'_>,
        s: &Info,
        total: u32,
        words: SentenceWords<'_>,
        config: &Config,
        in_order: &[Info],
    ) {
        let fits = self.words.saturating_add(u32::from(s.words)) <= self.max_words;
        if !fits && !config.fill() && !self.summary.sentences.is_empty() {
            return;
        }
        if config.redundancy() < 1000 && !self.summary.sentences.is_empty() {
            // The candidate's terms once, not once for each chosen sentence.
            let terms = content_terms(words);
            let repeats = |c: &Sentence<'_>| {
                let words = chosen_words(source, in_order, c);
                redundant(&terms, words, config.redundancy())
            };
            if self.summary.sentences.iter().any(repeats) {
                return;
            }
        }
        let candidate = text.get(s.start as usize..s.end as usize).unwrap_or("");
        let sentence = Sentence { text: candidate, start: s.start as usize, score: Score(total) };
        if self.summary.sentences.push(sentence).is_err() {
            self.max_sentences = 0;
        }
        self.words = self.words.saturating_add(u32::from(s.words));
    }

    /// The summary, in document order.
    fn finish(mut self) -> Summary<'t, N> {
        sort_by(&mut self.summary.sentences, |a, b| a.start < b.start);
        self.summary
    }
}

/// The index of the first eligible sentence at or after `from`.
fn next_eligible(sentences: &[Info], from: usize) -> Option<usize> {
    Some(from + sentences.get(from..)?.iter().position(|s| s.eligible)?)
}

/// The words of the chosen sentence `c`: from `slots`, found by counting the words of the
/// sentences before it in `in_order` (every sentence, in document order), or from the text
/// if it is not there (`in_order` empty).
fn chosen_words<'a>(source: Source<'a>, in_order: &[Info], c: &Sentence<'_>) -> SentenceWords<'a> {
    let mut first = 0usize;
    for s in in_order {
        if s.start as usize == c.start {
            return sentence_words(source, s, first);
        }
        first += usize::from(s.words);
    }
    // Its furniture (a dateline) judged again, as pass 1 judged it.
    let Source { text, recall, .. } = source;
    let sentence = text.get(c.start..c.start + c.text.len()).unwrap_or("");
    let furniture = Furniture::of(sentence, sentences::starts_line(text, c.start));
    SentenceWords::Text(sentence, 0, recall, furniture.terms_from(sentence))
}

/// The most content terms of a candidate sentence that the redundancy check compares.
const OVERLAP_TERMS: usize = 48;

/// A candidate's distinct content terms (the first [`OVERLAP_TERMS`]), and the same as bits
/// where the target has room for them (`arch::FilterBits`), which tell most other terms apart
/// without a search of the list.
struct Overlap {
    terms: Vec<u32, OVERLAP_TERMS>,
    bits: crate::arch::FilterBits,
}

impl Overlap {
    fn new() -> Self {
        Self { terms: Vec::new(), bits: crate::arch::FilterBits::new() }
    }

    /// Adds `hash`; false if the list is full.
    fn insert(&mut self, hash: u32) -> bool {
        self.bits.insert(hash);
        self.terms.push(hash).is_ok()
    }

    /// Whether `hash` may be one of the terms (it is not if this is false).
    fn may_hold(&self, hash: u32) -> bool {
        self.bits.may_hold(hash)
    }
}

/// Whether a candidate with the content terms `a` (from [`content_terms`]) shares at least
/// `permille` of them with a chosen sentence of words `chosen`.
///
/// The shared terms are marked in a flag per term of `a` as `chosen`'s words go by, so no
/// second list of terms is kept (a Cortex-M0's stack has no room to spare).
fn redundant(a: &Overlap, chosen: SentenceWords<'_>, permille: u16) -> bool {
    if a.terms.is_empty() {
        return false;
    }
    let (mut seen, mut shared) = ([false; OVERLAP_TERMS], 0usize);
    for (_, _, word) in chosen {
        if let Word::Content { hash, .. } = word
            && a.may_hold(hash)
            && let Some(i) = a.terms.iter().position(|h| *h == hash)
            && let Some(seen) = seen.get_mut(i)
            && !*seen
        {
            *seen = true;
            shared += 1;
        }
    }
    shared * 1000 >= a.terms.len() * usize::from(permille)
}

/// The distinct content-term hashes of a sentence's words (the first `OVERLAP_TERMS`).
fn content_terms(words: SentenceWords<'_>) -> Overlap {
    let mut out = Overlap::new();
    for (_, _, word) in words {
        if let Word::Content { hash, .. } = word
            && !(out.may_hold(hash) && out.terms.contains(&hash))
            && !out.insert(hash)
        {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{SentenceScore, Summarizer};
    use crate::error::{Capacity, Error};
    use crate::score::WordSlot;
    use crate::terms::Recall;

    #[test]
    fn redundancy() {
        let a = "أعلنت الحكومة خطة جديدة لدعم الزراعة";
        let words = |s| SentenceWords::Text(s, 0, Recall::NONE, 0);
        let terms = content_terms(words(a));
        assert!(redundant(&terms, words("وأعلنت الحكومة الخطة الجديدة لدعم الزراعة اليوم"), 700));
        assert!(!redundant(&terms, words("ارتفعت أسعار النفط في الأسواق العالمية"), 700));
        assert!(!redundant(&content_terms(words("في من على")), words(a), 1), "no content terms");
    }

    /// The summary as the old code chose it: every sentence sorted best first, then taken
    /// greedily, the redundancy check reading each sentence's words again.
    fn sorted_greedy(text: &str, config: &Config, n: usize) -> std::vec::Vec<usize> {
        let mut s: Summarizer<64, 512> = Summarizer::new();
        let mut doc = s.analyze(text, config).unwrap();
        let mut all: std::vec::Vec<SentenceScore<'_>> = doc.scores().collect();
        all.sort_by(|a, b| b.total.cmp(&a.total).then(a.start.cmp(&b.start)));
        let max_words = match config.budget() {
            Budget::Words(w) => w,
            _ => u32::MAX,
        };
        let max = match config.budget() {
            Budget::Sentences(k) => usize::from(k).min(n),
            _ => n,
        };
        let (mut chosen, mut words) = (std::vec::Vec::<SentenceScore<'_>>::new(), 0u32);
        let terms = |t| content_terms(SentenceWords::Text(t, 0, Recall::NONE, 0));
        for c in all.iter().filter(|c| c.eligible) {
            if chosen.len() >= max || words >= max_words {
                break;
            }
            let fits = words + u32::from(c.words) <= max_words;
            if !fits && !config.fill() && !chosen.is_empty() {
                continue;
            }
            let t = terms(c.text);
            if config.redundancy() < 1000
                && chosen.iter().any(|x| {
                    redundant(
                        &t,
                        SentenceWords::Text(x.text, 0, Recall::NONE, 0),
                        config.redundancy(),
                    )
                })
            {
                continue;
            }
            chosen.push(*c);
            words += u32::from(c.words);
        }
        let mut starts: std::vec::Vec<usize> = chosen.iter().map(|c| c.start).collect();
        starts.sort_unstable();
        starts
    }

    #[test]
    fn scanned_and_sorted_candidates_agree_with_a_full_sort() {
        use std::fmt::Write;
        // 40 sentences on one subject: most repeat an earlier one, so past the scanned
        // candidates the rest are sorted.
        // With exactly as many sentences as are scanned, or one more, the sort finds no
        // candidate left, or one.
        let repetitive = |n: usize| {
            let mut text = std::string::String::new();
            for i in 0..n {
                let place = ["القاهرة", "دمشق", "بغداد", "الرباط"][i % 4];
                write!(text, "ناقش وزراء المياه في {place} خطة مشتركة لإدارة المياه والطاقة. ")
                    .unwrap();
            }
            text
        };
        let (r40, r16, r17) = (repetitive(40), repetitive(16), repetitive(17));
        let sample = include_str!("../../tests/data/sample.txt");
        // 16 sentences whose scores do not fall with their position: every other one has a
        // word of its own, which lowers its mean weight.
        let mut uneven = std::string::String::new();
        for i in 0..16 {
            let own = ["alpha", "bravo", "delta", "echo", "golf", "hotel", "india", "kilo"];
            let own = if i % 2 == 0 { own[i / 2] } else { "" };
            write!(uneven, "ناقش وزراء المياه خطة مشتركة لإدارة المياه والطاقة {own}. ").unwrap();
        }
        let texts = [
            ("40 alike", &r40[..]),
            ("16 alike", &r16),
            ("17 alike", &r17),
            ("16 uneven", &uneven),
            ("sample", sample),
        ];
        let configs = [
            ("default", Config::new()),
            ("ten", Config::new().with_budget(Budget::Sentences(10))),
            ("strict redundancy", Config::new().with_redundancy(100)),
            ("no redundancy", Config::new().with_redundancy(1000)),
            ("words, no fill", Config::new().with_budget(Budget::Words(40)).with_fill(false)),
            ("words, fill", Config::new().with_budget(Budget::Words(60))),
            // Every candidate after the first repeats it: all are visited.
            ("all redundant", Config::new().with_redundancy(0).with_position_weight(0)),
        ];
        for (name, text) in texts {
            for (cname, config) in &configs {
                let want = sorted_greedy(text, config, 32);
                // A small scratch always scans; a large one sorts after `SCANNED_CANDIDATES`.
                let mut small: Summarizer<64, 512> = Summarizer::new();
                let mut large: std::boxed::Box<Summarizer<300, 512>> = std::boxed::Box::default();
                let mut slots = std::vec![WordSlot::EMPTY; text.len()];
                let starts = |s: Summary<'_, 32>| -> std::vec::Vec<usize> {
                    s.sentences.iter().map(|c| c.start).collect()
                };
                let runs = [
                    ("small", starts(small.analyze(text, config).unwrap().summary())),
                    ("large", starts(large.analyze(text, config).unwrap().summary())),
                    (
                        "small, slots",
                        starts(small.analyze_with(text, config, &mut slots).unwrap().summary()),
                    ),
                    (
                        "large, slots",
                        starts(large.analyze_with(text, config, &mut slots).unwrap().summary()),
                    ),
                ];
                for (run, got) in runs {
                    assert_eq!(got, want, "{name}, {cname}, {run}");
                }
                let in_order = |s: &[Info]| s.windows(2).all(|w| w[0].start < w[1].start);
                assert!(
                    in_order(&small.sentences) && in_order(&large.sentences),
                    "{name}, {cname}"
                );
            }
        }
    }

    #[test]
    fn capacities_of_zero_and_one() {
        let text = "جملة أولى طويلة بما يكفي. جملة ثانية.";
        let mut none: Summarizer<0, 0> = Summarizer::new();
        let err = none.summarize::<1>(text, &Config::new()).unwrap_err();
        assert_eq!(err, Error::capacity(Capacity::Sentences, 0, 0));
        let mut one: Summarizer<1, 1> = Summarizer::new();
        let err = one.summarize::<0>(text, &Config::new()).unwrap_err();
        assert!(matches!(err, Error::CapacityExceeded { which: Capacity::Terms, limit: 1, .. }));
        let mut ok: Summarizer<4, 16> = Summarizer::new();
        let summary = ok.summarize::<0>(text, &Config::new()).unwrap();
        assert!(summary.sentences.is_empty());
        assert_eq!(summary.total_sentences, 2);
    }

    #[test]
    fn empty_and_punctuation_only() {
        let mut s: Summarizer<4, 16> = Summarizer::new();
        for text in ["", "   \n ", "... ؟ !! ،"] {
            let summary = s.summarize::<3>(text, &Config::new()).unwrap();
            assert!(summary.sentences.is_empty(), "{text:?}");
        }
    }

    #[test]
    fn word_budget() {
        let text = "الجملة الأولى عن المياه والطاقة والزراعة. الجملة الثانية عن المياه والطاقة. \
                    الجملة الثالثة عن المياه في الريف والمدن. الجملة الرابعة عن الطاقة.";
        let mut s: Summarizer<8, 64> = Summarizer::new();
        let strict = Config::new().with_budget(Budget::Words(9)).with_fill(false).with_min_words(1);
        let summary = s.summarize::<8>(text, &strict).unwrap();
        assert!(summary.words() <= 9, "{summary:?}");
        assert!(!summary.sentences.is_empty());
        let fill = strict.with_fill(true);
        let summary = s.summarize::<8>(text, &fill).unwrap();
        assert!(summary.words() >= 9, "{summary:?}");
    }
}

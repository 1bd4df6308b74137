//! Stage 7: the [`Summarizer`] scratch space and the passes over a document: pass 1 counts
//! the terms and sentences, pass 2 scores the sentences; [`Document`] holds the result, which
//! [`summary`](crate::summary) and [`keywords`](crate::keywords) select from.

use heapless::Vec;

use crate::config::Config;
use crate::error::{Capacity, Error};
use crate::furniture::Furniture;
use crate::kept::{Packer, sentence_words};
use crate::score::{Score, Weights, Word, WordSlot};
use crate::sentences;
use crate::summary::Summary;
use crate::terms::{self, Full, Terms};

/// Reusable scratch space for summarizing and extracting keywords, with caller-chosen
/// capacities and no heap.
///
/// - `SENTENCES`: the most sentences a document may have (at most 65,535). 20 bytes each.
/// - `TERMS`: the most distinct content terms (stems) a document may have. 8 bytes each.
///   A 2,000-word news article has 100–150 sentences and 700–900 terms.
///
/// [`Summarizer::new`] is a `const fn`, so the scratch can live in a `static` instead of on a
/// small stack. Results ([`Summary`], [`Keywords`](crate::Keywords)) borrow the input text,
/// never the scratch, so one `Summarizer` serves any number of documents.
///
/// # Examples
///
/// ```
/// use talkhis::{Config, Summarizer, Summary};
///
/// let text = "انطلقت في القاهرة اليوم قمة عربية لبحث أزمة المياه في المنطقة. \
///             وناقش القادة في القمة خطة مشتركة لإدارة المياه. \
///             وفي ختام القمة، أعلن القادة عن صندوق لتمويل مشاريع المياه.";
/// let mut summarizer: Summarizer<16, 64> = Summarizer::new();
/// let summary: Summary<'_, 1> = summarizer.summarize(text, &Config::new())?;
/// assert_eq!(summary.sentences[0].text, "انطلقت في القاهرة اليوم قمة عربية لبحث أزمة المياه في المنطقة.");
/// # Ok::<(), talkhis::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Summarizer<const SENTENCES: usize, const TERMS: usize> {
    pub(crate) sentences: Vec<Info, SENTENCES>,
    pub(crate) terms: Terms<TERMS>,
    /// Whether sentence 0 is a headline.
    pub(crate) headline: bool,
    /// How many words the document has (a sentence's own count saturates at `u16::MAX`).
    pub(crate) words: u32,
    /// Whether pass 1 packed every word's slot in the term table's spare slots
    /// ([`Terms::packs`]), having none lent.
    pub(crate) packed: bool,
}

/// What the scratch keeps of one sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Info {
    pub start: u32,
    pub end: u32,
    /// Mean content weight, before scaling to the best sentence (the total score is computed
    /// from it when needed, which keeps a sentence at 20 bytes).
    pub raw: u32,
    pub words: u16,
    pub content: u16,
    /// The number of eligible body sentences before it: its rank, if it is eligible.
    pub rank: u16,
    /// What of the sentence is site furniture or a dateline ([`crate::furniture`]): its words
    /// are no terms, as pass 1 read them, and a pass that reads it again must read them so.
    pub furniture: Furniture,
    /// It may be chosen (enough content words; the headline only if allowed).
    pub eligible: bool,
}

/// The most a headline may have to count as one, in words: a longer open first line is a
/// paragraph that lost its full stop.
const HEADLINE_MAX_WORDS: u16 = 30;

impl<const SENTENCES: usize, const TERMS: usize> Default for Summarizer<SENTENCES, TERMS> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const SENTENCES: usize, const TERMS: usize> Summarizer<SENTENCES, TERMS> {
    const CHECK: () = assert!(SENTENCES <= u16::MAX as usize, "SENTENCES must be at most 65535");

    /// An empty scratch space.
    ///
    /// # Examples
    ///
    /// ```
    /// use std::sync::Mutex;
    /// use talkhis::{Config, Summarizer, Summary};
    ///
    /// // Keep the scratch out of the stack (firmware would use `critical_section::Mutex`).
    /// static SCRATCH: Mutex<Summarizer<64, 512>> = Mutex::new(Summarizer::new());
    ///
    /// let mut scratch = SCRATCH.lock().unwrap();
    /// let summary: Summary<'_, 1> = scratch.summarize("نص قصير عن المياه والطاقة.", &Config::new())?;
    /// assert_eq!(summary.sentences.len(), 1);
    /// # Ok::<(), talkhis::Error>(())
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        let () = Self::CHECK;
        Self {
            sentences: Vec::new(),
            terms: Terms::new(),
            headline: false,
            words: 0,
            packed: false,
        }
    }

    /// Splits and counts `text`, ready for [`Document::summary`] and [`Document::keywords`].
    ///
    /// Use this to get both a summary and keywords from one analysis; [`summarize`] and
    /// [`keywords`] are shorthands for one of them.
    ///
    /// A scratch sized for longer texts than this one has term slots to spare: on 64-bit
    /// targets and in WebAssembly the analysis keeps each word there (16 bytes a word), as
    /// [`analyze_with`](Self::analyze_with) keeps it in the slots a caller lends, so the
    /// summary and the keywords do not read the text again. A scratch with too few spare
    /// slots reads it again, with the same results.
    ///
    /// [`summarize`]: Self::summarize
    /// [`keywords`]: Self::keywords
    ///
    /// # Errors
    ///
    /// [`Error::CapacityExceeded`] if the text has more than `SENTENCES` sentences, more than
    /// `TERMS` distinct content terms, or more than `u32::MAX` bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// use talkhis::{Config, Keywords, Summarizer, Summary};
    ///
    /// let text = "ارتفعت أسعار النفط في الأسواق العالمية اليوم. وقال محللون إن أسعار النفط سترتفع أكثر.";
    /// let mut summarizer: Summarizer<16, 64> = Summarizer::new();
    /// let mut doc = summarizer.analyze(text, &Config::new())?;
    /// let summary: Summary<'_, 1> = doc.summary();
    /// let keywords: Keywords<'_, 2> = doc.keywords();
    /// assert_eq!(summary.sentences[0].text, "ارتفعت أسعار النفط في الأسواق العالمية اليوم.");
    /// // The repeated pair is a keyphrase, which stands for its two words.
    /// assert_eq!(keywords.keywords[0].text, "أسعار النفط");
    /// assert_eq!(keywords.keywords[0].count, 2);
    /// # Ok::<(), talkhis::Error>(())
    /// ```
    pub fn analyze<'s, 't>(
        &'s mut self,
        text: &'t str,
        config: &Config,
    ) -> Result<Document<'s, 't, SENTENCES, TERMS>, Error> {
        self.count(text, config, &mut [])?;
        Ok(Document { scratch: self, text, config: *config, best: None, words: &[] })
    }

    /// [`analyze`](Self::analyze), keeping what it learns about each word in `words` (one
    /// [`WordSlot`] a word, in document order), so that [`Document::summary`],
    /// [`Document::scores`] and [`Document::keywords`] need not read and classify the words
    /// again: about twice as fast for a summary and keywords, at 12 bytes a word. (`analyze`
    /// does the same in the scratch's spare term slots when it has enough of them.)
    ///
    /// The results are the same as `analyze`'s. If the text has more words than `words` has
    /// slots (or a word longer than 65,535 bytes, or a sentence of 65,535 words or more), the
    /// slots are not used and the document reads the text again, as `analyze`'s does: that is
    /// never an error. A text of `n` bytes has at most `n / 2 + 1` words.
    ///
    /// # Errors
    ///
    /// As for [`analyze`](Self::analyze).
    ///
    /// # Examples
    ///
    /// ```
    /// use talkhis::{Config, Keywords, Summarizer, Summary, WordSlot};
    ///
    /// let text = "ارتفعت أسعار النفط في الأسواق العالمية اليوم. وقال محللون إن أسعار النفط سترتفع أكثر.";
    /// let mut summarizer: Summarizer<16, 64> = Summarizer::new();
    /// let mut words = [WordSlot::EMPTY; 64];
    /// let mut doc = summarizer.analyze_with(text, &Config::new(), &mut words)?;
    /// let summary: Summary<'_, 1> = doc.summary();
    /// let keywords: Keywords<'_, 2> = doc.keywords();
    /// assert_eq!(summary.sentences[0].text, "ارتفعت أسعار النفط في الأسواق العالمية اليوم.");
    /// assert_eq!(keywords.keywords[0].text, "أسعار النفط");
    /// # Ok::<(), talkhis::Error>(())
    /// ```
    pub fn analyze_with<'s, 't>(
        &'s mut self,
        text: &'t str,
        config: &Config,
        words: &'s mut [WordSlot],
    ) -> Result<Document<'s, 't, SENTENCES, TERMS>, Error> {
        let used = self.count(text, config, words)?;
        let words = words.get(..used).unwrap_or(&[]);
        Ok(Document { scratch: self, text, config: *config, best: None, words })
    }

    /// The summary of `text`: its best sentences, in document order.
    ///
    /// The length is the smaller of `config`'s [`Budget`](crate::Budget) and `N` sentences.
    ///
    /// # Errors
    ///
    /// As for [`analyze`](Self::analyze).
    ///
    /// # Examples
    ///
    /// ```
    /// use talkhis::{Budget, Config, Summarizer, Summary};
    ///
    /// let text = "العنوان\nالجملة الأولى عن المياه والطاقة. والثانية عن المياه.";
    /// let mut summarizer: Summarizer<8, 32> = Summarizer::new();
    /// let config = Config::new().with_budget(Budget::Sentences(5));
    /// let summary: Summary<'_, 2> = summarizer.summarize(text, &config)?;
    /// assert!(summary.sentences.len() <= 2);
    /// for s in &summary.sentences {
    ///     assert_eq!(&text[s.start..s.start + s.text.len()], s.text);
    /// }
    /// # Ok::<(), talkhis::Error>(())
    /// ```
    pub fn summarize<'t, const N: usize>(
        &mut self,
        text: &'t str,
        config: &Config,
    ) -> Result<Summary<'t, N>, Error> {
        Ok(self.analyze(text, config)?.summary())
    }

    /// The top keywords of `text`, best first.
    ///
    /// # Errors
    ///
    /// As for [`analyze`](Self::analyze).
    ///
    /// # Examples
    ///
    /// ```
    /// use talkhis::{Config, Keywords, Summarizer};
    ///
    /// let text = "الإرهاب خطر. مكافحة الإرهاب واجب، والإرهابيون أعداء للجميع.";
    /// let mut summarizer: Summarizer<8, 32> = Summarizer::new();
    /// let keywords: Keywords<'_, 3> = summarizer.keywords(text, &talkhis::Config::new())?;
    /// assert_eq!(keywords.keywords[0].text, "الإرهاب");
    /// assert_eq!(keywords.keywords[0].count, 3);
    /// # Ok::<(), talkhis::Error>(())
    /// ```
    pub fn keywords<'t, const K: usize>(
        &mut self,
        text: &'t str,
        config: &Config,
    ) -> Result<crate::Keywords<'t, K>, Error> {
        Ok(self.analyze(text, config)?.keywords())
    }

    /// Pass 1: sentence spans, word counts, term frequencies, headline and eligibility; each
    /// word's slot in `slots` if they all fit. Returns how many slots it filled: every word's,
    /// or 0.
    fn count(
        &mut self,
        text: &str,
        config: &Config,
        slots: &mut [WordSlot],
    ) -> Result<usize, Error> {
        if u32::try_from(text.len()).is_err() {
            return Err(Error::capacity(Capacity::TextBytes, u32::MAX as usize, u32::MAX as usize));
        }
        // Counted again, in a wide term table, if the text has more terms than most.
        let mut wide = false;
        let (word_index, fits) = loop {
            match self.tally(text, slots, wide)? {
                Some(counted) => break counted,
                None => wide = true,
            }
        };
        if self.sentences.len() < 2 {
            self.headline = false;
        }
        self.words = u32::try_from(word_index).unwrap_or(u32::MAX);
        self.rank(config);
        Ok(if fits { word_index } else { 0 })
    }

    /// The counting of pass 1, in a term table sized for a typical text or, if `wide`, for the
    /// worst case (see `Terms::reset`): every word, and whether they all fit in `slots` (or,
    /// with none lent, [`Self::packed`] says if they were packed in the table's spare slots);
    /// `None` if the table must be widened.
    fn tally(
        &mut self,
        text: &str,
        slots: &mut [WordSlot],
        wide: bool,
    ) -> Result<Option<(usize, bool)>, Error> {
        self.sentences.clear();
        self.terms.reset(text.len(), wide);
        self.headline = false;
        let mut spans = sentences::split(text);
        // The table's spare slots remember the forms classified (with `spare_slots`).
        let (mut terms, spare) = self.terms.split();
        let (cache, packs) = terms::part(text.len(), spare);
        let mut packer = Packer::new(packs, !slots.is_empty());
        let mut recent = terms::Recent::new(text, cache);
        // Counts every word before the current one, for each term's first occurrence.
        let mut word_index = 0usize;
        let mut fits = !slots.is_empty();
        while let Some(span) = spans.next_span() {
            let index = self.sentences.len();
            let full = Error::capacity(Capacity::Sentences, SENTENCES, span.start);
            // SENTENCES <= u16::MAX (checked at compile time), so the index fits.
            if self.sentences.is_full() {
                return Err(full);
            }
            u16::try_from(index).map_err(|_| full)?;
            let mut info = Info {
                start: span.start as u32,
                end: span.end as u32,
                raw: 0,
                words: 0,
                content: 0,
                rank: 0,
                furniture: Furniture::None,
                eligible: false,
            };
            let sentence = text.get(span.start..span.end).unwrap_or("");
            // A line of the web page has no terms (never chosen, no keyword), nor has a
            // dateline.
            info.furniture = Furniture::of(sentence, span.starts_line);
            let terms_from = info.furniture.terms_from(sentence);
            let mut pos = 0;
            while let Some((at, end, class)) = recent.next_classified(sentence, pos) {
                pos = end;
                let class = if at < terms_from { Word::Other } else { class };
                info.words = info.words.saturating_add(1);
                if fits {
                    let slot = WordSlot::new(at, end - at, class);
                    match (slots.get_mut(word_index), slot) {
                        (Some(to), Some(slot)) => *to = slot,
                        _ => fits = false,
                    }
                } else {
                    // Without lent slots, the spare slots after the cache keep the words.
                    packer.keep(word_index, at, end - at, class);
                }
                word_index += 1;
                if let Word::Content { hash, article, .. } = class {
                    info.content = info.content.saturating_add(1);
                    let at_word = u16::try_from(word_index).unwrap_or(u16::MAX);
                    match terms.add(hash, at_word, article) {
                        Ok(()) => {}
                        Err(Full::Estimate) => return Ok(None),
                        Err(Full::Capacity) => {
                            return Err(Error::capacity(Capacity::Terms, TERMS, span.start + at));
                        }
                    }
                }
            }
            // Later passes find a sentence's slots by its word count, which saturates.
            fits &= info.words < u16::MAX;
            packer.end_sentence(info.words);
            if index == 0 {
                self.headline = span.open && span.starts_line && info.words <= HEADLINE_MAX_WORDS;
            }
            self.sentences.push(info).map_err(|_| full)?;
        }
        self.packed = packer.all();
        Ok(Some((word_index, fits)))
    }

    /// How many words pass 1 packed in the term table's spare slots, if it packed them all.
    pub(crate) const fn packed_words(&self) -> Option<u32> {
        if self.packed { Some(self.words) } else { None }
    }

    /// Marks the sentences that may be chosen and ranks the body sentences among them.
    fn rank(&mut self, config: &Config) {
        let headline = self.headline;
        let may = |i: usize, s: &Info, min: u16| {
            s.content >= min && s.content > 0 && (i > 0 || !headline || config.headline_eligible())
        };
        let mut min = config.min_words();
        if !self.sentences.iter().enumerate().any(|(i, s)| may(i, s, min)) {
            min = 1;
        }
        let mut rank = 0u16;
        for (i, s) in self.sentences.iter_mut().enumerate() {
            s.eligible = may(i, s, min);
            s.rank = rank;
            if s.eligible && !(i == 0 && headline) {
                rank = rank.saturating_add(1);
            }
        }
    }
}

/// One analyzed document: the text and the scratch that holds its counts.
///
/// Created by [`Summarizer::analyze`]. Ask it for a [`summary`](Self::summary), for
/// [`keywords`](Self::keywords), or for every sentence's [`scores`](Self::scores).
#[derive(Debug)]
pub struct Document<'s, 't, const SENTENCES: usize, const TERMS: usize> {
    pub(crate) scratch: &'s mut Summarizer<SENTENCES, TERMS>,
    pub(crate) text: &'t str,
    pub(crate) config: Config,
    /// The best mean content weight, once pass 2 has run.
    best: Option<u32>,
    /// Every word's slot from pass 1, or none (see [`Summarizer::analyze_with`]).
    pub(crate) words: &'s [WordSlot],
}

/// Every part of one sentence's score, for people tuning the weights.
///
/// Yielded by [`Document::scores`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SentenceScore<'t> {
    /// The sentence, borrowed from the input.
    pub text: &'t str,
    /// Its byte offset in the input.
    pub start: usize,
    /// Its index among the document's sentences.
    pub index: u32,
    /// Its number of words.
    pub words: u16,
    /// Its number of content words (not stopwords, not numbers).
    pub content_words: u16,
    /// Whether it is the document's headline.
    pub headline: bool,
    /// Whether it may be chosen (enough content words; the headline if allowed).
    pub eligible: bool,
    /// The content part, scaled so the best sentence has 1000.
    pub content: Score,
    /// The position part.
    pub position: Score,
    /// The lead bonus, if it is the first body sentence.
    pub bonus: Score,
    /// The weighted total, which ranks the sentences.
    pub total: Score,
}

impl<'t, const SENTENCES: usize, const TERMS: usize> Document<'_, 't, SENTENCES, TERMS> {
    /// Every sentence of the document with the parts of its score, in document order.
    ///
    /// # Examples
    ///
    /// ```
    /// use talkhis::{Config, Summarizer};
    ///
    /// let text = "العنوان هنا\nالجملة الأولى عن المياه والطاقة والزراعة. والثانية عن المياه.";
    /// let mut summarizer: Summarizer<8, 32> = Summarizer::new();
    /// let mut doc = summarizer.analyze(text, &Config::new().with_min_words(2))?;
    /// let first = doc.scores().next().unwrap();
    /// assert!(first.headline);
    /// assert_eq!(doc.scores().count(), 3);
    /// # Ok::<(), talkhis::Error>(())
    /// ```
    pub fn scores(&mut self) -> impl Iterator<Item = SentenceScore<'t>> + '_ {
        self.score();
        let text = self.text;
        let headline = self.scratch.headline;
        let weights = self.weights();
        self.scratch.sentences.iter().enumerate().map(move |(i, s)| {
            let parts = weights.parts(s);
            SentenceScore {
                text: text.get(s.start as usize..s.end as usize).unwrap_or(""),
                start: s.start as usize,
                index: i as u32,
                words: s.words,
                content_words: s.content,
                headline: i == 0 && headline,
                eligible: s.eligible,
                content: Score(parts.0),
                position: Score(parts.1),
                bonus: Score(parts.2),
                total: Score(weights.total(s)),
            }
        })
    }

    /// Pass 2: each sentence's mean content weight, then its total score.
    pub(crate) fn score(&mut self) {
        if self.best.is_some() {
            return;
        }
        let text = self.text;
        let config = self.config;
        let headline_words = self.headline_words();
        let terms = &self.scratch.terms;
        let packed = self.scratch.packed_words();
        let source = terms.source(text, self.words, packed);
        let mut best = 0u32;
        let mut next = 0usize;
        for s in self.scratch.sentences.iter_mut() {
            let mut sum = 0u64;
            sentence_words(source, s, next).for_each(|(_, _, word)| {
                if let Word::Content { hash, .. } = word
                    && let Some(t) = terms.get(hash)
                {
                    let boost =
                        if t.first_word() < headline_words { config.headline_boost() } else { 0 };
                    let weight = match config.topic_threshold() {
                        0 => u64::from(t.count),
                        // A topic word (Lin and Hovy's "topic signatures", simplified): weight 10
                        // if the document repeats it, 0 otherwise.
                        min => u64::from(t.count >= min) * 10,
                    };
                    sum += weight * (100 + u64::from(boost));
                }
            });
            next += usize::from(s.words);
            // Mean weight in hundredths of an occurrence, times 10: thousandths.
            let denom = u32::from(s.content) + u32::from(config.length_smoothing());
            let sum = u32::try_from(sum * 10).unwrap_or(u32::MAX);
            s.raw = sum.checked_div(denom).unwrap_or(0);
            if s.eligible {
                best = best.max(s.raw);
            }
        }
        self.best = Some(best);
    }

    /// The number of words of the headline (0 without one): terms first seen within them are
    /// headline terms.
    pub(crate) fn headline_words(&self) -> u16 {
        match self.scratch.sentences.first() {
            Some(s) if self.scratch.headline => s.words,
            _ => 0,
        }
    }

    /// The scoring context, once pass 2 has run (call [`Self::score`] first).
    pub(crate) fn weights(&self) -> Weights {
        let headline = self.scratch.headline;
        Weights {
            config: self.config,
            best: self.best.unwrap_or(0),
            headline: self.scratch.sentences.first().filter(|_| headline).map(|s| s.start),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Budget;
    use crate::tokenize;

    #[test]
    fn scratch_size_per_sentence_and_term() {
        use core::mem::size_of;
        // The figures the docs promise, which decide what fits in a Cortex-M0's RAM.
        assert_eq!(size_of::<Info>(), 20);
        assert_eq!(size_of::<crate::terms::Term>(), 8);
        let base = size_of::<Summarizer<0, 0>>();
        assert!(base <= 32, "{base}");
        assert_eq!(size_of::<Summarizer<128, 640>>(), base + 128 * 20 + 640 * 8);
    }

    /// What pass 1 leaves in the scratch, in an order that does not depend on the table size.
    fn counted<const S: usize, const T: usize>(
        s: &Summarizer<S, T>,
    ) -> (std::vec::Vec<Info>, std::vec::Vec<crate::terms::Term>, bool) {
        let mut terms: std::vec::Vec<_> = s.terms.iter().copied().collect();
        terms.sort_by_key(|t| t.hash);
        (s.sentences.iter().copied().collect(), terms, s.headline)
    }

    #[test]
    fn a_text_with_more_terms_than_most_is_counted_again_in_a_wide_table() {
        // 1,728 distinct three-letter words, a sentence every 12: one term per 7 bytes, where
        // news has one per 18.
        let letters: std::vec::Vec<char> = "بتثجحخدذرزسشصضطظعغفقكمنه".chars().collect();
        let mut text = std::string::String::from("عنوان التقرير\n");
        let mut n = 0;
        for a in &letters[..12] {
            for b in &letters[..12] {
                for c in &letters[12..] {
                    n += 1;
                    text.extend([*a, *b, *c, if n % 12 == 0 { '.' } else { ' ' }]);
                }
            }
        }
        let mut s: std::boxed::Box<Summarizer<256, 8192>> = std::boxed::Box::default();
        let mut slots = std::vec![WordSlot::EMPTY; 2000];
        assert_eq!(s.tally(&text, &mut slots, false), Ok(None), "the typical table overflows");
        let used = s.analyze_with(&text, &Config::new(), &mut slots).unwrap().words.len();
        let again = (counted(&s), slots.clone());
        assert!(again.0.1.len() > 1500, "{} terms", again.0.1.len());
        slots.fill(WordSlot::EMPTY);
        assert_eq!(s.tally(&text, &mut slots, true), Ok(Some((used, true))));
        s.rank(&Config::new());
        assert_eq!((counted(&s), slots), again, "as if counted wide from the start");
    }

    #[test]
    fn word_slots_are_used_only_if_every_word_fits() {
        let text = "الجملة الأولى عن المياه والطاقة. والثانية عن المياه في الريف.";
        let words = tokenize::words(text).count();
        let mut s: Summarizer<8, 64> = Summarizer::new();
        let mut slots = [WordSlot::EMPTY; 32];
        for (name, n, used) in [("enough", 32, words), ("exact", words, words), ("short", 5, 0)] {
            let doc = s.analyze_with(text, &Config::new(), &mut slots[..n]).unwrap();
            assert_eq!(doc.words.len(), used, "{name}");
        }
        let first = slots[1].get();
        assert_eq!(text.get(first.0..first.0 + first.1), Some("الأولى"), "the first sentence's");
        assert!(matches!(first.2, Word::Content { .. }));
        assert_eq!(first.2, crate::score::classify("الأولى"));
    }

    /// Summary, keywords and scores of `text`, with `slots` lent word slots if some.
    fn everything<const S: usize, const T: usize>(
        s: &mut Summarizer<S, T>,
        text: &str,
        slots: Option<usize>,
    ) -> std::string::String {
        let mut lent = std::vec![WordSlot::EMPTY; slots.unwrap_or(0)];
        let config = Config::new().with_budget(Budget::Words(60));
        let mut doc = match slots {
            Some(_) => s.analyze_with(text, &config, &mut lent).unwrap(),
            None => s.analyze(text, &config).unwrap(),
        };
        let summary: Summary<'_, 8> = doc.summary();
        let keywords: crate::Keywords<'_, 12> = doc.keywords();
        let scores: std::vec::Vec<_> = doc.scores().collect();
        std::format!("{summary:?} {keywords:?} {scores:?}")
    }

    #[test]
    fn a_roomy_scratch_packs_the_words_and_changes_no_result() {
        if !crate::arch::SPARE_SLOTS {
            return; // Nothing is packed (the tests run on hosts, which pack).
        }
        let sample = include_str!("../../tests/data/sample.txt");
        let words = tokenize::words(sample).count();
        // No spare slots: no cache of forms, nothing packed; the passes read the text.
        let mut tight: Summarizer<64, 512> = Summarizer::new();
        let want = everything(&mut tight, sample, None);
        assert!(!tight.packed);
        // Spare slots for the cache and every word.
        let mut roomy: std::boxed::Box<Summarizer<64, 16384>> = std::boxed::Box::default();
        assert_eq!(everything(&mut *roomy, sample, None), want);
        assert!(roomy.packed, "no word slots lent, and room for them");
        assert_eq!(roomy.packed_words(), Some(words as u32));
        // Lent slots come first: nothing is packed.
        assert_eq!(everything(&mut *roomy, sample, Some(words)), want);
        assert!(!roomy.packed, "lent slots are used instead");
        // Lent slots too few: neither, and the text is read again.
        assert_eq!(everything(&mut *roomy, sample, Some(words - 1)), want);
        assert!(!roomy.packed);
        // Room for some of the words only: the packer gives up and the text is read again.
        // 4,509 bytes: 767 active slots, 2,048 for the cache, 1,292 word slots after them,
        // for 1,501 words.
        let letters = "ب ".repeat(1500) + "كتاب.";
        let mut short: std::boxed::Box<Summarizer<8, 5400>> = std::boxed::Box::default();
        let want = everything(&mut tight, &letters, None);
        assert_eq!(everything(&mut *short, &letters, None), want);
        assert!(!short.packed, "1,501 words");
        let first = short.terms.packs(letters.len(), 1).map(|p| WordSlot::unpack(p[0]).get());
        assert_eq!(first, Some((0, 2, Word::Other)), "packing began");
    }
}

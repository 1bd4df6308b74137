//! Stage 7: the [`Summarizer`] scratch space, per-document analysis, and sentence selection.

use core::cmp::Reverse;

use heapless::Vec;

use crate::config::{Budget, Config};
use crate::error::{Capacity, Error};
use crate::score::{self, Full, Kept, Recall, Score, Source, Terms, Word, WordSlot};
use crate::{sentences, tokenize};

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
    /// How many body sentences may be chosen.
    pub(crate) eligible: u16,
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
    /// The sentence starts a line (a paragraph, in most texts).
    pub para: bool,
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
            eligible: 0,
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
    /// The length is the smaller of `config`'s [`Budget`] and `N` sentences.
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
        let (cache, mut packer) = score::part(text.len(), spare, !slots.is_empty());
        let mut recent = score::Recent::new(text, cache);
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
                para: span.starts_line,
                eligible: false,
            };
            let sentence = text.get(span.start..span.end).unwrap_or("");
            // Issue 18: a line of the web page has no terms (never chosen, no keyword).
            let furniture = span.starts_line && crate::furniture::is_furniture(sentence);
            let mut pos = 0;
            while let Some((at, end, class)) = recent.next_word(sentence, pos) {
                pos = end;
                let class = if furniture { Word::Other } else { class };
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
                if let Word::Content { hash, .. } = class {
                    info.content = info.content.saturating_add(1);
                    match terms.add(hash, u16::try_from(word_index).unwrap_or(u16::MAX)) {
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
        self.eligible = rank;
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
                    let (_, _, recall) = source;
                    (&[], (text, Kept::Lent(&[]), recall), 0, weights.total(s))
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
    fn score(&mut self) {
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
                    let boost = if t.first < headline_words { config.headline_boost() } else { 0 };
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
    fn weights(&self) -> Weights {
        let headline = self.scratch.headline;
        Weights {
            config: self.config,
            best: self.best.unwrap_or(0),
            headline: self.scratch.sentences.first().filter(|_| headline).map(|s| s.start),
            eligible: self.scratch.eligible,
        }
    }
}

/// The words of one sentence, each as (byte offset in the sentence, byte length, class):
/// from the slots pass 1 filled or packed, or read and classified again.
pub(crate) enum SentenceWords<'a> {
    Slots(core::slice::Iter<'a, WordSlot>),
    #[cfg(spare_slots)]
    Packed(core::slice::Iter<'a, [score::Term; 2]>),
    /// A sentence's text, the offset to read on from, and pass 1's cache of forms.
    Text(&'a str, usize, Recall<'a>),
}

impl Iterator for SentenceWords<'_> {
    type Item = (usize, usize, Word);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Self::Slots(slots) => slots.next().map(|slot| slot.get()),
            #[cfg(spare_slots)]
            Self::Packed(packs) => packs.next().map(|&pack| WordSlot::unpack(pack).get()),
            Self::Text(text, pos, recall) => {
                let (at, end, class) = recall.next_word(text, *pos)?;
                *pos = end;
                Some((at, end - at, class))
            }
        }
    }

    /// One loop per source, so that the passes' loops test the source once a sentence, not
    /// once a word. On 64-bit targets only: a 32-bit one's flash has no room for a copy of
    /// each loop's body per source.
    #[cfg(target_pointer_width = "64")]
    #[inline]
    fn fold<B, F: FnMut(B, Self::Item) -> B>(self, init: B, mut f: F) -> B {
        match self {
            Self::Slots(slots) => slots.fold(init, |b, slot| f(b, slot.get())),
            #[cfg(spare_slots)]
            Self::Packed(packs) => packs.fold(init, |b, &pack| f(b, WordSlot::unpack(pack).get())),
            text @ Self::Text(..) => {
                // `next` (a `for` loop does not call `fold`).
                let mut b = init;
                for word in text {
                    b = f(b, word);
                }
                b
            }
        }
    }
}

/// The words of sentence `s` (offsets in the sentence), from the slots pass 1 kept if they
/// hold every word of the text; `first` is the index of its first word among the text's.
#[inline]
pub(crate) fn sentence_words<'a>(
    (text, kept, recall): Source<'a>,
    s: &Info,
    first: usize,
) -> SentenceWords<'a> {
    let range = first..first + usize::from(s.words);
    match kept {
        Kept::Lent(slots) => {
            if let Some(slots) = slots.get(range) {
                return SentenceWords::Slots(slots.iter());
            }
        }
        #[cfg(spare_slots)]
        Kept::Packed(packs) => {
            if let Some(packs) = packs.get(range) {
                return SentenceWords::Packed(packs.iter());
            }
        }
    }
    let sentence = text.get(s.start as usize..s.end as usize).unwrap_or("");
    SentenceWords::Text(sentence, 0, recall)
}

/// What a sentence's score depends on besides the sentence itself.
#[derive(Clone, Copy, Debug)]
struct Weights {
    config: Config,
    /// The best mean content weight of an eligible sentence.
    best: u32,
    /// Where the headline starts, if the document has one.
    headline: Option<u32>,
    /// How many body sentences may be chosen.
    eligible: u16,
}

impl Weights {
    /// The (content, position, bonus) parts of a sentence's score, in thousandths.
    fn parts(&self, s: &Info) -> (u32, u32, u32) {
        let config = &self.config;
        if !s.eligible {
            return (0, 0, 0);
        }
        // raw × 1000 / best in 32 bits: scale both down until the product fits (raw <= best).
        let (mut raw, mut best) = (s.raw, self.best);
        while best > u32::MAX / 1000 {
            (raw, best) = (raw >> 1, best >> 1);
        }
        let content = (raw * 1000).checked_div(best).unwrap_or(0);
        let floor = u32::from(config.position_floor()).min(1000);
        let mut position = floor
            + score::position(u32::from(s.rank), config.position_decay()) * (1000 - floor) / 1000;
        if self.eligible > 0 {
            let eligible = u32::from(self.eligible);
            let relative = 1000 - 1000 * u32::from(s.rank).min(eligible) / eligible;
            position += relative * u32::from(config.spread_weight()) / 100;
        }
        let is_headline = self.headline == Some(s.start);
        let lead = s.rank < config.lead_sentences() && !is_headline;
        let mut bonus = if lead { u32::from(config.lead_bonus()) } else { 0 };
        if s.para && s.rank > 0 {
            bonus += u32::from(config.paragraph_bonus());
        }
        (content, position, bonus)
    }

    /// The total score that ranks the sentences, in thousandths.
    fn total(&self, s: &Info) -> u32 {
        let config = &self.config;
        let (content, position, bonus) = self.parts(s);
        // 32-bit arithmetic, saturating (only absurd weights reach the limit).
        let weighted = (content * u32::from(config.content_weight()))
            .saturating_add(position.saturating_mul(u32::from(config.position_weight())))
            / 100;
        let mut total = weighted.saturating_add(bonus);
        let long = config.long_sentence();
        if long > 0 && s.words > long {
            total = total.saturating_mul(u32::from(long)) / u32::from(s.words);
        }
        total
    }
}

/// Sorts `v` so that `before(a, b)` holds for every earlier `a` and later `b`: a heapsort, in
/// place and O(n log n).
///
/// Used instead of `sort_unstable_by`, which keeps a panic path (it may panic on an
/// inconsistent order, and the optimizer cannot rule that out) and a stack buffer of up to 48
/// elements (1.1 KB of `Info` on a Cortex-M0). The orders sorted here have no ties (sentence
/// starts differ), so any correct sort gives the same result.
pub(crate) fn sort_by<T>(v: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for node in (0..v.len() / 2).rev() {
        sift_down(v, node, &before);
    }
    for end in (1..v.len()).rev() {
        swap(v, 0, end);
        if let Some(heap) = v.get_mut(..end) {
            sift_down(heap, 0, &before);
        }
    }
}

/// Moves `v[node]` down the heap `v` (the last in `before` order on top) to its place.
fn sift_down<T>(v: &mut [T], mut node: usize, before: &impl Fn(&T, &T) -> bool) {
    loop {
        let mut child = 2 * node + 1;
        let (Some(left), right) = (v.get(child), v.get(child + 1)) else { return };
        if right.is_some_and(|r| before(left, r)) {
            child += 1;
        }
        match (v.get(node), v.get(child)) {
            (Some(n), Some(c)) if before(n, c) => swap(v, node, child),
            _ => return,
        }
        node = child;
    }
}

/// `v.swap(i, j)` for `i < j`, without its panic path (`swap` is not inlined at `opt-level =
/// "z"`, so its bounds checks stay); does nothing if either is out of bounds.
fn swap<T>(v: &mut [T], i: usize, j: usize) {
    let Some((a, rest)) = v.get_mut(i..).and_then(<[T]>::split_first_mut) else { return };
    if let Some(b) = rest.get_mut(j.wrapping_sub(i).wrapping_sub(1)) {
        core::mem::swap(a, b);
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
    let (text, _, recall) = source;
    SentenceWords::Text(text.get(c.start..c.start + c.text.len()).unwrap_or(""), 0, recall)
}

/// The most content terms of a candidate sentence that the redundancy check compares.
const OVERLAP_TERMS: usize = 48;

/// A candidate's distinct content terms (the first [`OVERLAP_TERMS`]), and the same as bits,
/// which tell most other terms apart without a search of the list: on 64-bit targets, where
/// they took the summary's candidate scans from 5% to 3% of `both_with`'s instructions on the
/// sample; the Cortex-M0's flash has no room for their code (132 B).
struct Overlap {
    terms: Vec<u32, OVERLAP_TERMS>,
    #[cfg(target_pointer_width = "64")]
    bits: score::TermBits,
}

impl Overlap {
    fn new() -> Self {
        Self {
            terms: Vec::new(),
            #[cfg(target_pointer_width = "64")]
            bits: score::TermBits::new(),
        }
    }

    /// Adds `hash`; false if the list is full.
    fn insert(&mut self, hash: u32) -> bool {
        #[cfg(target_pointer_width = "64")]
        self.bits.insert(hash);
        self.terms.push(hash).is_ok()
    }

    /// Whether `hash` may be one of the terms (it is not if this is false).
    fn may_hold(&self, hash: u32) -> bool {
        #[cfg(target_pointer_width = "64")]
        return self.bits.may_hold(hash);
        #[cfg(not(target_pointer_width = "64"))]
        return {
            let _ = hash;
            true
        };
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

    #[test]
    fn scratch_size_per_sentence_and_term() {
        use core::mem::size_of;
        // The figures the docs promise, which decide what fits in a Cortex-M0's RAM.
        assert_eq!(size_of::<Info>(), 20);
        assert_eq!(size_of::<crate::score::Term>(), 8);
        let base = size_of::<Summarizer<0, 0>>();
        assert!(base <= 32, "{base}");
        assert_eq!(size_of::<Summarizer<128, 640>>(), base + 128 * 20 + 640 * 8);
    }

    /// What pass 1 leaves in the scratch, in an order that does not depend on the table size.
    fn counted<const S: usize, const T: usize>(
        s: &Summarizer<S, T>,
    ) -> (std::vec::Vec<Info>, std::vec::Vec<crate::score::Term>, bool) {
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
        assert_eq!(first.2, score::classify("الأولى"));
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
    #[cfg(spare_slots)]
    fn a_roomy_scratch_packs_the_words_and_changes_no_result() {
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

    #[test]
    fn heapsort_sorts() {
        for len in 0..70u32 {
            // Repeats values (mod 13) and comes in no particular order.
            let mut v: std::vec::Vec<u32> =
                (0..len).map(|i| i.wrapping_mul(2_654_435_761) % 13).collect();
            let mut want = v.clone();
            want.sort_unstable();
            sort_by(&mut v, |a, b| a < b);
            assert_eq!(v, want, "{len} elements");
        }
    }

    #[test]
    fn redundancy() {
        let a = "أعلنت الحكومة خطة جديدة لدعم الزراعة";
        let words = |s| SentenceWords::Text(s, 0, Recall::NONE);
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
        let terms = |t| content_terms(SentenceWords::Text(t, 0, Recall::NONE));
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
                    redundant(&t, SentenceWords::Text(x.text, 0, Recall::NONE), config.redundancy())
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

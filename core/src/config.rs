//! Every weight and switch of the scoring, in one small `Copy` value.

/// How long a summary should be.
///
/// The summary never holds more sentences than its `N` parameter
/// ([`Summary<'t, N>`](crate::Summary)), whatever the budget says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Budget {
    /// At most this many sentences.
    Sentences(u16),
    /// About this many words (see [`Config::with_fill`] for how the last sentence is chosen).
    Words(u32),
    /// About this share of the document's words, in thousandths (`Ratio(250)` is a quarter).
    Ratio(u16),
}

/// Scoring weights and switches.
///
/// All values are integers (percent, thousandths or counts) so that scoring needs no FPU and
/// gives the same result on every target. Build one with [`Config::new`] and the `with_*`
/// methods; all are `const fn`, so a configuration can be a `const`:
///
/// ```
/// use talkhis::{Budget, Config};
///
/// const SHORT: Config = Config::new().with_budget(Budget::Sentences(2)).with_keywords(5);
/// assert_eq!(SHORT.budget(), Budget::Sentences(2));
/// ```
///
/// How a sentence is scored: the whole formula, in the integer arithmetic the code uses
/// (every part in thousandths; divisions round down; [`Document::scores`] shows the parts):
///
/// [`Document::scores`]: crate::Document::scores
///
/// - **content**: each occurrence of a content word in the sentence (not a stopword, number,
///   single letter or over-long token) adds `weight × (100 + boost)`, where `weight` is 10 for
///   a term the document uses at least `topic_threshold` times and 0 for any other (with
///   `topic_threshold` 0, the term's count), and `boost` is `headline_boost` for a term first
///   used in the headline, 0 otherwise. The sentence's `raw = sum × 10 / (content words +
///   length_smoothing)` (0 if that is 0), so long sentences don't win by length alone, and
///   short ones don't win by one lucky word. Then `content = raw × 1000 / best`, where `best`
///   is the largest `raw` of an eligible sentence (0 if `best` is 0; both are halved together
///   until `best × 1000` fits 32 bits), so the best eligible sentence has 1000.
/// - **position**: `1000 × 1000 / (1000 + rank × position_decay)`, where `rank` counts the
///   eligible body sentences (not the headline) before it: 1000 for the first, falling
///   hyperbolically (news and encyclopedia text put the essentials first).
/// - **bonus**: `lead_bonus` if `rank < lead_sentences` and it is not the headline, 0
///   otherwise.
/// - **total**, which ranks the sentences: `(content × content_weight + position ×
///   position_weight) / 100 + bonus`.
///
/// Every sum and product saturates at `u32::MAX` (only absurd weights reach it).
///
/// A sentence with fewer than `min_words` content words (a dateline, `طباعة`, a caption) is
/// not eligible, unless no sentence of the document has that many; neither is the headline
/// unless `headline_eligible`. A sentence that is not eligible scores 0 in every part.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Config {
    budget: Budget,
    keywords: u16,
    content_weight: u16,
    position_weight: u16,
    position_decay: u16,
    lead_bonus: u16,
    headline_boost: u16,
    length_smoothing: u16,
    min_words: u16,
    redundancy: u16,
    headline_eligible: bool,
    fill: bool,
    keyword_position_decay: u16,
    lead_sentences: u16,
    topic_threshold: u16,
    phrase_weight: u16,
    phrase_min_count: u16,
}

impl Default for Config {
    fn default() -> Self {
        Self::new()
    }
}

impl Config {
    /// The defaults: a 3-sentence summary and 10 keywords, with weights chosen by
    /// cross-validated search on the EASC and AKEC corpora (see `docs/TUNING.md`).
    #[must_use]
    pub const fn new() -> Self {
        Self {
            budget: Budget::Sentences(3),
            keywords: 10,
            content_weight: 25,
            position_weight: 100,
            position_decay: 500,
            lead_bonus: 300,
            headline_boost: 100,
            length_smoothing: 4,
            min_words: 4,
            redundancy: 700,
            headline_eligible: true,
            fill: true,
            keyword_position_decay: 200,
            lead_sentences: 1,
            topic_threshold: 2,
            phrase_weight: 200,
            phrase_min_count: 2,
        }
    }

    /// Sets the summary length.
    #[must_use]
    pub const fn with_budget(mut self, budget: Budget) -> Self {
        self.budget = budget;
        self
    }

    /// Sets the most keywords to return (the `K` of the result type caps it too).
    #[must_use]
    pub const fn with_keywords(mut self, count: u16) -> Self {
        self.keywords = count;
        self
    }

    /// Sets the weight of the content (term frequency) part, in percent.
    #[must_use]
    pub const fn with_content_weight(mut self, percent: u16) -> Self {
        self.content_weight = percent;
        self
    }

    /// Sets the weight of the position part, in percent.
    #[must_use]
    pub const fn with_position_weight(mut self, percent: u16) -> Self {
        self.position_weight = percent;
        self
    }

    /// Sets how fast the position part falls with rank, in thousandths per sentence.
    #[must_use]
    pub const fn with_position_decay(mut self, permille: u16) -> Self {
        self.position_decay = permille;
        self
    }

    /// Sets the bonus of the first body sentence, in thousandths.
    #[must_use]
    pub const fn with_lead_bonus(mut self, thousandths: u16) -> Self {
        self.lead_bonus = thousandths;
        self
    }

    /// Sets how much more a headline term weighs, in percent.
    #[must_use]
    pub const fn with_headline_boost(mut self, percent: u16) -> Self {
        self.headline_boost = percent;
        self
    }

    /// Sets the number of content words added to a sentence's length when averaging.
    #[must_use]
    pub const fn with_length_smoothing(mut self, words: u16) -> Self {
        self.length_smoothing = words;
        self
    }

    /// Sets the fewest content words a sentence needs to be chosen.
    #[must_use]
    pub const fn with_min_words(mut self, words: u16) -> Self {
        self.min_words = words;
        self
    }

    /// Sets the redundancy threshold: a candidate sharing at least this share of its content
    /// terms (in thousandths) with a chosen sentence is skipped. 1000 or more turns it off.
    #[must_use]
    pub const fn with_redundancy(mut self, permille: u16) -> Self {
        self.redundancy = permille;
        self
    }

    /// Sets whether the headline may be part of the summary.
    #[must_use]
    pub const fn with_headline_eligible(mut self, eligible: bool) -> Self {
        self.headline_eligible = eligible;
        self
    }

    /// Sets whether, under a word budget, the last sentence may cross it. With `false` a
    /// sentence that does not fit is skipped for a shorter one, except the best sentence of
    /// all, which is always taken, so that a short budget never gives an empty summary.
    #[must_use]
    pub const fn with_fill(mut self, fill: bool) -> Self {
        self.fill = fill;
        self
    }

    /// Sets how fast a keyword's score falls with where the text first uses it, in
    /// thousandths per 10 words.
    #[must_use]
    pub const fn with_keyword_position_decay(mut self, permille: u16) -> Self {
        self.keyword_position_decay = permille;
        self
    }

    /// The summary length.
    #[must_use]
    pub const fn budget(&self) -> Budget {
        self.budget
    }

    /// The most keywords to return.
    #[must_use]
    pub const fn keywords(&self) -> u16 {
        self.keywords
    }

    /// The weight of the content part, in percent.
    #[must_use]
    pub const fn content_weight(&self) -> u16 {
        self.content_weight
    }

    /// The weight of the position part, in percent.
    #[must_use]
    pub const fn position_weight(&self) -> u16 {
        self.position_weight
    }

    /// How fast the position part falls, in thousandths per sentence.
    #[must_use]
    pub const fn position_decay(&self) -> u16 {
        self.position_decay
    }

    /// The bonus of the first body sentence, in thousandths.
    #[must_use]
    pub const fn lead_bonus(&self) -> u16 {
        self.lead_bonus
    }

    /// How much more a headline term weighs, in percent.
    #[must_use]
    pub const fn headline_boost(&self) -> u16 {
        self.headline_boost
    }

    /// The words added to a sentence's length when averaging.
    #[must_use]
    pub const fn length_smoothing(&self) -> u16 {
        self.length_smoothing
    }

    /// The fewest content words a chosen sentence needs.
    #[must_use]
    pub const fn min_words(&self) -> u16 {
        self.min_words
    }

    /// The redundancy threshold, in thousandths.
    #[must_use]
    pub const fn redundancy(&self) -> u16 {
        self.redundancy
    }

    /// Whether the headline may be part of the summary.
    #[must_use]
    pub const fn headline_eligible(&self) -> bool {
        self.headline_eligible
    }

    /// Whether the last sentence may cross a word budget.
    #[must_use]
    pub const fn fill(&self) -> bool {
        self.fill
    }

    /// How fast a keyword's score falls with its first use, in thousandths per 10 words.
    #[must_use]
    pub const fn keyword_position_decay(&self) -> u16 {
        self.keyword_position_decay
    }

    /// Sets how many of the first body sentences get the lead bonus.
    #[must_use]
    pub const fn with_lead_sentences(mut self, sentences: u16) -> Self {
        self.lead_sentences = sentences;
        self
    }

    /// How many of the first body sentences get the lead bonus.
    #[must_use]
    pub const fn lead_sentences(&self) -> u16 {
        self.lead_sentences
    }

    /// Sets how a term weighs in the content part: 0 weighs it by its frequency; `n > 0`
    /// counts only topic words, the terms the document repeats at least `n` times, each as
    /// 10 occurrences.
    #[must_use]
    pub const fn with_topic_threshold(mut self, count: u16) -> Self {
        self.topic_threshold = count;
        self
    }

    /// How a term weighs in the content part (see [`Config::with_topic_threshold`]).
    #[must_use]
    pub const fn topic_threshold(&self) -> u16 {
        self.topic_threshold
    }

    /// Sets how much a two-word keyphrase weighs against a single term with the same count,
    /// in percent; 0 turns keyphrases off, and with them the growth of a listed keyword into
    /// the longer phrase the text writes it in
    /// ([`Document::keywords`](crate::Document::keywords)).
    #[must_use]
    pub const fn with_phrase_weight(mut self, percent: u16) -> Self {
        self.phrase_weight = percent;
        self
    }

    /// Sets how often (at least 2) a pair of adjacent words must occur to be a keyphrase.
    #[must_use]
    pub const fn with_phrase_min_count(mut self, count: u16) -> Self {
        self.phrase_min_count = count;
        self
    }

    /// How much a keyphrase weighs against a single term, in percent.
    #[must_use]
    pub const fn phrase_weight(&self) -> u16 {
        self.phrase_weight
    }

    /// How often a pair of adjacent words must occur to be a keyphrase.
    #[must_use]
    pub const fn phrase_min_count(&self) -> u16 {
        self.phrase_min_count
    }
}

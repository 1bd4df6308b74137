//! Stage 8: the document's top terms, each shown in a form taken from the text.
//!
//! A keyword is a content term (a stem, see [`stem`](crate::stem)) ranked by how often it
//! occurs, boosted when it is in the headline and when it appears early: the topic of a news
//! article is named in its first lines. What is shown for the term is a span of the input:
//! the form the text uses most often (counted with a two-candidate Misra–Gries summary, so no
//! table of forms is needed), without any conjunction or preposition in front of its article:
//! `والإرهاب` shows as `الإرهاب`, `للإرهاب` as `إرهاب`.

use heapless::Vec;

use crate::analysis::Document;
use crate::kept::sentence_words;
use crate::keyword_forms::{Form, PHRASES, Phrase, Seen, count_phrase, vote_at};
use crate::keyword_runs::{self, Run};
use crate::score::{self, Score, Word};
use crate::sort::sort_by;
use crate::terms::TermBits;
use crate::{keyword_rules, normalize};

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

/// How terms are ranked: score, then the earlier first use, then the smaller hash. A sort key,
/// so a tuple: its `<` and `>` compare the fields in order directly, where a struct deriving
/// `Ord` goes through `partial_cmp`, which costs a Cortex-M0 more flash (measured).
type Rank = (u32, core::cmp::Reverse<u16>, core::cmp::Reverse<u32>);

/// The percent of its weight a keyword keeps: all of it if the text gives it the definite
/// article every time ([`Term::definite`](crate::terms::Term::definite); for a phrase, one of
/// its words), else half. A noun the text is about comes back as `الإرهاب`, `للإرهاب`; the
/// verbs and adjectives of one passage (`يعرف`, `تحتويه`, `جديدة`) never take the article.
/// Names never do either, but a name the text is about is repeated, and repetition is
/// what a keyword's score counts (`tests/sample.rs` keeps `بوتين` and `سوريا`).
/// `docs/TUNING.md` has the figures.
const fn definite_percent(definite: bool) -> u32 {
    if definite { 100 } else { 50 }
}

/// The form a keyword shows: the more frequent of its two candidates.
fn best_form(p: &Pending) -> Form {
    if p.forms[1].weight > p.forms[0].weight { p.forms[1] } else { p.forms[0] }
}

/// A keyword being built: its term and its two candidate forms.
#[derive(Clone, Copy, Debug)]
struct Pending {
    /// The term's hash; 0 for a phrase.
    hash: u32,
    score: u32,
    count: u16,
    first: u16,
    forms: [Form; 2],
}

impl<'t, const SENTENCES: usize, const TERMS: usize> Document<'_, 't, SENTENCES, TERMS> {
    /// The document's top keywords and keyphrases, best first: at most `K`, and at most
    /// [`Config::keywords`](crate::Config::keywords).
    ///
    /// A keyphrase is two adjacent content words, one of them a top term, that the text
    /// repeats at least [`Config::phrase_min_count`](crate::Config::phrase_min_count) times:
    /// `مكافحة الإرهاب`, `مجلس الأمن`.
    ///
    /// A candidate's score, in the integer arithmetic the code uses (divisions round down):
    /// its occurrences × 1000; × (100 + `headline_boost`) / 100 if the text first uses it in
    /// the headline and uses it again; × `phrase_weight` / 100 for a phrase; halved unless the
    /// text writes it with the definite article every time (for a phrase, one of its words):
    /// a topic's noun comes back as `الإرهاب`, `للإرهاب`, while verbs and adjectives used in
    /// passing (`يعرف`, `جديدة`) never take it; then × `1000 / (1000 + first / 10 ×
    /// keyword_position_decay)`, where `first` counts the words before its first use.
    /// A generic word (`عام`, `المرة`) is no keyword, and no two entries share a word: the
    /// better one wins.
    ///
    /// Then an entry that the text writes beside the same word at three of every four uses
    /// or more, and twice at least, grows by that word as the text writes it, into a phrase
    /// of up to three words: `منظمة الصحة` → `منظمة الصحة العالمية`, `عبد الفتاح` → `عبد
    /// الفتاح السيسي`. A definite word is followed in the phrase by definite words only
    /// (`التعادل الإيجابي` does not take the `بهدف` after it); a word after that starts with a
    /// clitic is not taken, a word before is shown without its clitic (`وانقطاع الدورة
    /// الشهرية` shows `انقطاع الدورة الشهرية`); a generic word, or one another entry holds, is
    /// never taken. The score stays, the count becomes the grown phrase's. One more pass over
    /// the text's words counts what the list needs to judge this.
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
    ///
    /// // A name the text never parts is listed whole.
    /// let text = "حذرت منظمة الصحة العالمية من الوباء. وقالت منظمة الصحة العالمية إن اللقاح \
    ///             آمن. ودعت منظمة الصحة العالمية الدول إلى التعاون.";
    /// let doc = summarizer.analyze(text, &Config::new())?;
    /// let keywords: Keywords<'_, 3> = doc.keywords();
    /// assert_eq!(keywords.keywords[0].text, "منظمة الصحة العالمية");
    /// assert_eq!(keywords.keywords[0].count, 3);
    /// # Ok::<(), talkhis::Error>(())
    /// ```
    #[must_use]
    pub fn keywords<const K: usize>(&self) -> crate::Keywords<'t, K> {
        // Candidates are ranked with room for at least `POOL`, whatever `K`: a short list
        // (devices ask for 10) still has candidates left when some are generic or share a
        // word with a better one, and every `K <= POOL` ranks the same candidates, so a
        // shorter list is the start of a longer one. (`K` is a constant: one branch is kept.)
        let mut list =
            if K <= POOL { self.keywords_from::<K, POOL>() } else { self.keywords_from::<K, K>() };
        self.grow(&mut list);
        list
    }

    /// [`Self::keywords`], with `N >= K` candidates ranked (`N >= POOL`).
    fn keywords_from<const K: usize, const N: usize>(&self) -> crate::Keywords<'t, K> {
        let config = &self.config;
        let limit = K.min(usize::from(config.keywords()));
        let min = config.phrase_min_count().max(2);
        let mut top: Vec<Pending, N> = Vec::new();
        let mut pool: Vec<u32, POOL> = Vec::new();
        let mut phrases: Vec<Phrase, PHRASES> = Vec::new();
        let mut out = crate::Keywords { keywords: Vec::new() };
        // The terms of each keyword listed, found once ([`keyword_rules::Terms`]).
        let mut listed: Vec<keyword_rules::Terms, K> = Vec::new();
        let mut fallback = None;
        // Candidates are walked best first, `N` at a time: a round ranks those below every
        // candidate an earlier one walked (`above`), until the list is full. Most lists fill
        // in the first; one whose candidates are mostly set aside takes the next `N`, as a
        // longer list would, so a list is full whenever the text has enough candidates (in
        // `ROUNDS` × `N`) and a short list is the start of a long one.
        let mut above: Option<Rank> = None;
        for round in 0..ROUNDS {
            top.clear();
            for t in self.scratch.terms.iter() {
                // A term whose score is certainly below the last of a full list cannot enter
                // it: its score is at most `weight × 1000 / divisor`
                // ([`score::position_divisor`]), compared without a division (most terms occur
                // once, late). A 32-bit target goes without: its 64-bit product costs flash.
                let (count, first) = (t.count, t.first_word());
                let weight = self.keyword_weight(count, first, definite_percent(t.definite()));
                if crate::arch::WIDE
                    && top.is_full()
                    && top.last().is_some_and(|last| {
                        let divisor = score::position_divisor(
                            u32::from(first) / 10,
                            self.config.keyword_position_decay(),
                        );
                        u64::from(weight) * 1000 < u64::from(last.score) * u64::from(divisor)
                    })
                {
                    continue;
                }
                let score = self.positioned(weight, first);
                let forms = [Form::default(); 2];
                let pending = Pending { hash: t.hash, score, count, first, forms };
                if above.is_none_or(|above| rank_key(&pending) < above) {
                    insert_ranked(&mut top, pending);
                }
            }
            // What a phrase must beat to be ranked in this round: the last of a full list
            // (terms below it are left to the next). A fixed bar, not the list's last place,
            // which the words a phrase replaces and the generic terms set aside leave empty.
            let floor = if top.is_full() { top.last().map(rank_key) } else { None };
            if round == 0 {
                // The best `POOL` terms (`N >= POOL`), which phrases must contain, counted in
                // the first round. Pushed one by one: heapless's `collect` panics on overflow,
                // which the optimizer cannot rule out.
                for p in &top {
                    if pool.push(p.hash).is_err() {
                        break;
                    }
                }
            }
            self.choose_forms(&mut top, &pool, (round == 0).then_some(&mut phrases));
            // Issue 18 (`keyword_rules`): a generic word is no keyword. Judged on the form
            // shown, known only now, once per candidate, before phrases compete: a generic
            // term leaves its place to the next candidate. A text whose every candidate is
            // generic (`مساءً.`) still gets its best one, as any text with content words gets
            // a keyword.
            for p in top.iter_mut() {
                let Some((text, start, _)) = self.shown(best_form(p)) else { continue };
                if keyword_rules::generic(text) {
                    if fallback.is_none() {
                        fallback =
                            Some(Keyword { text, start, score: Score(p.score), count: p.count });
                    }
                    p.count = 0;
                }
            }
            // Phrases compete with single terms for the same places, ranked like a term, ties
            // included, so that a phrase tied with the last of a short list enters it as it
            // would a longer one. A phrase that enters, in this round or an earlier one, takes
            // the place of its own words ranked below it (`تنظيم داعش` stands for `داعش`):
            // they lose their form, so the walk below passes over them, and a phrase that
            // pushes the last candidate out of a full list leaves it full: the next round
            // starts below its last entry.
            for ph in &phrases {
                let count = ph.count - ph.error;
                // A phrase is a topic's name if one of its words is (`توحيد الجهود`).
                let terms = &self.scratch.terms;
                let definite =
                    [ph.a, ph.b].iter().any(|&h| terms.get(h).is_some_and(|t| t.definite()));
                let percent = u32::from(config.phrase_weight()) * definite_percent(definite) / 100;
                let score = self.keyword_score(count, ph.first, percent);
                let forms = [ph.forms[0], Form::default()];
                let pending = Pending { hash: 0, score, count, first: ph.first, forms };
                let rank = rank_key(&pending);
                if count < min
                    || config.phrase_weight() == 0
                    || floor.is_some_and(|floor| floor >= rank)
                    || self.shown(ph.forms[0]).is_none_or(|(text, ..)| keyword_rules::generic(text))
                {
                    continue;
                }
                for p in top.iter_mut() {
                    if p.hash != 0 && p.score < score && (p.hash == ph.a || p.hash == ph.b) {
                        p.count = 0;
                    }
                }
                if above.is_none_or(|above| rank < above) {
                    insert_ranked(&mut top, pending);
                }
            }
            // Where the next round starts: below the last candidate of a full list (a phrase
            // may have pushed terms out of it, which the next round ranks again).
            let bound = if top.is_full() { top.last().map(rank_key) } else { floor };
            for p in &top {
                if out.keywords.len() >= limit {
                    break;
                }
                // (A candidate set aside above has no count.)
                let Some((text, start, end)) = self.shown(best_form(p)).filter(|_| p.count > 0)
                else {
                    continue;
                };
                // No overlap with a better keyword, no clitic a reader would not index.
                let start = keyword_rules::bare_start(self.text, start, end);
                let text = self.text.get(start..end).unwrap_or(text);
                let terms = keyword_rules::terms(text);
                if listed.iter().any(|k| keyword_rules::share(k, &terms)) {
                    continue;
                }
                let keyword = Keyword { text, start, score: Score(p.score), count: p.count };
                if out.keywords.push(keyword).is_err() || listed.push(terms).is_err() {
                    break;
                }
            }
            if out.keywords.len() >= limit || floor.is_none() {
                break;
            }
            above = bound;
        }
        // (With `limit` 0 nothing is listed, not even this.)
        if let (true, true, Some(keyword)) = (out.keywords.is_empty(), limit > 0, fallback) {
            let _ = out.keywords.push(keyword);
        }
        out
    }

    /// A form's span of the text, with where it starts and ends; `None` if it is empty.
    fn shown(&self, form: Form) -> Option<(&'t str, usize, usize)> {
        let (start, end) =
            (form.start as usize, (form.start as usize).saturating_add(form.len as usize));
        self.text.get(start..end).filter(|text| !text.is_empty()).map(|text| (text, start, end))
    }

    /// A keyword's score, in thousandths: its occurrences times `percent` / 100, boosted if
    /// in the headline and used again, falling with where the text first uses it (per 10
    /// words, so a term named early in the lead beats one with as many occurrences named
    /// later).
    fn keyword_score(&self, count: u16, first: u16, percent: u32) -> u32 {
        self.positioned(self.keyword_weight(count, first, percent), first)
    }

    /// [`Self::keyword_score`] before the position factor: its upper bound.
    fn keyword_weight(&self, count: u16, first: u16, percent: u32) -> u32 {
        let config = &self.config;
        // A headline word the text never uses again (`موسكو تكشف الستار عن الدول الداعمة`:
        // `الستار`, `الداعمة`) is the headline's wording, not the text's topic.
        let headline = first < self.headline_words() && count >= 2;
        let boost = if headline { config.headline_boost() } else { 0 };
        // 32-bit arithmetic, saturating (only absurd weights reach the limit): a 64-bit
        // division would pull a software routine into the Cortex-M0's flash.
        let weight = (u32::from(count) * 1000).saturating_mul(100 + u32::from(boost)) / 100;
        weight.saturating_mul(percent) / 100
    }

    /// `weight` times the position factor of a term first used at word `first`.
    fn positioned(&self, weight: u32, first: u16) -> u32 {
        let decay = self.config.keyword_position_decay();
        weight.saturating_mul(score::position(u32::from(first) / 10, decay)) / 1000
    }

    /// Pass 3: finds each keyword's most frequent surface form, and (given `phrases`) counts
    /// the phrases that pair a pooled term with an adjacent content word.
    fn choose_forms<const K: usize>(
        &self,
        top: &mut Vec<Pending, K>,
        pool: &[u32],
        mut phrases: Option<&mut Vec<Phrase, PHRASES>>,
    ) {
        let min = self.config.phrase_min_count().max(2);
        // Looked up for every content word: for a long list (the CLI asks for 256), by binary
        // search on hashes, the rank order restored at the end; a short one (`K` is a constant,
        // so the branch is resolved at compile time) is scanned, which also keeps the sort
        // out of a small device's flash.
        let by_hash = K > SCAN_MAX;
        if by_hash {
            sort_pending(top, Order::Hash);
        }
        // One bit per candidate (pooled terms are the first of them), by the top bits of its
        // hash: most content words are none, and one test tells them so before any list is
        // searched.
        let mut wanted = TermBits::new();
        for hash in top.iter().map(|p| p.hash) {
            wanted.insert(hash);
        }
        let packed = self.scratch.packed_words();
        let source = self.scratch.terms.source(self.text, self.words, packed);
        // Every word before the current one, as pass 1 counts them for the terms.
        let mut word_index = 0usize;
        for s in &self.scratch.sentences {
            let from = s.start as usize;
            let mut previous: Option<Seen> = None;
            for (at, len, word) in sentence_words(source, s, word_index) {
                let at = from + at;
                word_index += 1;
                let Word::Content { hash, lead, .. } = word else {
                    previous = None;
                    continue;
                };
                let maybe = wanted.may_hold(hash);
                let ranked = if !maybe {
                    None
                } else if by_hash {
                    top.binary_search_by_key(&hash, |p| p.hash).ok()
                } else {
                    top.iter().position(|p| p.hash == hash)
                };
                let end = at + len;
                // Where the form shown starts (without a leading preposition or conjunction):
                // computed only for a keyword's vote or a phrase's span.
                let start = |at: usize, end: usize, lead: u8| {
                    let word = self.text.get(at..end).unwrap_or("");
                    at + normalize::offset_after(word, usize::from(lead))
                };
                if let Some(p) = ranked.and_then(|i| top.get_mut(i)) {
                    vote_at(&mut p.forms, self.text, start(at, end, lead), end);
                }
                let pooled = maybe && pool.contains(&hash);
                // A pair can only repeat if both of its words do: only those are followed, so
                // the fixed table is not flooded by pairs that occur once. Looked up only for
                // the words next to a pooled one.
                let repeated =
                    |hash: u32| self.scratch.terms.get(hash).is_some_and(|t| t.count >= min);
                if let Some(phrases) = phrases.as_deref_mut()
                    && let Some(prev) = previous
                    && (prev.pooled || pooled)
                    && self.text.get(prev.end..at).is_some_and(keyword_runs::spaces)
                    && repeated(prev.hash)
                    && repeated(hash)
                {
                    let at = (self.text, start(prev.at, prev.end, prev.lead), end);
                    count_phrase(phrases, prev.hash, hash, prev.word, at);
                }
                let word = u16::try_from(word_index - 1).unwrap_or(u16::MAX);
                previous = Some(Seen { hash, at, end, lead, pooled, word });
            }
        }
        if by_hash {
            sort_pending(top, Order::Rank);
        }
    }
}

impl<'t, const SENTENCES: usize, const TERMS: usize> Document<'_, 't, SENTENCES, TERMS> {
    /// Every occurrence of `keyword` in the text, as byte spans `(start, end)` in document
    /// order: each word whose term is the keyword's, in any of its forms (with a clitic, an
    /// article, another alef), or for a keyphrase each run of adjacent words (spaces only
    /// between them) whose terms are its own, as [`keywords`](Self::keywords) counts them. A
    /// keyword whose text is not one to three content words has none.
    ///
    /// # Examples
    ///
    /// ```
    /// use talkhis::{Config, Keywords, Summarizer};
    ///
    /// let text = "الإرهاب خطر. مكافحة الارهاب واجب، والإرهابيون أعداء للجميع.";
    /// let mut summarizer: Summarizer<8, 32> = Summarizer::new();
    /// let doc = summarizer.analyze(text, &Config::new())?;
    /// let keywords: Keywords<'_, 3> = doc.keywords();
    /// let top = &keywords.keywords[0];
    /// let found: Vec<&str> = doc.occurrences(top).map(|(start, end)| &text[start..end]).collect();
    /// assert_eq!(found, ["الإرهاب", "الارهاب", "والإرهابيون"]);
    /// assert_eq!(found.len(), usize::from(top.count));
    /// # Ok::<(), talkhis::Error>(())
    /// ```
    pub fn occurrences(&self, keyword: &Keyword<'_>) -> impl Iterator<Item = (usize, usize)> + '_ {
        // The keyword's terms; a keyword of other words matches nothing.
        let terms = keyword_runs::terms(keyword.text);
        let text = self.text;
        let packed = self.scratch.packed_words();
        let source = self.scratch.terms.source(text, self.words, packed);
        let mut next = 0usize;
        self.scratch
            .sentences
            .iter()
            .flat_map(move |s| {
                let from = s.start as usize;
                let words = sentence_words(source, s, next);
                next += usize::from(s.words);
                let terms = terms.clone();
                words.scan(Run::default(), move |run, (at, len, word)| {
                    let found =
                        run.read(text, from + at, len, word).is_some() && run.ends_with(&terms, 0);
                    let first = terms.len().saturating_sub(1);
                    Some(found.then(|| (run.start(first), from + at + len)))
                })
            })
            .flatten()
    }
}

/// The longest keyword list that pass 3 scans rather than binary-searches.
const SCAN_MAX: usize = 16;

/// How many of the best terms a phrase may be built on (whatever the `K` asked for, so that a
/// shorter keyword list is the start of a longer one).
const POOL: usize = 16;

/// The most rounds of `N` candidates a keyword list is filled from
/// ([`Document::keywords`]): a text whose candidates are set aside by the dozen (generic,
/// sharing a word) costs at most this many passes over it.
const ROUNDS: usize = 4;

/// Inserts `p` into `top` (best first, ties to the term seen earlier in the text, then to the
/// smaller hash, so the order never depends on the table layout); a full list drops its last.
fn insert_ranked<const N: usize>(top: &mut Vec<Pending, N>, p: Pending) {
    let k = rank_key(&p);
    // Most terms rank below a full list: one comparison with its last entry rejects them.
    if top.is_full() && top.last().is_none_or(|last| k <= rank_key(last)) {
        return;
    }
    let at = top.iter().position(|q| k > rank_key(q)).unwrap_or(top.len());
    if top.is_full() {
        top.pop();
    }
    // Appended, then moved up by swaps: `Vec::insert` would shift with `memmove`, whose
    // word-at-a-time code costs a Cortex-M0 more flash than the rest of this module.
    if top.push(p).is_ok() {
        for i in (at + 1..top.len()).rev() {
            if let Some([a, b]) = top.get_mut(i - 1..=i) {
                core::mem::swap(a, b);
            }
        }
    }
}

/// How [`sort_pending`] orders the keywords being built.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Order {
    /// By term hash, for binary search.
    Hash,
    /// Best first ([`rank_key`]).
    Rank,
}

/// Sorts `top` in `order`; one function for both orders keeps one copy of the sort in flash.
fn sort_pending(top: &mut [Pending], order: Order) {
    sort_by(top, |a, b| match order {
        Order::Hash => a.hash < b.hash,
        Order::Rank => rank_key(a) > rank_key(b),
    });
}

/// The order of keywords, best first: score, then the earlier first use, then the smaller hash.
fn rank_key(p: &Pending) -> Rank {
    (p.score, core::cmp::Reverse(p.first), core::cmp::Reverse(p.hash))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text whose every keyword candidate is a generic word still gets one keyword (found by
    /// the fuzzer: a time word and a Latin run); a text with a topical word gets that one.
    #[test]
    fn generic_words_give_way_but_never_leave_the_list_empty() {
        for (name, text, k, expected) in [
            ("only a generic word", "مساءً.", 2, &["مساءً"][..]),
            ("a generic word after a Latin run", "tttttttttt مساءً.", 1, &["tttttttttt"][..]),
            ("a topical word beside a generic one", "الإرهاب مساءً. الإرهاب.", 2, &["الإرهاب"][..]),
        ] {
            let mut s: crate::Summarizer<4, 16> = crate::Summarizer::new();
            let config = crate::Config::new().with_keywords(k);
            let doc = s.analyze(text, &config).unwrap();
            let keywords: crate::Keywords<'_, 2> = doc.keywords();
            let got: Vec<&str, 2> = keywords.keywords.iter().map(|k| k.text).collect();
            assert_eq!(got, expected, "{name}");
        }
    }

    /// Issue 18: no two entries of a list share a word, however often each occurs: the better
    /// one wins, even against a single word the text uses far more often than the phrase.
    #[test]
    fn no_two_entries_share_a_word() {
        for (name, text, expected) in [
            (
                "a word used far more often than its phrase",
                "الإرهاب خطر. دعت الدول إلى مكافحة الإرهاب. الإرهاب يضرب. مكافحة الإرهاب واجب. \
                 الإرهاب عدو. الإرهاب يهدد المدن.",
                // (`دعت`, a verb, and `خطر`, never with the article, rank below the nouns
                // that take it: `definite_percent`.)
                &["الإرهاب", "الدول", "المدن", "خطر"][..],
            ),
            (
                "a word met mostly inside its phrase",
                "غنى عاصي الرحباني. لحن عاصي الرحباني أغنية. عاصي الرحباني موسيقار.",
                &["عاصي الرحباني", "غنى", "لحن", "أغنية"][..],
            ),
            (
                "two phrases sharing a word, which the text runs together",
                "اللجنة الأولمبية الدولية قررت. اللجنة الأولمبية الدولية أعلنت. قالت اللجنة \
                 الأولمبية الدولية.",
                &["اللجنة الأولمبية الدولية", "قررت"][..],
            ),
            (
                "two phrases sharing a word, which the text parts",
                "اللجنة الأولمبية قررت. الأولمبية الدولية أعلنت. قالت اللجنة الأولمبية. \
                 الأولمبية الدولية قالت.",
                &["اللجنة الأولمبية", "قررت"][..],
            ),
        ] {
            let mut s: crate::Summarizer<8, 64> = crate::Summarizer::new();
            let doc = s.analyze(text, &crate::Config::new()).unwrap();
            let keywords: crate::Keywords<'_, 4> = doc.keywords();
            let got: std::vec::Vec<&str> = keywords.keywords.iter().map(|k| k.text).collect();
            assert_eq!(got, expected, "{name}");
        }
    }

    /// Issue 18: a word the text never gives the article (a verb, an adjective in passing)
    /// ranks below a noun it does, and a headline word used once gets no headline boost.
    #[test]
    fn the_article_and_the_headline_weigh_on_the_ranking() {
        for (name, text, expected) in [
            (
                "a verb as frequent as a noun, and earlier",
                "يعرف الزوار المدينة القديمة. يعرف السكان المدينة جيدا.",
                &["المدينة", "يعرف", "الزوار", "القديمة"][..],
            ),
            (
                "a name repeated more than the nouns stays",
                "زار بوتين العاصمة. التقى بوتين الوزير. قال بوتين إن العاصمة جميلة.",
                &["العاصمة", "بوتين", "التقى", "الوزير"][..],
            ),
            (
                "a headline word used once, a body word used twice",
                "موسكو تكشف الستار عن الدول الداعمة\nقالت موسكو إن الدول تدعم الإرهاب. وأكدت \
                 موسكو أن الدول تمول الإرهاب.",
                &["الدول", "موسكو", "الإرهاب", "الستار"][..],
            ),
        ] {
            let mut s: crate::Summarizer<8, 64> = crate::Summarizer::new();
            let doc = s.analyze(text, &crate::Config::new()).unwrap();
            let keywords: crate::Keywords<'_, 4> = doc.keywords();
            let got: std::vec::Vec<&str> = keywords.keywords.iter().map(|k| k.text).collect();
            assert_eq!(got, expected, "{name}");
        }
    }

    fn pending(hash: u32, score: u32, first: u16) -> Pending {
        Pending { hash, score, count: 1, first, forms: [Form::default(); 2] }
    }

    #[test]
    fn ranking_keeps_the_best() {
        let mut top: Vec<Pending, 3> = Vec::new();
        for (h, s, f) in [(1, 10, 0), (2, 30, 0), (3, 20, 0), (4, 30, 1), (5, 5, 0), (6, 30, 0)] {
            insert_ranked(&mut top, pending(h, s, f));
        }
        let order: Vec<u32, 3> = top.iter().map(|p| p.hash).collect();
        assert_eq!(order, [2, 6, 4]);
        let mut none: Vec<Pending, 0> = Vec::new();
        insert_ranked(&mut none, pending(1, 1, 0));
        assert!(none.is_empty());
    }

    #[test]
    fn phrases_stand_for_their_words() {
        use crate::{Config, Keywords, Summarizer};
        let text = "تعهدت الدول بمكافحة الإرهاب. وتعد مكافحة الإرهاب أولوية. \
                    ونجحت مكافحة الإرهاب في المدن.";
        let mut s: Summarizer<8, 64> = Summarizer::new();
        fn texts<'t>(k: &Keywords<'t, 4>) -> std::vec::Vec<&'t str> {
            k.keywords.iter().map(|k| k.text).collect()
        }
        let with: Keywords<'_, 4> = s.keywords(text, &Config::new()).unwrap();
        let with = texts(&with);
        assert!(with.contains(&"مكافحة الإرهاب"), "{with:?}");
        assert!(!with.contains(&"مكافحة"), "the phrase takes its word's place: {with:?}");
        let without: Keywords<'_, 4> =
            s.keywords(text, &Config::new().with_phrase_weight(0)).unwrap();
        let without = texts(&without);
        assert!(without.iter().all(|k| !k.contains(' ')), "{without:?}");
        assert!(without.contains(&"الإرهاب"), "{without:?}");
    }

    #[test]
    fn a_phrase_tied_with_the_last_keyword_is_ranked_like_a_term() {
        use crate::{Config, Keywords, Summarizer};
        // At equal weight, `مجلس الأمن` scores what `مجلس` does and starts at the same word;
        // a phrase then ranks first (as the smaller hash, 0). A one-keyword list used to keep
        // `مجلس`, unlike the first place of a longer list.
        let text = "مجلس الأمن اجتمع. مجلس الأمن قرر. مجلس الأمن أعلن.";
        let config = Config::new().with_phrase_weight(100);
        let mut s: Summarizer<8, 64> = Summarizer::new();
        let doc = s.analyze(text, &config).unwrap();
        let one: Keywords<'_, 1> = doc.keywords();
        let four: Keywords<'_, 4> = doc.keywords();
        assert_eq!(four.keywords[0].text, "مجلس الأمن", "{four:?}");
        assert_eq!(one.keywords[..], four.keywords[..1]);
    }

    #[test]
    fn a_form_without_its_conjunction_is_shown_when_the_text_has_one() {
        use crate::{Config, Keywords, Summarizer};
        let text = "قررت اللجنة وتوحيد الجهود مطلوب. ودعت إلى وتوحيد الجهود فورا. \
                    ويجب توحيد الجهود. وقال وزير الخارجية كلاما. ورد وزير الخارجية بسرعة.";
        let mut s: Summarizer<8, 64> = Summarizer::new();
        let keywords: Keywords<'_, 8> = s.keywords(text, &Config::new()).unwrap();
        let texts: std::vec::Vec<&str> = keywords.keywords.iter().map(|k| k.text).collect();
        assert!(texts.contains(&"توحيد الجهود"), "the bare occurrence: {texts:?}");
        assert!(texts.contains(&"وزير الخارجية"), "never bare, keeps its waw: {texts:?}");
    }

    #[test]
    fn occurrences_are_every_form_the_core_counts() {
        use crate::{Config, Summarizer};
        let text = "مكافحة الإرهاب أولوية. وتعد مكافحة الارهاب واجبا، وللإرهاب ضحايا. \
                    ونجحت مكافحة الإرهاب في المدن، والإرهابيون فروا. وزار الوزير المدن.";
        let mut s: Summarizer<8, 64> = Summarizer::new();
        let doc = s.analyze(text, &Config::new()).unwrap();
        let found = |keyword: &str| -> std::vec::Vec<&str> {
            let k = Keyword { text: keyword, start: 0, score: Score(0), count: 0 };
            doc.occurrences(&k).map(|(a, b)| text.get(a..b).unwrap()).collect()
        };
        let cases: [(&str, &str, &[&str]); 10] = [
            ("clitics", "الإرهاب", &["الإرهاب", "الارهاب", "وللإرهاب", "الإرهاب", "والإرهابيون"]),
            ("bare form", "إرهاب", &["الإرهاب", "الارهاب", "وللإرهاب", "الإرهاب", "والإرهابيون"]),
            ("alef variant", "الارهاب", &["الإرهاب", "الارهاب", "وللإرهاب", "الإرهاب", "والإرهابيون"]),
            ("phrase", "مكافحة الإرهاب", &["مكافحة الإرهاب", "مكافحة الارهاب", "مكافحة الإرهاب"]),
            ("absent", "النفط", &[]),
            ("stopword", "في", &[]),
            ("three words", "مكافحة الإرهاب أولوية", &["مكافحة الإرهاب أولوية"]),
            ("three words, parted", "الإرهاب أولوية مكافحة", &[]),
            ("four words", "وتعد مكافحة الارهاب واجبا", &[]),
            ("a stopword inside", "مكافحة الإرهاب في المدن", &[]),
        ];
        for (name, keyword, want) in cases {
            assert_eq!(found(keyword), want, "{name}");
        }
        let keywords: Keywords<'_, 8> = doc.keywords();
        for k in &keywords.keywords {
            assert_eq!(doc.occurrences(k).count(), usize::from(k.count), "{k:?}");
        }
    }
}

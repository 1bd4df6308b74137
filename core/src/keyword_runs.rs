//! Stage 8, last step: the runs of words a keyword stands in.
//!
//! A listed keyword that the text writes beside the same word at three of every four uses
//! or more grows into that longer phrase, as the text writes it: a name the text gives in
//! full (`عبد الفتاح` → `عبد الفتاح السيسي`, `باريس سان` → `باريس سان جرمان`), a term whose
//! words never part (`أسلحة الدمار` → `أسلحة الدمار الشامل`, `إطلاق النار` → `وقف إطلاق
//! النار`). Pass 3 counts pairs of words; a reader indexes the whole name, and the keyword
//! lists people write hold it (a quarter of AKEC's gold phrases have three words or more).
//! [`Run`] also finds a keyword's uses for
//! [`Document::occurrences`](crate::Document::occurrences), so both count alike.

use heapless::Vec;

use crate::analysis::Document;
use crate::kept::sentence_words;
use crate::keyword_rules;
use crate::keywords::Keywords;
use crate::normalize::{self, is_transparent, is_word_char};
use crate::score::{self, Word};
use crate::tokenize;

impl<'t, const SENTENCES: usize, const TERMS: usize> Document<'_, 't, SENTENCES, TERMS> {
    /// Grows each keyword of `list` that the text writes beside the same word often enough
    /// ([`Uses::growth`]) by that word, unless another entry of the list holds it (no two
    /// entries share a word) or it is generic. One pass over the text's words counts the uses
    /// of every entry; the list keeps its order and scores.
    pub(crate) fn grow<const K: usize>(&self, list: &mut Keywords<'t, K>) {
        let text = self.text;
        let mut found: Vec<Uses, K> = Vec::new();
        for k in &list.keywords {
            if found.push(Uses::new(text, k.text, k.start)).is_err() {
                return;
            }
        }
        if found.iter().all(|u| u.next.is_none() && u.previous.is_none()) {
            return;
        }
        let packed = self.scratch.packed_words();
        let source = self.scratch.terms.source(text, self.words, packed);
        let mut index = 0usize;
        for s in &self.scratch.sentences {
            let from = s.start as usize;
            let (mut run, mut last_end) = (Run::default(), 0);
            for (at, len, word) in sentence_words(source, s, index) {
                let (at, end) = (from + at, from + at + len);
                let Word::Content { hash, .. } = word else {
                    run.clear();
                    continue;
                };
                let joined = run.term(0).is_some() && text.get(last_end..at).is_some_and(spaces);
                run.push(hash, at, joined);
                last_end = end;
                for uses in found.iter_mut() {
                    uses.count(&run);
                }
            }
            index += usize::from(s.words);
        }
        for i in 0..found.len() {
            let (Some(k), Some(uses)) = (list.keywords.get(i), found.get(i)) else { break };
            let Some((hash, start, end, count)) = uses.growth(k.start, k.start + k.text.len())
            else {
                continue;
            };
            let taken = found.iter().any(|u| u.terms.contains(&hash));
            let start = keyword_rules::bare_start(text, start, end);
            let Some(grown) = text.get(start..end) else { continue };
            let word = if start < k.start {
                grown.get(..k.start - start)
            } else {
                grown.get(k.text.len()..)
            };
            let word = word.map(|w| w.trim_matches([' ', '\u{00A0}']));
            // A keyword written with a conjunction (`وحزب الله`) is an item of a list: the
            // word before it is the list's, not the keyword's.
            let first = tokenize::words(k.text).next().map(|(_, w)| w);
            let listed = start < k.start && first.is_some_and(|w| self.clitic(w));
            if taken || listed || word.is_none_or(|w| keyword_rules::generic(w) || self.clitic(w)) {
                continue;
            }
            if let (Some(k), Some(u)) = (list.keywords.get_mut(i), found.get_mut(i)) {
                *k = crate::Keyword { text: grown, start, count, ..*k };
                let _ = u.terms.push(hash);
            }
        }
    }

    /// Whether `word` starts with a proclitic: a preposition or conjunction before its article
    /// (`بالقدس`, `للجامعة`), or a letter of `و ف ب ل ك` without which the text uses the word
    /// too (`بمركز`, `وسوقا`, where `مركز` and `سوق` are terms), while `وزارة` and `بريطانيا`
    /// keep their first letter. A phrase grows by a word of its own noun phrase, not by
    /// the start of a prepositional phrase or of a list that goes on past it.
    fn clitic(&self, word: &str) -> bool {
        if let Word::Content { lead, .. } = class(word)
            && lead > 0
        {
            return true;
        }
        let rest = word.strip_prefix(['\u{0648}', '\u{0641}', '\u{0628}', '\u{0644}', '\u{0643}']);
        rest.is_some_and(|rest| match class(rest) {
            Word::Content { hash, .. } => self.scratch.terms.get(hash).is_some(),
            Word::Other => false,
        })
    }
}

/// The most words a keyword holds: a phrase of two grown by one.
pub(crate) const MAX_TERMS: usize = 3;

/// A keyword's terms, in text order.
pub(crate) type Terms = Vec<u32, MAX_TERMS>;

/// A keyword grows when the same word stands beside it at `SHARE.0` of every `SHARE.1` of its
/// uses, and at two at least: enough to call the pair one name, while a word that follows
/// the keyword only at half of its uses is the text's, not the name's. `docs/TUNING.md` has
/// the figures (two in three and one in two let in pairs that readers do not list).
const SHARE: (u32, u32) = (3, 4);

/// The content words just read that follow one another with spaces only, newest first, as
/// (term hash, byte offset where the word starts): a keyword's use ends at the newest when
/// its terms are the newest words, read backwards.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Run {
    words: [(u32, usize); MAX_TERMS + 1],
    len: usize,
}

impl Run {
    /// Reads a content word starting at byte `at`; `joined`: the content word before it is
    /// separated from it by spaces only (no punctuation, no stopword, no line break).
    pub(crate) fn push(&mut self, hash: u32, at: usize, joined: bool) {
        let [a, b, c, _] = self.words;
        self.words = [(hash, at), a, b, c];
        self.len = if joined { (self.len + 1).min(MAX_TERMS + 1) } else { 1 };
    }

    /// Reads a word that is no term: no run goes through it.
    pub(crate) fn clear(&mut self) {
        self.len = 0;
    }

    /// Whether the words read before the newest `back` ones are `terms`.
    pub(crate) fn ends_with(&self, terms: &[u32], back: usize) -> bool {
        !terms.is_empty()
            && back + terms.len() <= self.len
            && terms.iter().rev().zip(self.words.iter().skip(back)).all(|(t, w)| *t == w.0)
    }

    /// The term of the word read `back` words before the newest, if the run holds it.
    pub(crate) fn term(&self, back: usize) -> Option<u32> {
        self.words.get(back).filter(|_| back < self.len).map(|w| w.0)
    }

    /// Where the word read `back` words before the newest starts.
    pub(crate) fn start(&self, back: usize) -> usize {
        self.words.get(back).map_or(0, |w| w.1)
    }
}

/// Whether `gap`, the text between two words, is spaces only.
pub(crate) fn spaces(gap: &str) -> bool {
    gap.chars().all(|c| c == ' ' || c == '\u{00A0}')
}

/// The terms of a keyword's words: empty unless it is one to [`MAX_TERMS`] content words.
pub(crate) fn terms(keyword: &str) -> Terms {
    let mut terms = Terms::new();
    for (_, word) in tokenize::words(keyword) {
        match class(word) {
            Word::Content { hash, .. } if terms.push(hash).is_ok() => {}
            _ => return Terms::new(),
        }
    }
    terms
}

/// A content word beside a keyword's shown form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Neighbour {
    /// Its term.
    pub(crate) hash: u32,
    /// Where the grown phrase would end (a word after) or start (a word before).
    pub(crate) at: usize,
    /// It has the definite article.
    pub(crate) article: bool,
}

/// A word's class, as pass 1 finds it.
fn class(word: &str) -> Word {
    let mut buf = [0u8; score::MAX_WORD_BYTES];
    let written = normalize::fold_into(word, &mut buf);
    score::classify_folded(&buf, written)
}

/// The content word right after byte `end` of `text`, past spaces only.
pub(crate) fn word_after(text: &str, end: usize) -> Option<Neighbour> {
    let (start, stop, word) = score::next_classified(text, end)?;
    let gap = text.get(end..start)?;
    match word {
        Word::Content { hash, article, .. } if !gap.is_empty() && spaces(gap) => {
            Some(Neighbour { hash, at: stop, article })
        }
        _ => None,
    }
}

/// The content word right before byte `start` of `text`, past spaces only. None when a letter comes right before `start`: the span follows a clitic of its
/// own word (`لـ`, `و`), and its neighbour is that word's.
pub(crate) fn word_before(text: &str, start: usize) -> Option<Neighbour> {
    let head = text.get(..start)?;
    let end = head.trim_end_matches([' ', '\u{00A0}']).len();
    if end == head.len() {
        return None;
    }
    // Back over the word's letters and marks, then on to its first letter.
    let mut from = end;
    for (i, c) in head.get(..end)?.char_indices().rev() {
        if !(is_word_char(c) || is_transparent(c)) {
            break;
        }
        from = i;
    }
    match score::next_classified(text, from)? {
        (at, stop, Word::Content { hash, article, .. }) if stop == end => {
            Some(Neighbour { hash, at, article })
        }
        _ => None,
    }
}

/// What one pass over the text finds of a listed keyword: its uses, and how many of them
/// have the word its shown form has after it (`after`) and before it (`before`).
#[derive(Clone, Debug, Default)]
pub(crate) struct Uses {
    pub(crate) terms: Terms,
    pub(crate) next: Option<Neighbour>,
    pub(crate) previous: Option<Neighbour>,
    pub(crate) uses: u16,
    pub(crate) after: u16,
    pub(crate) before: u16,
}

impl Uses {
    /// A keyword shown as `start..end` of `text`, before any use is counted.
    ///
    /// A definite word is followed in its noun phrase by definite words only (`الملف النووي
    /// الإيراني`), while a word in the construct state takes any (`رئيس مجلس إدارة`): an
    /// indefinite word after a definite one starts something else (`التعادل الإيجابي بهدف`,
    /// `الرئيس الفرنسي إيمانويل`), so it is no neighbour to grow by.
    pub(crate) fn new(text: &str, keyword: &str, start: usize) -> Self {
        let terms = terms(keyword);
        let grows = !terms.is_empty() && terms.len() < MAX_TERMS;
        let article = |w: Option<(usize, &str)>| {
            w.is_some_and(|(_, w)| matches!(class(w), Word::Content { article: true, .. }))
        };
        let (first, last) =
            (article(tokenize::words(keyword).next()), article(tokenize::words(keyword).last()));
        let next =
            word_after(text, start + keyword.len()).filter(|n| grows && (n.article || !last));
        let previous = word_before(text, start).filter(|p| grows && (first || !p.article));
        Self { terms, next, previous, uses: 0, after: 0, before: 0 }
    }

    /// Counts what `run` shows, the newest word just read.
    pub(crate) fn count(&mut self, run: &Run) {
        let n = self.terms.len();
        if run.ends_with(&self.terms, 0) {
            self.uses = self.uses.saturating_add(1);
            if self.previous.is_some_and(|p| run.term(n) == Some(p.hash)) {
                self.before = self.before.saturating_add(1);
            }
        }
        if self.next.is_some_and(|p| run.term(0) == Some(p.hash)) && run.ends_with(&self.terms, 1) {
            self.after = self.after.saturating_add(1);
        }
    }

    /// The word the keyword grows by, if the text writes it beside the keyword often enough:
    /// (its term, the new span's start and end, the new count). The word after is tried first.
    pub(crate) fn growth(&self, start: usize, end: usize) -> Option<(u32, usize, usize, u16)> {
        let often = |n: u16| n >= 2 && u32::from(n) * SHARE.1 >= u32::from(self.uses) * SHARE.0;
        match (self.next, self.previous) {
            (Some(n), _) if often(self.after) => Some((n.hash, start, n.at, self.after)),
            (_, Some(p)) if often(self.before) => Some((p.hash, p.at, end, self.before)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbours_are_content_words_past_spaces_only() {
        // (name, text, the span's start and end, the word before, the word after)
        type Case =
            (&'static str, &'static str, &'static str, Option<&'static str>, Option<&'static str>);
        const CASES: &[Case] = &[
            ("both sides", "قال الفنان عادل منير أمس", "عادل", Some("الفنان"), Some("منير")),
            ("إمام folds to the stopword أمام", "الفنان عادل إمام", "عادل", Some("الفنان"), None),
            ("a stopword is no neighbour", "في عادل من", "عادل", None, None),
            ("punctuation parts them", "الفنان، عادل. منير", "عادل", None, None),
            ("a line break parts them", "الفنان\nعادل\nمنير", "عادل", None, None),
            ("a clitic of its own word", "لعادل منير", "عادل", None, Some("منير")),
            ("marks and tatweel", "الفنانُ عـادل منيرٌ", "عـادل", Some("الفنانُ"), Some("منيرٌ")),
            ("no-break space", "الفنان\u{A0}عادل\u{A0}منير", "عادل", Some("الفنان"), Some("منير")),
            ("at the edges", "عادل", "عادل", None, None),
            ("a number is no term", "2015 عادل 30", "عادل", None, None),
        ];
        for &(name, text, span, before, after) in CASES {
            let start = text.find(span).unwrap();
            let end = start + span.len();
            let word = |w: &str| match score::classify(w) {
                Word::Content { hash, .. } => hash,
                Word::Other => panic!("{name}: {w} is no content word"),
            };
            let found_before = word_before(text, start).map(|n| (n.hash, &text[n.at..start]));
            let found_after = word_after(text, end).map(|n| (n.hash, &text[end..n.at]));
            assert_eq!(found_before.map(|(h, _)| h), before.map(word), "{name}: before");
            assert_eq!(found_after.map(|(h, _)| h), after.map(word), "{name}: after");
            if let (Some((_, gap)), Some(w)) = (found_before, before) {
                assert_eq!(gap.trim_end(), w.trim_end_matches('\u{A0}'), "{name}: before's span");
            }
            if let (Some((_, gap)), Some(w)) = (found_after, after) {
                assert_eq!(gap.trim_start(), w, "{name}: after's span");
            }
        }
    }

    #[test]
    fn a_run_ends_with_the_terms_read_last() {
        let mut run = Run::default();
        for (i, hash) in [1, 2, 3, 4, 5].into_iter().enumerate() {
            run.push(hash, i * 10, true);
        }
        assert!(run.ends_with(&[3, 4, 5], 0));
        assert!(run.ends_with(&[3, 4], 1));
        assert!(!run.ends_with(&[1, 2, 3, 4, 5], 0), "the run holds four words");
        assert_eq!((run.term(3), run.term(4), run.start(2)), (Some(2), None, 20));
        run.push(6, 50, false);
        assert!(run.ends_with(&[6], 0) && !run.ends_with(&[5, 6], 0), "a gap parts runs");
        run.clear();
        assert!(!run.ends_with(&[6], 0) && run.term(0).is_none());
        assert!(!run.ends_with(&[], 0), "no terms match nothing");
    }

    #[test]
    fn growth_needs_three_uses_in_four_and_two_at_least() {
        let uses = |uses, after, before| Uses {
            terms: Terms::from_slice(&[7]).unwrap(),
            next: Some(Neighbour { hash: 8, at: 30, article: false }),
            previous: Some(Neighbour { hash: 9, at: 0, article: false }),
            uses,
            after,
            before,
        };
        // (name, uses, after, before, growth as (term, start, end, count))
        const CASES: &[(&str, u16, u16, u16, Option<(u32, usize, usize, u16)>)] = &[
            ("always after", 4, 4, 0, Some((8, 10, 30, 4))),
            ("three in four", 4, 3, 0, Some((8, 10, 30, 3))),
            ("two in three", 3, 2, 0, None),
            ("once of one", 1, 1, 1, None),
            ("before, when after is not", 5, 2, 4, Some((9, 0, 20, 4))),
            ("after first", 2, 2, 2, Some((8, 10, 30, 2))),
        ];
        for &(name, n, after, before, want) in CASES {
            assert_eq!(uses(n, after, before).growth(10, 20), want, "{name}");
        }
    }
}

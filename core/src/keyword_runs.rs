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
use crate::score::{self, Word};
use crate::terms::TermBits;

impl<'t, const SENTENCES: usize, const TERMS: usize> Document<'_, 't, SENTENCES, TERMS> {
    /// Grows each keyword of `list` that the text writes beside the same word often enough
    /// ([`Uses::growth`]) by that word, unless another entry of the list holds it (no two
    /// entries share a word) or it is generic; a word after may carry no clitic, a word
    /// before is shown without it ([`Self::neighbour_start`]).
    /// One pass over the text's words counts the uses of every entry; the list keeps its
    /// order and scores. Phrase weight 0 (no keyphrases) grows none.
    pub(crate) fn grow<const K: usize>(&self, list: &mut Keywords<'t, K>) {
        // No keyphrases, none grown either.
        if self.config.phrase_weight() == 0 {
            return;
        }
        let text = self.text;
        let mut found: Vec<Uses, K> = Vec::new();
        // The words a use of an entry ends at, and the words after one: the others pass by.
        let mut wanted = TermBits::new();
        for k in &list.keywords {
            let uses = Uses::new(text, k.text, k.start);
            for hash in uses.terms.last().into_iter().chain(uses.next.as_ref().map(|n| &n.hash)) {
                wanted.insert(*hash);
            }
            if found.push(uses).is_err() {
                return;
            }
        }
        let packed = self.scratch.packed_words();
        let source = self.scratch.terms.source(text, self.words, packed);
        let mut index = 0usize;
        for s in &self.scratch.sentences {
            let from = s.start as usize;
            let mut run = Run::default();
            for (at, len, word) in sentence_words(source, s, index) {
                if run.read(text, from + at, len, word).is_some_and(|h| wanted.may_hold(h)) {
                    found.iter_mut().for_each(|uses| uses.count(&run));
                }
            }
            index += usize::from(s.words);
        }
        for i in 0..found.len() {
            let (Some(k), Some(uses)) = (list.keywords.get(i), found.get(i)) else { break };
            let Some((n, count)) = uses.growth() else { continue };
            // Where the word starts as shown: after the clitics the text proves, if what is
            // left carries none and is still the term counted (`Self::neighbour_start`).
            let Some(bare) = self.neighbour_start(n) else { continue };
            let (start, end) = if n.start < k.start {
                // A word before. An entry written with a conjunction does not grow backwards:
                // it is an item of a list (`وحزب الله`).
                if uses.terms.first().is_some_and(|&term| conjunction(k.text, term)) {
                    continue;
                }
                (bare, k.start + k.text.len())
            } else if bare > n.start {
                // A word after that starts with a clitic starts a prepositional phrase
                // (`مدير عام بمركز` where the text also writes `مركز`).
                continue;
            } else {
                (k.start, n.end)
            };
            let word = text.get(bare..n.end).unwrap_or_default();
            if found.iter().any(|u| u.terms.contains(&n.hash)) || keyword_rules::generic(word) {
                continue;
            }
            if let (Some(k), Some(u), Some(grown)) =
                (list.keywords.get_mut(i), found.get_mut(i), text.get(start..end))
            {
                *k = crate::Keyword { text: grown, start, count, ..*k };
                let _ = u.terms.push(n.hash);
            }
        }
    }

    /// Where the neighbour `n` starts as a keyword shows it, or `None` if it keeps a clitic.
    /// A leading `و ف ب ل ك` is dropped where the text also writes the rest of the word on its
    /// own ([`keyword_rules::bare_start`]): `وانقطاع` shows as `انقطاع`, while `وزارة` and
    /// `بريطانيا` keep their first letter. What is left must be the term counted (`بانقطاع`
    /// is another term than `انقطاع`), with no preposition or conjunction before its article
    /// (`بالقدس`) and no `و` the stemmer reads as a conjunction (`ويلتقي`; also `وزير`, whose
    /// root letter no rule of shape tells from one; not `وقف`, too short to read so).
    fn neighbour_start(&self, n: Neighbour) -> Option<usize> {
        let start = keyword_rules::bare_start(self.text, n.start, n.end);
        let word = self.text.get(start..n.end)?;
        match score::next_classified(word, 0)? {
            (_, _, Word::Content { hash, lead: 0, .. })
                if hash == n.hash && !conjunction(word, hash) =>
            {
                Some(start)
            }
            _ => None,
        }
    }
}

/// Whether the first word of `text`, whose term is `term`, starts with a `و` that the stemmer
/// reads as a conjunction: the word without it is the same term (`وسوقا` and `سوقا`; also
/// `وزير` and `زير`, a root letter that no rule of shape tells from a conjunction; not `وقف`).
fn conjunction(text: &str, term: u32) -> bool {
    text.strip_prefix('\u{0648}').is_some_and(|rest| {
        matches!(score::next_classified(rest, 0), Some((_, _, Word::Content { hash, .. })) if hash == term)
    })
}

/// The most words a keyword holds: a phrase of two grown by one.
pub(crate) const MAX_TERMS: usize = 3;

/// A keyword's terms, in text order.
pub(crate) type Terms = Vec<u32, MAX_TERMS>;

/// A keyword grows when the same word stands beside it at `SHARE.0` of every `SHARE.1` of its
/// uses, and at two at least: enough to call the pair one name, while a word that follows
/// the keyword at only half of its uses is the text's, not the name's. `docs/TUNING.md` has
/// the figures.
const SHARE: (u32, u32) = (3, 4);

/// The content words just read that follow one another with spaces only, newest first, as
/// (term hash, byte offset where the word starts): a keyword's use ends at the newest when
/// its terms are the newest words, read backwards.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Run {
    words: [(u32, usize); MAX_TERMS + 1],
    len: usize,
    /// Where the newest word ends.
    end: usize,
}

impl Run {
    /// Reads the next word of `text`, at byte `at` and `len` bytes long, of class `word`:
    /// a content word joins the run if only spaces part it from the one before (no
    /// punctuation, no line break), any other word ends the run. The content word's term, if
    /// it is one. Every reader of runs goes through here, so they all cut them alike.
    #[inline]
    pub(crate) fn read(&mut self, text: &str, at: usize, len: usize, word: Word) -> Option<u32> {
        let Word::Content { hash, .. } = word else {
            self.len = 0;
            return None;
        };
        let joined = text.get(self.end..at).is_some_and(spaces);
        self.push(hash, at, joined);
        self.end = at + len;
        Some(hash)
    }

    /// Reads a content word starting at byte `at`; `joined`: the text between it and the
    /// word read before is spaces only.
    fn push(&mut self, hash: u32, at: usize, joined: bool) {
        let [a, b, c, _] = self.words;
        self.words = [(hash, at), a, b, c];
        self.len = if joined { (self.len + 1).min(MAX_TERMS + 1) } else { 1 };
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

/// Whether `gap`, the text between two words, is spaces only (and not empty): ASCII or
/// no-break spaces.
pub(crate) fn spaces(gap: &str) -> bool {
    gap == " " || !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{00A0}')
}

/// A keyword's words: their terms, and whether the first and the last have the definite
/// article. None unless it is one to [`MAX_TERMS`] content words.
fn words(keyword: &str) -> Option<(Terms, bool, bool)> {
    let (mut terms, mut first, mut last, mut at) = (Terms::new(), false, false, 0);
    while let Some((_, end, word)) = score::next_classified(keyword, at) {
        let Word::Content { hash, article, .. } = word else { return None };
        terms.push(hash).ok()?;
        (first, last, at) = (if terms.len() == 1 { article } else { first }, article, end);
    }
    (!terms.is_empty()).then_some((terms, first, last))
}

/// The terms of a keyword's words: empty unless it is one to [`MAX_TERMS`] content words.
pub(crate) fn terms(keyword: &str) -> Terms {
    words(keyword).map(|(terms, ..)| terms).unwrap_or_default()
}

/// A content word beside a keyword's shown form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Neighbour {
    /// Its term.
    pub(crate) hash: u32,
    /// Its span of the text.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// It has the definite article.
    pub(crate) article: bool,
}

impl Neighbour {
    /// The word found at or after byte `from` of `text`, if it is a content word.
    fn at(text: &str, from: usize) -> Option<Self> {
        match score::next_classified(text, from)? {
            (start, end, Word::Content { hash, article, .. }) => {
                Some(Self { hash, start, end, article })
            }
            _ => None,
        }
    }

    /// The content word right after byte `end` of `text`, past spaces only.
    pub(crate) fn after(text: &str, end: usize) -> Option<Self> {
        Self::at(text, end).filter(|n| text.get(end..n.start).is_some_and(spaces))
    }

    /// The content word right before byte `start` of `text`, past spaces only. None when a
    /// letter comes right before `start`: the span follows a clitic of its own word (`لـ`,
    /// `و`), and its neighbour is that word's.
    pub(crate) fn before(text: &str, start: usize) -> Option<Self> {
        // Back over the spaces, then over the word to the byte after an ASCII byte that is no
        // letter or digit, or after a no-break space: a char boundary where the word starts,
        // or before it (punctuation such as `،` is walked over; the word found after it then
        // ends elsewhere than at the spaces).
        let bytes = text.as_bytes();
        let space = |at: usize| match at.checked_sub(1).and_then(|i| bytes.get(i)) {
            Some(b' ') => 1,
            Some(0xA0) if at >= 2 && bytes.get(at - 2) == Some(&0xC2) => 2,
            _ => 0,
        };
        let mut from = start;
        while space(from) > 0 {
            from -= space(from);
        }
        while let Some(&b) = from.checked_sub(1).and_then(|i| bytes.get(i)) {
            if (b < 0x80 && !b.is_ascii_alphanumeric()) || space(from) > 0 {
                break;
            }
            from -= 1;
        }
        Self::at(text, from).filter(|n| text.get(n.end..start).is_some_and(spaces))
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
    /// A keyword shown as the span `keyword` of `text` at `start`, before any use is counted.
    ///
    /// A definite word is followed in its noun phrase by definite words only (`الملف النووي
    /// الإيراني`), while a word in the construct state takes any (`رئيس مجلس إدارة`): an
    /// indefinite word after a definite one starts something else (`التعادل الإيجابي بهدف`,
    /// `الرئيس الفرنسي إيمانويل`), so it is no neighbour to grow by.
    pub(crate) fn new(text: &str, keyword: &str, start: usize) -> Self {
        let Some((terms, first, last)) = words(keyword) else { return Self::default() };
        let grows = terms.len() < MAX_TERMS;
        let next =
            Neighbour::after(text, start + keyword.len()).filter(|n| grows && (n.article || !last));
        let previous = Neighbour::before(text, start).filter(|p| grows && (first || !p.article));
        Self { terms, next, previous, uses: 0, after: 0, before: 0 }
    }

    /// Counts what `run` shows, the newest word just read.
    pub(crate) fn count(&mut self, run: &Run) {
        let (n, newest) = (self.terms.len(), run.term(0));
        if newest == self.terms.last().copied() && run.ends_with(&self.terms, 0) {
            self.uses = self.uses.saturating_add(1);
            if self.previous.is_some_and(|p| run.term(n) == Some(p.hash)) {
                self.before = self.before.saturating_add(1);
            }
        }
        if newest == self.next.map(|p| p.hash) && run.ends_with(&self.terms, 1) {
            self.after = self.after.saturating_add(1);
        }
    }

    /// The word the keyword grows by, if the text writes it beside the keyword often enough,
    /// and the grown keyword's count. The word after is tried first.
    pub(crate) fn growth(&self) -> Option<(Neighbour, u16)> {
        let often = |n: u16| n >= 2 && u32::from(n) * SHARE.1 >= u32::from(self.uses) * SHARE.0;
        match (self.next, self.previous) {
            (Some(n), _) if often(self.after) => Some((n, self.after)),
            (_, Some(p)) if often(self.before) => Some((p, self.before)),
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
            let found_before =
                Neighbour::before(text, start).map(|n| (n.hash, &text[n.start..n.end]));
            let found_after = Neighbour::after(text, end).map(|n| (n.hash, &text[n.start..n.end]));
            assert_eq!(found_before.map(|(h, _)| h), before.map(word), "{name}: before");
            assert_eq!(found_after.map(|(h, _)| h), after.map(word), "{name}: after");
            assert_eq!(found_before.map(|(_, w)| w), before, "{name}: before's span");
            assert_eq!(found_after.map(|(_, w)| w), after, "{name}: after's span");
        }
    }

    /// Named cases of the growth, through the pipeline: (name, text, phrase weight, the
    /// first keyword and its count).
    #[test]
    fn keywords_grow_into_the_phrase_the_text_writes() {
        type Case = (&'static str, &'static str, u16, &'static str, u16);
        const CASES: &[Case] = &[
            (
                "a name the text never parts",
                "حذرت منظمة الصحة العالمية من الوباء. وقالت منظمة الصحة العالمية إن اللقاح آمن. \
                 ودعت منظمة الصحة العالمية الدول إلى التعاون.",
                200,
                "منظمة الصحة العالمية",
                3,
            ),
            (
                "no keyphrases, none grown",
                "حذرت منظمة الصحة العالمية من الوباء. وقالت منظمة الصحة العالمية إن اللقاح آمن. \
                 ودعت منظمة الصحة العالمية الدول إلى التعاون.",
                0,
                "الصحة",
                3,
            ),
            (
                "a single word, by the word after",
                "وصل الرئيس دونالد ترامب. وقال دونالد ترامب إن الاتفاق جيد. ورد دونالد ترامب على \
                 الأسئلة.",
                200,
                "دونالد ترامب",
                3,
            ),
            (
                "a definite word, by no indefinite one",
                "انتهت المباراة بالتعادل الإيجابي بهدف. وكان التعادل الإيجابي بهدف متوقعا. وجاء \
                 التعادل الإيجابي بهدف في الدقائق الأخيرة.",
                200,
                "التعادل الإيجابي",
                3,
            ),
            (
                "a word with a clitic the text also writes bare",
                "عين مدير عام بمركز الأبحاث. وقال مدير عام بمركز البحوث إن العمل بدأ. وزار مدير عام \
                 بمركز الدراسات المعرض. وأعلن مركز الدراسات النتائج.",
                200,
                "مدير عام",
                3,
            ),
            (
                "the same word where the text never writes it bare",
                "عين مدير عام بمركز الأبحاث. وقال مدير عام بمركز البحوث إن العمل بدأ. وزار مدير عام \
                 بمركز الدراسات المعرض.",
                200,
                "مدير عام بمركز",
                3,
            ),
            (
                "the word before, shown without its conjunction",
                "ويرتبط العمر وانقطاع الدورة الشهرية بالمخاطر. تعاني المرأة بعد انقطاع الدورة \
                 الشهرية. وتزيد المخاطر مع انقطاع الدورة الشهرية.",
                200,
                "انقطاع الدورة الشهرية",
                3,
            ),
            (
                "the word before, without its vowelled conjunction",
                "ويرتبط العمر وَانقطاع الدورة الشهرية بالمخاطر. تعاني المرأة بعد انقطاع الدورة \
                 الشهرية. وتزيد المخاطر مع انقطاع الدورة الشهرية.",
                200,
                "انقطاع الدورة الشهرية",
                3,
            ),
            (
                "an entry written with a conjunction does not grow backwards",
                "قالت إيران وحزب الله إن الهجوم فشل. ورحبت إيران وحزب الله بالقرار. ودعت إيران \
                 وحزب الله إلى الحوار.",
                200,
                "وحزب الله",
                3,
            ),
            (
                "a root waw before it",
                "أعلن الطرفان وقف إطلاق النار في المدينة. وبدأ وقف إطلاق النار صباحا. وانهار وقف \
                 إطلاق النار مساء.",
                200,
                "وقف إطلاق النار",
                3,
            ),
            (
                "a word after it with a conjunction",
                "استهدف الهجوم مسجدا كبيرا وسوقا في المدينة. ودمر الانفجار مسجدا كبيرا وسوقا \
                 قديما. وأصاب القصف مسجدا كبيرا وسوقا آخر.",
                200,
                "مسجدا كبيرا",
                3,
            ),
            (
                "a word before it with a conjunction the text does not prove",
                "قال الرئيس إنه سيلتقي ويلتقي نظراءه الغربيين. ثم ويلتقي نظراءه الغربيين غدا. كما \
                 ويلتقي نظراءه الغربيين لاحقا.",
                200,
                "نظراءه الغربيين",
                3,
            ),
            (
                "a generic word",
                "افتتح المعرض الدولي العام الماضي. وزار المعرض الدولي العام الماضي آلاف. ونظم \
                 المعرض الدولي العام الماضي ندوات.",
                200,
                "المعرض الدولي",
                3,
            ),
            (
                "a word beside it at two uses of three",
                "دعا مجلس الأمن الدولي إلى الهدنة. ورحب مجلس الأمن الدولي بالاتفاق. وقال مجلس الأمن \
                 إن المساعدات وصلت.",
                200,
                "مجلس الأمن",
                3,
            ),
        ];
        for &(name, text, weight, first, count) in CASES {
            let mut s: crate::Summarizer<8, 64> = crate::Summarizer::new();
            let config = crate::Config::new().with_phrase_weight(weight);
            let doc = s.analyze(text, &config).unwrap();
            let keywords: crate::Keywords<'_, 4> = doc.keywords();
            let top = keywords.keywords[0];
            assert_eq!((top.text, top.count), (first, count), "{name}");
            assert_eq!(doc.occurrences(&top).count(), usize::from(count), "{name}: occurrences");
        }
    }

    /// Where a neighbour starts as a keyword shows it: (name, text, the neighbour, what is
    /// shown of it, or `None` for a word the keyword does not grow by).
    #[test]
    fn neighbours_lose_the_clitics_the_text_proves() {
        type Case = (&'static str, &'static str, &'static str, Option<&'static str>);
        const CASES: &[Case] = &[
            (
                "a conjunction, the rest written alone",
                "وانقطاع طويل. انقطاع قصير.",
                "وانقطاع",
                Some("انقطاع"),
            ),
            ("a vowelled conjunction", "وَانقطاع طويل. انقطاع قصير.", "وَانقطاع", Some("انقطاع")),
            ("a conjunction the text does not prove", "ثم ويلتقي نظراءه.", "ويلتقي", None),
            ("a root waw read as a conjunction", "قال وزير الخارجية.", "وزير", None),
            ("a root waw too short to read so", "أعلن وقف النار.", "وقف", Some("وقف")),
            ("a preposition before the article", "صلى بالقدس أمس.", "بالقدس", None),
            (
                "a preposition, the rest written alone",
                "عمل بمركز الأبحاث. افتتح مركز جديد.",
                "بمركز",
                None,
            ),
            ("a preposition, the rest never alone", "عمل بمركز الأبحاث.", "بمركز", Some("بمركز")),
            ("a root letter", "زار بريطانيا أمس.", "بريطانيا", Some("بريطانيا")),
        ];
        for &(name, text, word, shown) in CASES {
            let mut s: crate::Summarizer<8, 64> = crate::Summarizer::new();
            let doc = s.analyze(text, &crate::Config::new()).unwrap();
            let n = Neighbour::at(text, text.find(word).unwrap()).unwrap();
            assert_eq!(doc.neighbour_start(n).map(|at| &text[at..n.end]), shown, "{name}");
        }
    }

    /// The neighbours a keyword may grow by: (name, text, the keyword's span, whether the
    /// word before and the word after are kept).
    #[test]
    fn a_definite_word_is_followed_by_definite_words_only() {
        const CASES: &[(&str, &str, &str, bool, bool)] = &[
            ("definite, then definite", "عن الملف النووي الإيراني أمس", "الملف النووي", false, true),
            (
                "definite, then indefinite",
                "انتهى التعادل الإيجابي بهدف",
                "التعادل الإيجابي",
                true,
                false,
            ),
            ("construct state, then anything", "قال رئيس مجلس إدارة النادي", "مجلس", true, true),
            ("definite before indefinite", "قال الوزير دونالد ترامب", "دونالد ترامب", false, false),
            (
                "indefinite before definite",
                "دعت منظمة الصحة العالمية",
                "الصحة العالمية",
                true,
                false,
            ),
        ];
        for &(name, text, keyword, before, after) in CASES {
            let uses = Uses::new(text, keyword, text.find(keyword).unwrap());
            assert_eq!((uses.previous.is_some(), uses.next.is_some()), (before, after), "{name}");
        }
    }

    /// No entry grows by a word another entry holds: the list would say it twice.
    #[test]
    fn no_entry_grows_by_another_entrys_word() {
        let text = "قرر الاتحاد الأوروبي. ودعا الاتحاد الأوروبي. ورحب الاتحاد الأوروبي.";
        let entry = |word: &'static str| crate::Keyword {
            text: word,
            start: text.find(word).unwrap(),
            score: crate::Score(1000),
            count: 3,
        };
        let mut s: crate::Summarizer<8, 64> = crate::Summarizer::new();
        let doc = s.analyze(text, &crate::Config::new()).unwrap();
        let grown = |words: &[&'static str]| {
            let mut list: crate::Keywords<'_, 2> = crate::Keywords { keywords: Vec::new() };
            for &w in words {
                list.keywords.push(entry(w)).unwrap();
            }
            doc.grow(&mut list);
            list.keywords.iter().map(|k| k.text).collect::<std::vec::Vec<_>>()
        };
        assert_eq!(grown(&["الأوروبي"]), ["الاتحاد الأوروبي"], "alone, it grows");
        assert_eq!(grown(&["الأوروبي", "الاتحاد"]), ["الأوروبي", "الاتحاد"], "held by another");
    }

    #[test]
    fn a_run_ends_with_the_terms_read_last() {
        // Five words parted by spaces, a sixth after a comma, a seventh that is no term.
        let text = "aa bb cc dd ee, ff gg";
        let content = |hash| Word::Content { hash, lead: 0, article: false };
        let mut run = Run::default();
        for (i, hash) in [1, 2, 3, 4, 5].into_iter().enumerate() {
            assert_eq!(run.read(text, i * 3, 2, content(hash)), Some(hash));
        }
        assert!(run.ends_with(&[3, 4, 5], 0));
        assert!(run.ends_with(&[3, 4], 1));
        assert!(!run.ends_with(&[1, 2, 3, 4, 5], 0), "the run holds four words");
        assert_eq!((run.term(3), run.term(4), run.start(2)), (Some(2), None, 6));
        run.read(text, 16, 2, content(6));
        assert!(run.ends_with(&[6], 0) && !run.ends_with(&[5, 6], 0), "a comma parts runs");
        assert_eq!(run.read(text, 19, 2, Word::Other), None);
        assert!(!run.ends_with(&[6], 0) && run.term(0).is_none(), "a stopword ends a run");
        assert!(!run.ends_with(&[], 0), "no terms match nothing");
    }

    #[test]
    fn growth_needs_three_uses_in_four_and_two_at_least() {
        let (next, previous) = (
            Neighbour { hash: 8, start: 21, end: 30, article: false },
            Neighbour { hash: 9, start: 0, end: 9, article: false },
        );
        let uses = |uses, after, before| Uses {
            terms: Terms::from_slice(&[7]).unwrap(),
            next: Some(next),
            previous: Some(previous),
            uses,
            after,
            before,
        };
        // (name, uses, after, before, growth as (the word's term, the count))
        type Case = (&'static str, u16, u16, u16, Option<(u32, u16)>);
        const CASES: &[Case] = &[
            ("always after", 4, 4, 0, Some((8, 4))),
            ("three in four", 4, 3, 0, Some((8, 3))),
            ("two in three", 3, 2, 0, None),
            ("once of one", 1, 1, 1, None),
            ("before, when after is not", 5, 2, 4, Some((9, 4))),
            ("after first", 2, 2, 2, Some((8, 2))),
        ];
        for &(name, n, after, before, want) in CASES {
            let got = uses(n, after, before).growth().map(|(w, count)| (w.hash, count));
            assert_eq!(got, want, "{name}");
        }
    }
}

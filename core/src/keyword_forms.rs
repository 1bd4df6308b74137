//! Pass 3 of the keywords, the parts that read the text's spellings: which written form a
//! keyword shows (a Misra–Gries vote over its occurrences, `وتوحيد الجهود` shown as
//! `توحيد الجهود`), and which pairs of adjacent terms the text repeats as phrases
//! (Space-Saving counts). [`keywords`](crate::keywords) ranks and lists them.

use heapless::Vec;

use crate::{normalize, score, tokenize};

/// The most distinct phrases followed at once (a fixed stack budget: 32 bytes each; at most
/// 32, one bit each in a `u32`).
pub(crate) const PHRASES: usize = 32;
const _: () = assert!(PHRASES <= 32);

/// A candidate surface form in the Misra–Gries summary of one keyword.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Form {
    /// The folded form's hash, without a leading conjunction.
    pub(crate) key: u32,
    pub(crate) start: u32,
    pub(crate) len: u32,
    pub(crate) weight: u16,
    /// The span has no leading conjunction `و` or `ف`.
    pub(crate) bare: bool,
    /// `key` and `bare` are computed: a form is only folded and hashed when it must be told
    /// apart from another spelling ([`vote_at`]).
    pub(crate) keyed: bool,
}

impl Form {
    /// One occurrence: the span `start..end` of `text`.
    ///
    /// `وتوحيد الجهود` and `توحيد الجهود` are one form: the text shows the conjunction on
    /// most occurrences, a reader wants the phrase without it. The key leaves out a leading
    /// `و` or `ف` (when three letters or more follow), and the span shown is a bare occurrence
    /// if there is any; `وزير`, which never occurs as `زير`, keeps its `و`.
    ///
    /// `للأمم المتحدة` and `الأمم المتحدة` are one form too. The first is shown as `أمم
    /// المتحدة` (a keyword is a span of the text, and `لل` took the article's alef), which
    /// reads wrong before a definite adjective: the key puts the article back, and the span
    /// shown is one that kept it, if the text has one.
    pub(crate) fn new(text: &str, start: usize, end: usize) -> Self {
        let surface = text.get(start..end).unwrap_or("");
        // The span follows a `لل` in its word: the article it lost.
        let lost = text.as_bytes().get(start.wrapping_sub(4)..start) == Some("لل".as_bytes());
        let article: &[u8] = if lost { "ال".as_bytes() } else { &[] };
        let rest = surface.strip_prefix(['\u{0648}', '\u{0641}']); // WAW, FEH
        let (key, conjunction) = match rest.map(|rest| key_of(article, rest)) {
            Some((key, chars)) if chars >= 3 => (key, true),
            _ => (key_of(article, surface).0, false),
        };
        let (start, len) = (start as u32, surface.len() as u32);
        Self { key, start, len, weight: 1, bare: !conjunction && !lost, keyed: true }
    }

    /// One occurrence at `start..end` of the text, not yet keyed ([`Self::keyed`]).
    pub(crate) const fn spelled(start: usize, end: usize) -> Self {
        let (start, len) = (start as u32, end.saturating_sub(start) as u32);
        Self { key: 0, start, len, weight: 1, bare: false, keyed: false }
    }

    /// The form's span of `text`.
    pub(crate) fn span<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start as usize..(self.start as usize).saturating_add(self.len as usize))
            .unwrap_or("")
    }

    /// Computes `key` and `bare` if they are not yet.
    pub(crate) fn keyed(&mut self, text: &str) {
        if !self.keyed {
            let (start, end) = (self.start as usize, (self.start + self.len) as usize);
            *self = Self { weight: self.weight, ..Self::new(text, start, end) };
        }
    }
}

/// A content word just read, remembered to pair it with the next one.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Seen {
    pub(crate) hash: u32,
    pub(crate) at: usize,
    pub(crate) end: usize,
    /// Its leading clitic letters.
    pub(crate) lead: u8,
    pub(crate) pooled: bool,
    /// Its index among all the words of the text (saturating).
    pub(crate) word: u16,
}

/// A candidate keyphrase: two adjacent terms, how often they occur together, and their forms.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Phrase {
    pub(crate) a: u32,
    pub(crate) b: u32,
    /// Occurrences counted, which may include up to `error` occurrences of pairs it replaced.
    pub(crate) count: u16,
    pub(crate) error: u16,
    pub(crate) first: u16,
    /// The majority form (a one-counter Misra–Gries summary, i.e. Boyer–Moore's vote).
    pub(crate) forms: [Form; 1],
}

/// Counts one occurrence of the phrase (a, b) with the Space-Saving algorithm (Metwally,
/// Agrawal and El Abbadi, 2005): when the table is full, the least counted phrase gives its
/// place to the new one, which inherits its count as a possible error. Frequent phrases
/// survive whatever their order in the text, and `count - error` never overstates.
///
/// The occurrence is the span `start..end` of `text` (see [`vote_at`]).
pub(crate) fn count_phrase(
    phrases: &mut Vec<Phrase, PHRASES>,
    a: u32,
    b: u32,
    word: u16,
    (text, start, end): (&str, usize, usize),
) {
    if a == b {
        return;
    }
    if let Some(ph) = phrases.iter_mut().find(|ph| ph.a == a && ph.b == b) {
        ph.count = ph.count.saturating_add(1);
        vote_at(&mut ph.forms, text, start, end);
        return;
    }
    let fresh =
        Phrase { a, b, count: 1, error: 0, first: word, forms: [Form::spelled(start, end)] };
    if let Err(fresh) = phrases.push(fresh) {
        let Some(least) = phrases.iter_mut().min_by_key(|ph| ph.count) else { return };
        let error = least.count;
        *least = Phrase { count: error.saturating_add(1), error, ..fresh };
    }
}

/// The folded form's hash, which identifies a surface form whatever its marks, and its
/// length in folded characters: its words folded, each followed by a space, the first after
/// `article` (the one a span lost, or none).
pub(crate) fn key_of(article: &[u8], surface: &str) -> (u32, usize) {
    let (mut h, mut chars) = (score::fnv1a(article), article.len() / 2);
    let mut buf = [0u8; score::MAX_WORD_BYTES];
    let mut at = 0;
    while let Some(start) = tokenize::word_start(surface, at) {
        let (end, written) = normalize::fold_from(surface, start, &mut buf, true);
        at = end;
        // An over-long word (not a term, but a phrase's form may hold one) hashes unfolded.
        let (folded, n) = match written {
            Some(w) => (buf.get(..w.len).unwrap_or_default(), w.chars),
            None => (surface.as_bytes().get(start..end).unwrap_or_default(), end - start),
        };
        for &b in folded.iter().chain(b" ") {
            h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
        }
        chars += n + 1;
    }
    (h, chars.saturating_sub(1))
}

/// [`vote`] for the form at `start..end` of `text`, folding and hashing forms only when
/// their spellings differ. A form spelled exactly as a counted one is that form (same folded
/// key, same `bare`), and a keyword's occurrences are mostly spelled alike; a form that
/// enters an empty summary needs no key until another spelling comes.
pub(crate) fn vote_at<const F: usize>(forms: &mut [Form; F], text: &str, start: usize, end: usize) {
    let surface = text.get(start..end).unwrap_or("");
    if let Some(f) = forms.iter_mut().find(|f| f.weight > 0 && f.span(text) == surface) {
        f.weight = f.weight.saturating_add(1);
    } else if forms.iter().all(|f| f.weight == 0) {
        vote(forms, Form::spelled(start, end));
    } else {
        forms.iter_mut().filter(|f| f.weight > 0).for_each(|f| f.keyed(text));
        vote(forms, Form::new(text, start, end));
    }
}

/// One Misra–Gries step with `F` counters: a form occurring more than 1/(F+1) of the time
/// survives (with two counters, the majority form and the runner-up).
pub(crate) fn vote<const F: usize>(forms: &mut [Form; F], seen: Form) {
    if let Some(f) = forms.iter_mut().find(|f| f.weight > 0 && f.key == seen.key) {
        f.weight = f.weight.saturating_add(1);
        if seen.bare && !f.bare {
            *f = Form { weight: f.weight, ..seen };
        }
    } else if let Some(f) = forms.iter_mut().find(|f| f.weight == 0) {
        *f = seen;
    } else {
        for f in forms.iter_mut() {
            f.weight -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn voting_by_spelling_agrees_with_voting_by_key() {
        // Forms of one word: alike, with marks, with a conjunction, and a two-word phrase.
        let forms = ["الإرهاب", "الإرهاب", "الإِرهاب", "والإرهاب", "الارهاب", "فالإرهاب", "مكافحة الإرهاب"];
        let mut text = std::string::String::new();
        let mut spans = std::vec::Vec::new();
        // A fixed pseudo-random order, long enough for every form to win and lose.
        for i in 0..200u32 {
            let f = forms[(i.wrapping_mul(2_654_435_761) >> 7) as usize % forms.len()];
            spans.push((text.len(), text.len() + f.len()));
            text.push_str(f);
            text.push(' ');
        }
        for n in 1..spans.len() {
            let (mut by_key, mut by_spelling) = ([Form::default(); 2], [Form::default(); 2]);
            for &(start, end) in &spans[..n] {
                vote(&mut by_key, Form::new(&text, start, end));
                vote_at(&mut by_spelling, &text, start, end);
            }
            // Keyed on a copy, so that the votes to come see the forms as they are.
            let mut keyed = by_spelling;
            keyed.iter_mut().filter(|f| f.weight > 0).for_each(|f| f.keyed(&text));
            let fields = |f: &[Form; 2]| {
                f.map(|f| (f.start, f.len, f.weight, (f.weight > 0).then_some((f.key, f.bare))))
            };
            assert_eq!(fields(&keyed), fields(&by_key), "after {n} votes");
        }
    }

    /// A span that lost its article to `لل` is one form with the spelling that kept it, and
    /// gives way to it. Each case: the occurrences, as (letters the keyword pass leaves out,
    /// span it votes), and the span shown.
    #[test]
    fn a_form_that_lost_its_article_gives_way() {
        type Case = (&'static str, &'static [(&'static str, &'static str)], &'static str);
        const CASES: &[Case] = &[
            (
                "a phrase",
                &[("لل", "أمم المتحدة"), ("ولل", "أمم المتحدة"), ("و", "الأمم المتحدة")],
                "الأمم المتحدة",
            ),
            ("a word", &[("لل", "مرأة"), ("لل", "مرأة"), ("", "المرأة")], "المرأة"),
            ("no other spelling", &[("لل", "مرأة"), ("لل", "مرأة")], "مرأة"),
            (
                "the bare word is another form",
                &[("", "كتاب"), ("", "كتاب"), ("لل", "كتاب")],
                "كتاب",
            ),
        ];
        for &(name, occurrences, shown) in CASES {
            let mut text = std::string::String::new();
            let mut spans = std::vec::Vec::new();
            for (left_out, span) in occurrences {
                text.push_str(left_out);
                spans.push((text.len(), text.len() + span.len()));
                text.push_str(span);
                text.push(' ');
            }
            let mut forms = [Form::default(); 2];
            for &(start, end) in &spans {
                vote_at(&mut forms, &text, start, end);
            }
            let best = if forms[1].weight > forms[0].weight { forms[1] } else { forms[0] };
            assert_eq!(best.span(&text), shown, "{name}");
        }
    }

    #[test]
    fn majority_form_wins() {
        let form = |key, start| Form { key, start, len: 1, weight: 1, bare: true, keyed: true };
        let mut forms = [Form::default(); 2];
        for (k, s) in [(1, 0), (2, 1), (1, 2), (3, 3), (1, 4)] {
            vote(&mut forms, form(k, s));
        }
        let best = if forms[1].weight > forms[0].weight { forms[1] } else { forms[0] };
        assert_eq!((best.key, best.start), (1, 0));
    }
}

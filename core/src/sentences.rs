//! Stage 3: sentence spans.
//!
//! Arabic news text ends sentences with `.` `!` `?` `؟` `۔` `…`, and uses line breaks for the
//! headline, the dateline and paragraphs. A sentence here ends:
//!
//! - at a run of terminators (`؟!`, `!!`, `..؟` are one end), together with the closing quotes
//!   and brackets that follow it (`«…؟».`, `"…"`, `(…)`), so no sentence starts with `»`;
//! - at a line break, so a headline or a dateline is a sentence of its own;
//!
//! and it does **not** end:
//!
//! - at `،` or `؛` (Arabic comma and semicolon) or `:`;
//! - at a decimal point between digits (`4.5`, `٤.٥`) or a dot followed directly by a Latin
//!   letter or digit (`talkhis.rs`, `U.S`);
//! - at a spaced ellipsis, which joins a headline's halves (`موسكو تكشف … للإرهاب .. وتجدد
//!   دعوتها`); an ellipsis glued to the word before (`فعالية.. يجب`) does end one;
//! - after a one-letter abbreviation such as `د.` (doctor), `م.` (engineer), `أ.` (professor);
//! - at a line break inside a hard-wrapped paragraph (see below).
//!
//! **Hard-wrapped text.** Many newspaper archives wrap lines at a fixed width, in the middle of
//! sentences. Before splitting, one pass over the line ends decides whether the document is
//! wrapped: at least four lines, and at least half of them end without punctuation and are
//! followed by another non-empty line. In a wrapped document a line break inside a paragraph
//! is a space unless the line is short (under 5/8 of the widest such line): short lines are
//! headlines, datelines and paragraph ends.
//!
//! # Examples
//!
//! ```
//! use talkhis::sentences;
//!
//! let text = "موسكو تكشف الستار .. وتجدد دعوتها\nطباعة\nقال د. أحمد إن النمو بلغ 4.5%. هل هذا كثير؟» لا.";
//! let found: heapless::Vec<&str, 8> = sentences::split(text).map(|(_, s)| s).collect();
//! assert_eq!(found, [
//!     "موسكو تكشف الستار .. وتجدد دعوتها",
//!     "طباعة",
//!     "قال د. أحمد إن النمو بلغ 4.5%.",
//!     "هل هذا كثير؟»",
//!     "لا.",
//! ]);
//! ```

use core::iter::FusedIterator;

use crate::arch::scan::{self, Stride};
use crate::normalize;

/// The sentences of `text` with their byte offsets.
///
/// Spans are trimmed of surrounding whitespace and are never empty; together with the
/// whitespace between them they cover the whole input, so no text is lost.
///
/// # Examples
///
/// ```
/// use talkhis::sentences;
///
/// let text = "العنوان\n\nالجملة الأولى. والثانية؟";
/// let mut it = sentences::split(text);
/// assert_eq!(it.next(), Some((0, "العنوان")));
/// let (at, s) = it.next().unwrap();
/// assert_eq!((&text[at..], s), ("الجملة الأولى. والثانية؟", "الجملة الأولى."));
/// assert_eq!(it.next().map(|(_, s)| s), Some("والثانية؟"));
/// assert_eq!(it.next(), None);
/// ```
pub fn split(text: &str) -> Sentences<'_> {
    let wrap_width = wrap_width(text);
    Sentences { text, pos: 0, wrap_width }
}

/// Iterator over the sentences of a string, with their byte offsets.
///
/// Created by [`split`].
#[derive(Clone, Debug)]
#[must_use = "iterators are lazy and do nothing unless consumed"]
pub struct Sentences<'t> {
    text: &'t str,
    pos: usize,
    /// `Some(width)` if the text is hard-wrapped at about `width` bytes.
    wrap_width: Option<usize>,
}

/// A sentence as the scorer sees it: its span and how it is placed among the lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Span {
    pub start: usize,
    pub end: usize,
    /// The sentence begins a line (or the text).
    pub starts_line: bool,
    /// The sentence ends at a line break or at the end of the text without a terminator:
    /// a headline, a dateline or a caption.
    pub open: bool,
}

impl<'t> Iterator for Sentences<'t> {
    type Item = (usize, &'t str);

    fn next(&mut self) -> Option<(usize, &'t str)> {
        let span = self.next_span()?;
        Some((span.start, self.text.get(span.start..span.end)?))
    }
}

impl FusedIterator for Sentences<'_> {}

/// [`char::is_whitespace`] (Unicode's `White_Space`, all 25 of them), as a `match`: the
/// standard one looks non-ASCII characters up in a 256-byte table, which a Cortex-M0's flash
/// can spare less than these few comparisons.
const fn is_space(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | ' '
            | '\u{0085}'
            | '\u{00A0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200A}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}'
    )
}

/// Whether a sentence that starts at byte `start` of `text` starts a line: nothing but spaces
/// stands between it and a line break or the start of the text.
pub(crate) fn starts_line(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or_default();
    let before = before.trim_end_matches(|c: char| is_space(c) && !is_line_break(c));
    before.is_empty() || before.ends_with(is_line_break)
}

pub(crate) const fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{000B}' | '\u{000C}' | '\u{0085}' | '\u{2028}' | '\u{2029}')
}

/// Sentence terminators other than `.`, which has rules of its own.
const fn is_terminator(c: char) -> bool {
    // ARABIC QUESTION MARK, ARABIC FULL STOP (Urdu), HORIZONTAL ELLIPSIS, DOUBLE EXCLAMATION,
    // INTERROBANG and friends.
    matches!(c, '!' | '?' | '؟' | '۔' | '…' | '‼' | '⁇' | '⁈' | '⁉')
}

/// Characters that stay with the sentence they close.
const fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '﴿')
}

/// The first byte at or after `at` (a char boundary) that may start a line break, a
/// terminator or a dot, or `bytes.len()`: a conservative byte scan ([`SCAN`]) that stops at
/// every character encoded with a 0xC2 or 0xE2 lead (U+0085, U+2026, U+2028, U+2029, U+203C,
/// U+2047..U+2049 among them), at `؟` and at `۔`. The offset returned is a char boundary.
///
/// Plain text is skipped as many bytes at a time as the target can ([`scan`]).
fn skip_plain(bytes: &[u8], at: usize) -> usize {
    skip_plain_by(bytes, at, scan::STRIDE)
}

/// [`skip_plain`], by `stride`.
#[inline(always)]
fn skip_plain_by(bytes: &[u8], at: usize, stride: Stride) -> usize {
    let stop = |at: usize| {
        let b = *bytes.get(at)?;
        if SCAN[usize::from(b >> 5)] >> (b & 31) & 1 == 0 {
            return None;
        }
        match b {
            // The second byte of ؟ (D8 9F) or ۔ (DB 94), or of some other character.
            0x9F | 0x94 => {
                let lead = bytes.get(at.checked_sub(1)?);
                matches!((lead, b), (Some(0xD8), 0x9F) | (Some(0xDB), 0x94)).then(|| at - 1)
            }
            _ => Some(at),
        }
    };
    scan::find_by(stride, bytes, at, OTHER_STOPS, stop).unwrap_or(bytes.len())
}

/// The line breaks encoded as one control byte: `\n \r \v \f`, all below 0x0E, which the
/// scans always try ([`scan::find_by`]).
const BREAK_CONTROLS: [u8; 4] = [b'\n', b'\r', 0x0B, 0x0C];

/// The other bytes at which [`skip_plain`] stops or looks closer: `. ! ?`, the leads 0xC2 and
/// 0xE2, and the second bytes 0x9F, 0x94.
const OTHER_STOPS: [u8; 7] = [b'.', b'!', b'?', 0xC2, 0xE2, 0x9F, 0x94];

/// [`BREAK_CONTROLS`] and [`OTHER_STOPS`] as a 256-bit set (32 bytes of flash), for the
/// byte-at-a-time scan.
const SCAN: [u32; 8] = {
    let mut set = [0u32; 8];
    let mut i = 0;
    while i < BREAK_CONTROLS.len() + OTHER_STOPS.len() {
        let b = if i < BREAK_CONTROLS.len() {
            assert!(BREAK_CONTROLS[i] < 0x0E, "the scans find them as bytes below 0x0E");
            BREAK_CONTROLS[i]
        } else {
            OTHER_STOPS[i - BREAK_CONTROLS.len()]
        };
        set[(b >> 5) as usize] |= 1 << (b & 31);
        i += 1;
    }
    set
};

/// Whether `b` may start a line break ([`SCAN`] without the second bytes).
const fn may_break(b: u8) -> bool {
    let mut i = 0;
    while i < BREAK_CONTROLS.len() {
        if BREAK_CONTROLS[i] == b {
            return true;
        }
        i += 1;
    }
    BREAK_LEADS[0] == b || BREAK_LEADS[1] == b
}

/// The lead bytes of the line breaks outside ASCII: U+0085 (0xC2), U+2028 and U+2029 (0xE2).
const BREAK_LEADS: [u8; 2] = [0xC2, 0xE2];

/// The first line break in `text` and its offset ([`is_line_break`]), found like
/// [`skip_plain`]: bytes first, a char decoded only where a break may start.
fn next_break(text: &str) -> Option<(usize, char)> {
    next_break_by(text, scan::STRIDE)
}

/// [`next_break`], by `stride` ([`scan::STRIDE`]).
#[inline(always)]
fn next_break_by(text: &str, stride: Stride) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let stop = |at: usize| {
        if !bytes.get(at).is_some_and(|&b| may_break(b)) {
            return None;
        }
        let c = text.get(at..)?.chars().next()?;
        is_line_break(c).then_some((at, c))
    };
    scan::find_by(stride, bytes, 0, BREAK_LEADS, stop)
}

/// Whether a line, trimmed, ends like a finished sentence or clause.
fn ends_closed(line: &str) -> bool {
    // Issue 18 (`boundary`): `نسبته 0.6%` and `(2015)` end no sentence.
    match crate::boundary::trim_open_end(line.trim_end_matches(is_space)).chars().next_back() {
        Some(c) => {
            !(normalize::is_word_char(c) || normalize::is_transparent(c) || c == '،' || c == ',')
        }
        None => true,
    }
}

/// The text after the line break `c` at the start of `from`: a CR LF pair is one break.
fn after_break(from: &str, c: char) -> &str {
    let rest = from.get(c.len_utf8()..).unwrap_or("");
    if c == '\r' && rest.as_bytes().first() == Some(&b'\n') {
        rest.get(1..).unwrap_or("")
    } else {
        rest
    }
}

/// The lines of `text`, split at every line break ([`is_line_break`]; CR LF is one break),
/// the same breaks that end a sentence in [`Sentences::find_end`].
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    core::iter::from_fn(move || {
        let r = rest?;
        match next_break(r) {
            Some((i, c)) => {
                rest = Some(after_break(r.get(i..).unwrap_or(""), c));
                r.get(..i)
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// The wrap width if `text` looks hard-wrapped (see the module docs), else `None`.
fn wrap_width(text: &str) -> Option<usize> {
    let mut lines_seen = 0usize;
    let mut wrapped = 0usize;
    let mut width = 0usize;
    let mut it = lines(text).map(|l| l.trim_matches(is_space)).peekable();
    while let Some(line) = it.next() {
        if line.is_empty() {
            continue;
        }
        lines_seen += 1;
        let continues = it.peek().is_some_and(|next| !next.is_empty());
        if continues && !ends_closed(line) {
            wrapped += 1;
            // Issue 18: the mean, not the widest (a title glued to the lead is an outlier).
            width += line.len();
        }
    }
    (lines_seen >= 4 && wrapped * 2 >= lines_seen).then(|| width / wrapped.max(1))
}

impl Sentences<'_> {
    /// The next sentence span, with its line placement.
    pub(crate) fn next_span(&mut self) -> Option<Span> {
        let text = self.text;
        let rest = text.get(self.pos..)?;
        let skipped = rest.len() - rest.trim_start_matches(is_space).len();
        let start = self.pos + skipped;
        if start >= text.len() {
            self.pos = text.len();
            return None;
        }
        let starts_line = starts_line(text, start);
        let (end, open) = self.find_end(start);
        self.pos = end;
        let end = start + text.get(start..end)?.trim_end_matches(is_space).len();
        Some(Span { start, end, starts_line, open })
    }

    /// The byte offset where the sentence starting at `start` ends (exclusive, before
    /// trimming), and whether it ended without a terminator.
    ///
    /// Characters that are neither line breaks nor terminators only move `prev` and `prev2`
    /// (the two characters before a dot, which decide whether it ends the sentence), so runs
    /// of them are skipped byte by byte ([`skip_plain`]) and only their last two are decoded.
    fn find_end(&self, start: usize) -> (usize, bool) {
        let text = self.text;
        let char_at = |at: usize| text.get(at..).and_then(|rest| rest.chars().next());
        // Issue 18: the whole line is measured, not its part from a sentence start on.
        let width = self.wrap_width.unwrap_or(0);
        let mut line_start = crate::boundary::line_start(text, start, width);
        let mut prev: Option<char> = None;
        let mut prev2: Option<char> = None;
        let mut i = start;
        loop {
            let plain = skip_plain(text.as_bytes(), i);
            if plain > i {
                let mut back = text.get(i..plain).unwrap_or("").chars().rev();
                match (back.next(), back.next()) {
                    (Some(last), Some(before)) => (prev2, prev) = (Some(before), Some(last)),
                    (Some(last), None) => (prev2, prev) = (prev, Some(last)),
                    _ => {}
                }
                i = plain;
            }
            let Some(c) = char_at(i) else { break };
            let mut after = i + c.len_utf8();
            if is_line_break(c) {
                if !self.joins_next_line(line_start, i) {
                    return (i, true);
                }
                // CR LF is one break: the LF must not end the joined line.
                if c == '\r' && char_at(after) == Some('\n') {
                    after += 1;
                }
                line_start = after;
            } else if is_terminator(c) || c == '.' {
                let next = char_at(after);
                let from_dot = text.get(i..).unwrap_or("");
                let ends = if c == '.' { ends_at_dot(prev, prev2, next, from_dot) } else { true };
                if ends {
                    let mut end = after;
                    while let Some(n) = char_at(end)
                        && (is_terminator(n) || n == '.' || is_closing(n))
                    {
                        end += n.len_utf8();
                    }
                    // Issue 18: not before a comma, nor at `..` in a quoted title.
                    if crate::boundary::ends(text, start, i, end) {
                        return (end, false);
                    }
                }
                // A spaced ellipsis: step over all of its dots.
                while char_at(after) == Some('.') {
                    after += 1;
                }
            }
            (prev2, prev) = (prev, Some(c));
            i = after;
        }
        (text.len(), true)
    }

    /// In a hard-wrapped text, whether the line break at `at` (ending the line that began at
    /// `line_start`) is only a wrap.
    fn joins_next_line(&self, line_start: usize, at: usize) -> bool {
        let Some(width) = self.wrap_width else { return false };
        let line = self.text.get(line_start..at).unwrap_or("");
        let from = self.text.get(at..).unwrap_or("");
        let next = from.chars().next().map_or("", |c| after_break(from, c));
        // Only the next line's leading whitespace is read: scanning the whole next line at
        // every break made a text of many short lines quadratic.
        let next_line_empty =
            next.chars().find(|&c| is_line_break(c) || !is_space(c)).is_none_or(is_line_break);
        !next_line_empty && line.trim_matches(is_space).len() * 8 >= width * 5
    }
}

/// Whether a `.` ends the sentence, given the two characters before it, the one after it, and
/// the text from the dot on.
fn ends_at_dot(
    prev: Option<char>,
    prev2: Option<char>,
    next: Option<char>,
    from_dot: &str,
) -> bool {
    let dots = from_dot.bytes().take_while(|&b| b == b'.').count();
    if dots >= 2 {
        // An ellipsis ends the sentence unless it stands apart, as a separator.
        return !prev.is_some_and(is_space);
    }
    let is_digit = |c: Option<char>| {
        c.is_some_and(|c| normalize::fold(c).next().is_some_and(|d| d.is_ascii_digit()))
    };
    match next {
        // 4.5 and ٤.٥: a decimal point.
        _ if is_digit(prev) && is_digit(next) => false,
        // example.com, U.S: a dot glued to a Latin letter or digit.
        Some(n) if n.is_ascii_alphanumeric() => false,
        // د. م. أ.: a one-letter abbreviation.
        _ if prev.is_some_and(|p| normalize::is_word_char(p) && !p.is_ascii_digit())
            && !prev2
                .is_some_and(|p| normalize::is_word_char(p) || normalize::is_transparent(p)) =>
        {
            false
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use heapless::Vec;

    fn sentences(s: &str) -> Vec<&str, 32> {
        split(s).map(|(_, s)| s).collect()
    }

    /// (name, input, sentences)
    const CASES: &[(&str, &str, &[&str])] = &[
        ("full stop", "ذهب الولد. عاد الولد.", &["ذهب الولد.", "عاد الولد."]),
        ("arabic question mark", "هل ذهب؟ نعم", &["هل ذهب؟", "نعم"]),
        ("exclamation", "يا له من يوم! حقا", &["يا له من يوم!", "حقا"]),
        ("arabic full stop", "جملة۔ أخرى", &["جملة۔", "أخرى"]),
        ("horizontal ellipsis", "وهكذا… انتهى", &["وهكذا…", "انتهى"]),
        ("terminator run", "حقا؟! نعم", &["حقا؟!", "نعم"]),
        ("not at arabic comma", "أولا، ثانيا؛ ثالثا: رابعا.", &["أولا، ثانيا؛ ثالثا: رابعا."]),
        ("line break", "العنوان\nالنص هنا.", &["العنوان", "النص هنا."]),
        ("crlf and lone cr", "سطر\r\nسطر آخر\rثالث", &["سطر", "سطر آخر", "ثالث"]),
        ("paragraph separator", "أ ب\u{2029}ج د", &["أ ب", "ج د"]),
        ("decimal point", "بلغ 4.5 بالمئة. ثم", &["بلغ 4.5 بالمئة.", "ثم"]),
        ("arabic-indic decimal", "بلغ ٤.٥ بالمئة", &["بلغ ٤.٥ بالمئة"]),
        (
            "spaced ellipsis joins halves",
            "موسكو تكشف .. وتجدد دعوتها",
            &["موسكو تكشف .. وتجدد دعوتها"],
        ),
        ("glued ellipsis ends", "أكثر فعالية.. يجب الآن", &["أكثر فعالية..", "يجب الآن"]),
        ("three dots glued", "المستلمة... ويبقى", &["المستلمة...", "ويبقى"]),
        ("ellipsis then question", "الفقر..؟ لا", &["الفقر..؟", "لا"]),
        ("doctor abbreviation", "قال د. أحمد إنه", &["قال د. أحمد إنه"]),
        ("engineer abbreviation", "م. سامي حضر.", &["م. سامي حضر."]),
        ("latin initials", "في U.S. اليوم", &["في U.S. اليوم"]),
        ("domain name", "موقع talkhis.rs مفيد.", &["موقع talkhis.rs مفيد."]),
        ("closing quote", "قال \"نعم.\" ثم ذهب", &["قال \"نعم.\"", "ثم ذهب"]),
        ("quote after question", "«هل نذهب؟». قالت", &["«هل نذهب؟».", "قالت"]),
        ("closing bracket", "(انتهى.) بدأ", &["(انتهى.)", "بدأ"]),
        ("quote before dot", "في باريس\". ولفت", &["في باريس\".", "ولفت"]),
        ("only punctuation is kept", "... ؟", &["...", "؟"]),
        ("whitespace only", " \n\t \r\n", &[]),
        ("empty", "", &[]),
        ("no terminator", "نص بلا نهاية", &["نص بلا نهاية"]),
    ];

    #[test]
    fn table() {
        for &(name, input, expected) in CASES {
            assert_eq!(sentences(input), expected, "{name}");
        }
    }

    #[test]
    fn spans_index_the_input_and_rejoin_it() {
        for &(name, input, _) in CASES {
            let mut rejoined: heapless::String<256> = heapless::String::new();
            for (at, s) in split(input) {
                assert_eq!(&input[at..at + s.len()], s, "{name}");
                rejoined.push_str(s).unwrap();
            }
            let squeezed: heapless::String<256> =
                input.chars().filter(|c| !c.is_whitespace()).collect();
            let rejoined: heapless::String<256> =
                rejoined.chars().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(rejoined, squeezed, "{name}");
        }
    }

    /// `find_end` as it was, one `char` at a time: the oracle of the byte scan.
    fn find_end_by_chars(this: &Sentences<'_>, start: usize) -> (usize, bool) {
        let text = this.text;
        // Issue 18: the whole line is measured, not its part from a sentence start on.
        let width = this.wrap_width.unwrap_or(0);
        let mut line_start = crate::boundary::line_start(text, start, width);
        let rest = text.get(start..).unwrap_or("");
        let mut it = rest.char_indices().map(|(i, c)| (start + i, c)).peekable();
        let mut prev: Option<char> = None;
        let mut prev2: Option<char> = None;
        while let Some((i, c)) = it.next() {
            if is_line_break(c) {
                if !this.joins_next_line(line_start, i) {
                    return (i, true);
                }
                line_start = i + c.len_utf8();
                // CR LF is one break: the LF must not end the joined line.
                if c == '\r'
                    && let Some(&(j, '\n')) = it.peek()
                {
                    line_start = j + 1;
                    it.next();
                }
            } else if is_terminator(c) || c == '.' {
                let next = it.peek().map(|&(_, n)| n);
                let from_dot = text.get(i..).unwrap_or("");
                let ends = if c == '.' { ends_at_dot(prev, prev2, next, from_dot) } else { true };
                if ends {
                    let mut end = i + c.len_utf8();
                    let mut look = it.clone();
                    while let Some(&(j, n)) = look.peek() {
                        if is_terminator(n) || n == '.' || is_closing(n) {
                            end = j + n.len_utf8();
                            look.next();
                        } else {
                            break;
                        }
                    }
                    if crate::boundary::ends(text, start, i, end) {
                        return (end, false);
                    }
                }
                // A spaced ellipsis: step over all of its dots.
                while let Some(&(_, '.')) = it.peek() {
                    it.next();
                }
            }
            prev2 = prev;
            prev = Some(c);
        }
        (text.len(), true)
    }

    /// The first line break of `text`, one `char` at a time: the oracle of `next_break`.
    fn next_break_by_chars(text: &str) -> Option<(usize, char)> {
        text.char_indices().find(|&(_, c)| is_line_break(c))
    }

    #[test]
    fn byte_scans_agree_with_char_scans_on_random_text() {
        // Every character the rules name, and plain ones of each UTF-8 length.
        let alphabet = [
            "a",
            "7",
            " ",
            ".",
            "..",
            "!",
            "?",
            "\n",
            "\r",
            "\r\n",
            "\u{0B}",
            "\u{0C}",
            "\u{85}",
            "\u{2028}",
            "\u{2029}",
            "؟",
            "۔",
            "…",
            "‼",
            "⁇",
            "⁈",
            "⁉",
            "\"",
            "»",
            "«",
            "”",
            ")",
            "﴿",
            "،",
            "ب",
            "د",
            "٣",
            "\u{064E}",
            "ـ",
            "\u{A0}",
            "€",
            "🙂",
            "كتاب ",
            "U.S",
            "4.5",
        ];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for eol in ["\n", "\r\n", "\r", "\u{2028}"] {
            let text = WRAPPED.replace('\n', eol);
            let it = split(&text);
            assert!(it.wrap_width.is_some(), "{eol:?}");
            for (at, _) in text.char_indices() {
                assert_eq!(it.find_end(at), find_end_by_chars(&it, at), "{eol:?} at {at}");
            }
        }
        for _ in 0..3000 {
            let mut text: heapless::String<512> = heapless::String::new();
            for _ in 0..next(60) {
                let _ = text.push_str(alphabet[next(alphabet.len())]);
            }
            let it = split(&text);
            for (at, _) in text.char_indices() {
                assert_eq!(it.find_end(at), find_end_by_chars(&it, at), "{text:?} at {at}");
                let rest = &text[at..];
                assert_eq!(next_break(rest), next_break_by_chars(rest), "{rest:?}");
                // Every stride, whichever this target uses.
                let b = text.as_bytes();
                for stride in [Stride::Words, Stride::Blocks] {
                    let (skip, skip_bytes) =
                        (skip_plain_by(b, at, stride), skip_plain_by(b, at, Stride::Bytes));
                    assert_eq!(skip, skip_bytes, "{stride:?} {text:?}");
                    let (brk, brk_bytes) =
                        (next_break_by(rest, stride), next_break_by(rest, Stride::Bytes));
                    assert_eq!(brk, brk_bytes, "{stride:?} {rest:?}");
                }
            }
        }
    }

    const WRAPPED: &str = "الخطاط الكويتي يعرض مجموعة من لوحاته بدعوة من جمعية العلوم\n\
الاجتماعية وتحت رعاية عميد الكلية الذي افتتح المعرض في قاعة\n\
الجمعية مساء أمس. وعرض الخطاط ثلاثين لوحة تحتوي على تصاميم\n\
مختلفة لكلمة واحدة صممها الفنان بخمسمائة تشكيل وهو رقم كبير\n\
في تاريخ الخط.\n\
\n\
طباعة\n";

    #[test]
    fn is_space_is_is_whitespace() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_space(c), c.is_whitespace(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn hard_wrapped_lines_join() {
        assert!(wrap_width(WRAPPED).is_some());
        let found = sentences(WRAPPED);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found[0].starts_with("الخطاط") && found[0].ends_with("أمس."), "{found:?}");
        assert!(!found[1].contains("الاجتماعية") && found[1].ends_with("الخط."), "{found:?}");
        assert_eq!(found[2], "طباعة");
    }

    #[test]
    fn hard_wrapped_lines_join_whatever_the_line_ends() {
        let lf: std::vec::Vec<&str> = sentences(WRAPPED).into_iter().collect();
        for (name, eol) in [("crlf", "\r\n"), ("lone cr", "\r"), ("line separator", "\u{2028}")] {
            let text = WRAPPED.replace('\n', eol);
            assert!(wrap_width(&text).is_some(), "{name}");
            let found: std::vec::Vec<std::string::String> =
                sentences(&text).iter().map(|s| s.replace(eol, "\n")).collect();
            assert_eq!(found, lf, "{name}");
        }
    }

    #[test]
    fn news_lines_are_not_wrapped() {
        let text = "العنوان الرئيسي للخبر\nالإثنين 16/نوفمبر/2015 - 11:49 م\nطباعة\n\nالفقرة الأولى.\nالفقرة الثانية.";
        assert_eq!(wrap_width(text), None);
        assert_eq!(sentences(text).len(), 5);
    }

    #[test]
    fn line_placement() {
        let text = "عنوان\nجملة. وأخرى";
        let mut it = split(text);
        let a = it.next_span().unwrap();
        let b = it.next_span().unwrap();
        let c = it.next_span().unwrap();
        assert!(a.starts_line && a.open);
        assert!(b.starts_line && !b.open);
        assert!(!c.starts_line && c.open);
    }
}

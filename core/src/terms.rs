//! The term table of a document and pass 1's cache of word forms, which lives in the table's
//! spare slots, with the ways later passes read the words pass 1 kept.
//!
//! The document's terms live in a fixed-size open-addressing table ([`Terms`]): the key is a
//! 32-bit FNV-1a hash of the folded stem, so a term costs 8 bytes whatever its length, and
//! a lookup hashes the word once and compares integers. Two different stems with the same
//! hash would count as one term; among the few thousand terms of an article the chance is
//! about one in a thousand, and the effect is one slightly higher count.

use crate::normalize;
use crate::score::{MAX_WORD_BYTES, Word, classify_folded, next_classified};

/// The forms pass 1 classified, so that a form spelled exactly like one of them takes its
/// class without being looked up, stemmed and hashed again.
///
/// News repeats its forms (`في`, `الإرهاب`, `وقال`): a third of an article's words, three in
/// four of a 64 KB text's, are forms it used before. A form is kept in one of a power of two
/// of entries, picked by a hash of its bytes (the newest wins), and a hit compares the bytes
/// themselves, so it is always the same form: the cache never changes a result.
///
/// The entries are the term table's spare slots, two per entry ([`Terms::split`]): a table
/// is sized for the largest text and a text uses a part of it, so the cache costs no memory
/// of its own, and a table with no spare slots (a small device's) has no cache. A 32-bit
/// microcontroller has none either ([`CACHED`]).
pub(crate) struct Recent<'t, 'c> {
    /// The text whose words the entries point into.
    text: &'t [u8],
    /// Each entry: `[{key, len, the class's bits}, {stem hash, at as two halves}]`
    /// ([`Word::packed`]); `len`
    /// 0 marks an empty one.
    entries: &'c mut [[Term; 2]],
    /// Where each word is folded: zeroed once, not once a word. Empty where there is no
    /// cache ([`FORM_BUF`]).
    buf: [u8; FORM_BUF],
}

/// The length of [`Recent`]'s buffer: a word's, where forms are cached ([`CACHED`]), else
/// none, so that a device's stack does not carry it.
const FORM_BUF: usize = if CACHED { MAX_WORD_BYTES } else { 0 };

/// Whether pass 1 caches forms ([`Recent`]): where `spare_slots` is set (`build.rs`: 64-bit
/// targets and WebAssembly, whose scratches have slots to spare and whose texts repeat their
/// forms); not on 32-bit microcontrollers, whose flash is counted and whose tables have little
/// to spare.
const CACHED: bool = crate::arch::SPARE_SLOTS;

impl<'t, 'c> Recent<'t, 'c> {
    /// A cache for the words of `text` in `spare` slots ([`cached`] entries), cleared: an
    /// entry left from another text could match a form by chance.
    pub(crate) fn new(text: &'t str, spare: &'c mut [Term]) -> Self {
        let n = cached(text.len(), spare.len());
        let entries = spare.as_chunks_mut::<2>().0.get_mut(..n).unwrap_or_default();
        entries.fill([Term::EMPTY; 2]);
        Self { text: text.as_bytes(), entries, buf: [0; FORM_BUF] }
    }

    /// [`next_classified`] of `sentence` (a slice of this cache's text) from byte `from`.
    #[inline]
    pub(crate) fn next_classified(
        &mut self,
        sentence: &str,
        from: usize,
    ) -> Option<(usize, usize, Word)> {
        // Without a cache (`CACHED` is a constant, and so is the buffer's length), the rest
        // is not even compiled in.
        let (Some(buf), false) = (self.buf.first_chunk_mut(), self.entries.is_empty()) else {
            return next_classified(sentence, from);
        };
        let Read { start, end, written, bytes, key } = read(sentence, from, buf)?;
        let mask = self.entries.len() - 1;
        let Some(entry) = self.entries.get_mut(key as usize & mask) else {
            return Some((start, end, classify_folded(buf, written)));
        };
        if let Some(word) = recalled(entry, self.text, bytes, key) {
            return Some((start, end, word));
        }
        let word = classify_folded(buf, written);
        // The word's offset in the whole text (`sentence` is a slice of it).
        let at = (bytes.as_ptr() as usize).wrapping_sub(self.text.as_ptr() as usize);
        remember(entry, key, at, bytes.len(), word);
        Some((start, end, word))
    }
}

/// A word as a cache of forms reads it.
struct Read<'s> {
    /// Its span in the sentence.
    start: usize,
    end: usize,
    /// What was folded into the caller's buffer (`None`: too long).
    written: Option<normalize::Written>,
    /// Its bytes as written, the cache's key, and their hash.
    bytes: &'s [u8],
    key: u32,
}

/// The first word of `sentence` at or after byte `from`, folded into `buf` ([`Read`]).
#[inline(always)]
fn read<'s>(sentence: &'s str, from: usize, buf: &mut [u8; MAX_WORD_BYTES]) -> Option<Read<'s>> {
    let start = crate::tokenize::word_start(sentence, from)?;
    let (end, written) = normalize::fold_from(sentence, start, buf, true);
    let bytes = sentence.as_bytes().get(start..end).unwrap_or_default();
    Some(Read { start, end, written, bytes, key: hash_bytes(bytes) })
}

/// Stores in `entry` the class `word` of the form of `len` bytes at byte `at` of the text,
/// whose bytes hash to `key` (a form past 4 GiB or of 64 KiB or more is not stored).
/// [`recalled`] reads the entry back.
#[inline(always)]
fn remember([form, class]: &mut [Term; 2], key: u32, at: usize, len: usize, word: Word) {
    let (Ok(at), Ok(len)) = (u32::try_from(at), u16::try_from(len)) else { return };
    let (hash, bits) = word.packed();
    *form = Term { hash: key, count: len, first: bits };
    *class = Term { hash, count: at as u16, first: (at >> 16) as u16 };
}

/// The class `entry` of a [`Recent`] cache of `text` holds for the form `bytes` with hash
/// `key`, if it holds that form ([`remember`] wrote it).
#[inline(always)]
fn recalled([form, class]: &[Term; 2], text: &[u8], bytes: &[u8], key: u32) -> Option<Word> {
    let at = usize::from(class.count) | usize::from(class.first) << 16;
    if form.hash != key || usize::from(form.count) != bytes.len() {
        return None;
    }
    if text.get(at..at + bytes.len()) != Some(bytes) {
        return None;
    }
    Some(Word::unpacked(class.hash, form.first))
}

/// How many entries a [`Recent`] cache has for a text of `bytes` bytes in `spare` slots:
/// none without `spare_slots`; else a power of two, at most what the slots hold (two each), and
/// about eight per square root of the text's length, since the distinct forms of a text
/// grow about that fast. Smaller caches miss forms the text repeats; larger ones cost more to
/// clear than they save.
fn cached(bytes: usize, spare: usize) -> usize {
    if !CACHED || spare < 2 {
        return 0;
    }
    (8 * sqrt(bytes) + 128).next_power_of_two().min(1 << (spare / 2).ilog2())
}

/// How many of `spare` spare slots of a table for a text of `bytes` bytes hold its cache of
/// forms ([`cached`] entries of two slots); those after them may hold packed word slots.
fn cache_slots(bytes: usize, spare: usize) -> usize {
    2 * cached(bytes, spare)
}

/// The spare slots [`Terms::split`] lends, for a text of `bytes` bytes, parted into those of
/// the cache of forms and the pairs after them, where pass 1 may pack the words it keeps
/// (`kept::Packer`).
pub(crate) fn part(bytes: usize, spare: &mut [Term]) -> (&mut [Term], &mut [[Term; 2]]) {
    let (cache, rest) = spare.split_at_mut(cache_slots(bytes, spare.len()).min(spare.len()));
    (cache, rest.as_chunks_mut::<2>().0)
}

/// Pass 1's cache of forms ([`Recent`]), read by the passes that read the text again (when
/// the caller lends no word slots): a form found there is not classified again.
#[derive(Clone, Copy)]
pub(crate) struct Recall<'a> {
    /// The text whose words the entries point into.
    text: &'a [u8],
    entries: &'a [[Term; 2]],
}

impl<'a> Recall<'a> {
    /// No cache: [`Recall::next_classified`] is [`next_classified`].
    #[cfg(test)]
    pub(crate) const NONE: Self = Self { text: &[], entries: &[] };

    /// [`next_classified`] of `sentence` (a slice of this cache's text) from byte `from`.
    #[inline(always)]
    pub(crate) fn next_classified(
        &self,
        sentence: &str,
        from: usize,
    ) -> Option<(usize, usize, Word)> {
        if CACHED { self.lookup(sentence, from) } else { next_classified(sentence, from) }
    }

    /// [`Recall::next_classified`] where forms are cached. Out of line: inlined, its size
    /// crowds the passes that read word slots instead.
    #[inline(never)]
    fn lookup(&self, sentence: &str, from: usize) -> Option<(usize, usize, Word)> {
        if self.entries.is_empty() {
            return next_classified(sentence, from);
        }
        let mut buf = [0u8; MAX_WORD_BYTES];
        let Read { start, end, written, bytes, key } = read(sentence, from, &mut buf)?;
        let entry = self.entries.get(key as usize & (self.entries.len() - 1));
        let word = entry.and_then(|entry| recalled(entry, self.text, bytes, key));
        Some((start, end, word.unwrap_or_else(|| classify_folded(&buf, written))))
    }
}

/// A quick hash of a word's bytes, from its length and its first and last eight (or four)
/// bytes: it only picks a [`Recent`] entry, whose bytes are then compared, so it needs speed
/// more than spread. Always inlined: a call cost the cache a third of its gain.
#[inline(always)]
fn hash_bytes(bytes: &[u8]) -> u32 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let (head, tail) = match (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
        (Some(h), Some(t)) => (u64::from_le_bytes(*h), u64::from_le_bytes(*t)),
        _ => match (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
            (Some(h), Some(t)) => {
                (u64::from(u32::from_le_bytes(*h)), u64::from(u32::from_le_bytes(*t)))
            }
            _ => (bytes.iter().fold(0, |t, &b| t << 8 | u64::from(b)), 0),
        },
    };
    let h = (head ^ tail.rotate_left(32) ^ (bytes.len() as u64) << 56).wrapping_mul(K);
    (h >> 32) as u32
}

/// One distinct content term of the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Term {
    pub hash: u32,
    /// Occurrences in the document (saturating); 0 marks an empty slot.
    pub count: u16,
    /// Where it first occurs ([`Term::first_word`]), and whether every occurrence carried the
    /// definite article ([`Term::definite`], the top bit). (The table's spare slots hold other
    /// data in these fields: see [`Recent`].)
    pub first: u16,
}

impl Term {
    pub(crate) const EMPTY: Self = Self { hash: 0, count: 0, first: 0 };

    /// [`Term::first`]'s bit for [`Term::definite`]. The word index below it saturates at
    /// 32,767, where the position factor of a keyword is already near 0, rather than the
    /// count, which a caller sees.
    const DEFINITE: u16 = 1 << 15;

    /// The index of the word (among all words of the text, saturating) where the term first
    /// occurs: where the text introduces it, which ranks keywords and finds headline terms.
    pub(crate) const fn first_word(&self) -> u16 {
        self.first & !Self::DEFINITE
    }

    /// Whether the document writes the term with the definite article every time
    /// (`الإرهاب`, `للإرهاب`), never bare (`إرهاب`, `يعرف`, `بوتين`). Arabic gives a noun the
    /// article when it comes back to a topic it named; verbs and adjectives used in passing
    /// never take it, which is how the keyword ranking tells them apart
    /// ([`Document::keywords`](crate::Document::keywords)).
    pub(crate) const fn definite(&self) -> bool {
        self.first & Self::DEFINITE != 0
    }
}

/// Fixed-capacity hash table of a document's terms (linear probing, never resized).
#[derive(Clone, Debug)]
pub(crate) struct Terms<const T: usize> {
    slots: [Term; T],
    /// The slots in use for the current text: `T`, or fewer (see [`Terms::reset`]).
    active: usize,
    /// How many more terms may enter before the table asks to be widened
    /// ([`Full::Estimate`]); `usize::MAX` if it is already sized for the worst case.
    room: usize,
}

/// Why [`Counter::add`] did not count a term.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Full {
    /// The table was sized for a typical text and this one has more distinct terms: count
    /// again in a table reset `wide`.
    Estimate,
    /// Every one of the `T` slots is taken.
    Capacity,
}

impl<const T: usize> Terms<T> {
    pub const fn new() -> Self {
        Self { slots: [Term::EMPTY; T], active: 0, room: 0 }
    }

    /// Empties the table and sizes it for a text of `bytes` bytes: for a typical text, or for
    /// the worst case if `wide`.
    ///
    /// A content word has at least two letters and a separator, so a text of `n` bytes has
    /// at most `(n + 1) / 3` distinct terms; twice that (plus a little) keeps linear probing
    /// at half load. News has far fewer (they grow a little faster than the square root of the
    /// length), and clearing and scanning (for keywords) a worst-case table would cost an
    /// article more than its terms do: so the table starts
    /// at one slot per 6 bytes, at most `16 √n + 256`, and a text that brings it to
    /// two-thirds load is counted again, `wide` ([`Full::Estimate`]). That costs a hostile
    /// text at most a third of its count twice; the result is the same either way (no rank
    /// depends on the table's layout). The slots left over hold pass 1's cache of forms
    /// ([`Recent`]). The capacity stays `T`: a wide table smaller than `T` can never fill.
    pub fn reset(&mut self, bytes: usize, wide: bool) {
        let worst = T.min(bytes.saturating_add(1) / 3 * 2 + 16);
        let active =
            if wide { worst } else { worst.min(bytes / 6 + 16).min(16 * sqrt(bytes) + 256) };
        // The old table, and the slots the new one adds, which may hold forms cached while
        // they were spare ([`Terms::split`]).
        if let Some(used) = self.slots.get_mut(..self.active.max(active)) {
            used.fill(Term::EMPTY);
        }
        self.active = active;
        self.room = if self.active == worst { usize::MAX } else { self.active * 2 / 3 };
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.iter().count()
    }

    /// Counts one occurrence of `hash` at word `word` (see [`Counter::add`]).
    #[cfg(test)]
    pub fn add(&mut self, hash: u32, word: u16, article: bool) -> Result<(), Full> {
        self.split().0.add(hash, word, article)
    }

    /// Pass 1's cache of forms for `text`, in the spare slots ([`Recent`]); valid while the
    /// text's counts are (until the next [`Terms::reset`]).
    pub fn recall<'a>(&'a self, text: &'a str) -> Recall<'a> {
        let spare = self.slots.get(self.active.min(T)..).unwrap_or_default();
        let n = cached(text.len(), spare.len());
        Recall {
            text: text.as_bytes(),
            entries: spare.as_chunks::<2>().0.get(..n).unwrap_or_default(),
        }
    }

    /// The table, to count terms in, and its spare slots (beyond the active ones), which
    /// pass 1 lends to its cache of forms ([`Recent`]) meanwhile. [`Terms::reset`] clears
    /// whatever the cache left in slots that a later text makes active.
    pub fn split(&mut self) -> (Counter<'_>, &mut [Term]) {
        let (slots, spare) = self.slots.split_at_mut(self.active.min(T));
        (Counter { slots, room: &mut self.room }, spare)
    }

    /// The first `words` word slots pass 1 packed after the cache of forms of a text of
    /// `bytes` bytes ([`part`]), if the table has that many.
    pub fn packs(&self, bytes: usize, words: usize) -> Option<&[[Term; 2]]> {
        let spare = self.slots.get(self.active.min(T)..)?;
        let rest = spare.get(cache_slots(bytes, spare.len())..)?;
        rest.as_chunks::<2>().0.get(..words)
    }

    /// The term with this hash, if the document has it.
    pub fn get(&self, hash: u32) -> Option<&Term> {
        let active = self.active;
        let mut i = home(hash, active);
        for _ in 0..active {
            let slot = self.slots.get(i)?;
            if slot.count == 0 {
                return None;
            }
            if slot.hash == hash {
                return Some(slot);
            }
            i = if i + 1 == active { 0 } else { i + 1 };
        }
        None
    }

    /// The occupied slots.
    pub fn iter(&self) -> impl Iterator<Item = &Term> {
        self.slots.get(..self.active).unwrap_or(&[]).iter().filter(|t| t.count > 0)
    }
}

/// The active slots of a [`Terms`] table, lent out to count terms ([`Terms::split`]).
pub(crate) struct Counter<'a> {
    slots: &'a mut [Term],
    room: &'a mut usize,
}

impl Counter<'_> {
    /// Counts one occurrence of `hash` at word `word`, written with the definite article or
    /// not; an error if the table is full, or past its estimate ([`Terms::reset`]). Inlined:
    /// pass 1 calls it once for every content word, from one place.
    #[inline]
    pub fn add(&mut self, hash: u32, word: u16, article: bool) -> Result<(), Full> {
        let definite = if article { Term::DEFINITE } else { 0 };
        let active = self.slots.len();
        let mut i = home(hash, active);
        for _ in 0..active {
            let Some(slot) = self.slots.get_mut(i) else { return Err(Full::Capacity) };
            if slot.count == 0 {
                if *self.room == 0 {
                    return Err(Full::Estimate);
                }
                *self.room -= 1;
                *slot = Term { hash, count: 1, first: word.min(!Term::DEFINITE) | definite };
                return Ok(());
            }
            if slot.hash == hash {
                slot.count = slot.count.saturating_add(1);
                // The flag stays only while every occurrence has the article.
                slot.first &= !Term::DEFINITE | definite;
                return Ok(());
            }
            i = if i + 1 == active { 0 } else { i + 1 };
        }
        Err(Full::Capacity)
    }
}

/// A set of term hashes as bits, by the top bits of each hash: one test rules out most hashes
/// not in it before a list is searched (pass 3's wanted terms, the summary's redundancy
/// test). 256 bits on 64-bit targets: 64 let a third of an article's content words through
/// the keyword pass's test (up to 26 terms set a bit), each then a mispredicted search; 64
/// on smaller targets, whose stacks and flash are counted.
///
/// The bits are kept in 32-bit words, which a 32-bit target shifts and tests in one register
/// (64-bit ones took library calls on Cortex-M0).
#[derive(Clone, Copy, Debug)]
pub(crate) struct TermBits([u32; TERM_BITS / 32]);

/// The bits of a [`TermBits`].
const TERM_BITS: usize = if crate::arch::WIDE { 256 } else { 64 };

impl TermBits {
    pub(crate) const fn new() -> Self {
        Self([0; TERM_BITS / 32])
    }

    /// The index of `hash`'s 32-bit word and its bit there.
    const fn bit(hash: u32) -> (usize, u32) {
        let i = hash >> (32 - TERM_BITS.ilog2());
        ((i / 32) as usize, 1 << (i % 32))
    }

    pub(crate) fn insert(&mut self, hash: u32) {
        let (word, bit) = Self::bit(hash);
        if let Some(w) = self.0.get_mut(word) {
            *w |= bit;
        }
    }

    /// Whether `hash` may be in the set (it is not if this is false).
    pub(crate) fn may_hold(&self, hash: u32) -> bool {
        let (word, bit) = Self::bit(hash);
        self.0.get(word).is_some_and(|w| w & bit != 0)
    }
}

/// `⌊√n⌋`, digit by digit (two bits a step): a dozen instructions of code, where the standard
/// library's `isqrt` cost a Cortex-M0 almost a kilobyte of flash.
const fn sqrt(n: usize) -> usize {
    let (mut rest, mut root) = (n, 0usize);
    let mut bit = 1usize << (usize::BITS - 2);
    while bit > n {
        bit >>= 2;
    }
    while bit != 0 {
        if rest >= root + bit {
            rest -= root + bit;
            root = (root >> 1) + bit;
        } else {
            root >>= 1;
        }
        bit >>= 2;
    }
    root
}

/// The home slot of `hash` in a table of `active` slots: a multiply-shift range reduction
/// (Lemire), which needs no division (Cortex-M0 has none) and no power-of-two capacity.
const fn home(hash: u32, active: usize) -> usize {
    ((hash as u64 * active as u64) >> 32) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::*;

    #[test]
    fn the_cache_of_forms_is_kept_where_arch_has_spare_slots() {
        // `arch`'s test checks that `build.rs` sets them where it should.
        assert_eq!(CACHED, crate::arch::SPARE_SLOTS);
    }

    #[test]
    fn a_word_slot_packs_into_two_term_slots_and_back() {
        let words = [Word::Content { hash: u32::MAX, lead: u8::MAX, article: true }, Word::Other];
        for (start, len, word) in [(0, 1, words[0]), (u32::MAX as usize, 0xFFFF, words[1])] {
            let slot = WordSlot::new(start, len, word).unwrap();
            assert_eq!(WordSlot::unpack(slot.pack()), slot);
        }
    }

    /// Every word of `text`, sentence by sentence, through a [`Recent`] of `N` entries and
    /// through [`next_classified`]: the same spans and classes.
    fn recent_agrees(name: &str, text: &str, spare: &mut [Term]) {
        let mut recent = Recent::new(text, spare);
        for (at, sentence) in crate::sentences::split(text).chain([(0, text)]) {
            let mut pos = 0;
            while let Some(found) = next_classified(sentence, pos) {
                assert_eq!(recent.next_classified(sentence, pos), Some(found), "{name}: at {at}");
                pos = found.1;
            }
            assert_eq!(recent.next_classified(sentence, pos), None);
        }
    }

    #[test]
    fn recent_forms_classify_as_next_word_does() {
        let sample = include_str!("../../tests/data/sample.txt");
        let long = "ب".repeat(40);
        let over_long = std::format!("{long} و{long} {long} {}", &long[..62]);
        let cases = [
            ("an article", sample),
            ("one form, spelled three ways", "كتاب كِتاب كتاب وكتاب كتابٌ كتاب"),
            ("stopwords and content", "في الإرهاب في للإرهاب من الإرهاب 2015 في 2015"),
            ("mixed scripts", "NATO ناتو nato NATO 🙂 É É Élysée"),
            ("short and long", "ب بب ببب بببب ببببببببببببببببببب ببببببببببببببببببب"),
            ("over-long", &over_long),
        ];
        // Spare slots for 2,048 entries, 2, 1 (forms keep evicting one another and sharing
        // a slot), and none, each left dirty by the case before.
        let mut spare = std::vec![Term::EMPTY; 4096];
        for (name, text) in cases {
            for slots in [4096, 5, 2, 1, 0] {
                recent_agrees(name, text, &mut spare[..slots]);
            }
        }
    }

    #[test]
    fn pass_1_cache_read_again_classifies_as_next_word_does() {
        let sample = include_str!("../../tests/data/sample.txt");
        let mut s: std::boxed::Box<crate::Summarizer<256, 4096>> = std::boxed::Box::default();
        let _ = s.analyze(sample, &crate::Config::new()).unwrap();
        let recall = s.terms.recall(sample);
        assert_eq!(recall.entries.len(), 1024, "8 √7705 + 128, rounded up");
        let filled = recall.entries.iter().filter(|[form, _]| form.count > 0).count();
        assert!(filled > 300, "{filled} forms cached");
        for (at, sentence) in crate::sentences::split(sample) {
            let mut pos = 0;
            while let Some(found) = next_classified(sentence, pos) {
                assert_eq!(recall.next_classified(sentence, pos), Some(found), "at {at}");
                pos = found.1;
            }
        }
    }

    #[test]
    fn a_repeated_form_is_a_hit() {
        let text = "كتاب جديد كتاب";
        let mut spare = [Term::EMPTY; 256];
        let mut recent = Recent::new(text, &mut spare);
        let mut pos = 0;
        while let Some((_, end, _)) = recent.next_classified(text, pos) {
            pos = end;
        }
        let at: std::vec::Vec<u32> = recent
            .entries
            .iter()
            .filter(|[form, _]| form.count > 0)
            .map(|[_, at]| u32::from(at.count) | u32::from(at.first) << 16)
            .collect();
        assert!(at.contains(&0), "the first كتاب is kept: {at:?}");
        assert!(!at.contains(&18), "the second is a hit, not a new entry: {at:?}");
    }

    #[test]
    fn sqrt_is_the_integer_square_root() {
        for n in (0..5000).chain([7705, 67_723, 1_052_523, u32::MAX as usize, usize::MAX]) {
            assert_eq!(sqrt(n), n.isqrt(), "{n}");
        }
    }

    #[test]
    fn a_reset_clears_the_slots_the_cache_used() {
        let mut t: Terms<4096> = Terms::new();
        t.reset(600, false);
        let (_, spare) = t.split();
        spare.fill(Term { hash: 7, count: 3, first: 1 });
        t.reset(6000, false);
        assert_eq!((t.active, t.len(), t.get(7)), (1016, 0, None), "a larger table starts empty");
    }

    #[test]
    fn term_bits_hold_every_hash_inserted_and_rule_out_most_others() {
        let mut bits = TermBits::new();
        let inserted: std::vec::Vec<u32> =
            (0..16u32).map(|i| i.wrapping_mul(0x9E37_79B9) ^ 0x5bd1_e995).collect();
        for &h in &inserted {
            bits.insert(h);
        }
        assert!(inserted.iter().all(|&h| bits.may_hold(h)));
        let others = (1000..5000u32).map(|i| i.wrapping_mul(0x85EB_CA6B));
        let passed = others.filter(|&h| !inserted.contains(&h) && bits.may_hold(h)).count();
        // 16 of 256 bits (of 64 on 32-bit targets) set: about 1 in 16 (1 in 4) passes.
        assert!(passed * 100 / 4000 <= if TERM_BITS == 256 { 10 } else { 30 }, "{passed}");
    }

    #[test]
    fn hash_bytes_takes_any_length() {
        let bytes = [0xD8u8; 40];
        let hashes: std::vec::Vec<u32> = (0..=40).map(|n| hash_bytes(&bytes[..n])).collect();
        let mut distinct = hashes.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), hashes.len(), "the length is part of the hash");
    }

    #[test]
    fn table_counts_and_fills() {
        let mut t: Terms<4> = Terms::new();
        t.reset(1000, false);
        assert_eq!(t.room, usize::MAX, "4 slots are fewer than the estimate: the table is wide");
        for (h, s) in [(7, 0), (7, 0), (7, 1), (9, 1), (11, 2), (13, 2)] {
            t.add(h, s, false).unwrap();
        }
        assert_eq!(t.len(), 4);
        assert_eq!(t.get(7), Some(&Term { hash: 7, count: 3, first: 0 }));
        assert_eq!(t.add(15, 3, false), Err(Full::Capacity), "full");
        assert_eq!(t.add(9, 3, false), Ok(()), "existing terms still count");
        assert_eq!(t.get(15), None);
        t.reset(1000, false);
        assert_eq!((t.len(), t.get(7)), (0, None));
    }

    #[test]
    fn a_term_is_definite_while_every_occurrence_has_the_article() {
        let cases: [(&str, &[bool], bool); 4] = [
            ("always", &[true, true, true], true),
            ("once bare, first", &[false, true, true], false),
            ("once bare, last", &[true, true, false], false),
            ("never", &[false], false),
        ];
        for (name, articles, definite) in cases {
            let mut t: Terms<4> = Terms::new();
            t.reset(1000, false);
            for &article in articles {
                t.add(7, 3, article).unwrap();
            }
            let term = t.get(7).unwrap();
            assert_eq!(term.definite(), definite, "{name}");
            assert_eq!(usize::from(term.count), articles.len(), "{name}");
            assert_eq!(term.first_word(), 3, "{name}");
        }
    }

    #[test]
    fn the_first_word_saturates_below_the_flag() {
        let mut t: Terms<4> = Terms::new();
        t.reset(1000, false);
        for (hash, word) in [(7, u16::MAX), (9, 0x7FFF), (11, 0x7FFE)] {
            t.add(hash, word, true).unwrap();
        }
        let got = [7, 9, 11].map(|h| t.get(h).map(|t| (t.first_word(), t.definite())));
        assert_eq!(got, [Some((0x7FFF, true)), Some((0x7FFF, true)), Some((0x7FFE, true))]);
        for _ in 0..70_000 {
            t.add(7, 0, false).unwrap();
        }
        let term = t.get(7).unwrap();
        assert_eq!((term.count, term.first_word(), term.definite()), (u16::MAX, 0x7FFF, false));
    }

    #[test]
    fn a_table_sized_for_a_typical_text_asks_to_be_widened() {
        let mut t: Terms<4096> = Terms::new();
        t.reset(600, false);
        assert_eq!((t.active, t.room), (116, 77), "600 / 6 + 16 slots");
        // Two-thirds of 116 slots: 77 terms fit, the 78th asks for the wide table.
        for h in 0..77u32 {
            t.add(h.wrapping_mul(0x9E37_79B9), 0, false).unwrap();
        }
        assert_eq!(t.add(1, 0, false), Err(Full::Estimate), "a new term past the estimate");
        assert_eq!(t.add(0, 0, false), Ok(()), "a counted term still counts");
        assert_eq!(t.get(0).map(|t| t.count), Some(2));
        t.reset(600, true);
        assert_eq!(
            (t.active, t.room, t.len()),
            (416, usize::MAX, 0),
            "the worst case: 601 / 3 * 2 + 16"
        );
        for h in 0..200u32 {
            t.add(h.wrapping_mul(0x9E37_79B9), 0, false).unwrap();
        }
        assert_eq!(t.iter().count(), 200, "600 bytes hold at most 200 terms: they all fit");
    }

    #[test]
    fn a_short_text_uses_few_slots_and_never_fills_them() {
        let mut t: Terms<4096> = Terms::new();
        t.reset(30, true);
        assert_eq!(t.active, 36);
        // 30 bytes hold at most 10 content words; far more distinct hashes still fit.
        for h in 0..18u32 {
            t.add(h.wrapping_mul(0x9E37_79B9), 0, false).unwrap();
        }
        assert_eq!(t.iter().count(), 18);
        t.reset(1 << 20, false);
        assert_eq!((t.active, t.iter().count()), (4096, 0), "the large text gets the whole table");
        assert_eq!(t.room, usize::MAX, "and it is the worst case");
    }

    #[test]
    fn zero_capacity_table() {
        let mut t: Terms<0> = Terms::new();
        t.reset(1000, false);
        assert_eq!(t.add(1, 0, false), Err(Full::Capacity));
        assert_eq!(t.get(1), None);
    }
}

//! The words pass 1 keeps for the later passes, and how those passes read a sentence's
//! words: from the slots the caller lent ([`WordSlot`]), from slots packed in the term
//! table's spare slots ([`Packer`]), or else from the text again, through pass 1's cache of
//! forms ([`Recall`]). Each holds every word of the text or none, so a pass never mixes them,
//! and every way gives the same words: lent slots never change a result.

use crate::analysis::Info;
use crate::score::{Word, WordSlot};
use crate::terms::{Recall, Term, Terms};

/// Whether pass 1 packs words: where the term table's spare slots hold a cache of forms.
const CACHED: bool = crate::arch::SPARE_SLOTS;

/// Pass 1's writer of packed word slots ([`Terms::packs`](crate::terms::Terms::packs)): it keeps each word while they
/// all fit. Without a cache ([`CACHED`]) it keeps none and has no code.
pub(crate) struct Packer<'a> {
    packs: &'a mut [[Term; 2]],
    /// Every word so far is kept.
    on: bool,
}

impl<'a> Packer<'a> {
    /// A writer into `packs` ([`terms::part`](crate::terms::part)), which keeps the words unless the caller
    /// `lent` slots for them. Always tried: if the words outrun the room, the writes wasted
    /// are at most what keeping every word costs, a store a word.
    pub(crate) const fn new(packs: &'a mut [[Term; 2]], lent: bool) -> Self {
        let on = CACHED && !lent && !packs.is_empty();
        Self { packs, on }
    }

    /// Keeps word number `index` of the text, at `at` in its sentence, `len` bytes long.
    #[inline(always)]
    pub(crate) fn keep(&mut self, index: usize, at: usize, len: usize, word: Word) {
        if CACHED && self.on {
            match (self.packs.get_mut(index), WordSlot::new(at, len, word)) {
                (Some(to), Some(slot)) => *to = slot.pack(),
                _ => self.on = false,
            }
        }
    }

    /// Ends a sentence of `words` words: later passes find a sentence's slots by its word
    /// count, which saturates.
    #[inline(always)]
    pub(crate) fn end_sentence(&mut self, words: u16) {
        self.on &= CACHED && words < u16::MAX;
    }

    /// Whether every word was kept.
    #[inline(always)]
    pub(crate) const fn all(&self) -> bool {
        CACHED && self.on
    }
}

/// Where pass 1 kept each word for the later passes: in slots the caller lent, or packed in
/// the term table's spare slots ([`Terms::packs`](crate::terms::Terms::packs)); either holds every word or none.
#[derive(Clone, Copy)]
pub(crate) enum Kept<'a> {
    Lent(&'a [WordSlot]),
    /// Only where forms are cached ([`CACHED`]): a microcontroller never packs words.
    Packed(&'a [[Term; 2]]),
}

/// Where later passes read a text's words: the text, the words pass 1 kept (all or none),
/// and pass 1's cache of forms, for reading the text again.
#[derive(Clone, Copy)]
pub(crate) struct Source<'a> {
    /// The text.
    pub(crate) text: &'a str,
    /// The words pass 1 kept, if any.
    pub(crate) kept: Kept<'a>,
    /// Pass 1's cache of forms.
    pub(crate) recall: Recall<'a>,
}

impl<const T: usize> Terms<T> {
    /// Where later passes read the words of `text`, whose pass 1 filled `lent` (all or
    /// none), or else packed `packed` words in this table ([`Terms::packs`]), or else cached
    /// its forms.
    pub fn source<'a>(
        &'a self,
        text: &'a str,
        lent: &'a [WordSlot],
        packed: Option<u32>,
    ) -> Source<'a> {
        let kept = match packed {
            Some(words) if CACHED && lent.is_empty() => {
                self.packs(text.len(), words as usize).map_or(Kept::Lent(lent), Kept::Packed)
            }
            _ => Kept::Lent(lent),
        };
        Source { text, kept, recall: self.recall(text) }
    }
}

/// The words of one sentence, each as (byte offset in the sentence, byte length, class):
/// from the slots pass 1 filled or packed, or read and classified again.
pub(crate) enum SentenceWords<'a> {
    Slots(core::slice::Iter<'a, WordSlot>),
    Packed(core::slice::Iter<'a, [Term; 2]>),
    /// A sentence's text, the offset to read on from, pass 1's cache of forms, and where its
    /// terms start (the words before are furniture: no terms, as pass 1 read them).
    Text(&'a str, usize, Recall<'a>, usize),
}

impl Iterator for SentenceWords<'_> {
    type Item = (usize, usize, Word);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Self::Slots(slots) => slots.next().map(|slot| slot.get()),
            Self::Packed(packs) => packs.next().map(|&pack| WordSlot::unpack(pack).get()),
            Self::Text(text, pos, recall, terms_from) => {
                let (at, end, class) = recall.next_classified(text, *pos)?;
                *pos = end;
                Some((at, end - at, if at < *terms_from { Word::Other } else { class }))
            }
        }
    }

    /// One loop per source, so that the passes' loops test the source once a sentence, not
    /// once a word, where the target has the flash for a copy of each loop's body per source
    /// (`arch::WIDE`); elsewhere one loop over `next`, as `Iterator::fold` has it.
    #[inline]
    fn fold<B, F: FnMut(B, Self::Item) -> B>(self, init: B, mut f: F) -> B {
        if !crate::arch::WIDE {
            let mut b = init;
            for word in self {
                b = f(b, word);
            }
            return b;
        }
        match self {
            Self::Slots(slots) => slots.fold(init, |b, slot| f(b, slot.get())),
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
    Source { text, kept, recall }: Source<'a>,
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
        Kept::Packed(packs) => {
            if let Some(packs) = packs.get(range) {
                return SentenceWords::Packed(packs.iter());
            }
        }
    }
    let sentence = text.get(s.start as usize..s.end as usize).unwrap_or("");
    // Read again, site furniture has no terms, as pass 1 read it.
    SentenceWords::Text(sentence, 0, recall, s.furniture.terms_from(sentence))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::terms;

    #[test]
    fn a_packer_keeps_words_while_they_all_fit_and_never_with_lent_slots() {
        if !CACHED {
            return; // Nothing is packed (the tests run on hosts, which pack).
        }
        // 40 bytes: a cache of 256 entries (512 slots), then 10 pairs.
        let mut spare = [Term::EMPTY; 512 + 20];
        let (cache, packs) = terms::part(40, &mut spare);
        let mut packer = Packer::new(packs, false);
        assert_eq!((cache.len(), packer.all()), (512, true));
        for i in 0..10 {
            packer.keep(i, 4 * i, 3, Word::Other);
        }
        packer.end_sentence(10);
        assert!(packer.all(), "ten words, ten pairs");
        packer.keep(10, 40, 3, Word::Other);
        assert!(!packer.all(), "the eleventh does not fit");
        let packer = Packer::new(terms::part(40, &mut spare).1, true);
        assert!(!packer.all(), "lent slots are used instead");
        let packer = Packer::new(terms::part(40, &mut spare[..512]).1, false);
        assert!(!packer.all(), "no room after the cache");
        let mut packer = Packer::new(terms::part(40, &mut spare).1, false);
        packer.end_sentence(u16::MAX);
        assert!(!packer.all(), "a sentence's word count saturates");
    }
}

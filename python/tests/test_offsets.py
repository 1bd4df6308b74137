"""Offsets are Python string indices: text[r.start:r.end] == r.text, whatever the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import talkhis
from conftest import CLIMATE, SAMPLE

WORDS = [
    "قمة", "المناخ", "الإرهاب", "والإرهابيون", "أسعار", "النفط", "مُحَمَّدٌ", "الطاقة", "ـــ",
    "٢٠١٥", "4.5", "د.", "Moscow", "naïve", "😀", "👩‍👩‍👧", "中文", "ﷺ", "é", "\u200f", "، ", "؟ ",
    ". ", "! ", "\n", "\n\n", "  ", "\t", "...", "\ufffd", "\U0001d400",
]

texts = st.lists(st.sampled_from(WORDS), max_size=120).map(" ".join) | st.text(max_size=300)


def check(text: str) -> None:
    for s in talkhis.summarize(text, sentences=4):
        assert text[s.start:s.end] == s.text
        assert s.text
    for k in talkhis.keywords(text, 20):
        assert text[k.start:k.end] == k.text
        assert text[k.start:k.start + len(k.text)] == k.text
        assert k.count >= 1


@settings(max_examples=300, deadline=None)
@given(texts)
def test_offsets_are_string_indices(text):
    check(text)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), max_size=5), texts)
def test_offsets_with_lone_surrogates(surrogates, text):
    # Lone surrogates cannot be UTF-8; they are analyzed as U+FFFD and the results are sliced
    # from the caller's string, so the property still holds.
    mixed = surrogates + text + surrogates
    check(mixed)


def test_offsets_on_fixtures():
    for text in (SAMPLE, CLIMATE, "😀 " + CLIMATE, CLIMATE.replace(" ", " 👍 ")):
        check(text)
        doc = talkhis.Summarizer().analyze(text, sentences=3, k=10)
        for r in [*doc.summary, *doc.keywords]:
            assert text[r.start:r.end] == r.text


def test_emoji_before_a_sentence_shifts_by_one():
    plain = talkhis.summarize(CLIMATE, sentences=1)[0]
    shifted = talkhis.summarize("😀" + CLIMATE, sentences=1)[0]
    assert shifted.text == plain.text
    assert shifted.start == plain.start + 1  # one code point, though four UTF-8 bytes

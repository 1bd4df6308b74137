"""Every error path: capacities, types, ranges, configuration files."""

from __future__ import annotations

import pickle

import pytest

import talkhis
from conftest import CLIMATE

MANY = "ذهب الولد إلى المدرسة صباحا. " * 2000  # 2,000 sentences


def test_capacity_error_sentences():
    small = talkhis.Summarizer(sentences=100)
    assert (small.sentences, small.terms) == (1024, 4096)
    with pytest.raises(talkhis.CapacityError) as info:
        small.summarize(MANY)
    e = info.value
    assert isinstance(e, ValueError)
    assert (e.which, e.limit, e.index) == ("sentences", 1024, None)
    assert "Summarizer(sentences=" in e.advice and e.advice in str(e)
    assert MANY[e.at:].startswith("ذهب")
    assert e.at == len("ذهب الولد إلى المدرسة صباحا. ") * 1024
    # A larger Summarizer holds it.
    assert talkhis.Summarizer(sentences=2000).summarize(MANY)


def test_capacity_error_terms():
    import random

    rng = random.Random(7)
    letters = "بثجحخدذرزسشصضطظعغفقكمهو"
    words = " ".join("".join(rng.choice(letters) for _ in range(5)) for _ in range(20_000)) + "."
    with pytest.raises(talkhis.CapacityError) as info:
        talkhis.Summarizer(terms=1000).keywords(words)
    assert (info.value.which, info.value.limit) == ("terms", 4096)
    assert "terms=" in info.value.advice
    # The module functions use the CLI's default size, then its largest.
    assert talkhis.keywords(words, 3)


def test_capacity_error_beyond_the_largest():
    text = "جملة. " * 70_000
    with pytest.raises(talkhis.CapacityError) as info:
        talkhis.summarize(text)
    assert (info.value.which, info.value.limit) == ("sentences", 65_535)
    assert "split" in info.value.advice
    with pytest.raises(talkhis.CapacityError) as info:
        talkhis.summarize_many([CLIMATE, text, CLIMATE])
    assert info.value.index == 1 and str(info.value).startswith("texts[1]: ")


def test_capacity_error_pickles():
    with pytest.raises(talkhis.CapacityError) as info:
        talkhis.Summarizer(sentences=1).summarize(MANY)
    back = pickle.loads(pickle.dumps(info.value))
    assert (back.which, back.limit, back.advice, back.at, str(back)) == (
        info.value.which, info.value.limit, info.value.advice, info.value.at, str(info.value)
    )


@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["list"], 3.5])
def test_text_must_be_str(bad):
    for call in (talkhis.summarize, talkhis.keywords, talkhis.Summarizer().analyze):
        with pytest.raises(TypeError, match="text must be str"):
            call(bad)


def test_batch_type_errors():
    with pytest.raises(TypeError, match=r"texts\[1\] must be str, not int"):
        talkhis.summarize_many(["نص", 7])
    with pytest.raises(TypeError, match="iterable"):
        talkhis.keywords_many(7)


@pytest.mark.parametrize(
    "kwargs,error,match",
    [
        ({"sentences": -1}, ValueError, "sentences must be from 0 to 1024, got -1"),
        ({"sentences": 1025}, ValueError, "sentences must be from 0 to 1024"),
        ({"sentences": 2**70}, ValueError, "sentences must be from 0 to 1024"),
        ({"sentences": 2.0}, TypeError, "sentences must be an int, not float"),
        ({"sentences": True}, TypeError, "sentences must be an int, not bool"),
        ({"words": -5}, ValueError, "words must be from 0 to 4294967295"),
        ({"ratio": 1.5}, ValueError, "ratio must be from 0 to 1"),
        ({"ratio": float("nan")}, ValueError, "ratio must be from 0 to 1"),
        ({"ratio": "half"}, TypeError, "ratio must be a float"),
        ({"sentences": 2, "words": 10}, TypeError, "at most one of sentences, words and ratio"),
        ({"config": {"sentences": 2}}, TypeError, "config must be a talkhis.Config"),
    ],
)
def test_length_arguments(kwargs, error, match):
    with pytest.raises(error, match=match):
        talkhis.summarize(CLIMATE, **kwargs)


def test_k_argument():
    with pytest.raises(ValueError, match="k must be from 0 to 256, got 257"):
        talkhis.keywords(CLIMATE, 257)
    with pytest.raises(TypeError, match="k must be an int"):
        talkhis.keywords(CLIMATE, "3")
    assert talkhis.keywords(CLIMATE, 0) == []


@pytest.mark.parametrize(
    "kwargs,error,match",
    [
        ({"position_decay": 70_000}, ValueError, r"Config.position_decay must be from 0 to 65535, got 70000"),
        ({"min_words": -1}, ValueError, r"Config.min_words must be from 0 to 65535, got -1"),
        ({"keywords": 300}, ValueError, r"Config.keywords must be from 0 to 256"),
        ({"fill": 1}, TypeError, r"Config.fill must be a bool, not int"),
        ({"lead_bonus": 1.5}, TypeError, r"Config.lead_bonus must be an int, not float"),
        ({"lead_bonus": False}, TypeError, r"Config.lead_bonus must be an int, not bool"),
        ({"no_such_field": 1}, TypeError, r"unexpected keyword argument 'no_such_field'"),
        ({"ratio": 2}, ValueError, "ratio must be from 0 to 1"),
    ],
)
def test_config_validation(kwargs, error, match):
    with pytest.raises(error, match=match):
        talkhis.Config(**kwargs)


def test_config_positional_is_a_type_error():
    with pytest.raises(TypeError):
        talkhis.Config(3)


@pytest.mark.parametrize(
    "content,match",
    [
        ("position_decay = 70000\n", r"position_decay must be from 0 to 65535, got 70000"),
        ("typo_weight = 1\n", r'unknown key "typo_weight" \(known: budget, keywords'),
        ("fill = 1\n", r"fill must be true or false"),
        ("min_words = -1\n", r"min_words must be from 0 to 65535"),
        ("budget = { Sentences = 2000 }\n", r"Sentences must be from 0 to 1024"),
        ("budget = { Pages = 2 }\n", r"config .*weights.toml: "),
        ("this is not toml\n", r"config .*weights.toml: "),
    ],
)
def test_from_toml_errors(tmp_path, content, match):
    path = tmp_path / "weights.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=match):
        talkhis.Config.from_toml(path)


def test_from_toml_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="no-such.toml"):
        talkhis.Config.from_toml(tmp_path / "no-such.toml")
    with pytest.raises(IsADirectoryError):
        talkhis.Config.from_toml(tmp_path)


def test_summarizer_size_errors():
    with pytest.raises(ValueError, match="at most 65535 sentences and 262144 terms"):
        talkhis.Summarizer(sentences=70_000)
    with pytest.raises(ValueError):
        talkhis.Summarizer(terms=-1)

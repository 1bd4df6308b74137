"""The package gives what the talkhis CLI gives: the same sentences and keywords."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import talkhis
from conftest import SAMPLE, articles


def byte_to_char(text: str, byte: int) -> int:
    return len(text.encode("utf-8")[:byte].decode("utf-8"))


def run_cli(cli: Path, folder: Path, *args: str) -> dict[str, dict]:
    """`talkhis summarize --format jsonl` on a folder: the JSON object of each file, by name."""
    out = subprocess.run(
        [str(cli), "summarize", "--format", "jsonl", "--quiet", *args, str(folder)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    docs = [json.loads(line) for line in out.splitlines() if line.strip()]
    return {Path(d["path"]).stem: d for d in docs}


def expected_sentences(text: str, doc: dict) -> list[tuple[str, int, int, float]]:
    return [
        (s["text"], byte_to_char(text, s["start"]), byte_to_char(text, s["end"]), s["score"])
        for s in doc["sentences"]
    ]


def expected_keywords(text: str, doc: dict) -> list[tuple[str, int, int, float]]:
    return [(k["text"], byte_to_char(text, k["start"]), k["count"], k["score"]) for k in doc["keywords"]]


def got_sentences(sentences) -> list[tuple[str, int, int, float]]:
    return [(s.text, s.start, s.end, s.score) for s in sentences]


def got_keywords(keywords) -> list[tuple[str, int, int, float]]:
    return [(k.text, k.start, k.count, k.score) for k in keywords]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("corpus")
    texts = dict(articles())
    # More sentences than 64, with or without the corpora: the sample's words cut into
    # sentences of eight (not beside the sample itself, whose sentences would make them
    # redundant), then the corpus articles.
    words = SAMPLE.split()
    chunks = [" ".join(words[i : i + 8]) + "." for i in range(0, len(words) - 8, 8)]
    others = [text for name, text in texts.items() if name != "sample"]
    texts["long"] = "\n".join(chunks + others[:19])
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder, texts


CASES = [
    ("default", [], {}),
    ("sentences", ["--sentences", "5", "-k", "20"], {"sentences": 5, "k": 20}),
    ("words", ["--words", "60", "-k", "3"], {"words": 60, "k": 3}),
    ("ratio", ["--ratio", "0.2"], {"ratio": 0.2}),
    # The binding sizes its result types by the request: past each size.
    ("sentences-20", ["--sentences", "20", "-k", "40"], {"sentences": 20, "k": 40}),
    ("sentences-100", ["--sentences", "100", "-k", "100"], {"sentences": 100, "k": 100}),
    ("all-words", ["--words", "1000000", "-k", "256"], {"words": 1_000_000, "k": 256}),
    ("ratio-1", ["--ratio", "1", "-k", "0"], {"ratio": 1.0, "k": 0}),
]


@pytest.mark.parametrize("name,args,kwargs", CASES, ids=[c[0] for c in CASES])
def test_same_as_cli(cli, corpus, name, args, kwargs):
    folder, texts = corpus
    docs = run_cli(cli, folder, *args)
    assert set(docs) == set(texts)
    k = kwargs.pop("k", None)
    summarizer = talkhis.Summarizer()
    if name == "all-words":
        assert len(docs["long"]["sentences"]) > 64
    for stem, text in texts.items():
        doc = docs[stem]
        assert got_sentences(talkhis.summarize(text, **kwargs)) == expected_sentences(text, doc), stem
        assert got_keywords(talkhis.keywords(text, k)) == expected_keywords(text, doc), stem
        both = summarizer.analyze(text, k=k, **kwargs)
        assert got_sentences(both.summary) == expected_sentences(text, doc), stem
        assert got_keywords(both.keywords) == expected_keywords(text, doc), stem
        assert (both.total_sentences, both.total_words) == (doc["total_sentences"], doc["total_words"])
    # The batch functions give the same.
    names = sorted(texts)
    many = talkhis.summarize_many([texts[n] for n in names], **kwargs)
    assert [got_sentences(m) for m in many] == [expected_sentences(texts[n], docs[n]) for n in names]
    kws = talkhis.keywords_many([texts[n] for n in names], k)
    assert [got_keywords(m) for m in kws] == [expected_keywords(texts[n], docs[n]) for n in names]


def test_config_file_same_as_cli(cli, corpus, tmp_path):
    folder, texts = corpus
    path = tmp_path / "weights.toml"
    path.write_text(
        "budget = { Words = 80 }\nkeywords = 7\nposition_decay = 300\nfill = false\n"
        "phrase_weight = 0\nredundancy = 500\n",
        encoding="utf-8",
    )
    docs = run_cli(cli, folder, "--config", str(path))
    config = talkhis.Config.from_toml(path)
    assert config.words == 80 and config.keywords == 7 and config.fill is False
    for stem, text in texts.items():
        assert got_sentences(talkhis.summarize(text, config=config)) == expected_sentences(text, docs[stem])
        assert got_keywords(talkhis.keywords(text, config=config)) == expected_keywords(text, docs[stem])


def test_cli_config_output_reads_back(cli, tmp_path):
    """`talkhis config` prints a file that Config.from_toml reads, and to_toml one the CLI reads."""
    flags = ["--position-decay", "321", "--fill", "false", "--min-words", "2"]
    printed = subprocess.run(
        [str(cli), "config", *flags], check=True, capture_output=True, text=True
    ).stdout
    path = tmp_path / "printed.toml"
    path.write_text(printed, encoding="utf-8")
    config = talkhis.Config.from_toml(path)
    assert config == talkhis.Config(position_decay=321, fill=False, min_words=2)
    back = tmp_path / "back.toml"
    back.write_text(config.to_toml(), encoding="utf-8")
    again = subprocess.run(
        [str(cli), "config", "--config", str(back)], check=True, capture_output=True, text=True
    ).stdout
    assert again == printed

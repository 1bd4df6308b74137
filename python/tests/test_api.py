"""Config, results, pickling, threads, processes and edge inputs."""

from __future__ import annotations

import copy
import doctest
import os
import pickle
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import pytest

import talkhis
from conftest import CLIMATE, SAMPLE, articles


def test_config_defaults_and_fields():
    c = talkhis.Config()
    assert (c.sentences, c.words, c.ratio, c.keywords) == (3, None, None, 10)
    assert c.position_decay == 500 and c.fill is True
    fields = talkhis.Config.fields()
    assert fields[:4] == ("sentences", "words", "ratio", "keywords")
    for name in fields[4:]:
        assert getattr(c, name) == c.to_dict()[name]
        assert name in dir(c)
    with pytest.raises(AttributeError):
        c.no_such_field  # noqa: B018
    assert repr(c) == "Config()"


def test_config_is_a_value():
    a = talkhis.Config(words=100, position_decay=300, fill=False)
    assert a == talkhis.Config(fill=False, position_decay=300, words=100)
    assert a != talkhis.Config(words=100)
    assert hash(a) == hash(talkhis.Config(words=100, position_decay=300, fill=False))
    assert repr(a) == "Config(words=100, position_decay=300, fill=False)"
    assert talkhis.Config(**a.to_dict()) == a
    assert eval(repr(a), {"Config": talkhis.Config}) == a
    assert a.replace(sentences=2) == talkhis.Config(sentences=2, position_decay=300, fill=False)
    assert a.replace(lead_bonus=0).words == 100
    assert talkhis.Config(ratio=0.25).ratio == 0.25
    with pytest.raises(AttributeError):
        a.position_decay = 1  # frozen


def test_config_to_toml_reads_back(tmp_path):
    a = talkhis.Config(ratio=0.3, keywords=4, topic_threshold=0)
    path = tmp_path / "c.toml"
    path.write_text(a.to_toml(), encoding="utf-8")
    assert talkhis.Config.from_toml(path) == a
    assert talkhis.Config.from_toml(str(path)) == a


def test_config_changes_results():
    long = talkhis.summarize(SAMPLE, config=talkhis.Config(sentences=6))
    assert len(long) == 6
    assert len(talkhis.summarize(SAMPLE, sentences=2, config=talkhis.Config(sentences=6))) == 2
    assert len(talkhis.keywords(SAMPLE, config=talkhis.Config(keywords=4))) == 4
    s = talkhis.Summarizer(config=talkhis.Config(sentences=1, keywords=2))
    doc = s.analyze(SAMPLE)
    assert (len(doc.summary), len(doc.keywords)) == (1, 2)
    assert s.config == talkhis.Config(sentences=1, keywords=2)


@pytest.mark.parametrize("protocol", range(2, pickle.HIGHEST_PROTOCOL + 1))
def test_everything_pickles(protocol):
    config = talkhis.Config(words=50, redundancy=500)
    summarizer = talkhis.Summarizer(sentences=2000, config=config)
    doc = summarizer.analyze(SAMPLE)
    for obj in (config, doc, doc.summary, doc.keywords, doc.summary[0], doc.keywords[0]):
        back = pickle.loads(pickle.dumps(obj, protocol))
        assert back == obj and type(back) is type(obj)
        assert copy.deepcopy(obj) == obj
    back = pickle.loads(pickle.dumps(summarizer, protocol))
    assert (back.sentences, back.terms, back.config) == (4096, 16384, config)
    assert back.analyze(SAMPLE) == doc
    for fn in (talkhis.summarize, talkhis.keywords, talkhis.summarize_many, talkhis.keywords_many):
        assert pickle.loads(pickle.dumps(fn, protocol)) is fn


def test_results_read_well():
    s = talkhis.summarize(CLIMATE, sentences=1)[0]
    assert repr(s).startswith("Sentence(text='اختتمت قمة المناخ")
    assert s == talkhis.Sentence(s.text, s.start, s.end, s.score)
    assert s != talkhis.Sentence(s.text, s.start, s.end, s.score + 1)
    k = talkhis.keywords(CLIMATE, 1)[0]
    assert repr(k) == f"Keyword(text='قمة المناخ', start=0, end=10, count=2, score={k.score!r})"
    with pytest.raises(AttributeError):
        s.start = 3


def test_threads_give_the_serial_results():
    texts = [text for _, text in articles(40)] * 2
    serial = [talkhis.summarize(t) for t in texts]
    serial_k = [talkhis.keywords(t) for t in texts]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(talkhis.summarize, texts)) == serial
        assert list(pool.map(talkhis.keywords, texts)) == serial_k
    assert talkhis.summarize_many(texts) == serial
    assert talkhis.keywords_many(iter(texts)) == serial_k
    # One Summarizer shared by threads: calls take turns, results unchanged.
    shared = talkhis.Summarizer()
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(shared.summarize, texts)) == serial


def test_calls_release_the_gil():
    """Another thread runs Python code in the middle of a long talkhis call.

    Holding the GIL, a call would let another thread run only at its start (a switch
    before the call); released, the other thread runs all through it.
    """
    big = (SAMPLE + "\n") * 150  # about 1.2 MB
    stamps: list[float] = []
    done = threading.Event()

    def spin():
        while not done.is_set():
            stamps.append(time.perf_counter())

    def middle_ticks(call) -> int:
        stamps.clear()
        start = time.perf_counter()
        call()
        end = time.perf_counter()
        margin = (end - start) / 4
        return sum(start + margin < t < end - margin for t in stamps)

    spinner = threading.Thread(target=spin)
    spinner.start()
    try:
        assert middle_ticks(lambda: talkhis.summarize_many([big] * 6)) > 0
        assert middle_ticks(lambda: talkhis.keywords(big * 4)) > 0
        # The check can fail: a C call that keeps the GIL gives no tick in its middle.
        assert middle_ticks(lambda: sum(range(30_000_000))) == 0
        assert middle_ticks(lambda: talkhis.Summarizer(sentences=65_535).analyze(big * 4)) > 0
    finally:
        done.set()
        spinner.join()


def _first_sentence(text: str) -> str:
    return talkhis.summarize(text, sentences=1)[0].text


def test_process_pool():
    texts = [text for _, text in articles(8)]
    with ProcessPoolExecutor(2) as pool:
        assert list(pool.map(_first_sentence, texts)) == [_first_sentence(t) for t in texts]
        assert list(pool.map(talkhis.keywords, texts)) == [talkhis.keywords(t) for t in texts]
        # A batch in the child after the parent used the batch pool (fork safety).
        talkhis.summarize_many(texts)
        assert pool.submit(talkhis.summarize_many, texts).result() == talkhis.summarize_many(texts)


@pytest.mark.parametrize("text", ["", " ", "\n\n\t", ".", "؟!.", "١٢٣ 456", "😀" * 50])
def test_empty_and_wordless_inputs(text):
    assert talkhis.summarize(text) == [] or all(text[s.start:s.end] == s.text for s in talkhis.summarize(text))
    assert all(text[k.start:k.end] == k.text for k in talkhis.keywords(text))
    doc = talkhis.Summarizer().analyze(text)
    assert doc.total_words >= 0


def test_empty_input():
    assert talkhis.summarize("") == []
    assert talkhis.keywords("") == []
    doc = talkhis.Summarizer().analyze("")
    assert (doc.summary, doc.keywords, doc.total_sentences, doc.total_words) == ([], [], 0, 0)
    assert talkhis.summarize_many([]) == []


def test_non_arabic_input():
    text = "The summit ended today with a deal on emissions. Rich countries pledged funds. The next summit is next year."
    summary = talkhis.summarize(text, sentences=1)
    assert len(summary) == 1 and text[summary[0].start:summary[0].end] == summary[0].text
    assert any(k.text == "summit" for k in talkhis.keywords(text))


def test_huge_input():
    huge = (SAMPLE + "\n") * 300  # about 2.3 MB, 12,000 sentences
    summary = talkhis.summarize(huge, sentences=3)
    assert len(summary) == 3
    for s in summary:
        assert huge[s.start:s.end] == s.text
    one_sentence = "ذهب الولد إلى المدرسة صباحا " * 100_000  # 5 MB without a full stop
    (only,) = talkhis.summarize(one_sentence)
    assert only.text == one_sentence.strip() and only.start == 0
    assert talkhis.keywords(one_sentence, 1)[0].count == 65_535  # the core's count saturates


def test_surrogates_are_not_an_error():
    text = "اختتمت قمة المناخ أعمالها \ud800 اليوم. وقال مراقبون إن القمة \udfff مهمة."
    for s in talkhis.summarize(text, sentences=2):
        assert text[s.start:s.end] == s.text
    assert "\ud800" in "".join(s.text for s in talkhis.summarize(text, sentences=2))


def test_docstring_examples():
    """The examples in the docstrings (Arabic included) run and give what they show."""
    objects = [talkhis, talkhis.summarize, talkhis.keywords, talkhis.summarize_many,
               talkhis.keywords_many, talkhis.Config, talkhis.Config.replace, talkhis.Summarizer,
               talkhis.Sentence, talkhis.Keyword, talkhis.CapacityError]
    failures = 0
    for obj in objects:
        assert obj.__doc__, obj
        finder = doctest.DocTestFinder(recurse=False)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        for test in finder.find(obj, name=getattr(obj, "__qualname__", "talkhis"), globs={}):
            failures += runner.run(test).failed
    assert failures == 0


def test_help_reads_well():
    text = __import__("pydoc").render_doc(talkhis, renderer=__import__("pydoc").plaintext)
    for name in ("summarize", "keywords", "Config", "Summarizer", "CapacityError", "تلخيص"):
        assert name in text
    assert "(text, *, sentences=None, words=None, ratio=None, config=None)" in text


def test_stubs_match_the_module():
    """The .pyi stubs list every Config field and every public name, with the defaults."""
    import ast
    from pathlib import Path

    stub = Path(talkhis.__file__).with_name("_talkhis.pyi")
    assert Path(talkhis.__file__).with_name("py.typed").is_file()
    tree = ast.parse(stub.read_text(encoding="utf-8"))
    classes = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}
    functions = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    for name in talkhis.__all__:
        if name not in ("CapacityError", "__version__"):
            assert name in classes or name in functions, name
    init = next(n for n in classes["Config"].body if isinstance(n, ast.FunctionDef) and n.name == "__new__")
    kwargs = [a.arg for a in init.args.kwonlyargs]
    assert tuple(kwargs) == talkhis.Config.fields()
    defaults = talkhis.Config().to_dict()
    for arg, default in zip(init.args.kwonlyargs, init.args.kw_defaults):
        if isinstance(default, ast.Constant) and default.value is not ...:
            assert defaults[arg.arg] == default.value, arg.arg


def test_stubs_pass_stubtest():
    """mypy's stubtest finds the stubs true to the module (names, signatures, types)."""
    import subprocess
    import sys

    pytest.importorskip("mypy")
    # From the tests' folder: `python -m` puts its working folder first on sys.path, and from
    # python/ that would be the source package (no compiled module), not the installed wheel.
    done = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "talkhis._talkhis"],
        capture_output=True,
        text=True,
        cwd=os.path.dirname(os.path.abspath(__file__)),
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_config_signature_lists_every_field():
    """help(talkhis.Config) and IDEs see every field with its default."""
    import inspect
    import sys

    if sys.version_info < (3, 10):
        pytest.skip("CPython 3.9 does not read the text signature of an abi3 class")

    params = inspect.signature(talkhis.Config).parameters
    assert tuple(params) == talkhis.Config.fields()
    defaults = talkhis.Config().to_dict()
    for name, param in params.items():
        assert param.kind is inspect.Parameter.KEYWORD_ONLY
        assert param.default == defaults.get(name), name

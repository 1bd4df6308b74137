"""Per-article time of talkhis next to sumy's LexRank and YAKE, on the same texts, in one run.

Not a test: run it by hand (figures depend on the machine), after installing the package:

    pip install sumy yake pyarabic      # pyarabic: sumy's Arabic tokenizer needs it
    python python/bench/bench.py        # the sample, and 1,000 articles (the ANT dev set, repeated)

It prints a Markdown table: milliseconds per article for the sample article and for 1,000
articles, talkhis serial (one call per article), talkhis batch (`summarize_many` /
`keywords_many`, one thread per core), sumy LexRank (3 sentences) and YAKE (10 keywords of up
to two words). A library that is not installed is left out, and said so.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import talkhis

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "tests" / "data" / "sample.txt"
# The ANT dev articles, under the corpora folder of docs/EVALUATION.md ($TALKHIS_DATA).
ANT = Path(os.environ.get("TALKHIS_DATA", "data")) / "ant-dev"


def corpus(n: int) -> list[str]:
    """`n` articles: the ANT dev set's, repeated (the sample alone if it is not there)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(ANT.glob("*/article.txt"))]
    if not texts:
        print(f"note: {ANT} not found, using the sample only", file=sys.stderr)
        texts = [SAMPLE.read_text(encoding="utf-8")]
    return [texts[i % len(texts)] for i in range(n)]


def per_article(fn, texts: list[str], rounds: int) -> float:
    """The best of `rounds` runs of `fn(texts)`, in milliseconds per article."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        fn(texts)
        best = min(best, time.perf_counter() - start)
    return best * 1000 / len(texts)


def baselines():
    """(name, function over a list of texts) of sumy LexRank and YAKE, if installed."""
    found = []
    try:
        from sumy.nlp.tokenizers import Tokenizer
        from sumy.parsers.plaintext import PlaintextParser
        from sumy.summarizers.lex_rank import LexRankSummarizer

        tokenizer = Tokenizer("arabic")
        lexrank = LexRankSummarizer()

        def sumy_lexrank(texts):
            for t in texts:
                lexrank(PlaintextParser.from_string(t, tokenizer).document, 3)

        sumy_lexrank(["جملة أولى. جملة ثانية."])  # fails here if pyarabic is missing
        found.append(("sumy LexRank, 3 sentences", sumy_lexrank))
    except Exception as e:  # noqa: BLE001 - any failure: leave it out and say why
        print(f"note: sumy left out: {e}", file=sys.stderr)
    try:
        import yake

        extractor = yake.KeywordExtractor(lan="ar", n=2, top=10)

        def yake_keywords(texts):
            for t in texts:
                extractor.extract_keywords(t)

        found.append(("YAKE, 10 keywords", yake_keywords))
    except Exception as e:  # noqa: BLE001
        print(f"note: YAKE left out: {e}", file=sys.stderr)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles in the batch (default 1000)")
    parser.add_argument("--rounds", type=int, default=5, help="runs of talkhis; the best counts")
    parser.add_argument(
        "--baseline-articles", type=int, default=None,
        help="time sumy and YAKE on only the first N of the articles (default: all)",
    )
    args = parser.parse_args()

    sample = [SAMPLE.read_text(encoding="utf-8")]
    articles = corpus(args.articles)
    chars = statistics.mean(len(t) for t in articles)
    rows = [
        ("talkhis summarize (serial)", lambda ts: [talkhis.summarize(t) for t in ts], True),
        ("talkhis keywords (serial)", lambda ts: [talkhis.keywords(t) for t in ts], True),
        ("talkhis analyze: both (serial)", lambda ts: [talkhis.Summarizer().analyze(t) for t in ts][:0], True),
        ("talkhis summarize_many (batch)", talkhis.summarize_many, True),
        ("talkhis keywords_many (batch)", talkhis.keywords_many, True),
    ]
    summarizer = talkhis.Summarizer()
    rows[2] = ("talkhis analyze: both (serial)", lambda ts: [summarizer.analyze(t) for t in ts], True)
    rows += [(name, fn, False) for name, fn in baselines()]

    print(f"talkhis {talkhis.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    print(f"sample: {len(sample[0])} characters; batch: {len(articles)} articles, "
          f"{chars:.0f} characters on average\n")
    print("| | sample, ms/article | 1,000 articles, ms/article |")
    print("|---|---:|---:|")
    for name, fn, ours in rows:
        rounds = args.rounds if ours else 1
        batch = articles if ours or args.baseline_articles is None else articles[: args.baseline_articles]
        one = per_article(fn, sample, max(rounds, 3) if ours else 3)
        many = per_article(fn, batch, rounds)
        note = "" if len(batch) == len(articles) else f" (first {len(batch)})"
        print(f"| {name} | {one:.3f} | {many:.3f}{note} |", flush=True)


if __name__ == "__main__":
    main()

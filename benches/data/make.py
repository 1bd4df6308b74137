#!/usr/bin/env python3
"""Builds the generated benchmark inputs of benches/data/ from the checked-in sources.

Sources: tests/data/sample.txt (the project's fixture), benches/data/original.txt (written for
this project). Outputs, all deterministic (seeded), so a rerun reproduces them byte for byte:

- medium.txt (~64 KB) and large.txt (~1 MB): news "articles" (headline, dateline, paragraphs)
  whose sentences are drawn from the sources, with about one word in eight replaced by a
  generated word (a random triliteral root poured into a common pattern, with clitics), so the
  vocabulary keeps growing with the text as it does in a real corpus instead of saturating at
  the few thousand stems of the sources.
- diacritized.txt: the sources with a mark on every consonant (fatha, kasra, damma, sukun,
  shadda, tanwin on word ends), as in fully vocalized text. The marks follow simple rules
  (a fatha before alef, damma before waw, kasra before yeh, sukun on the lam of the article,
  otherwise a seeded choice): the density is that of real vocalized text, the grammar is not.

Usage (from the repository root): python3 benches/data/make.py
"""

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "benches" / "data"

CONSONANTS = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
PATTERNS = [
    "{0}ا{1}{2}", "م{0}{1}و{2}", "ت{0}{1}ي{2}", "است{0}{1}ا{2}", "{0}{1}ي{2}", "م{0}{1}{2}ة",
    "{0}{1}{2}", "م{0}ا{1}{2}", "ا{0}ت{1}ا{2}", "ان{0}{1}ا{2}", "ت{0}ا{1}{2}", "م{0}{1}ا{2}",
]
PREFIXES = [("", 52), ("ال", 30), ("وال", 6), ("و", 6), ("بال", 3), ("لل", 3)]
SUFFIXES = [("", 70), ("ة", 12), ("ات", 6), ("ين", 4), ("ون", 3), ("ها", 3), ("هم", 2)]
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
          "أكتوبر", "نوفمبر", "ديسمبر"]
DAYS = ["السبت", "الأحد", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة"]
ARABIC_WORD = re.compile(r"^[\u0621-\u064A]{4,}$")


def weighted(rng, pairs):
    return rng.choices([p for p, _ in pairs], [w for _, w in pairs])[0]


def coined(rng):
    """A generated word: a Zipf-like choice among 28^3 roots, a pattern and clitics."""
    n = len(CONSONANTS)
    i = int((n ** 3) * rng.random() ** 3)
    root = (CONSONANTS[i % n], CONSONANTS[i // n % n], CONSONANTS[i // n // n % n])
    word = rng.choice(PATTERNS).format(*root)
    return weighted(rng, PREFIXES) + word + weighted(rng, SUFFIXES)


def vary(rng, sentence):
    out = []
    for word in sentence.split(" "):
        core = word.rstrip("،؛:.؟!\"»")
        if ARABIC_WORD.match(core) and rng.random() < 0.125:
            word = coined(rng) + word[len(core):]
        out.append(word)
    return " ".join(out)


def pools():
    """(headlines, body sentences) of the sources."""
    headlines, body = [], []
    for name in [ROOT / "tests" / "data" / "sample.txt", DATA / "original.txt"]:
        blocks = name.read_text(encoding="utf-8").split("\n\n")
        for block in blocks:
            lines = [l.strip() for l in block.splitlines() if l.strip()]
            for line in lines:
                if re.search(r"\d{2}:\d{2}", line) or line == "طباعة":
                    continue
                parts = re.split(r"(?<=[.؟!])\s+", line)
                if len(parts) == 1 and not line.endswith((".", "؟", "!")):
                    headlines.append(line)
                else:
                    body.extend(p for p in parts if len(p.split()) >= 3)
    return headlines, body


def article(rng, headlines, body):
    lines = [vary(rng, rng.choice(headlines))]
    lines.append("%s %d/%s/%d - %02d:%02d %s" % (
        rng.choice(DAYS), rng.randint(1, 28), rng.choice(MONTHS), rng.randint(2010, 2024),
        rng.randint(1, 12), rng.randint(0, 59), rng.choice("صم")))
    lines.append("طباعة")
    lines.append("")
    for _ in range(rng.randint(3, 7)):
        lines.append(" ".join(vary(rng, rng.choice(body)) for _ in range(rng.randint(1, 4))))
    return "\n".join(lines) + "\n"


def corpus(seed, size):
    rng = random.Random(seed)
    headlines, body = pools()
    out = []
    total = 0
    while total < size:
        a = article(rng, headlines, body)
        out.append(a)
        total += len(a.encode())
    return "\n".join(out)


FATHA, DAMMA, KASRA, SUKUN, SHADDA = "\u064E", "\u064F", "\u0650", "\u0652", "\u0651"
TANWIN = ["\u064B", "\u064C", "\u064D"]
LONG = "اىآ"


def vocalize_word(rng, word):
    out = []
    for i, c in enumerate(word):
        out.append(c)
        if not ("\u0621" <= c <= "\u064A") or c in LONG:
            continue
        nxt = word[i + 1] if i + 1 < len(word) else ""
        if i == 1 and word.startswith("ال") and len(word) > 3:
            out.append(SUKUN)
        elif nxt == "":
            out.append(rng.choice([DAMMA, KASRA, FATHA] + TANWIN))
        elif nxt in "اى":
            out.append(FATHA)
        elif nxt == "و":
            out.append(DAMMA)
        elif nxt == "ي":
            out.append(KASRA)
        elif rng.random() < 0.1:
            out.append(SHADDA + FATHA)
        else:
            out.append(rng.choice([FATHA, FATHA, KASRA, DAMMA, SUKUN]))
    return "".join(out)


def vocalize(seed, text):
    rng = random.Random(seed)
    return re.sub(r"[\u0621-\u064A]+", lambda m: vocalize_word(rng, m.group(0)), text)


def main():
    (DATA / "medium.txt").write_text(corpus(64, 64 * 1024), encoding="utf-8")
    (DATA / "large.txt").write_text(corpus(1024, 1024 * 1024), encoding="utf-8")
    sources = (ROOT / "tests" / "data" / "sample.txt").read_text(encoding="utf-8")
    sources += "\n" + (DATA / "original.txt").read_text(encoding="utf-8")
    (DATA / "diacritized.txt").write_text(vocalize(7, sources), encoding="utf-8")


if __name__ == "__main__":
    main()

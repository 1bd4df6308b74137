"""talkhis (تلخيص): fast, offline extractive summaries and keywords for Arabic text.

talkhis picks the sentences of an article that best carry its topic, in document order, and
its top keywords (words and two-word phrases), at tens of microseconds an article. It is the
Rust core of the ``talkhis`` command-line tool, with no model to download and no network.

Offsets are Python string indices: for every result ``r`` of a text ``t``,
``t[r.start:r.end] == r.text``.

>>> import talkhis
>>> text = ("قمة المناخ تختتم أعمالها\\n"
...         "اختتمت قمة المناخ أعمالها اليوم باتفاق على خفض الانبعاثات الكربونية. "
...         "وتعهدت الدول الصناعية بتمويل مشاريع الطاقة النظيفة في الدول النامية. "
...         "وقال مراقبون إن الاتفاق خطوة مهمة لكنه غير كاف لوقف الاحترار. "
...         "ومن المقرر أن تعقد القمة المقبلة في العام القادم.")
>>> for s in talkhis.summarize(text, sentences=2):
...     print(s.text)
اختتمت قمة المناخ أعمالها اليوم باتفاق على خفض الانبعاثات الكربونية.
وتعهدت الدول الصناعية بتمويل مشاريع الطاقة النظيفة في الدول النامية.
>>> [k.text for k in talkhis.keywords(text, 3)]
['قمة المناخ', 'الدول', 'أعمالها']

Functions:
    summarize(text, *, sentences | words | ratio, config) -> list[Sentence]
    keywords(text, k, *, config) -> list[Keyword]
    summarize_many(texts, ...), keywords_many(texts, ...): many texts in parallel threads

Classes:
    Config: the scoring weights (validated; ``Config.from_toml`` reads the CLI's files)
    Summarizer: a reusable scratch space; ``analyze`` gives a summary and keywords at once
    Sentence, Keyword, Document: the results
    CapacityError: a text too large (a ``ValueError``)

Every call releases the GIL, and the functions, ``Config`` and the results pickle, so the
same code runs in threads, in a ``ProcessPoolExecutor`` or on a cluster.
"""

from ._errors import CapacityError
from ._talkhis import (
    Config,
    Document,
    Keyword,
    Sentence,
    Summarizer,
    __version__,
    keywords,
    keywords_many,
    summarize,
    summarize_many,
)

__all__ = [
    "CapacityError",
    "Config",
    "Document",
    "Keyword",
    "Sentence",
    "Summarizer",
    "__version__",
    "keywords",
    "keywords_many",
    "summarize",
    "summarize_many",
]

"""Type stubs of the native module (re-exported by ``talkhis``)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any, Optional, Union, final

__all__ = [
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

__version__: str

@final
class Sentence:
    """A sentence of a summary: ``source[start:end] == text``."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def score(self) -> float: ...
    def __new__(cls, text: str, start: int, end: int, score: float) -> Sentence: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __getnewargs__(self) -> tuple[str, int, int, float]: ...

@final
class Keyword:
    """A keyword: ``source[start:end] == text``; ``count`` counts every form of the term."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def count(self) -> int: ...
    @property
    def score(self) -> float: ...
    def __new__(cls, text: str, start: int, end: int, count: int, score: float) -> Keyword: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __getnewargs__(self) -> tuple[str, int, int, int, float]: ...

@final
class Document:
    """The summary and keywords of one text, from ``Summarizer.analyze``."""

    @property
    def summary(self) -> list[Sentence]: ...
    @property
    def keywords(self) -> list[Keyword]: ...
    @property
    def total_sentences(self) -> int: ...
    @property
    def total_words(self) -> int: ...
    def __new__(
        cls,
        summary: list[Sentence],
        keywords: list[Keyword],
        total_sentences: int,
        total_words: int,
    ) -> Document: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __getnewargs__(self) -> tuple[list[Sentence], list[Keyword], int, int]: ...

@final
class Config:
    """Scoring weights and switches, and the default length and keyword count."""

    def __new__(
        cls,
        *,
        sentences: Optional[int] = ...,
        words: Optional[int] = ...,
        ratio: Optional[float] = ...,
        keywords: int = 10,
        content_weight: int = 25,
        position_weight: int = 100,
        position_decay: int = 500,
        lead_bonus: int = 300,
        headline_boost: int = 100,
        length_smoothing: int = 4,
        min_words: int = 4,
        redundancy: int = 700,
        headline_eligible: bool = True,
        fill: bool = True,
        keyword_position_decay: int = 200,
        lead_sentences: int = 1,
        topic_threshold: int = 2,
        phrase_weight: int = 200,
        phrase_min_count: int = 2,
    ) -> Config: ...
    @property
    def sentences(self) -> Optional[int]: ...
    @property
    def words(self) -> Optional[int]: ...
    @property
    def ratio(self) -> Optional[float]: ...
    @property
    def keywords(self) -> int: ...
    content_weight: int
    position_weight: int
    position_decay: int
    lead_bonus: int
    headline_boost: int
    length_smoothing: int
    min_words: int
    redundancy: int
    headline_eligible: bool
    fill: bool
    keyword_position_decay: int
    lead_sentences: int
    topic_threshold: int
    phrase_weight: int
    phrase_min_count: int
    def replace(self, **changes: Any) -> Config: ...
    @staticmethod
    def fields() -> tuple[str, ...]: ...
    def to_dict(self) -> dict[str, Union[int, float, bool]]: ...
    def to_toml(self) -> str: ...
    @staticmethod
    def from_toml(path: Union[str, os.PathLike[str]]) -> Config: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __getnewargs_ex__(self) -> tuple[tuple[()], dict[str, Any]]: ...

@final
class Summarizer:
    """A reusable scratch space with a configuration."""

    def __new__(
        cls,
        *,
        sentences: Optional[int] = None,
        terms: Optional[int] = None,
        config: Optional[Config] = None,
    ) -> Summarizer: ...
    def __getnewargs_ex__(self) -> tuple[tuple[()], dict[str, Any]]: ...
    @property
    def sentences(self) -> int: ...
    @property
    def terms(self) -> int: ...
    @property
    def config(self) -> Config: ...
    def summarize(
        self,
        text: str,
        *,
        sentences: Optional[int] = None,
        words: Optional[int] = None,
        ratio: Optional[float] = None,
        config: Optional[Config] = None,
    ) -> list[Sentence]: ...
    def keywords(
        self, text: str, k: Optional[int] = None, *, config: Optional[Config] = None
    ) -> list[Keyword]: ...
    def analyze(
        self,
        text: str,
        *,
        sentences: Optional[int] = None,
        words: Optional[int] = None,
        ratio: Optional[float] = None,
        k: Optional[int] = None,
        config: Optional[Config] = None,
    ) -> Document: ...

def summarize(
    text: str,
    *,
    sentences: Optional[int] = None,
    words: Optional[int] = None,
    ratio: Optional[float] = None,
    config: Optional[Config] = None,
) -> list[Sentence]: ...
def keywords(
    text: str, k: Optional[int] = None, *, config: Optional[Config] = None
) -> list[Keyword]: ...
def summarize_many(
    texts: Iterable[str],
    *,
    sentences: Optional[int] = None,
    words: Optional[int] = None,
    ratio: Optional[float] = None,
    config: Optional[Config] = None,
) -> list[list[Sentence]]: ...
def keywords_many(
    texts: Iterable[str], k: Optional[int] = None, *, config: Optional[Config] = None
) -> list[list[Keyword]]: ...

"""The exceptions of talkhis."""

from __future__ import annotations

from typing import Optional

__all__ = ["CapacityError"]


class CapacityError(ValueError):
    """A text needs more room than talkhis has: too many sentences or distinct terms.

    Attributes:
        which: the capacity that ran out: ``"sentences"``, ``"terms"`` or ``"text_bytes"``.
        limit: its limit (a text may have at most this many).
        advice: what to do (a larger ``Summarizer``, or split the text).
        at: the index of the character where it ran out, if known.
        index: the position of the text in a batch (``summarize_many``), else ``None``.

    >>> import talkhis
    >>> try:
    ...     talkhis.Summarizer(sentences=10).summarize("جملة. " * 2000)
    ... except talkhis.CapacityError as e:
    ...     print(e.which, e.limit)
    sentences 1024
    """

    def __init__(
        self,
        message: str,
        which: str,
        limit: int,
        advice: str,
        at: Optional[int] = None,
        index: Optional[int] = None,
    ) -> None:
        super().__init__(message)
        self.which = which
        self.limit = limit
        self.advice = advice
        self.at = at
        self.index = index

    def __reduce__(self):  # pickles with its attributes (for process pools)
        return (
            type(self),
            (self.args[0], self.which, self.limit, self.advice, self.at, self.index),
        )

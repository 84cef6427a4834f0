"""A line of the raw text as the cleaner sees it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    start: int  # in raw
    end: int
    text: str  # stripped; raw[start:end] with the ``cuts`` taken out
    reason: str | None  # None: kept in the body
    # Spans of raw[start:end] left out of ``text``: layout spaces, the breaks of joined lines.
    cuts: tuple[tuple[int, int], ...] = ()

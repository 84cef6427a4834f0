"""Offset conversion between Python code points and Qt's UTF-16 text positions.

Why: kb offsets count code points; QTextDocument counts UTF-16 units, so every character
outside the BMP (e.g. 𠮷) shifts all later positions by one.
"""

from __future__ import annotations

from bisect import bisect_right


class Utf16Map:
    """Converts offsets of one text; O(1) when the text has no astral characters."""

    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._len = len(text)

    def to_qt(self, offset: int) -> int:
        """Code-point offset → UTF-16 position."""
        offset = max(0, min(offset, self._len))
        return offset + bisect_right(self._astral, offset - 1) if self._astral else offset

    def from_qt(self, pos: int) -> int:
        """UTF-16 position → code-point offset (a position inside a pair maps to its start)."""
        lo, hi = 0, self._len
        while lo < hi:  # largest offset whose UTF-16 position is <= pos
            mid = (lo + hi + 1) // 2
            if self.to_qt(mid) <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def to_utf16(text: str, offset: int) -> int:
    """One-off conversion of a code-point offset in ``text`` to a UTF-16 position."""
    return utf16_len(text[:offset])

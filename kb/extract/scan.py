"""Longest-key scanning over a fixed set of names (regions, firms), in time linear in the text.

Trying every length at every character costs up to ``maxlen`` dictionary lookups per character;
a dictionary of the keys' prefixes stops the walk as soon as the text leaves every key, and a
pattern of the keys' first and second characters skips the text between candidates in C.
Only keys of two characters or more are matched (one character never names anything here).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable


def occurrences(text: str, word: str) -> list[tuple[int, int]]:
    """Non-overlapping spans of ``word`` (not empty) in ``text``, as ``re.finditer(re.escape(word))``
    gives them but without compiling a pattern per word."""
    out: list[tuple[int, int]] = []
    n = len(word)
    i = text.find(word)
    while i >= 0:
        out.append((i, i + n))
        i = text.find(word, i + n)
    return out


class KeyIndex:
    """Prefix index of a key set: all keys starting at a position, longest first, and greedy scans."""

    def __init__(self, keys: Iterable[str]) -> None:
        keys = [k for k in keys if len(k) >= 2]
        self._prefix: dict[str, bool] = {}  # prefix (2+ chars) -> is it a key itself
        for k in keys:
            for j in range(2, len(k)):
                self._prefix.setdefault(k[:j], False)
        for k in keys:
            self._prefix[k] = True
        firsts = sorted({k[0] for k in keys})
        self._first = re.compile("[" + "".join(re.escape(c) for c in firsts) + "]") if firsts else None
        # Where a key may start: a first character followed by a second one (a zero-width match at
        # each such position, overlapping): most first characters of a text open no key.
        seconds = sorted({k[1] for k in keys})
        self._start = re.compile("(?=[" + "".join(map(re.escape, firsts)) + "][" + "".join(map(re.escape, seconds))
                                 + "])") if firsts else None

    def next_start(self, text: str, pos: int) -> int:
        """The first position >= ``pos`` whose character opens some key, -1 when none."""
        if self._first is None:
            return -1
        m = self._first.search(text, pos)
        return m.start() if m else -1

    def ends(self, text: str, i: int) -> list[int]:
        """Every ``j`` with ``text[i:j]`` a key, shortest first."""
        get = self._prefix.get
        n = len(text)
        out: list[int] = []
        j = i + 2
        while j <= n:
            v = get(text[i:j])
            if v is None:
                break
            if v:
                out.append(j)
            j += 1
        return out

    def scan(self, text: str) -> list[tuple[int, int]]:
        """Left to right, the longest key at each position; after a match, go on from its end."""
        out: list[tuple[int, int]] = []
        if self._start is None:
            return out
        get = self._prefix.get
        n = len(text)
        i = 0
        for m in self._start.finditer(text):
            p = m.start()
            if p < i:
                continue  # inside the last match
            best = 0
            j = p + 2
            while j <= n:
                v = get(text[p:j])
                if v is None:
                    break
                if v:
                    best = j
                j += 1
            if best:
                out.append((p, best))
                i = best
        return out


class SpanSet:
    """Spans kept sorted by start, for "which spans overlap or cover this one" without a full scan.

    Names are short, so a query only looks at spans starting within the longest span's length
    before it.
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._spans: list[tuple[int, int]] = sorted(spans)
        self._maxlen = max((e - s for s, e in self._spans), default=0)

    def add(self, span: tuple[int, int]) -> None:
        bisect.insort(self._spans, span)
        self._maxlen = max(self._maxlen, span[1] - span[0])

    def near(self, s: int, e: int) -> list[tuple[int, int]]:
        """Every span that overlaps [s, e) (and a few that start close before it)."""
        lo = bisect.bisect_left(self._spans, (s - self._maxlen, -1))
        hi = bisect.bisect_left(self._spans, (e, -1))
        return [sp for sp in self._spans[lo:hi] if sp[1] > s]


def trie_pattern(words: Iterable[str]) -> str:
    """A regular expression that matches the same strings as ``"|".join(words)`` with the longest
    word preferred at each position, written as a prefix tree (Python's re tries alternatives one by
    one; a tree rejects most positions after one character)."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)

"""Highlight spans and snippets cut from offsets, without re-tokenising.

Whoosh's ``hit.highlights()`` re-analyses every hit and dominated query time;
a verbatim scan of the normalised passage for each positive term is both
faster and exactly what the grams field matched.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from kb.search.analyzer import normalise
from kb.search.textform import squeeze, squeeze_map, unsqueeze_span

log = logging.getLogger(__name__)

ELLIPSIS = "…"
_SENTENCE_END = "。！？!?；;\n"
_BOUNDARY_SLACK = 20  # how far past the window a sentence boundary may pull the cut


def term_spans(text: str, terms: Sequence[str]) -> dict[str, list[tuple[int, int]]]:
    """Per term, every occurrence in ``text`` (terms that do not occur are left out).

    Both sides are compared in matching form (t2s, half width, lower case, layout spaces inside
    Chinese removed: ``kb.search.textform``); the spans index the original ``text`` and may
    cover such spaces ("500 万元" for 500万元).
    """
    out: dict[str, list[tuple[int, int]]] = {}
    if not text or not terms:
        return out
    form, keep = squeeze_map(normalise(text))
    for term in terms:
        t = squeeze(normalise(term).strip())
        if not t:
            continue
        i = form.find(t)
        while i >= 0:
            out.setdefault(term, []).append(unsqueeze_span(keep, i, i + len(t)))
            i = form.find(t, i + 1)
    return out


def highlight_spans(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """Every occurrence of each term in ``text`` (see ``term_spans``), merged and sorted."""
    return merge_spans([s for spans in term_spans(text, terms).values() for s in spans])


def merge_spans(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted union of overlapping or touching spans."""
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            if e > merged[-1][1]:
                merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _cut_start(text: str, start: int, lo: int) -> int:
    """Move ``start`` back to just after a sentence end within ``lo..start``, if any."""
    for i in range(start - 1, max(lo, 0) - 1, -1):
        if text[i] in _SENTENCE_END:
            return i + 1
    return start


def _cut_end(text: str, end: int, hi: int) -> int:
    """Move ``end`` forward to just after a sentence end within ``end..hi``, if any."""
    for i in range(max(end - 1, 0), min(hi, len(text))):
        if text[i] in _SENTENCE_END:
            return i + 1
    return end


def make_snippet(
    text: str, spans: Sequence[tuple[int, int]], width: int = 90
) -> tuple[str, list[tuple[int, int]]]:
    """A one-line excerpt of about ``width`` characters around the first span.

    Returns the snippet and the spans that fall in it, relative to the snippet
    (so ``snippet[s:e]`` is the highlighted text). The window is centred on the
    first span, snaps to a nearby sentence boundary, and is marked with "…"
    where text was cut. Newlines become spaces (same length).
    """
    width = max(width, 10)
    n = len(text)
    spans = sorted((max(0, s), min(n, e)) for s, e in spans if e > s and s < n)
    if n <= width:
        start, end = 0, n
    else:
        if spans:
            fs, fe = spans[0]
            centre = (fs + fe) // 2
            start = max(0, centre - width // 2)
            start = min(start, fs)
        else:
            start = 0
        end = min(n, start + width)
        if end == n:
            start = max(0, n - width)
        first_start = spans[0][0] if spans else start
        if start > 0:
            snapped = _cut_start(text, first_start, start - _BOUNDARY_SLACK)
            if snapped <= first_start and first_start - snapped <= width // 2:
                start = snapped
                end = min(n, start + width)
        if end < n:
            end = _cut_end(text, end, end + _BOUNDARY_SLACK)
    body = text[start:end].replace("\r", " ").replace("\n", " ").replace("\t", " ")
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < n else ""
    shift = len(prefix) - start
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if e <= start or s >= end:
            continue
        out.append((max(s, start) + shift, min(e, end) + shift))
    return prefix + body + suffix, out

"""Where a note's quote lies in a document, and where it went in a new version of it.

Why the anchor has several parts: a note stores the document's content hash, the quote, ~30
characters of context either side and the offsets. When a new version of the file replaces the
document, the note is found again by exact quote near the old place, then ignoring whitespace and
width, then by its unchanged context, then fuzzily; a note that cannot be found is orphaned.
Pure functions: the notes part (``kb.notes``) stores what they find.
"""

from __future__ import annotations

import difflib
import re

CONTEXT_CHARS = 30
FUZZY_THRESHOLD = 0.72
_FOLD = {0x3000: " ", **{c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}}


def fold(text: str) -> str:
    """Full-width → half-width, lower case; keeps the length so offsets stay valid."""
    return text.translate(_FOLD).lower()


def squeeze(text: str) -> tuple[str, list[int]]:
    """The text without whitespace, plus each kept character's offset in ``text``."""
    keep = [i for i, ch in enumerate(text) if not ch.isspace()]
    return "".join(fold(text[i]) for i in keep), keep


def occurrences(body: str, text: str) -> list[int]:
    """Where ``text`` starts in ``body``, every time (overlaps too); [] for an empty text."""
    out, i = [], body.find(text) if text else -1
    while i >= 0:
        out.append(i)
        i = body.find(text, i + 1)
    return out


def find_quote(body: str, quote: str, near: int | None = None) -> tuple[int, int] | None:
    """Offsets of ``quote`` in ``body``: exact, else ignoring whitespace and width; nearest ``near``."""
    if not quote.strip():
        return None
    spans = [(m.start(), m.start() + len(quote)) for m in re.finditer(re.escape(quote), body)]
    if not spans:
        squeezed, keep = squeeze(body)
        needle, _ = squeeze(quote)
        i = squeezed.find(needle)
        while i >= 0 and needle:
            spans.append((keep[i], keep[i + len(needle) - 1] + 1))
            i = squeezed.find(needle, i + 1)
    if not spans:
        return None
    if near is None:
        return spans[0]
    return min(spans, key=lambda s: abs(s[0] - near))


def _context_score(body: str, span: tuple[int, int], prefix: str, suffix: str) -> float:
    before = body[max(0, span[0] - len(prefix)) : span[0]]
    after = body[span[1] : span[1] + len(suffix)]
    a = difflib.SequenceMatcher(None, before, prefix).ratio() if prefix else 0.0
    b = difflib.SequenceMatcher(None, after, suffix).ratio() if suffix else 0.0
    return a + b


def relocate(body: str, quote: str, prefix: str, suffix: str, old_start: int | None) -> tuple[int, int] | None:
    """Where a note's quote went in a new version of its document, or None (orphaned)."""
    exact = [(m.start(), m.start() + len(quote)) for m in re.finditer(re.escape(quote), body)] if quote else []
    if exact:
        near = old_start or 0
        return max(exact, key=lambda s: (_context_score(body, s, prefix, suffix), -abs(s[0] - near)))
    loose = find_quote(body, quote, old_start)
    if loose:
        return loose
    by_context = _between_context(body, quote, prefix, suffix)
    if by_context:
        return by_context
    return _fuzzy(body, quote, old_start)


def _between_context(body: str, quote: str, prefix: str, suffix: str) -> tuple[int, int] | None:
    """The edited quote still sits between its unchanged neighbours."""
    pre, suf = prefix[-12:], suffix[:12]
    if len(pre) < 6 or len(suf) < 6:
        return None
    for m in re.finditer(re.escape(pre), body):
        start = m.end()
        end = body.find(suf, start, start + 2 * len(quote) + 40)
        if end > start and difflib.SequenceMatcher(None, body[start:end], quote).ratio() >= 0.5:
            return start, end
    return None


def _fuzzy(body: str, quote: str, old_start: int | None) -> tuple[int, int] | None:
    """Best window whose similarity to the quote passes ``FUZZY_THRESHOLD``.

    Candidates come from 3-character pieces of the quote found in the body (each votes for the
    quote's start), so the cost stays linear in the body rather than quadratic.
    """
    n = len(quote)
    if n < 4:
        return None
    votes: dict[int, int] = {}
    for k in range(0, n - 2, max(1, n // 40)):
        piece = quote[k : k + 3]
        for m in re.finditer(re.escape(piece), body):
            bucket = (m.start() - k) // 8
            votes[bucket] = votes.get(bucket, 0) + 1
    best: tuple[float, int, int] | None = None
    for bucket, _ in sorted(votes.items(), key=lambda kv: -kv[1])[:12]:
        lo = max(0, bucket * 8 - n // 2)
        window = body[lo : bucket * 8 + n + n // 2 + 8]
        sm = difflib.SequenceMatcher(None, window, quote, autojunk=False)
        blocks = [b for b in sm.get_matching_blocks() if b.size]
        if not blocks:
            continue
        s, e = lo + blocks[0].a, lo + blocks[-1].a + blocks[-1].size
        ratio = difflib.SequenceMatcher(None, body[s:e], quote, autojunk=False).ratio()
        dist = abs(s - old_start) if old_start is not None else 0
        if ratio >= FUZZY_THRESHOLD and (best is None or (ratio, -dist) > (best[0], -abs(best[1] - (old_start or 0)))):
            best = (ratio, s, e)
    return (best[1], best[2]) if best else None


def anchor_at(body: str, s: int, e: int) -> dict[str, object]:
    """The stored anchor of the span ``s..e`` of ``body``: quote, offsets and context."""
    return {"quote": body[s:e], "start": s, "end": e, "prefix": body[max(0, s - CONTEXT_CHARS) : s],
            "suffix": body[e : e + CONTEXT_CHARS]}

"""The matching form of a text: layout whitespace inside Chinese text removed, with an offset map.

PDF text layers and hard-wrapped pages put spaces and line breaks between Chinese characters and
digits ("2023年 12 月 15 日", "500 万元奖励"). Whitespace touching a CJK character or CJK
punctuation carries no meaning in Chinese, so the index stores, and queries are matched in, a form
without it; whitespace between two Latin letters or two numbers ("VR AR", "2023 12") stays.
Both the index and the query apply ``squeeze`` to the normalised text, so a query typed with or
without those spaces finds both spellings, also in documents imported before the ingest step
removed them. ``squeeze_map`` gives the kept positions to map a match back to the displayed text.
"""

from __future__ import annotations

import re

_CJK = "\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2014-\u2026"
_GAP = re.compile(rf"(?<=[{_CJK}])\s+(?=\S)|(?<=\S)\s+(?=[{_CJK}])")


def squeeze(text: str) -> str:
    """``text`` without whitespace runs that touch a CJK character (see the module docstring)."""
    return _GAP.sub("", text) if " " in text or "\n" in text or "\t" in text or "\r" in text else text


def squeeze_map(text: str) -> tuple[str, list[int] | None]:
    """The squeezed text and, when anything was removed, the position in ``text`` of each kept character."""
    gaps = [(m.start(), m.end()) for m in _GAP.finditer(text)]
    if not gaps:
        return text, None
    keep: list[int] = []
    pos = 0
    for s, e in gaps:
        keep.extend(range(pos, s))
        pos = e
    keep.extend(range(pos, len(text)))
    return "".join(map(text.__getitem__, keep)), keep


def unsqueeze_span(keep: list[int] | None, start: int, end: int) -> tuple[int, int]:
    """A span of the squeezed text as a span of the original text (it may now cover spaces)."""
    if keep is None:
        return start, end
    return keep[start], keep[end - 1] + 1

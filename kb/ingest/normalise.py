"""The search form of a text: Simplified, half-width, lower-case, with odd spaces made plain.

The one hard rule is ``len(normalise(t)) == len(t)``: every offset found in the search form is an
offset into the displayed text, so highlights and snippets never drift.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

import opencc

log = logging.getLogger(__name__)

_CONVERTER = opencc.OpenCC("t2s")
# Full-width sentence punctuation stays: it is how Chinese is written, not a width variant.
_KEEP_FULLWIDTH = set("，！？：；")
_SPACES = (
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
)


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xFF01, 0xFF5F):
        ch = chr(code)
        if ch not in _KEEP_FULLWIDTH:
            table[code] = chr(code - 0xFEE0)
    for ch in _SPACES:
        table[ord(ch)] = " "
    return table


_WIDTH = _build_table()
_UPPER = re.compile(r"[A-Z]+")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=65536)
def _char_t2s(ch: str) -> str:
    out = _CONVERTER.convert(ch)
    return out if len(out) == 1 else ch


def _t2s(text: str) -> str:
    """Convert line by line; a line whose length would change falls back to char by char."""
    if not _HAN.search(text):
        return text
    parts = []
    for line in text.split("\n"):
        if not _HAN.search(line):
            parts.append(line)
            continue
        out = _CONVERTER.convert(line)
        if len(out) != len(line):
            out = "".join(_char_t2s(c) for c in line)
        parts.append(out)
    return "\n".join(parts)


def to_simplified(text: str) -> str:
    """``text`` in Simplified characters, one for one (nothing else folded): 廣東省 → 广东省."""
    return _t2s(text)


def normalise(text: str) -> str:
    """Search form of ``text`` with exactly the same length (see module docstring)."""
    out = _t2s(text).translate(_WIDTH)
    out = _UPPER.sub(lambda m: m.group(0).lower(), out)
    if len(out) != len(text):  # pragma: no cover - guarded by the fallbacks above
        log.error("normalise changed the length; falling back to width folding only")
        out = _UPPER.sub(lambda m: m.group(0).lower(), text.translate(_WIDTH))
    assert len(out) == len(text)
    return out

"""The search form of a text: Simplified, half-width, lower-case, with odd spaces made plain.

The one hard rule is ``len(normalise(t)) == len(t)``: every offset found in the search form is an
offset into the displayed text, so highlights and snippets never drift.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

import opencc

from kb.ingest.t2s_chars import CHANGEABLE as _CHANGEABLE

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
_WIDE_RUN = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_WIDTH)) + "]+")  # what _WIDTH maps


def _fold_width(m: re.Match[str]) -> str:
    return m.group().translate(_WIDTH)
_UPPER = re.compile(r"[A-Z]+")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")  # lines without one are left as they are


@lru_cache(maxsize=65536)
def _char_t2s(ch: str) -> str:
    out = _CONVERTER.convert(ch)
    return out if len(out) == 1 else ch


_LINES: dict[str, str] = {}  # lines converted lately -> their form (a body's lines come back as passages)
_LINES_MAX = 4096
_LINES_CHARS_MAX = 1 << 20  # and at most this many characters of them (a scraped page may be one long line)
_lines_chars = 0


def _t2s(text: str) -> str:
    """Convert line by line: no conversion entry spans a line break or holds anything but
    ideographs, so each line converts alone as it does inside the whole. A line is converted once
    (cleaning, the gazetteer and the passages' forms read the same lines again); a line without a
    changeable character is its own form, and a line whose length would change falls back to char
    by char."""
    global _LINES, _lines_chars
    if _CHANGEABLE.isdisjoint(text) or not _HAN.search(text):
        return text
    known = _LINES.get(text)
    if known is not None:
        return known
    lines = text.split("\n")
    outs = [line if _CHANGEABLE.isdisjoint(line) else _LINES.get(line) for line in lines]
    todo = [i for i, out in enumerate(outs) if out is None]
    if todo:
        done = _CONVERTER.convert("\n".join([lines[i] for i in todo])).split("\n")
        if len(done) != len(todo):  # pragma: no cover - the converter never adds or drops a break
            done = [_CONVERTER.convert(lines[i]) for i in todo]
        added = sum(len(lines[i]) for i in todo)
        if len(_LINES) > _LINES_MAX or _lines_chars + added > _LINES_CHARS_MAX:
            _LINES, _lines_chars = {}, 0  # rebinding, not clearing: safe if threads convert at once
        _lines_chars += added
        for i, conv in zip(todo, done, strict=True):
            outs[i] = _LINES[lines[i]] = _line_t2s(lines[i], conv)
    out = "\n".join(outs)  # type: ignore[arg-type]  # every None was filled
    return text if out == text else out


def _line_t2s(line: str, conv: str) -> str:
    """The converter's form of one line, or char by char when it changed the length (or the line
    holds no ideograph of ``_HAN``)."""
    if conv != line and (len(conv) != len(line) or not _HAN.search(line)):
        return "".join(_char_t2s(c) for c in line) if _HAN.search(line) else line
    return conv


def to_simplified(text: str) -> str:
    """``text`` in Simplified characters, one for one (nothing else folded): 廣東省 → 广东省."""
    return _t2s(text)


def normalise(text: str) -> str:
    """Search form of ``text`` with exactly the same length (see module docstring)."""
    out = _WIDE_RUN.sub(_fold_width, _t2s(text))  # translate() alone reads every character: 5x slower
    out = _UPPER.sub(lambda m: m.group(0).lower(), out)
    if len(out) != len(text):  # pragma: no cover - guarded by the fallbacks above
        log.error("normalise changed the length; falling back to width folding only")
        out = _UPPER.sub(lambda m: m.group(0).lower(), text.translate(_WIDTH))
    assert len(out) == len(text)
    return out

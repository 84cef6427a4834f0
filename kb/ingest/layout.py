"""Layout left in extracted text: spaces from glyph positions, lines hard-wrapped at the page width.

A PDF text layer reads "到 2025 年 , 对 … 给予 500 万元奖励" and breaks every sentence at the
margin, so a verbatim search for "500万元奖励" or "2025年" misses a PDF that the same text as HTML
would match. Before cleaning, hard-wrapped lines are joined; after cleaning, spaces at the
boundaries of Chinese text are dropped from the kept lines. Nothing leaves ``raw``: every dropped
space or line break is a cut in raw coordinates (a "layout" removed span), so the body is still the
raw text with the removed spans taken out. Spaces inside Latin text ("5G SA", "OS 2.0"), between
two numbers, after a list marker ("第一章 总则", "1 总体目标") and runs wide enough to separate
columns are kept; between two words of Chinese only where the source sets them as layout (PDF, or
text copied out of one); letter-spacing ("国 家 数 据 局", a padded name) goes everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kb.ingest.lines import Line
from kb.ingest.rules import DOCNO_LINE, classify, is_signature

SOURCES = ("pdf", "text", "blocks")  # what the reader produced: a PDF text layer, plain text, blocks
_END_PUNCT = tuple("。！？；：:;!?”」』）)】")
_WIDE = frozenset("HPD")
_MARKER = re.compile(
    r"^(?:#+|第\s*[\d一二三四五六七八九十百零〇两]+\s*(?:章|节|条|编|篇|款|部分)|[一二三四五六七八九十百]+\s*[、.．]"
    r"|[(（]\s*[\d一二三四五六七八九十百]+\s*[)）]|\d{1,2}(?:\.\d{1,2})*[.．、]?|[①-⑳]"
    r"|[•·●○◆◇■□▪►▶▷▲△※√✓✔☆★*>—–-]+)(?=[ \u00a0\u3000])"
)
_HEAD_START = re.compile(
    r"^(?:#|第\s*[\d一二三四五六七八九十百零〇两]+\s*(?:章|节|条|编|篇|款|部分)|[一二三四五六七八九十百]+\s*[、.．]"
    r"|[(（]\s*[\d一二三四五六七八九十百]+\s*[)）]|\d{1,2}(?:[.．、](?!\d)|\s)|[①-⑳]|[•·●○◆◇■□▪►▶▷▲△※√✓✔☆★*>—–-])"
)
_BARE_NUMBER = re.compile(r"[—–-]*\s*\d{1,4}\s*[—–-]*")
_MIN_FULL = 2
_HAN_CLASS = "[\u3400-\u9fff\uf900-\ufaff]"
_LETTER_SPACED = re.compile(rf"(?<!{_HAN_CLASS}){_HAN_CLASS}(?:[ \u00a0\u3000]{_HAN_CLASS}(?!{_HAN_CLASS}))+")
_PDF_SPACES = re.compile(r"[ \u00a0\u3000\u2002\u2003\u2009]+")
_TEXT_SPACES = re.compile(r"[ \u00a0]+")
_H = "\u2e80-\u2fff\u3040-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"  # what _kind calls "H"
_HAN_RUN = re.compile(f"[{_H}]+")
_SPACED_HAN = re.compile(f"(?<=[{_H}])[ \u00a0]+(?=[{_H}])")  # a _TEXT_SPACES run between two


@dataclass(frozen=True)
class Layout:
    join: bool  # join lines hard-wrapped at a fixed width
    cjk_spaces: bool  # a space between two ideographs is layout, not a separator
    max_run: int  # longest run of spaces dropped (wider ones separate columns)


BLOCKS = Layout(join=False, cjk_spaces=False, max_run=1)


def detect(source: str, lines: Sequence[Line]) -> Layout:
    """How much layout to undo: PDF text layers fully, plain text as far as it shows PDF habits."""
    if source == "pdf":
        return Layout(join=True, cjk_spaces=True, max_run=2)
    if source == "text":
        pdfish = _spaced_ideographs(lines)
        return Layout(join=_hard_wrapped(lines), cjk_spaces=pdfish, max_run=2 if pdfish else 1)
    return BLOCKS


def _spaced_ideographs(lines: Sequence[Line]) -> bool:
    """Text copied out of a PDF puts spaces between ideographs everywhere, not once in a name."""
    text = "\n".join(line.text for line in lines)  # no run of spaces crosses a line break
    han = sum(map(len, _HAN_RUN.findall(text)))
    return han >= 200 and len(_SPACED_HAN.findall(text)) >= 0.02 * han


def _full_width(lines: Sequence[Line]) -> int:
    lengths = sorted(len(line.text) for line in lines)
    return lengths[int(len(lengths) * 0.9) - 1 if len(lengths) > 1 else 0] if lengths else 0


def _hard_wrapped(lines: Sequence[Line]) -> bool:
    """Plain text wrapped at a fixed width: many lines at the full width that end mid-sentence."""
    full = _full_width(lines)
    open_ended = sum(1 for line in lines if _is_full(line.text, full) and not line.text.endswith(_END_PUNCT))
    return full >= 15 and open_ended >= 5 and open_ended >= 0.3 * len(lines)


def _is_full(text: str, full: int) -> bool:
    return full >= 15 and len(text) >= 0.85 * full


def join_wrapped(lines: list[Line], raw: str, layout: Layout) -> list[Line]:
    """Join each line the page width broke to the line that continues it (cut: the break)."""
    if not layout.join or len(lines) < 2:
        return lines
    full = _full_width(lines)
    if sum(1 for line in lines if 0.85 * full <= len(line.text) <= 1.1 * full) < _MIN_FULL:
        return lines  # too few lines end at one margin to tell where it is
    out = [lines[0]]
    last_piece = lines[0].text  # the physical line ending the joined one
    for line in lines[1:]:
        prev = out[-1]
        if _continues(prev, last_piece, line, raw, full):
            cuts = (*prev.cuts, (prev.end, line.start), *line.cuts)
            out[-1] = Line(prev.start, line.end, prev.text + line.text, None, cuts)
        else:
            out.append(line)
        last_piece = line.text
    return out


def _continues(prev: Line, last_piece: str, line: Line, raw: str, full: int) -> bool:
    """Is ``line`` the rest of a sentence that ``prev`` left open at the right margin?"""
    gap = raw[prev.end : line.start]
    if gap.count("\n") != 1 or not _is_full(last_piece, full) or last_piece.endswith(_END_PUNCT):
        return False
    a, b = prev.text[-1], line.text[0]
    if a.isascii() and a.isalnum() and b.isascii() and b.isalnum():
        return False  # a Latin word break would need a space the raw text does not have
    if len(gap) - gap.index("\n") - 1 > _indent(raw, prev.end):
        return False  # the next line is indented further: a new paragraph
    text = line.text
    if _HEAD_START.match(text) or _BARE_NUMBER.fullmatch(text) or DOCNO_LINE.match(text) or is_signature(text):
        return False
    return classify(text) is None and classify(last_piece) is None


def _indent(raw: str, pos: int) -> int:
    """Indentation of the physical line holding ``pos``."""
    begin = raw.rfind("\n", 0, pos) + 1
    line = raw[begin:pos]
    return len(line) - len(line.lstrip(" \t\u3000\u00a0"))


def tidy(line: Line, layout: Layout) -> Line:
    """``line`` without the layout spaces inside it (see module docstring)."""
    text = line.text
    spaces = _PDF_SPACES if layout.max_run > 1 else _TEXT_SPACES
    marker = _MARKER.match(text)
    start = marker.end() if marker else 0
    found = _letter_spacing(text, start)
    for m in spaces.finditer(text, start):
        i, j = m.span()
        if i > start and j < len(text) and j - i <= layout.max_run and _removable(text[i - 1], text[j], layout):
            found.add((i, j))
    drop = sorted(found)
    if not drop:
        return line
    pieces, pos = [], 0
    for i, j in drop:
        pieces.append(text[pos:i])
        pos = j
    pieces.append(text[pos:])
    cuts = [(_to_raw(line, i), _to_raw(line, j - 1) + 1) for i, j in drop]
    return Line(line.start, line.end, "".join(pieces), line.reason, tuple(sorted((*line.cuts, *cuts))))


def _letter_spacing(text: str, start: int) -> set[tuple[int, int]]:
    """Separators inside letter-spaced runs ("国 家 数 据 局", "通　知", a name padded to width):
    padding, not word breaks, in any source."""
    out: set[tuple[int, int]] = set()
    for run in _LETTER_SPACED.finditer(text, start):
        out.update((k, k + 1) for k in range(run.start() + 1, run.end(), 2))
    return out


def _to_raw(line: Line, i: int) -> int:
    """Raw offset of ``line.text[i]``."""
    pos = line.start + i
    for s, e in line.cuts:  # sorted; each cut before the character shifts it right
        if s <= pos:
            pos += e - s
        else:
            break
    return pos


def _removable(a: str, b: str, layout: Layout) -> bool:
    ka, kb = _kind(a), _kind(b)
    if ka in _WIDE and kb in _WIDE:
        if ka == kb == "D":
            return False  # two numbers
        return layout.cjk_spaces if ka == kb == "H" else True
    return {ka, kb} in ({"H", "L"}, {"P", "L"}, {"H", "O"}, {"P", "O"})


def _kind(ch: str) -> str:
    """H ideograph, P CJK or typographic punctuation, D digit, L Latin letter, O ASCII symbol, X other."""
    o = ord(ch)
    if 0x30 <= o <= 0x39 or 0xFF10 <= o <= 0xFF19:
        return "D"
    if o < 0x80:
        return "L" if ch.isalpha() else "O"
    if 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or 0x2010 <= o <= 0x206F or 0xFE30 <= o <= 0xFE4F:
        return "P"
    if 0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3FFFF:
        return "H"
    return "X"

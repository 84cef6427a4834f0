"""Citations in the usual Chinese form: 《标题》，来源，日期，章节，文件名.

Pure functions over ``kb.models`` rows, so the reader's "Copy citation" and its tests agree.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kb.models import Document, Passage

SEPARATOR = "，"


def book_title(title: str) -> str:
    """``title`` in 《》; book marks inside it become 〈〉, as a nested title is written."""
    inner = title.strip().replace("《", "〈").replace("》", "〉")
    return f"《{inner}》" if inner else ""


def section_at(passages: Sequence[Passage], offset: int) -> str:
    """The section path of the passage holding body ``offset`` (the last one starting before it)."""
    if not passages:
        return ""
    starts = [p.start for p in passages]
    i = bisect.bisect_right(starts, offset) - 1
    return passages[max(0, i)].section


def citation(doc: Document, section: str = "") -> str:
    """《标题》，来源，日期，章节，文件名 — empty parts left out; the issuer stands in for a missing source."""
    parts = [book_title(doc.title), doc.source or doc.issuer or "", doc.date or "", section.strip(), doc.name]
    return SEPARATOR.join(p for p in parts if p)

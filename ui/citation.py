"""The reader's "Copy citation": the GB/T 7714 reference of ``kb.citation``, plus the section.

Pure functions over ``kb.models`` rows, so the reader's "Copy citation" and its tests agree. The
URL and access date come from the document's ``url``/``accessed`` fields once the store keeps them;
until then the import date stands for the access date.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from kb.citation import access_date, book_title, doc_url, format_gbt7714

if TYPE_CHECKING:
    from kb.models import Document, Passage

__all__ = ["book_title", "citation", "section_at"]


def section_at(passages: Sequence[Passage], offset: int) -> str:
    """The section path of the passage holding body ``offset`` (the last one starting before it)."""
    if not passages:
        return ""
    starts = [p.start for p in passages]
    i = bisect.bisect_right(starts, offset) - 1
    return passages[max(0, i)].section


def citation(doc: Document, section: str = "", *, url: str | None = None, accessed: date | str | None = None) -> str:
    """GB/T 7714 reference of ``doc`` followed by （section）; today stands in for an unknown access date."""
    return format_gbt7714(
        doc,
        accessed=accessed or access_date(doc) or date.today(),
        url=url if url is not None else doc_url(doc),
        section=section or None,
    )

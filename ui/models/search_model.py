"""Ranked search hits, each rendered as rich text (title, where, snippet with hits)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from ui.labels import HIT_COLOUR
from ui.models.base import Index, RowTableModel

if TYPE_CHECKING:
    from kb.models import SearchHit

HTML_ROLE = Qt.ItemDataRole.UserRole + 10


def highlight_html(text: str, spans: tuple[tuple[int, int], ...] | list[tuple[int, int]]) -> str:
    """Escape ``text`` and wrap each span (code-point offsets) in a highlight; spans may overlap."""
    out: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        start, end = max(start, pos), min(end, len(text))
        if end <= start:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f'<span style="background-color:{HIT_COLOUR}"><b>{html.escape(text[start:end])}</b></span>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def hit_html(hit: SearchHit, rank: int) -> str:
    """The result card: rank and title, then region / section / file, then the snippet."""
    where = " · ".join(html.escape(p) for p in (hit.region or "", hit.section) if p)
    return (
        f'<div><b>{rank}. {html.escape(hit.title)}</b></div>'
        f'<div style="color:#666666">{where}</div>'
        f"<div>{highlight_html(hit.snippet, hit.snippet_highlights)}</div>"
    )


class SearchHitModel(RowTableModel["SearchHit"]):
    """One row per hit, in rank order."""

    CONTEXT = "SearchHitModel"
    COL_TITLE, COL_REGION, COL_SECTION, COL_SNIPPET = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("SearchHitModel", "Title"),
        QT_TRANSLATE_NOOP("SearchHitModel", "Region"),
        QT_TRANSLATE_NOOP("SearchHitModel", "Section"),
        QT_TRANSLATE_NOOP("SearchHitModel", "Snippet"),
    )

    def display(self, row: SearchHit, column: int) -> str | None:
        if column == self.COL_TITLE:
            return row.title
        if column == self.COL_REGION:
            return row.region or ""
        if column == self.COL_SECTION:
            return row.section
        if column == self.COL_SNIPPET:
            return row.snippet
        return None

    def tooltip(self, row: SearchHit, column: int) -> str | None:
        return f"{row.title}\n{row.doc}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == HTML_ROLE and index.isValid() and 0 <= index.row() < len(self._rows):
            return hit_html(self._rows[index.row()], index.row() + 1)
        return super().data(index, role)

"""Search results as rich-text cards: ranked passages, each with a badge saying how it matched.

The list is flat but may hold more than hits: a heading before the thesaurus matches that follow a
short verbatim result, and, when results come by document, one row per document with its best
passages indented under it. ``ROW_ROLE`` gives the ``SearchHit`` to open (a document row: its best
passage; a heading: None); ``ENTRY_ROLE`` gives the ``ResultEntry`` itself.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from ui.labels import HIT_COLOUR, MATCH_COLOURS, label
from ui.models.base import ROW_ROLE, Index, RowTableModel

if TYPE_CHECKING:
    from kb.models import SearchHit, SearchResult

HTML_ROLE = Qt.ItemDataRole.UserRole + 10
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 11
INDENT_PX = 22
MATCHED_COLOUR = "#3b62a6"  # the words a relaxed hit was found by, apart from the grey "where"


@dataclass(frozen=True)
class ResultEntry:
    """One row of the result list: a hit, a document (grouped results) or a heading."""

    kind: str  # "hit" | "document" | "heading"
    hit: SearchHit | None = None  # the passage; a document row's best passage
    rank: int = 0  # the number shown (hits, or documents when grouped); 0: none
    depth: int = 0  # 1: a passage under its document
    count: int = 0  # a document row: its matching passages; a heading: the passages it introduces
    text: str = ""  # a heading's words (translated when built)


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


def badge_html(match: str) -> str:
    """A small coloured label: 原文 / 同义 / 相关词 / 同段分词 / 同文档."""
    colour = MATCH_COLOURS.get(match, "#e0e0e0")
    return f'<span style="background-color:{colour};color:#333333">&nbsp;{html.escape(label("match", match))}&nbsp;</span>'


def matched_html(hit: SearchHit) -> str:
    """For a relaxed hit, the words it was found by (the query's synonyms, say)."""
    if hit.match == "exact" or not hit.matched_terms:
        return ""
    words = "、".join(hit.matched_terms)
    text = QCoreApplication.translate("SearchHitModel", "matched: %1").replace("%1", words)
    return f' <span style="color:{MATCHED_COLOUR}">{html.escape(text)}</span>'


def hit_html(hit: SearchHit, rank: int, depth: int = 0) -> str:
    """The result card: badge, rank and title, then region / section, then the snippet.

    A passage under its document (``depth`` 1) leaves the title to the document row.
    """
    where = " · ".join(html.escape(p) for p in (hit.region or "", hit.section) if p)
    snippet = f"<div>{highlight_html(hit.snippet, hit.snippet_highlights)}</div>"
    if depth:
        head = f"<div>{badge_html(hit.match)} <span style='color:#666666'>{where}</span>{matched_html(hit)}</div>"
        return f'<div style="margin-left:{INDENT_PX}px">{head}{snippet}</div>'
    number = f"{rank}. " if rank else ""
    return (
        f"<div>{badge_html(hit.match)} <b>{number}{html.escape(hit.title)}</b>{matched_html(hit)}</div>"
        f'<div style="color:#666666">{where}</div>{snippet}'
    )


def document_html(entry: ResultEntry) -> str:
    """A document row of grouped results: badge, rank, title, region and how many passages matched."""
    hit = entry.hit
    assert hit is not None
    count = QCoreApplication.translate("SearchHitModel", "%1 matching passage(s)").replace("%1", str(entry.count))
    where = " · ".join(html.escape(p) for p in (hit.region or "", count) if p)
    return (f"<div>{badge_html(hit.match)} <b>{entry.rank}. {html.escape(hit.title)}</b></div>"
            f'<div style="color:#666666">{where}</div>')


def heading_html(entry: ResultEntry) -> str:
    return f'<div style="color:#444444;margin-top:6px"><b>{html.escape(entry.text)}</b></div>'


def _grouped(hits: Sequence[SearchHit], first_rank: int) -> list[ResultEntry]:
    """A document row before each document's passages (hits arrive grouped, best document first)."""
    out: list[ResultEntry] = []
    rank = first_rank - 1
    current = None
    for hit in hits:
        if hit.doc_id != current:
            current, rank = hit.doc_id, rank + 1
            total = hit.doc_total or sum(1 for h in hits if h.doc_id == hit.doc_id)
            out.append(ResultEntry("document", hit, rank, 0, total))
        out.append(ResultEntry("hit", hit, 0, 1))
    return out


def _flat(hits: Iterable[SearchHit], first_rank: int) -> list[ResultEntry]:
    return [ResultEntry("hit", h, first_rank + i) for i, h in enumerate(hits)]


def result_entries(result: SearchResult) -> list[ResultEntry]:
    """The rows of a result: its hits, then (under their heading) the thesaurus matches that follow."""
    place = _grouped if result.by_document else _flat
    out = place(result.hits, 1)
    if result.more_hits:
        shown = sum(1 for e in out if e.rank)
        n = result.more_total or len(result.more_hits)
        text = QCoreApplication.translate("SearchHitModel", "More results through synonyms, related terms and words apart: %1")
        out.append(ResultEntry("heading", count=n, text=text.replace("%1", str(n))))
        out += place(result.more_hits, shown + 1)
    return out


class SearchHitModel(RowTableModel[ResultEntry]):
    """One row per entry, in rank order; ``set_rows`` takes plain hits, ``set_result`` a whole result."""

    CONTEXT = "SearchHitModel"
    COL_TITLE, COL_REGION, COL_SECTION, COL_SNIPPET = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("SearchHitModel", "Title"),
        QT_TRANSLATE_NOOP("SearchHitModel", "Region"),
        QT_TRANSLATE_NOOP("SearchHitModel", "Section"),
        QT_TRANSLATE_NOOP("SearchHitModel", "Snippet"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.result: SearchResult | None = None

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Plain ``SearchHit``s (ranked 1..n), or ready ``ResultEntry``s."""
        entries = [r if isinstance(r, ResultEntry) else ResultEntry("hit", r, i + 1) for i, r in enumerate(rows)]
        super().set_rows(entries)

    def set_result(self, result: SearchResult | None) -> None:
        self.result = result
        self.set_rows(result_entries(result) if result is not None else [])

    def hits(self) -> list[SearchHit]:
        """The passages listed (headings and document rows aside), in order."""
        return [e.hit for e in self._rows if e.kind == "hit" and e.hit is not None]

    def display(self, row: ResultEntry, column: int) -> str | None:
        hit = row.hit
        if hit is None:
            return row.text if column == self.COL_TITLE else ""
        if column == self.COL_TITLE:
            return hit.title
        if column == self.COL_REGION:
            return hit.region or ""
        if column == self.COL_SECTION:
            return hit.section
        if column == self.COL_SNIPPET:
            return hit.snippet
        return None

    def tooltip(self, row: ResultEntry, column: int) -> str | None:
        if row.hit is None:
            return None
        how = label("match", row.hit.match)
        return f"{row.hit.title}\n{row.hit.doc}\n{how}"

    def flags(self, index: Index) -> Qt.ItemFlag:
        entry = self.row_at(index.row()) if index.isValid() else None
        if entry is None:
            return Qt.ItemFlag.NoItemFlags
        if entry.kind == "heading":
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.row_at(index.row()) if index.isValid() else None
        if entry is None:
            return None
        if role == ROW_ROLE:
            return entry.hit
        if role == ENTRY_ROLE:
            return entry
        if role == HTML_ROLE:
            if entry.kind == "heading":
                return heading_html(entry)
            if entry.kind == "document":
                return document_html(entry)
            assert entry.hit is not None
            return hit_html(entry.hit, entry.rank, entry.depth)
        return super().data(index, role)

    def retranslate(self) -> None:
        """Headings and badges are words: rebuild them in the new language."""
        super().retranslate()
        if self.result is not None:
            self.set_result(self.result)
        elif self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))


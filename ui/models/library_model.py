"""Every document of the library as a table, and a proxy that filters it by text, kind and region."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from ui.labels import label
from ui.models.base import ROW_ROLE, SORT_ROLE, RowTableModel

if TYPE_CHECKING:
    from kb.models import DocumentSummary


class LibraryModel(RowTableModel["DocumentSummary"]):
    """One row per document: metadata first, then how much was found in it."""

    CONTEXT = "LibraryModel"
    (COL_TITLE, COL_REGION, COL_DATE, COL_KIND, COL_ISSUER, COL_NUMBER, COL_PASSAGES, COL_ENTITIES,
     COL_MEASURES) = range(9)
    COUNT_COLUMNS = (COL_PASSAGES, COL_ENTITIES, COL_MEASURES)
    HEADERS = (
        QT_TRANSLATE_NOOP("LibraryModel", "Title"),
        QT_TRANSLATE_NOOP("LibraryModel", "Region"),
        QT_TRANSLATE_NOOP("LibraryModel", "Date"),
        QT_TRANSLATE_NOOP("LibraryModel", "Kind"),
        QT_TRANSLATE_NOOP("LibraryModel", "Issuer"),
        QT_TRANSLATE_NOOP("LibraryModel", "Doc no."),
        QT_TRANSLATE_NOOP("LibraryModel", "Passages"),
        QT_TRANSLATE_NOOP("LibraryModel", "Entities"),
        QT_TRANSLATE_NOOP("LibraryModel", "Measures"),
    )

    def display(self, row: DocumentSummary, column: int) -> str | None:
        d = row.doc
        values = (d.title or d.name, d.region or (d.region_chain[-1] if d.region_chain else ""), d.date or "",
                  label("kind", d.kind), d.issuer or d.source or "", d.doc_number or "", str(d.passages),
                  str(row.entities), str(row.measures))
        return values[column] if 0 <= column < len(values) else None

    def sort_key(self, row: DocumentSummary, column: int) -> Any:
        if column == self.COL_PASSAGES:
            return row.doc.passages
        if column == self.COL_ENTITIES:
            return row.entities
        if column == self.COL_MEASURES:
            return row.measures
        return self.display(row, column)

    def tooltip(self, row: DocumentSummary, column: int) -> str | None:
        d = row.doc
        if column == self.COL_TITLE:
            return "\n".join(p for p in (d.title, d.name, d.path) if p)
        if column == self.COL_REGION:
            return " › ".join(d.region_chain) or None
        return self.display(row, column) or None


class LibraryFilter(QSortFilterProxyModel):
    """Filters on the documents themselves: words in title, issuer, 文号, source or file name; kind; region."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._kind = ""
        self._region = ""
        self.setSortRole(SORT_ROLE)

    def set_filters(self, *, text: str = "", kind: str = "", region: str = "") -> None:
        self.beginFilterChange()
        self._text, self._kind, self._region = text.strip().lower(), kind, region
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        row = model.data(model.index(source_row, 0, source_parent), ROW_ROLE) if model else None
        if row is None:
            return False
        d = row.doc
        if self._kind and d.kind != self._kind:
            return False
        if self._region and self._region not in d.region_chain:
            return False
        if self._text:
            hay = " ".join([d.title, d.issuer or "", d.doc_number or "", d.source or "", d.name, *d.region_chain])
            return all(word in hay.lower() for word in self._text.split())
        return True

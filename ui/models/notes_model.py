"""The notes table and its filter (tag, document, region documents, free text, orphaned)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ui.models.base import ROW_ROLE, SORT_ROLE, Index, RowTableModel

if TYPE_CHECKING:
    from kb.models import Note

ORPHAN_BG = "#ffe5e5"


class NotesModel(RowTableModel["Note"]):
    """One row per note; orphaned notes are tinted and say so in the status column."""

    CONTEXT = "NotesModel"
    COL_QUOTE, COL_COMMENT, COL_TAGS, COL_DOC, COL_REGION, COL_SECTION, COL_UPDATED, COL_STATUS, COL_TARGET = range(9)
    HEADERS = (
        QT_TRANSLATE_NOOP("NotesModel", "Quote"),
        QT_TRANSLATE_NOOP("NotesModel", "Comment"),
        QT_TRANSLATE_NOOP("NotesModel", "Tags"),
        QT_TRANSLATE_NOOP("NotesModel", "Document"),
        QT_TRANSLATE_NOOP("NotesModel", "Region"),
        QT_TRANSLATE_NOOP("NotesModel", "Section"),
        QT_TRANSLATE_NOOP("NotesModel", "Updated"),
        QT_TRANSLATE_NOOP("NotesModel", "Status"),
        QT_TRANSLATE_NOOP("NotesModel", "On"),
    )
    TARGETS = {
        "quote": QT_TRANSLATE_NOOP("NotesModel", "Passage"),
        "entity": QT_TRANSLATE_NOOP("NotesModel", "Entity"),
        "measure": QT_TRANSLATE_NOOP("NotesModel", "Measure"),
        "cell": QT_TRANSLATE_NOOP("NotesModel", "Comparison cell"),
    }

    def display(self, row: Note, column: int) -> str | None:
        if column == self.COL_QUOTE:
            text = row.quote or row.target_ref or ""
            return " ".join(text.split())
        if column == self.COL_COMMENT:
            return " ".join(row.comment.split())
        if column == self.COL_TAGS:
            return " ".join(f"#{t}" for t in row.tags)
        if column == self.COL_DOC:
            return row.doc_title or row.doc_name or ""
        if column == self.COL_REGION:
            return row.region or ""
        if column == self.COL_SECTION:
            return row.section
        if column == self.COL_UPDATED:
            return row.updated_at.replace("T", " ")[:16]
        if column == self.COL_STATUS:
            if row.target_kind == "entity" or row.doc_id is None and not row.orphaned:
                return ""
            if row.orphaned:
                return QCoreApplication.translate("NotesModel", "Orphaned")
            return QCoreApplication.translate("NotesModel", "Anchored")
        if column == self.COL_TARGET:
            source = self.TARGETS.get(row.target_kind)
            return QCoreApplication.translate(self.CONTEXT, str(source)) if source else row.target_kind
        return None

    def tooltip(self, row: Note, column: int) -> str | None:
        if column == self.COL_STATUS and row.orphaned:
            return QCoreApplication.translate("NotesModel", "The quoted text is no longer in the document; re-attach or delete the note.")
        if column == self.COL_DOC:
            return row.doc_name
        return row.quote if column == self.COL_QUOTE else row.comment if column == self.COL_COMMENT else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid():
            note = self.row_at(index.row())
            return QBrush(QColor(ORPHAN_BG)) if note is not None and note.orphaned else None
        return super().data(index, role)


class NotesFilter(QSortFilterProxyModel):
    """Filters ``NotesModel`` rows on the note objects themselves, not on display text."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._tag: str | None = None
        self._doc: str | None = None
        self._region_docs: set[str] | None = None
        self._text = ""
        self._orphaned_only = False
        self.setSortRole(SORT_ROLE)

    def set_filters(self, *, tag: str | None = None, doc: str | None = None, region_docs: set[str] | None = None,
                    text: str = "", orphaned_only: bool = False) -> None:
        """Set every filter at once (``None``/empty = no filter); ``doc`` is a document id."""
        self.beginFilterChange()
        self._tag, self._doc, self._region_docs = tag or None, doc or None, region_docs
        self._text, self._orphaned_only = text.strip().lower(), orphaned_only
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        note = model.data(model.index(source_row, 0, source_parent), ROW_ROLE) if model else None
        if note is None:
            return False
        if self._tag and self._tag not in note.tags:
            return False
        if self._doc and note.doc_id != self._doc:
            return False
        if self._region_docs is not None and note.doc_id not in self._region_docs:
            return False
        if self._orphaned_only and not note.orphaned:
            return False
        if self._text:
            hay = " ".join([note.quote, note.comment, *note.tags, note.doc_title or "", note.doc_name or "", note.section]).lower()
            return self._text in hay
        return True

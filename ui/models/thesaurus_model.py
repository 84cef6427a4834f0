"""The policy thesaurus as a table: one row per group (its terms, relation, on/off, origin, source)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from ui.labels import label
from ui.models.base import Index, RowTableModel

if TYPE_CHECKING:
    from kb.models import ThesaurusGroup

OFF_COLOUR = "#999999"


def terms_text(group: ThesaurusGroup) -> str:
    return "、".join(group.terms)


class ThesaurusModel(RowTableModel["ThesaurusGroup"]):
    """Groups in the core's order (shipped first); ``sources`` explains a group's source key."""

    CONTEXT = "ThesaurusModel"
    COL_TERMS, COL_RELATION, COL_STATE, COL_ORIGIN, COL_SOURCE = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("ThesaurusModel", "Terms"),
        QT_TRANSLATE_NOOP("ThesaurusModel", "Relation"),
        QT_TRANSLATE_NOOP("ThesaurusModel", "In use"),
        QT_TRANSLATE_NOOP("ThesaurusModel", "Whose"),
        QT_TRANSLATE_NOOP("ThesaurusModel", "Source / note"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.sources: dict[str, str] = {}

    def set_groups(self, groups: list[ThesaurusGroup] | tuple[ThesaurusGroup, ...], sources: dict[str, str]) -> None:
        self.sources = dict(sources)
        self.set_rows(list(groups))

    def row_of(self, group_id: str) -> int:
        return next((i for i, g in enumerate(self._rows) if g.id == group_id), -1)

    def source_text(self, group: ThesaurusGroup) -> str:
        """The note, then what the source key stands for (a shipped group cites where its terms come from)."""
        if group.source == "user":
            source = ""
        else:
            source = self.sources.get(group.source, group.source)
        return " — ".join(p for p in (group.note, source) if p)

    def display(self, row: ThesaurusGroup, column: int) -> str | None:
        if column == self.COL_TERMS:
            return terms_text(row)
        if column == self.COL_RELATION:
            return label("relation", row.relation)
        if column == self.COL_STATE:
            if row.enabled:
                return QCoreApplication.translate("ThesaurusModel", "On")
            return QCoreApplication.translate("ThesaurusModel", "Off")
        if column == self.COL_ORIGIN:
            return label("origin", row.origin)
        if column == self.COL_SOURCE:
            return self.source_text(row)
        return None

    def tooltip(self, row: ThesaurusGroup, column: int) -> str | None:
        if column == self.COL_SOURCE:
            return self.source_text(row) or None
        return terms_text(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            group = self.row_at(index.row())
            return QBrush(QColor(OFF_COLOUR)) if group is not None and not group.enabled else None
        return super().data(index, role)

    def retranslate(self) -> None:
        super().retranslate()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.HEADERS) - 1))

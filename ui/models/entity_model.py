"""Entities as a table, and a proxy that filters them by text, type and region."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from ui.labels import label
from ui.models.base import ROW_ROLE, SORT_ROLE, RowTableModel

if TYPE_CHECKING:
    from kb.models import Entity


class EntityTableModel(RowTableModel["Entity"]):
    CONTEXT = "EntityTableModel"
    COL_NAME, COL_TYPE, COL_REGION, COL_MENTIONS, COL_DOCS = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("EntityTableModel", "Name"),
        QT_TRANSLATE_NOOP("EntityTableModel", "Type"),
        QT_TRANSLATE_NOOP("EntityTableModel", "Region"),
        QT_TRANSLATE_NOOP("EntityTableModel", "Mentions"),
        QT_TRANSLATE_NOOP("EntityTableModel", "Docs"),
    )

    def display(self, row: Entity, column: int) -> str | None:
        if column == self.COL_NAME:
            return row.name
        if column == self.COL_TYPE:
            return label("entity_type", row.type)
        if column == self.COL_REGION:  # the specific end; the whole chain is in the tooltip
            return row.region or (row.region_chain[-1] if row.region_chain else "")
        if column == self.COL_MENTIONS:
            return str(row.mention_count)
        if column == self.COL_DOCS:
            return str(len(row.docs))
        return None

    def sort_key(self, row: Entity, column: int) -> Any:
        if column == self.COL_MENTIONS:
            return row.mention_count
        if column == self.COL_DOCS:
            return len(row.docs)
        if column == self.COL_REGION:
            return " > ".join(row.region_chain) or (row.region or "")
        return self.display(row, column)

    def tooltip(self, row: Entity, column: int) -> str | None:
        if column == self.COL_REGION:
            return " > ".join(row.region_chain) or None
        return "、".join(row.aliases) if row.aliases else None


class EntityFilterProxy(QSortFilterProxyModel):
    """Keeps entities whose name/alias contains the text, of the type, within the region."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._type = ""
        self._region = ""
        self.setSortRole(SORT_ROLE)

    def set_text(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_text", text.strip().casefold()))

    def set_type(self, entity_type: str) -> None:
        self._refilter(lambda: setattr(self, "_type", entity_type))

    def set_region(self, region: str) -> None:
        self._refilter(lambda: setattr(self, "_region", region))

    def _refilter(self, change: Callable[[], None]) -> None:
        self.beginFilterChange()  # Qt ≥ 6.10; replaces the deprecated invalidateFilter()
        change()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        entity = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
        if entity is None:
            return False
        if self._type and entity.type != self._type:
            return False
        if self._region and self._region not in entity.region_chain and entity.region != self._region:
            return False
        if self._text:
            names = (entity.name, *entity.aliases)
            return any(self._text in n.casefold() for n in names)
        return True

"""Links from one entity to others (located in, built by, mentioned with)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.labels import label
from ui.models.base import RowTableModel

if TYPE_CHECKING:
    from kb.models import Link


class LinkTableModel(RowTableModel["Link"]):
    """Shown from the point of view of ``focus_id``: the column "Entity" is the other end."""

    CONTEXT = "LinkTableModel"
    COL_KIND, COL_ENTITY, COL_TYPE, COL_WEIGHT = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("LinkTableModel", "Relation"),
        QT_TRANSLATE_NOOP("LinkTableModel", "Entity"),
        QT_TRANSLATE_NOOP("LinkTableModel", "Type"),
        QT_TRANSLATE_NOOP("LinkTableModel", "Weight"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.focus_id: int | None = None

    def other_end(self, row: Link) -> tuple[int, str, str]:
        """(id, name, type) of the entity at the far end of ``row``."""
        if row.src_id == self.focus_id:
            return row.dst_id, row.dst_name, row.dst_type
        return row.src_id, row.src_name, row.src_type

    def display(self, row: Link, column: int) -> str | None:
        if column == self.COL_KIND:
            text = label("link", row.kind)
            return text if row.src_id == self.focus_id or row.kind == "co_mention" else f"← {text}"
        if column == self.COL_ENTITY:
            return self.other_end(row)[1]
        if column == self.COL_TYPE:
            return label("entity_type", self.other_end(row)[2])
        if column == self.COL_WEIGHT:
            return f"{row.weight:g}"
        return None

    def sort_key(self, row: Link, column: int) -> Any:
        return row.weight if column == self.COL_WEIGHT else self.display(row, column)

    def tooltip(self, row: Link, column: int) -> str | None:
        return row.sentence or None

"""Links from one entity to others, read as words from its side ("Built by", "Contains", …)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui.labels import label
from ui.models.base import RowTableModel

if TYPE_CHECKING:
    from kb.models import Link

# relation keys (kb.relations.WORDS, Link.relation) -> English source words, translated in the LinkTableModel context
RELATION_WORDS = {
    "built_by": QT_TRANSLATE_NOOP("LinkTableModel", "Built by"),
    "builds": QT_TRANSLATE_NOOP("LinkTableModel", "Builds"),
    "located_in": QT_TRANSLATE_NOOP("LinkTableModel", "Located in"),
    "contains": QT_TRANSLATE_NOOP("LinkTableModel", "Contains"),
    "part_of": QT_TRANSLATE_NOOP("LinkTableModel", "Part of"),
    "has_part": QT_TRANSLATE_NOOP("LinkTableModel", "Has unit"),
    "co_mention": QT_TRANSLATE_NOOP("LinkTableModel", "Mentioned with"),
}


class LinkTableModel(RowTableModel["Link"]):
    """Shown from the point of view of ``focus_id``: the column "Entity" is the other end, the
    relation reads from the focused entity (a park's page says "Contains", not "← located in")."""

    CONTEXT = "LinkTableModel"
    COL_KIND, COL_ENTITY, COL_TYPE, COL_WEIGHT, COL_SENTENCE = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("LinkTableModel", "Relation"),
        QT_TRANSLATE_NOOP("LinkTableModel", "Entity"),
        QT_TRANSLATE_NOOP("LinkTableModel", "Type"),
        QT_TRANSLATE_NOOP("LinkTableModel", "Weight"),
        QT_TRANSLATE_NOOP("LinkTableModel", "Sentence"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.focus_id: int | None = None

    def other_end(self, row: Link) -> tuple[int, str, str]:
        """(id, name, type) of the entity at the far end of ``row``."""
        if row.src_id == self.focus_id:
            return row.dst_id, row.dst_name, row.dst_type
        return row.src_id, row.src_name, row.src_type

    def relation(self, row: Link) -> str:
        """The ``kb.relations`` key of ``row`` seen from the focused entity."""
        return row.relation(self.focus_id if self.focus_id is not None else row.src_id)

    def words(self, row: Link) -> str:
        key = self.relation(row)
        source = RELATION_WORDS.get(key)
        return QCoreApplication.translate(self.CONTEXT, str(source)) if source else label("link", row.kind)

    def display(self, row: Link, column: int) -> str | None:
        if column == self.COL_KIND:
            return self.words(row)
        if column == self.COL_ENTITY:
            return self.other_end(row)[1]
        if column == self.COL_TYPE:
            return label("entity_type", self.other_end(row)[2])
        if column == self.COL_WEIGHT:
            return f"{row.weight:g}"
        if column == self.COL_SENTENCE:
            return " ".join(row.sentence.split())
        return None

    def sort_key(self, row: Link, column: int) -> Any:
        return row.weight if column == self.COL_WEIGHT else self.display(row, column)

    def tooltip(self, row: Link, column: int) -> str | None:
        if not row.sentence:
            return None
        return f"{self.words(row)}: {self.other_end(row)[1]}\n{row.sentence}" + (f"\n[{row.doc}]" if row.doc else "")

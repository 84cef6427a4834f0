"""Every mention of one entity: which document, and the sentence it sits in."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.models.base import RowTableModel

if TYPE_CHECKING:
    from kb.models import Mention
    from ui.results import TitleBook


class MentionTableModel(RowTableModel["Mention"]):
    """Documents named by title (a hash-named file says nothing); the file name is the tooltip."""

    CONTEXT = "MentionTableModel"
    COL_DOC, COL_TEXT, COL_SENTENCE = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("MentionTableModel", "Document"),
        QT_TRANSLATE_NOOP("MentionTableModel", "As written"),
        QT_TRANSLATE_NOOP("MentionTableModel", "Sentence"),
    )

    def __init__(self, parent: Any = None, titles: TitleBook | None = None) -> None:
        super().__init__(parent)
        self.titles = titles

    def display(self, row: Mention, column: int) -> str | None:
        if column == self.COL_DOC:
            return self.titles.title(row.doc) if self.titles is not None else row.doc
        if column == self.COL_TEXT:
            return row.text
        if column == self.COL_SENTENCE:
            return " ".join((row.sentence or row.text).split())
        return None

    def sort_key(self, row: Mention, column: int) -> Any:
        if column == self.COL_DOC:
            return f"{row.doc}\x00{row.start:09d}"
        return self.display(row, column)

    def tooltip(self, row: Mention, column: int) -> str | None:
        if column == self.COL_DOC:
            return row.doc
        return row.sentence or None

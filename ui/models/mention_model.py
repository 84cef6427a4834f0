"""Every mention of one entity: which document, and the sentence it sits in."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.models.base import RowTableModel

if TYPE_CHECKING:
    from kb.models import DocumentMentions, Mention
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


class DocumentMentionTableModel(RowTableModel["DocumentMentions"]):
    """The documents that mention an entity: title, date, the document's region, how often.

    The region column is the document's, not the entity's: for a firm nothing places, where it is
    talked about is all the library knows.
    """

    CONTEXT = "DocumentMentionTableModel"
    COL_TITLE, COL_DATE, COL_REGION, COL_COUNT = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("DocumentMentionTableModel", "Document"),
        QT_TRANSLATE_NOOP("DocumentMentionTableModel", "Date"),
        QT_TRANSLATE_NOOP("DocumentMentionTableModel", "Document's region"),
        QT_TRANSLATE_NOOP("DocumentMentionTableModel", "Mentions"),
    )

    def display(self, row: DocumentMentions, column: int) -> str | None:
        if column == self.COL_TITLE:
            return row.title
        if column == self.COL_DATE:
            return row.date or "—"
        if column == self.COL_REGION:
            return " > ".join(row.region_chain) or "—"
        if column == self.COL_COUNT:
            return str(row.count)
        return None

    def sort_key(self, row: DocumentMentions, column: int) -> Any:
        return row.count if column == self.COL_COUNT else self.display(row, column)

    def tooltip(self, row: DocumentMentions, column: int) -> str | None:
        return f"{row.doc}\n{row.first.sentence}" if row.first.sentence else row.doc

"""Policy measures (subsidies, awards, targets, ...) with their amounts and source sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.labels import label
from ui.models.base import RowTableModel, fmt_number

if TYPE_CHECKING:
    from kb.models import Measure
    from ui.results import TitleBook


class MeasureTableModel(RowTableModel["Measure"]):
    """Documents named by title; the file name is the tooltip."""

    CONTEXT = "MeasureTableModel"
    COL_KIND, COL_AMOUNT, COL_YEAR, COL_REGION, COL_DOC, COL_TEXT = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("MeasureTableModel", "Kind"),
        QT_TRANSLATE_NOOP("MeasureTableModel", "Amount"),
        QT_TRANSLATE_NOOP("MeasureTableModel", "Year"),
        QT_TRANSLATE_NOOP("MeasureTableModel", "Region"),
        QT_TRANSLATE_NOOP("MeasureTableModel", "Document"),
        QT_TRANSLATE_NOOP("MeasureTableModel", "Text"),
    )

    def __init__(self, parent: Any = None, titles: TitleBook | None = None) -> None:
        super().__init__(parent)
        self.titles = titles

    def display(self, row: Measure, column: int) -> str | None:
        if column == self.COL_KIND:
            return label("measure", row.kind)
        if column == self.COL_AMOUNT:
            parts = []
            if row.amount is not None:
                parts.append(f"{fmt_number(row.amount)}{row.unit or ''}")
            if row.rate is not None:
                parts.append(f"{fmt_number(row.rate)}%")
            if row.cap is not None:
                parts.append(f"≤{fmt_number(row.cap)}{row.unit or ''}")
            return " ".join(parts)
        if column == self.COL_YEAR:
            return str(row.year) if row.year else (row.deadline or "")
        if column == self.COL_REGION:
            return row.region or ""
        if column == self.COL_DOC:
            return self.titles.title(row.doc) if self.titles is not None else row.doc
        if column == self.COL_TEXT:
            return " ".join(row.text.split())
        return None

    def sort_key(self, row: Measure, column: int) -> Any:
        if column == self.COL_AMOUNT:
            return row.amount if row.amount is not None else -1.0
        if column == self.COL_YEAR:
            return row.year or 0
        return self.display(row, column)

    def tooltip(self, row: Measure, column: int) -> str | None:
        if column == self.COL_DOC:
            return row.doc
        return row.text if column == self.COL_TEXT else None

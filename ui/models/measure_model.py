"""Policy measures (subsidies, awards, targets, ...) with their figures as written, instrument and sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui.labels import label
from ui.models.base import RowTableModel

if TYPE_CHECKING:
    from kb.models import Measure
    from ui.results import TitleBook


class MeasureTableModel(RowTableModel["Measure"]):
    """Documents named by title; the file name is the tooltip."""

    CONTEXT = "MeasureTableModel"
    COL_KIND, COL_AMOUNT, COL_TOOL, COL_YEAR, COL_REGION, COL_DOC, COL_TEXT = range(7)
    HEADERS = (
        QT_TRANSLATE_NOOP("MeasureTableModel", "Kind"),
        QT_TRANSLATE_NOOP("MeasureTableModel", "Amount"),
        QT_TRANSLATE_NOOP("MeasureTableModel", "Instrument"),
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
            return row.figure
        if column == self.COL_TOOL:
            return label("tool", row.policy_tool) if row.policy_tool else ""
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
            return row.amount if row.amount is not None else (row.cap if row.cap is not None else -1.0)
        if column == self.COL_YEAR:
            return row.year or 0
        return self.display(row, column)

    def tooltip(self, row: Measure, column: int) -> str | None:
        if column == self.COL_DOC:
            return row.doc
        if column in (self.COL_TOOL, self.COL_KIND):
            return tool_basis_text(row) or None
        return row.text if column in (self.COL_TEXT, self.COL_AMOUNT) else None


def tool_basis_text(m: Measure) -> str:
    """"Supply — basis: 应用场景、示范应用": which words of the sentence decided the instrument."""
    if not m.policy_tool:
        return ""
    basis = QCoreApplication.translate("MeasureTableModel", "basis: %1").replace("%1", m.tool_basis) if m.tool_basis else ""
    return " — ".join(p for p in (label("tool", m.policy_tool), basis) if p)


"""A document's headings, indented by level, for jumping in the reader."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

from ui.models.base import ROW_ROLE, Index
from ui.plain import tip

Heading = tuple[int, int, str]  # (start in body, level, text)


class OutlineModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Heading] = []

    def set_rows(self, rows: list[Heading] | tuple[Heading, ...]) -> None:
        self.beginResetModel()
        self._rows = [tuple(r) for r in rows]  # type: ignore[misc]
        self.endResetModel()

    def rows(self) -> list[Heading]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        start, level, text = self._rows[index.row()]
        if role == ROW_ROLE:
            return self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return "    " * max(0, level - 1) + text
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(text)
        return None

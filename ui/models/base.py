"""A table model over a list of frozen dataclasses; subclasses name columns and cells."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from ui.plain import tip

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's dataclass
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a value that sorts naturally (numbers as numbers)
PARAGRAPHS_ROLE = Qt.ItemDataRole.UserRole + 20  # [(style, text), ...] for the summary delegate
EXPANDED_ROLE = Qt.ItemDataRole.UserRole + 21  # whether the cell's row is expanded in place

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex


class RowTableModel(QAbstractTableModel, Generic[T]):
    """Holds ``list[T]``; ``HEADERS`` are English source strings translated in ``CONTEXT``."""

    CONTEXT = "RowTableModel"
    HEADERS: tuple[Any, ...] = ()  # QT_TRANSLATE_NOOP(...) strings

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    def set_rows(self, rows: list[T] | tuple[T, ...]) -> None:
        """Replace every row (views keep no stale indexes across a reset)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, index.column())
        if role == SORT_ROLE:
            return self.sort_key(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(self.tooltip(row, index.column())) or None  # document text: never guessed as HTML
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            return QCoreApplication.translate(self.CONTEXT, self.HEADERS[section])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def retranslate(self) -> None:
        """Header texts are translated on read; tell views to re-read them."""
        if self.HEADERS:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)

    # subclasses
    def display(self, row: T, column: int) -> str | None:
        raise NotImplementedError

    def sort_key(self, row: T, column: int) -> Any:
        return self.display(row, column)

    def tooltip(self, row: T, column: int) -> str | None:
        return None


def fmt_number(value: float | None) -> str:
    """12000.0 → "12000", 0.5 → "0.5", None → ""."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"

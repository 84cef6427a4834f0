"""Models of the comparison view: the theme × region matrix, a cell's evidence, numbers, themes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ui.labels import label, theme_label
from ui.models.base import ROW_ROLE, SORT_ROLE, Index, RowTableModel, fmt_number
from ui.plain import tip

if TYPE_CHECKING:
    from kb.models import CompareCell, Comparison, NumberRow, Theme

EMPTY_BG = "#f2f2f2"
OVERRIDE_BG = "#eaf4ff"


def cell_text(cell: CompareCell, snippet_chars: int = 60) -> str:
    """What a matrix cell shows: counts, then the user's text or the top passage."""
    if cell.override:
        return QCoreApplication.translate("CompareModel", "✎ %1").replace("%1", cell.override)
    if cell.empty:
        return QCoreApplication.translate("CompareModel", "No relevant content")
    counts = QCoreApplication.translate("CompareModel", "%1 passages · %2 measures").replace("%1", str(cell.count)).replace("%2", str(len(cell.measures)))
    top = cell.hits[0].snippet if cell.hits else cell.measures[0].text
    top = " ".join(top.split())
    return f"{counts}\n{top[:snippet_chars]}{'…' if len(top) > snippet_chars else ''}"


def doc_count(n: int) -> str:
    """" (1 doc)" / " (3 docs)" to follow a region name; Chinese "（1 篇）" needs no space before it."""
    if n == 1:
        return QCoreApplication.translate("CompareModel", " (1 doc)")
    return QCoreApplication.translate("CompareModel", " (%1 docs)").replace("%1", str(n))


def two_lines(text: str, longer_than: int = 16) -> str:
    """A long label with spaces (English) broken at the space nearest its middle: narrower headers."""
    if len(text) <= longer_than or " " not in text:
        return text
    middle = len(text) / 2
    cut = min((i for i, ch in enumerate(text) if ch == " "), key=lambda i: abs(i - middle))
    return f"{text[:cut]}\n{text[cut + 1:]}"


class CompareModel(QAbstractTableModel):
    """Rows are themes, columns are regions; ``ROW_ROLE`` gives the ``CompareCell``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._comp: Comparison | None = None

    def set_comparison(self, comp: Comparison | None) -> None:
        self.beginResetModel()
        self._comp = comp
        self.endResetModel()

    def comparison(self) -> Comparison | None:
        return self._comp

    def retranslate(self) -> None:
        """Cells, headers and theme names are translated on read; tell views to re-read them."""
        if self._comp is not None and self._comp.rows and self._comp.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._comp.columns) - 1)
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self._comp.rows) - 1)
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._comp.rows) - 1, len(self._comp.columns) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._comp is None else len(self._comp.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._comp is None else len(self._comp.columns)

    def cell(self, row: int, column: int) -> CompareCell | None:
        if self._comp is None or not (0 <= row < len(self._comp.rows)) or not (0 <= column < len(self._comp.columns)):
            return None
        return self._comp.rows[row].cells[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cell = self.cell(index.row(), index.column()) if index.isValid() else None
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(cell)
        if role == ROW_ROLE:
            return cell
        if role == SORT_ROLE:
            return cell.count
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(cell.hits[0].text) if cell.hits else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if cell.override:
                return QBrush(QColor(OVERRIDE_BG))
            if cell.empty:
                return QBrush(QColor(EMPTY_BG))
        if role == Qt.ItemDataRole.ForegroundRole and cell.empty:
            return QBrush(QColor("#888888"))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._comp is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._comp.columns):
            col = self._comp.columns[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return tip("\n".join(f"{d.title} ({d.name})" for d in col.docs)
                           or QCoreApplication.translate("CompareModel", "No documents"))
            return f"{col.region}\n{doc_count(len(col.docs)).strip()}"  # two lines: long region names stay readable
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._comp.rows):
            theme = self._comp.rows[section].theme
            if role == Qt.ItemDataRole.ToolTipRole:
                return tip(f"{theme_label(theme)}\n{theme.query}")
            return two_lines(theme_label(theme))
        return None


class CellDetailModel(RowTableModel[Any]):
    """The selected cell's passages, then its measures; ``ROW_ROLE`` gives the hit or measure."""

    CONTEXT = "CellDetailModel"
    COL_KIND, COL_TEXT, COL_SOURCE = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("CellDetailModel", "Kind"),
        QT_TRANSLATE_NOOP("CellDetailModel", "Text"),
        QT_TRANSLATE_NOOP("CellDetailModel", "Source"),
    )

    def set_cell(self, cell: CompareCell | None) -> None:
        self.set_rows([*cell.hits, *cell.measures] if cell else [])

    def display(self, row: Any, column: int) -> str | None:
        is_hit = hasattr(row, "passage_id")
        if column == self.COL_KIND:
            return QCoreApplication.translate("CellDetailModel", "Passage") if is_hit else label("measure", row.kind)
        if column == self.COL_TEXT:
            return " ".join(row.text.split())
        if column == self.COL_SOURCE:
            return " · ".join(p for p in ((row.title, row.section, row.doc) if is_hit else (row.doc,)) if p)
        return None

    def tooltip(self, row: Any, column: int) -> str | None:
        return row.text if column == self.COL_TEXT else None


class NumbersModel(RowTableModel["NumberRow"]):
    """Targets and incentive amounts; ``SORT_ROLE`` sorts amounts and years as numbers."""

    CONTEXT = "NumbersModel"
    COL_REGION, COL_KIND, COL_WHAT, COL_AMOUNT, COL_UNIT, COL_YEAR, COL_DOC = range(7)
    HEADERS = (
        QT_TRANSLATE_NOOP("NumbersModel", "Region"),
        QT_TRANSLATE_NOOP("NumbersModel", "Kind"),
        QT_TRANSLATE_NOOP("NumbersModel", "What"),
        QT_TRANSLATE_NOOP("NumbersModel", "Amount"),
        QT_TRANSLATE_NOOP("NumbersModel", "Unit"),
        QT_TRANSLATE_NOOP("NumbersModel", "Year"),
        QT_TRANSLATE_NOOP("NumbersModel", "Document"),
    )

    def display(self, row: NumberRow, column: int) -> str | None:
        values = (row.region, label("measure", row.kind), row.what, fmt_number(row.amount), row.unit or "",
                  str(row.year) if row.year else "", row.doc)
        return values[column] if 0 <= column < len(values) else None

    def sort_key(self, row: NumberRow, column: int) -> Any:
        if column == self.COL_AMOUNT:
            return float(row.amount) if row.amount is not None else float("-inf")
        if column == self.COL_YEAR:
            return row.year or 0
        return self.display(row, column)

    def tooltip(self, row: NumberRow, column: int) -> str | None:
        return row.text


class ThemeModel(RowTableModel["Theme"]):
    """The saved themes, in order."""

    CONTEXT = "ThemeModel"
    COL_LABEL, COL_QUERY = range(2)
    HEADERS = (QT_TRANSLATE_NOOP("ThemeModel", "Theme"), QT_TRANSLATE_NOOP("ThemeModel", "Query"))

    def display(self, row: Theme, column: int) -> str | None:
        return theme_label(row) if column == self.COL_LABEL else row.query if column == self.COL_QUERY else None

    def tooltip(self, row: Theme, column: int) -> str | None:
        return f"{row.label_en}\n{row.query}\n{', '.join(row.measure_themes)}".strip()

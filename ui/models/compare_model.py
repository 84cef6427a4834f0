"""Models of the comparison view: the theme × region matrix, a cell's evidence, indicators, themes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ui.labels import label, theme_label
from ui.models.base import EXPANDED_ROLE, PARAGRAPHS_ROLE, ROW_ROLE, SORT_ROLE, Index, RowTableModel, fmt_number
from ui.models.measure_model import tool_basis_text
from ui.plain import tip

if TYPE_CHECKING:
    from kb.models import CompareCell, CompareColumn, Comparison, Evidence, IndicatorFact, IndicatorRow, Measure, Theme

EMPTY_BG = "#f2f2f2"
OVERRIDE_BG = "#eaf4ff"
SUMMARY, SUMMARY_EXPANDED = 2, 5  # sentences a cell shows, collapsed and expanded
Paragraphs = list[tuple[str, str]]


def figure(m: Measure) -> str:
    """What a measure puts a number on, as written: "5万个 (2025)", "3-5家", "500万元以上"."""
    text = m.figure
    return f"{text} ({m.year})" if text and m.year else text


def measure_line(m: Measure) -> str:
    """"Award: 50万元 (2023) · Supply — basis: 奖励": kind, figure and the instrument with its basis."""
    tool = tool_basis_text(m)
    return f"{label('measure', m.kind)}: {figure(m)}" + (f" · {tool}" if tool else "")


def figures(measures: tuple[Measure, ...] | list[Measure]) -> str:
    return "；".join(f for f in dict.fromkeys(figure(m) for m in measures) if f)


def sentence_text(e: Evidence) -> str:
    """The sentence as a summary shows it (spaces collapsed), its figures after it."""
    text = " ".join(e.text.split())
    figs = figures(e.measures)
    return f"{text}〔{figs}〕" if figs else text


def cell_paragraphs(cell: CompareCell, expanded: bool = False) -> Paragraphs:
    """A matrix cell: the user's text, or "no relevant content", or counts and the strongest sentences."""
    if cell.override:
        return [("note", QCoreApplication.translate("CompareModel", "✎ %1").replace("%1", cell.override))]
    if not cell.evidence:
        return [("empty", QCoreApplication.translate("CompareModel", "No relevant content"))]
    shown = cell.evidence[: SUMMARY_EXPANDED if expanded else SUMMARY]
    out = [("item", f"• {sentence_text(e)}") for e in shown]
    counts = QCoreApplication.translate("CompareModel", "%1 sentences · %2 measures").replace("%1", str(cell.count)) \
        .replace("%2", str(len(cell.measures)))
    if len(cell.evidence) > len(shown):
        counts += QCoreApplication.translate("CompareModel", " — select the cell for all")
    out.append(("meta", counts))
    return out


def cell_text(cell: CompareCell) -> str:
    """The cell as plain text (for copying and for tests): what the collapsed row shows, uncut."""
    return "\n".join(text for _s, text in cell_paragraphs(cell))


def doc_count(n: int) -> str:
    """" (1 doc)" / " (3 docs)" to follow a region name; Chinese "（1 篇）" needs no space before it."""
    if n == 1:
        return QCoreApplication.translate("CompareModel", " (1 doc)")
    return QCoreApplication.translate("CompareModel", " (%1 docs)").replace("%1", str(n))


def column_header(col: CompareColumn) -> str:
    """Region, then its document count; a region that leaves out another column's region says so."""
    count = doc_count(len(col.docs)).strip()
    if col.excludes:
        count = QCoreApplication.translate("CompareModel", "excl. %1 · %2").replace("%1", "、".join(col.excludes)).replace("%2", count)
    return f"{col.region}\n{count}"


def two_lines(text: str, longer_than: int = 16) -> str:
    """A long label with spaces (English) broken at the space nearest its middle: narrower headers."""
    if len(text) <= longer_than or " " not in text:
        return text
    middle = len(text) / 2
    cut = min((i for i, ch in enumerate(text) if ch == " "), key=lambda i: abs(i - middle))
    return f"{text[:cut]}\n{text[cut + 1:]}"


class CompareModel(QAbstractTableModel):
    """Rows are themes, columns are regions; ``ROW_ROLE`` gives the ``CompareCell``.

    A row can be expanded in place (``toggle_row``): its cells then show more sentences, uncut.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._comp: Comparison | None = None
        self.expanded: set[int] = set()

    def set_comparison(self, comp: Comparison | None) -> None:
        self.beginResetModel()
        same_rows = self._comp is not None and comp is not None and len(comp.rows) == len(self._comp.rows)
        self._comp = comp
        if not same_rows:
            self.expanded.clear()
        self.endResetModel()

    def comparison(self) -> Comparison | None:
        return self._comp

    def toggle_row(self, row: int) -> bool:
        """Expand or collapse a theme row in place; True when it is now expanded."""
        if not 0 <= row < self.rowCount():
            return False
        self.expanded.symmetric_difference_update({row})
        self.headerDataChanged.emit(Qt.Orientation.Vertical, row, row)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        return row in self.expanded

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
        expanded = index.row() in self.expanded
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(cell)
        if role == PARAGRAPHS_ROLE:
            return cell_paragraphs(cell, expanded)
        if role == EXPANDED_ROLE:
            return expanded
        if role == ROW_ROLE:
            return cell
        if role == SORT_ROLE:
            return cell.count
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip("\n".join(text for _s, text in cell_paragraphs(cell, True)))
        if role == Qt.ItemDataRole.BackgroundRole:
            if cell.override:
                return QBrush(QColor(OVERRIDE_BG))
            if cell.empty:
                return QBrush(QColor(EMPTY_BG))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._comp is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._comp.columns):
            col = self._comp.columns[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return tip("\n".join(f"{d.title} ({d.name})" for d in col.docs) or QCoreApplication.translate("CompareModel", "No documents"))
            return column_header(col)
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._comp.rows):
            theme = self._comp.rows[section].theme
            if role == Qt.ItemDataRole.ToolTipRole:
                hint = QCoreApplication.translate("CompareModel", "Click to expand or collapse this row")
                return tip(f"{theme_label(theme)}\n{theme.query}\n{hint}")
            marker = "▾" if section in self.expanded else "▸"
            return f"{marker} {two_lines(theme_label(theme))}"
        return None


class CellDetailModel(RowTableModel[Any]):
    """The selected cell's evidence sentences (figures, text, source); ``ROW_ROLE`` gives the ``Evidence``."""

    CONTEXT = "CellDetailModel"
    COL_FIGURES, COL_TEXT, COL_SOURCE = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("CellDetailModel", "Figures"),
        QT_TRANSLATE_NOOP("CellDetailModel", "Sentence"),
        QT_TRANSLATE_NOOP("CellDetailModel", "Source"),
    )

    def set_cell(self, cell: CompareCell | None) -> None:
        self.set_rows(list(cell.evidence) if cell else [])

    def display(self, row: Evidence, column: int) -> str | None:
        if column == self.COL_FIGURES:
            return figures(row.measures)
        if column == self.COL_TEXT:
            return " ".join(row.text.split())
        if column == self.COL_SOURCE:
            return " · ".join(p for p in (f"《{row.title}》" if row.title else row.doc, row.section) if p)
        return None

    def tooltip(self, row: Evidence, column: int) -> str | None:
        if column == self.COL_SOURCE:
            return "\n".join(p for p in (row.title, row.section, row.doc) if p)
        if column == self.COL_FIGURES:
            return "\n".join(measure_line(m) for m in row.measures) or None
        return row.text


def fact_line(f: IndicatorFact) -> str:
    """"5万个 (2025) · Target — 到2025年，全市建成5G基站5万个……"."""
    amounts = "、".join(f"{fmt_number(a)}{f.unit or ''}" for a in f.amounts)
    head = " · ".join(p for p in (f"{amounts} ({f.year})" if f.year else amounts, label("measure", f.kind)) if p)
    times = QCoreApplication.translate("IndicatorModel", " ×%1").replace("%1", str(f.sources)) if f.sources > 1 else ""
    return f"{head}{times} — {' '.join(f.text.split())}"


class IndicatorModel(QAbstractTableModel):
    """Indicator × region: each cell lists the region's figures for the indicator (year, kind, sentence)."""

    FACTS, FACTS_EXPANDED = 3, 40

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[IndicatorRow] = []
        self._regions: list[str] = []
        self.expanded: set[int] = set()

    def set_indicators(self, regions: list[str], rows: list[IndicatorRow]) -> None:
        self.beginResetModel()
        self._regions, self._rows = list(regions), list(rows)
        self.expanded.clear()
        self.endResetModel()

    def rows(self) -> list[IndicatorRow]:
        return list(self._rows)

    def toggle_row(self, row: int) -> bool:
        if not 0 <= row < len(self._rows):
            return False
        self.expanded.symmetric_difference_update({row})
        self.headerDataChanged.emit(Qt.Orientation.Vertical, row, row)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        return row in self.expanded

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._regions)

    def facts(self, row: int, column: int) -> tuple[IndicatorFact, ...]:
        if not (0 <= row < len(self._rows) and 0 <= column < len(self._regions)):
            return ()
        return self._rows[row].cells[column]

    def paragraphs(self, row: int, column: int, expanded: bool) -> Paragraphs:
        facts = self.facts(row, column)
        if not facts:
            return [("empty", "—")]
        shown = facts[: self.FACTS_EXPANDED if expanded else self.FACTS]
        out = [("item", fact_line(f)) for f in shown]
        if len(facts) > len(shown):
            out.append(("meta", QCoreApplication.translate("IndicatorModel", "+%1 more").replace("%1", str(len(facts) - len(shown)))))
        return out

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r, c = index.row(), index.column()
        expanded = r in self.expanded
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(t for _s, t in self.paragraphs(r, c, False))
        if role == PARAGRAPHS_ROLE:
            return self.paragraphs(r, c, expanded)
        if role == EXPANDED_ROLE:
            return expanded
        if role == ROW_ROLE:
            return self.facts(r, c)
        if role == Qt.ItemDataRole.ToolTipRole:
            facts = self.facts(r, c)
            return tip("\n\n".join(f"{fact_line(f)}\n《{f.doc}》" for f in facts)) if facts else None
        if role == Qt.ItemDataRole.BackgroundRole and not self.facts(r, c):
            return QBrush(QColor(EMPTY_BG))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._regions):
            return self._regions[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            row = self._rows[section]
            marker = "▾" if section in self.expanded else "▸"
            return f"{marker} {label('indicator', row.key) if row.key else row.label}"
        return None

    def retranslate(self) -> None:
        if self._rows and self._regions:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self._rows) - 1)
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self._regions) - 1))


class ThemeModel(RowTableModel["Theme"]):
    """The saved themes, in order."""

    CONTEXT = "ThemeModel"
    COL_LABEL, COL_QUERY = range(2)
    HEADERS = (QT_TRANSLATE_NOOP("ThemeModel", "Theme"), QT_TRANSLATE_NOOP("ThemeModel", "Query"))

    def display(self, row: Theme, column: int) -> str | None:
        return theme_label(row) if column == self.COL_LABEL else row.query if column == self.COL_QUERY else None

    def tooltip(self, row: Theme, column: int) -> str | None:
        return f"{row.label_en}\n{row.query}\n{', '.join(row.measure_themes)}".strip()


__all__ = ["CellDetailModel", "CompareModel", "IndicatorModel", "ThemeModel", "cell_text", "doc_count"]

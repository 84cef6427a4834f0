"""The comparison's figure tabs: indicators side by side, and the policy-instrument shares.

Both answer "where does this number come from?": a double click (indicators) or a click on a
bar (instruments) leads to the sentences, which open in the reader.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QMenu, QSplitter, QTableView, QVBoxLayout, QWidget

from ui.labels import label
from ui.models.base import ROW_ROLE
from ui.models.compare_model import IndicatorModel, fact_line
from ui.models.measure_model import MeasureTableModel
from ui.views.column_fit import ColumnFitter
from ui.views.matrix_tab import summary_table
from ui.views.tool_mix_chart import ToolMixChart

if TYPE_CHECKING:
    from kb.models import Comparison, IndicatorFact, Measure
    from ui.results import TitleBook


class IndicatorTab(QWidget):
    """Indicator × region, every figure with its year, kind and sentence.

    Signals:
        openFact(object): an ``IndicatorFact`` to read in its document.
    """

    openFact = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = IndicatorModel(self)
        self.table = summary_table(self.model)
        self.table.verticalHeader().sectionClicked.connect(self.toggle_row)
        self.table.doubleClicked.connect(self._open_first)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.table.viewport().installEventFilter(self)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #777777")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def set_comparison(self, comp: Comparison) -> None:
        self.model.set_indicators(list(comp.regions), list(comp.indicators))
        QTimer.singleShot(0, self, self.table.resizeRowsToContents)

    def toggle_row(self, row: int) -> None:
        self.model.toggle_row(row)
        self.table.resizeRowToContents(row)

    def _open_first(self, index: QModelIndex) -> None:
        facts = self.model.data(index, ROW_ROLE) or ()
        if facts:
            self.openFact.emit(facts[0])

    def fact_menu(self, facts: tuple[IndicatorFact, ...]) -> QMenu:
        """One "open" entry per figure of the cell."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for f in facts:
            text = fact_line(f)
            menu.addAction(text if len(text) <= 60 else text[:59] + "…", partial(self.openFact.emit, f))
        return menu

    def _menu(self, pos: QPoint) -> None:
        facts = self.model.data(self.table.indexAt(pos), ROW_ROLE) or ()
        if facts:
            self.fact_menu(facts).popup(self.table.viewport().mapToGlobal(pos))

    def eventFilter(self, watched: object, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self, self.table.resizeRowsToContents)
        return False

    def retranslate(self) -> None:
        self.hint.setText(self.tr("Figures side by side: targets first, then results. Click an indicator to "
                                  "expand its row; double-click a cell to read the sentence."))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ToolTab(QWidget):
    """The shares chart over the measures of the bar last clicked.

    Signals:
        openMeasure(object): a ``Measure`` to read in its document.
    """

    openMeasure = Signal(object)

    def __init__(self, titles: TitleBook | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tools: dict[str, dict[str, tuple[Measure, ...]]] = {}
        self.chart = ToolMixChart()
        self.chart.barClicked.connect(self.show_bar)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.measures = MeasureTableModel(self, titles)
        self.table = QTableView()
        self.table.setModel(self.measures)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.fit = ColumnFitter(self.table, {MeasureTableModel.COL_KIND: 64, MeasureTableModel.COL_AMOUNT: 90,
                                             MeasureTableModel.COL_TOOL: (76, 64),
                                             MeasureTableModel.COL_YEAR: 56, MeasureTableModel.COL_REGION: 80,
                                             MeasureTableModel.COL_DOC: 160}, MeasureTableModel.COL_TEXT)
        self.table.doubleClicked.connect(self._open)
        below = QWidget()
        bl = QVBoxLayout(below)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.title)
        bl.addWidget(self.table, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("toolSplitter")
        split.addWidget(self.chart)
        split.addWidget(below)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.retranslate()

    def set_comparison(self, comp: Comparison) -> None:
        self._tools = comp.tool_measures
        self.chart.set_mix({r: {t: len(ms) for t, ms in tools.items()} for r, tools in comp.tool_measures.items()})
        self.measures.set_rows([])
        self.retranslate()

    def show_bar(self, region: str, tool: str) -> None:
        """List the measures behind one bar."""
        rows = list(self._tools.get(region, {}).get(tool, ()))
        self.measures.set_rows(rows)
        self.title.setText(self.tr("%1 · %2: %3 measures (double-click to read)").replace("%1", region)
                           .replace("%2", label("tool", tool)).replace("%3", str(len(rows))))

    def _open(self, index: QModelIndex) -> None:
        m = self.measures.row_at(index.row())
        if m is not None:
            self.openMeasure.emit(m)

    def retranslate(self) -> None:
        if not self.measures.rowCount():
            self.title.setText(self.tr("Click a bar to list its measures."))
        self.measures.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

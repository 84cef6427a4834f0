"""The comparison matrix: theme rows × region columns, each cell a readable summary, and its evidence.

Why its own widget: the matrix needs row heights that follow their cells (a row expands in place
when its header is clicked), and an evidence panel the user can fold away so that all ten theme
rows fit; the comparison view around it handles regions, themes and the controller.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.models.base import ROW_ROLE
from ui.models.compare_model import CompareModel
from ui.views.cell_panel import CellPanel
from ui.views.summary_delegate import SummaryDelegate


def summary_table(model: object, parent: QWidget | None = None) -> QTableView:
    """A table whose rows take the height their wrapped cells ask for, scrolled by pixel."""
    table = QTableView(parent)
    table.setModel(model)  # type: ignore[arg-type]
    table.setItemDelegate(SummaryDelegate(table))
    table.setWordWrap(True)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.verticalHeader().setSectionsClickable(True)
    table.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


class MatrixTab(QWidget):
    """Signals:
        cellChanged(object): the selected ``CompareCell`` (or None).
    """

    cellChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CompareModel(self)
        self.table = summary_table(self.model)
        self.table.verticalHeader().sectionClicked.connect(self.toggle_row)
        self.table.doubleClicked.connect(lambda index: self.toggle_row(index.row()))
        self.table.selectionModel().currentChanged.connect(self._current_changed)
        self.table.viewport().installEventFilter(self)
        self.cell = CellPanel()
        self.evidence_button = QToolButton()
        self.evidence_button.setCheckable(True)
        self.evidence_button.setChecked(True)
        self.evidence_button.toggled.connect(self.show_evidence)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #777777")
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.hint, 1)
        bar.addWidget(self.evidence_button)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("compareSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.cell)
        self.splitter.setCollapsible(0, False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.splitterMoved.connect(lambda *_: self._sync_button())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        self.retranslate()

    def toggle_row(self, row: int) -> None:
        """Expand a theme row in place (every sentence, uncut), or fold it back."""
        self.model.toggle_row(row)
        self.table.resizeRowToContents(row)
        self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.EnsureVisible)

    def show_evidence(self, shown: bool) -> None:
        """Fold the evidence panel away (all rows get the room) or bring it back."""
        total = sum(self.splitter.sizes()) or self.height()
        self.splitter.setSizes([total, 0] if not shown else [int(total * 0.68), total - int(total * 0.68)])
        self._sync_button()

    def evidence_shown(self) -> bool:
        sizes = self.splitter.sizes()
        return sum(sizes) == 0 or sizes[1] > 0  # before the first layout the panel is meant to show

    def _sync_button(self) -> None:
        shown = self.evidence_shown()
        self.evidence_button.blockSignals(True)
        self.evidence_button.setChecked(shown)
        self.evidence_button.blockSignals(False)
        self.evidence_button.setText(self.tr("Hide evidence ▾") if shown else self.tr("Show evidence ▴"))

    def select_cell(self, row: int, column: int) -> None:
        self.table.setCurrentIndex(self.model.index(row, column))

    def current_cell(self) -> object:
        return self.model.data(self.table.currentIndex(), ROW_ROLE)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.cellChanged.emit(self.model.data(current, ROW_ROLE))

    def refit(self) -> None:
        """Row heights follow the column widths (after a resize or a new comparison)."""
        self.table.resizeRowsToContents()

    def eventFilter(self, watched: object, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self, self.refit)
        return False

    def retranslate(self) -> None:
        self.hint.setText(self.tr("Click a theme to expand its row; select a cell to read its evidence."))
        self._sync_button()
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

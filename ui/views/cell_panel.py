"""One comparison cell: its passages and measures, and the user's own note for the cell."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.models.base import ROW_ROLE
from ui.models.compare_model import CellDetailModel


class CellPanel(QWidget):
    """Signals:
        openItem(object): open this passage (``SearchHit``) or ``Measure`` in the reader.
        noteRequested(object): add a note on this passage or measure.
        saveRequested(str): store this text as the cell's note ("" removes it).
    """

    openItem = Signal(object)
    noteRequested = Signal(object)
    saveRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._heading: tuple[str, str, int, int] | None = None
        self.model = CellDetailModel(self)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # a user's theme label, a region
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() * 3 + 10)  # long ones elide
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(CellDetailModel.COL_KIND, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CellDetailModel.COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CellDetailModel.COL_SOURCE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(CellDetailModel.COL_SOURCE, 300)
        self.table.doubleClicked.connect(self._open_index)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.override_edit = QPlainTextEdit()
        self.override_edit.setMaximumHeight(64)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(lambda: self.saveRequested.emit(self.override_edit.toPlainText()))
        self.note_button = QPushButton()
        self.note_button.clicked.connect(self._note_current)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self._open_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.note_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note_label)
        layout.addWidget(self.override_edit)
        layout.addLayout(buttons)
        self.retranslate()
        self.set_cell(None)

    def set_cell(self, cell: Any, theme: str = "") -> None:
        self.model.set_cell(cell)
        self.override_edit.setPlainText((cell.override or "") if cell else "")
        self._heading = (theme, cell.region, cell.count, len(cell.measures)) if cell is not None else None
        for w in (self.override_edit, self.save_button):
            w.setEnabled(cell is not None and not self.property("readonly"))
        for w in (self.note_button, self.open_button):
            w.setEnabled(cell is not None and self.model.rowCount() > 0)
        self.note_button.setEnabled(self.note_button.isEnabled() and not self.property("readonly"))
        self._update_title()

    def set_readonly(self, readonly: bool) -> None:
        self.setProperty("readonly", readonly)
        for w in (self.override_edit, self.save_button, self.note_button):
            w.setEnabled(w.isEnabled() and not readonly)

    def item(self, row: int) -> Any:
        return self.model.data(self.model.index(row, 0), ROW_ROLE)

    def _open_index(self, index: QModelIndex) -> None:
        item = self.item(index.row()) if index.isValid() else None
        if item is not None:
            self.openItem.emit(item)

    def current_item(self) -> Any:
        """The selected passage or measure; the first one when none is selected."""
        index = self.table.currentIndex()
        return self.item(index.row() if index.isValid() else 0)

    def _open_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self.openItem.emit(item)

    def _note_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self.noteRequested.emit(item)

    def _menu(self, pos: QPoint) -> None:
        item = self.item(self.table.indexAt(pos).row())
        if item is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Open in reader"), lambda: self.openItem.emit(item))
        add = menu.addAction(self.tr("Add note…"), lambda: self.noteRequested.emit(item))
        add.setEnabled(not self.property("readonly"))
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _update_title(self) -> None:
        if self._heading is None:
            self.title.setText(self.tr("Select a cell to see its passages and measures"))
            return
        theme, region, passages, measures = self._heading
        self.title.setText(self.tr("%1 · %2: %3 passages, %4 measures").replace("%1", theme).replace("%2", region)
                           .replace("%3", str(passages)).replace("%4", str(measures)))

    def retranslate(self) -> None:
        self.note_label.setText(self.tr("Your note for this cell (shown in the matrix instead of the passage):"))
        self.override_edit.setPlaceholderText(self.tr("e.g. 人才政策未见具体条款"))
        self.save_button.setText(self.tr("Save cell note"))
        self.note_button.setText(self.tr("Add note…"))
        self.note_button.setToolTip(self.tr("Add a note on the selected passage or measure"))
        self.open_button.setText(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Open the selected passage in the reader"))
        self.model.retranslate()
        self._update_title()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

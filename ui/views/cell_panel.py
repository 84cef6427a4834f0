"""One comparison cell: every sentence that speaks of its theme, and the user's own note for the cell.

The note editor folds away behind a button, so that the evidence gets the panel's height.
"""

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
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.models.base import EXPANDED_ROLE, PARAGRAPHS_ROLE, ROW_ROLE
from ui.models.compare_model import CellDetailModel
from ui.views.summary_delegate import SummaryDelegate


class _WrappedDetail(CellDetailModel):
    """The evidence rows, painted wrapped (two lines each, the rest in the tooltip)."""

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == PARAGRAPHS_ROLE and index.isValid():
            text = super().data(index, Qt.ItemDataRole.DisplayRole) or ""
            return [("item", text)] if text else []
        if role == EXPANDED_ROLE:
            return False
        return super().data(index, role)


class CellPanel(QWidget):
    """Signals:
        openItem(object): open this ``Evidence`` sentence in the reader.
        noteRequested(object): add a note on this sentence.
        saveRequested(str): store this text as the cell's note ("" removes it).
    """

    openItem = Signal(object)
    noteRequested = Signal(object)
    saveRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._heading: tuple[str, str, int, int] | None = None
        self.model = _WrappedDetail(self)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # a user's theme label, a region
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(SummaryDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(CellDetailModel.COL_FIGURES, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CellDetailModel.COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CellDetailModel.COL_SOURCE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(CellDetailModel.COL_FIGURES, 130)
        header.resizeSection(CellDetailModel.COL_SOURCE, 220)
        self.table.doubleClicked.connect(self._open_index)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.note_toggle = QToolButton()
        self.note_toggle.setCheckable(True)
        self.note_toggle.toggled.connect(self.show_note_editor)
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
        buttons.addWidget(self.note_toggle)
        self.editor = QWidget()
        ev = QVBoxLayout(self.editor)
        ev.setContentsMargins(0, 0, 0, 0)
        ev.addWidget(self.note_label)
        row = QHBoxLayout()
        row.addWidget(self.override_edit, 1)
        row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignBottom)
        ev.addLayout(row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.editor)
        self.retranslate()
        self.show_note_editor(False)
        self.set_cell(None)

    def show_note_editor(self, shown: bool) -> None:
        self.editor.setVisible(shown)
        self.note_toggle.blockSignals(True)
        self.note_toggle.setChecked(shown)
        self.note_toggle.blockSignals(False)
        self._update_toggle()

    def set_cell(self, cell: Any, theme: str = "") -> None:
        self.model.set_cell(cell)
        self.table.resizeRowsToContents()
        self.override_edit.setPlainText((cell.override or "") if cell else "")
        if cell is not None and cell.override:
            self.show_note_editor(True)
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
        """The selected sentence; the first one when none is selected."""
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
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.tr("Open in reader"), lambda: self.openItem.emit(item))
        add = menu.addAction(self.tr("Add note…"), lambda: self.noteRequested.emit(item))
        add.setEnabled(not self.property("readonly"))
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _update_title(self) -> None:
        if self._heading is None:
            self.title.setText(self.tr("Select a cell to see the sentences behind it"))
            return
        theme, region, sentences, measures = self._heading
        self.title.setText(self.tr("%1 · %2: %3 sentences, %4 measures").replace("%1", theme).replace("%2", region)
                           .replace("%3", str(sentences)).replace("%4", str(measures)))

    def _update_toggle(self) -> None:
        shown = not self.editor.isHidden()
        self.note_toggle.setText(self.tr("Cell note ▾") if shown else self.tr("Cell note ▸"))

    def retranslate(self) -> None:
        self.note_label.setText(self.tr("Your note for this cell (shown in the matrix instead of the sentences):"))
        self.override_edit.setPlaceholderText(self.tr("e.g. 人才政策未见具体条款"))
        self.save_button.setText(self.tr("Save cell note"))
        self.note_button.setText(self.tr("Add note…"))
        self.note_button.setToolTip(self.tr("Add a note on the selected sentence"))
        self.open_button.setText(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Open the selected sentence in the reader"))
        self.note_toggle.setToolTip(self.tr("Show or hide your own note for this cell"))
        self._update_toggle()
        self.model.retranslate()
        self._update_title()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

"""The library (文档库): every document, sortable and filterable; open one, or remove it.

Why a landing page: after the first import a researcher wants to see what is in the library
before knowing what to search for. The list is the controller's ``documentsLoaded`` answer, which
it refreshes whenever a write's ``Changes`` name documents; filtering happens in the proxy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kb.models import DOC_KINDS
from ui.labels import label
from ui.models.base import ROW_ROLE
from ui.models.library_model import LibraryFilter, LibraryModel
from ui.plain import ask_yes_no
from ui.views.choices import refill, set_all_text
from ui.views.column_fit import ColumnFitter

if TYPE_CHECKING:
    from kb.models import DocumentSummary
    from ui.controller import AppController


class LibraryView(QWidget):
    """Signals:
        openDocument(str): the id of the document to read.
    """

    openDocument = Signal(str)

    def __init__(self, controller: AppController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._readonly = False
        self.model = LibraryModel(self)
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter_box = QLineEdit()
        self.filter_box.setClearButtonEnabled(True)
        self.kind_box, self.region_box = QComboBox(), QComboBox()
        for box in (self.kind_box, self.region_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(8)
        self.count = QLabel()
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.open_button, self.remove_button = QPushButton(), QPushButton()
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(LibraryModel.COL_DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        counts = self.fontMetrics().horizontalAdvance("00000") + 34
        self.fit = ColumnFitter(self.table, {
            LibraryModel.COL_REGION: (110, 60), LibraryModel.COL_DATE: (96, 70), LibraryModel.COL_KIND: (80, 48),
            LibraryModel.COL_ISSUER: (170, 70), LibraryModel.COL_NUMBER: (140, 60),
            **{c: (counts, counts - 14) for c in LibraryModel.COUNT_COLUMNS}}, LibraryModel.COL_TITLE, 0.3)
        bar = QHBoxLayout()
        bar.addWidget(self.filter_box, 3)
        bar.addWidget(self.kind_box, 1)
        bar.addWidget(self.region_box, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        buttons.addWidget(self.status, 2)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.filter_box.textChanged.connect(self.apply_filters)
        self.kind_box.currentIndexChanged.connect(self.apply_filters)
        self.region_box.currentIndexChanged.connect(self.apply_filters)
        self.table.doubleClicked.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.open_button.clicked.connect(self.open_current)
        self.remove_button.clicked.connect(self.remove_current)
        controller.documentsLoaded.connect(self.set_documents)
        self.retranslate()

    # data -------------------------------------------------------------------------------------
    def set_documents(self, rows: list[DocumentSummary]) -> None:
        """Show the library's documents, keeping the filters and the selected document."""
        selected = self.current()
        self.model.set_rows(rows)
        regions = sorted({r for row in rows for r in row.doc.region_chain})
        refill(self.region_box, self.tr("All regions"), ((r, r) for r in regions))
        self.apply_filters()
        if selected is not None:
            self.select(selected.doc.id)

    def apply_filters(self) -> None:
        self.proxy.set_filters(text=self.filter_box.text(), kind=self.kind_box.currentData() or "",
                               region=self.region_box.currentData() or "")
        self.count.setText(self.tr("%1 of %2 documents").replace("%1", str(self.proxy.rowCount()))
                           .replace("%2", str(self.model.rowCount())))
        self._update_buttons()

    def visible(self) -> list[DocumentSummary]:
        return [self.proxy.data(self.proxy.index(r, 0), ROW_ROLE) for r in range(self.proxy.rowCount())]

    def select(self, doc_id: str) -> bool:
        for r in range(self.proxy.rowCount()):
            if self.proxy.data(self.proxy.index(r, 0), ROW_ROLE).doc.id == doc_id:
                self.table.selectRow(r)
                return True
        return False

    def current(self) -> DocumentSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.data(rows[0], ROW_ROLE) if rows else None

    # actions ----------------------------------------------------------------------------------
    def set_readonly(self, readonly: bool) -> None:
        self._readonly = readonly
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.current() is not None
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen and not self._readonly)

    def _open_index(self, index: QModelIndex) -> None:
        row = self.proxy.data(index, ROW_ROLE) if index.isValid() else None
        if row is not None:
            self.openDocument.emit(row.doc.id)

    def open_current(self) -> None:
        row = self.current()
        if row is not None:
            self.openDocument.emit(row.doc.id)

    def confirm(self, text: str) -> bool:
        """Yes/no question; tests replace this method."""
        return ask_yes_no(self, self.tr("Zhiku"), text)

    def remove_current(self) -> bool:
        """Remove the selected document after asking; its notes stay, marked orphaned."""
        row = self.current()
        if row is None or self._readonly:
            return False
        question = self.tr("Remove “%1” from the library? Its passages, entities and measures go; "
                           "notes on it stay, marked orphaned.").replace("%1", row.doc.title or row.doc.name)
        if not self.confirm(question):
            return False
        title = row.doc.title or row.doc.name
        self.controller.remove_document(row.doc.id, then=lambda _ch: self.status.setText(
            self.tr("Removed “%1”.").replace("%1", title)))
        return True

    def retranslate(self) -> None:
        self.filter_box.setPlaceholderText(self.tr("Filter by title, issuer, doc no., source or file…"))
        refill(self.kind_box, self.tr("All kinds"), ((label("kind", kind), kind) for kind in DOC_KINDS))
        set_all_text(self.region_box, self.tr("All regions"))
        self.open_button.setText(self.tr("Open"))
        self.remove_button.setText(self.tr("Remove from library…"))
        self.model.retranslate()
        self.apply_filters()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def header_labels(self) -> list[Any]:
        return [self.model.headerData(c, Qt.Orientation.Horizontal) for c in range(self.model.columnCount())]

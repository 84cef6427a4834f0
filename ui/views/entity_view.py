"""Entity browser: a filterable table of entities beside the selected entity's page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.entity_corrections import EntityCorrector
from ui.labels import ENTITY_COLOURS, label
from ui.models.base import ROW_ROLE
from ui.models.entity_model import EntityFilterProxy, EntityTableModel
from ui.views.choices import refill, set_all_text
from ui.views.column_fit import ColumnFitter
from ui.views.entity_page import EntityPageView

if TYPE_CHECKING:
    from kb.models import Entity
    from ui.results import TitleBook


class EntityView(QWidget):
    """Signals:
        entitySelected(int): the user picked an entity in the table.
    """

    entitySelected = Signal(int)

    def __init__(self, parent: QWidget | None = None, titles: TitleBook | None = None) -> None:
        super().__init__(parent)
        self.model = EntityTableModel(self)
        self.proxy = EntityFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_box = QLineEdit()
        self.filter_box.setClearButtonEnabled(True)
        self.type_box = QComboBox()
        self.region_box = QComboBox()
        self.region_box.setMinimumContentsLength(6)
        self.count = QLabel()
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(EntityTableModel.COL_MENTIONS, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        # names first: the other columns give way when the list is narrow (1024 px, English headers)
        fm = self.fontMetrics()
        title = str(self.model.headerData(EntityTableModel.COL_MENTIONS, Qt.Orientation.Horizontal))
        counts = max(fm.horizontalAdvance(title), fm.horizontalAdvance("0000")) + 30  # + the sort arrow
        self.fit = ColumnFitter(self.table, {EntityTableModel.COL_TYPE: (76, 44), EntityTableModel.COL_REGION: (100, 50),
                                             EntityTableModel.COL_MENTIONS: (counts, counts - 10),
                                             EntityTableModel.COL_DOCS: (56, 40)},
                                EntityTableModel.COL_NAME)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.corrector = EntityCorrector(self)
        self.page = EntityPageView(self.corrector, titles=titles)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)

        filters = QHBoxLayout()
        filters.addWidget(self.filter_box, 2)
        filters.addWidget(self.type_box, 1)
        filters.addWidget(self.region_box, 1)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(filters)
        lv.addWidget(self.table, 1)
        lv.addWidget(self.count)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("entitySplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.page)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([440, 620])  # the page's tables need the room more than the list
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        self.filter_box.textChanged.connect(self._filter_changed)
        self.type_box.currentIndexChanged.connect(self._filter_changed)
        self.region_box.currentIndexChanged.connect(self._filter_changed)
        self.table.clicked.connect(self._clicked)
        self.table.activated.connect(self._clicked)
        self.retranslate()

    def set_entities(self, entities: list[Entity]) -> None:
        self.model.set_rows(entities)
        self.corrector.set_entities(entities)
        regions = sorted({r for e in entities for r in e.region_chain})
        refill(self.region_box, self.tr("All regions"), ((r, r) for r in regions))
        self._filter_changed()

    def select_entity(self, entity_id: int) -> None:
        """Select the table row of ``entity_id`` if it is visible (no signal)."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            entity = index.data(ROW_ROLE)
            if entity is not None and entity.id == entity_id:
                self.table.blockSignals(True)
                self.table.selectRow(row)
                self.table.scrollTo(index)
                self.table.blockSignals(False)
                return
        self.table.clearSelection()

    def _filter_changed(self) -> None:
        self.proxy.set_text(self.filter_box.text())
        self.proxy.set_type(self.type_box.currentData() or "")
        self.proxy.set_region(self.region_box.currentData() or "")
        self.count.setText(self.tr("%1 of %2 entities").replace("%1", str(self.proxy.rowCount()))
                           .replace("%2", str(self.model.rowCount())))

    def table_menu(self, row: int) -> QMenu | None:
        """The corrections for the entity on (proxy) ``row``; None off the rows."""
        entity = self.proxy.index(row, 0).data(ROW_ROLE) if 0 <= row < self.proxy.rowCount() else None
        if entity is None:
            return None
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.tr("Open"), lambda: self.entitySelected.emit(entity.id))
        menu.addSeparator()
        self.corrector.fill_menu(menu, entity)
        return menu

    def _table_menu(self, pos: QPoint) -> None:
        menu = self.table_menu(self.table.indexAt(pos).row())
        if menu is not None:
            menu.popup(self.table.viewport().mapToGlobal(pos))

    def _clicked(self, index: QModelIndex) -> None:
        entity = index.data(ROW_ROLE)
        if entity is not None:
            self.entitySelected.emit(entity.id)

    def retranslate(self) -> None:
        self.filter_box.setPlaceholderText(self.tr("Filter by name or alias…"))
        refill(self.type_box, self.tr("All types"), ((label("entity_type", t), t) for t in ENTITY_COLOURS))
        set_all_text(self.region_box, self.tr("All regions"))
        self.model.retranslate()
        self._filter_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

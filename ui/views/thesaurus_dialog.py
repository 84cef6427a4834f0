"""Tools ▸ Thesaurus: browse the policy thesaurus, add, edit, switch off, remove or reset groups.

Why the user edits it: a search for a concept in the user's own words falls back on these groups
when the documents do not use those words. Shipped groups can be edited and switched off, never
deleted (a reset brings one back); the user's own groups can be deleted. Every change is written by
the core to the library's thesaurus file and the shown search is run again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelection, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.models.base import ROW_ROLE
from ui.models.thesaurus_model import ThesaurusModel
from ui.plain import ask_yes_no

if TYPE_CHECKING:
    from kb.models import Changes, ThesaurusGroup
    from ui.controller import AppController
    from ui.results import ThesaurusData
    from ui.views.thesaurus_editor import GroupValues


class ThesaurusDialog(QDialog):
    """Non-modal; it asks the controller for the groups and reloads them after each change."""

    def __init__(self, controller: AppController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("thesaurusDialog")
        self.controller = controller
        self._select_id: str | None = None
        self.model = ThesaurusModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)  # a term, a note or a source
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.find_box = QLineEdit()
        self.find_box.setClearButtonEnabled(True)
        self.count = QLabel()
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the core's order: themes together
        self.proxy.sort(-1)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in ((ThesaurusModel.COL_TERMS, 330), (ThesaurusModel.COL_RELATION, 64),
                           (ThesaurusModel.COL_STATE, 56), (ThesaurusModel.COL_ORIGIN, 90)):
            self.table.setColumnWidth(col, width)
        self.add_button, self.edit_button, self.toggle_button = QPushButton(), QPushButton(), QPushButton()
        self.remove_button, self.reset_button, self.close_button = QPushButton(), QPushButton(), QPushButton()
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self._layout()
        self.find_box.textChanged.connect(self._filter)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.add_button.clicked.connect(self.add_group)
        self.edit_button.clicked.connect(self.edit_selected)
        self.toggle_button.clicked.connect(self.toggle_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.reset_button.clicked.connect(self.reset_selected)
        self.close_button.clicked.connect(self.close)
        controller.thesaurusLoaded.connect(self.show_data)
        controller.changed.connect(self._changed)
        controller.failed.connect(self._failed)
        self.resize(900, 560)
        self.retranslate()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.find_box, 1)
        top.addWidget(self.count)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.toggle_button, self.remove_button, self.reset_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    # showing ----------------------------------------------------------------------------------
    def open_dialog(self) -> None:
        self.controller.load_thesaurus()
        if self.isVisible():
            self.raise_()  # already open behind the window: bring it forward
        self.show()

    def show_data(self, data: ThesaurusData) -> None:
        chosen = self.selected()
        keep = self._select_id or (chosen.id if chosen else None)
        self.model.set_groups(data.groups, data.sources)
        self._select_id = None
        if keep is not None:
            self.select_group(keep)
        self._update_count()
        self._update_buttons()

    def select_group(self, group_id: str) -> bool:
        row = self.model.row_of(group_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def selected(self) -> ThesaurusGroup | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].data(ROW_ROLE) if rows else None

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._update_count()

    def _update_count(self) -> None:
        self.count.setText(self.tr("%1 of %2 groups").replace("%1", str(self.proxy.rowCount()))
                           .replace("%2", str(self.model.rowCount())))

    def _selection_changed(self, _a: QItemSelection, _b: QItemSelection) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        g = self.selected()
        writable = not self.controller.readonly
        self.add_button.setEnabled(writable)
        for b in (self.edit_button, self.toggle_button, self.remove_button):
            b.setEnabled(writable and g is not None)
        self.reset_button.setEnabled(writable and g is not None and g.origin != "user"
                                     and (g.origin == "edited" or not g.enabled))
        self.toggle_button.setText(self.tr("Switch off") if g is None or g.enabled else self.tr("Switch on"))
        self.remove_button.setText(self.tr("Remove") if g is None or g.origin == "user" else self.tr("Remove (switch off)"))
        reason = self.tr("The library is read-only") if not writable else ""
        for b in (self.add_button, self.edit_button, self.toggle_button, self.remove_button, self.reset_button):
            b.setToolTip(reason)
        if writable:
            self.reset_button.setToolTip(self.tr("Undo your changes to a shipped group and switch it on"))

    # editing ----------------------------------------------------------------------------------
    def ask_group(self, group: ThesaurusGroup | None) -> GroupValues | None:
        """Terms, relation and note from the form; tests replace this method."""
        from ui.views.thesaurus_editor import ask_group

        return ask_group(self, group)

    def confirm(self, text: str) -> bool:
        """A yes/no question; tests replace this method."""
        return ask_yes_no(self, self.tr("Thesaurus"), text)

    def add_group(self) -> bool:
        values = self.ask_group(None)
        if values is None:
            return False
        terms, relation, note = values
        self.status.setText(self.tr("Saving…"))
        self.controller.add_thesaurus_group(terms, relation, note, then=self._saved)
        return True

    def edit_selected(self) -> bool:
        g = self.selected()
        if g is None or self.controller.readonly:
            return False
        values = self.ask_group(g)
        if values is None:
            return False
        terms, relation, note = values
        self._select_id = g.id
        self.controller.update_thesaurus_group(g.id, terms, relation, note, then=self._saved)
        return True

    def toggle_selected(self) -> bool:
        g = self.selected()
        if g is None or self.controller.readonly:
            return False
        self._select_id = g.id
        self.controller.set_thesaurus_group_enabled(g.id, not g.enabled, then=self._saved)
        return True

    def remove_selected(self) -> bool:
        g = self.selected()
        if g is None or self.controller.readonly:
            return False
        if g.origin == "user":
            if not self.confirm(self.tr("Delete the group “%1”?").replace("%1", "、".join(g.terms))):
                return False
        else:
            self._select_id = g.id  # a shipped group stays, switched off
        self.controller.remove_thesaurus_group(g.id, then=self._saved)
        return True

    def reset_selected(self) -> bool:
        g = self.selected()
        if g is None or g.origin == "user" or self.controller.readonly:
            return False
        self._select_id = g.id
        self.controller.reset_thesaurus_group(g.id, then=self._saved)
        return True

    def _saved(self, _changes: Changes) -> None:
        self.status.setText(self.tr("Saved; the search shown is run again."))

    def _changed(self, changes: Changes) -> None:
        if changes.thesaurus and self.isVisible():
            self.controller.load_thesaurus()

    def _failed(self, kind: str, message: str) -> None:
        if kind == "thesaurus":
            self.status.setText(message)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Thesaurus"))
        self.find_box.setPlaceholderText(self.tr("Find a term, a note or a source…"))
        self.add_button.setText(self.tr("Add…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.reset_button.setText(self.tr("Reset"))
        self.close_button.setText(self.tr("Close"))
        self.model.retranslate()
        self._update_count()
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

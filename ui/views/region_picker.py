"""Region checklist for the comparison: the regions of the documents, plus any typed name.

Why the check order is kept: the comparison's columns follow the order in which the user chose
the regions (赣州, 张家港, 宁夏, 江西), not the list's order.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

REGION_ROLE = Qt.ItemDataRole.UserRole + 1


class RegionPicker(QWidget):
    """Signals:
        selectionChanged(): the checked regions (or their order) changed.
    """

    selectionChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._order: list[str] = []
        self._quiet = False  # set while the code (not the user) changes check states
        self.model = QStandardItemModel(self)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.edit = QLineEdit()
        self.edit.setClearButtonEnabled(True)
        self.edit.returnPressed.connect(self._add_from_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.edit)
        self.model.itemChanged.connect(self._item_changed)
        self.retranslate()

    def set_names(self, names: Sequence[tuple[str, int]], checked: Sequence[str]) -> None:
        """List ``(name, depth)`` pairs; check ``checked`` in that order (unknown ones are appended)."""
        self._quiet = True
        self.model.clear()
        for name, depth in names:
            self._append(name, depth)
        self._quiet = False
        self.set_regions(list(checked))

    def _append(self, name: str, depth: int) -> QStandardItem:
        item = QStandardItem("\u3000" * depth + name)  # indented under its parent region
        item.setData(name, REGION_ROLE)
        item.setCheckable(True)
        item.setCheckState(Qt.CheckState.Unchecked)
        self.model.appendRow(item)
        return item

    def _items(self) -> dict[str, QStandardItem]:
        m = self.model
        return {m.item(r).data(REGION_ROLE): m.item(r) for r in range(m.rowCount())}

    def _item_changed(self, item: QStandardItem) -> None:
        if self._quiet:
            return
        name = item.data(REGION_ROLE)
        if item.checkState() == Qt.CheckState.Checked and name not in self._order:
            self._order.append(name)
        elif item.checkState() != Qt.CheckState.Checked and name in self._order:
            self._order.remove(name)
        self.selectionChanged.emit()

    def _add_from_edit(self) -> None:
        name = self.listed_name(self.edit.text().strip())
        if name:
            self.set_regions([*self.selected_regions(), name])
            self.edit.clear()

    def listed_name(self, typed: str) -> str:
        """A typed place as the list spells it ("贵阳" → "贵阳市"), so the same place is ticked once."""
        listed = list(self._items())
        if not typed or typed in listed:
            return typed
        longer = [n for n in listed if n.startswith(typed)]
        return min(longer, key=len) if longer else typed

    def selected_regions(self) -> list[str]:
        """The checked regions in the order the user checked them."""
        return list(self._order)

    def set_regions(self, names: list[str]) -> None:
        """Check exactly ``names``, in that order (adding the ones not listed yet)."""
        items = self._items()
        self._quiet = True
        for name in names:
            if name not in items:
                items[name] = self._append(name, 0)
        for name, item in items.items():
            item.setCheckState(Qt.CheckState.Checked if name in names else Qt.CheckState.Unchecked)
        self._quiet = False
        self._order = list(dict.fromkeys(n for n in names if n in items))
        self.selectionChanged.emit()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Regions (2–5, columns in the order you tick them)"))
        self.edit.setPlaceholderText(self.tr("Add a region, e.g. 贵阳 ⏎"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

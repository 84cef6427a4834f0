"""Cross-region comparison: pick 2–5 regions and themes, read the matrix, open the evidence."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QThreadPool, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kb.compare import DEFAULT_REGIONS, MAX_REGIONS, MIN_REGIONS, Comparison
from kb.errors import ZhikuError
from ui.models.base import ROW_ROLE, SORT_ROLE
from ui.models.compare_model import CellDetailModel, CompareModel, NumbersModel, ThemeModel
from ui.views.tool_mix_chart import ToolMixChart
from ui.workers import Worker

log = logging.getLogger(__name__)

REGION_ROLE = Qt.ItemDataRole.UserRole + 1


class ThemeDialog(QDialog):
    """Label, query and measure themes of one comparison theme."""

    def __init__(self, parent: QWidget | None = None, *, label: str = "", query: str = "", measure_themes: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Theme"))
        form = QFormLayout(self)
        self.label_edit = QLineEdit(label)
        self.query_edit = QLineEdit(query)
        self.query_edit.setPlaceholderText(self.tr('words, OR, "phrases" — e.g. 人才 OR 引才'))
        self.measures_edit = QLineEdit(measure_themes)
        self.measures_edit.setPlaceholderText("talent, kind:target")
        form.addRow(self.tr("Label"), self.label_edit)
        form.addRow(self.tr("Query"), self.query_edit)
        form.addRow(self.tr("Measure themes"), self.measures_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str, list[str]]:
        mts = [v for v in self.measures_edit.text().replace("，", ",").replace(",", " ").split() if v]
        return self.label_edit.text().strip(), self.query_edit.text().strip(), mts


class CompareView(QWidget):
    """The comparison tab.

    Signals:
        open_passage(str, int, int): doc id, start, end — show this passage in the reader.
        comparison_ready(object): a new ``Comparison`` is displayed.
        failed(str): a message the user has seen.
    """

    open_passage = Signal(str, int, int)
    comparison_ready = Signal(object)
    failed = Signal(str)

    def __init__(self, kb: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kb = kb
        self._worker: Worker | None = None
        self.region_model = QStandardItemModel(self)
        self.theme_model = ThemeModel(self)
        self.matrix_model = CompareModel(self)
        self.detail_model = CellDetailModel(self)
        self.numbers_model = NumbersModel(self)
        self._build()
        self.reload()

    # layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        side = QWidget()
        sl = QVBoxLayout(side)
        sl.addWidget(QLabel(self.tr("Regions (2–5)")))
        self.region_list = QListView()
        self.region_list.setModel(self.region_model)
        self.region_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        sl.addWidget(self.region_list, 2)
        row = QHBoxLayout()
        self.region_edit = QLineEdit()
        self.region_edit.setPlaceholderText(self.tr("Add a region, e.g. 贵阳"))
        self.region_edit.returnPressed.connect(self._add_region_from_edit)
        row.addWidget(self.region_edit)
        sl.addLayout(row)
        sl.addWidget(QLabel(self.tr("Themes")))
        self.theme_list = QListView()
        self.theme_list.setModel(self.theme_model)
        self.theme_list.setModelColumn(ThemeModel.COL_LABEL)
        sl.addWidget(self.theme_list, 3)
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("Add"), self._on_add_theme), (self.tr("Edit"), self._on_edit_theme),
                           (self.tr("Remove"), self._on_remove_theme)):
            b = QPushButton(text)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        sl.addLayout(buttons)
        self.compare_button = QPushButton(self.tr("Compare"))
        self.compare_button.setDefault(True)
        self.compare_button.clicked.connect(self.run_compare)
        sl.addWidget(self.compare_button)
        self.export_button = QPushButton(self.tr("Export…"))
        menu = QMenu(self.export_button)
        for fmt, text in (("xlsx", self.tr("Excel workbook (.xlsx)")), ("md", self.tr("Markdown (.md)")), ("csv", self.tr("CSV (.csv)"))):
            menu.addAction(text).triggered.connect(lambda _=False, f=fmt: self._on_export(f))
        self.export_button.setMenu(menu)
        sl.addWidget(self.export_button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        sl.addWidget(self.status)

        self.matrix = QTableView()
        self.matrix.setModel(self.matrix_model)
        self.matrix.setWordWrap(True)
        self.matrix.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matrix.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix.verticalHeader().setDefaultSectionSize(64)
        self.matrix.selectionModel().currentChanged.connect(self._on_cell)
        detail = QWidget()
        dl = QVBoxLayout(detail)
        self.detail_title = QLabel(self.tr("Select a cell to see its passages and measures"))
        dl.addWidget(self.detail_title)
        self.detail = QTableView()
        self.detail.setModel(self.detail_model)
        self.detail.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.detail.horizontalHeader().setSectionResizeMode(CellDetailModel.COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.detail.horizontalHeader().resizeSection(CellDetailModel.COL_SOURCE, 320)
        self.detail.doubleClicked.connect(self._on_open)
        dl.addWidget(self.detail, 3)
        self.override_edit = QPlainTextEdit()
        self.override_edit.setPlaceholderText(self.tr("Your own summary of this cell (replaces the passage in the matrix)"))
        self.override_edit.setMaximumHeight(70)
        dl.addWidget(self.override_edit)
        save = QPushButton(self.tr("Save cell text"))
        save.clicked.connect(self.save_override)
        dl.addWidget(save)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.matrix)
        split.addWidget(detail)
        split.setSizes([520, 300])

        self.numbers = QTableView()
        self.numbers_proxy = QSortFilterProxyModel(self)
        self.numbers_proxy.setSourceModel(self.numbers_model)
        self.numbers_proxy.setSortRole(SORT_ROLE)
        self.numbers.setModel(self.numbers_proxy)
        self.numbers.setSortingEnabled(True)
        self.numbers.setWordWrap(False)
        self.numbers.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.numbers.horizontalHeader().setSectionResizeMode(NumbersModel.COL_WHAT, QHeaderView.ResizeMode.Stretch)
        self.numbers.doubleClicked.connect(self._on_open_number)
        self.chart = ToolMixChart()

        self.tabs = QTabWidget()
        self.tabs.addTab(split, self.tr("Matrix"))
        self.tabs.addTab(self.numbers, self.tr("Numbers"))
        self.tabs.addTab(self.chart, self.tr("Policy instruments"))
        outer = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(side)
        outer.addWidget(self.tabs)
        outer.setSizes([260, 1140])
        QVBoxLayout(self).addWidget(outer)

    # regions and themes -------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read regions and themes (after an import or a theme edit)."""
        checked = set(self.selected_regions())
        names: list[str] = []
        depth: dict[str, int] = {}
        for doc in sorted(self.kb.documents(), key=lambda d: d.region_chain):
            for level, n in enumerate(doc.region_chain):
                if n not in depth:
                    names.append(n)
                    depth[n] = level
        if not checked:
            for d in DEFAULT_REGIONS:
                match = next((n for n in names if n.startswith(d)), None)
                if match:
                    checked.add(match)
        self.region_model.clear()
        for name in names + sorted(checked - set(names)):
            self._append_region(name, name in checked, depth.get(name, 0))
        self.theme_model.set_rows(self.kb.themes())

    def _append_region(self, name: str, checked: bool, depth: int = 0) -> None:
        item = QStandardItem("\u3000" * depth + name)  # indented under its parent region
        item.setData(name, REGION_ROLE)
        item.setCheckable(True)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.region_model.appendRow(item)

    def _add_region_from_edit(self) -> None:
        name = self.region_edit.text().strip()
        if name:
            self.set_regions([*self.selected_regions(), name])
            self.region_edit.clear()

    def selected_regions(self) -> list[str]:
        m = self.region_model
        return [m.item(r).data(REGION_ROLE) for r in range(m.rowCount()) if m.item(r).checkState() == Qt.CheckState.Checked]

    def set_regions(self, names: list[str]) -> None:
        """Check exactly ``names`` (adding the ones not listed yet)."""
        known = {self.region_model.item(r).data(REGION_ROLE): self.region_model.item(r) for r in range(self.region_model.rowCount())}
        for name in names:
            if name not in known:
                self._append_region(name, True)
        for name, item in known.items():
            item.setCheckState(Qt.CheckState.Checked if name in names else Qt.CheckState.Unchecked)

    def ask_theme(self, label: str = "", query: str = "", measure_themes: str = "") -> tuple[str, str, list[str]] | None:
        """The theme dialog; tests replace this method."""
        dlg = ThemeDialog(self, label=label, query=query, measure_themes=measure_themes)
        return dlg.values() if dlg.exec() == QDialog.DialogCode.Accepted else None

    def confirm(self, text: str) -> bool:
        """Yes/no question; tests replace this method."""
        return QMessageBox.question(self, self.tr("Zhiku"), text) == QMessageBox.StandardButton.Yes

    def current_theme(self) -> Any:
        return self.theme_model.row_at(self.theme_list.currentIndex().row())

    def _on_add_theme(self) -> None:
        values = self.ask_theme()
        if values:
            self._guard(lambda: self.kb.add_theme(*values))

    def _on_edit_theme(self) -> None:
        theme = self.current_theme()
        if theme is None:
            return
        values = self.ask_theme(theme.label, theme.query, " ".join(theme.measure_themes))
        if values:
            label, query, mts = values
            self._guard(lambda: self.kb.update_theme(theme.key, label=label, query=query, measure_themes=mts))

    def _on_remove_theme(self) -> None:
        theme = self.current_theme()
        if theme is not None and self.confirm(self.tr("Remove the theme “%1”?").replace("%1", theme.label)):
            self._guard(lambda: self.kb.remove_theme(theme.key))

    def _guard(self, action: Any) -> bool:
        """Run a theme change; show its error, or refresh the list and select the changed theme."""
        try:
            changed = action()
        except ZhikuError as exc:
            self._show_error(str(exc))
            return False
        themes = self.kb.themes()
        self.theme_model.set_rows(themes)
        keys = [t.key for t in themes]
        if changed is not None and getattr(changed, "key", None) in keys:
            self.theme_list.setCurrentIndex(self.theme_model.index(keys.index(changed.key), ThemeModel.COL_LABEL))
        return True

    def _show_error(self, text: str) -> None:
        self.status.setText(text)
        self.failed.emit(text)

    # running ------------------------------------------------------------------------------

    def run_compare(self) -> bool:
        """Compare the checked regions on every theme, off the UI thread; False if the choice is invalid."""
        regions = self.selected_regions()
        if not MIN_REGIONS <= len(regions) <= MAX_REGIONS:
            self._show_error(self.tr("Pick between %1 and %2 regions.").replace("%1", str(MIN_REGIONS)).replace("%2", str(MAX_REGIONS)))
            return False
        if self._worker is not None:
            return False
        self.status.setText(self.tr("Comparing…"))
        self.compare_button.setEnabled(False)
        kb = self.kb

        def job(progress: Any, cancelled: Any) -> tuple[Comparison, list[Any], dict[str, dict[str, int]]]:
            return kb.compare(regions), kb.compare_numbers(regions), kb.tool_mix(regions)

        self._worker = Worker(job)
        self._worker.signals.result.connect(self._on_result)
        self._worker.signals.error.connect(lambda exc: self._show_error(str(exc)))
        self._worker.signals.finished.connect(self._on_finished)
        QThreadPool.globalInstance().start(self._worker)
        return True

    def _on_finished(self) -> None:
        self._worker = None
        self.compare_button.setEnabled(True)

    def _on_result(self, value: tuple[Comparison, list[Any], dict[str, dict[str, int]]]) -> None:
        comp, numbers, mix = value
        self.matrix_model.set_comparison(comp)
        self.numbers_model.set_rows(numbers)
        self.chart.set_mix(mix)
        self.detail_model.set_cell(None)
        feeds = "; ".join(f"{c.region}: {len(c.docs)}" for c in comp.columns)
        self.status.setText(self.tr("Documents per region — %1").replace("%1", feeds))
        self.comparison_ready.emit(comp)

    def comparison(self) -> Comparison | None:
        return self.matrix_model.comparison()

    # the selected cell ----------------------------------------------------------------------

    def select_cell(self, row: int, column: int) -> None:
        self.matrix.setCurrentIndex(self.matrix_model.index(row, column))

    def current_cell(self) -> Any:
        return self.matrix_model.data(self.matrix.currentIndex(), ROW_ROLE)

    def _on_cell(self, current: QModelIndex, _previous: QModelIndex) -> None:
        cell = self.matrix_model.data(current, ROW_ROLE)
        self.detail_model.set_cell(cell)
        self.detail.resizeRowsToContents()
        self.override_edit.setPlainText(cell.override or "" if cell else "")
        if cell is not None:
            comp = self.matrix_model.comparison()
            theme = comp.rows[current.row()].theme.label if comp else ""
            self.detail_title.setText(self.tr("%1 · %2: %3 passages, %4 measures").replace("%1", theme)
                                      .replace("%2", cell.region).replace("%3", str(cell.count))
                                      .replace("%4", str(len(cell.measures))))

    def open_detail_row(self, row: int) -> None:
        self._on_open(self.detail_model.index(row, 0))

    def _on_open(self, index: QModelIndex) -> None:
        item = self.detail_model.data(self.detail_model.index(index.row(), 0), ROW_ROLE)
        if item is not None:
            self.open_passage.emit(item.doc_id, item.start, item.end)

    def _on_open_number(self, index: QModelIndex) -> None:
        row = self.numbers_proxy.data(index, ROW_ROLE)
        if row is not None:
            self.open_passage.emit(row.doc_id, row.start, row.end)

    def save_override(self) -> None:
        """Store the user's text for the selected cell (empty text restores the passages)."""
        cell = self.current_cell()
        if cell is None:
            return
        index = self.matrix.currentIndex()
        try:
            self.kb.set_cell_override(cell.region, cell.theme_key, self.override_edit.toPlainText())
        except ZhikuError as exc:
            self._show_error(str(exc))
            return
        shown = self.comparison()
        self.matrix_model.set_comparison(self.kb.compare(list(shown.regions)) if shown else None)
        self.select_cell(index.row(), index.column())

    # export -------------------------------------------------------------------------------

    def _on_export(self, fmt: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export comparison"), f"comparison.{fmt}", f"*.{fmt}")
        if path:
            self.export_to(path, fmt)

    def export_to(self, path: str, fmt: str) -> str | None:
        shown = self.comparison()
        regions = list(shown.regions) if shown else self.selected_regions()
        try:
            out = self.kb.export_compare(path, fmt, regions)
        except ZhikuError as exc:
            self._show_error(str(exc))
            return None
        self.status.setText(self.tr("Saved %1").replace("%1", str(out)))
        return str(out)

"""Cross-region comparison: pick 2–5 regions and themes, read the matrix, open the evidence.

Every call goes through the controller's request lane and answers by signal; the region list
reloads when a write's ``Changes`` name documents, the theme list when they name themes.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kb.models import MAX_REGIONS, MIN_REGIONS, Comparison
from ui.labels import theme_label
from ui.models.base import ROW_ROLE
from ui.models.compare_model import ThemeModel, column_header
from ui.note_target import NoteTarget
from ui.plain import ask_yes_no
from ui.results import CompareResult, RegionChoices
from ui.views.compare_tabs import IndicatorTab, ToolTab
from ui.views.matrix_tab import MatrixTab
from ui.views.region_picker import RegionPicker
from ui.views.theme_dialog import ThemeDialog

if TYPE_CHECKING:
    from kb.models import Changes, Theme
    from ui.controller import AppController

log = logging.getLogger(__name__)

EXPORT_FORMATS = ("xlsx", "docx", "md", "csv")


class CompareView(QWidget):
    """The comparison tab.

    Signals:
        open_passage(str, int, int): doc id, start, end — show this passage in the reader.
        note_requested(object): a ``NoteTarget`` (a passage or measure of a cell) to note.
        comparison_ready(object): a new ``Comparison`` is displayed.
        exported(str): the file an export wrote.
        failed(str): a message the user has seen.
    """

    open_passage = Signal(str, int, int)
    note_requested = Signal(object)
    comparison_ready = Signal(object)
    exported = Signal(str)
    failed = Signal(str)

    def __init__(self, controller: AppController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._busy = False
        self._readonly = False
        self._select_theme: str | None = None
        self._keep_cell: tuple[int, int] | None = None
        self.theme_model = ThemeModel(self)
        self._build()
        self.retranslate()
        controller.regionsLoaded.connect(self._show_regions)
        controller.themesLoaded.connect(self._show_themes)
        controller.comparisonReady.connect(self._on_result)
        controller.opened.connect(lambda _stats: self.reload())
        controller.changed.connect(self._on_changed)
        controller.exported.connect(self._on_exported)
        controller.failed.connect(self._on_failed)
        if controller.is_open():
            self.reload()

    # layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.regions = RegionPicker()
        self.region_model, self.region_edit = self.regions.model, self.regions.edit
        self.themes_title = QLabel()
        self.theme_list = QListView()
        self.theme_list.setModel(self.theme_model)
        self.theme_list.setModelColumn(ThemeModel.COL_LABEL)
        self.add_button, self.edit_button, self.remove_button = QPushButton(), QPushButton(), QPushButton()
        theme_buttons = QHBoxLayout()
        for button, slot in ((self.add_button, self._on_add_theme), (self.edit_button, self._on_edit_theme),
                             (self.remove_button, self._on_remove_theme)):
            button.clicked.connect(slot)
            theme_buttons.addWidget(button)
        self.contained_box = QCheckBox()  # 含下级: a province's column also shows its chosen cities' documents
        self.contained_box.toggled.connect(self._on_contained)
        self.compare_button = QPushButton()
        self.compare_button.setDefault(True)
        self.compare_button.clicked.connect(self.run_compare)
        self.export_button = QPushButton()
        self.export_menu = QMenu(self.export_button)
        self.export_actions = {fmt: self.export_menu.addAction("") for fmt in EXPORT_FORMATS}
        for fmt, action in self.export_actions.items():
            action.triggered.connect(lambda _=False, f=fmt: self._on_export(f))
        self.export_button.setMenu(self.export_menu)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # region names, file paths, messages
        side = QWidget()
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 4, 0)
        sl.addWidget(self.regions, 3)
        sl.addWidget(self.themes_title)
        sl.addWidget(self.theme_list, 3)
        sl.addLayout(theme_buttons)
        sl.addWidget(self.contained_box)
        sl.addWidget(self.compare_button)
        sl.addWidget(self.export_button)
        sl.addWidget(self.status)

        self.matrix_tab = MatrixTab()
        self.matrix, self.matrix_model, self.cell = self.matrix_tab.table, self.matrix_tab.model, self.matrix_tab.cell
        self.detail_model, self.detail, self.override_edit = self.cell.model, self.cell.table, self.cell.override_edit
        self.matrix_tab.cellChanged.connect(lambda _c: self._on_cell(self.matrix.currentIndex(), QModelIndex()))
        self.cell.openItem.connect(self._open_item)
        self.cell.noteRequested.connect(self._note_item)
        self.cell.saveRequested.connect(self.save_override)
        self.indicator_tab = IndicatorTab()
        self.indicators, self.indicator_model = self.indicator_tab.table, self.indicator_tab.model
        self.indicator_tab.openFact.connect(lambda f: self.open_passage.emit(f.doc_id, f.start, f.end))
        self.tool_tab = ToolTab(self.controller.titles)
        self.chart = self.tool_tab.chart
        self.tool_tab.openMeasure.connect(lambda m: self.open_passage.emit(m.doc_id, m.start, m.end))

        self.tabs = QTabWidget()
        self.tabs.addTab(self.matrix_tab, "")
        self.tabs.addTab(self.indicator_tab, "")
        self.tabs.addTab(self.tool_tab, "")
        self.outer = QSplitter(Qt.Orientation.Horizontal)
        self.outer.setObjectName("compareOuterSplitter")
        self.outer.addWidget(side)
        self.outer.addWidget(self.tabs)
        self.outer.setStretchFactor(0, 0)
        self.outer.setStretchFactor(1, 1)
        self.outer.setCollapsible(1, False)
        self.outer.setSizes([200, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.outer)

    def retranslate(self) -> None:
        self.themes_title.setText(self.tr("Themes (rows)"))
        self.add_button.setText(self.tr("Add"))
        self.edit_button.setText(self.tr("Edit"))
        self.remove_button.setText(self.tr("Remove"))
        self.compare_button.setText(self.tr("Compare"))
        self.contained_box.setText(self.tr("Include sub-regions"))
        self.contained_box.setToolTip(self.tr("Off: a region's column leaves out the documents of a chosen region "
                                              "inside it, so nothing shows twice. On: every column shows all its "
                                              "documents."))
        self.export_button.setText(self.tr("Export…"))
        names = {"xlsx": self.tr("Excel workbook (.xlsx)"), "docx": self.tr("Word (.docx)"),
                 "md": self.tr("Markdown (.md)"), "csv": self.tr("CSV (.csv)")}
        for fmt, action in self.export_actions.items():
            action.setText(names[fmt])
        for i, text in enumerate((self.tr("Matrix"), self.tr("Indicators"), self.tr("Policy instruments"))):
            self.tabs.setTabText(i, text)
        self.theme_model.retranslate()
        self.matrix_model.retranslate()
        current = self.matrix.currentIndex()
        if current.isValid():
            self._on_cell(current, QModelIndex())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_readonly(self, readonly: bool) -> None:
        """Another window holds the knowledge base: themes and cell notes cannot change."""
        self._readonly = readonly
        for w in (self.add_button, self.edit_button, self.remove_button):
            w.setEnabled(not readonly)
        self.cell.set_readonly(readonly)

    # regions and themes -------------------------------------------------------------------

    def reload(self) -> None:
        """Ask for the regions and themes again (the answers keep the ticked regions)."""
        self.controller.load_regions()
        self.controller.load_themes()

    def _on_changed(self, changes: Changes) -> None:
        if changes.documents:
            self.controller.load_regions()
        if changes.themes:
            self.controller.load_themes()

    def _show_regions(self, choices: RegionChoices) -> None:
        checked = self.selected_regions() or list(choices.defaults)
        self.regions.set_names(list(choices.names), checked)

    def _show_themes(self, themes: list[Theme]) -> None:
        self.theme_model.set_rows(themes)
        keys = [t.key for t in themes]
        if self._select_theme in keys:
            self.theme_list.setCurrentIndex(self.theme_model.index(keys.index(self._select_theme), ThemeModel.COL_LABEL))
        self._select_theme = None

    def selected_regions(self) -> list[str]:
        return self.regions.selected_regions()

    def set_regions(self, names: list[str]) -> None:
        self.regions.set_regions(names)

    def ask_theme(self, label: str = "", query: str = "", measure_themes: str = "") -> tuple[str, str, list[str]] | None:
        """The theme dialog; tests replace this method."""
        dlg = ThemeDialog(self, label=label, query=query, measure_themes=measure_themes)
        return dlg.values() if dlg.exec() == QDialog.DialogCode.Accepted else None

    def confirm(self, text: str) -> bool:
        """Yes/no question; tests replace this method."""
        return ask_yes_no(self, self.tr("Zhiku"), text)

    def current_theme(self) -> Any:
        return self.theme_model.row_at(self.theme_list.currentIndex().row())

    def _on_add_theme(self) -> None:
        values = self.ask_theme()
        if values:
            self.controller.add_theme(*values, then=self._theme_saved)

    def _on_edit_theme(self) -> None:
        theme = self.current_theme()
        if theme is None:
            return
        values = self.ask_theme(theme.label, theme.query, " ".join(theme.measure_themes))
        if values:
            self.controller.update_theme(theme.key, *values, then=self._theme_saved)

    def _on_remove_theme(self) -> None:
        theme = self.current_theme()
        if theme is not None and self.confirm(self.tr("Remove the theme “%1”?").replace("%1", theme_label(theme))):
            self.controller.remove_theme(theme.key)

    def _theme_saved(self, changes: Changes) -> None:
        """Select the theme a write produced once the list comes back."""
        self._select_theme = changes.theme.key if changes.theme is not None else None

    def _show_error(self, text: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b00020")
        self.failed.emit(text)

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("")

    def _on_failed(self, kind: str, message: str) -> None:
        if kind in ("compare", "cell"):
            self._set_busy(False)
        if kind in ("compare", "cell", "theme", "export:compare"):
            self._show_error(message)

    # running ------------------------------------------------------------------------------

    def busy(self) -> bool:
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.compare_button.setEnabled(not busy)

    def run_compare(self) -> bool:
        """Compare the ticked regions on every theme, off the UI thread; False if the choice is invalid."""
        regions = self.selected_regions()
        if not MIN_REGIONS <= len(regions) <= MAX_REGIONS:
            self._show_error(self.tr("Pick between %1 and %2 regions.").replace("%1", str(MIN_REGIONS))
                             .replace("%2", str(MAX_REGIONS)))
            return False
        if self._busy:
            return False
        self._set_busy(True)
        self._show_status(self.tr("Comparing…"))
        self.controller.compare(regions, contained=self.contained_box.isChecked())
        return True

    def _on_contained(self, _on: bool) -> None:
        """A comparison on screen is redone at once with the new choice."""
        if self.comparison() is not None:
            self.run_compare()

    def _on_result(self, result: CompareResult) -> None:
        comp = result.comparison
        self._set_busy(False)
        self.matrix_model.set_comparison(comp)
        self.matrix_tab.refit()
        self.indicator_tab.set_comparison(comp)
        self.tool_tab.set_comparison(comp)
        self.cell.set_cell(None)
        if self._keep_cell is not None:
            self.select_cell(*self._keep_cell)
            self._keep_cell = None
        feeds = "；".join(f"{column_header(c).replace(chr(10), ' ')}" for c in comp.columns)
        self._show_status(self.tr("Documents per region — %1").replace("%1", feeds))
        self.comparison_ready.emit(comp)

    def comparison(self) -> Comparison | None:
        return self.matrix_model.comparison()

    # the selected cell ----------------------------------------------------------------------

    def select_cell(self, row: int, column: int) -> None:
        self.matrix_tab.select_cell(row, column)

    def current_cell(self) -> Any:
        return self.matrix_tab.current_cell()

    def _on_cell(self, current: QModelIndex, _previous: QModelIndex) -> None:
        cell = self.matrix_model.data(current, ROW_ROLE)
        comp = self.matrix_model.comparison()
        theme = theme_label(comp.rows[current.row()].theme) if comp and cell is not None else ""
        self.cell.set_cell(cell, theme)

    def open_detail_row(self, row: int) -> None:
        item = self.cell.item(row)
        if item is not None:
            self._open_item(item)

    def _open_item(self, item: Any) -> None:
        self.open_passage.emit(item.doc_id, item.start, item.end)

    def _note_item(self, item: Any) -> None:
        self.note_requested.emit(NoteTarget.passage(item.doc_id, item.start, item.end, item.text))

    def save_override(self, text: str | None = None) -> bool:
        """Store the user's note for the selected cell (empty text restores the passages), then redo the matrix."""
        cell = self.current_cell()
        shown = self.comparison()
        if cell is None or shown is None or self._busy:
            return False
        text = self.override_edit.toPlainText() if text is None else text
        index = self.matrix.currentIndex()
        regions = list(shown.regions)

        def saved(_changes: Changes) -> None:
            self._keep_cell = (index.row(), index.column())
            self._show_status(self.tr("Cell note saved"))
            self.controller.compare(regions)

        self._set_busy(True)
        self._show_status(self.tr("Saving…"))
        self.controller.set_cell_override(cell.region, cell.theme_key, text, then=saved)
        return True

    # export -------------------------------------------------------------------------------

    def _on_export(self, fmt: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export comparison"), f"comparison.{fmt}", f"*.{fmt}")
        if path:
            self.export_to(path, fmt)

    def export_regions(self) -> list[str]:
        shown = self.comparison()
        return list(shown.regions) if shown else self.selected_regions()

    def export_to(self, path: str, fmt: str) -> bool:
        """Write the comparison in the background; ``exported`` or ``failed`` tells how it went."""
        self._show_status(self.tr("Exporting…"))
        self.controller.export("compare", path, fmt, regions=self.export_regions(),
                               contained=self.contained_box.isChecked())
        return True

    def _on_exported(self, what: str, path: str) -> None:
        if what == "compare":
            self._show_status(self.tr("Saved %1").replace("%1", path))
            self.exported.emit(path)

"""The user's notes: filter, edit, delete, open in the reader, export.

Every read and write goes through the controller's request lane; filtering happens in the proxy
over the notes already loaded (no knowledge-base call per keystroke), so the list answers at once
even while an import runs. The list reloads when a write's ``Changes`` name notes or documents.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.models.base import ROW_ROLE
from ui.models.notes_model import NotesFilter, NotesModel
from ui.plain import ask_yes_no
from ui.results import NotesData
from ui.views.note_dialog import NoteDialog, split_tags
from ui.views.reattach_dialog import ReattachDialog

if TYPE_CHECKING:
    from kb.models import Changes, Document, Note
    from ui.controller import AppController

__all__ = ["NoteDialog", "NotesView", "split_tags"]
EXPORT_FORMATS = ("docx", "html", "md", "csv")

log = logging.getLogger(__name__)


class NotesView(QWidget):
    """All notes, filterable by text, tag, document, region and orphaned state.

    Signals:
        open_passage(str, int, int): doc id, start, end of the selected note's quote.
        open_entity(str): the name of the entity an entity note is about.
        notes_changed(): a note was edited or deleted here.
        exported(str): the file an export wrote.
        failed(str): a message the user has seen.
    """

    open_passage = Signal(str, int, int)
    open_entity = Signal(str)
    notes_changed = Signal()
    exported = Signal(str)
    failed = Signal(str)

    def __init__(self, controller: AppController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._readonly = False
        self._documents: tuple[Document, ...] = ()
        self._select_after: int | None = None
        self.loaded = False
        self.model = NotesModel(self)
        self.proxy = NotesFilter(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self.retranslate()
        controller.notesLoaded.connect(self.show_data)
        controller.opened.connect(lambda _stats: self.refresh())
        controller.changed.connect(self._on_changed)
        controller.exported.connect(self._on_exported)
        controller.failed.connect(self._on_failed)
        if controller.is_open():
            self.refresh()

    def _build(self) -> None:
        bar = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.tag_combo, self.doc_combo, self.region_combo = QComboBox(), QComboBox(), QComboBox()
        self.orphan_check = QCheckBox()
        for combo in (self.tag_combo, self.doc_combo, self.region_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
        bar.addWidget(self.search_edit, 2)
        for w in (self.tag_combo, self.doc_combo, self.region_combo):
            bar.addWidget(w, 1)
        bar.addWidget(self.orphan_check)
        self.export_button = QPushButton()
        menu = QMenu(self.export_button)
        self.export_actions = {fmt: menu.addAction("") for fmt in EXPORT_FORMATS}
        for fmt, action in self.export_actions.items():
            action.triggered.connect(lambda _=False, f=fmt: self._on_export(f))
        self.export_button.setMenu(menu)
        bar.addWidget(self.export_button)
        self.search_edit.textChanged.connect(self.apply_filters)
        for combo in (self.tag_combo, self.doc_combo, self.region_combo):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.orphan_check.toggled.connect(self.apply_filters)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(NotesModel.COL_UPDATED, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.table.viewport().installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.doubleClicked.connect(lambda _i: self.open_current())

        editor = QWidget()
        form = QFormLayout(editor)
        form.setContentsMargins(0, 4, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.quote_label = QLabel()
        self.quote_label.setWordWrap(True)
        self.quote_label.setTextFormat(Qt.TextFormat.PlainText)
        self.quote_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cite_label = QLabel()
        self.cite_label.setWordWrap(True)
        self.cite_label.setTextFormat(Qt.TextFormat.PlainText)
        for label in (self.quote_label, self.cite_label):
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setMinimumHeight(60)
        self.comment_edit.setMaximumHeight(self.fontMetrics().height() * 7)
        self.tags_edit = QLineEdit()
        self.form_labels = [QLabel() for _ in range(4)]
        for label, field in zip(self.form_labels, (self.quote_label, self.cite_label, self.comment_edit, self.tags_edit),
                                strict=True):
            form.addRow(label, field)
        buttons = QHBoxLayout()
        self.save_button, self.open_button, self.delete_button = QPushButton(), QPushButton(), QPushButton()
        self.reattach_button = QPushButton()
        self.reattach_button.setObjectName("reattachButton")
        self.save_button.clicked.connect(self.save_current)
        self.open_button.clicked.connect(self.open_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.reattach_button.clicked.connect(self.reattach_current)
        for b in (self.save_button, self.open_button, self.reattach_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.status)

        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("notesSplitter")
        split.addWidget(self.table)
        split.addWidget(editor)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

    # column share of the free width (after the fixed date/status/target columns), and a minimum
    _SHARES = ((NotesModel.COL_QUOTE, 25, 120), (NotesModel.COL_COMMENT, 21, 100), (NotesModel.COL_TAGS, 9, 70),
               (NotesModel.COL_DOC, 14, 90), (NotesModel.COL_REGION, 7, 60), (NotesModel.COL_SECTION, 9, 60))

    def fit_columns(self) -> None:
        """Share the width out so that quote and comment stay readable at 1024 px as at 1400 px."""
        fm = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        fixed = {NotesModel.COL_UPDATED: fm.horizontalAdvance("2026-12-31 23:59") + 16}
        for col in (NotesModel.COL_STATUS, NotesModel.COL_TARGET):
            fixed[col] = fm.horizontalAdvance(str(self.model.headerData(col, Qt.Orientation.Horizontal))) + 36
        free = max(0, self.table.viewport().width() - sum(fixed.values()))
        total = sum(share for _, share, _ in self._SHARES)
        for col, width in fixed.items():
            header.resizeSection(col, width)
        for col, share, minimum in self._SHARES:
            header.resizeSection(col, max(minimum, free * share // total))

    def eventFilter(self, watched: Any, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.search_edit.setPlaceholderText(self.tr("Search notes"))
        self.orphan_check.setText(self.tr("Orphaned only"))
        self.export_button.setText(self.tr("Export…"))
        names = {"docx": self.tr("Word (.docx)"), "html": self.tr("Web page (.html)"),
                 "md": self.tr("Markdown (.md)"), "csv": self.tr("CSV (.csv)")}
        for fmt, action in self.export_actions.items():
            action.setText(names[fmt])
        for label, text in zip(self.form_labels, (self.tr("Quote"), self.tr("Source"), self.tr("Comment"),
                                                  self.tr("Tags")), strict=True):
            label.setText(text)
        self.save_button.setText(self.tr("Save"))
        self.open_button.setText(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Open the quoted passage in the reader (or the entity's page)"))
        self.delete_button.setText(self.tr("Delete"))
        self.reattach_button.setText(self.tr("Re-attach…"))
        self.reattach_button.setToolTip(self.tr("Anchor this orphaned note again: choose a document to search its quote in"))
        for combo, text in ((self.tag_combo, self.tr("All tags")), (self.doc_combo, self.tr("All documents")),
                            (self.region_combo, self.tr("All regions"))):
            if combo.count():
                combo.setItemText(0, text)
        self.model.retranslate()
        self.fit_columns()
        self._set_editor(self.current_note())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_readonly(self, readonly: bool) -> None:
        """Another window holds the knowledge base: notes can be read and exported, not changed."""
        self._readonly = readonly
        self._set_editor(self.current_note())

    # data -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Ask for the notes again; ``show_data`` fills the list, keeping filters and selection."""
        self.controller.load_notes()

    def _on_changed(self, changes: Changes) -> None:
        if changes.any_notes or changes.documents:
            self.refresh()

    def show_data(self, data: NotesData) -> None:
        """Fill the list and the filter choices from one ``NotesData``."""
        selected = self.current_note()
        want = self._select_after if self._select_after is not None else (selected.id if selected else None)
        self._select_after = None
        notes = list(data.notes)
        self._documents = data.documents
        keep = (self.tag_combo.currentData(), self.doc_combo.currentData(), self.region_combo.currentData())
        for combo in (self.tag_combo, self.doc_combo, self.region_combo):
            combo.blockSignals(True)
            combo.clear()
        self.tag_combo.addItem(self.tr("All tags"), None)
        for tag, n in data.tags:
            self.tag_combo.addItem(f"#{tag} ({n})", tag)
        self.doc_combo.addItem(self.tr("All documents"), None)
        docs = {n.doc_id: n.doc_title or n.doc_name for n in notes if n.doc_id}
        for doc_id, title in sorted(docs.items(), key=lambda kv: kv[1] or ""):
            self.doc_combo.addItem(title or doc_id[:12], doc_id)
        self.region_combo.addItem(self.tr("All regions"), None)
        regions: list[str] = []
        for doc in data.documents:
            if doc.id in docs:
                regions += [r for r in doc.region_chain if r not in regions]
        for r in regions:
            self.region_combo.addItem(r, r)
        for combo, value in zip((self.tag_combo, self.doc_combo, self.region_combo), keep, strict=True):
            combo.setCurrentIndex(max(0, combo.findData(value)) if value is not None else 0)
            combo.blockSignals(False)
        self.model.set_rows(notes)
        self.apply_filters()
        if want is not None:
            self.select_note(want)
        self.loaded = True
        self.notes_changed.emit()

    def apply_filters(self) -> None:
        """Filter the loaded notes; no knowledge-base call, so typing never waits."""
        region = self.region_combo.currentData()
        region_docs = {d.id for d in self._documents if region in d.region_chain} if region else None
        self.proxy.set_filters(tag=self.tag_combo.currentData(), doc=self.doc_combo.currentData(),
                               region_docs=region_docs, text=self.search_edit.text(),
                               orphaned_only=self.orphan_check.isChecked())
        self._set_editor(self.current_note())

    def visible_notes(self) -> list[Any]:
        return [self.proxy.data(self.proxy.index(r, 0), ROW_ROLE) for r in range(self.proxy.rowCount())]

    def select_note(self, note_id: int) -> bool:
        for r in range(self.proxy.rowCount()):
            if self.proxy.data(self.proxy.index(r, 0), ROW_ROLE).id == note_id:
                self.table.selectRow(r)
                self.table.scrollTo(self.proxy.index(r, 0))
                return True
        return False

    def current_note(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.data(rows[0], ROW_ROLE) if rows else None

    def _on_selection(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        self._set_editor(self.current_note())

    def _set_editor(self, note: Any) -> None:
        writable = note is not None and not self._readonly
        for w in (self.save_button, self.delete_button, self.comment_edit, self.tags_edit):
            w.setEnabled(writable)
        self.open_button.setEnabled(note is not None and self._openable(note))
        self.reattach_button.setEnabled(writable and bool(note.orphaned) and note.target_kind != "entity")
        self.quote_label.setText(note.quote if note else "")
        self.comment_edit.setPlainText(note.comment if note else "")
        self.tags_edit.setText(" ".join(note.tags) if note else "")
        if note is None:
            self.cite_label.clear()
            return
        where = " · ".join(p for p in (note.doc_title or note.doc_name or "", note.section, note.region or "") if p)
        if note.target_kind == "entity":
            where = self.tr("Entity: %1").replace("%1", note.target_ref or note.quote)
        if note.orphaned:
            where = self.tr("Orphaned — the quote is no longer in the document. ") + where
        self.cite_label.setText(where)

    @staticmethod
    def _openable(note: Any) -> bool:
        if note.target_kind == "entity":
            return bool(note.target_ref or note.quote)
        return not note.orphaned and bool(note.doc_id) and note.start is not None

    # actions ----------------------------------------------------------------------------

    def confirm(self, text: str) -> bool:
        """Yes/no question; tests replace this method."""
        return ask_yes_no(self, self.tr("Zhiku"), text)

    def save_current(self) -> None:
        note = self.current_note()
        if note is None:
            return
        self._select_after = note.id
        self.controller.update_note(note.id, self.comment_edit.toPlainText(), split_tags(self.tags_edit.text()),
                                    then=lambda _ch: self.status.setText(self.tr("Saved")))

    def delete_current(self) -> bool:
        note = self.current_note()
        if note is None or not self.confirm(self.tr("Delete this note? This cannot be undone.")):
            return False
        self.controller.remove_note(note.id, then=lambda _ch: self.status.setText(self.tr("Deleted")))
        return True

    def reattach_dialog(self, note: Note) -> ReattachDialog:
        """The dialog for ``note``; it anchors the note through the controller (tests drive it without exec)."""
        return ReattachDialog(note, self._documents, self.controller.reattach_note, self)

    def reattach_current(self) -> bool:
        note = self.current_note()
        if note is None or not note.orphaned or self._readonly:
            return False
        dialog = self.reattach_dialog(note)
        dialog.accepted.connect(lambda: self.reattached(dialog.result_note))
        dialog.exec()
        return dialog.result_note is not None

    def reattached(self, note: Note | None) -> None:
        if note is None:
            return
        self._select_after = note.id
        self.status.setText(self.tr("Re-attached in %1").replace("%1", note.doc_title or note.doc_name or ""))

    def open_current(self) -> None:
        note = self.current_note()
        if note is None or not self._openable(note):
            return
        if note.target_kind == "entity":
            self.open_entity.emit(note.target_ref or note.quote)
        else:
            self.open_passage.emit(note.doc_id, note.start, note.end)

    def _on_export(self, fmt: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export notes"), f"notes.{fmt}", f"*.{fmt}")
        if path:
            self.export_to(path, fmt)

    def export_filters(self) -> dict[str, Any]:
        """The filters the list shows, as ``kb.export_notes`` keyword arguments."""
        filters: dict[str, Any] = {k: v for k, v in (
            ("tag", self.tag_combo.currentData()), ("doc", self.doc_combo.currentData()),
            ("region", self.region_combo.currentData()), ("text", self.search_edit.text().strip() or None)) if v}
        if self.orphan_check.isChecked():
            filters["orphaned"] = True
        return filters

    def export_to(self, path: str, fmt: str) -> None:
        """Export the notes the filters show, in the background; ``exported`` names the file."""
        self.status.setText(self.tr("Exporting…"))
        self.controller.export("notes", path, fmt, **self.export_filters())

    def _on_exported(self, what: str, path: str) -> None:
        if what == "notes":
            self.status.setText(self.tr("Saved %1").replace("%1", path))
            self.exported.emit(path)

    def _on_failed(self, kind: str, message: str) -> None:
        if kind in ("note", "export:notes"):
            self.status.setText(message)
            self.failed.emit(message)

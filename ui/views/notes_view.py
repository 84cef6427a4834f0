"""The user's notes: filter, edit, delete, open in the reader, export; plus the note dialog."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kb.errors import ZhikuError
from ui.models.base import ROW_ROLE
from ui.models.notes_model import NotesFilter, NotesModel

log = logging.getLogger(__name__)


def split_tags(text: str) -> list[str]:
    """"#a b，c" → ["a", "b", "c"]: people type tags with spaces, commas or hashes."""
    for sep in "，,;；#":
        text = text.replace(sep, " ")
    return [t for t in text.split() if t]


class NoteDialog(QDialog):
    """Comment and tags for a new note, showing the quote it anchors on."""

    def __init__(self, quote: str, parent: QWidget | None = None, *, comment: str = "", tags: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add note"))
        form = QFormLayout(self)
        shown = QLabel(quote if len(quote) <= 300 else quote[:300] + "…")
        shown.setWordWrap(True)
        shown.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.tr("Quote"), shown)
        self.comment_edit = QPlainTextEdit(comment)
        form.addRow(self.tr("Comment"), self.comment_edit)
        self.tags_edit = QLineEdit(tags)
        self.tags_edit.setPlaceholderText(self.tr("tags separated by spaces"))
        form.addRow(self.tr("Tags"), self.tags_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, list[str]]:
        return self.comment_edit.toPlainText().strip(), split_tags(self.tags_edit.text())


def add_note_from_selection(kb: Any, doc_id: str, start: int, end: int, quote: str, *, parent: QWidget | None = None,
                            comment: str | None = None, tags: list[str] | None = None) -> Any:
    """Note the reader's selection; asks for comment and tags unless given. Returns the Note or None.

    Raises ZhikuError (the reader shows it) when the selection is not in the document.
    """
    if comment is None:
        dlg = NoteDialog(quote, parent)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return None
        comment, tags = dlg.values()
    return kb.add_note(doc=doc_id, quote=quote, comment=comment, tags=tags or (), start=start, end=end)


class NotesView(QWidget):
    """All notes, filterable by text, tag, document, region and orphaned state.

    Signals:
        open_passage(str, int, int): doc id, start, end of the selected note's quote.
        notes_changed(): a note was edited or deleted here.
    """

    open_passage = Signal(str, int, int)
    notes_changed = Signal()

    def __init__(self, kb: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kb = kb
        self.model = NotesModel(self)
        self.proxy = NotesFilter(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self.refresh()

    def _build(self) -> None:
        bar = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search notes"))
        self.search_edit.setClearButtonEnabled(True)
        self.tag_combo, self.doc_combo, self.region_combo = QComboBox(), QComboBox(), QComboBox()
        self.orphan_check = QCheckBox(self.tr("Orphaned only"))
        for combo in (self.tag_combo, self.doc_combo, self.region_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        for w in (self.search_edit, self.tag_combo, self.doc_combo, self.region_combo, self.orphan_check):
            bar.addWidget(w)
        self.export_button = QPushButton(self.tr("Export…"))
        menu = QMenu(self.export_button)
        for fmt, text in (("docx", self.tr("Word (.docx)")), ("html", self.tr("Web page (.html)")),
                          ("md", self.tr("Markdown (.md)")), ("csv", self.tr("CSV (.csv)"))):
            menu.addAction(text).triggered.connect(lambda _=False, f=fmt: self._on_export(f))
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
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.resizeSection(NotesModel.COL_DOC, 220)
        header.setSectionResizeMode(NotesModel.COL_UPDATED, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NotesModel.COL_QUOTE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(NotesModel.COL_COMMENT, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.doubleClicked.connect(lambda _i: self.open_current())

        editor = QWidget()
        form = QFormLayout(editor)
        self.quote_label = QLabel()
        self.quote_label.setWordWrap(True)
        self.quote_label.setTextFormat(Qt.TextFormat.PlainText)
        self.cite_label = QLabel()
        self.cite_label.setWordWrap(True)
        self.cite_label.setTextFormat(Qt.TextFormat.PlainText)
        self.comment_edit = QPlainTextEdit()
        self.tags_edit = QLineEdit()
        form.addRow(self.tr("Quote"), self.quote_label)
        form.addRow(self.tr("Source"), self.cite_label)
        form.addRow(self.tr("Comment"), self.comment_edit)
        form.addRow(self.tr("Tags"), self.tags_edit)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save"))
        self.open_button = QPushButton(self.tr("Open in reader"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.save_button.clicked.connect(self.save_current)
        self.open_button.clicked.connect(self.open_current)
        self.delete_button.clicked.connect(self.delete_current)
        for b in (self.save_button, self.open_button, self.delete_button):
            buttons.addWidget(b)
        form.addRow(buttons)
        self.status = QLabel()
        form.addRow(self.status)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(editor)
        split.setSizes([560, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split)
        self._set_editor(None)

    # data -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the notes and the filter choices, keeping the chosen filters."""
        notes = [n for n in self.kb.notes() if n.target_kind != "cell"]
        keep = (self.tag_combo.currentData(), self.doc_combo.currentData(), self.region_combo.currentData())
        for combo in (self.tag_combo, self.doc_combo, self.region_combo):
            combo.blockSignals(True)
            combo.clear()
        self.tag_combo.addItem(self.tr("All tags"), None)
        for tag, n in self.kb.tags():
            self.tag_combo.addItem(f"#{tag} ({n})", tag)
        self.doc_combo.addItem(self.tr("All documents"), None)
        docs = {n.doc_id: n.doc_title or n.doc_name for n in notes if n.doc_id}
        for doc_id, title in sorted(docs.items(), key=lambda kv: kv[1] or ""):
            self.doc_combo.addItem(title or doc_id[:12], doc_id)
        self.region_combo.addItem(self.tr("All regions"), None)
        regions: list[str] = []
        for doc in self.kb.documents():
            if doc.id in docs:
                regions += [r for r in doc.region_chain if r not in regions]
        for r in regions:
            self.region_combo.addItem(r, r)
        for combo, value in zip((self.tag_combo, self.doc_combo, self.region_combo), keep, strict=True):
            combo.setCurrentIndex(max(0, combo.findData(value)) if value is not None else 0)
            combo.blockSignals(False)
        self.model.set_rows(notes)
        self.apply_filters()

    def apply_filters(self) -> None:
        region = self.region_combo.currentData()
        region_docs = {d.id for d in self.kb.region_documents(region)} if region else None
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
                return True
        return False

    def current_note(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.data(rows[0], ROW_ROLE) if rows else None

    def _on_selection(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        self._set_editor(self.current_note())

    def _set_editor(self, note: Any) -> None:
        for w in (self.save_button, self.delete_button, self.comment_edit, self.tags_edit):
            w.setEnabled(note is not None)
        self.open_button.setEnabled(note is not None and not note.orphaned and note.start is not None)
        self.quote_label.setText(note.quote if note else "")
        self.comment_edit.setPlainText(note.comment if note else "")
        self.tags_edit.setText(" ".join(note.tags) if note else "")
        if note is None:
            self.cite_label.clear()
            return
        where = " · ".join(p for p in (note.doc_title or note.doc_name or "", note.section, note.region or "") if p)
        if note.orphaned:
            where = self.tr("Orphaned — the quote is no longer in the document. ") + where
        self.cite_label.setText(where)

    # actions ----------------------------------------------------------------------------

    def confirm(self, text: str) -> bool:
        """Yes/no question; tests replace this method."""
        return QMessageBox.question(self, self.tr("Zhiku"), text) == QMessageBox.StandardButton.Yes

    def save_current(self) -> None:
        note = self.current_note()
        if note is None:
            return
        try:
            self.kb.update_note(note.id, comment=self.comment_edit.toPlainText(), tags=split_tags(self.tags_edit.text()))
        except ZhikuError as exc:
            self.status.setText(str(exc))
            return
        self.refresh()
        self.select_note(note.id)
        self.status.setText(self.tr("Saved"))
        self.notes_changed.emit()

    def delete_current(self) -> bool:
        note = self.current_note()
        if note is None or not self.confirm(self.tr("Delete this note? This cannot be undone.")):
            return False
        self.kb.remove_note(note.id)
        self.refresh()
        self.notes_changed.emit()
        return True

    def open_current(self) -> None:
        note = self.current_note()
        if note is not None and not note.orphaned and note.doc_id and note.start is not None:
            self.open_passage.emit(note.doc_id, note.start, note.end)

    def _on_export(self, fmt: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export notes"), f"notes.{fmt}", f"*.{fmt}")
        if path:
            self.export_to(path, fmt)

    def export_to(self, path: str, fmt: str) -> str | None:
        """Export the notes the filters show (tag, document, region, text)."""
        filters = {k: v for k, v in (("tag", self.tag_combo.currentData()), ("doc", self.doc_combo.currentData()),
                                     ("region", self.region_combo.currentData()),
                                     ("text", self.search_edit.text().strip() or None)) if v}
        if self.orphan_check.isChecked():
            filters["orphaned"] = True
        try:
            out = self.kb.export_notes(path, fmt, **filters)
        except ZhikuError as exc:
            self.status.setText(str(exc))
            return None
        self.status.setText(self.tr("Saved %1").replace("%1", str(out)))
        return str(out)

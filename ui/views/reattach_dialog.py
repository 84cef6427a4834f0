"""Re-attach an orphaned note: pick a document, search the (editable) quote in it.

Why the dialog tries the anchor itself: when the quote is not in the chosen document the user
should see why at once and pick another document or shorten the quote, without losing what they
typed. The attempt runs on the controller's request lane; the dialog waits for its answer with
the buttons disabled, and stays open with the reason when the quote is not there.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kb.errors import NotFoundError, ReadOnlyError, ZhikuError
from ui.plain import tip

if TYPE_CHECKING:
    from kb.models import Changes, Document, Note


class Attempt(Protocol):
    """``AppController.reattach_note``: answers through ``then(changes)`` or ``on_error(exc)``."""

    def __call__(self, note_id: int, doc: str, quote: str, then: Any = None, on_error: Any = None) -> None: ...


class ReattachDialog(QDialog):
    """Signals: none; ``result_note`` holds the re-attached ``Note`` once accepted."""

    def __init__(self, note: Note, documents: Iterable[Document], attempt: Attempt,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Re-attach note"))
        self.note = note
        self.attempt = attempt
        self.result_note: Note | None = None
        self.intro = QLabel(self.tr("The quote was not found in its document any more. Choose a document; "
                                    "the quote is searched in it (you may shorten it first)."))
        self.intro.setWordWrap(True)
        self.doc_combo = QComboBox()
        self.doc_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.doc_combo.setMinimumContentsLength(30)
        for doc in sorted(documents, key=lambda d: (d.title, d.name)):
            self.doc_combo.addItem(f"{doc.title} · {doc.name}", doc.id)
            self.doc_combo.setItemData(self.doc_combo.count() - 1, tip(f"{doc.title}\n{doc.name}"),
                                       Qt.ItemDataRole.ToolTipRole)
            if note.doc_id == doc.id or note.doc_name == doc.name:
                self.doc_combo.setCurrentIndex(self.doc_combo.count() - 1)
        self.quote_edit = QPlainTextEdit(note.quote)
        self.quote_edit.setMaximumHeight(self.fontMetrics().height() * 6)
        self.error = QLabel()
        self.error.setObjectName("reattachError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Re-attach"))
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Document"), self.doc_combo)
        form.addRow(self.tr("Quote"), self.quote_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.doc_combo.count() > 0)
        self.resize(560, self.sizeHint().height())

    def choose(self, doc_id: str) -> bool:
        index = self.doc_combo.findData(doc_id)
        if index >= 0:
            self.doc_combo.setCurrentIndex(index)
        return index >= 0

    def try_accept(self) -> bool:
        """Ask the controller to anchor the note; False when there is nothing to try."""
        doc_id = self.doc_combo.currentData()
        quote = self.quote_edit.toPlainText().strip()
        if not doc_id:
            return False
        if not quote:
            self.error.setText(self.tr("The quote is empty."))
            return False
        self.error.clear()
        self.buttons.setEnabled(False)
        self.attempt(self.note.id, doc_id, quote, then=self._anchored, on_error=self._refused)
        return True

    def _anchored(self, changes: Changes) -> None:
        self.buttons.setEnabled(True)
        self.result_note = changes.note
        self.accept()

    def _refused(self, exc: object) -> None:
        """Say why and stay open: another document, or a shorter quote, may do."""
        self.buttons.setEnabled(True)
        if isinstance(exc, (NotFoundError, ReadOnlyError)) or not isinstance(exc, ZhikuError):
            self.error.setText(str(exc))  # the document or note went away; read-only
            return
        title = self.doc_combo.currentText()
        self.error.setText(self.tr("The quote is not in “%1”. Choose another document or shorten the quote.")
                           .replace("%1", title))
        self.error.setToolTip(tip(str(exc)))

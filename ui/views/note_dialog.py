"""The dialog for a new note: shows what it is attached to, asks for a comment and tags."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

QUOTE_SHOWN = 300


def split_tags(text: str) -> list[str]:
    """"#a b，c" → ["a", "b", "c"]: people type tags with spaces, commas or hashes."""
    for sep in "，,;；#、":
        text = text.replace(sep, " ")
    return [t for t in text.split() if t]


class NoteDialog(QDialog):
    """Comment and tags for a new note, showing the quote (or entity, measure) it anchors on."""

    def __init__(self, quote: str, parent: QWidget | None = None, *, comment: str = "", tags: str = "",
                 kind: str = "quote") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add note"))
        form = QFormLayout(self)
        shown = QLabel(quote if len(quote) <= QUOTE_SHOWN else quote[:QUOTE_SHOWN] + "…")
        shown.setWordWrap(True)
        shown.setTextFormat(Qt.TextFormat.PlainText)
        shown.setStyleSheet("background: #fffbea; padding: 6px;")
        titles = {"entity": self.tr("Entity"), "measure": self.tr("Measure")}
        form.addRow(titles.get(kind, self.tr("Quote")), shown)
        self.comment_edit = QPlainTextEdit(comment)
        self.comment_edit.setPlaceholderText(self.tr("Your comment"))
        form.addRow(self.tr("Comment"), self.comment_edit)
        self.tags_edit = QLineEdit(tags)
        self.tags_edit.setPlaceholderText(self.tr("tags separated by spaces, e.g. 招商 奖励"))
        form.addRow(self.tr("Tags"), self.tags_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, 360)
        self.comment_edit.setFocus()

    def values(self) -> tuple[str, list[str]]:
        return self.comment_edit.toPlainText().strip(), split_tags(self.tags_edit.text())


def ask_note(parent: QWidget | None, quote: str, kind: str = "quote") -> tuple[str, list[str]] | None:
    """Run the dialog; (comment, tags), or None when the user cancelled."""
    dlg = NoteDialog(quote, parent, kind=kind)
    return dlg.values() if dlg.exec() == QDialog.DialogCode.Accepted else None


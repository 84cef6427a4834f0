"""The form for one thesaurus group: its terms, whether they are synonyms or related, a note."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.labels import label

if TYPE_CHECKING:
    from kb.models import ThesaurusGroup

RELATIONS = ("synonym", "related")
_SPLIT = re.compile(r"[、，,;；/\s]+")

GroupValues = tuple[list[str], str, str]  # terms, relation, note


def split_terms(text: str) -> list[str]:
    """Terms as typed: separated by 、 ， ; / spaces or lines; repeats dropped, order kept."""
    return list(dict.fromkeys(t for t in _SPLIT.split(text) if t))


class GroupEditor(QDialog):
    """Add or edit a group; OK only with two different terms at least."""

    def __init__(self, group: ThesaurusGroup | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit thesaurus group") if group else self.tr("New thesaurus group"))
        self.terms = QPlainTextEdit()
        self.terms.setPlaceholderText(self.tr("One term per line, or separated by 、"))
        self.terms.setTabChangesFocus(True)
        self.terms.setMaximumHeight(110)
        self.relation = QComboBox()
        for rel in RELATIONS:
            self.relation.addItem(label("relation", rel), rel)
        self.relation.setToolTip(self.tr("Synonyms stand for each other in a search; related terms are broader, "
                                         "narrower or associated, and are searched after the synonyms"))
        self.note = QLineEdit()
        self.problem = QLabel()
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setStyleSheet("QLabel { color: #b00020; }")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        form = QFormLayout()
        form.addRow(self.tr("Terms"), self.terms)
        form.addRow(self.tr("Relation"), self.relation)
        form.addRow(self.tr("Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.terms.textChanged.connect(self._check)
        if group is not None:
            self.terms.setPlainText("\n".join(group.terms))
            self.relation.setCurrentIndex(max(0, self.relation.findData(group.relation)))
            self.note.setText(group.note)
        self.resize(460, 300)
        self._check()

    def values(self) -> GroupValues:
        return split_terms(self.terms.toPlainText()), str(self.relation.currentData()), self.note.text().strip()

    def _check(self) -> None:
        enough = len(self.values()[0]) >= 2
        self.problem.setText("" if enough else self.tr("A group needs two different terms at least."))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(enough)


def ask_group(parent: QWidget | None, group: ThesaurusGroup | None = None) -> GroupValues | None:
    editor = GroupEditor(group, parent)
    return editor.values() if editor.exec() == QDialog.DialogCode.Accepted else None

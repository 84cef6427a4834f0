"""Untrusted text into Qt widgets that would otherwise guess rich text.

Why: a label, tooltip or message box whose text "might be rich text" is parsed as HTML, and an
``<img src="/dev/zero">`` in a scraped title or a file name makes Qt read that file (and abort).
Document and user text therefore goes in escaped (tooltips, message boxes) or as plain text
(labels). Our own HTML (a legend, a header) escapes each untrusted piece it embeds.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def tip(text: str | None) -> str:
    """A tooltip that shows ``text`` as written: escaped, line breaks kept, long lines wrapped."""
    if not text:
        return ""
    body = html.escape(text).replace("\n", "<br>")
    return f"<p style='white-space:pre-wrap'>{body}</p>"


def plain_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = False) -> QLabel:
    """A QLabel that never interprets its text."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setText(text)
    return label


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    """A Yes/No question whose text (often holding a user's label or a title) is shown as plain text."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes

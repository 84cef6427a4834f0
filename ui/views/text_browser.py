"""A read-only text browser that never fetches anything and never opens links itself."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser, QWidget


class SafeTextBrowser(QTextBrowser):
    """Why: document text comes from scraped web pages; an <img src=http://…> or a file:// link
    must not make the app touch the network or the disk. Links are reported via anchorClicked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setOpenExternalLinks(False)
        self.setOpenLinks(False)
        self.setUndoRedoEnabled(False)

    def loadResource(self, type: int, name: QUrl | str) -> Any:  # noqa: A002 - Qt signature
        return None

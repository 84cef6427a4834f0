"""A read-only text browser that never fetches anything and never opens links itself."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget


class SafeTextBrowser(QTextBrowser):
    """Why: document text comes from scraped web pages; an <img src=http://…> or a file:// link
    must not make the app touch the network or the disk. Links are reported via anchorClicked.

    ``loadResource`` must answer with an empty value, not None: on a null answer QTextDocument
    reads a local file itself (``<img src="/dev/zero">`` then never ends). ``refused`` lists what
    was asked for, so the guard can be tested.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setOpenExternalLinks(False)
        self.setOpenLinks(False)
        self.setUndoRedoEnabled(False)
        self.refused: list[str] = []

    def loadResource(self, type: int, name: QUrl | str) -> Any:  # noqa: A002 - Qt signature
        self.refused.append(name.toString() if isinstance(name, QUrl) else str(name))
        if int(getattr(type, "value", type)) == QTextDocument.ResourceType.ImageResource.value:
            return QImage()
        return QByteArray()

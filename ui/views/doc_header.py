"""The reader's header: the document's title and metadata, the raw-page switch, "Copy citation".

Why its own widget: the metadata line is the densest thing in the reader and has its own
layout rules (a labelled field never breaks inside; missing fields are left out, all of them are
in the tooltip), which would crowd the reader's text handling.

A page's address is shown as selectable plain text, never as a live link and never loaded: only
the "Open" button hands it (http or https only) to the system's browser.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ui.labels import label
from ui.plain import tip

if TYPE_CHECKING:
    from kb.models import Document

FIELD_COLOUR = "#777777"
WEB_SCHEMES = ("http", "https")


def keep_together(text: str) -> str:
    """Escaped ``text`` that a line never breaks inside: Qt ignores ``white-space:nowrap`` on inline
    text and breaks Chinese between any two characters, so each pair is held by a word joiner (U+2060)."""
    return html.escape("\u2060".join(text.replace(" ", "\u00a0")))


def web_url(text: str | None) -> QUrl | None:
    """The address as a URL a browser may open (http/https with a host), else None."""
    url = QUrl(text or "", QUrl.ParsingMode.StrictMode)
    return url if url.isValid() and url.scheme().lower() in WEB_SCHEMES and url.host() else None


class DocHeader(QWidget):
    """Title on top, one wrapped line of labelled metadata below; buttons on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc: Document | None = None
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QLabel()
        self.meta.setObjectName("docMeta")
        self.meta.setWordWrap(True)
        self.meta.setTextFormat(Qt.TextFormat.RichText)
        self.meta.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # wraps, never widens
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.url_caption = QLabel()
        self.url_caption.setStyleSheet(f"QLabel {{ color: {FIELD_COLOUR}; }}")
        self.url_label = QLabel()
        self.url_label.setObjectName("docUrl")
        self.url_label.setTextFormat(Qt.TextFormat.PlainText)  # an address from a page: text, not a link
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                               | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.url_label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.url_label.setMinimumWidth(60)  # a long address is cut, never widens the reader
        self.open_url_button = QPushButton()
        self.open_url_button.setObjectName("openUrlButton")
        self.open_url_button.setFlat(True)
        self.open_url_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.open_url_button.setStyleSheet("QPushButton { color: #1a4fb4; border: none; padding: 0 6px; }"
                                           "QPushButton:hover { text-decoration: underline; }"
                                           "QPushButton:disabled { color: #999999; }")
        self.open_url_button.clicked.connect(self.open_url)
        self.url_row = QWidget()
        url_layout = QHBoxLayout(self.url_row)
        url_layout.setContentsMargins(0, 0, 0, 0)
        url_layout.addWidget(self.url_caption)
        url_layout.addWidget(self.url_label)
        url_layout.addWidget(self.open_url_button)
        url_layout.addStretch(1)
        self.url_row.hide()
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("copyCitationButton")
        self.raw_toggle = QPushButton()
        self.raw_toggle.setCheckable(True)
        text = QVBoxLayout()
        text.setContentsMargins(0, 0, 0, 0)
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.meta)
        text.addWidget(self.url_row)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.raw_toggle)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(text, 1)
        layout.addLayout(buttons)
        layout.setAlignment(buttons, Qt.AlignmentFlag.AlignTop)
        self.retranslate()

    def fields(self, doc: Document) -> list[tuple[str, str]]:
        """(field name, value) in reading order; values may be empty."""
        return [
            (self.tr("Region"), " › ".join(doc.region_chain) or (doc.region or "")),
            (self.tr("Date"), doc.date or ""),
            (self.tr("Kind"), label("kind", doc.kind)),
            (self.tr("Source"), doc.source or ""),
            (self.tr("Issuer"), doc.issuer or ""),
            (self.tr("Doc no."), doc.doc_number or ""),
            (self.tr("Accessed"), doc.accessed or ""),
            (self.tr("File"), doc.name),
        ]

    def show_document(self, doc: Document | None) -> None:
        self.doc = doc
        self.copy_button.setEnabled(doc is not None)
        self.raw_toggle.setEnabled(doc is not None)
        self._show_url(doc.url if doc is not None else None)
        if doc is None:
            self.title.clear()
            self.meta.clear()
            self.meta.setToolTip("")
            return
        self.title.setText(f"<b style='font-size:15pt'>{html.escape(doc.title)}</b>")
        self.title.setToolTip(tip(doc.title))
        fields = self.fields(doc)
        shown = [f"<span style='color:{FIELD_COLOUR}'>{keep_together(k)}</span>&nbsp;{keep_together(v)}"
                 for k, v in fields if v]
        self.meta.setText(" &nbsp; ".join(shown))
        rows = [*fields, (self.tr("URL"), doc.url or "")]
        self.meta.setToolTip(tip("\n".join(f"{k}: {v or '—'}" for k, v in rows)))

    def _show_url(self, url: str | None) -> None:
        self.url_row.setVisible(bool(url))
        self.url_label.setText(url or "")
        self.url_label.setToolTip(tip(url))
        self.open_url_button.setEnabled(web_url(url) is not None)

    def open_url(self) -> bool:
        """Hand the page's address to the system's browser (the user clicked; only http and https)."""
        url = web_url(self.doc.url if self.doc is not None else None)
        if url is None:
            return False
        return bool(QDesktopServices.openUrl(url))

    def retranslate(self) -> None:
        self.copy_button.setText(self.tr("Copy citation"))
        self.raw_toggle.setText(self.tr("Show raw page"))
        self.raw_toggle.setToolTip(self.tr("Show the page as scraped, with the removed boilerplate greyed out"))
        self.url_caption.setText(self.tr("URL"))
        self.open_url_button.setText(self.tr("Open in browser"))
        self.open_url_button.setToolTip(self.tr("Open this address in your web browser (Zhiku itself never loads it)"))
        if self.doc is not None:
            self.show_document(self.doc)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

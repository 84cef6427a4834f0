"""The reader's header: the document's title and metadata, the raw-page switch, "Copy citation".

Why its own widget: the metadata line is the densest thing in the reader and has its own
layout rules (a labelled field never breaks inside; missing fields are left out, all of them are
in the tooltip), which would crowd the reader's text handling.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ui.labels import label
from ui.plain import tip

if TYPE_CHECKING:
    from kb.models import Document

FIELD_COLOUR = "#777777"


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
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("copyCitationButton")
        self.raw_toggle = QPushButton()
        self.raw_toggle.setCheckable(True)
        text = QVBoxLayout()
        text.setContentsMargins(0, 0, 0, 0)
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.meta)
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
            (self.tr("File"), doc.name),
        ]

    def show_document(self, doc: Document | None) -> None:
        self.doc = doc
        self.copy_button.setEnabled(doc is not None)
        self.raw_toggle.setEnabled(doc is not None)
        if doc is None:
            self.title.clear()
            self.meta.clear()
            self.meta.setToolTip("")
            return
        self.title.setText(f"<b style='font-size:15pt'>{html.escape(doc.title)}</b>")
        self.title.setToolTip(tip(doc.title))
        fields = self.fields(doc)
        shown = [f"<span style='white-space:nowrap'><span style='color:{FIELD_COLOUR}'>{html.escape(k)}</span>"
                 f"&nbsp;{html.escape(v)}</span>" for k, v in fields if v]
        self.meta.setText(" &nbsp; ".join(shown))
        self.meta.setToolTip(tip("\n".join(f"{k}: {v or '—'}" for k, v in fields)))

    def retranslate(self) -> None:
        self.copy_button.setText(self.tr("Copy citation"))
        self.raw_toggle.setText(self.tr("Show raw page"))
        self.raw_toggle.setToolTip(self.tr("Show the page as scraped, with the removed boilerplate greyed out"))
        if self.doc is not None:
            self.show_document(self.doc)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

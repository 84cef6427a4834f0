"""Summary of one import: added, replaced, unchanged, duplicates, failed (and why)."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ui.plain import tip
from ui.views.text_browser import SafeTextBrowser

if TYPE_CHECKING:
    from kb.models import ImportReport
    from ui.results import TitleBook


class ImportSummaryDialog(QDialog):
    """Non-modal: the user keeps working while reading it, and tests never block on it."""

    def __init__(self, report: ImportReport, titles: TitleBook | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.titles = titles
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Import finished"))
        self.browser: QTextBrowser = SafeTextBrowser()
        self.browser.setHtml(self.summary_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def summary_html(self) -> str:
        r = self.report
        parts = [f"<p><b>{html.escape(self.headline())}</b></p>"]

        def section(title: str, items: list[str]) -> None:
            if items:
                parts.append(f"<p>{html.escape(title)} ({len(items)})</p><ul>{''.join(items)}</ul>")

        section(self.tr("Added"), [self.named(p) for p in r.added])
        section(self.tr("Replaced (changed file)"), [self.named(p) for p in r.replaced])
        section(self.tr("Skipped, unchanged"), [self.named(p) for p in r.unchanged])
        section(self.tr("Skipped, duplicate of"), [self.named(d, f" = {Path(p).name}") for p, d in r.duplicates])
        section(self.tr("Failed"), [f"<li>{html.escape(Path(f.path).name)}: {html.escape(f.reason)}</li>"
                                    for f in r.failed])
        if r.cancelled:
            note = self.tr("The import was cancelled; the files above were kept.")
            parts.append(f"<p>{html.escape(note)}</p>")
        return "".join(parts)

    def title_of(self, name: str) -> str:
        """The document's title (its file name when the library does not know it)."""
        return self.titles.title(name) if self.titles is not None else Path(name).name

    def named(self, name: str, extra: str = "") -> str:
        """A list item naming a document by its title, its file name in the tooltip (both escaped)."""
        file = Path(name).name
        shown = html.escape(self.title_of(name) + extra)
        return f"<li><span title=\"{html.escape(tip(file))}\">{shown}</span></li>"

    def headline(self) -> str:
        r = self.report
        return (self.tr("%1 added, %2 skipped, %3 failed in %4 s")
                .replace("%1", str(len(r.added) + len(r.replaced)))
                .replace("%2", str(len(r.unchanged) + len(r.duplicates)))
                .replace("%3", str(len(r.failed)))
                .replace("%4", f"{r.seconds:.1f}"))

"""File ▸ Export: notes, the comparison, entities and measures, in every format the service writes.

The formats are listed here (a test keeps them equal to ``kb.export``'s) so that building the menu
does not import the core at start-up; the export itself runs on the controller's worker.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

if TYPE_CHECKING:
    from ui.controller import AppController

log = logging.getLogger(__name__)

EXPORTS: dict[str, tuple[str, ...]] = {
    "notes": ("docx", "html", "md", "csv"),
    "compare": ("xlsx", "docx", "md", "csv"),
    "entities": ("csv", "json"),
    "measures": ("csv", "json"),
}
FORMAT_NAMES = {"docx": "Word", "html": "HTML", "md": "Markdown", "csv": "CSV", "xlsx": "Excel", "json": "JSON"}


class ExportMenu(QMenu):
    """A submenu per kind of data; ``options(what)`` supplies the filters (the notes view's, the regions)."""

    def __init__(self, controller: AppController, options: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.options = options
        self.submenus: dict[str, QMenu] = {}
        self.actions_by_key: dict[tuple[str, str], QAction] = {}
        for what, formats in EXPORTS.items():
            sub = self.addMenu("")
            self.submenus[what] = sub
            for fmt in formats:
                action = sub.addAction(f"{FORMAT_NAMES[fmt]} (.{fmt})")
                action.setObjectName(f"export_{what}_{fmt}")
                action.triggered.connect(lambda _=False, w=what, f=fmt: self.run(w, f))
                self.actions_by_key[(what, fmt)] = action
        self.retranslate()

    def action(self, what: str, fmt: str) -> QAction:
        return self.actions_by_key[(what, fmt)]

    def run(self, what: str, fmt: str) -> bool:
        """Ask where to save, then export in the background; False if the user cancelled."""
        path, _ = QFileDialog.getSaveFileName(self.parentWidget(), self.title_of(what), f"{self.default_name(what)}.{fmt}",
                                              f"{FORMAT_NAMES[fmt]} (*.{fmt})")
        if not path:
            return False
        self.controller.export(what, path, fmt, **(self.options(what) or {}))
        return True

    def default_name(self, what: str) -> str:
        return {"notes": self.tr("notes"), "compare": self.tr("comparison"), "entities": self.tr("entities"),
                "measures": self.tr("measures")}[what]

    def title_of(self, what: str) -> str:
        return {"notes": self.tr("Export notes"), "compare": self.tr("Export comparison"),
                "entities": self.tr("Export entities"), "measures": self.tr("Export measures")}[what]

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Export"))
        names = {"notes": self.tr("Notes"), "compare": self.tr("Comparison"), "entities": self.tr("Entities"),
                 "measures": self.tr("Measures")}
        for what, sub in self.submenus.items():
            sub.setTitle(names[what])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

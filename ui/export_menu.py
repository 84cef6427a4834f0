"""File ▸ Export: notes, the comparison, entities, measures and references, in every format the service writes.

The formats are listed here (a test keeps them equal to ``kb.export.FORMATS``) so that building the
menu does not import the core at start-up; the export itself runs on the controller's worker.
References (RIS for EndNote and Zotero, CSL-JSON for every CSL processor) come for the whole
library, the documents of the search shown, or the documents of the notes the notes view lists.
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
    "notes": ("docx", "html", "md", "csv", "xlsx", "json"),
    "compare": ("xlsx", "docx", "md", "csv"),
    "entities": ("csv", "xlsx", "json"),
    "measures": ("csv", "xlsx", "json"),
    "references": ("ris", "json"),
}
REFERENCE_SCOPES = ("library", "search", "notes")
FORMAT_NAMES = {"docx": "Word", "html": "HTML", "md": "Markdown", "csv": "CSV", "xlsx": "Excel", "json": "JSON",
                "ris": "RIS"}
REFERENCE_NAMES = {"ris": "RIS (EndNote, Zotero)", "json": "CSL-JSON (Zotero, pandoc)"}


def format_name(what: str, fmt: str) -> str:
    return REFERENCE_NAMES[fmt] if what == "references" else FORMAT_NAMES[fmt]


class ExportMenu(QMenu):
    """A submenu per kind of data; ``options(what)`` supplies the filters (the notes view's, the regions).

    References have a submenu per scope; their options come from ``options("references:<scope>")``,
    which returns None when that scope has nothing to export (no search shown).
    """

    def __init__(self, controller: AppController, options: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.options = options
        self.submenus: dict[str, QMenu] = {}
        self.scope_menus: dict[str, QMenu] = {}
        self.actions_by_key: dict[tuple[str, str], QAction] = {}
        for what, formats in EXPORTS.items():
            sub = self.addMenu("")
            self.submenus[what] = sub
            if what == "references":
                for scope in REFERENCE_SCOPES:
                    self.scope_menus[scope] = menu = sub.addMenu("")
                    for fmt in formats:
                        self._action(menu, what, fmt, scope)
                sub.aboutToShow.connect(self._update_scopes)
            else:
                for fmt in formats:
                    self._action(sub, what, fmt)
        self.retranslate()

    def _action(self, menu: QMenu, what: str, fmt: str, scope: str | None = None) -> None:
        action = menu.addAction(f"{format_name(what, fmt)} (.{fmt})")
        key = f"{what}_{scope}" if scope else what
        action.setObjectName(f"export_{key}_{fmt}")
        action.triggered.connect(lambda _=False, w=what, f=fmt, s=scope: self.run(w, f, s))
        self.actions_by_key[(key, fmt)] = action

    def action(self, what: str, fmt: str, scope: str | None = None) -> QAction:
        return self.actions_by_key[(f"{what}_{scope}" if scope else what, fmt)]

    def _update_scopes(self) -> None:
        """The search scope only while a search is shown."""
        self.scope_menus["search"].setEnabled(self.options("references:search") is not None)

    def run(self, what: str, fmt: str, scope: str | None = None) -> bool:
        """Ask where to save, then export in the background; False if the user cancelled (or nothing to export)."""
        options = self.options(f"{what}:{scope}" if scope else what)
        if scope and options is None:
            return False
        path, _ = QFileDialog.getSaveFileName(self.parentWidget(), self.title_of(what), f"{self.default_name(what)}.{fmt}",
                                              f"{format_name(what, fmt)} (*.{fmt})")
        if not path:
            return False
        self.controller.export(what, path, fmt, **(options or {}))
        return True

    def default_name(self, what: str) -> str:
        return {"notes": self.tr("notes"), "compare": self.tr("comparison"), "entities": self.tr("entities"),
                "measures": self.tr("measures"), "references": self.tr("references")}[what]

    def title_of(self, what: str) -> str:
        return {"notes": self.tr("Export notes"), "compare": self.tr("Export comparison"),
                "entities": self.tr("Export entities"), "measures": self.tr("Export measures"),
                "references": self.tr("Export references")}[what]

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Export"))
        names = {"notes": self.tr("Notes"), "compare": self.tr("Comparison"), "entities": self.tr("Entities"),
                 "measures": self.tr("Measures"), "references": self.tr("References")}
        for what, sub in self.submenus.items():
            sub.setTitle(names[what])
        scopes = {"library": self.tr("Every document of the library"), "search": self.tr("Documents of the search shown"),
                  "notes": self.tr("Documents of the notes listed")}
        for scope, menu in self.scope_menus.items():
            menu.setTitle(scopes[scope])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

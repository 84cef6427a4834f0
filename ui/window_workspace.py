"""What joins the views inside the main window: notes from every place, corrections, exports.

Why its own object (composed, not inherited): ``MainWindow`` stays a readable size and owns
navigation; this object owns the cross-view errands — ask for a note and store it, follow an entity
correction to the page it left, say where an export went — and reaches the knowledge base only
through the controller.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject

from ui.labels import label
from ui.navigation import NavEntry
from ui.note_target import NoteTarget
from ui.plain import tip

if TYPE_CHECKING:
    from kb.models import Note
    from ui.controller import Correction
    from ui.main_window import MainWindow


class Workspace(QObject):
    """Wires compare, notes, reader and entity views to each other through the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        c = window.controller
        c.noteAdded.connect(self._note_added)
        c.entityCorrected.connect(self._entity_corrected)
        c.exported.connect(self._exported)
        window.entity_view.corrector.requested.connect(c.correct_entity)
        window.compare_view.open_passage.connect(lambda d, s, e: window.open_passage(d, s, e, "compare"))
        window.compare_view.note_requested.connect(self.request_note)
        window.notes_view.open_passage.connect(lambda d, s, e: window.open_passage(d, s, e, "notes"))
        window.notes_view.open_entity.connect(self._open_entity_from_notes)
        window.reader_view.noteRequested.connect(self.request_note)
        window.reader_view.citationCopied.connect(self._citation_copied)
        window.entity_view.page.noteRequested.connect(self.request_note)

    def readonly_cause(self) -> str:
        """Why the library is read-only, in the interface language (the core's own words are in ``readonly_detail``)."""
        if self.window.controller.other_writer:
            return QCoreApplication.translate("MainWindow", "another Zhiku window has this knowledge base open")
        return QCoreApplication.translate(
            "MainWindow", "its folder cannot be written (read-only media, or no permission)")

    def readonly_reason(self) -> str:
        return QCoreApplication.translate(
            "MainWindow", "Read-only: %1; importing, notes and entity corrections are off.").replace("%1", self.readonly_cause())

    def readonly_detail(self) -> str:
        """The banner's tooltip: the reason, then the core's exact words (folder, process, the system's error)."""
        return "\n".join(p for p in (self.readonly_reason(), self.window.controller.readonly_reason) if p)

    def _open_entity_from_notes(self, name: str) -> None:
        self.window.history.visit(NavEntry("view", "notes"))
        self.window.navigate(NavEntry("entity", name))

    # entity corrections ----------------------------------------------------------------------
    def _entity_corrected(self, done: Correction) -> None:
        """Show the entity the correction left (a deleted one: go back); lists refresh from ``changed``."""
        w = self.window
        page = w.entity_view.page.page
        shown = page.entity if page is not None else None
        was_shown = shown is not None and (shown.type, shown.name) == (done.type, done.name)
        if done.entity_id is not None:
            w.navigate(NavEntry("entity", done.entity_id))
        elif was_shown and w.history.can_back():
            w.go_back()
        elif was_shown:
            w.entity_view.page.show_page(None)
        elif shown is not None:
            w.controller.load_entity(shown.id)  # its links may have pointed at the deleted one
        messages = {
            "rename": QCoreApplication.translate("MainWindow", "Renamed “%1” to “%2”."),
            "retype": QCoreApplication.translate("MainWindow", "“%1” is now of type %2."),
            "merge": QCoreApplication.translate("MainWindow", "Merged “%1” into “%2”."),
            "delete": QCoreApplication.translate("MainWindow", "Deleted “%1”."),
            "unplace": QCoreApplication.translate("MainWindow", "“%1” is no longer placed in “%2”.") if done.value else
            QCoreApplication.translate("MainWindow", "“%1” is no longer placed anywhere."),
            "unlink": QCoreApplication.translate("MainWindow", "Removed the link between “%1” and “%2”."),
        }
        value = label("entity_type", done.value) if done.action == "retype" else (done.value or "")
        if done.action == "unlink":
            value = value.split(":", 2)[-1]  # kind:type:name
        w.status_label.setText(messages[done.action].replace("%1", done.name).replace("%2", value))

    # notes ------------------------------------------------------------------------------------
    def ask_note(self, target: NoteTarget) -> tuple[str, list[str]] | None:
        """Comment and tags for a new note (the dialog); tests replace this method."""
        from ui.views.note_dialog import ask_note

        return ask_note(self.window, target.quote, target.kind)

    def request_note(self, target: NoteTarget) -> bool:
        """Ask for a comment and tags, then store the note in the background."""
        w = self.window
        if w.controller.readonly or not w.controller.is_open():
            w.status_label.setText(self.readonly_reason() if w.controller.readonly else
                                   QCoreApplication.translate("MainWindow", "Opening the knowledge base…"))
            return False
        values = self.ask_note(target)
        if values is None:
            return False
        comment, tags = values
        w.controller.add_note(**target.add_kwargs(comment, tags))
        return True

    def _note_added(self, note: Note) -> None:
        self.window.reader_view.add_note_mark(note)
        self.window.status_label.setText(QCoreApplication.translate("MainWindow", "Note added — see Notes."))

    def _citation_copied(self, text: str) -> None:
        self.window.status_label.setText(QCoreApplication.translate("MainWindow", "Citation copied: %1").replace("%1", text))

    # exports ----------------------------------------------------------------------------------
    def _exported(self, _what: str, path: str) -> None:
        self.window.status_label.setText(QCoreApplication.translate("MainWindow", "Exported to %1").replace("%1", path))
        self.window.statusBar().setToolTip(tip(path))

    def export_options(self, what: str) -> dict[str, Any] | None:
        """Keyword arguments of an export; None when its scope has nothing (no search shown)."""
        if what == "notes":
            return self.window.notes_view.export_filters()
        if what == "compare":
            return {"regions": self.window.compare_view.export_regions()}
        if what == "references:search":
            query = self.shown_search()
            return {"query": query} if query else None
        if what == "references:notes":
            # kb.export takes no notes filter as "the whole library"; an empty text filter keeps it "notes' documents"
            return self.window.notes_view.export_filters() or {"text": ""}
        return {}

    def shown_search(self) -> str:
        """The search on screen as one query (its facet filters folded in), for the references export."""
        result = self.window.search_view.result
        if result is None:
            return ""
        filters = self.window.search_view.filters
        parts = [result.query, *(f'{k}:"{v.replace(chr(34), "")}"' for k, v in filters.items())]
        return " ".join(p for p in parts if p)

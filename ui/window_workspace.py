"""The comparison and notes side of the main window: built once the knowledge base is open.

Why a mixin: ``MainWindow`` stays a readable size while these handlers keep their place in its
history, status bar and controller. Everything here runs in the UI thread; the knowledge base is
reached through the controller's worker (notes, exports) or the views' own background jobs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from ui.labels import label
from ui.navigation import NavEntry
from ui.note_target import NoteTarget

if TYPE_CHECKING:
    from kb.models import Note
    from ui.controller import Correction


class WorkspaceMixin:
    """Needs the ``MainWindow`` attributes: controller, history, reader_view, status_label, ..."""

    compare_view: Any
    notes_view: Any
    readonly: bool
    controller: Any
    history: Any
    reader_view: Any
    entity_view: Any
    status_label: Any

    def _install_views(self, kb: Any) -> None:
        """Compare and notes need the open knowledge base: built here, in place of the placeholders."""
        from ui.views.compare_view import CompareView
        from ui.views.notes_view import NotesView

        self.compare_view = CompareView(kb)
        self.notes_view = NotesView(kb)
        self.register_view("compare", self.compare_view)
        self.register_view("notes", self.notes_view)
        self.compare_view.open_passage.connect(lambda d, s, e: self.open_passage(d, s, e, "compare"))
        self.compare_view.note_requested.connect(self.request_note)
        self.notes_view.open_passage.connect(lambda d, s, e: self.open_passage(d, s, e, "notes"))
        self.notes_view.open_entity.connect(self._open_entity_from_notes)
        for view in (self.compare_view, self.notes_view):
            view.set_readonly(self.readonly)

    def _readonly_reason(self) -> str:
        return QCoreApplication.translate(
            "MainWindow", "Read-only: another Zhiku window has this knowledge base open; importing, notes and entity corrections are off.")

    def open_passage(self, doc_id: str, start: int, end: int, from_view: str | None = None) -> None:
        """Read ``start..end`` highlighted; Back returns to ``from_view`` (compare, notes)."""
        if from_view is not None:
            self.history.visit(NavEntry("view", from_view))
        self.navigate(NavEntry("document", (doc_id, "span", start, end),
                               {"highlights": ((start, end),), "focus": (start, end)}))

    def _open_entity_from_notes(self, name: str) -> None:
        self.history.visit(NavEntry("view", "notes"))
        self.navigate(NavEntry("entity", name))

    # entity corrections
    def _entity_corrected(self, done: Correction) -> None:
        """Refresh the list; show the entity the correction left (a deleted one: go back)."""
        self.controller.load_entities()
        page = self.entity_view.page.page
        shown = page.entity if page is not None else None
        was_shown = shown is not None and (shown.type, shown.name) == (done.type, done.name)
        if done.entity_id is not None:
            self.navigate(NavEntry("entity", done.entity_id))
        elif was_shown and self.history.can_back():
            self.go_back()
        elif was_shown:
            self.entity_view.page.show_page(None)
        elif shown is not None:
            self.controller.load_entity(shown.id)  # its links may have pointed at the deleted one
        if self.notes_view is not None:
            self.notes_view.refresh()
        messages = {
            "rename": QCoreApplication.translate("MainWindow", "Renamed “%1” to “%2”."),
            "retype": QCoreApplication.translate("MainWindow", "“%1” is now of type %2."),
            "merge": QCoreApplication.translate("MainWindow", "Merged “%1” into “%2”."),
            "delete": QCoreApplication.translate("MainWindow", "Deleted “%1”."),
        }
        value = label("entity_type", done.value) if done.action == "retype" else (done.value or "")
        self.status_label.setText(messages[done.action].replace("%1", done.name).replace("%2", value))

    # notes
    def ask_note(self, target: NoteTarget) -> tuple[str, list[str]] | None:
        """Comment and tags for a new note (the dialog); tests replace this method."""
        from ui.views.note_dialog import ask_note

        return ask_note(self, target.quote, target.kind)

    def request_note(self, target: NoteTarget) -> bool:
        """Ask for a comment and tags, then store the note in the background."""
        if self.readonly or self.controller.kb is None:
            opening = QCoreApplication.translate("MainWindow", "Opening the knowledge base…")
            self.status_label.setText(self._readonly_reason() if self.readonly else opening)
            return False
        values = self.ask_note(target)
        if values is None:
            return False
        comment, tags = values
        self.controller.add_note(**target.add_kwargs(comment, tags))
        return True

    def _note_added(self, note: Note) -> None:
        self.reader_view.add_note_mark(note)
        if self.notes_view is not None:
            self.notes_view.refresh()
        self.status_label.setText(QCoreApplication.translate("MainWindow", "Note added — see Notes."))

    def _citation_copied(self, text: str) -> None:
        self.status_label.setText(QCoreApplication.translate("MainWindow", "Citation copied: %1").replace("%1", text))

    def _exported(self, _what: str, path: str) -> None:
        self.status_label.setText(QCoreApplication.translate("MainWindow", "Exported to %1").replace("%1", path))
        self.statusBar().setToolTip(path)

    def _export_options(self, what: str) -> dict[str, Any]:
        if what == "notes" and self.notes_view is not None:
            return self.notes_view.export_filters()
        if what == "compare" and self.compare_view is not None:
            return {"regions": self.compare_view.export_regions()}
        return {}

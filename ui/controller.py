"""The one object that talks to ``kb.KnowledgeBase``: every call runs on a worker thread.

Why one single-thread pool: the knowledge base serialises everything behind one lock anyway, and
running jobs in submission order means "open" always precedes the first search. Each request
kind carries a serial number so a slow, superseded answer (an old search) is dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from ui.workers import CancelFn, Job, ProgressFn, Worker

if TYPE_CHECKING:
    from kb import KnowledgeBase
    from kb.models import DocumentText, Mention, Note

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DocumentView:
    """What the reader needs: the text, its entity mentions, and where to look."""

    text: DocumentText
    mentions: tuple[Mention, ...]
    highlights: tuple[tuple[int, int], ...] = ()
    focus: tuple[int, int] | None = None  # a span to scroll to and tint (passage or mention)
    notes: tuple[Note, ...] = ()  # the anchored notes on this document, underlined in the reader


@dataclass(frozen=True)
class Correction:
    """What an entity correction changed: the views refresh from this (and open ``entity_id``)."""

    action: str  # rename | retype | merge | delete
    type: str
    name: str
    value: str | None
    entity_id: int | None  # the entity the corrected one became (None once deleted)


class _Request(QObject):
    """Receives one worker's signals in the UI thread and hands them to the controller."""

    def __init__(self, owner: AppController, kind: str, serial: int, on_result: Callable[[Any], None]) -> None:
        super().__init__(owner)
        self.owner, self.kind, self.serial, self.on_result = owner, kind, serial, on_result

    @Slot(object)
    def result(self, value: Any) -> None:
        if self.owner.is_current(self.kind, self.serial):
            self.on_result(value)

    @Slot(object)
    def error(self, exc: object) -> None:
        if self.owner.is_current(self.kind, self.serial):
            self.owner.report_error(self.kind, exc)

    @Slot(int, int, str)
    def progress(self, done: int, total: int, label: str) -> None:
        self.owner.importProgress.emit(done, total, label)

    @Slot()
    def finished(self) -> None:
        self.owner.job_finished(self)


class AppController(QObject):
    """Asynchronous facade over the knowledge base.

    Signals:
        opened(object): the open KnowledgeBase's ``Stats``.
        searchFinished(object): a ``SearchResult``.
        documentLoaded(object): a ``DocumentView``.
        entitiesLoaded(object): ``list[Entity]``.
        entityLoaded(object): an ``EntityPage`` (or None when it no longer exists).
        importProgress(int, int, str): files done, total, current file.
        importFinished(object): an ``ImportReport``.
        noteAdded(object): the new ``Note``.
        entityCorrected(object): a ``Correction`` the knowledge base has stored.
        exported(str, str): what was exported ("notes", "compare", "entities", "measures") and the file.
        failed(str, str): request kind and a message fit for the user.
        busyChanged(bool): whether any job is queued or running.
        idle(): every job has finished.
    """

    opened = Signal(object)
    searchFinished = Signal(object)
    documentLoaded = Signal(object)
    entitiesLoaded = Signal(object)
    entityLoaded = Signal(object)
    importProgress = Signal(int, int, str)
    importFinished = Signal(object)
    noteAdded = Signal(object)
    entityCorrected = Signal(object)
    exported = Signal(str, str)
    failed = Signal(str, str)
    busyChanged = Signal(bool)
    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.kb: KnowledgeBase | None = None
        self._serials: dict[str, int] = {}
        self._jobs: dict[_Request, Worker] = {}
        self._import: Worker | None = None

    # plumbing
    def is_current(self, kind: str, serial: int) -> bool:
        return self._serials.get(kind) == serial

    def busy(self) -> bool:
        return bool(self._jobs)

    def importing(self) -> bool:
        return self._import is not None

    def _submit(self, kind: str, job: Job, on_result: Callable[[Any], None]) -> Worker:
        serial = self._serials.get(kind, 0) + 1
        self._serials[kind] = serial
        worker = Worker(job)
        request = _Request(self, kind, serial, on_result)
        worker.signals.result.connect(request.result)
        worker.signals.error.connect(request.error)
        worker.signals.progress.connect(request.progress)
        worker.signals.finished.connect(request.finished)
        was_busy = self.busy()
        self._jobs[request] = worker
        if not was_busy:
            self.busyChanged.emit(True)
        self.pool.start(worker)
        return worker

    def job_finished(self, request: _Request) -> None:
        worker = self._jobs.pop(request, None)
        if worker is self._import:
            self._import = None
        request.deleteLater()
        if not self._jobs:
            self.busyChanged.emit(False)
            self.idle.emit()

    def report_error(self, kind: str, exc: object) -> None:
        from kb.errors import ZhikuError  # light module; imported late to keep startup lean

        if kind == "import":
            self._import = None
        if isinstance(exc, ZhikuError):
            message = str(exc)
        else:
            log.error("%s failed: %r", kind, exc)
            message = f"{type(exc).__name__}: {exc}"
        self.failed.emit(kind, message)

    def _need_kb(self) -> KnowledgeBase:
        if self.kb is None:
            raise RuntimeError("the knowledge base is not open yet")
        return self.kb

    # requests
    def open(self, kb_dir: Path | None) -> None:
        """Open (or create) the knowledge base; heavy imports happen on the worker thread."""

        def job(_p: ProgressFn, _c: CancelFn) -> Any:
            from kb import KnowledgeBase

            kb = KnowledgeBase.open(kb_dir)
            return kb, kb.stats()

        def done(value: Any) -> None:
            self.kb, stats = value
            self.opened.emit(stats)

        self._submit("open", job, done)

    def search(self, query: str, filters: dict[str, str] | None = None, limit: int = 50) -> None:
        filters = dict(filters or {})
        self._submit("search", lambda _p, _c: self._need_kb().search(query, limit=limit, filters=filters),
                     self.searchFinished.emit)

    def load_document(self, ref: str, highlights: Sequence[tuple[int, int]] = (),
                      focus: tuple[int, int] | None = None) -> None:
        def job(_p: ProgressFn, _c: CancelFn) -> DocumentView:
            kb = self._need_kb()
            text = kb.document_text(ref)
            notes = tuple(n for n in kb.notes(doc=text.doc.id) if n.start is not None and not n.orphaned)
            return DocumentView(text, tuple(kb.mentions_in(text.doc.id)), tuple(highlights), focus, notes)

        self._submit("document", job, self.documentLoaded.emit)

    def load_entities(self) -> None:
        self._submit("entities", lambda _p, _c: self._need_kb().entities(), self.entitiesLoaded.emit)

    def load_entity(self, ref: int | str) -> None:
        self._submit("entity", lambda _p, _c: self._need_kb().entity(ref), self.entityLoaded.emit)

    def add_note(self, **kwargs: Any) -> None:
        """``kb.add_note(**kwargs)`` on the worker; ``noteAdded`` or ``failed("note", …)`` answers."""
        self._submit("note", lambda _p, _c: self._need_kb().add_note(**kwargs).note, self.noteAdded.emit)

    def correct_entity(self, action: str, type: str, name: str, value: str | None = None) -> None:
        """``kb.correct_entity`` on the worker; ``entityCorrected`` or ``failed("correct", …)`` answers."""

        def job(_p: ProgressFn, _c: CancelFn) -> Correction:
            changes = self._need_kb().correct_entity(action, type, name, value)
            return Correction(action, type, name, value, changes.entity_id)

        self._submit("correct", job, self.entityCorrected.emit)

    def export(self, what: str, path: str | Path, fmt: str, **kwargs: Any) -> None:
        """Write notes / compare / entities / measures to ``path`` on the worker thread."""
        methods = {"notes": "export_notes", "compare": "export_compare", "entities": "export_entities",
                   "measures": "export_measures"}
        if what not in methods:
            raise ValueError(f"cannot export {what!r}")

        def job(_p: ProgressFn, _c: CancelFn) -> str:
            return str(getattr(self._need_kb(), methods[what])(path, fmt, **kwargs))

        self._submit(f"export:{what}", job, lambda out: self.exported.emit(what, out))

    def import_paths(self, paths: Sequence[Path]) -> bool:
        """Start importing; False when an import is already running (one writer at a time)."""
        if self._import is not None:
            return False
        paths = [Path(p) for p in paths]

        def job(progress: ProgressFn, cancelled: CancelFn) -> Any:
            return self._need_kb().import_paths(paths, progress=progress, cancel=cancelled)

        def done(report: Any) -> None:
            self._import = None  # before the signal: its handlers may start the next import
            self.importFinished.emit(report)

        self._import = self._submit("import", job, done)
        return True

    def cancel_import(self) -> None:
        if self._import is not None:
            self._import.cancel()

    def shutdown(self, timeout_ms: int = 30000) -> None:
        """Cancel the import, let the running job end, then close the knowledge base."""
        self.cancel_import()
        self.pool.clear()
        self.pool.waitForDone(timeout_ms)
        if self.kb is not None:
            try:
                self.kb.close()
            finally:
                self.kb = None

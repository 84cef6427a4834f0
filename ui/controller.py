"""The one object views hold: every knowledge-base call runs off the UI thread and answers by signal.

Why two lanes: requests (searches, reads, small writes) run one at a time, in submission order, on a
single worker, so "open" always precedes the first search; an import runs on its own lane, so a
search or a notes refresh is never queued behind minutes of indexing (the store gives each thread
its own reader, so requests read while the import writes). Each request kind carries a serial
number so a slow, superseded answer (an old search) is dropped. Every write's ``Changes`` goes out
on ``changed``; each view refreshes only what it names (Anki's OpChanges).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from ui.results import (
    CompareResult,
    Correction,
    DocumentView,
    ImportSpeed,
    NotesData,
    RegionChoices,
    ThesaurusData,
    TitleBook,
    region_choices,
)
from ui.workers import CancelFn, Job, ProgressFn, Worker

if TYPE_CHECKING:
    from kb import KnowledgeBase
    from kb.models import Changes

__all__ = ["AppController", "CompareResult", "Correction", "DocumentView", "NotesData", "RegionChoices"]

log = logging.getLogger(__name__)
Reply = Callable[[Any], None]
DOCUMENT_LIMIT = 30  # documents of a grouped result (each with up to three passages)


# What the user waits for goes ahead of queued background reads (the library's rows, the placeholders,
# the warm-up after opening): a search typed at start answers in its own time, not after theirs.
PRIORITY = {"search": 2, "document": 2, "entity": 1}


class _Request(QObject):
    """Receives one worker's signals in the UI thread and hands them to the controller."""

    def __init__(self, owner: AppController, kind: str, serial: int, on_result: Reply,
                 on_error: Reply | None, latest_only: bool) -> None:
        super().__init__(owner)
        self.owner, self.kind, self.serial = owner, kind, serial
        self.on_result, self.on_error, self.latest_only = on_result, on_error, latest_only

    def _wanted(self) -> bool:
        """A read superseded by a newer one of its kind is dropped; a write always answers."""
        return not self.latest_only or self.owner.is_current(self.kind, self.serial)

    @Slot(object)
    def result(self, value: Any) -> None:
        if self._wanted():
            self.on_result(value)

    @Slot(object)
    def error(self, exc: object) -> None:
        if self._wanted():
            self.owner.report_error(self.kind, exc)
            if self.on_error is not None:
                self.on_error(exc)

    @Slot(int, int, str)
    def progress(self, done: int, total: int, label: str) -> None:
        self.owner.import_progress(done, total, label)

    @Slot()
    def finished(self) -> None:
        self.owner.job_finished(self)


class AppController(QObject):
    """Asynchronous facade over the knowledge base.

    Signals:
        opened(object): the open KnowledgeBase's ``Stats``.
        changed(object): the ``Changes`` of a write that just finished (import, note, theme, correction).
        searchFinished(object): a ``SearchResult``.
        documentLoaded(object): a ``DocumentView``.
        documentsLoaded(object): ``list[DocumentSummary]`` — every document of the library.
        examplesLoaded(object): ``list[str]`` — queries that find something in this library.
        entitiesLoaded(object): ``list[Entity]``.
        entityLoaded(object): an ``EntityPage`` (or None when it no longer exists).
        notesLoaded(object): a ``NotesData`` (notes, tags, documents).
        themesLoaded(object): ``list[Theme]``.
        thesaurusLoaded(object): a ``ThesaurusData`` (groups and the sources they cite).
        regionsLoaded(object): a ``RegionChoices`` for the comparison's region picker.
        comparisonReady(object): a ``CompareResult``.
        importProgress(int, int, str): files done, total, current file.
        importSpeed(float): documents per second since the import's first report (0 until two reports).
        importFinished(object): an ``ImportReport``.
        noteAdded(object): the new ``Note``.
        entityCorrected(object): a ``Correction`` the knowledge base has stored.
        exported(str, str): what was exported ("notes", "compare", "entities", "measures", "references") and the file.
        failed(str, str): request kind and a message fit for the user.
        errored(str, object): request kind and the exception itself (for dialogs that explain it).
        busyChanged(bool): whether any job is queued or running.
        idle(): every job has finished.
    """

    opened = Signal(object)
    changed = Signal(object)
    searchFinished = Signal(object)
    documentLoaded = Signal(object)
    documentsLoaded = Signal(object)
    examplesLoaded = Signal(object)
    entitiesLoaded = Signal(object)
    entityLoaded = Signal(object)
    notesLoaded = Signal(object)
    themesLoaded = Signal(object)
    thesaurusLoaded = Signal(object)
    regionsLoaded = Signal(object)
    comparisonReady = Signal(object)
    importProgress = Signal(int, int, str)
    importSpeed = Signal(float)
    importFinished = Signal(object)
    noteAdded = Signal(object)
    entityCorrected = Signal(object)
    exported = Signal(str, str)
    failed = Signal(str, str)
    errored = Signal(str, object)
    busyChanged = Signal(bool)
    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Searches run on this object's threads while an import starts: the import's worker processes
        # come from a fork server, never from a fork of this threaded process (kb.workers.START_ENV).
        os.environ.setdefault("ZHIKU_WORKER_START", "forkserver")
        self.pool = QThreadPool(self)  # the request lane
        self.pool.setMaxThreadCount(1)
        self.import_pool = QThreadPool(self)  # the import lane
        self.import_pool.setMaxThreadCount(1)
        self.kb: KnowledgeBase | None = None
        self.titles = TitleBook()
        self.readonly = False
        self.readonly_reason = ""  # the core's words for why (another window, read-only media)
        self.other_writer = False  # read-only because another Zhiku writes to this library
        self.kb_dir = ""
        self.speed = ImportSpeed()
        self._serials: dict[str, int] = {}
        self._jobs: dict[_Request, Worker] = {}
        self._import: Worker | None = None
        self.changed.connect(self._documents_changed)

    def _documents_changed(self, changes: Changes) -> None:
        if changes.documents:
            self.load_documents()
            self.load_examples()

    # plumbing -------------------------------------------------------------------------------
    def is_current(self, kind: str, serial: int) -> bool:
        return self._serials.get(kind) == serial

    def busy(self) -> bool:
        return bool(self._jobs)

    def importing(self) -> bool:
        return self._import is not None

    def is_open(self) -> bool:
        return self.kb is not None

    def _submit(self, kind: str, job: Job, on_result: Reply, on_error: Reply | None = None,
                pool: QThreadPool | None = None, latest_only: bool = True) -> Worker:
        serial = self._serials.get(kind, 0) + 1
        self._serials[kind] = serial
        worker = Worker(job)
        request = _Request(self, kind, serial, on_result, on_error, latest_only)
        worker.signals.result.connect(request.result)
        worker.signals.error.connect(request.error)
        worker.signals.progress.connect(request.progress)
        worker.signals.finished.connect(request.finished)
        was_busy = self.busy()
        self._jobs[request] = worker
        if not was_busy:
            self.busyChanged.emit(True)
        (pool or self.pool).start(worker, PRIORITY.get(kind, 0))
        return worker

    def _read(self, kind: str, call: Callable[[KnowledgeBase], Any], on_result: Reply,
              on_error: Reply | None = None) -> None:
        """Run ``call(kb)`` on the request lane; ``on_result`` gets its value in the UI thread."""
        self._submit(kind, lambda _p, _c: call(self._need_kb()), on_result, on_error)

    def _write(self, kind: str, call: Callable[[KnowledgeBase], Changes], then: Reply | None = None,
               on_error: Reply | None = None) -> None:
        """Run a write on the request lane; its ``Changes`` go out on ``changed`` (after ``then``)."""

        def done(changes: Changes) -> None:
            if then is not None:
                then(changes)
            self.changed.emit(changes)

        self._submit(kind, lambda _p, _c: call(self._need_kb()), done, on_error, latest_only=False)

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
        self.errored.emit(kind, exc)

    def _need_kb(self) -> KnowledgeBase:
        if self.kb is None:
            raise RuntimeError("the knowledge base is not open yet")
        return self.kb

    # opening ------------------------------------------------------------------------------
    def open(self, kb_dir: Path | None) -> None:
        """Open (or create) the knowledge base; heavy imports happen on the worker thread."""

        def job(_p: ProgressFn, _c: CancelFn) -> Any:
            from kb import KnowledgeBase

            kb = KnowledgeBase.open(kb_dir)
            return kb, kb.stats()

        self._submit("open", job, self._opened)

    def attach(self, kb: KnowledgeBase) -> None:
        """Use a knowledge base opened elsewhere (tests, the screenshot runner); emits ``opened``."""
        self.kb = kb
        self._read("open", lambda k: (k, k.stats()), self._opened)

    def _opened(self, value: Any) -> None:
        self.kb, stats = value
        self.readonly = bool(self.kb.readonly)
        self.readonly_reason = self.kb.readonly_reason if self.readonly else ""
        self.other_writer = self.readonly and self.kb.lock_holder is not None
        self.kb_dir = str(self.kb.kb_dir)
        self.opened.emit(stats)
        self.load_documents()  # the landing page first, then what the first search needs, then the placeholders
        self._read("warm", lambda kb: kb.warm(), lambda _none: None)
        self.load_examples()

    # reads --------------------------------------------------------------------------------
    def search(self, query: str, filters: dict[str, str] | None = None, limit: int = 50,
               by_document: bool = False) -> None:
        """``by_document``: the best documents, each with its best passages (``limit`` counts documents)."""
        filters = dict(filters or {})
        if by_document:
            limit = min(limit, DOCUMENT_LIMIT)
        self._read("search", lambda kb: kb.search(query, limit=limit, filters=filters, by_document=by_document),
                   self.searchFinished.emit)

    def load_document(self, ref: str, highlights: Sequence[tuple[int, int]] = (),
                      focus: tuple[int, int] | None = None) -> None:
        def read(kb: KnowledgeBase) -> DocumentView:
            text = kb.document_text(ref)
            notes = tuple(n for n in kb.notes(doc=text.doc.id) if n.start is not None and not n.orphaned)
            return DocumentView(text, tuple(kb.mentions_in(text.doc.id)), tuple(highlights), focus, notes)

        self._read("document", read, self.documentLoaded.emit)

    def load_documents(self) -> None:
        """Every document with its counts; also refreshes the title book the views name documents by."""

        def done(rows: Any) -> None:
            self.titles.update(r.doc for r in rows)
            self.documentsLoaded.emit(rows)

        self._read("documents", lambda kb: kb.document_summaries(), done)

    def load_examples(self) -> None:
        self._read("examples", lambda kb: kb.example_queries(), self.examplesLoaded.emit)

    def load_entities(self) -> None:
        self._read("entities", lambda kb: kb.entities(), self.entitiesLoaded.emit)

    def load_entity(self, ref: int | str) -> None:
        self._read("entity", lambda kb: kb.entity(ref), self.entityLoaded.emit)

    def load_notes(self) -> None:
        """The notes (cell notes aside), the tags and the documents the region filter needs."""

        def read(kb: KnowledgeBase) -> NotesData:
            notes = tuple(n for n in kb.notes() if n.target_kind != "cell")
            return NotesData(notes, tuple(kb.tags()), tuple(kb.documents()))

        self._read("notes", read, self.notesLoaded.emit)

    def load_thesaurus(self) -> None:
        self._read("thesaurus", lambda kb: ThesaurusData(tuple(kb.thesaurus_groups()), kb.thesaurus_sources()),
                   self.thesaurusLoaded.emit)

    def load_themes(self) -> None:
        self._read("themes", lambda kb: kb.themes(), self.themesLoaded.emit)

    def load_regions(self) -> None:
        self._read("regions", lambda kb: region_choices(kb.documents(), kb.default_regions()),
                   self.regionsLoaded.emit)

    def compare(self, regions: Sequence[str], on_error: Reply | None = None, *, contained: bool = False) -> None:
        """``kb.compare``; ``contained`` (含下级) keeps a region's documents that another column also shows."""
        regions = list(regions)
        self._read("compare", lambda kb: CompareResult(kb.compare(regions, contained=contained)),
                   self.comparisonReady.emit, on_error)

    # writes -------------------------------------------------------------------------------
    def add_note(self, **kwargs: Any) -> None:
        """``kb.add_note(**kwargs)``; ``noteAdded`` and ``changed`` answer (or ``failed("note", …)``)."""
        self._write("note", lambda kb: kb.add_note(**kwargs), lambda ch: self.noteAdded.emit(ch.note))

    def update_note(self, note_id: int, comment: str, tags: Sequence[str], then: Reply | None = None) -> None:
        self._write("note", lambda kb: kb.update_note(note_id, comment=comment, tags=list(tags)), then)

    def remove_note(self, note_id: int, then: Reply | None = None) -> None:
        self._write("note", lambda kb: kb.remove_note(note_id), then)

    def reattach_note(self, note_id: int, doc: str, quote: str, then: Reply | None = None,
                      on_error: Reply | None = None) -> None:
        """Anchor an orphaned note in ``doc``; ``then`` gets the ``Changes`` (``.note`` is the note)."""
        self._write("reattach", lambda kb: kb.reattach_note(note_id, doc, quote), then, on_error)

    def add_theme(self, label: str, query: str, measure_themes: Sequence[str], then: Reply | None = None) -> None:
        self._write("theme", lambda kb: kb.add_theme(label, query, list(measure_themes)), then)

    def update_theme(self, key: str, label: str, query: str, measure_themes: Sequence[str],
                     then: Reply | None = None) -> None:
        self._write("theme", lambda kb: kb.update_theme(key, label=label, query=query,
                                                        measure_themes=list(measure_themes)), then)

    def remove_theme(self, key: str, then: Reply | None = None) -> None:
        self._write("theme", lambda kb: kb.remove_theme(key), then)

    def set_cell_override(self, region: str, theme_key: str, text: str, then: Reply | None = None) -> None:
        self._write("cell", lambda kb: kb.set_cell_override(region, theme_key, text), then)

    def add_thesaurus_group(self, terms: Sequence[str], relation: str, note: str, then: Reply | None = None) -> None:
        terms = list(terms)
        self._write("thesaurus", lambda kb: kb.add_thesaurus_group(terms, relation, note), then)

    def update_thesaurus_group(self, group_id: str, terms: Sequence[str], relation: str, note: str,
                               then: Reply | None = None) -> None:
        terms = list(terms)
        self._write("thesaurus", lambda kb: kb.update_thesaurus_group(group_id, terms=terms, relation=relation,
                                                                      note=note), then)

    def remove_thesaurus_group(self, group_id: str, then: Reply | None = None) -> None:
        """A group of the user's is deleted; a shipped one is disabled (the core decides)."""
        self._write("thesaurus", lambda kb: kb.remove_thesaurus_group(group_id), then)

    def set_thesaurus_group_enabled(self, group_id: str, on: bool, then: Reply | None = None) -> None:
        self._write("thesaurus", lambda kb: kb.set_thesaurus_group_enabled(group_id, on), then)

    def reset_thesaurus_group(self, group_id: str, then: Reply | None = None) -> None:
        self._write("thesaurus", lambda kb: kb.reset_thesaurus_group(group_id), then)

    def remove_document(self, ref: str, then: Reply | None = None) -> None:
        self._write("remove", lambda kb: kb.remove_document(ref), then)

    def correct_entity(self, action: str, type: str, name: str, value: str | None = None) -> None:
        """``kb.correct_entity`` (rename, retype, merge, delete, and ``unplace`` / ``unlink`` of a placement or
        link, ``value`` then the place or ``kb.corrections.link_value``); ``entityCorrected`` and ``changed``
        answer (or ``failed("correct", …)``)."""
        self._write("correct", lambda kb: kb.correct_entity(action, type, name, value),
                    lambda ch: self.entityCorrected.emit(Correction(action, type, name, value, ch.entity_id)))

    def export(self, what: str, path: str | Path, fmt: str, **kwargs: Any) -> None:
        """Write notes / compare / entities / measures / references to ``path`` on the request lane."""
        methods = {"notes": "export_notes", "compare": "export_compare", "entities": "export_entities",
                   "measures": "export_measures", "references": "export_references"}
        if what not in methods:
            raise ValueError(f"cannot export {what!r}")
        self._submit(f"export:{what}", lambda _p, _c: str(getattr(self._need_kb(), methods[what])(path, fmt, **kwargs)),
                     lambda out: self.exported.emit(what, out), latest_only=False)

    # the import lane ------------------------------------------------------------------------
    def import_paths(self, paths: Sequence[Path]) -> bool:
        """Start importing on the import lane; False when an import is already running."""
        if self._import is not None:
            return False
        paths = [Path(p) for p in paths]
        self.speed = ImportSpeed()

        def job(progress: ProgressFn, cancelled: CancelFn) -> Any:
            kb = self._need_kb()
            report = kb.import_paths(paths, progress=progress, cancel=cancelled)
            return report, kb.documents()  # the titles the report names, read on this lane too

        def done(value: Any) -> None:
            report, docs = value
            self._import = None  # before the signals: their handlers may start the next import
            self.titles.update(docs)
            self.importFinished.emit(report)
            self.changed.emit(report.changes)

        self._import = self._submit("import", job, done, pool=self.import_pool, latest_only=False)
        return True

    def reprocess(self, refs: Sequence[str] | None = None, then: Reply | None = None) -> bool:
        """Read the kept originals again on the import lane (progress and cancel as an import);
        ``then`` gets the ``ReprocessReport``, ``changed`` its changes. False while an import runs."""
        if self._import is not None:
            return False
        self.speed = ImportSpeed()

        def done(report: Any) -> None:
            self._import = None
            if then is not None:
                then(report)
            self.changed.emit(report.changes)

        self._import = self._submit("import", lambda progress, cancelled: self._need_kb().reprocess(
            refs, progress=progress, cancel=cancelled), done, pool=self.import_pool, latest_only=False)
        return True

    def import_progress(self, done: int, total: int, label: str) -> None:
        """An import's report (UI thread): passed on, with the documents per second so far."""
        self.importProgress.emit(done, total, label)
        rate = self.speed.report(done, time.monotonic())
        if rate > 0:
            self.importSpeed.emit(rate)

    def cancel_import(self) -> None:
        if self._import is not None:
            self._import.cancel()

    def shutdown(self, timeout_ms: int = 30000) -> None:
        """Cancel the import, let the running jobs end, then close the knowledge base."""
        self.cancel_import()
        for pool in (self.pool, self.import_pool):
            pool.clear()
        for pool in (self.pool, self.import_pool):
            pool.waitForDone(timeout_ms)
        if self.kb is not None:
            try:
                self.kb.close()
            finally:
                self.kb = None

"""``KnowledgeBase``: the one object the UI, the CLI and the benchmark use — a thin facade.

It opens a knowledge-base directory (``zhiku.sqlite`` + ``index/`` + ``cache/``), takes the writer
lock, and composes the parts side by side: the library (reads and search), the importer, notes,
the comparison, exports and maintenance. Each part is a class over the store and the search
index; none inherits another. Reads return frozen ``kb.models`` dataclasses; writes return
``Changes`` (or an ``ImportReport`` that carries them), so that a view refreshes what they name.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from kb import paths
from kb.compare import Comparer
from kb.errors import NotFoundError, ReadOnlyError
from kb.export import Exporter
from kb.extract.wordfreq import set_cache_dir
from kb.fileio import describe, is_disk_full
from kb.importer import Importer
from kb.library import Library
from kb.maintenance import Maintenance
from kb.models import (
    Changes,
    CheckReport,
    Comparison,
    Document,
    DocumentMentions,
    DocumentSummary,
    DocumentText,
    Entity,
    EntityPage,
    ImportReport,
    Measure,
    Mention,
    Note,
    NumberRow,
    ReprocessReport,
    SearchResult,
    Stats,
    Theme,
    ThesaurusGroup,
)
from kb.notes import Notes
from kb.reprocess import Reprocessor
from kb.search import SearchIndex
from kb.store import Store
from kb.thesaurus_edits import ThesaurusEdits
from kb.writer_lock import Holder, WriterLock, clear_stale_locks, live_holder

__all__ = ["CheckReport", "KnowledgeBase"]

log = logging.getLogger(__name__)


class KnowledgeBase:
    """A knowledge base in one directory. Safe to use from several threads.

    ``readonly=True`` never writes (no lock, no recovery, no migration): what searches, listings
    and exports use, so that they never block or demote a writer and work on a full disk. A
    writable open that finds another live writer falls back to read-only. ``create=False``
    refuses a directory that holds no library instead of making an empty one.
    """

    def __init__(self, kb_dir: Path, *, readonly: bool = False, create: bool = True) -> None:
        self.kb_dir = kb_dir
        self._lock = WriterLock(paths.lock_path(kb_dir))
        self.lock_holder: Holder | None = None  # the other live writer when this one is read-only
        self._demoted = False  # asked to write, but cannot: another Zhiku writes, or read-only media
        self._unwritable = ""  # why the directory itself cannot be written
        exists = paths.store_path(kb_dir).exists()
        if not exists and (readonly or not create):
            raise NotFoundError(f"no Zhiku library in {kb_dir}: create one with `zhiku --kb DIR init` "
                                "or `zhiku --kb DIR index FILES`")
        if readonly:
            self.lock_holder = live_holder(paths.lock_path(kb_dir))
        elif not self._prepare_writer(exists):
            readonly = self._demoted = True
        set_cache_dir(paths.cache_dir(kb_dir))  # derived jieba word sets, never in /tmp
        self.readonly = readonly
        if self._demoted:
            log.warning("%s", self.readonly_reason)
        try:
            self._open_parts(readonly)
        except BaseException:
            self._lock.release()
            raise

    def _open_parts(self, readonly: bool) -> None:
        kb_dir = self.kb_dir
        self.store = Store(paths.store_path(kb_dir), readonly=readonly)
        if readonly and self.store.db.schema_outdated():
            self.store.close()
            self._upgrade()
            self.store = Store(paths.store_path(kb_dir), readonly=True)
        self.index = SearchIndex(paths.index_dir(kb_dir), readonly=readonly)
        write_lock = threading.RLock()
        self._library = Library(self.store, self.index, kb_dir)
        self._notes = Notes(self.store, self._library, self._require_writable)
        self._importer = Importer(self.store, self.index, self._library, self._notes, kb_dir,
                                 self._require_writable, write_lock)
        self._comparer = Comparer(self.store, self._library, self._notes, self._require_writable)
        self._exporter = Exporter(self._library, self._notes, self._comparer)
        self._thesaurus = ThesaurusEdits(self._library.thesaurus, self._require_writable)
        self._reprocessor = Reprocessor(self.store, self._importer, self._library, self._notes, kb_dir,
                                        self._require_writable)
        self._maintenance = Maintenance(self.store, self.index, self._importer, self._notes, kb_dir, write_lock,
                                        self._require_writable, self.writer_busy)
        if not readonly:
            self._maintenance.recover_at_open()

    @classmethod
    def open(cls, kb_dir: str | os.PathLike[str] | None = None, *, readonly: bool = False,
             create: bool = True) -> KnowledgeBase:
        return cls(paths.resolve_kb_dir(kb_dir), readonly=readonly, create=create)

    def _prepare_writer(self, exists: bool) -> bool:
        """Folders and the writer lock; False when this instance must read only. A library on read-only
        media (or without permission) opens read-only; a new one that cannot be made is an error."""
        try:
            self.kb_dir.mkdir(parents=True, exist_ok=True)
            paths.cache_dir(self.kb_dir).mkdir(exist_ok=True)
            return self._take_writer_lock()
        except OSError as exc:
            if not exists:
                raise describe(exc, self.kb_dir) from exc
            self._unwritable = exc.strerror or str(exc)
            return False

    def _take_writer_lock(self) -> bool:
        """The writer lock; a stale one (its writer gone, a leftover child holding it) is taken over."""
        if not self._lock.acquire():
            self.lock_holder = self._lock.holder
            return False
        clear_stale_locks(paths.index_dir(self.kb_dir))
        return True

    def _upgrade(self) -> None:
        """A library written by an older Zhiku is migrated once, by a short writable open, before it is read."""
        lock = WriterLock(paths.lock_path(self.kb_dir))
        if not lock.acquire():
            return  # its live writer migrated it when it opened
        try:
            Store(paths.store_path(self.kb_dir)).close()
        finally:
            lock.release()

    def writer_busy(self) -> Holder | None:
        """Another live Zhiku writing to this library right now (None when this one is the writer)."""
        if not self.readonly:
            return None
        return live_holder(paths.lock_path(self.kb_dir))

    @property
    def readonly_reason(self) -> str:
        """Why this instance cannot write, for a message or a banner ("" when it can)."""
        if not self.readonly:
            return ""
        if not self._demoted:
            return f"{self.kb_dir} was opened read-only"
        if self._unwritable:
            return f"{self.kb_dir} cannot be written ({self._unwritable}); it is open read-only"
        if self.lock_holder is not None:
            return f"another Zhiku (pid {self.lock_holder.pid}) has {self.kb_dir} open for writing; this one is read-only"
        return f"{self.kb_dir} is open in another Zhiku window; this one is read-only"

    def _require_writable(self) -> None:
        if self.readonly:
            raise ReadOnlyError(self.readonly_reason)

    def close(self) -> None:
        """Release everything, even after a failure (a full disk): one error is reported, not two."""
        for part in ("index", "store"):
            obj = getattr(self, part, None)
            if obj is None:
                continue
            try:
                obj.close()
            except Exception as exc:  # already failing (a full disk says so once); the lock must still go
                log.log(logging.DEBUG if is_disk_full(exc) else logging.WARNING, "closing the %s failed: %s", part, exc)
        self._lock.release()

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # reading (Library) --------------------------------------------------------------------

    def ensure_words(self) -> None:
        self._library.ensure_words()

    def documents(self) -> list[Document]:
        return self._library.documents()

    def document(self, ref: str) -> Document | None:
        return self._library.document(ref)

    def document_text(self, ref: str) -> DocumentText:
        return self._library.document_text(ref)

    def region_documents(self, region: str) -> list[Document]:
        return self._library.region_documents(region)

    def stats(self) -> Stats:
        return self._library.stats()

    def search(self, query: str, *, limit: int = 20, filters: Mapping[str, str] | None = None,
               by_document: bool = False, relax: str = "auto") -> SearchResult:
        return self._library.search(query, limit=limit, filters=filters, by_document=by_document, relax=relax)

    def entities(self, *, type: str | None = None, region: str | None = None, text: str | None = None) -> list[Entity]:
        return self._library.entities(type=type, region=region, text=text)

    def entity(self, ref: int | str) -> EntityPage | None:
        return self._library.entity(ref)

    def entity_mentions_by_document(self, ref: int | str) -> list[DocumentMentions]:
        return self._library.entity_documents(ref)

    def mentions_in(self, doc_ref: str) -> list[Mention]:
        return self._library.mentions_in(doc_ref)

    def measures(self, *, region: str | None = None, kind: str | None = None, theme: str | None = None,
                 doc: str | None = None) -> list[Measure]:
        return self._library.measures(region=region, kind=kind, theme=theme, doc=doc)

    # importing (Importer) -----------------------------------------------------------------

    def import_paths(self, paths: Sequence[str | Path], *, progress: Callable[[int, int, str], None] | None = None,
                     cancel: Callable[[], bool] | None = None, workers: int | None = None) -> ImportReport:
        return self._importer.import_paths(paths, progress=progress, cancel=cancel, workers=workers)

    def remove_document(self, ref: str) -> Changes:
        return self._importer.remove_document(ref)

    def correct_entity(self, action: str, type: str, name: str, value: str | None = None) -> Changes:
        return self._importer.correct_entity(action, type, name, value)

    # notes (Notes) ------------------------------------------------------------------------

    def add_note(self, **kwargs: Any) -> Changes:
        return self._notes.add(**kwargs)

    def note(self, note_id: int) -> Note:
        return self._notes.get(note_id)

    def notes(self, **filters: Any) -> list[Note]:
        return self._notes.find(**filters)

    def tags(self) -> list[tuple[str, int]]:
        return self._notes.tags()

    def update_note(self, note_id: int, *, comment: str | None = None, tags: Sequence[str] | None = None) -> Changes:
        return self._notes.update(note_id, comment=comment, tags=tags)

    def remove_note(self, note_id: int) -> Changes:
        return self._notes.remove(note_id)

    def reattach_note(self, note_id: int, doc: str, quote: str | None = None, *, start: int | None = None,
                      end: int | None = None) -> Changes:
        return self._notes.reattach(note_id, doc, quote, start=start, end=end)

    # comparison (Comparer) ----------------------------------------------------------------

    def themes(self) -> list[Theme]:
        return self._comparer.themes()

    def theme(self, ref: str) -> Theme:
        return self._comparer.theme(ref)

    def add_theme(self, label: str, query: str, measure_themes: Sequence[str] = (), *, key: str | None = None) -> Changes:
        return self._comparer.add_theme(label, query, measure_themes, key=key)

    def update_theme(self, key: str, **values: Any) -> Changes:
        return self._comparer.update_theme(key, **values)

    def remove_theme(self, key: str) -> Changes:
        return self._comparer.remove_theme(key)

    def reset_themes(self) -> Changes:
        return self._comparer.reset_themes()

    def default_regions(self) -> tuple[str, ...]:
        return self._comparer.default_regions()

    def compare(self, regions: Sequence[str] | None = None, themes: Sequence[str] | None = None,
                per_cell: int = 3, *, contained: bool = False) -> Comparison:
        return self._comparer.compare(regions, themes, per_cell, contained=contained)

    def compare_numbers(self, regions: Sequence[str] | None = None) -> list[NumberRow]:
        return self._comparer.compare_numbers(regions)

    def tool_mix(self, regions: Sequence[str] | None = None) -> dict[str, dict[str, int]]:
        return self._comparer.tool_mix(regions)

    def set_cell_override(self, region: str, theme_key: str, text: str) -> Changes:
        return self._comparer.set_cell_override(region, theme_key, text)

    # exports (Exporter) -------------------------------------------------------------------

    def export_notes(self, path: str | Path, fmt: str = "md", **filters: Any) -> Path:
        return self._exporter.export_notes(path, fmt, **filters)

    def export_compare(self, path: str | Path, fmt: str = "xlsx", regions: Sequence[str] | None = None,
                       themes: Sequence[str] | None = None, per_cell: int = 3, *, contained: bool = False) -> Path:
        return self._exporter.export_compare(path, fmt, regions, themes, per_cell, contained=contained)

    def export_references(self, path: str | Path, fmt: str = "ris", *, query: str | None = None,
                          **note_filters: Any) -> Path:
        return self._exporter.export_references(path, fmt, query=query, **note_filters)

    def export_entities(self, path: str | Path, fmt: str = "csv") -> Path:
        return self._exporter.export_entities(path, fmt)

    def export_measures(self, path: str | Path, fmt: str = "csv", **filters: Any) -> Path:
        return self._exporter.export_measures(path, fmt, **filters)

    # consistency (Maintenance) ------------------------------------------------------------

    def check(self, repair: bool = False) -> CheckReport:
        return self._maintenance.check(repair)

    def backup(self, target: str | os.PathLike[str]) -> Path:
        return self._maintenance.backup(Path(target))

    # appended: reads for the desktop views ----------------------------------------------------

    def document_summaries(self) -> list[DocumentSummary]:
        return self._library.document_summaries()

    def example_queries(self, limit: int = 2) -> list[str]:
        return self._library.example_queries(limit)

    def warm(self) -> None:
        self._library.warm()

    # appended: the policy thesaurus (the shipped groups overlaid with <kb_dir>/thesaurus.json) ----

    def thesaurus_groups(self) -> list[ThesaurusGroup]:
        return self._library.thesaurus.groups()

    def thesaurus_sources(self) -> dict[str, str]:
        return dict(self._library.thesaurus.sources)

    def add_thesaurus_group(self, terms: Sequence[str], relation: str = "synonym", note: str = "") -> Changes:
        return self._thesaurus.add(terms, relation, note)

    def update_thesaurus_group(self, group_id: str, *, terms: Sequence[str] | None = None,
                               relation: str | None = None, note: str | None = None) -> Changes:
        return self._thesaurus.update(group_id, terms=terms, relation=relation, note=note)

    def remove_thesaurus_group(self, group_id: str) -> Changes:
        return self._thesaurus.remove(group_id)

    def set_thesaurus_group_enabled(self, group_id: str, on: bool) -> Changes:
        return self._thesaurus.set_enabled(group_id, on)

    def reset_thesaurus_group(self, group_id: str) -> Changes:
        return self._thesaurus.reset(group_id)

    # reading kept originals again (Reprocessor) ------------------------------------------------

    def reprocess(self, refs: Sequence[str] | None = None, *, progress: Callable[[int, int, str], None] | None = None,
                  cancel: Callable[[], bool] | None = None) -> ReprocessReport:
        return self._reprocessor.reprocess(refs, progress=progress, cancel=cancel)

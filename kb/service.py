"""``KnowledgeBase``: the one object the UI, the CLI and the benchmark use — a thin facade.

It opens a knowledge-base directory (``zhiku.sqlite`` + ``index/`` + ``cache/``), takes the writer
lock, and composes the parts side by side: the library (reads and search), the importer, notes,
the comparison, exports and maintenance. Each part is a class over the store and the search
index; none inherits another. Reads return frozen ``kb.models`` dataclasses; writes return
``Changes`` (or an ``ImportReport`` that carries them), so that a view refreshes what they name.
"""

from __future__ import annotations

import fcntl
import logging
import os
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from kb import paths
from kb.compare import Comparer
from kb.errors import NotFoundError, ReadOnlyError
from kb.export import Exporter
from kb.extract.wordfreq import set_cache_dir
from kb.importer import Importer
from kb.library import Library
from kb.maintenance import Maintenance
from kb.models import (
    Changes,
    CheckReport,
    Comparison,
    Document,
    DocumentText,
    Entity,
    EntityPage,
    ImportReport,
    Measure,
    Mention,
    Note,
    NumberRow,
    SearchResult,
    Stats,
    Theme,
)
from kb.notes import Notes
from kb.search import SearchIndex
from kb.store import Store

__all__ = ["CheckReport", "KnowledgeBase"]

log = logging.getLogger(__name__)


class KnowledgeBase:
    """A knowledge base in one directory. Safe to use from several threads."""

    def __init__(self, kb_dir: Path, *, readonly: bool = False) -> None:
        self.kb_dir = kb_dir
        self._lock_file: IO[str] | None = None
        kb_dir.mkdir(parents=True, exist_ok=True)
        paths.cache_dir(kb_dir).mkdir(exist_ok=True)
        set_cache_dir(paths.cache_dir(kb_dir))  # derived jieba word sets, never in /tmp
        if not readonly and not self._take_writer_lock():
            log.warning("another Zhiku holds %s: opening read-only", kb_dir)
            readonly = True
        self.readonly = readonly
        if readonly and not paths.store_path(kb_dir).exists():
            raise NotFoundError(f"no knowledge base at {kb_dir}")
        self.store = Store(paths.store_path(kb_dir), readonly=readonly)
        self.index = SearchIndex(paths.index_dir(kb_dir), readonly=readonly)
        write_lock = threading.RLock()
        self._library = Library(self.store, self.index, kb_dir)
        self._notes = Notes(self.store, self._library, self._require_writable)
        self._importer = Importer(self.store, self.index, self._library, self._notes, kb_dir,
                                 self._require_writable, write_lock)
        self._comparer = Comparer(self.store, self._library, self._notes, self._require_writable)
        self._exporter = Exporter(self._library, self._notes, self._comparer)
        self._maintenance = Maintenance(self.store, self.index, self._importer, self._notes, kb_dir, write_lock)
        if not readonly:
            self._maintenance.recover_at_open()

    @classmethod
    def open(cls, kb_dir: str | os.PathLike[str] | None = None, *, readonly: bool = False) -> KnowledgeBase:
        return cls(paths.resolve_kb_dir(kb_dir), readonly=readonly)

    def _take_writer_lock(self) -> bool:
        fh = open(paths.lock_path(self.kb_dir), "a+")
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            return False
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        self._lock_file = fh
        return True

    def _require_writable(self) -> None:
        if self.readonly:
            raise ReadOnlyError(f"{self.kb_dir} is open in another Zhiku window; this one is read-only")

    def close(self) -> None:
        self.index.close()
        self.store.close()
        if self._lock_file is not None:
            fcntl.flock(self._lock_file, fcntl.LOCK_UN)
            self._lock_file.close()
            self._lock_file = None

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

    def search(self, query: str, *, limit: int = 20, filters: Mapping[str, str] | None = None) -> SearchResult:
        return self._library.search(query, limit=limit, filters=filters)

    def entities(self, *, type: str | None = None, region: str | None = None, text: str | None = None) -> list[Entity]:
        return self._library.entities(type=type, region=region, text=text)

    def entity(self, ref: int | str) -> EntityPage | None:
        return self._library.entity(ref)

    def mentions_in(self, doc_ref: str) -> list[Mention]:
        return self._library.mentions_in(doc_ref)

    def measures(self, *, region: str | None = None, kind: str | None = None, theme: str | None = None,
                 doc: str | None = None) -> list[Measure]:
        return self._library.measures(region=region, kind=kind, theme=theme, doc=doc)

    # importing (Importer) -----------------------------------------------------------------

    def import_paths(self, paths: Sequence[str | Path], *, progress: Callable[[int, int, str], None] | None = None,
                     cancel: Callable[[], bool] | None = None, workers: int = 1) -> ImportReport:
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
                per_cell: int = 3) -> Comparison:
        return self._comparer.compare(regions, themes, per_cell)

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
                       themes: Sequence[str] | None = None, per_cell: int = 3) -> Path:
        return self._exporter.export_compare(path, fmt, regions, themes, per_cell)

    def export_entities(self, path: str | Path, fmt: str = "csv") -> Path:
        return self._exporter.export_entities(path, fmt)

    def export_measures(self, path: str | Path, fmt: str = "csv", **filters: Any) -> Path:
        return self._exporter.export_measures(path, fmt, **filters)

    # consistency (Maintenance) ------------------------------------------------------------

    def check(self, repair: bool = False) -> CheckReport:
        return self._maintenance.check(repair)

    def backup(self, target: str | os.PathLike[str]) -> Path:
        return self._maintenance.backup(Path(target))

    def warm(self) -> None:
        self._library.warm()

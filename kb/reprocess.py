"""``kb reprocess``: read every kept original again with today's readers, cleaner and extractors.

A reader or cleaner fix only helps documents whose bytes are at hand; the library keeps each
file's bytes (compressed) for that, as reference managers keep their attachments. A document keeps
its identity (the hash of those bytes), so notes stay with it and are re-anchored by their quotes;
entity corrections are replayed as on any import. Store and index change together per group
(``Importer.rewrite``); a cancel stops between documents, so each is either old or new.
"""

from __future__ import annotations

import logging
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kb import paths
from kb.errors import IngestError, ZhikuError
from kb.extract.wordfreq import set_cache_dir
from kb.importer import Importer
from kb.ingest import prepare_bytes, unpack_original
from kb.library import Library
from kb.models import Changes, ImportFailure, ReprocessReport
from kb.notes import Notes
from kb.pipeline import Processed, process_doc
from kb.store import Store

log = logging.getLogger(__name__)

# Documents per store transaction and index commit. Each commit is an index segment that every later
# query pays for: 32 made ~94 segments of a 3,000-document library, where an import makes 5.
GROUP = 200
NO_ORIGINAL = "imported before originals were kept: import the file again to keep its original"

Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]


@dataclass
class _Run:
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    failed: list[ImportFailure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    group: list[tuple[Processed, dict[str, Any], bool]] = field(default_factory=list)  # (doc, kept, changed)
    changes: Changes = field(default_factory=Changes)
    cancelled: bool = False


class Reprocessor:
    """Replaces stored documents by their originals read again; a part beside the importer."""

    def __init__(self, store: Store, importer: Importer, library: Library, notes: Notes, kb_dir: Path,
                 require_writable: Callable[[], None]) -> None:
        self.store = store
        self.importer = importer
        self.library = library
        self.notes = notes
        self.kb_dir = kb_dir
        self._writable = require_writable

    def reprocess(self, refs: Sequence[str] | None = None, *, progress: Progress | None = None,
                  cancel: Cancel | None = None) -> ReprocessReport:
        """Read the originals of ``refs`` (ids, names or id prefixes; None: every document) again."""
        self._writable()
        t0 = time.perf_counter()
        run = _Run()
        rows = self._rows(refs, run)
        self.library.ensure_words()
        set_cache_dir(paths.cache_dir(self.kb_dir))
        for done, row in enumerate(rows, start=1):
            if cancel is not None and cancel():
                run.cancelled = True
                break
            if progress:
                progress(done, len(rows), row["name"])
            self._take(run, row)
            if len(run.group) >= GROUP:
                self._flush(run)
        self._flush(run)  # what was read before a cancel is kept: each document is whole either way
        return ReprocessReport(tuple(run.changed), tuple(run.unchanged), tuple(run.skipped), tuple(run.failed),
                               run.cancelled, round(time.perf_counter() - t0, 3), tuple(run.warnings), run.changes)

    def _rows(self, refs: Sequence[str] | None, run: _Run) -> list[dict[str, Any]]:
        """Stored rows to read again, each once, in library order; unknown refs fail."""
        if refs is None:
            return [self._row(d.id) for d in self.store.documents.all()]
        rows: dict[str, dict[str, Any]] = {}
        for ref in refs:
            row = self.store.documents.row(ref)
            if row is None or row["status"] != "ok":
                run.failed.append(ImportFailure(ref, "no such document"))
            else:
                rows.setdefault(row["id"], row)
        return list(rows.values())

    def _row(self, doc_id: str) -> dict[str, Any]:
        row = self.store.documents.row(doc_id)
        assert row is not None  # listed a moment ago under the writer lock of this process
        return row

    def _take(self, run: _Run, row: dict[str, Any]) -> None:
        """Read one original again and queue it for the group write (or note why not)."""
        name, doc_id = row["name"], row["id"]
        blob = self.store.documents.original(doc_id)
        if blob is None:
            run.skipped.append((name, NO_ORIGINAL))
            return
        result = _process(name, blob, row["path"] or name)
        if isinstance(result, IngestError):
            run.failed.append(ImportFailure(row["path"] or name, result.reason))
            return
        if result.doc.sha256 != doc_id:
            run.failed.append(ImportFailure(name, "the kept original does not match the document (hash differs)"))
            return
        kept = {"imported_at": row["imported_at"]}
        if result.doc.accessed is None and row["accessed"]:
            kept["accessed"] = row["accessed"]  # a local file's access date is the first import's
        changed = result.doc.body != self.store.documents.body(doc_id)
        run.group.append((result, kept, changed))
        run.warnings += [f"{name}: {w}" for w in (*result.doc.warnings, *result.warnings)]

    def _flush(self, run: _Run) -> None:
        """Write the group in place of the stored versions; re-anchor the notes of changed bodies."""
        group, run.group = run.group, []
        if not group:
            return
        self.importer.rewrite([(p, kept) for p, kept, _changed in group])
        ids = tuple(p.doc.sha256 for p, _kept, _changed in group)
        changes = Changes(documents_replaced=ids, entities_all=True)
        for p, _kept, changed in group:
            (run.changed if changed else run.unchanged).append(p.doc.name)
            if changed:
                changes |= self.notes.reanchor(p.doc.sha256, p.doc.sha256)
        run.changes |= changes


def _process(name: str, blob: bytes, path: str) -> Processed | IngestError:
    """Prepare and extract one kept original; every failure is one line, never the next document's."""
    try:
        data = unpack_original(blob)
    except (ValueError, zlib.error) as exc:
        return IngestError(path, f"the kept original cannot be unpacked: {exc}")
    try:
        return process_doc(prepare_bytes(name, data, path))
    except IngestError as exc:
        return exc
    except ZhikuError as exc:
        return IngestError(path, str(exc))
    except MemoryError:
        return IngestError(path, "file too large to process")
    except Exception as exc:  # an unknown reader failure must not stop the other documents
        log.exception("unexpected failure reprocessing %s", name)
        return IngestError(path, f"unexpected error: {type(exc).__name__}: {exc}")

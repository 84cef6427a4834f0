"""Keeping store and index in agreement: recovery at open, ``check`` / ``check --repair``, backups.

Why it is needed at all: a document counts as imported only when both the store and the index
have it, and a crash (or a kill) can land between the two. Pending rows mark the gap.
"""

from __future__ import annotations

import logging
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

from kb import paths
from kb.errors import ReadOnlyError
from kb.importer import Importer
from kb.models import CheckReport
from kb.notes import Notes
from kb.search import SearchIndex
from kb.store import Store
from kb.writer_lock import Holder

log = logging.getLogger(__name__)


class Maintenance:
    def __init__(self, store: Store, index: SearchIndex, importer: Importer, notes: Notes, kb_dir: Path,
                 write_lock: threading.RLock, require_writable: Callable[[], None],
                 busy: Callable[[], Holder | None]) -> None:
        self.store = store
        self.index = index
        self.importer = importer
        self.notes = notes
        self.kb_dir = kb_dir
        self._write = write_lock
        self._writable = require_writable
        self._busy = busy  # another live Zhiku writing now (seen from a read-only instance)

    def recover_at_open(self) -> None:
        """Undo what a crash left behind, cheaply: half-imported documents go; a rebuilt index is refilled.

        Pending rows are found by one small query, so a clean open costs nothing; the full
        comparison of store and index stays in ``check``.
        """
        pending = self.store.documents.ids("pending")
        rebuild = self.index.reset and bool(self.store.documents.ids("ok"))
        self._finish_rewrite()
        if not pending and not rebuild:
            return
        with self._write:
            if pending:
                log.warning("removing %d half-imported documents left by an interrupted import", len(pending))
                self._drop_all(pending)
                self.index.commit()
            if rebuild:
                log.warning("search index was rebuilt empty; re-indexing the stored documents")
                self._repair(self.store.documents.ids("ok"), set(), set())

    def _finish_rewrite(self) -> None:
        """A reprocess killed between its index commit and the store's: index those documents again
        from what the store holds (old or new, whichever committed)."""
        marker = paths.rewrite_marker(self.kb_dir)
        if not marker.exists():
            return
        ids = [i for i in marker.read_text(encoding="utf-8").split() if i]
        log.warning("re-indexing %d documents an interrupted reprocess left", len(ids))
        with self._write:
            stored = self.store.documents.ids("ok")
            for doc_id in ids:
                self.index.delete_doc(doc_id)
                if doc_id in stored:
                    self.importer.index_stored(doc_id)
            self.index.commit()
        marker.unlink(missing_ok=True)

    def check(self, repair: bool = False) -> CheckReport:
        """Do store and index agree? With ``repair``, finish or undo what a crash left behind.

        Without ``repair`` nothing is written. While another Zhiku writes (an import is running),
        store and index legitimately differ: only SQLite's integrity is checked, and the report's
        ``counts["writer_pid"]`` names the writer instead of listing false problems.
        """
        if repair:
            self._writable()
        writer = self._busy()
        with self._write:
            ok_ids = self.store.documents.ids("ok")
            pending = self.store.documents.ids("pending")
            indexed = self.index.doc_ids()
            counts = {"documents": len(ok_ids), "pending": len(pending), "indexed_documents": len(indexed)}
            if writer is not None:
                problems = self._integrity()
                return CheckReport(not problems, tuple(problems), (), counts | {"writer_pid": writer.pid})
            problems = self._problems(ok_ids, pending, indexed)
            repaired: list[str] = []
            if repair and problems:
                repaired = self._repair(ok_ids, pending, indexed)
        return CheckReport(not problems or bool(repaired) and self.check().ok, tuple(problems), tuple(repaired), counts)

    def _integrity(self) -> list[str]:
        integrity = self.store.db.integrity()
        return [] if integrity == "ok" else [f"SQLite integrity check: {integrity}"]

    def _problems(self, ok_ids: set[str], pending: set[str], indexed: set[str]) -> list[str]:
        problems = self._integrity()
        problems += [f"document {d[:12]} was left half-imported" for d in sorted(pending)]
        problems += [f"document {d[:12]} is stored but not indexed" for d in sorted(ok_ids - indexed)]
        problems += [f"index holds {d[:12]}, which the store does not" for d in sorted(indexed - ok_ids - pending)]
        n_index, n_store = self.index.passage_count(), self.store.documents.counts()["passages"]
        if not problems and n_index != n_store:
            problems.append(f"index has {n_index} passages, store {n_store}")
        dangling = self.store.documents.dangling_mentions()
        if dangling:
            problems.append(f"{dangling} mentions point to missing documents")
        for name, old_id in self.store.documents.superseded():
            problems.append(f"{name} is stored twice (a replacement was interrupted); {old_id[:12]} is the old one")
        return problems

    def _drop_all(self, doc_ids: set[str]) -> None:
        for doc_id in doc_ids:
            self.index.delete_doc(doc_id)
            self.store.documents.delete(doc_id)

    def _repair(self, ok_ids: set[str], pending: set[str], indexed: set[str]) -> list[str]:
        done = []
        for name, old_id in self.store.documents.superseded():
            new_id = self.store.documents.newest_with_name(name)
            self.index.delete_doc(old_id)
            self.store.documents.delete(old_id)
            if new_id:
                self.notes.reanchor(old_id, new_id)
            ok_ids.discard(old_id)
            done.append(f"removed the superseded copy of {name}")
        self._drop_all(pending)
        done += [f"removed half-imported document {d[:12]}" for d in pending]
        for doc_id in indexed - ok_ids - pending:
            self.index.delete_doc(doc_id)
            done.append(f"removed {doc_id[:12]} from the index")
        self.index.commit()
        if ok_ids - self.index.doc_ids() or self.index.passage_count() != self.store.documents.counts()["passages"]:
            for doc_id in ok_ids:
                self.index.delete_doc(doc_id)
            self.index.commit()
            for doc_id in ok_ids:
                self.importer.index_stored(doc_id)
            self.index.commit()
            done.append(f"re-indexed {len(ok_ids)} documents")
        self.store.documents.drop_dangling_mentions()
        return done

    def backup(self, target: str | Path) -> Path:
        """A consistent copy of the whole knowledge base that ``--kb target`` opens."""
        dest = Path(target)
        if dest.exists() and any(dest.iterdir()):
            raise ReadOnlyError(f"backup target {dest} is not empty")
        dest.mkdir(parents=True, exist_ok=True)
        with self._write:
            if not self.store.readonly:
                self.index.commit()
            self.store.db.backup_to(paths.store_path(dest))
            shutil.copytree(paths.index_dir(self.kb_dir), paths.index_dir(dest),
                            ignore=shutil.ignore_patterns("*.lock", "*LOCK*"))
        return dest

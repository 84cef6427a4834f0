"""``KnowledgeBase``: the one service object the UI, the CLI and the benchmark use.

It owns the store, the search index and the writer lock, serialises every call with one lock, and
returns only the frozen dataclasses of ``kb.models``. A document counts as imported only once both
the store and the index have it: rows are written ``pending`` and marked ``ok`` after the index
commit, so a crash in between leaves something ``check --repair`` can undo.
"""

from __future__ import annotations

import fcntl
import gc
import json
import logging
import os
import shutil
import sqlite3
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kb import paths
from kb.compare import CompareMixin
from kb.errors import NotFoundError, ReadOnlyError
from kb.export import ExportMixin
from kb.importer import ImportMixin
from kb.models import (
    Document,
    DocumentText,
    Entity,
    EntityPage,
    Measure,
    Mention,
    SearchHit,
    SearchResult,
    Stats,
)
from kb.notes import NotesMixin
from kb.store.db import Store, doc_from_row, measure_from_row, removed_from_json

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CheckReport:
    ok: bool
    problems: tuple[str, ...] = ()
    repaired: tuple[str, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)


class KnowledgeBase(ImportMixin, NotesMixin, CompareMixin, ExportMixin):
    """A knowledge base in one directory: ``zhiku.sqlite`` + ``index/`` + ``cache/``."""

    def __init__(self, kb_dir: Path, *, readonly: bool = False) -> None:
        self.kb_dir = kb_dir
        self._lock = threading.RLock()
        self._lock_file: Any = None
        kb_dir.mkdir(parents=True, exist_ok=True)
        paths.cache_dir(kb_dir).mkdir(exist_ok=True)
        from kb.extract.wordfreq import set_cache_dir

        set_cache_dir(paths.cache_dir(kb_dir))  # derived jieba word sets, never in /tmp
        if not readonly and not self._take_writer_lock():
            log.warning("another Zhiku holds %s: opening read-only", kb_dir)
            readonly = True
        self.readonly = readonly
        if readonly and not paths.store_path(kb_dir).exists():
            raise NotFoundError(f"no knowledge base at {kb_dir}")
        self.store = Store(paths.store_path(kb_dir), readonly=readonly)
        from kb.search import SearchIndex

        self.index = SearchIndex(paths.index_dir(kb_dir), readonly=readonly)
        self._words_loaded = False
        if not readonly:
            self._recover_at_open()

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

    def _recover_at_open(self) -> None:
        """Undo what a crash left behind, cheaply: half-imported documents go; a rebuilt index is refilled.

        Pending rows are found by one small query, so a clean open costs nothing; the full
        comparison of store and index stays in ``check``.
        """
        pending = self.store.doc_ids("pending")
        rebuild = self.index.reset and bool(self.store.doc_ids("ok"))
        if not pending and not rebuild:
            return
        with self._lock:
            if pending:
                log.warning("removing %d half-imported documents left by an interrupted import", len(pending))
                for doc_id in pending:
                    self.index.delete_doc(doc_id)
                    with self.store.transaction() as conn:
                        self.store.delete_document(conn, doc_id)
                self.index.commit()
            if rebuild:
                log.warning("search index was rebuilt empty; re-indexing the stored documents")
                self._repair(self.store.doc_ids("ok"), set(), set())

    def _require_writable(self) -> None:
        if self.readonly:
            raise ReadOnlyError(f"{self.kb_dir} is open in another Zhiku window; this one is read-only")

    def close(self) -> None:
        with self._lock:
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

    def ensure_words(self) -> None:
        """Teach the tokenizer the domain lexicon and every known entity name (once per process)."""
        if self._words_loaded:
            return
        from kb.search import add_words

        words: list[str] = []
        try:
            from kb.extract import lexicon_words

            words += lexicon_words()
        except ImportError:
            pass
        with self._lock:
            words += [r["name"] for r in self.store.query("SELECT name FROM entity_names WHERE length(name) >= 2")]
        add_words(words)
        self._words_loaded = True
        # The dictionaries are large and live for the whole process: keep them out of every later
        # garbage collection (a full one cost ~25 ms in the middle of a search).
        gc.collect()
        gc.freeze()

    # documents ----------------------------------------------------------------------------

    def documents(self) -> list[Document]:
        with self._lock:
            return self.store.documents()

    def document(self, ref: str) -> Document | None:
        with self._lock:
            row = self.store.document_row(ref)
        return doc_from_row(row) if row and row["status"] == "ok" else None

    def document_text(self, ref: str) -> DocumentText:
        with self._lock:
            row = self.store.document_row(ref, with_text=True)
            if not row or row["status"] != "ok":
                raise NotFoundError(f"no document {ref!r}")
            passages = self.store.passages(row["id"], row["body"])
        doc = doc_from_row(row | {"n_passages": len(passages)})
        headings = tuple((int(s), int(lv), str(t)) for s, lv, t in json.loads(row["headings"] or "[]"))
        return DocumentText(doc, row["body"], row["raw"], removed_from_json(row["removed"]), tuple(passages), headings)

    def region_documents(self, region: str) -> list[Document]:
        """Documents about ``region`` or anything beneath it (赣州 covers 章贡区)."""
        from kb.extract.gazetteer import region_keys

        out = []
        for doc in self.documents():
            if region in doc.region_chain or region in region_keys(doc.region_chain):
                out.append(doc)
        return out

    def stats(self) -> Stats:
        with self._lock:
            c = self.store.counts()
        return Stats(c["documents"], c["passages"], c["chars"], c["entities"], c["measures"], c["notes"], str(self.kb_dir))

    # search -------------------------------------------------------------------------------

    def search(self, query: str, *, limit: int = 20, filters: Mapping[str, str] | None = None) -> SearchResult:
        from kb.search import highlight_spans, make_snippet

        self.ensure_words()
        with self._lock:
            result = self.index.search(query, limit=limit, filters=filters)
            rows = self.store.passage_rows([h.passage_id for h in result.hits])
        hits = []
        for raw in result.hits:
            row = rows.get(raw.passage_id)
            if row is None:  # index ahead of store (pending import): never show it
                continue
            text = row["text"]
            spans = highlight_spans(text, result.terms)
            snippet, snippet_spans = make_snippet(text, spans)
            hits.append(SearchHit(
                passage_id=raw.passage_id, doc_id=row["doc_id"], doc=row["name"], title=row["title"],
                region=row["region"], section=row["section"], score=raw.score, start=row["start"], end=row["end"],
                text=text, snippet=snippet, snippet_highlights=tuple(snippet_spans),
                highlights=tuple((row["start"] + s, row["start"] + e) for s, e in spans),
            ))
        facets = {k: tuple(vals) for k, vals in result.facets.items()}  # already (name, count) pairs
        return SearchResult(query, tuple(hits), result.total, facets, tuple(result.terms))

    # entities and measures ----------------------------------------------------------------

    def entities(self, *, type: str | None = None, region: str | None = None, text: str | None = None) -> list[Entity]:
        with self._lock:
            return self.store.entities(etype=type, region=region, text=text)

    def entity(self, ref: int | str) -> EntityPage | None:
        with self._lock:
            row = self.store.entity_row(ref)
            if row is None:
                return None
            ent = self.store.entity(row["id"])
            links = self.store.links(row["id"])
            mentions = self.store.mentions(entity_id=row["id"])
        assert ent is not None
        mentions = self._with_sentences(mentions)
        names = {ent.name, *ent.aliases}
        with self._lock:
            rows = self.store.measures(doc_ids=sorted({m.doc_id for m in mentions}))
        measures = [m for m in map(measure_from_row, rows) if any(n in m.text for n in names)]
        return EntityPage(ent, tuple(links), tuple(mentions), tuple(measures))

    def _with_sentences(self, mentions: list[Mention]) -> list[Mention]:
        """Each mention with the sentence it stands in (one body read per document)."""
        from kb.text import sentence_around

        bodies: dict[str, str] = {}
        out = []
        for m in mentions:
            if m.doc_id not in bodies:
                with self._lock:
                    row = self.store.query("SELECT body FROM documents WHERE id = ?", (m.doc_id,))
                bodies[m.doc_id] = row[0]["body"] if row else ""
            body = bodies[m.doc_id]
            s, e = sentence_around(body, m.start, m.end) if body else (m.start, m.end)
            out.append(Mention(m.entity_id, m.entity_type, m.entity_name, m.doc_id, m.doc, m.start, m.end, m.text,
                               body[s:e], s))
        return out

    def mentions_in(self, doc_ref: str) -> list[Mention]:
        with self._lock:
            row = self.store.document_row(doc_ref)
            if not row:
                raise NotFoundError(f"no document {doc_ref!r}")
            return self.store.mentions(doc_id=row["id"])

    def measures(self, *, region: str | None = None, kind: str | None = None, theme: str | None = None,
                 doc: str | None = None) -> list[Measure]:
        region_docs = {d.id for d in self.region_documents(region)} if region else None
        doc_id = None
        if doc:
            found = self.document(doc)
            if found is None:
                raise NotFoundError(f"no document {doc!r}")
            doc_id = found.id
        with self._lock:
            rows = self.store.measures(region_docs=region_docs, kind=kind, theme=theme, doc_id=doc_id)
        return [measure_from_row(r) for r in rows]

    # consistency and backup ---------------------------------------------------------------

    def check(self, repair: bool = False) -> CheckReport:
        """Do store and index agree? With ``repair``, finish or undo what a crash left behind."""
        problems: list[str] = []
        repaired: list[str] = []
        with self._lock:
            ok_ids = self.store.doc_ids("ok")
            pending = self.store.doc_ids("pending")
            indexed = self.index.doc_ids()
            integrity = self.store.conn.execute("PRAGMA integrity_check").fetchone()[0]
            if integrity != "ok":
                problems.append(f"SQLite integrity check: {integrity}")
            for doc_id in sorted(pending):
                problems.append(f"document {doc_id[:12]} was left half-imported")
            for doc_id in sorted(ok_ids - indexed):
                problems.append(f"document {doc_id[:12]} is stored but not indexed")
            for doc_id in sorted(indexed - ok_ids - pending):
                problems.append(f"index holds {doc_id[:12]}, which the store does not")
            n_index = self.index.passage_count()
            n_store = self.store.conn.execute(
                "SELECT COUNT(*) FROM passages p JOIN documents d ON d.id = p.doc_id WHERE d.status = 'ok'"
            ).fetchone()[0]
            if not problems and n_index != n_store:
                problems.append(f"index has {n_index} passages, store {n_store}")
            dangling = self.store.conn.execute(
                "SELECT COUNT(*) FROM mentions WHERE doc_id NOT IN (SELECT id FROM documents)"
            ).fetchone()[0]
            if dangling:
                problems.append(f"{dangling} mentions point to missing documents")
            twins = self._superseded()
            for name, old_id in twins:
                problems.append(f"{name} is stored twice (a replacement was interrupted); {old_id[:12]} is the old one")
            if repair and problems:
                self._require_writable()
                repaired = self._repair(ok_ids, pending, indexed)
        counts = {"documents": len(ok_ids), "pending": len(pending), "indexed_documents": len(indexed)}
        return CheckReport(not problems or bool(repaired) and self.check().ok, tuple(problems), tuple(repaired), counts)

    def _superseded(self) -> list[tuple[str, str]]:
        """(name, id) of older copies of a file whose replacement was cut short by a crash."""
        rows = self.store.query(
            "SELECT name, id FROM documents d WHERE status = 'ok' AND EXISTS (SELECT 1 FROM documents n "
            "WHERE n.name = d.name AND n.status = 'ok' AND n.imported_at > d.imported_at)"
        )
        return [(r["name"], r["id"]) for r in rows]

    def _repair(self, ok_ids: set[str], pending: set[str], indexed: set[str]) -> list[str]:
        done = []
        for name, old_id in self._superseded():
            new_id = self.store.query("SELECT id FROM documents WHERE name = ? AND status = 'ok' "
                                      "ORDER BY imported_at DESC LIMIT 1", (name,))[0]["id"]
            self._drop(old_id)
            self._notes_reanchor(old_id, new_id)
            ok_ids.discard(old_id)
            done.append(f"removed the superseded copy of {name}")
        for doc_id in pending:
            self.index.delete_doc(doc_id)
            with self.store.transaction() as conn:
                self.store.delete_document(conn, doc_id)
            done.append(f"removed half-imported document {doc_id[:12]}")
        for doc_id in indexed - ok_ids - pending:
            self.index.delete_doc(doc_id)
            done.append(f"removed {doc_id[:12]} from the index")
        self.index.commit()
        missing = ok_ids - self.index.doc_ids()
        if missing or self.index.passage_count() != self.stats().passages:
            for doc_id in ok_ids:
                self.index.delete_doc(doc_id)
            self.index.commit()
            for doc_id in ok_ids:
                self._index_stored(doc_id)
            self.index.commit()
            done.append(f"re-indexed {len(ok_ids)} documents")
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM mentions WHERE doc_id NOT IN (SELECT id FROM documents)")
        return done

    def backup(self, target: str | os.PathLike[str]) -> Path:
        """A consistent copy of the whole knowledge base that ``--kb target`` opens."""
        dest = Path(target)
        if dest.exists() and any(dest.iterdir()):
            raise ReadOnlyError(f"backup target {dest} is not empty")
        dest.mkdir(parents=True, exist_ok=True)
        with self._lock:
            if not self.readonly:
                self.index.commit()
            out = sqlite3.connect(str(paths.store_path(dest)))
            with out:
                self.store.conn.backup(out)
            out.close()
            shutil.copytree(paths.index_dir(self.kb_dir), paths.index_dir(dest), ignore=shutil.ignore_patterns("*.lock", "*LOCK*"))
        return dest


__all__ = ["KnowledgeBase", "CheckReport"]

"""Importing files into the knowledge base: store and index together, or not at all.

Files are read, cleaned and extracted in worker processes (``kb.workers``: a time and memory
limit per file, cancel at once); this process only writes. Each document is written to the store
as ``pending`` (a few documents per transaction), its passages go to the index writer, and after
the index commit the batch is marked ``ok``. A changed file (same name, new content) replaces the
old document only after the new one is in, and notes are re-anchored. Entity corrections are the
importer's too: they are replayed on every re-import.
"""

from __future__ import annotations

import bisect
import json
import logging
import threading
import time
from collections.abc import Callable, Generator, Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kb import paths
from kb.corrections import ACTIONS, LINK_ACTIONS, apply_corrections
from kb.errors import IngestError, NotFoundError
from kb.extract.gazetteer import region_keys
from kb.extract.wordfreq import set_cache_dir
from kb.fileio import atomic_path
from kb.ingest import iter_files
from kb.library import Library
from kb.link_corrections import correct_link
from kb.models import ENTITY_TYPES, Changes, ImportFailure, ImportReport
from kb.notes import Notes
from kb.pipeline import Processed, warm
from kb.search import IndexedPassage, SearchIndex, add_words
from kb.store import Store, now
from kb.store.rows import to_json
from kb.workers import Workers, default_workers

log = logging.getLogger(__name__)

# An import's first index commit holds BATCH documents (the first of them are searchable soon);
# each later one twice as many as the last, up to BATCH_MAX documents or BATCH_PASSAGES passages
# (the batch is held in memory until its commit). Each commit is a segment that is never merged
# at these sizes, and every segment costs each query a little: 3,000 documents are 5 segments
# instead of 15, for ~50 MB more at the peak of the writing process (1,600: 4 segments, +130 MB).
BATCH = 200
BATCH_MAX = 800
BATCH_PASSAGES = 1 << 14
GROUP = 8  # documents per store transaction: one commit each cost ~6% of the parent's time

Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]


@dataclass
class _Run:
    """What one import has done so far (becomes the ``ImportReport``)."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    failed: list[ImportFailure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seen: dict[str, str] = field(default_factory=dict)  # content hash -> file name
    batch: list[tuple[str, str | None]] = field(default_factory=list)  # (new id, id it replaces)
    group: list[tuple[Path, Processed]] = field(default_factory=list)  # processed, not yet stored
    changes: Changes = field(default_factory=Changes)
    chars: int = 0
    batch_limit: int = 0  # documents in the next index commit
    batch_passages: int = 0
    extract_seconds: float = 0.0
    cancelled: bool = False


class Importer:
    """Adds, replaces and removes documents; corrects entities."""

    def __init__(self, store: Store, index: SearchIndex, library: Library, notes: Notes, kb_dir: Path,
                 require_writable: Callable[[], None], write_lock: threading.RLock) -> None:
        self.store = store
        self.index = index
        self.library = library
        self.notes = notes
        self.kb_dir = kb_dir
        self._writable = require_writable
        self._write = write_lock  # one writer of the index at a time (imports, removals, repairs)
        self._entity_ids: dict[tuple[str, str, tuple[str, ...], tuple[str, ...]], int] = {}
        self._taught: set[str] = set()  # entity names already given to the tokenizer
        self._warmed = False

    def import_paths(self, paths: Sequence[str | Path], *, progress: Progress | None = None,
                     cancel: Cancel | None = None, workers: int | None = None) -> ImportReport:
        """Import files and folders (recursively); one bad file never stops the rest.

        Files are processed in ``workers`` processes (``None``: one per core, at most four), each
        file under a time and memory limit; ``cancel`` stops them at once, mid-file.
        """
        self._writable()
        t0 = time.perf_counter()
        self.library.ensure_words()
        self._entity_ids.clear()  # another part may have changed entities since the last import
        run = _Run(batch_limit=BATCH)
        files: list[Path] = []
        for item in iter_files([Path(p) for p in paths]):
            if isinstance(item, IngestError):
                run.failed.append(ImportFailure(item.path, item.reason))
            else:
                files.append(item)
        with closing(self._process(files, workers, cancel)) as results:  # workers stop on any way out
            for done, (path, result) in enumerate(results, start=1):
                if result is None:
                    run.cancelled = True
                    break
                if progress:
                    progress(done, len(files), path.name)
                self._take(run, path, result)
        self._finish_batch(run)
        return ImportReport(tuple(run.added), tuple(run.replaced), tuple(run.unchanged), tuple(run.duplicates),
                            tuple(run.failed), run.cancelled, round(time.perf_counter() - t0, 3), run.chars,
                            round(run.extract_seconds, 3), tuple(run.warnings), run.changes)

    def _take(self, run: _Run, path: Path, result: Processed | IngestError) -> None:
        """Queue one processed file for the store (or note its failure); write the group when full."""
        if isinstance(result, IngestError):
            run.failed.append(ImportFailure(result.path, result.reason))
            return
        doc = result.doc
        if doc.sha256 in run.seen:
            run.duplicates.append((str(path), run.seen[doc.sha256]))
            return
        run.seen[doc.sha256] = doc.name
        run.group.append((path, result))
        if len(run.group) >= GROUP:
            self._write_group(run)
            if len(run.batch) >= run.batch_limit or run.batch_passages >= BATCH_PASSAGES:
                self._finish_batch(run)

    def _write_group(self, run: _Run) -> None:
        """Several documents in one store transaction, then into the index writer."""
        group, run.group = run.group, []
        if not group:
            return
        with self._write:
            try:
                with self.store.atomic():
                    stored = [(path, p, *self._store_doc(p)) for path, p in group]
            except BaseException:
                self._entity_ids.clear()  # ids made in the rolled-back transaction are gone
                raise
            for _path, p, _kind, _other, pids, entities in stored:
                if pids is not None:
                    self._index_doc(p, pids, entities)
        for path, p, kind, other, _pids, _entities in stored:
            doc = p.doc
            if kind == "unchanged":
                run.unchanged.append(doc.name)
            elif kind == "duplicate":
                run.duplicates.append((str(path), other or ""))
            else:
                run.chars += len(doc.body)
                run.batch_passages += len(doc.passages)
                run.extract_seconds += p.extract_seconds
                run.warnings += [f"{doc.name}: {w}" for w in (*doc.warnings, *p.warnings)]
                (run.replaced if other else run.added).append(doc.name)
                run.batch.append((doc.sha256, other))

    def _process(self, files: list[Path], workers: int | None, cancel: Cancel | None
                 ) -> Generator[tuple[Path, Processed | IngestError | None], None, None]:
        """Yield each file's processed form in order; ``None`` when the user cancelled."""
        if not files:
            return
        n = min(default_workers() if workers is None else workers, len(files))
        cache = paths.cache_dir(self.kb_dir)
        set_cache_dir(cache)
        with Workers(n, kb_dir=self.kb_dir, cache_dir=cache) as pool:
            if pool.forks and not self._warmed:
                # Load the extractors' dictionaries here once: every worker forked from now on
                # shares them instead of building its own.
                self._warmed = True
                try:
                    warm()
                except Exception:  # only costs each worker its own load
                    log.exception("could not preload the extractors")
            yield from pool.results(files, cancel)

    def _store_doc(self, p: Processed) -> tuple[str, str | None, list[int] | None, list[Any]]:
        """Write one document ``pending`` (inside the caller's transaction).

        Returns (kind, the document it duplicates or replaces, passage ids, corrected entities).
        """
        doc = p.doc
        existing = self.store.documents.status_of(doc.sha256)
        if existing:
            name, status = existing
            if status == "ok":
                return ("unchanged", None, None, []) if name == doc.name else ("duplicate", name, None, [])
            self._drop(doc.sha256)  # left pending by a crash: start again
        replaces = self.store.documents.other_with_name(doc.name, doc.sha256)
        entities, links = apply_corrections(self.store.corrections.all(), p.entities, p.links)
        new_names = {e.name for e in entities} - self._taught
        if new_names:
            add_words(new_names)
            self._taught |= new_names
        spans = [(ps.start, ps.end, ps.section) for ps in doc.passages]
        pids = self.store.documents.insert(_document_row(p), spans, original=doc.original)
        ids = self._store_entities(doc.sha256, entities, doc.body)
        self._store_links(doc.sha256, links, ids)
        self._store_measures(doc.sha256, p)
        return "added", replaces, pids, entities

    def _index_doc(self, p: Processed, pids: list[int], entities: list[Any]) -> None:
        doc = p.doc
        spans = [(ps.start, ps.end, ps.section) for ps in doc.passages]
        mention_spans = sorted((s, e, ent.type) for ent in entities for s, e in ent.mentions)
        year = _year(doc.date)
        forms = _forms(p, entities, len(spans))
        self.index.add(
            IndexedPassage(pid, doc.sha256, doc.body[s:e], doc.name, doc.title, sec, p.region_keys, year, doc.kind,
                           types_in(mention_spans, s, e), region_chain=p.region_chain, issuer=doc.issuer,
                           doc_number=doc.doc_number, form=form)
            for pid, (s, e, sec), form in zip(pids, spans, forms, strict=False)
        )

    def _store_entities(self, doc_id: str, entities: Iterable[Any], body: str) -> dict[tuple[str, str], int]:
        ids: dict[tuple[str, str], int] = {}
        rows = []
        for ent in entities:
            # The same entity, named the same way, recurs in many documents: its upsert would change
            # nothing (the names are in, the chain is as long), so it is done once per import.
            key = (ent.type, ent.name, tuple(ent.aliases), tuple(ent.region_chain))
            eid = self._entity_ids.get(key)
            if eid is None:
                eid = self.store.entities.upsert(ent.type, ent.name, ent.aliases, ent.region_chain)
                self._entity_ids[key] = eid
            ids[(ent.type, ent.name)] = eid
            for alias in ent.aliases:
                ids.setdefault((ent.type, alias), eid)
            rows += [(eid, doc_id, s, e, body[s:e]) for s, e in ent.mentions]
        self.store.entities.add_mentions(rows)
        return ids

    def _store_links(self, doc_id: str, links: Iterable[Any], ids: dict[tuple[str, str], int]) -> None:
        rows = []
        for link in links:
            src, dst = ids.get(tuple(link.src)), ids.get(tuple(link.dst))
            if src and dst and src != dst:
                rows.append((src, dst, link.kind, float(link.weight), doc_id, link.start, link.end))
        self.store.entities.add_links(rows)

    def _store_measures(self, doc_id: str, p: Processed) -> None:
        default = p.region_chain[-1] if p.region_chain else None
        self.store.measures.add([
            (doc_id, m.region or default, m.kind, m.amount, m.unit, m.cap, m.rate, m.year, m.deadline, m.condition,
             m.theme, m.policy_tool, to_json(list(m.responsible)), m.start, m.end, m.amount_max, m.qualifier,
             m.cap_unit, m.amount_text, m.tool_basis)
            for m in p.measures])

    def _finish_batch(self, run: _Run) -> None:
        """Commit the index, then mark the batch imported; replaced documents go, their notes move."""
        self._write_group(run)
        batch, run.batch = run.batch, []
        if not batch:
            return
        run.batch_limit, run.batch_passages = min(2 * run.batch_limit, BATCH_MAX), 0
        changes = Changes(documents_added=tuple(d for d, old in batch if not old),
                          documents_replaced=tuple(old for _, old in batch if old), entities_all=True)
        with self._write:
            self.index.commit()
            self.store.documents.set_status((d for d, _ in batch), "ok")
            orphans = self.notes.has_orphans()
            for new_id, old_id in batch:
                if old_id:
                    self._drop(old_id)
                    changes |= self.notes.reanchor(old_id, new_id)
                elif orphans:
                    changes |= self.notes.adopt(new_id)  # orphaned notes find their document again
            if any(old for _, old in batch):
                self.index.commit()
        run.changes |= changes

    def _drop(self, doc_id: str) -> None:
        self._entity_ids.clear()  # entities nobody mentions any more are deleted with it
        self.index.delete_doc(doc_id)
        self.store.documents.delete(doc_id)

    def rewrite(self, group: Sequence[tuple[Processed, dict[str, Any]]]) -> None:
        """Put each processed document in place of the stored one with the same id (``kb reprocess``).

        The id cannot hold an old and a new row side by side, so the store transaction stays open
        across the index commit: a failure before the commit leaves both old, and a store failure
        after it re-indexes the old rows. ``group`` pairs each document with old columns to keep.
        """
        self._writable()
        marker = paths.rewrite_marker(self.kb_dir)
        with self._write:
            committed = False
            try:
                with self.store.atomic():
                    for p, kept in group:
                        self._rewrite_one(p, kept)
                    # a kill from here to the store's commit leaves the index ahead: the marker says which
                    with atomic_path(marker) as tmp:
                        tmp.write_text("\n".join(p.doc.sha256 for p, _kept in group), encoding="utf-8")
                    self.index.commit()
                    committed = True
                marker.unlink(missing_ok=True)
            except BaseException:
                self._entity_ids.clear()
                self.index.cancel()
                if committed:  # the index has the new passages, the store kept the old ones
                    for p, _kept in group:
                        self.index.delete_doc(p.doc.sha256)
                        self.index_stored(p.doc.sha256)
                    self.index.commit()
                marker.unlink(missing_ok=True)
                raise

    def _rewrite_one(self, p: Processed, kept: dict[str, Any]) -> None:
        doc = p.doc
        self._drop(doc.sha256)
        entities, links = apply_corrections(self.store.corrections.all(), p.entities, p.links)
        add_words({e.name for e in entities})
        spans = [(ps.start, ps.end, ps.section) for ps in doc.passages]
        row = _document_row(p) | kept | {"status": "ok"}
        pids = self.store.documents.insert(row, spans, original=doc.original)
        ids = self._store_entities(doc.sha256, entities, doc.body)
        self._store_links(doc.sha256, links, ids)
        self._store_measures(doc.sha256, p)
        self._index_doc(p, pids, entities)

    def remove_document(self, ref: str) -> Changes:
        """Remove a document from store and index; its notes stay, marked orphaned."""
        self._writable()
        row = self.store.documents.row(ref)
        if not row:
            raise NotFoundError(f"no document {ref!r}")
        with self._write:
            self._drop(row["id"])
            self.index.commit()
        return Changes(documents_removed=(row["id"],), entities_all=True) | self.notes.orphan(row["id"])

    def index_stored(self, doc_id: str) -> None:
        """Index a stored document again from the store alone (repair)."""
        row = self.store.documents.row(doc_id, with_text=True)
        if not row:
            return
        chain = tuple(json.loads(row["region_chain"]))
        mentions = self.store.entities.mentions(doc_id=doc_id) if row["status"] == "ok" else []
        spans = sorted((m.start, m.end, m.entity_type) for m in mentions)
        self.index.add(
            IndexedPassage(p.id, doc_id, p.text, row["name"], row["title"], p.section, tuple(region_keys(chain)),
                           _year(row["date"]), row["kind"], types_in(spans, p.start, p.end), region_chain=chain,
                           issuer=row["issuer"], doc_number=row["doc_number"])
            for p in self.store.documents.passages(doc_id, row["body"])
        )

    # corrections ---------------------------------------------------------------------------

    def correct_entity(self, action: str, type: str, name: str, value: str | None = None) -> Changes:
        """Rename, retype, merge or delete an entity, say it is not located somewhere (``unplace``) or
        remove one of its links (``unlink``, value ``kb.corrections.link_value``); replayed on every re-import."""
        self._writable()
        if action not in ACTIONS:
            raise NotFoundError(f"unknown correction {action!r}; use one of {', '.join(ACTIONS)}")
        if action not in ("delete", "unplace") and not value:
            raise NotFoundError(f"{action} needs a value")
        if action == "retype" and value not in ENTITY_TYPES:
            raise NotFoundError(f"unknown entity type {value!r}")
        row = self.store.entities.row(name)
        if row is None or row["type"] != type:
            row = self.store.entities.row_by_name(type, name)
        if row is None:
            raise NotFoundError(f"no {type} entity named {name!r}")
        self._entity_ids.clear()
        if action in LINK_ACTIONS:
            return correct_link(self.store, action, row, value)
        with self.store.atomic():
            self.store.corrections.add(action, type, row["name"], value, now())
            left = self.store.corrections.apply(row, action, value)
        touched = (int(row["id"]),) if left in (None, row["id"]) else (int(row["id"]), left)
        return Changes(entities=touched, entity_id=left)


def _document_row(p: Processed) -> dict[str, Any]:
    doc = p.doc
    return {
        "id": doc.sha256, "name": doc.name, "path": doc.path, "title": doc.title, "date": doc.date,
        "source": doc.source, "region": p.region_chain[-1] if p.region_chain else None,
        "region_chain": to_json(list(p.region_chain)), "kind": doc.kind, "issuer": doc.issuer,
        "doc_number": doc.doc_number, "body": doc.body, "raw": doc.raw,
        "removed": to_json([[r.start, r.end, r.reason] for r in doc.removed]),
        "headings": to_json([list(h) for h in doc.headings]),
        "chars": len(doc.body), "status": "pending", "imported_at": now(),
        "url": doc.url, "accessed": doc.accessed or now()[:10], "warnings": to_json(list(doc.warnings)),
    }


def _forms(p: Processed, entities: list[Any], n: int) -> Sequence[Any]:
    """The worker's passage forms, unless a correction named an entity the worker did not know
    as a word (then the index tokenises again, with the name taught): ``None`` per passage."""
    forms = p.forms
    if forms is None or len(forms) != n:
        return [None] * n
    found = {e.name for e in p.entities}
    if any(e.name not in found for e in entities):
        return [None] * n
    return forms


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def types_in(spans: Sequence[tuple[int, int, str]], start: int, end: int) -> tuple[str, ...]:
    """Entity types of the mentions inside [start, end); ``spans`` sorted by start (bisect, not a scan:
    a long document has thousands of passages and mentions)."""
    found = set()
    for i in range(bisect.bisect_left(spans, (start,)), len(spans)):
        s, e, t = spans[i]
        if s >= end:
            break
        if e <= end:
            found.add(t)
    return tuple(sorted(found))

"""Importing files into the knowledge base: store and index together, or not at all.

Each document is written to the store as ``pending`` in one transaction, its passages go to the
index writer, and after the index commit the batch is marked ``ok``. A changed file (same name,
new content) replaces the old document only after the new one is in, and notes are re-anchored.
"""

from __future__ import annotations

import bisect
import json
import logging
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kb import paths
from kb.errors import IngestError, NotFoundError
from kb.models import ImportFailure, ImportReport
from kb.pipeline import Failed, Processed, process_path, process_paths
from kb.store.db import now

if TYPE_CHECKING:
    from kb.search import SearchIndex
    from kb.store.db import Store

log = logging.getLogger(__name__)

BATCH = 200  # documents per index commit: Whoosh commits are the expensive part
CHUNK = 4  # documents per pool task (fewer round trips than one each)
WINDOW = 4  # tasks in flight per worker: keeps the workers busy, bounds finished-but-unwritten documents
CORRECTION_ACTIONS = ("rename", "retype", "merge", "delete")
_MEASURE_COLS = ("doc_id", "region", "kind", "amount", "unit", "cap", "rate", "year", "deadline", "condition", "theme",
                 "policy_tool", "responsible", "start", "end")
_INSERT_MEASURE = (f"INSERT INTO measures ({', '.join(f'[{c}]' for c in _MEASURE_COLS)}) "
                   f"VALUES ({', '.join('?' * len(_MEASURE_COLS))})")


class ImportMixin:
    store: Store
    index: SearchIndex
    kb_dir: Path
    _lock: Any

    if TYPE_CHECKING:  # provided by KnowledgeBase and NotesMixin; stubs here would shadow them

        def _require_writable(self) -> None: ...
        def ensure_words(self) -> None: ...
        def _notes_reanchor(self, old_doc_id: str, new_doc_id: str) -> tuple[int, int]: ...
        def _notes_orphan(self, doc_id: str) -> int: ...
        def _notes_adopt(self, new_doc_id: str) -> tuple[int, int]: ...

    def import_paths(
        self,
        paths: Sequence[str | Path],
        *,
        progress: Callable[[int, int, str], None] | None = None,
        cancel: Callable[[], bool] | None = None,
        workers: int = 1,
    ) -> ImportReport:
        """Import files and folders (recursively); one bad file never stops the rest."""
        from kb.ingest import iter_files

        self._require_writable()
        t0 = time.perf_counter()
        self.ensure_words()
        files: list[Path] = []
        failed: list[ImportFailure] = []
        for item in iter_files([Path(p) for p in paths]):
            if isinstance(item, IngestError):
                failed.append(ImportFailure(item.path, item.reason))
            else:
                files.append(item)
        added: list[str] = []
        replaced: list[str] = []
        unchanged: list[str] = []
        duplicates: list[tuple[str, str]] = []
        batch: list[tuple[str, str | None]] = []  # (new doc id, id of the document it replaces)
        seen: dict[str, str] = {}
        chars = 0
        extract_seconds = 0.0
        warnings: list[str] = []
        cancelled = False
        total = len(files)
        for done, (path, result) in enumerate(self._process(files, workers, cancel), start=1):
            if result is None:
                cancelled = True
                break
            if progress:
                progress(done, total, path.name)
            if isinstance(result, IngestError):
                failed.append(ImportFailure(result.path, result.reason))
                continue
            doc = result.doc
            if doc.sha256 in seen:
                duplicates.append((str(path), seen[doc.sha256]))
                continue
            seen[doc.sha256] = doc.name
            with self._lock:
                outcome = self._add_processed(result)
            kind, other = outcome
            if kind == "unchanged":
                unchanged.append(doc.name)
            elif kind == "duplicate":
                duplicates.append((str(path), other or ""))
            else:
                chars += len(doc.body)
                extract_seconds += result.extract_seconds
                warnings += [f"{doc.name}: {w}" for w in result.warnings]
                (replaced if other else added).append(doc.name)
                batch.append((doc.sha256, other))
                if len(batch) >= BATCH:
                    self._finish_batch(batch)
                    batch = []
        self._finish_batch(batch)
        return ImportReport(tuple(added), tuple(replaced), tuple(unchanged), tuple(duplicates), tuple(failed),
                            cancelled, round(time.perf_counter() - t0, 3), chars, round(extract_seconds, 3),
                            tuple(warnings))

    def _process(self, files: list[Path], workers: int, cancel: Callable[[], bool] | None
                 ) -> Iterator[tuple[Path, Processed | IngestError | None]]:
        """Yield each file's processed form in order; ``None`` when the user cancelled."""
        if workers <= 1 or len(files) < 8:
            for path in files:
                if cancel and cancel():
                    yield path, None
                    return
                yield path, process_path(path)
            return
        from kb.extract.wordfreq import set_cache_dir

        cache = paths.cache_dir(self.kb_dir)
        # The first file in this process: it loads the extractors' dictionaries (a private jieba,
        # the gazetteer, word sets) here, so the forked workers share those pages copy-on-write
        # instead of each building its own copy (PSS of the tree at 2,000 documents: 277 -> 233 MB).
        set_cache_dir(cache)
        if cancel and cancel():
            yield files[0], None
            return
        yield files[0], process_path(files[0])
        rest = files[1:]
        chunks = iter([rest[i:i + CHUNK] for i in range(0, len(rest), CHUNK)])
        with ProcessPoolExecutor(workers, initializer=set_cache_dir, initargs=(cache,)) as pool:
            # A bounded window, not pool.map: the workers outrun the parent's writes, and every
            # finished document waiting its turn holds its raw text, body and extractions here
            # (the parent grew by ~300 MB at 10,000 documents with everything submitted at once).
            inflight: deque[tuple[list[Path], Future[list[Processed | Failed]]]] = deque(
                (chunk, pool.submit(process_paths, chunk)) for chunk in islice(chunks, workers * WINDOW))
            while inflight:
                chunk, future = inflight.popleft()
                if cancel and cancel():
                    pool.shutdown(cancel_futures=True)
                    yield chunk[0], None
                    return
                results = future.result()
                nxt = next(chunks, None)
                if nxt is not None:
                    inflight.append((nxt, pool.submit(process_paths, nxt)))
                for path, result in zip(chunk, results, strict=True):
                    if cancel and cancel():
                        pool.shutdown(cancel_futures=True)
                        yield path, None
                        return
                    yield path, result.error() if isinstance(result, Failed) else result
                del results

    def _add_processed(self, p: Processed) -> tuple[str, str | None]:
        doc = p.doc
        # By id only: Store.document_row also tries an id prefix (LIKE, a full scan per new document).
        found = self.store.query("SELECT id, name, status FROM documents WHERE id = ?", (doc.sha256,))
        existing = found[0] if found else None
        if existing:
            if existing["status"] == "ok":
                return ("unchanged", None) if existing["name"] == doc.name else ("duplicate", existing["name"])
            self._drop(doc.sha256)  # left pending by a crash: start again
        old = self.store.query("SELECT id FROM documents WHERE name = ? AND status = 'ok' AND id != ?", (doc.name, doc.sha256))
        replaces = old[0]["id"] if old else None
        entities, links = apply_corrections(self._corrections(), p.entities, p.links)
        from kb.search import IndexedPassage, add_words

        add_words(e.name for e in entities)
        year = int(doc.date[:4]) if doc.date and doc.date[:4].isdigit() else None
        with self.store.transaction() as conn:
            self.store.insert_document(conn, {
                "id": doc.sha256, "name": doc.name, "path": doc.path, "title": doc.title, "date": doc.date,
                "source": doc.source, "region": p.region_chain[-1] if p.region_chain else None,
                "region_chain": json.dumps(list(p.region_chain), ensure_ascii=False), "kind": doc.kind,
                "issuer": doc.issuer, "doc_number": doc.doc_number, "body": doc.body, "raw": doc.raw,
                "removed": json.dumps([[r.start, r.end, r.reason] for r in doc.removed], ensure_ascii=False),
                "headings": json.dumps([list(h) for h in doc.headings], ensure_ascii=False),
                "chars": len(doc.body), "status": "pending", "imported_at": now(),
            })
            spans = [(ps.start, ps.end, ps.section) for ps in doc.passages]
            pids = self.store.insert_passages(conn, doc.sha256, spans)
            ids = self._store_entities(conn, doc.sha256, entities, doc.body)
            self._store_links(conn, doc.sha256, links, ids)
            self._store_measures(conn, doc.sha256, p)
        mention_spans = sorted((s, e, ent.type) for ent in entities for s, e in ent.mentions)
        self.index.add(
            IndexedPassage(pid, doc.sha256, doc.body[s:e], doc.name, doc.title, sec, p.region_keys, year, doc.kind,
                           types_in(mention_spans, s, e))
            for pid, (s, e, sec) in zip(pids, spans, strict=False)
        )
        return "added", replaces

    def _store_entities(self, conn: Any, doc_id: str, entities: Iterable[Any], body: str) -> dict[tuple[str, str], int]:
        ids: dict[tuple[str, str], int] = {}
        rows = []
        for ent in entities:
            eid = self.store.upsert_entity(conn, ent.type, ent.name, ent.aliases, ent.region_chain)
            ids[(ent.type, ent.name)] = eid
            for alias in ent.aliases:
                ids.setdefault((ent.type, alias), eid)
            rows += [(eid, doc_id, s, e, "") for s, e in ent.mentions]
        self.store.insert_mentions(conn, [(eid, d, s, e, body[s:e]) for eid, d, s, e, _ in rows])
        return ids

    def _store_links(self, conn: Any, doc_id: str, links: Iterable[Any], ids: dict[tuple[str, str], int]) -> None:
        rows = []
        for link in links:
            src, dst = ids.get(tuple(link.src)), ids.get(tuple(link.dst))
            if src and dst and src != dst:
                rows.append((src, dst, link.kind, float(link.weight), doc_id, link.start, link.end))
        self.store.insert_links(conn, rows)

    def _store_measures(self, conn: Any, doc_id: str, p: Processed) -> None:
        default = p.region_chain[-1] if p.region_chain else None
        rows = [(doc_id, m.region or default, m.kind, m.amount, m.unit, m.cap, m.rate, m.year, m.deadline, m.condition,
                 m.theme, m.policy_tool, json.dumps(list(m.responsible), ensure_ascii=False), m.start, m.end)
                for m in p.measures]
        if rows:  # one statement for the document's measures
            conn.executemany(_INSERT_MEASURE, rows)

    def _finish_batch(self, batch: list[tuple[str, str | None]]) -> None:
        if not batch:
            return
        with self._lock:
            self.index.commit()
            with self.store.transaction() as conn:
                conn.executemany("UPDATE documents SET status = 'ok' WHERE id = ?", [(d,) for d, _ in batch])
            orphans = self.store.conn.execute("SELECT COUNT(*) FROM notes WHERE orphaned = 1").fetchone()[0]
            for new_id, old_id in batch:
                if old_id:
                    self._drop(old_id)
                    self._notes_reanchor(old_id, new_id)
                elif orphans:
                    self._notes_adopt(new_id)  # orphaned notes find their document again
            if any(old for _, old in batch):
                self.index.commit()

    def _drop(self, doc_id: str) -> None:
        self.index.delete_doc(doc_id)
        with self.store.transaction() as conn:
            self.store.delete_document(conn, doc_id)

    def remove_document(self, ref: str) -> bool:
        """Remove a document from store and index; its notes stay, marked orphaned."""
        self._require_writable()
        with self._lock:
            row = self.store.document_row(ref)
            if not row:
                return False
            self._drop(row["id"])
            self.index.commit()
            self._notes_orphan(row["id"])
        return True

    def _index_stored(self, doc_id: str) -> None:
        """Index a stored document again from the store alone (repair)."""
        from kb.extract.gazetteer import region_keys
        from kb.search import IndexedPassage

        row = self.store.document_row(doc_id, with_text=True)
        if not row:
            return
        chain = tuple(json.loads(row["region_chain"]))
        year = int(row["date"][:4]) if row["date"] and row["date"][:4].isdigit() else None
        spans = sorted((m.start, m.end, m.entity_type) for m in self.store.mentions(doc_id=doc_id)) if row["status"] == "ok" else []
        self.index.add(
            IndexedPassage(p.id, doc_id, p.text, row["name"], row["title"], p.section, tuple(region_keys(chain)), year,
                           row["kind"], types_in(spans, p.start, p.end))
            for p in self.store.passages(doc_id, row["body"])
        )

    # corrections ---------------------------------------------------------------------------

    def _corrections(self) -> list[dict[str, Any]]:
        return self.store.query("SELECT action, type, name, value FROM corrections ORDER BY id")

    def correct_entity(self, action: str, type: str, name: str, value: str | None = None) -> None:
        """Rename, retype, merge or delete an entity; the correction is replayed on every re-import."""
        from kb.models import ENTITY_TYPES

        self._require_writable()
        if action not in CORRECTION_ACTIONS:
            raise NotFoundError(f"unknown correction {action!r}; use one of {', '.join(CORRECTION_ACTIONS)}")
        if action != "delete" and not value:
            raise NotFoundError(f"{action} needs a value")
        if action == "retype" and value not in ENTITY_TYPES:
            raise NotFoundError(f"unknown entity type {value!r}")
        with self._lock:
            row = self.store.entity_row(name)
            if row is None or row["type"] != type:
                raise NotFoundError(f"no {type} entity named {name!r}")
            with self.store.transaction() as conn:
                conn.execute("INSERT INTO corrections (action, type, name, value, created_at) VALUES (?, ?, ?, ?, ?)",
                             (action, type, row["name"], value, now()))
                apply_correction_to_store(conn, self.store, row, action, value)


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


def apply_corrections(corrections: list[dict[str, Any]], entities: list[Any], links: list[Any]) -> tuple[list[Any], list[Any]]:
    """Replay the user's corrections on freshly extracted entities (so they survive re-import)."""
    if not corrections:
        return entities, links
    from dataclasses import replace

    out = []
    renamed: dict[tuple[str, str], tuple[str, str] | None] = {}
    for ent in entities:
        key = (ent.type, ent.name)
        names = {ent.name, *ent.aliases}
        for c in corrections:
            if c["type"] != ent.type or c["name"] not in names:
                continue
            if c["action"] == "delete":
                ent = None
                break
            if c["action"] in ("rename", "merge"):
                ent = replace(ent, name=c["value"], aliases=tuple(dict.fromkeys([*ent.aliases, ent.name])))
            elif c["action"] == "retype":
                ent = replace(ent, type=c["value"])
            names = {ent.name, *ent.aliases}
        renamed[key] = (ent.type, ent.name) if ent else None
        if ent:
            out.append(ent)
    new_links = []
    for link in links:
        src, dst = renamed.get(tuple(link.src), tuple(link.src)), renamed.get(tuple(link.dst), tuple(link.dst))
        if src and dst:
            new_links.append(replace(link, src=src, dst=dst))
    return out, new_links


def apply_correction_to_store(conn: Any, store: Store, row: dict[str, Any], action: str, value: str | None) -> None:
    eid = row["id"]
    if action == "delete":
        conn.execute("DELETE FROM entities WHERE id = ?", (eid,))
    elif action == "retype":
        target = conn.execute("SELECT entity_id FROM entity_names WHERE type = ? AND name = ?", (value, row["name"])).fetchone()
        if target:
            _merge_into(conn, eid, int(target[0]))
        else:
            conn.execute("UPDATE entities SET type = ? WHERE id = ?", (value, eid))
            conn.execute("UPDATE entity_names SET type = ? WHERE entity_id = ?", (value, eid))
    elif action in ("rename", "merge"):
        target = conn.execute("SELECT entity_id FROM entity_names WHERE type = ? AND name = ?", (row["type"], value)).fetchone()
        if target and int(target[0]) != eid:
            _merge_into(conn, eid, int(target[0]))
        else:
            aliases = [a for a in dict.fromkeys([*json.loads(row["aliases"]), row["name"]]) if a != value]
            conn.execute("UPDATE entities SET name = ?, aliases = ? WHERE id = ?",
                         (value, json.dumps(aliases, ensure_ascii=False), eid))
            conn.execute("INSERT OR IGNORE INTO entity_names (type, name, entity_id) VALUES (?, ?, ?)", (row["type"], value, eid))


def _merge_into(conn: Any, src: int, dst: int) -> None:
    names = [r[0] for r in conn.execute("SELECT name FROM entity_names WHERE entity_id = ?", (src,))]
    aliases = json.loads(conn.execute("SELECT aliases FROM entities WHERE id = ?", (dst,)).fetchone()[0])
    dst_name = conn.execute("SELECT name FROM entities WHERE id = ?", (dst,)).fetchone()[0]
    merged = [a for a in dict.fromkeys([*aliases, *names]) if a != dst_name]
    conn.execute("UPDATE entities SET aliases = ? WHERE id = ?", (json.dumps(merged, ensure_ascii=False), dst))
    conn.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", (dst, src))
    conn.execute("UPDATE links SET src = ? WHERE src = ?", (dst, src))
    conn.execute("UPDATE links SET dst = ? WHERE dst = ?", (dst, src))
    conn.execute("DELETE FROM links WHERE src = dst")
    conn.execute("UPDATE OR IGNORE entity_names SET entity_id = ?, type = (SELECT type FROM entities WHERE id = ?) "
                 "WHERE entity_id = ?", (dst, dst, src))
    conn.execute("DELETE FROM entities WHERE id = ?", (src,))

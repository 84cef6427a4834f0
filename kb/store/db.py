"""The SQLite store: one connection, WAL, every write in a transaction.

Only this package knows table and column names. The service serialises access with its own lock,
so the connection may be used from the import worker thread and the UI thread in turn.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from kb.models import Document, Entity, Link, Measure, Mention, Passage, RemovedSpan
from kb.store.schema import migrate

log = logging.getLogger(__name__)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _chain(value: str | None) -> tuple[str, ...]:
    return tuple(json.loads(value)) if value else ()


class Store:
    """The knowledge base's structured store (documents, passages, entities, measures, notes)."""

    def __init__(self, path: Path | str, *, readonly: bool = False) -> None:
        self.path = Path(path) if str(path) != ":memory:" else None
        if readonly and self.path is not None:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        else:
            conn = sqlite3.connect(str(path), check_same_thread=False)
        conn.isolation_level = None  # explicit transactions only
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn, log.info)
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        self.readonly = readonly

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write: commits on success, rolls back on any exception."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        cur = self.conn.execute(sql, params)
        cols = [c[0] for c in cur.description or ()]
        return [dict(zip(cols, row, strict=False)) for row in cur.fetchall()]

    # documents -----------------------------------------------------------------------------

    def insert_document(self, conn: sqlite3.Connection, row: dict[str, Any]) -> None:
        row = dict(row)
        row.setdefault("imported_at", now())
        cols = ", ".join(f'"{k}"' for k in row)
        marks = ", ".join("?" for _ in row)
        conn.execute(f"INSERT INTO documents ({cols}) VALUES ({marks})", list(row.values()))

    def insert_passages(self, conn: sqlite3.Connection, doc_id: str, spans: Iterable[tuple[int, int, str]]) -> list[int]:
        ids = []
        for ordinal, (start, end, section) in enumerate(spans):
            cur = conn.execute(
                'INSERT INTO passages (doc_id, ordinal, start, "end", section) VALUES (?, ?, ?, ?, ?)',
                (doc_id, ordinal, start, end, section),
            )
            ids.append(int(cur.lastrowid or 0))
        return ids

    def set_status(self, doc_id: str, status: str) -> None:
        self.conn.execute("UPDATE documents SET status = ? WHERE id = ?", (status, doc_id))

    def delete_document(self, conn: sqlite3.Connection, doc_id: str) -> None:
        conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        self._drop_orphan_entities(conn)

    def _drop_orphan_entities(self, conn: sqlite3.Connection) -> None:
        conn.execute("DELETE FROM entities WHERE id NOT IN (SELECT DISTINCT entity_id FROM mentions)")

    def document_row(self, ref: str, *, with_text: bool = False) -> dict[str, Any] | None:
        cols = "*" if with_text else _DOC_COLS
        for sql, arg in (
            (f"SELECT {cols} FROM documents WHERE id = ?", ref),
            (f"SELECT {cols} FROM documents WHERE name = ? ORDER BY imported_at DESC", ref),
            (f"SELECT {cols} FROM documents WHERE id LIKE ?", ref + "%"),
        ):
            if not ref:
                break
            rows = self.query(sql, (arg,))
            if rows and (len(rows) == 1 or sql.find("name = ?") > 0):
                return rows[0]
        return None

    def documents(self, *, status: str | None = "ok") -> list[Document]:
        where = "WHERE status = ?" if status else ""
        params = (status,) if status else ()
        rows = self.query(
            f"SELECT {_DOC_COLS}, (SELECT COUNT(*) FROM passages p WHERE p.doc_id = d.id) AS n_passages "
            f"FROM documents d {where} ORDER BY name",
            params,
        )
        return [doc_from_row(r) for r in rows]

    def doc_ids(self, status: str | None = None) -> set[str]:
        if status:
            return {r["id"] for r in self.query("SELECT id FROM documents WHERE status = ?", (status,))}
        return {r["id"] for r in self.query("SELECT id FROM documents")}

    def passages(self, doc_id: str, body: str) -> list[Passage]:
        rows = self.query('SELECT id, ordinal, start, "end", section FROM passages WHERE doc_id = ? ORDER BY ordinal', (doc_id,))
        return [Passage(r["id"], doc_id, r["ordinal"], r["start"], r["end"], r["section"], body[r["start"] : r["end"]]) for r in rows]

    def passage_rows(self, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
        """Passages of fully imported documents only: a 'pending' one may already be in the index."""
        if not ids:
            return {}
        marks = ",".join("?" for _ in ids)
        rows = self.query(
            f'SELECT p.id, p.doc_id, p.start, p."end", p.section, d.name, d.title, d.region, '
            f"substr(d.body, p.start + 1, p.\"end\" - p.start) AS text "
            f"FROM passages p JOIN documents d ON d.id = p.doc_id WHERE p.id IN ({marks}) AND d.status = 'ok'",
            list(ids),
        )
        return {r["id"]: r for r in rows}

    # entities ------------------------------------------------------------------------------

    def entity_id_for(self, conn: sqlite3.Connection, etype: str, names: Sequence[str]) -> int | None:
        for name in names:
            row = conn.execute("SELECT entity_id FROM entity_names WHERE type = ? AND name = ?", (etype, name)).fetchone()
            if row:
                return int(row[0])
        return None

    def upsert_entity(self, conn: sqlite3.Connection, etype: str, name: str, aliases: Sequence[str], chain: Sequence[str]) -> int:
        """Find the entity by any of its names (cross-document dedupe) or create it; merge aliases."""
        names = [name, *aliases]
        eid = self.entity_id_for(conn, etype, names)
        if eid is None:
            cur = conn.execute(
                "INSERT INTO entities (type, name, aliases, region, region_chain) VALUES (?, ?, ?, ?, ?)",
                (etype, name, json.dumps(list(aliases), ensure_ascii=False), chain[-1] if chain else None,
                 json.dumps(list(chain), ensure_ascii=False)),
            )
            eid = int(cur.lastrowid or 0)
        else:
            row = conn.execute("SELECT name, aliases, region_chain FROM entities WHERE id = ?", (eid,)).fetchone()
            known = [row[0], *json.loads(row[1])]
            merged = [a for a in dict.fromkeys([*json.loads(row[1]), *names]) if a != row[0]]
            new_name = row[0]
            if len(name) > len(row[0]) and name not in known[:1]:
                # The fuller form becomes canonical; the old one stays an alias.
                new_name = name
                merged = [a for a in dict.fromkeys([row[0], *merged]) if a != new_name]
            old_chain = json.loads(row[2])
            new_chain = list(chain) if len(chain) > len(old_chain) else old_chain
            conn.execute(
                "UPDATE entities SET name = ?, aliases = ?, region = ?, region_chain = ? WHERE id = ?",
                (new_name, json.dumps(merged, ensure_ascii=False), new_chain[-1] if new_chain else None,
                 json.dumps(new_chain, ensure_ascii=False), eid),
            )
        for n in names:
            conn.execute("INSERT OR IGNORE INTO entity_names (type, name, entity_id) VALUES (?, ?, ?)", (etype, n, eid))
        return eid

    def insert_mentions(self, conn: sqlite3.Connection, rows: Iterable[tuple[int, str, int, int, str]]) -> None:
        conn.executemany('INSERT INTO mentions (entity_id, doc_id, start, "end", text) VALUES (?, ?, ?, ?, ?)', list(rows))

    def insert_links(self, conn: sqlite3.Connection, rows: Iterable[tuple[int, int, str, float, str | None, int | None, int | None]]) -> None:
        conn.executemany('INSERT INTO links (src, dst, kind, weight, doc_id, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?)', list(rows))

    def insert_measures(self, conn: sqlite3.Connection, rows: Iterable[dict[str, Any]]) -> None:
        for row in rows:
            cols = ", ".join(f'"{k}"' for k in row)
            conn.execute(f"INSERT INTO measures ({cols}) VALUES ({', '.join('?' for _ in row)})", list(row.values()))

    def entities(self, *, etype: str | None = None, region: str | None = None, text: str | None = None) -> list[Entity]:
        where, params = ["1=1"], []
        if etype:
            where.append("e.type = ?")
            params.append(etype)
        if region:
            where.append("(e.region_chain LIKE ? OR e.name LIKE ?)")
            params += [f"%{region}%", f"%{region}%"]
        if text:
            where.append("(e.name LIKE ? OR e.aliases LIKE ?)")
            params += [f"%{text}%", f"%{text}%"]
        rows = self.query(
            "SELECT e.*, COUNT(m.id) AS n, GROUP_CONCAT(DISTINCT d.name) AS docs FROM entities e "
            "LEFT JOIN mentions m ON m.entity_id = e.id LEFT JOIN documents d ON d.id = m.doc_id "
            f"WHERE {' AND '.join(where)} GROUP BY e.id ORDER BY n DESC, e.name",
            params,
        )
        located = self._located_in([r["id"] for r in rows])
        return [entity_from_row(r, located.get(r["id"], ())) for r in rows]

    def entity_row(self, ref: int | str) -> dict[str, Any] | None:
        if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit()):
            rows = self.query("SELECT * FROM entities WHERE id = ?", (int(ref),))
        else:
            rows = self.query(
                "SELECT e.* FROM entity_names n JOIN entities e ON e.id = n.entity_id WHERE n.name = ? "
                "ORDER BY (e.name = ?) DESC LIMIT 1",
                (ref, ref),
            )
        return rows[0] if rows else None

    def entity(self, eid: int) -> Entity | None:
        rows = self.query(
            "SELECT e.*, COUNT(m.id) AS n, GROUP_CONCAT(DISTINCT d.name) AS docs FROM entities e "
            "LEFT JOIN mentions m ON m.entity_id = e.id LEFT JOIN documents d ON d.id = m.doc_id "
            "WHERE e.id = ? GROUP BY e.id",
            (eid,),
        )
        if not rows:
            return None
        return entity_from_row(rows[0], self._located_in([eid]).get(eid, ()))

    def _located_in(self, ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
        out: dict[int, list[str]] = {}
        for chunk in _chunks(list(ids), 500):
            marks = ",".join("?" for _ in chunk)
            for r in self.query(
                f"SELECT DISTINCT l.src, e.name FROM links l JOIN entities e ON e.id = l.dst "
                f"WHERE l.kind = 'located_in' AND l.src IN ({marks})",
                chunk,
            ):
                out.setdefault(r["src"], []).append(r["name"])
        return {k: tuple(v) for k, v in out.items()}

    def links(self, eid: int) -> list[Link]:
        rows = self.query(
            'SELECT l.*, s.name AS src_name, s.type AS src_type, t.name AS dst_name, t.type AS dst_type, '
            "d.name AS doc_name, substr(d.body, l.start + 1, l.\"end\" - l.start) AS sentence "
            "FROM links l JOIN entities s ON s.id = l.src JOIN entities t ON t.id = l.dst "
            "LEFT JOIN documents d ON d.id = l.doc_id WHERE l.src = ? OR l.dst = ? "
            "ORDER BY (l.kind = 'co_mention'), l.weight DESC",
            (eid, eid),
        )
        return [
            Link(r["src"], r["src_name"], r["src_type"], r["dst"], r["dst_name"], r["dst_type"], r["kind"],
                 float(r["weight"]), r["doc_name"], r["start"], r["end"], r["sentence"] or "")
            for r in rows
        ]

    def mentions(self, *, entity_id: int | None = None, doc_id: str | None = None) -> list[Mention]:
        where, params = ("m.entity_id = ?", entity_id) if entity_id is not None else ("m.doc_id = ?", doc_id)
        rows = self.query(
            'SELECT m.*, e.type, e.name AS ename, d.name AS doc_name FROM mentions m '
            "JOIN entities e ON e.id = m.entity_id JOIN documents d ON d.id = m.doc_id "
            f"WHERE {where} AND d.status = 'ok' ORDER BY d.name, m.start",
            (params,),
        )
        return [Mention(r["entity_id"], r["type"], r["ename"], r["doc_id"], r["doc_name"], r["start"], r["end"], r["text"]) for r in rows]

    def measures(self, *, region_docs: set[str] | None = None, kind: str | None = None, theme: str | None = None,
                 doc_id: str | None = None, ids: Sequence[int] | None = None,
                 doc_ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
        where: list[str] = ["d.status = 'ok'"]
        params: list[Any] = []
        if kind:
            where.append("m.kind = ?")
            params.append(kind)
        if theme:
            where.append("m.theme = ?")
            params.append(theme)
        if doc_id:
            where.append("m.doc_id = ?")
            params.append(doc_id)
        if doc_ids is not None:
            where.append(f"m.doc_id IN ({','.join('?' for _ in doc_ids) or 'NULL'})")
            params += list(doc_ids)
        if ids is not None:
            where.append(f"m.id IN ({','.join('?' for _ in ids) or 'NULL'})")
            params += list(ids)
        rows = self.query(
            'SELECT m.*, d.name AS doc_name, substr(d.body, m.start + 1, m."end" - m.start) AS text '
            f"FROM measures m JOIN documents d ON d.id = m.doc_id WHERE {' AND '.join(where)} ORDER BY d.name, m.start",
            params,
        )
        if region_docs is not None:
            rows = [r for r in rows if r["doc_id"] in region_docs]
        return rows

    # counts -------------------------------------------------------------------------------

    def counts(self) -> dict[str, Any]:
        one = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": one("SELECT COUNT(*) FROM documents WHERE status = 'ok'"),
            "passages": one("SELECT COUNT(*) FROM passages p JOIN documents d ON d.id = p.doc_id WHERE d.status = 'ok'"),
            "chars": one("SELECT COALESCE(SUM(chars), 0) FROM documents WHERE status = 'ok'"),
            "entities": {r["type"]: r["n"] for r in self.query("SELECT type, COUNT(*) AS n FROM entities GROUP BY type")},
            "measures": one("SELECT COUNT(*) FROM measures"),
            "notes": one("SELECT COUNT(*) FROM notes"),
        }


_DOC_COLS = ("id, name, path, title, date, source, region, region_chain, kind, issuer, doc_number, chars, "
             "status, imported_at")


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def doc_from_row(r: dict[str, Any]) -> Document:
    return Document(
        id=r["id"], name=r["name"], path=r["path"], title=r["title"], date=r["date"], source=r["source"],
        region=r["region"], region_chain=_chain(r["region_chain"]), kind=r["kind"], issuer=r["issuer"],
        doc_number=r["doc_number"], chars=r["chars"], passages=r.get("n_passages") or 0, imported_at=r["imported_at"],
    )


def entity_from_row(r: dict[str, Any], located: tuple[str, ...]) -> Entity:
    docs = tuple(sorted(set((r.get("docs") or "").split(",")) - {""}))
    return Entity(r["id"], r["type"], r["name"], tuple(json.loads(r["aliases"])), r["region"], _chain(r["region_chain"]),
                  located, docs, int(r.get("n") or 0))


def measure_from_row(r: dict[str, Any]) -> Measure:
    return Measure(
        id=r["id"], doc_id=r["doc_id"], doc=r["doc_name"], region=r["region"], kind=r["kind"], amount=r["amount"],
        unit=r["unit"], cap=r["cap"], rate=r["rate"], year=r["year"], deadline=r["deadline"], condition=r["condition"],
        theme=r["theme"], policy_tool=r["policy_tool"], responsible=tuple(json.loads(r["responsible"] or "[]")),
        text=r["text"] or "", start=r["start"], end=r["end"],
    )


def removed_from_json(value: str) -> tuple[RemovedSpan, ...]:
    return tuple(RemovedSpan(int(s), int(e), str(reason)) for s, e, reason in json.loads(value or "[]"))

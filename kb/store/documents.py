"""Documents and their passages.

A document row is written ``pending`` and marked ``ok`` only once the search index has it too,
so every reader here that shows documents to a user asks for ``status = 'ok'``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from kb.models import Document, Passage
from kb.store.database import Database
from kb.store.rows import doc_from_row

DOC_COLS = ("id, name, path, title, date, source, region, region_chain, kind, issuer, doc_number, chars, "
            "status, imported_at, url, accessed")


class Documents:
    def __init__(self, db: Database) -> None:
        self.db = db

    # writes -------------------------------------------------------------------------------

    def insert(self, row: dict[str, Any], spans: Sequence[tuple[int, int, str]], *, original: bytes = b"") -> list[int]:
        """A document row, its passages (start, end, section) and its original bytes (packed by
        ``kb.ingest.pack_original``); the passages' ids in order."""
        doc_id = row["id"]
        with self.db.atomic():
            conn = self.db.conn
            # plain statements: sqlite-utils' insert() re-derived the columns and types of every row
            # (~1 ms a document in the import's writing process)
            conn.execute(f"INSERT INTO documents ({', '.join(map(_quoted, row))}) VALUES ({', '.join('?' * len(row))})",
                         tuple(row.values()))
            if original:
                conn.execute("INSERT INTO originals (doc_id, codec, data) VALUES (?, ?, ?)", (doc_id, "zhiku", original))
            conn.executemany('INSERT INTO passages (doc_id, ordinal, start, "end", section) VALUES (?, ?, ?, ?, ?)',
                             [(doc_id, i, start, end, section) for i, (start, end, section) in enumerate(spans)])
            ids = [int(r[0]) for r in conn.execute("SELECT id FROM passages WHERE doc_id = ? ORDER BY ordinal",
                                                   (doc_id,))]
        return ids

    def set_status(self, doc_ids: Iterable[str], status: str) -> None:
        self.db.executemany("UPDATE documents SET status = ? WHERE id = ?", [(status, d) for d in doc_ids])

    def delete(self, doc_id: str) -> None:
        """The document, its passages, mentions, links and measures; entities nobody mentions any more."""
        with self.db.atomic():
            self.db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
            self.db.execute("DELETE FROM entities WHERE id NOT IN (SELECT DISTINCT entity_id FROM mentions)")

    def drop_dangling_mentions(self) -> None:
        self.db.execute("DELETE FROM mentions WHERE doc_id NOT IN (SELECT id FROM documents)")

    # reads --------------------------------------------------------------------------------

    def row(self, ref: str, *, with_text: bool = False) -> dict[str, Any] | None:
        """By id, else by file name (newest), else by a unique id prefix."""
        if not ref:
            return None
        cols = "*" if with_text else DOC_COLS
        for sql, arg in (
            (f"SELECT {cols} FROM documents WHERE id = ?", ref),
            (f"SELECT {cols} FROM documents WHERE name = ? ORDER BY imported_at DESC", ref),
            (f"SELECT {cols} FROM documents WHERE id LIKE ?", ref + "%"),
        ):
            rows = self.db.query(sql, (arg,))
            if rows and (len(rows) == 1 or "name = ?" in sql):
                return rows[0]
        return None

    def status_of(self, doc_id: str) -> tuple[str, str] | None:
        """(name, status) of the document with exactly this id (no prefix scan: one per import)."""
        rows = self.db.query("SELECT name, status FROM documents WHERE id = ?", (doc_id,))
        return (rows[0]["name"], rows[0]["status"]) if rows else None

    def other_with_name(self, name: str, doc_id: str) -> str | None:
        """The id of an imported document of the same file name but other content (it gets replaced)."""
        return self.db.one("SELECT id FROM documents WHERE name = ? AND status = 'ok' AND id != ?", (name, doc_id))

    def newest_with_name(self, name: str) -> str | None:
        return self.db.one("SELECT id FROM documents WHERE name = ? AND status = 'ok' ORDER BY imported_at DESC LIMIT 1",
                           (name,))

    def original(self, doc_id: str) -> bytes | None:
        """The document's original bytes as kept at import (packed; ``kb.ingest.unpack_original``)."""
        return self.db.one("SELECT data FROM originals WHERE doc_id = ?", (doc_id,))

    def warnings(self, doc_id: str) -> list[str]:
        return json.loads(self.db.one("SELECT warnings FROM documents WHERE id = ?", (doc_id,)) or "[]")

    def body(self, doc_id: str) -> str:
        return self.db.one("SELECT body FROM documents WHERE id = ?", (doc_id,)) or ""

    def all(self, *, status: str | None = "ok") -> list[Document]:
        where = "WHERE status = ?" if status else ""
        rows = self.db.query(
            f"SELECT {DOC_COLS}, (SELECT COUNT(*) FROM passages p WHERE p.doc_id = d.id) AS n_passages "
            f"FROM documents d {where} ORDER BY name",
            (status,) if status else (),
        )
        return [doc_from_row(r) for r in rows]

    def ids(self, status: str | None = None) -> set[str]:
        if status:
            return {r["id"] for r in self.db.query("SELECT id FROM documents WHERE status = ?", (status,))}
        return {r["id"] for r in self.db.query("SELECT id FROM documents")}

    def superseded(self) -> list[tuple[str, str]]:
        """(name, id) of older copies of a file whose replacement was cut short by a crash."""
        rows = self.db.query(
            "SELECT name, id FROM documents d WHERE status = 'ok' AND EXISTS (SELECT 1 FROM documents n "
            "WHERE n.name = d.name AND n.status = 'ok' AND n.imported_at > d.imported_at)"
        )
        return [(r["name"], r["id"]) for r in rows]

    def passages(self, doc_id: str, body: str) -> list[Passage]:
        rows = self.db.query('SELECT id, ordinal, start, "end", section FROM passages WHERE doc_id = ? ORDER BY ordinal',
                             (doc_id,))
        return [Passage(r["id"], doc_id, r["ordinal"], r["start"], r["end"], r["section"], body[r["start"]:r["end"]])
                for r in rows]

    def passage_rows(self, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
        """Passages of fully imported documents only: a 'pending' one may already be in the index."""
        if not ids:
            return {}
        marks = ",".join("?" for _ in ids)
        rows = self.db.query(
            f'SELECT p.id, p.doc_id, p.start, p."end", p.section, d.name, d.title, d.region, '
            f"substr(d.body, p.start + 1, p.\"end\" - p.start) AS text "
            f"FROM passages p JOIN documents d ON d.id = p.doc_id WHERE p.id IN ({marks}) AND d.status = 'ok'",
            list(ids),
        )
        return {r["id"]: r for r in rows}

    def section_at(self, doc_id: str, offset: int) -> str:
        return self.db.one('SELECT section FROM passages WHERE doc_id = ? AND start <= ? AND "end" > ? '
                           "ORDER BY start DESC LIMIT 1", (doc_id, offset, offset)) or ""

    def counts(self) -> dict[str, int]:
        return {
            "documents": self.db.one("SELECT COUNT(*) FROM documents WHERE status = 'ok'"),
            "passages": self.db.one("SELECT COUNT(*) FROM passages p JOIN documents d ON d.id = p.doc_id "
                                    "WHERE d.status = 'ok'"),
            "chars": self.db.one("SELECT COALESCE(SUM(chars), 0) FROM documents WHERE status = 'ok'"),
        }

    def dangling_mentions(self) -> int:
        return int(self.db.one("SELECT COUNT(*) FROM mentions WHERE doc_id NOT IN (SELECT id FROM documents)"))


def _quoted(column: str) -> str:
    return '"' + column.replace('"', '""') + '"'

"""Notes: rows anchored by document hash + quote + context + offsets; they outlive documents."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kb.models import Note
from kb.store.database import Database
from kb.store.rows import note_from_row

_SELECT = (
    "SELECT n.*, d.title AS doc_title, d.region AS doc_region, "
    "(SELECT p.section FROM passages p WHERE p.doc_id = n.doc_id AND p.start <= n.start "
    ' AND p."end" > n.start ORDER BY p.start DESC LIMIT 1) AS section '
    "FROM notes n LEFT JOIN documents d ON d.id = n.doc_id AND d.status = 'ok' "
)


class NoteRows:
    def __init__(self, db: Database) -> None:
        self.db = db

    def insert(self, row: dict[str, Any]) -> int:
        cols = ", ".join(f'"{k}"' for k in row)
        cur = self.db.execute(f"INSERT INTO notes ({cols}) VALUES ({', '.join('?' for _ in row)})", list(row.values()))
        return int(cur.lastrowid or 0)

    def update(self, note_id: int, values: dict[str, Any]) -> None:
        sets = ", ".join(f'"{k}" = ?' for k in values)
        self.db.execute(f"UPDATE notes SET {sets} WHERE id = ?", [*values.values(), note_id])

    def delete(self, note_id: int) -> bool:
        return bool(self.db.execute("DELETE FROM notes WHERE id = ?", (note_id,)).rowcount)

    def orphan_doc(self, doc_id: str) -> list[int]:
        """Mark the notes of a removed document orphaned; their ids."""
        ids = [r["id"] for r in self.db.query("SELECT id FROM notes WHERE doc_id = ? AND orphaned = 0", (doc_id,))]
        self.db.execute("UPDATE notes SET orphaned = 1 WHERE doc_id = ?", (doc_id,))
        return ids

    def anchors_of(self, doc_id: str) -> list[dict[str, Any]]:
        return self.db.query("SELECT id, quote, prefix, suffix, start FROM notes WHERE doc_id = ?", (doc_id,))

    def orphaned_anchors(self, doc_id: str, doc_name: str) -> list[dict[str, Any]]:
        """Orphaned notes whose document (same hash or same file name) may have come back."""
        return self.db.query("SELECT id, quote, prefix, suffix, start FROM notes WHERE orphaned = 1 "
                             "AND (doc_id = ? OR doc_name = ?)", (doc_id, doc_name))

    def orphan_count(self) -> int:
        return int(self.db.one("SELECT COUNT(*) FROM notes WHERE orphaned = 1"))

    def count(self) -> int:
        return int(self.db.one("SELECT COUNT(*) FROM notes"))

    def select(self, where: str = "1=1", params: Sequence[Any] = ()) -> list[Note]:
        """Notes matching a condition on ``n`` (the notes table), newest first."""
        rows = self.db.query(f"{_SELECT} WHERE {where} ORDER BY n.updated_at DESC, n.id DESC", list(params))
        return [note_from_row(r) for r in rows]

    def find(self, *, note_id: int | None = None, doc: tuple[str, str, str] | None = None,
             target_kind: str | None = None, orphaned: bool | None = None) -> list[Note]:
        """Notes by id, by document (id, name, id prefix), by target kind and orphaned state."""
        where: list[str] = ["1=1"]
        params: list[Any] = []
        if note_id is not None:
            where.append("n.id = ?")
            params.append(int(note_id))
        if doc is not None:
            where.append("(n.doc_id = ? OR n.doc_name = ? OR n.doc_id LIKE ?)")
            params += [doc[0], doc[1], doc[2] + "%"]
        if target_kind:
            where.append("n.target_kind = ?")
            params.append(target_kind)
        if orphaned is not None:
            where.append("n.orphaned = ?")
            params.append(int(orphaned))
        return self.select(" AND ".join(where), params)

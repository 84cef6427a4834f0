"""Measures: incentives, targets and achievements found in documents, each with its sentence span."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kb.store.database import Database

COLUMNS = ("doc_id", "region", "kind", "amount", "unit", "cap", "rate", "year", "deadline", "condition", "theme",
           "policy_tool", "responsible", "start", "end", "amount_max", "qualifier", "cap_unit", "amount_text",
           "tool_basis")
_INSERT = (f"INSERT INTO measures ({', '.join(f'[{c}]' for c in COLUMNS)}) "
           f"VALUES ({', '.join('?' * len(COLUMNS))})")


class Measures:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, rows: Sequence[Sequence[Any]]) -> None:
        """Rows of values in ``COLUMNS`` order (one statement per document)."""
        if rows:
            self.db.executemany(_INSERT, rows)

    def rows(self, *, doc_ids: set[str] | Sequence[str] | None = None, kind: str | None = None,
             theme: str | None = None, ids: Sequence[int] | None = None) -> list[dict[str, Any]]:
        """Measures of imported documents with their sentence (``text``) and file name, in reading order."""
        where: list[str] = ["d.status = 'ok'"]
        params: list[Any] = []
        for col, value in (("m.kind", kind), ("m.theme", theme)):
            if value:
                where.append(f"{col} = ?")
                params.append(value)
        if ids is not None:
            where.append(f"m.id IN ({','.join('?' for _ in ids) or 'NULL'})")
            params += list(ids)
        rows = self.db.query(
            'SELECT m.*, d.name AS doc_name, substr(d.body, m.start + 1, m."end" - m.start) AS text '
            f"FROM measures m JOIN documents d ON d.id = m.doc_id WHERE {' AND '.join(where)} ORDER BY d.name, m.start",
            params)
        if doc_ids is not None:
            wanted = set(doc_ids)
            rows = [r for r in rows if r["doc_id"] in wanted]
        return rows

    def per_document(self) -> dict[str, int]:
        return {r["doc_id"]: r["n"] for r in self.db.query("SELECT doc_id, COUNT(*) AS n FROM measures GROUP BY doc_id")}

    def count(self) -> int:
        return int(self.db.one("SELECT COUNT(*) FROM measures"))

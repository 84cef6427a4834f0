"""Entities, their names, mentions and links, and the user's corrections of them.

Why a separate ``entity_names`` table: the same firm or park named in two documents (full name in
one, short form in the other) must be one entity; every name and alias points at its entity.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from kb.models import Entity, Link, Mention
from kb.store.database import Database
from kb.store.rows import entity_from_row, to_json

_ENTITY_SELECT = (
    "SELECT e.*, COUNT(m.id) AS n, GROUP_CONCAT(DISTINCT d.name) AS docs FROM entities e "
    "LEFT JOIN mentions m ON m.entity_id = e.id LEFT JOIN documents d ON d.id = m.doc_id "
)


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class Entities:
    def __init__(self, db: Database) -> None:
        self.db = db

    # writes (inside the caller's transaction) ---------------------------------------------

    def id_for(self, etype: str, names: Sequence[str]) -> int | None:
        for name in names:
            found = self.db.one("SELECT entity_id FROM entity_names WHERE type = ? AND name = ?", (etype, name))
            if found is not None:
                return int(found)
        return None

    def upsert(self, etype: str, name: str, aliases: Sequence[str], chain: Sequence[str]) -> int:
        """Find the entity by any of its names (cross-document dedupe) or create it; merge aliases."""
        names = [name, *aliases]
        with self.db.atomic():
            eid = self.id_for(etype, names)
            if eid is None:
                cur = self.db.execute(
                    "INSERT INTO entities (type, name, aliases, region, region_chain) VALUES (?, ?, ?, ?, ?)",
                    (etype, name, to_json(list(aliases)), chain[-1] if chain else None, to_json(list(chain))))
                eid = int(cur.lastrowid or 0)
            else:
                self._merge_names(eid, name, names, chain)
            self.db.executemany("INSERT OR IGNORE INTO entity_names (type, name, entity_id) VALUES (?, ?, ?)",
                                [(etype, n, eid) for n in names])
        return eid

    def _merge_names(self, eid: int, name: str, names: list[str], chain: Sequence[str]) -> None:
        row = self.db.query("SELECT name, aliases, region_chain FROM entities WHERE id = ?", (eid,))[0]
        old_aliases = json.loads(row["aliases"])
        merged = [a for a in dict.fromkeys([*old_aliases, *names]) if a != row["name"]]
        new_name = row["name"]
        if len(name) > len(row["name"]) and name != row["name"]:
            # The fuller form becomes canonical; the old one stays an alias.
            new_name = name
            merged = [a for a in dict.fromkeys([row["name"], *merged]) if a != new_name]
        old_chain = json.loads(row["region_chain"])
        new_chain = list(chain) if len(chain) > len(old_chain) else old_chain
        self.db.execute("UPDATE entities SET name = ?, aliases = ?, region = ?, region_chain = ? WHERE id = ?",
                        (new_name, to_json(merged), new_chain[-1] if new_chain else None, to_json(new_chain), eid))

    def add_mentions(self, rows: Iterable[tuple[int, str, int, int, str]]) -> None:
        """(entity id, doc id, start, end, text) rows."""
        self.db.executemany('INSERT INTO mentions (entity_id, doc_id, start, "end", text) VALUES (?, ?, ?, ?, ?)',
                            list(rows))

    def add_links(self, rows: Iterable[tuple[int, int, str, float, str | None, int | None, int | None]]) -> None:
        """(src, dst, kind, weight, doc id, start, end) rows."""
        self.db.executemany('INSERT INTO links (src, dst, kind, weight, doc_id, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?)',
                            list(rows))

    # reads --------------------------------------------------------------------------------

    def names(self, min_length: int = 2) -> list[str]:
        return [r["name"] for r in self.db.query("SELECT name FROM entity_names WHERE length(name) >= ?", (min_length,))]

    def all(self, *, etype: str | None = None, region: str | None = None, text: str | None = None) -> list[Entity]:
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
        rows = self.db.query(f"{_ENTITY_SELECT} WHERE {' AND '.join(where)} GROUP BY e.id ORDER BY n DESC, e.name",
                             params)
        located = self._located_in([r["id"] for r in rows])
        return [entity_from_row(r, located.get(r["id"], ())) for r in rows]

    def row(self, ref: int | str) -> dict[str, Any] | None:
        """By id, else by any name or alias (the canonical name first)."""
        if isinstance(ref, int) or ref.isdigit():
            rows = self.db.query("SELECT * FROM entities WHERE id = ?", (int(ref),))
        else:
            rows = self.db.query(
                "SELECT e.* FROM entity_names n JOIN entities e ON e.id = n.entity_id WHERE n.name = ? "
                "ORDER BY (e.name = ?) DESC LIMIT 1", (ref, ref))
        return rows[0] if rows else None

    def row_by_name(self, etype: str, name: str) -> dict[str, Any] | None:
        rows = self.db.query("SELECT e.* FROM entity_names n JOIN entities e ON e.id = n.entity_id "
                             "WHERE n.type = ? AND n.name = ? LIMIT 1", (etype, name))
        return rows[0] if rows else None

    def ids_named(self, name: str) -> list[int]:
        """Every entity (of any type) one of whose names is ``name``."""
        return [int(r["entity_id"]) for r in self.db.query("SELECT entity_id FROM entity_names WHERE name = ?", (name,))]

    def names_in(self, ids: Sequence[int], chain: Sequence[str]) -> list[str]:
        """The names in ``chain`` that name one of the entities ``ids`` (遵义 for 遵义市 too)."""
        found = set()
        for eid in ids:
            found |= {r["name"] for r in self.db.query("SELECT name FROM entity_names WHERE entity_id = ?", (eid,))}
        return [name for name in chain if name in found]

    def placed_in(self, eid: int) -> list[int]:
        """The ids of the parks and regions ``eid`` has a located_in link to."""
        return [int(r["dst"]) for r in self.db.query(
            "SELECT DISTINCT dst FROM links WHERE src = ? AND kind = 'located_in'", (eid,))]

    def get(self, eid: int) -> Entity | None:
        rows = self.db.query(f"{_ENTITY_SELECT} WHERE e.id = ? GROUP BY e.id", (eid,))
        return entity_from_row(rows[0], self._located_in([eid]).get(eid, ())) if rows else None

    def _located_in(self, ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
        out: dict[int, list[str]] = {}
        for chunk in _chunks(list(ids), 500):
            marks = ",".join("?" for _ in chunk)
            for r in self.db.query(
                f"SELECT DISTINCT l.src, e.name FROM links l JOIN entities e ON e.id = l.dst "
                f"WHERE l.kind = 'located_in' AND l.src IN ({marks})", chunk):
                out.setdefault(r["src"], []).append(r["name"])
        return {k: tuple(v) for k, v in out.items()}

    def links(self, eid: int) -> list[Link]:
        rows = self.db.query(
            "SELECT l.*, s.name AS src_name, s.type AS src_type, t.name AS dst_name, t.type AS dst_type, "
            "d.name AS doc_name, substr(d.body, l.start + 1, l.\"end\" - l.start) AS sentence "
            "FROM links l JOIN entities s ON s.id = l.src JOIN entities t ON t.id = l.dst "
            "LEFT JOIN documents d ON d.id = l.doc_id WHERE l.src = ? OR l.dst = ? "
            "ORDER BY (l.kind = 'co_mention'), l.weight DESC", (eid, eid))
        return [Link(r["src"], r["src_name"], r["src_type"], r["dst"], r["dst_name"], r["dst_type"], r["kind"],
                     float(r["weight"]), r["doc_name"], r["start"], r["end"], r["sentence"] or "") for r in rows]

    def mentions(self, *, entity_id: int | None = None, doc_id: str | None = None) -> list[Mention]:
        where, param = ("m.entity_id = ?", entity_id) if entity_id is not None else ("m.doc_id = ?", doc_id)
        rows = self.db.query(
            "SELECT m.*, e.type, e.name AS ename, d.name AS doc_name FROM mentions m "
            "JOIN entities e ON e.id = m.entity_id JOIN documents d ON d.id = m.doc_id "
            f"WHERE {where} AND d.status = 'ok' ORDER BY d.name, m.start", (param,))
        return [Mention(r["entity_id"], r["type"], r["ename"], r["doc_id"], r["doc_name"], r["start"], r["end"], r["text"])
                for r in rows]

    def per_document(self) -> dict[str, int]:
        """How many distinct entities each document mentions (the library view's column)."""
        return {r["doc_id"]: r["n"] for r in self.db.query(
            "SELECT doc_id, COUNT(DISTINCT entity_id) AS n FROM mentions GROUP BY doc_id")}

    def counts(self) -> dict[str, int]:
        return {r["type"]: r["n"] for r in self.db.query("SELECT type, COUNT(*) AS n FROM entities GROUP BY type")}

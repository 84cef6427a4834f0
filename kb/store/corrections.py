"""The user's corrections of entities, stored and applied to the store.

They are kept as a log, not only applied, because every re-import extracts the entities again:
the importer replays the log on what it found (``kb.corrections``), this module applies one
correction to what is already stored.
"""

from __future__ import annotations

import json
from typing import Any

from kb.corrections import chain_after_unplace, placed_only
from kb.store.database import Database
from kb.store.rows import to_json


class Corrections:
    def __init__(self, db: Database) -> None:
        self.db = db

    def all(self) -> list[dict[str, Any]]:
        return self.db.query("SELECT action, type, name, value FROM corrections ORDER BY id")

    def add(self, action: str, etype: str, name: str, value: str | None, created_at: str) -> None:
        self.db.execute("INSERT INTO corrections (action, type, name, value, created_at) VALUES (?, ?, ?, ?, ?)",
                        (action, etype, name, value, created_at))

    def apply(self, row: dict[str, Any], action: str, value: str | None) -> int | None:
        """Apply one correction to a stored entity ``row``; the id of the entity it leaves (None once deleted)."""
        eid = int(row["id"])
        with self.db.atomic():
            if action == "delete":
                self.db.execute("DELETE FROM entities WHERE id = ?", (eid,))
                return None
            if action == "retype":
                target = self.db.one("SELECT entity_id FROM entity_names WHERE type = ? AND name = ?", (value, row["name"]))
                if target is not None:
                    return self._merge_into(eid, int(target))
                self.db.execute("UPDATE entities SET type = ? WHERE id = ?", (value, eid))
                self.db.execute("UPDATE entity_names SET type = ? WHERE entity_id = ?", (value, eid))
                return eid
            target = self.db.one("SELECT entity_id FROM entity_names WHERE type = ? AND name = ?", (row["type"], value))
            if target is not None and int(target) != eid:
                return self._merge_into(eid, int(target))
            aliases = [a for a in dict.fromkeys([*json.loads(row["aliases"]), row["name"]]) if a != value]
            self.db.execute("UPDATE entities SET name = ?, aliases = ? WHERE id = ?", (value, to_json(aliases), eid))
            self.db.execute("INSERT OR IGNORE INTO entity_names (type, name, entity_id) VALUES (?, ?, ?)",
                            (row["type"], value, eid))
            return eid

    def unplace(self, eid: int, targets: list[int] | None, region: str | None = None) -> list[int]:
        """Drop ``eid``'s located_in links to ``targets`` (None: to anything); the ids it lay in.

        Its region is re-derived (``kb.corrections.chain_after_unplace``) from the places it still lies
        in; ``region``: a region its chain names that no link placed it in (the document's own region).
        """
        links = self.db.query("SELECT id, dst FROM links WHERE src = ? AND kind = 'located_in'", (eid,))
        gone = [r for r in links if targets is None or r["dst"] in targets]
        with self.db.atomic():
            self.db.executemany("DELETE FROM links WHERE id = ?", [(r["id"],) for r in gone])
            removed = list(dict.fromkeys(int(r["dst"]) for r in gone))
            self._rederive_chain(eid, removed, anywhere=targets is None, also=region)
        return removed

    def unlink(self, a: int, b: int, kind: str) -> int:
        """Drop every ``kind`` link between ``a`` and ``b`` (either way); how many there were."""
        rows = self.db.query("SELECT id, src, dst FROM links WHERE kind = ? AND ((src = ? AND dst = ?) OR "
                             "(src = ? AND dst = ?))", (kind, a, b, b, a))
        with self.db.atomic():
            self.db.executemany("DELETE FROM links WHERE id = ?", [(r["id"],) for r in rows])
            if kind == "located_in":
                for src in {int(r["src"]) for r in rows}:
                    self._rederive_chain(src, [int(r["dst"]) for r in rows if r["src"] == src], anywhere=False)
        return len(rows)

    def _rederive_chain(self, eid: int, removed: list[int], *, anywhere: bool, also: str | None = None) -> None:
        row = self.db.query("SELECT type, name, region_chain FROM entities WHERE id = ?", (eid,))[0]
        chain = json.loads(row["region_chain"])
        gone: list[tuple[set[str], list[str]]] = [({also}, [])] if also else []
        for target in removed:
            names = {r["name"] for r in self.db.query("SELECT name FROM entity_names WHERE entity_id = ?", (target,))}
            place = self.db.query("SELECT region_chain FROM entities WHERE id = ?", (target,))
            gone.append((names, json.loads(place[0]["region_chain"]) if place else []))
        remaining = [json.loads(r["region_chain"]) for r in self.db.query(
            "SELECT e.region_chain FROM links l JOIN entities e ON e.id = l.dst "
            "WHERE l.src = ? AND l.kind = 'located_in'", (eid,))]
        new = chain_after_unplace(chain, gone, remaining, anywhere, placed_only(row["type"], row["name"]))
        if new != tuple(chain):
            self.db.execute("UPDATE entities SET region = ?, region_chain = ? WHERE id = ?",
                            (new[-1] if new else None, to_json(list(new)), eid))

    def _merge_into(self, src: int, dst: int) -> int:
        names = [r["name"] for r in self.db.query("SELECT name FROM entity_names WHERE entity_id = ?", (src,))]
        target = self.db.query("SELECT name, aliases FROM entities WHERE id = ?", (dst,))[0]
        merged = [a for a in dict.fromkeys([*json.loads(target["aliases"]), *names]) if a != target["name"]]
        self.db.execute("UPDATE entities SET aliases = ? WHERE id = ?", (to_json(merged), dst))
        self.db.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", (dst, src))
        self.db.execute("UPDATE links SET src = ? WHERE src = ?", (dst, src))
        self.db.execute("UPDATE links SET dst = ? WHERE dst = ?", (dst, src))
        self.db.execute("DELETE FROM links WHERE src = dst")
        self.db.execute("UPDATE OR IGNORE entity_names SET entity_id = ?, type = (SELECT type FROM entities WHERE id = ?) "
                        "WHERE entity_id = ?", (dst, dst, src))
        self.db.execute("DELETE FROM entities WHERE id = ?", (src,))
        return dst

"""The user's corrections of entities, stored and applied to the store.

They are kept as a log, not only applied, because every re-import extracts the entities again:
the importer replays the log on what it found (``kb.corrections``), this module applies one
correction to what is already stored.
"""

from __future__ import annotations

import json
from typing import Any

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

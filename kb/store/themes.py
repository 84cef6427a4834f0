"""The comparison's theme rows, in the user's order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kb.models import Theme
from kb.store.database import Database
from kb.store.rows import to_json


class Themes:
    def __init__(self, db: Database) -> None:
        self.db = db

    def rows(self) -> list[dict[str, Any]]:
        return self.db.query("SELECT key, label, query, measure_themes, position FROM themes ORDER BY position, id")

    def seed(self, themes: Sequence[Theme]) -> None:
        self.db.executemany(
            "INSERT OR IGNORE INTO themes (key, label, query, measure_themes, position) VALUES (?, ?, ?, ?, ?)",
            [(t.key, t.label, t.query, to_json(list(t.measure_themes)), t.position) for t in themes])

    def insert(self, key: str, label: str, query: str, measure_themes: Sequence[str], position: int) -> None:
        self.db.execute("INSERT INTO themes (key, label, query, measure_themes, position) VALUES (?, ?, ?, ?, ?)",
                        (key, label, query, to_json(list(measure_themes)), position))

    def update(self, key: str, values: dict[str, Any]) -> None:
        if "measure_themes" in values:
            values = values | {"measure_themes": to_json(list(values["measure_themes"]))}
        sets = ", ".join(f"{k} = ?" for k in values)
        self.db.execute(f"UPDATE themes SET {sets} WHERE key = ?", [*values.values(), key])

    def delete(self, key: str) -> None:
        self.db.execute("DELETE FROM themes WHERE key = ?", (key,))

    def clear(self) -> None:
        self.db.execute("DELETE FROM themes")

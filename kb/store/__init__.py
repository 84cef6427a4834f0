"""All of Zhiku's SQL: the schema and its migrations, small repositories, one transaction helper.

No module outside this package writes or reads SQL. A repository knows its tables and returns
rows or ``kb.models`` dataclasses; it knows nothing of the parts that use it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from kb.store.corrections import Corrections
from kb.store.database import Database
from kb.store.documents import Documents
from kb.store.entities import Entities
from kb.store.measures import Measures
from kb.store.notes import NoteRows
from kb.store.schema import SCHEMA_VERSION
from kb.store.themes import Themes


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """The knowledge base's SQLite file and its repositories."""

    def __init__(self, path: Path | str, *, readonly: bool = False) -> None:
        self.db = Database(path, readonly=readonly)
        self.documents = Documents(self.db)
        self.entities = Entities(self.db)
        self.corrections = Corrections(self.db)
        self.measures = Measures(self.db)
        self.notes = NoteRows(self.db)
        self.themes = Themes(self.db)

    @property
    def readonly(self) -> bool:
        return self.db.readonly

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """One transaction around several repositories' writes."""
        with self.db.atomic():
            yield

    def close(self) -> None:
        self.db.close()


__all__ = ["SCHEMA_VERSION", "Store", "now"]

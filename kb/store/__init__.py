"""SQLite store (sqlite-utils): schema, migrations and queries. No other package writes SQL."""

from kb.store.db import Store
from kb.store.schema import SCHEMA_VERSION

__all__ = ["Store", "SCHEMA_VERSION"]

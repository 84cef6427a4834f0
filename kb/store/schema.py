"""The one place the SQLite schema lives, as numbered migrations.

``migrate(db)`` brings any older knowledge base up to ``SCHEMA_VERSION``; each step runs in a
transaction and records itself in ``PRAGMA user_version``. Add a step, never edit a shipped one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from kb.errors import ZhikuError

MIGRATIONS: list[str] = [
    # 1: documents, passages, entities, mentions, links, measures, notes, themes, corrections
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,            -- sha256 of the file's bytes
        name TEXT NOT NULL,             -- source file name
        path TEXT NOT NULL,
        title TEXT NOT NULL,
        date TEXT,
        source TEXT,
        region TEXT,
        region_chain TEXT NOT NULL DEFAULT '[]',   -- JSON list, top -> bottom
        kind TEXT NOT NULL DEFAULT 'other',
        issuer TEXT,
        doc_number TEXT,
        body TEXT NOT NULL,
        raw TEXT NOT NULL,
        removed TEXT NOT NULL DEFAULT '[]',        -- JSON [[start, end, reason], ...] in raw
        headings TEXT NOT NULL DEFAULT '[]',       -- JSON [[start, level, text], ...] in body
        chars INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'pending',    -- 'pending' until store and index both have it
        imported_at TEXT NOT NULL
    );
    CREATE INDEX documents_name ON documents(name);
    CREATE TABLE passages (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        section TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX passages_doc ON passages(doc_id, start);
    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '[]',
        region TEXT,
        region_chain TEXT NOT NULL DEFAULT '[]',
        UNIQUE(type, name)
    );
    -- Every name and alias of an entity, so the same firm or park from two documents is one entity.
    CREATE TABLE entity_names (
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        PRIMARY KEY (type, name)
    );
    CREATE INDEX entity_names_entity ON entity_names(entity_id);
    CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX mentions_entity ON mentions(entity_id);
    CREATE INDEX mentions_doc ON mentions(doc_id, start);
    CREATE TABLE links (
        id INTEGER PRIMARY KEY,
        src INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        dst INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        weight REAL NOT NULL DEFAULT 1,
        doc_id TEXT REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER,
        "end" INTEGER
    );
    CREATE INDEX links_src ON links(src);
    CREATE INDEX links_dst ON links(dst);
    CREATE TABLE measures (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        region TEXT,
        kind TEXT NOT NULL,
        amount REAL,
        unit TEXT,
        cap REAL,
        rate REAL,
        year INTEGER,
        deadline TEXT,
        condition TEXT,
        theme TEXT,
        policy_tool TEXT,
        responsible TEXT NOT NULL DEFAULT '[]',
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL
    );
    CREATE INDEX measures_doc ON measures(doc_id);
    -- Notes outlive documents: no foreign key, anchored by content hash + quote + context.
    CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        doc_id TEXT,                   -- content hash of the document when anchored
        doc_name TEXT,
        quote TEXT NOT NULL DEFAULT '',
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        start INTEGER,
        "end" INTEGER,
        comment TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]',
        target_kind TEXT NOT NULL DEFAULT 'quote',   -- quote | entity | measure | cell
        target_ref TEXT,
        orphaned INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE themes (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        label TEXT NOT NULL,
        query TEXT NOT NULL,
        measure_themes TEXT NOT NULL DEFAULT '[]',
        position INTEGER NOT NULL DEFAULT 0
    );
    -- User corrections of entities, replayed after every re-extraction.
    CREATE TABLE corrections (
        id INTEGER PRIMARY KEY,
        action TEXT NOT NULL,          -- rename | retype | merge | delete | unplace | unlink
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        value TEXT,
        created_at TEXT NOT NULL
    );
    """,
    # 2: a document's source URL, access date and import warnings; its original bytes (compressed, for
    #    re-reading after a reader fix); measures keep figures as written (ranges, qualifiers, cap units)
    #    and the words that decided their policy instrument
    """
    ALTER TABLE documents ADD COLUMN url TEXT;
    ALTER TABLE documents ADD COLUMN accessed TEXT;
    ALTER TABLE documents ADD COLUMN warnings TEXT NOT NULL DEFAULT '[]';
    CREATE TABLE originals (
        doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        codec TEXT NOT NULL,           -- how ``data`` is compressed (zlib, lzma, ...)
        data BLOB NOT NULL
    );
    ALTER TABLE measures ADD COLUMN amount_max REAL;
    ALTER TABLE measures ADD COLUMN qualifier TEXT;
    ALTER TABLE measures ADD COLUMN cap_unit TEXT;
    ALTER TABLE measures ADD COLUMN amount_text TEXT;
    ALTER TABLE measures ADD COLUMN tool_basis TEXT;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection, log: Callable[[str], None] | None = None, *, upto: int | None = None) -> int:
    """Apply every migration newer than the database's ``user_version`` (up to ``upto``); return the version.

    A database newer than this code (a later Zhiku wrote it) is refused rather than misread.
    """
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise ZhikuError(f"this knowledge base was written by a newer Zhiku (schema {version}; "
                         f"this one knows {SCHEMA_VERSION}): update Zhiku to open it")
    last = SCHEMA_VERSION if upto is None else upto
    for number, script in enumerate(MIGRATIONS[version:last], start=version + 1):
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")
        if log:
            log(f"migrated knowledge base to schema {number}")
    return max(version, last)

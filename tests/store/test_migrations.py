"""Every migration, from an empty file and from each older schema version, ends at the same schema
with the user's rows intact."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kb.errors import ZhikuError
from kb.store import SCHEMA_VERSION, Store
from kb.store.schema import MIGRATIONS, migrate

# Rows a user of each schema version could have: inserted right after migrating to that version.
ROWS = {
    1: [
        "INSERT INTO documents (id, name, path, title, date, region_chain, kind, body, raw, status, imported_at) "
        "VALUES ('d1', 'a.txt', '/x/a.txt', '某市数字经济方案', '2023-05-01', '[\"湖北省\", \"宜昌市\"]', 'plan', "
        "'正文第一段。第二段。', '正文第一段。第二段。', 'ok', '2023-05-02T00:00:00+00:00')",
        "INSERT INTO passages (doc_id, ordinal, start, \"end\", section) VALUES ('d1', 0, 0, 6, '一、总则')",
        "INSERT INTO entities (id, type, name, aliases, region, region_chain) VALUES (1, 'park', '某数字产业园', '[]', "
        "'宜昌市', '[\"湖北省\", \"宜昌市\"]')",
        "INSERT INTO entity_names (type, name, entity_id) VALUES ('park', '某数字产业园', 1)",
        "INSERT INTO mentions (entity_id, doc_id, start, \"end\", text) VALUES (1, 'd1', 0, 2, '正文')",
        "INSERT INTO measures (doc_id, kind, amount, unit, start, \"end\") VALUES ('d1', 'award', 50, '万元', 0, 6)",
        "INSERT INTO notes (doc_id, doc_name, quote, comment, created_at, updated_at) "
        "VALUES ('d1', 'a.txt', '正文', '我的评注', 'now', 'now')",
        "INSERT INTO themes (key, label, query, position) VALUES ('t', '人才', '人才', 0)",
        "INSERT INTO corrections (action, type, name, value, created_at) VALUES ('rename', 'park', '甲', '乙', 'now')",
    ],
    2: [
        "UPDATE documents SET url = 'http://www.example.gov.cn/a.html', accessed = '2026-12-01' WHERE id = 'd1'",
        "INSERT INTO originals (doc_id, codec, data) VALUES ('d1', 'zlib', x'789c030000000001')",
        "UPDATE measures SET amount_max = 80, qualifier = '≥', amount_text = '50-80万元' WHERE doc_id = 'd1'",
    ],
}


def _schema(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY 1, 2").fetchall()
        cols = [(t, f"{t}.{c[1]}:{c[2]}") for (_, t) in rows if _ == "table"
                for c in conn.execute(f"PRAGMA table_info([{t}])")]
        return sorted(rows + cols)
    finally:
        conn.close()


def _at_version(path: Path, version: int) -> None:
    """A database as a Zhiku of schema ``version`` left it, with that version's rows."""
    conn = sqlite3.connect(path, isolation_level=None)
    for v in range(1, version + 1):
        migrate(conn, upto=v)
        for sql in ROWS.get(v, []):
            conn.execute(sql)
    conn.close()


def test_rows_cover_every_version() -> None:
    assert sorted(ROWS) == list(range(1, SCHEMA_VERSION + 1)), "add sample rows for the new migration"


def test_an_empty_file_gets_the_latest_schema(tmp_path: Path) -> None:
    store = Store(tmp_path / "new.sqlite")
    assert store.db.one("PRAGMA user_version") == SCHEMA_VERSION == len(MIGRATIONS)
    assert store.documents.all() == [] and store.notes.count() == 0
    store.close()
    Store(tmp_path / "new.sqlite").close()  # opening again migrates nothing and fails nothing


@pytest.mark.parametrize("version", range(0, SCHEMA_VERSION))
def test_each_older_version_migrates_to_the_latest_keeping_rows(tmp_path: Path, version: int) -> None:
    old = tmp_path / "old.sqlite"
    _at_version(old, version)
    fresh = tmp_path / "fresh.sqlite"
    Store(fresh).close()
    store = Store(old)
    try:
        assert store.db.one("PRAGMA user_version") == SCHEMA_VERSION
        if version >= 1:
            (doc,) = store.documents.all()
            assert doc.title == "某市数字经济方案" and doc.region_chain == ("湖北省", "宜昌市")
            assert [n.comment for n in store.notes.find()] == ["我的评注"]
            assert store.entities.row("某数字产业园") is not None
            assert store.corrections.all()[0]["value"] == "乙"
            assert store.measures.rows()[0]["amount"] == 50
            assert store.db.integrity() == "ok"
    finally:
        store.close()
    assert _schema(old) == _schema(fresh)


def test_a_newer_schema_is_refused_not_misread(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(ZhikuError, match="newer Zhiku"):
        Store(path)

"""The two peers Zhiku is measured against, indexing the very passages Zhiku indexed.

* ``fts5_trigram``: SQLite FTS5 with the ``trigram`` tokenizer over an external-content table.
  Trigrams cannot match a term shorter than three characters, and on SQLite < 3.42 ``LIKE`` on a
  trigram table returns nothing, so terms of one or two characters are checked with a plain
  ``LIKE '%xx%'`` scan of the content table (no ranking); the result JSON says so.
* ``whoosh_stock_jieba``: Whoosh with jieba's stock ``ChineseAnalyzer`` and Whoosh's default
  ``QueryParser`` over the same query strings, highlights by ``Hit.highlights``.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from bench.queries import Query

log = logging.getLogger(__name__)

FTS5_NOTE = ("SQLite {version}: trigram needs >= 3 characters, so 1-2 character terms use a LIKE scan "
             "of the content table (unranked)")


def read_passages(path: Path) -> Iterator[dict[str, Any]]:
    """Rows of the shared passage file: ``{"id", "doc", "text"}``."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _regions(manifest: dict[str, list[str]], doc: str) -> list[str]:
    return list(manifest.get(doc, ()))


# SQLite FTS5 trigram ---------------------------------------------------------------------------

class Fts5Trigram:
    name = "fts5_trigram"

    def __init__(self, directory: Path) -> None:
        self.path = directory / "fts5.sqlite"

    @staticmethod
    def note() -> str:
        return FTS5_NOTE.format(version=sqlite3.sqlite_version)

    def build(self, passages: Iterable[dict[str, Any]], manifest: dict[str, list[str]]) -> int:
        """Index every passage; returns the count."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path)
        conn.executescript("""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE passages(id INTEGER PRIMARY KEY, doc TEXT, regions TEXT, text TEXT);
            CREATE VIRTUAL TABLE fts USING fts5(text, content='passages', content_rowid='id', tokenize='trigram');
        """)
        n = 0
        with conn:
            batch: list[tuple[int, str, str, str]] = []
            for p in passages:
                batch.append((p["id"], p["doc"], " " + " ".join(_regions(manifest, p["doc"])) + " ", p["text"]))
                if len(batch) >= 5000:
                    n += self._insert(conn, batch)
                    batch = []
            n += self._insert(conn, batch)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        return n

    @staticmethod
    def _insert(conn: sqlite3.Connection, rows: list[tuple[int, str, str, str]]) -> int:
        conn.executemany("INSERT INTO passages VALUES (?, ?, ?, ?)", rows)
        conn.executemany("INSERT INTO fts(rowid, text) VALUES (?, ?)", [(r[0], r[3]) for r in rows])
        return len(rows)

    def open(self) -> None:
        self.conn = sqlite3.connect(self.path)

    def close(self) -> None:
        self.conn.close()

    def _sql(self, q: Query, limit: int | None, snippets: bool) -> tuple[str, list[Any]]:
        long_terms = [t for t in q.terms if len(t) >= 3]
        short_terms = [t for t in q.terms if len(t) < 3]
        where: list[str] = []
        args: list[Any] = []
        for t in short_terms:
            where.append("p.text LIKE ?")
            args.append(f"%{t}%")
        if q.region:
            where.append("instr(p.regions, ?) > 0")
            args.append(f" {q.region} ")
        if long_terms:
            match = " ".join('"' + t.replace('"', '""') + '"' for t in long_terms)
            cols = "p.id, snippet(fts, 0, '[', ']', '…', 24)" if snippets else "p.id"
            sql = (f"SELECT {cols} FROM fts JOIN passages p ON p.id = fts.rowid WHERE fts MATCH ?"
                   + "".join(" AND " + w for w in where) + " ORDER BY fts.rank")
            args.insert(0, match)
        else:
            sql = f"SELECT p.id{', p.text' if snippets else ''} FROM passages p WHERE " + " AND ".join(where)
        if limit:
            sql += f" LIMIT {int(limit)}"
        return sql, args

    def search_top(self, q: Query, limit: int = 10) -> list[tuple[int, str]]:
        """Top hits with a highlighted snippet each (SQLite's ``snippet()``, or a cut for LIKE hits)."""
        sql, args = self._sql(q, limit, snippets=True)
        rows = self.conn.execute(sql, args).fetchall()
        if rows and not any(len(t) >= 3 for t in q.terms):
            return [(pid, _cut_snippet(text, q.terms[0])) for pid, text in rows]
        return [(pid, snip) for pid, snip in rows]

    def search_all(self, q: Query) -> set[int]:
        sql, args = self._sql(q, None, snippets=False)
        return {r[0] for r in self.conn.execute(sql, args)}

    def sizes(self) -> dict[str, float]:
        conn = sqlite3.connect(self.path)
        try:
            rows = dict(conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall())
        except sqlite3.Error:
            rows = {}
        conn.close()
        total = self.path.stat().st_size
        index = sum(v for k, v in rows.items() if k.startswith("fts"))
        return {"index_mb": _mb(index), "store_mb": _mb(total - index), "total_mb": _mb(total)}


def _cut_snippet(text: str, term: str, width: int = 48) -> str:
    i = text.find(term)
    if i < 0:
        return text[:width]
    s = max(0, i - width // 2)
    return text[s:i] + "[" + term + "]" + text[i + len(term): i + len(term) + width // 2]


# Whoosh + jieba's stock ChineseAnalyzer ----------------------------------------------------------

class WhooshStockJieba:
    name = "whoosh_stock_jieba"

    def __init__(self, directory: Path) -> None:
        self.path = directory / "whoosh"

    @staticmethod
    def note() -> str:
        return "Whoosh default QueryParser over jieba.analyse.ChineseAnalyzer (search-mode cut, stop words)"

    def build(self, passages: Iterable[dict[str, Any]], manifest: dict[str, list[str]]) -> int:
        from jieba.analyse import ChineseAnalyzer
        from whoosh import index
        from whoosh.fields import ID, KEYWORD, TEXT, Schema

        schema = Schema(pid=ID(stored=True), region=KEYWORD, text=TEXT(analyzer=ChineseAnalyzer(), stored=True))
        self.path.mkdir(parents=True, exist_ok=True)
        ix = index.create_in(str(self.path), schema)
        writer = ix.writer()
        n = 0
        for p in passages:
            writer.add_document(pid=str(p["id"]), region=" ".join(_regions(manifest, p["doc"])), text=p["text"])
            n += 1
        writer.commit()
        ix.close()
        return n

    def open(self) -> None:
        from whoosh import index
        from whoosh.qparser import QueryParser

        self.ix = index.open_dir(str(self.path))
        self.searcher = self.ix.searcher()
        self.parser = QueryParser("text", self.ix.schema)

    def close(self) -> None:
        self.searcher.close()
        self.ix.close()

    def search_top(self, q: Query, limit: int = 10) -> list[tuple[int, str]]:
        results = self.searcher.search(self.parser.parse(q.text), limit=limit)
        return [(int(hit["pid"]), hit.highlights("text")) for hit in results]

    def search_all(self, q: Query) -> set[int]:
        docnums = self.searcher.docs_for_query(self.parser.parse(q.text))
        return {int(self.searcher.stored_fields(d)["pid"]) for d in docnums}

    def sizes(self) -> dict[str, float]:
        total = sum(f.stat().st_size for f in self.path.rglob("*") if f.is_file())
        # The passage text is stored inside the index: there is no separate store.
        return {"index_mb": _mb(total), "store_mb": 0.0, "total_mb": _mb(total)}


PEERS = {Fts5Trigram.name: Fts5Trigram, WhooshStockJieba.name: WhooshStockJieba}


def _mb(n: float) -> float:
    return round(n / 1_048_576, 2)

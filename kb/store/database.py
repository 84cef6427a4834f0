"""One SQLite file: a writer connection behind a lock, and a reader connection per thread.

Why two kinds of connection: an import writes for minutes, one document per transaction, while
the app keeps reading (notes, comparison, search). In WAL mode a reader never waits for the
writer, so reads go to the calling thread's own connection and only writes queue for the lock.
Inside ``atomic()`` the writing thread reads through the writer connection, so it sees its own
uncommitted rows. Every write goes through ``atomic()``: the one transaction helper (sqlite-utils'
``atomic``, which nests as savepoints).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlite_utils

from kb.errors import ReadOnlyError, ZhikuError
from kb.fileio import DiskFullError, is_disk_full, no_space_left
from kb.store.schema import SCHEMA_VERSION, migrate

log = logging.getLogger(__name__)

Params = Sequence[Any] | dict[str, Any]


def _connect(path: str, *, readonly: bool) -> sqlite3.Connection:
    if readonly and path != ":memory:":
        conn = _connect_readonly(path)
    else:
        conn = sqlite3.connect(path, check_same_thread=False)
    conn.isolation_level = None  # explicit transactions only (atomic)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def _connect_readonly(path: str) -> sqlite3.Connection:
    """A connection that never writes, even where SQLite cannot create its shared-memory file.

    A WAL database needs ``-shm`` beside it; once the last connection has closed, that file is gone
    and a reader must create it, which fails on a full disk or read-only media ("disk I/O error").
    Then, if no write-ahead log holds changes (nobody writes, the last writer closed cleanly), the
    file is read as immutable: no shared memory, no locks.
    """
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    try:
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        wal = Path(path + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise _open_error(path, exc) from exc
        log.info("reading %s without shared memory (%s)", path, exc)
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    return conn


def _open_error(path: str, exc: sqlite3.Error, *, writing: bool = False) -> ZhikuError:
    folder = Path(path).parent
    if is_disk_full(exc) or no_space_left(folder):
        if writing:
            return DiskFullError(f"the disk holding {folder} is full: nothing can be written to the library until "
                                 "some space is freed (searching and reading it still work)")
        return DiskFullError(f"the disk holding {folder} is full and the library's last changes wait in its "
                             "write-ahead log: free some space to read it")
    return ZhikuError(f"cannot open the library {path}: {exc}")


class Database:
    """The knowledge base's SQLite file, shared safely by the app's threads."""

    def __init__(self, path: Path | str, *, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        self._lock = threading.RLock()  # the writer's
        self._readers_lock = threading.Lock()
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._writer: sqlite_utils.Database | None = None
        if not readonly:
            conn = _connect(self.path, readonly=False)
            try:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
                migrate(conn, log.info)
            except sqlite3.OperationalError as exc:
                conn.close()
                raise _open_error(self.path, exc, writing=True) from exc
            self._writer = sqlite_utils.Database(conn, execute_plugins=False)
        else:
            self._reader()  # fail now, with the file's own error, if it cannot be read

    def close(self) -> None:
        with self._readers_lock:
            for conn in self._readers:
                conn.close()
            self._readers.clear()
        with self._lock:
            if self._writer is not None:
                self._writer.close()
                self._writer = None

    # connections ------------------------------------------------------------------------

    def _reader(self) -> sqlite3.Connection:
        conn = getattr(self._local, "reader", None)
        if conn is None:
            if self.path == ":memory:" and self._writer is not None:
                return self._writer.conn  # one in-memory database: nobody else could see it
            conn = _connect(self.path, readonly=self.readonly)
            with self._readers_lock:
                self._readers.append(conn)
            self._local.reader = conn
        return conn

    def _in_write(self) -> bool:
        return getattr(self._local, "depth", 0) > 0

    @property
    def conn(self) -> sqlite3.Connection:
        """The connection this thread reads with now (the writer's inside ``atomic``)."""
        if self._in_write():
            assert self._writer is not None
            return self._writer.conn
        return self._reader()

    # transactions -----------------------------------------------------------------------

    @contextmanager
    def atomic(self) -> Iterator[sqlite_utils.Database]:
        """One atomic write: commits on success, rolls back on any exception.

        A nested block joins the outer transaction (no savepoint: the import nests one per
        entity, and an error anywhere undoes the whole document anyway).
        """
        if self._writer is None:
            raise ReadOnlyError("the knowledge base is open read-only")
        with self._lock:
            depth = getattr(self._local, "depth", 0)
            self._local.depth = depth + 1
            try:
                if depth:
                    yield self._writer
                else:
                    with self._writer.atomic():
                        yield self._writer
            except sqlite3.OperationalError as exc:
                if is_disk_full(exc):
                    raise DiskFullError(f"the disk holding {Path(self.path).parent} is full: the last change "
                                        "was not saved (free some space and try again)") from exc
                raise
            finally:
                self._local.depth = depth

    # statements ---------------------------------------------------------------------------

    def query(self, sql: str, params: Params = ()) -> list[dict[str, Any]]:
        """Rows as dicts, from this thread's connection."""
        cur = self.conn.execute(sql, params)
        cols = [c[0] for c in cur.description or ()]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    def one(self, sql: str, params: Params = ()) -> Any:
        """The first column of the first row, or None."""
        row = self.conn.execute(sql, params).fetchone()
        return row[0] if row else None

    def execute(self, sql: str, params: Params = ()) -> sqlite3.Cursor:
        """A write statement, inside the caller's transaction (or its own)."""
        with self.atomic() as db:
            return db.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Params]) -> int:
        """The same write for many rows; how many rows it changed."""
        with self.atomic() as db:
            return int(db.conn.executemany(sql, rows).rowcount)

    def table(self, name: str) -> sqlite_utils.db.Table:
        """A sqlite-utils table for writes (insert, update), inside ``atomic``."""
        if not self._in_write():
            raise RuntimeError("write through a table only inside atomic()")
        assert self._writer is not None
        return self._writer.table(name)

    def schema_outdated(self) -> bool:
        """Was the file written by an older Zhiku (a writer must migrate it before it is read)?"""
        return int(self.one("PRAGMA user_version") or 0) < SCHEMA_VERSION

    def integrity(self) -> str:
        return str(self.one("PRAGMA integrity_check"))

    def backup_to(self, target: Path) -> None:
        """A consistent copy of the whole file (SQLite's online backup)."""
        out = sqlite3.connect(str(target))
        try:
            with out:
                self.conn.backup(out)
        finally:
            out.close()

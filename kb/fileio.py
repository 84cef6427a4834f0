"""Files written whole or not at all, and the operating system's refusals named for people.

Why a temporary file beside the target: a rename within one folder is atomic, so a kill, a full
disk or an exception mid-write leaves the previous file as it was and never half a new one (a
truncated CSV looks complete). Why named errors: "Errno 30" or a traceback tells a user nothing;
"the file system is read-only" does.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from kb.errors import ZhikuError

_FULL = {errno.ENOSPC, errno.EDQUOT}
_SQLITE_FULL = 13


class DiskFullError(ZhikuError):
    """The disk (or the user's quota) is full: nothing half-written was kept."""


class WriteError(ZhikuError):
    """A file could not be written: read-only file system, permission, a folder in the way."""


def is_disk_full(exc: BaseException) -> bool:
    """An OSError or SQLite error that means "no space left" (or a quota)."""
    if isinstance(exc, DiskFullError):
        return True
    if isinstance(exc, OSError):
        return exc.errno in _FULL
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        return code is not None and code & 0xFF == _SQLITE_FULL or "disk is full" in str(exc)
    return False


def no_space_left(folder: Path) -> bool:
    """Is the file system holding ``folder`` (all but) full? (SQLite reports a full disk as an I/O error
    when it cannot grow its shared-memory file.)"""
    with contextlib.suppress(OSError):
        st = os.statvfs(folder)
        return st.f_bavail * st.f_frsize < 64 * 1024
    return False


def describe(exc: OSError, path: Path | str) -> ZhikuError:
    """The error a user should see for an OSError while writing ``path``."""
    where = Path(path)
    code = exc.errno
    if code in _FULL:
        return DiskFullError(f"the disk is full: {where} was not written (free some space and try again)")
    if code == errno.EROFS:
        return WriteError(f"cannot write {where}: the file system is read-only")
    if code in (errno.EACCES, errno.EPERM):
        return WriteError(f"cannot write {where}: permission denied")
    if code == errno.EISDIR:
        return WriteError(f"cannot write {where}: it is a folder; give a file name")
    if code == errno.EFBIG:
        return WriteError(f"cannot write {where}: the file is larger than this file system (or limit) allows")
    if code == errno.ENOENT:
        return WriteError(f"cannot write {where}: its folder does not exist")
    return WriteError(f"cannot write {where}: {exc.strerror or exc}")


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target`` to write; renamed over ``target`` only when the block succeeds.

    OSErrors (full disk, read-only file system, permission) come out as named ``ZhikuError``s.
    """
    if target.is_dir():
        raise WriteError(f"cannot write {target}: it is a folder; give a file name")
    tmp = target.with_name(f".{target.stem}.{secrets.token_hex(4)}.part{target.suffix}")
    try:
        yield tmp
        _sync(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        raise describe(exc, target) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _sync(path: Path) -> None:
    """Data on disk before the rename: after a power cut the new name never points at nothing."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

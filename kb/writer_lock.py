"""One writing Zhiku per library: an flock on ``writer.lock`` that names its holder.

Why flock plus a holder record: the kernel drops an flock when every descriptor of the locked file
is closed, so a writer that dies never leaves the lock behind -- unless a forked child (an import
worker) inherited the descriptor and outlives it. So every forked child lets go of the inherited
lock descriptors at once (``os.register_at_fork``), and a lock still held although the process the
file names is gone is stale: it is taken over by replacing the file. Readers never take the lock;
they read the record to say who is writing.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import logging
import os
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

_HELD: dict[int, Path] = {}  # lock descriptors this process holds -> their knowledge-base directory


@dataclass(frozen=True)
class Holder:
    """The process a lock file names: pid, its start time (a reused pid differs), host."""

    pid: int
    started: str | None = None
    host: str = ""

    def alive(self) -> bool:
        """Is the named process still running (on this host, and not a reused pid)?"""
        if self.host and self.host != socket.gethostname():
            return True  # another machine's process: cannot tell, assume it lives
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            pass  # exists, owned by another user
        return self.started is None or process_started(self.pid) in (None, self.started)


def process_started(pid: int) -> str | None:
    """The process's start time in clock ticks since boot (``/proc``), or None where unknown."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rpartition(")")[2].split()
    return fields[19] if len(fields) > 19 else None


def parse_holder(text: str) -> Holder | None:
    """The holder record (JSON; older versions wrote the bare pid)."""
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        return Holder(int(text))
    try:
        data = json.loads(text)
        return Holder(int(data["pid"]), data.get("started"), str(data.get("host") or ""))
    except (ValueError, KeyError, TypeError):
        return None


def read_holder(path: Path) -> Holder | None:
    """Who the lock file says writes now; None when nobody (or the file is gone)."""
    try:
        return parse_holder(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return None


def live_holder(path: Path) -> Holder | None:
    """The recorded writer if it is still running (a reader's view: takes no lock)."""
    holder = read_holder(path)
    return holder if holder is not None and holder.alive() else None


@contextlib.contextmanager
def _guard(path: Path) -> Iterator[None]:
    """Serialise taking, taking over and releasing the lock (held for microseconds)."""
    fd = os.open(path.with_name(path.name + ".guard"), os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _try_flock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
        raise
    return True


class WriterLock:
    """The writer lock of one knowledge-base directory."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fd: int | None = None
        self.holder: Holder | None = None  # the live writer, when ``acquire`` failed

    def acquire(self) -> bool:
        """Take the lock without waiting; take over a stale one. False: another live Zhiku writes."""
        with _guard(self.path):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
            if not _try_flock(fd):
                holder = parse_holder(os.pread(fd, 4096, 0).decode("utf-8", "replace"))
                if holder is None or holder.alive():
                    os.close(fd)
                    self.holder = holder
                    return False
                log.warning("the writer lock of %s is held by leftovers of Zhiku pid %d, which is gone: "
                            "taking it over", self.path.parent, holder.pid)
                os.close(fd)
                self.path.unlink()
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
                if not _try_flock(fd):  # pragma: no cover - nobody else can hold a file this new
                    os.close(fd)
                    return False
            self._record(fd)
        self.fd = fd
        self.holder = None
        _HELD[fd] = self.path.parent
        return True

    @staticmethod
    def _record(fd: int) -> None:
        data = json.dumps({"pid": os.getpid(), "started": process_started(os.getpid()), "host": socket.gethostname()})
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, data.encode(), 0)
        except OSError as exc:  # a full disk: the lock holds, only the record is missing
            log.warning("cannot record the writer in %s: %s", fd, exc)

    def release(self) -> None:
        fd, self.fd = self.fd, None
        if fd is None:
            return
        _HELD.pop(fd, None)
        try:
            with _guard(self.path):
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, 0)
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)


def _blank(fd: int) -> None:
    """Point ``fd`` at /dev/null: the inherited lock is let go, and the number is never reused."""
    null = os.open(os.devnull, os.O_RDWR)
    try:
        os.dup2(null, fd, inheritable=False)
    finally:
        os.close(null)


def _lock_descriptors(kb_dir: Path) -> list[int]:
    """Descriptors of lock files under ``kb_dir`` (the search index's writer lock, ...), via /proc."""
    found: list[int] = []
    try:
        names = os.listdir("/proc/self/fd")
    except OSError:
        return found
    prefix = str(kb_dir.resolve()) + os.sep
    for name in names:
        try:
            target = os.readlink(f"/proc/self/fd/{name}")
        except OSError:
            continue
        if target.startswith(prefix) and "LOCK" in os.path.basename(target).upper():
            found.append(int(name))
    return found


def _release_in_child() -> None:
    """In a forked child: let go of every writer lock the parent holds, so none outlives the parent."""
    for fd, kb_dir in list(_HELD.items()):
        for other in {fd, *_lock_descriptors(kb_dir)}:
            with contextlib.suppress(OSError):
                _blank(other)
    _HELD.clear()


os.register_at_fork(after_in_child=_release_in_child)


def clear_stale_locks(index_dir: Path) -> None:
    """Remove search-index lock files still held by someone: only leftovers of a dead writer can,
    once this process holds the knowledge base's writer lock (the index's writer makes new ones)."""
    if not index_dir.is_dir():
        return
    for lock in index_dir.glob("*LOCK*"):
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CLOEXEC)
        except OSError:
            continue
        try:
            if _try_flock(fd):
                fcntl.flock(fd, fcntl.LOCK_UN)
            else:
                log.warning("removing the stale search-index lock %s", lock)
                lock.unlink()
        finally:
            os.close(fd)

"""The import's worker processes: each file read, cleaned and extracted in a process the parent can stop.

Why not ``ProcessPoolExecutor``: it cannot stop one task (a file that hangs a reader keeps its
worker busy until the import ends), a killed worker breaks the whole pool, and a cancel only takes
effect between tasks. Here every worker has its own pipe and tells the parent when it starts a
file; the parent kills (and replaces) a worker whose file runs past the time budget, a worker that
dies costs only its current file, and cancel kills every worker at once.

Workers are forked from a parent that has loaded the extractors' dictionaries (they share those
pages copy-on-write). After the fork a worker closes the descriptors it inherited on the
knowledge base (writer lock, SQLite files, index lock), asks the kernel to kill it when its parent
dies, ignores Ctrl-C (the parent decides), and caps its own address space.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import resource
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from kb import pipeline
from kb.errors import IngestError
from kb.extract.wordfreq import set_cache_dir
from kb.pipeline import Failed, Processed

log = logging.getLogger(__name__)

# Hard stop per file. The readers keep their own, cooperative deadlines well below this; this one
# catches what they cannot (a C loop in a PDF or XML parser, a regex gone quadratic). A 1,000-page
# report takes ~15 s on a slow core, so 60 s never stops a real document, and a user waiting on a
# bad file loses at most a minute.
FILE_SECONDS = 60.0
# Address space a worker may add to what it inherited from the parent: a normal document needs
# tens of MB; an XML or PDF bomb is stopped here with "used more than N MB" instead of swapping.
MEMORY_MB = 1024
MAX_WORKERS = 4  # the parent writes store and index alone: more workers only wait on it
DEPTH = 3  # files queued per worker, so that it never waits for the parent between files
AHEAD = 2 * DEPTH  # files per worker sent past the next one to hand on (finished ones wait for it)
POLL_S = 0.1  # how often the parent looks at cancel and the time budgets while it waits

Result = Processed | IngestError
Cancel = Callable[[], bool]


START_ENV = "ZHIKU_WORKER_START"  # "forkserver": set by the desktop app (see _context)


def _context() -> Any:  # a multiprocessing context (the stubs' BaseContext lacks Process)
    """Workers are forked: they share what the parent loaded. A threaded parent (the desktop app, whose
    Qt thread pools run searches while an import starts) asks for a fork server instead
    (``ZHIKU_WORKER_START=forkserver``): a fork can copy a lock another thread holds, and the worker
    would hang on it until its time budget ran out. The server preloads the extractors once."""
    methods = multiprocessing.get_all_start_methods()
    wanted = os.environ.get(START_ENV, "")
    if wanted == "forkserver" and "forkserver" in methods and _main_importable():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["kb.worker_preload"])
        return ctx
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def _main_importable() -> bool:
    """A fork server's workers import the main script again: only if it is a file (not ``-c`` or stdin)."""
    path = getattr(sys.modules.get("__main__"), "__file__", None)
    return path is None or os.path.isfile(path)


def default_workers() -> int:
    """As many workers as this process may use cores, at most ``MAX_WORKERS``."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS))


# ------------------------------------------------------------------------------- worker side


def _die_with_parent(parent: int) -> None:
    """SIGKILL this process when the process that forked it ends; Linux only. Forked by the fork
    server, that is the server, which ends when the importing process does."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            log.warning("cannot tie import workers to their parent's life")
    try:
        os.kill(parent, 0)
    except ProcessLookupError:  # the importing process died before the line above
        os._exit(1)
    except PermissionError:
        pass
    if os.getppid() == 1:  # orphaned before prctl took effect
        os._exit(1)


def _close_inherited(kb_dir: str | None) -> None:
    """Close forked copies of the parent's descriptors on the knowledge base's files.

    The writer lock (``flock``) belongs to the open file, so a worker holding a copy would keep
    the library locked after the parent died; SQLite connections must never cross a fork.
    """
    if not kb_dir or not os.path.isdir("/proc/self/fd"):
        return
    root = os.path.realpath(kb_dir) + os.sep
    for name in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{name}")
        except OSError:
            continue
        if target.startswith(root):
            try:
                os.close(int(name))
            except OSError:
                pass


def _status_bytes(field: str) -> int:
    """A size from /proc/self/status (``VmSize``, ``VmPeak``), in bytes; 0 if unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            return next((int(line.split()[1]) * 1024 for line in fh if line.startswith(field + ":")), 0)
    except OSError:
        return 0


def _limit_memory(mb: int) -> int | None:
    """Cap the address space at what the worker has now plus ``mb`` (MemoryError past it); the cap in bytes."""
    try:
        size = _status_bytes("VmSize")
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = size + mb * 1024 * 1024
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
        return limit
    except (ValueError, AttributeError, OSError):
        log.info("cannot cap import worker memory", exc_info=True)
        return None


def _near_cap(limit: int | None) -> bool:
    """The address space has been within 5% of the cap: a C library (lxml, a PDF parser) may have
    reported the failed allocation as a parse error, and the heap may stay fragmented."""
    return limit is not None and _status_bytes("VmPeak") > 0.95 * limit


def _worker(conn: Connection, parent: int, kb_dir: str | None, cache_dir: str | None, memory_mb: int) -> None:
    """Worker main loop: (seq, path) in; ("start", seq, t) then ("done", seq, result) out; None ends it.

    After a file that took the worker to its memory cap it says ("retire", seq) and ends: a fresh
    worker replaces it, and its peak no longer taints later files.
    """
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _close_inherited(kb_dir)
    limit = _limit_memory(memory_mb)
    set_cache_dir(cache_dir)
    pipeline.MEMORY_LIMIT_MB = memory_mb
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        seq, path = msg
        conn.send(("start", seq, time.monotonic()))
        result = pipeline.process_path(Path(path))
        exhausted = _near_cap(limit)
        out: Processed | Failed
        if isinstance(result, IngestError):
            out = Failed(result.path, f"used more than {memory_mb} MB" if exhausted else result.reason)
        else:
            out = result
        try:
            conn.send(("done", seq, out))
        except MemoryError:
            conn.send(("done", seq, Failed(str(path), f"used more than {memory_mb} MB")))
            exhausted = True
        except Exception as exc:  # an unpicklable result: still one line, still the next file
            conn.send(("done", seq, Failed(str(path), f"cannot hand the result over: {exc}")))
        del result, out
        if exhausted:
            conn.send(("retire", seq))
            return


# ------------------------------------------------------------------------------- parent side


@dataclass
class _Slot:
    """One worker as the parent sees it: its files in order (the first is the current one)."""

    proc: BaseProcess
    conn: Connection
    queue: deque[int] = field(default_factory=deque)
    started: float | None = None  # when the worker said it began ``queue[0]`` (monotonic)


class Workers:
    """``n`` worker processes; ``results(files)`` yields each file's result in file order.

    Use as a context manager: leaving it stops every worker, whatever happened.
    """

    def __init__(self, n: int, *, kb_dir: Path | None = None, cache_dir: Path | None = None,
                 file_seconds: float | None = None, memory_mb: int | None = None) -> None:
        if n < 1:
            raise ValueError("an import needs at least one worker process")
        self.n = n
        self.kb_dir = str(kb_dir) if kb_dir else None
        self.cache_dir = str(cache_dir) if cache_dir else None
        self.file_seconds = FILE_SECONDS if file_seconds is None else file_seconds
        self.memory_mb = MEMORY_MB if memory_mb is None else memory_mb
        self._ctx = _context()
        self._slots: list[_Slot] = []

    @property
    def forks(self) -> bool:
        """Workers are forked (they share what this process has loaded)."""
        return self._ctx.get_start_method() == "fork"

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _start(self) -> _Slot:
        here, there = self._ctx.Pipe(duplex=True)
        proc = self._ctx.Process(target=_worker, name="zhiku-import", daemon=True,
                                 args=(there, os.getpid(), self.kb_dir, self.cache_dir, self.memory_mb))
        proc.start()
        there.close()
        return _Slot(proc, here)

    def _stop(self, slot: _Slot, *, kill: bool) -> None:
        if slot in self._slots:
            self._slots.remove(slot)
        if kill:
            slot.proc.kill()
        else:
            try:
                slot.conn.send(None)
            except OSError:
                pass
        slot.proc.join(None if kill else 2.0)
        if slot.proc.is_alive():
            slot.proc.kill()
            slot.proc.join()
        slot.conn.close()

    def close(self) -> None:
        """Stop every worker: politely when idle, SIGKILL when busy."""
        for slot in list(self._slots):
            self._stop(slot, kill=bool(slot.queue))

    def results(self, files: Sequence[Path], cancel: Cancel | None = None) -> Iterator[tuple[Path, Result | None]]:
        """Yield ``(path, result)`` in file order; ``(path, None)`` once if the user cancelled."""
        run = _Run(self, files)
        while run.next_out < len(files):
            if cancel is not None and cancel():
                for slot in list(self._slots):
                    self._stop(slot, kill=True)
                yield files[run.next_out], None
                return
            run.feed()
            run.collect(POLL_S)
            run.enforce_budget()
            yield from run.ready()


class _Run:
    """The bookkeeping of one ``Workers.results`` call."""

    def __init__(self, pool: Workers, files: Sequence[Path]) -> None:
        self.pool = pool
        self.files = files
        self.todo: deque[int] = deque(range(len(files)))
        self.done: dict[int, Result] = {}
        self.next_out = 0
        self.budget = pool.file_seconds

    def feed(self) -> None:
        """Start workers as needed and queue files on the least busy ones, within the window."""
        pool = self.pool
        queued = sum(len(s.queue) for s in pool._slots)
        while len(pool._slots) < min(pool.n, len(self.todo) + queued):
            pool._slots.append(pool._start())
        # Results are handed on in file order: past a slow file, finished ones wait here, so only
        # files within AHEAD per worker of the next one to hand on are sent (memory stays bounded).
        window = self.next_out + pool.n * AHEAD
        while self.todo and self.todo[0] < window:
            slot = min(pool._slots, key=lambda s: len(s.queue))
            if len(slot.queue) >= DEPTH:
                break
            seq = self.todo.popleft()
            if not slot.queue:
                slot.started = None
            slot.queue.append(seq)
            try:
                slot.conn.send((seq, str(self.files[seq])))
            except OSError:  # it died since the last look: the file goes back, the worker is replaced
                slot.queue.pop()
                self.todo.appendleft(seq)
                self._lost(slot, _death(slot.proc))
                return

    def collect(self, timeout: float) -> None:
        """Read every message the workers have sent (waiting up to ``timeout`` for the first)."""
        slots = [s for s in self.pool._slots if s.queue]
        if not slots:
            return
        by_conn = {s.conn: s for s in slots}
        for conn in wait(list(by_conn), timeout):
            slot = by_conn[conn]  # type: ignore[index]
            try:
                while slot in self.pool._slots and slot.conn.poll():
                    self._message(slot, slot.conn.recv())
            except (EOFError, OSError):
                self._lost(slot, _death(slot.proc))

    def _message(self, slot: _Slot, msg: tuple[Any, ...]) -> None:
        kind, seq = msg[0], msg[1]
        if kind == "start":
            slot.started = msg[2]
            return
        if kind == "retire":  # it ends by itself; its queued files (none started) go to others
            self.todo.extendleft(reversed(slot.queue))
            slot.queue.clear()
            self.pool._stop(slot, kill=False)
            return
        if slot.queue and slot.queue[0] == seq:
            slot.queue.popleft()
        slot.started = None
        result = msg[2]
        self.done[seq] = result.error() if isinstance(result, Failed) else result

    def enforce_budget(self) -> None:
        """Kill a worker whose current file has run past the budget; its file fails, the others move."""
        now = time.monotonic()
        for slot in list(self.pool._slots):
            if slot.queue and slot.started is not None and now - slot.started > self.budget:
                log.warning("gave up on %s after %g s", self.files[slot.queue[0]], self.budget)
                self._lost(slot, f"gave up after {self.budget:g} s", kill=True)

    def _lost(self, slot: _Slot, reason: str, *, kill: bool = False) -> None:
        """A worker is gone: its current file fails with ``reason``, its queued files go to others."""
        self.pool._stop(slot, kill=True)
        if not slot.queue:
            return
        current = slot.queue.popleft()
        self.done[current] = IngestError(str(self.files[current]), reason)
        self.todo.extendleft(reversed(slot.queue))
        slot.queue.clear()

    def ready(self) -> Iterator[tuple[Path, Result]]:
        while self.next_out in self.done:
            seq = self.next_out
            self.next_out += 1
            yield self.files[seq], self.done.pop(seq)


def _death(proc: BaseProcess) -> str:
    proc.join(1.0)
    code = proc.exitcode
    if code is not None and code < 0:
        name = signal.Signals(-code).name if -code in signal.valid_signals() else str(-code)
        return f"worker process died ({name})"
    return f"worker process stopped (exit code {code})"

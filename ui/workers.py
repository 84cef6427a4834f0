"""Background work: a ``QRunnable`` that reports through a ``QObject`` of signals.

Why: the knowledge base holds one lock and imports can take minutes; the UI thread only ever
receives results through queued signals, never waits and never pumps events itself.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int, str], None]
CancelFn = Callable[[], bool]
Job = Callable[[ProgressFn, CancelFn], Any]


class WorkerSignals(QObject):
    """Signals of one job; lives in the UI thread so connected slots run there.

    Signals:
        progress(int, int, str): done, total, label.
        result(object): the job's return value.
        error(object): the exception the job raised.
        finished(): always last, after result or error.
    """

    progress = Signal(int, int, str)
    result = Signal(object)
    error = Signal(object)
    finished = Signal()


class Worker(QRunnable):
    """Runs ``job(progress, cancelled)`` on a pool thread."""

    def __init__(self, job: Job) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the Python side keeps the reference until finished
        self.job = job
        self.signals = WorkerSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop at its next check; it decides how to wind down."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:  # noqa: D102 - QRunnable API
        try:
            value = self.job(self.signals.progress.emit, self._cancel.is_set)
        except Exception as exc:  # reported to the UI, which decides what the user sees
            log.debug("background job failed", exc_info=True)
            self.signals.error.emit(exc)
        else:
            self.signals.result.emit(value)
        finally:
            self.signals.finished.emit()


_running: set[Worker] = set()


def start_job(job: Job, on_result: Callable[[Any], None], on_error: Callable[[object], None] | None = None,
              on_finished: Callable[[], None] | None = None) -> Worker:
    """Run ``job`` on the global pool; callbacks run in the UI thread.

    Why a module-level set: the ``Worker`` (and its signals object) must outlive the caller's
    frame until ``finished``; views that fire and forget (an export, a cell note) need no bookkeeping.
    """
    from PySide6.QtCore import QThreadPool

    worker = Worker(job)
    worker.signals.result.connect(on_result)
    if on_error is not None:
        worker.signals.error.connect(on_error)

    def done() -> None:
        _running.discard(worker)
        if on_finished is not None:
            on_finished()

    worker.signals.finished.connect(done)
    _running.add(worker)
    QThreadPool.globalInstance().start(worker)
    return worker


def wait_for_jobs(timeout_ms: int = 30000) -> bool:
    """Block until the global pool is idle (before closing the knowledge base under it)."""
    from PySide6.QtCore import QThreadPool

    return QThreadPool.globalInstance().waitForDone(timeout_ms)

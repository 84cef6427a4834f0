"""Background work: a ``QRunnable`` that reports through a ``QObject`` of signals.

Why: imports take minutes and every read touches SQLite; the UI thread only ever receives results
through queued signals, never waits and never pumps events itself. The controller owns the pools.
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


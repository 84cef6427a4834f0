from PySide6.QtCore import QThreadPool

from ui.workers import Worker


def test_worker_reports_progress_then_result_then_finished(qtbot) -> None:
    events = []

    def job(progress, cancelled):
        progress(1, 2, "a.txt")
        return "done"

    w = Worker(job)
    w.signals.progress.connect(lambda *a: events.append(("progress", a)))
    w.signals.result.connect(lambda v: events.append(("result", v)))
    w.signals.finished.connect(lambda: events.append(("finished",)))
    with qtbot.waitSignal(w.signals.finished, timeout=5000):
        QThreadPool.globalInstance().start(w)
    qtbot.waitUntil(lambda: len(events) == 3)
    assert events == [("progress", (1, 2, "a.txt")), ("result", "done"), ("finished",)]


def test_worker_reports_the_exception_and_honours_cancel(qtbot) -> None:
    seen = []

    def job(progress, cancelled):
        raise ValueError("cancelled" if cancelled() else "running")

    w = Worker(job)
    w.cancel()
    w.signals.error.connect(seen.append)
    with qtbot.waitSignal(w.signals.finished, timeout=5000):
        QThreadPool.globalInstance().start(w)
    qtbot.waitUntil(lambda: bool(seen))
    assert isinstance(seen[0], ValueError) and str(seen[0]) == "cancelled"

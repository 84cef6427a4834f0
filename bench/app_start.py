"""App start on a big library: process start → window shown → library open → first search result.

``python -m bench.app_start KB_DIR QUERY T0 OUT.json`` (T0: the parent's ``time.time()`` just
before it spawned this process, so interpreter and Qt start-up are counted). Offscreen Qt; the
window is the real ``ui.app.create_window`` one, and the search goes through its search box.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    kb_dir, query, t0, out = Path(argv[0]), argv[1], float(argv[2]), Path(argv[3])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    marks: dict[str, float] = {"python_started_s": time.time() - t0}
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from bench.worker import rss_mb
    from ui.app import create_window

    app = QApplication(sys.argv[:1])
    window = create_window(kb_dir, None)
    window.resize(1400, 900)
    marks["window_built_s"] = time.time() - t0
    window.show()
    window.start()
    state: dict[str, float] = {}

    def shown() -> None:
        marks["window_shown_s"] = time.time() - t0

    def opened(_stats: object) -> None:
        marks["kb_opened_s"] = time.time() - t0
        state["search_t"] = time.time()
        window.search_view.box.setText(query)
        window.search_view.submit()

    def finished(result: object) -> None:
        if "first_result_s" in marks:
            return
        marks["first_result_s"] = time.time() - t0
        marks["search_ms"] = (time.time() - state.get("search_t", time.time())) * 1000
        marks["hits"] = float(len(getattr(result, "hits", ())))
        QTimer.singleShot(200, lambda: done())

    def done() -> None:
        marks["rss_mb"] = rss_mb()
        app.exit(0)

    def failed(kind: str, message: str) -> None:
        marks["failed"] = 1.0
        state["error"] = 1.0
        print(f"app_start: {kind}: {message}", file=sys.stderr)
        app.exit(3)

    QTimer.singleShot(0, shown)
    window.controller.opened.connect(opened)
    window.controller.searchFinished.connect(finished)
    window.controller.failed.connect(failed)
    QTimer.singleShot(120_000, lambda: app.exit(2))
    code = app.exec()
    window.controller.shutdown()
    out.write_text(json.dumps({k: round(v, 3) for k, v in marks.items()}), encoding="utf-8")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

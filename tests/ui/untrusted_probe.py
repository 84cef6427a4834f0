"""Run in a subprocess under a memory limit: the app meets text that asks Qt to read /dev/zero.

``python untrusted_probe.py KB_DIR IN_DIR`` imports IN_DIR through the window (a file whose first
line and a file whose name hold an <img> of /dev/zero), opens the document in the reader, shows
every tooltip and label that holds its title or file name, and exits 0. If any of them were taken
for rich text, Qt would read /dev/zero until the memory limit aborts the process.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main(kb_dir: Path, in_dir: Path) -> int:
    from PySide6.QtCore import QPoint, QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QToolTip, QWidget

    from ui.main_window import MainWindow

    app = QApplication([])
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(kb_dir.parent / "settings"))
    window = MainWindow(QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Zhiku", "probe"), kb_dir)
    window.resize(1024, 700)
    window.show()
    c = window.controller
    shown: list[str] = []

    def hover_everything() -> None:
        """Show each widget's tooltip and each model's tooltips as a hover would."""
        for w in [window, *window.findChildren(QWidget)]:
            if w.toolTip():
                QToolTip.showText(QPoint(10, 10), w.toolTip(), w)
                shown.append(w.toolTip())
            if isinstance(w, QLabel):
                w.grab()
        for view in window.findChildren(QWidget):
            model = getattr(view, "model", None)
            model = model() if callable(model) else None
            if model is None or not hasattr(model, "rowCount"):
                continue
            for r in range(min(model.rowCount(), 20)):
                for col in range(model.columnCount()):
                    text = model.index(r, col).data(3)  # ToolTipRole
                    if text:
                        QToolTip.showText(QPoint(10, 10), str(text), view)
                        shown.append(str(text))
        window.grab()

    def imported(_report: object) -> None:
        doc = next(d for d in c.titles._docs.values() if "dev/zero" in d.title)
        c.documentLoaded.connect(lambda _v: QTimer.singleShot(100, finish))
        window.open_passage(doc.id, 0, 5)

    def finish() -> None:
        window.reader_view.text.grab()
        hover_everything()
        window.search_view.show_error('<img src="/dev/zero">')
        window.search_view.status.grab()
        print(f"probe ok: {len(shown)} tooltips shown")
        window.close()
        app.exit(0)

    c.importFinished.connect(imported)
    c.importProgress.connect(lambda *_: window.progress.grab())
    c.opened.connect(lambda _s: window.import_paths([in_dir]))
    window.start()
    QTimer.singleShot(120_000, lambda: app.exit(3))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))

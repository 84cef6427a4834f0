"""The window's remembered state: geometry, splitters, the last query; a sensible first size.

Why a module of its own: the first start has nothing to restore, and a window at Qt's size hint
(about 600 px wide) hides half of every view; the restore rules are easier to test apart.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize
from PySide6.QtWidgets import QMainWindow, QSplitter

MIN_SIZE = QSize(1024, 700)
SCREEN_SHARE = 0.8


def default_size(available: QSize) -> QSize:
    """80 % of the screen, at least 1024 × 700, never larger than the screen."""
    w = max(MIN_SIZE.width(), int(available.width() * SCREEN_SHARE))
    h = max(MIN_SIZE.height(), int(available.height() * SCREEN_SHARE))
    return QSize(min(w, available.width()), min(h, available.height()))


def centred(size: QSize, available: QRect) -> QRect:
    rect = QRect(0, 0, size.width(), size.height())
    rect.moveCenter(available.center())
    return rect


def splitters(window: QMainWindow) -> list[QSplitter]:
    return [s for s in window.findChildren(QSplitter) if s.objectName()]


def restore(window: QMainWindow, settings: QSettings) -> None:
    """The saved geometry and splitters; the default size when nothing was saved."""
    geometry = settings.value("window/geometry")
    if not (isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)):
        screen = window.screen()
        if screen is not None:
            available = screen.availableGeometry()
            window.setGeometry(centred(default_size(available.size()), available))
    for splitter in splitters(window):
        state = settings.value(f"splitters/{splitter.objectName()}")
        if isinstance(state, QByteArray):
            splitter.restoreState(state)


def save(window: QMainWindow, settings: QSettings) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    for splitter in splitters(window):
        settings.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())
    settings.sync()

"""``--screenshot``: drive the window into a state, wait for background work, save a PNG."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ShotPlan:
    out: Path
    query: str | None = None
    entity: str | None = None
    view: str | None = None
    timeout_s: float = 300.0


class ScreenshotRunner(QObject):
    """Runs steps one by one; each step may start jobs, the next starts when the controller is idle."""

    def __init__(self, window: MainWindow, plan: ShotPlan) -> None:
        super().__init__(window)
        self.window = window
        self.plan = plan
        self.exit_code = 1
        self.steps: list[Callable[[], None]] = [lambda: None]  # wait for opening (and starter import)
        if plan.query:
            self.steps.append(self._search)
            if plan.view == "reader":
                self.steps.append(self._open_top_hit)
        if plan.entity:
            self.steps.append(lambda: window.controller.load_entity(plan.entity or ""))
        self.steps.append(self._final_view)
        window.controller.idle.connect(self._maybe_next)
        QTimer.singleShot(int(plan.timeout_s * 1000), self._timeout)

    def _search(self) -> None:
        self.window.search_view.box.setText(self.plan.query or "")
        self.window.search_view.submit()

    def _open_top_hit(self) -> None:
        result = self.window.search_view.result
        if result is not None and result.hits:
            self.window.open_hit(result.hits[0])

    def _final_view(self) -> None:
        view = self.plan.view or ("entity" if self.plan.entity else "search")
        if view in self.window.views:
            self.window.show_view(view)

    def _maybe_next(self) -> None:
        if not self.window.controller.busy():
            QTimer.singleShot(0, self._next)

    def _next(self) -> None:
        if self.window.controller.busy():
            return
        if not self.steps:
            return
        step = self.steps.pop(0)
        step()
        if not self.steps:
            QTimer.singleShot(150, self._shoot)  # let layouts settle
        elif not self.window.controller.busy():
            QTimer.singleShot(0, self._next)

    def _shoot(self) -> None:
        if self.window.import_dialog is not None:
            self.window.import_dialog.close()
        self.plan.out.parent.mkdir(parents=True, exist_ok=True)
        ok = self.window.grab().save(str(self.plan.out))
        self.exit_code = 0 if ok else 1
        if not ok:
            log.error("could not write %s", self.plan.out)
        self.window.close()
        QApplication.exit(self.exit_code)

    def _timeout(self) -> None:
        log.error("screenshot timed out after %.0f s", self.plan.timeout_s)
        self.window.close()
        QApplication.exit(2)

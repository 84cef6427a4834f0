"""``--screenshot``: drive the window into a state, wait for background work, save a PNG."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from ui.main_window import MainWindow

log = logging.getLogger(__name__)

COMPARE_TABS = ("matrix", "numbers", "chart")
Ready = Callable[[], bool]


@dataclass(frozen=True)
class ShotPlan:
    out: Path
    query: str | None = None
    entity: str | None = None
    view: str | None = None
    tab: str | None = None  # compare: matrix | numbers | chart
    regions: tuple[str, ...] = ()  # compare: the columns, in order (default: the service's defaults)
    entity_click: bool = False  # reader: follow an entity link, then come back (the reader's next render)
    by_document: bool = False  # search: results one row per document
    dialog: str | None = None  # "thesaurus": the thesaurus dialog over the window
    find: str = ""  # with dialog: what its find box holds
    timeout_s: float = 300.0


def framed(widget: QWidget) -> QPixmap:
    """A top-level widget's picture with a plain frame and title bar, as a window manager would draw it."""
    inner = widget.grab()
    title_h = widget.fontMetrics().height() + 12
    out = QPixmap(inner.width() + 2, inner.height() + title_h + 2)
    out.fill(QColor("#8a8a8a"))
    painter = QPainter(out)
    painter.fillRect(1, 1, inner.width(), title_h, QColor("#e4e4e4"))
    painter.setPen(QColor("#222222"))
    painter.drawText(QRect(1, 1, inner.width(), title_h), Qt.AlignmentFlag.AlignCenter, widget.windowTitle())
    painter.drawPixmap(1, title_h + 1, inner)
    painter.end()
    return out


class ScreenshotRunner(QObject):
    """Runs steps one by one; a step may return a readiness check, and the next step starts once
    that check passes and the controller is idle (polled by a timer: no event-loop pumping)."""

    def __init__(self, window: MainWindow, plan: ShotPlan) -> None:
        super().__init__(window)
        self.window = window
        self.plan = plan
        self.exit_code = 1
        self._ready: Ready = lambda: window.controller.kb is not None  # opening (and starter import)
        self.steps: list[Callable[[], Ready | None]] = []
        window.search_view.by_doc.setChecked(plan.by_document)  # the scratch settings remember it, nothing else
        if plan.query:
            self.steps.append(self._search)
            if plan.view == "reader":
                self.steps.append(self._open_top_hit)
                if plan.entity_click:
                    self.steps += [self._click_entity, self._back]
        if plan.entity:
            self.steps.append(self._load_entity)
        if plan.view == "compare":
            self.steps.append(self._compare)
        elif plan.view == "notes":
            self.steps.append(self._notes)
        self.steps.append(self._final_view)
        if plan.dialog == "thesaurus":
            self.steps.append(self._thesaurus)
        self._timer = QTimer(self)
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._poll)
        self._timer.start()
        QTimer.singleShot(int(plan.timeout_s * 1000), self._timeout)

    def _idle(self) -> bool:
        return not self.window.controller.busy()

    def _poll(self) -> None:
        if not (self._idle() and self._ready()):
            return
        if not self.steps:
            self._timer.stop()
            QTimer.singleShot(200, self._shoot)  # let layouts settle
            return
        step = self.steps.pop(0)
        self._ready = step() or (lambda: True)

    # steps
    def _search(self) -> None:
        self.window.search_view.box.setText(self.plan.query or "")
        self.window.search_view.submit()

    def _open_top_hit(self) -> None:
        result = self.window.search_view.result
        if result is not None and result.hits:
            self.window.open_hit(result.hits[0])

    def _click_entity(self) -> None:
        view = self.window.reader_view.view
        if view is not None and view.mentions:
            mention = view.mentions[len(view.mentions) // 2]
            self.window.reader_view.entityActivated.emit(mention.entity_id)

    def _back(self) -> None:
        self.window.go_back()

    def _load_entity(self) -> None:
        self.window.controller.load_entity(self.plan.entity or "")

    def _compare(self) -> Ready | None:
        view = self.window.compare_view
        if view is None:
            return None
        if self.plan.regions:
            view.set_regions(list(self.plan.regions))
        self.window.show_view("compare")
        tab = COMPARE_TABS.index(self.plan.tab) if self.plan.tab in COMPARE_TABS else 0
        view.tabs.setCurrentIndex(tab)
        done: list[bool] = []
        view.comparison_ready.connect(lambda _c: done.append(True))
        if not view.run_compare():
            return None

        def ready() -> bool:
            if not done or view.busy():
                return False
            comp = view.comparison()
            if comp is not None and view.current_cell() is None:  # show the evidence of a full cell
                cells = [(r, c) for r, row in enumerate(comp.rows) for c, cell in enumerate(row.cells) if not cell.empty]
                if cells:
                    view.select_cell(*cells[0])
            if comp is not None and tab == 2:  # the chart: list the measures of the largest bar
                bars = [(len(ms), r, t) for r, tools in comp.tool_measures.items() for t, ms in tools.items()]
                if bars:
                    _n, region, tool = max(bars)
                    view.tool_tab.show_bar(region, tool)
            return True

        return ready

    def _notes(self) -> None:
        view = self.window.notes_view
        if view is not None:
            notes = view.visible_notes()
            if notes:
                view.select_note(notes[0].id)

    def _final_view(self) -> None:
        view = self.plan.view or ("entity" if self.plan.entity else "search" if self.plan.query else "library")
        if view in self.window.views:
            self.window.show_view(view)

    def _thesaurus(self) -> Ready:
        dialog = self.window.open_thesaurus()
        dialog.find_box.setText(self.plan.find)

        def ready() -> bool:
            if dialog.model.rowCount() == 0:
                return False
            dialog.table.selectRow(0)  # a chosen group: the buttons that act on it are live
            return True

        return ready

    def picture(self) -> QPixmap:
        """The window, with an open dialog drawn over its centre (a dialog is a window of its own)."""
        shot = self.window.grab()
        dialog = self.window.thesaurus_dialog
        if dialog is not None and dialog.isVisible():
            over = framed(dialog)
            painter = QPainter(shot)
            painter.drawPixmap(QPoint((shot.width() - over.width()) // 2, (shot.height() - over.height()) // 2), over)
            painter.end()
        return shot

    def _shoot(self) -> None:
        if self.window.import_dialog is not None:
            self.window.import_dialog.close()
        self.plan.out.parent.mkdir(parents=True, exist_ok=True)
        ok = self.picture().save(str(self.plan.out))
        self.exit_code = 0 if ok else 1
        if not ok:
            log.error("could not write %s", self.plan.out)
        self.window.close()
        QApplication.exit(self.exit_code)

    def _timeout(self) -> None:
        log.error("screenshot timed out after %.0f s", self.plan.timeout_s)
        self.window.close()
        QApplication.exit(2)

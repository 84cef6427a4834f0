"""Status-bar strip for long work: a label, a progress bar and a cancel button."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from ui.plain import tip


class ProgressStrip(QWidget):
    """Signals:
        cancelRequested(): the user pressed cancel.
    """

    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # holds file names
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(240)
        self.bar.setTextVisible(True)
        self.cancel = QPushButton()
        self.speed = 0.0  # documents per second, from the controller
        self._last = (0, 0, "")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        self.cancel.clicked.connect(self._cancel)
        self.retranslate()
        self.hide()

    def start(self, text: str) -> None:
        self.speed = 0.0
        self._last = (0, 0, "")
        self.label.setText(text)
        self.bar.setRange(0, 0)  # busy until the first progress report
        self.cancel.setEnabled(True)
        self.show()

    def update_progress(self, done: int, total: int, name: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        self._last = (done, total, name)
        short = name if len(name) <= 40 else "…" + name[-39:]
        self.bar.setToolTip(tip(name))
        text = self.tr("Importing %1/%2 %3").replace("%1", str(done)).replace("%2", str(total)).replace("%3", short)
        if self.speed > 0:
            text += " · " + self.tr("%1 docs/s").replace("%1", f"{self.speed:.1f}" if self.speed < 100 else f"{self.speed:.0f}")
        self.label.setText(text)

    def set_speed(self, docs_per_s: float) -> None:
        """Documents per second so far; shown on the import line from the next report on (and now)."""
        self.speed = docs_per_s
        if self.isVisible() and self._last[1]:
            self.update_progress(*self._last)

    def _cancel(self) -> None:
        self.cancel.setEnabled(False)
        self.label.setText(self.tr("Cancelling…"))
        self.cancelRequested.emit()

    def retranslate(self) -> None:
        self.cancel.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

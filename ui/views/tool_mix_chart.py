"""A small bar chart of policy instruments per region (QPainter: PySide6-Essentials has no QtCharts)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

TOOL_COLOURS = {"supply": "#4e79a7", "environment": "#f28e2b", "demand": "#59a14f"}


class ToolMixChart(QWidget):
    """Grouped bars: measures per policy instrument (supply / environment / demand) per region."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mix: dict[str, dict[str, int]] = {}
        self.setMinimumHeight(220)

    def set_mix(self, mix: dict[str, dict[str, int]]) -> None:
        self._mix = mix
        self.update()

    def mix(self) -> dict[str, dict[str, int]]:
        return dict(self._mix)

    def paintEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        names = {"supply": self.tr("Supply"), "environment": self.tr("Environment"), "demand": self.tr("Demand")}
        if not self._mix:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Run a comparison to see the policy-instrument mix"))
            return
        fm = p.fontMetrics()
        left, top, bottom = 50, 40, self.height() - 40
        width = self.width() - left - 20
        step = max(1, -(-max(1, *(v for counts in self._mix.values() for v in counts.values())) // 4))
        peak = step * 4
        p.setPen(QColor("#888888"))
        p.drawLine(left, bottom, left + width, bottom)
        for k in range(0, 5):
            y = bottom - (bottom - top) * k // 4
            p.drawText(5, y + fm.ascent() // 2, str(step * k))
        group = width / max(1, len(self._mix))
        bar = max(6.0, min(40.0, group / 4))
        for g, (region, counts) in enumerate(self._mix.items()):
            x0 = left + g * group + (group - 3 * bar) / 2
            for t, tool in enumerate(TOOL_COLOURS):
                h = (bottom - top) * counts.get(tool, 0) / peak
                p.fillRect(int(x0 + t * bar), int(bottom - h), int(bar - 2), int(h), QColor(TOOL_COLOURS[tool]))
                p.setPen(QColor("#222222"))
                p.drawText(int(x0 + t * bar), int(bottom - h) - 3, str(counts.get(tool, 0)))
            p.drawText(int(left + g * group), bottom + 4, int(group), 30, Qt.AlignmentFlag.AlignHCenter, region)
        x = left
        for tool, colour in TOOL_COLOURS.items():
            p.fillRect(x, 10, 14, 14, QColor(colour))
            p.setPen(QColor("#222222"))
            p.drawText(x + 18, 10 + fm.ascent(), names[tool])
            x += 30 + fm.horizontalAdvance(names[tool])

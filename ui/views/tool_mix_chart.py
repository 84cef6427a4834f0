"""Policy instruments per region as shares (QPainter: PySide6-Essentials has no QtCharts).

Why shares: regions with ten documents and regions with one cannot be compared by raw counts;
each region's bars add up to 100 %, the counts are on hover, and a click lists the bar's measures.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter
from PySide6.QtWidgets import QToolTip, QWidget

from ui.labels import label
from ui.plain import tip

TOOL_COLOURS = {"supply": "#4e79a7", "environment": "#f28e2b", "demand": "#59a14f"}
LEFT, RIGHT, TOP, BOTTOM = 64, 20, 64, 48


def shares(counts: dict[str, int]) -> dict[str, float]:
    """Each instrument's share of the region's measures (0 for a region without any)."""
    total = sum(counts.values())
    return {t: (counts.get(t, 0) / total if total else 0.0) for t in TOOL_COLOURS}


class ToolMixChart(QWidget):
    """Grouped bars: the share of each policy instrument (supply / environment / demand) per region.

    Signals:
        barClicked(str, str): region and instrument of the bar the user clicked.
    """

    barClicked = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mix: dict[str, dict[str, int]] = {}
        self._bars: list[tuple[QRect, str, str]] = []
        self.setMinimumHeight(220)
        self.setMouseTracking(True)

    def set_mix(self, mix: dict[str, dict[str, int]]) -> None:
        self._mix = mix
        self.update()

    def mix(self) -> dict[str, dict[str, int]]:
        return dict(self._mix)

    def bars(self) -> list[tuple[QRect, str, str]]:
        """(rect, region, instrument) of every bar as last painted."""
        return list(self._bars)

    def bar_at(self, pos: QPoint) -> tuple[str, str] | None:
        for rect, region, tool in self._bars:
            if rect.adjusted(-1, -2, 1, 2).contains(pos):
                return region, tool
        return None

    def bar_tip(self, region: str, tool: str) -> str:
        counts = self._mix.get(region, {})
        share = shares(counts)[tool]
        text = self.tr("%1 · %2: %3 of %4 measures (%5%)").replace("%1", region).replace("%2", label("tool", tool))
        return text.replace("%3", str(counts.get(tool, 0))).replace("%4", str(sum(counts.values()))) \
            .replace("%5", f"{share * 100:.0f}")

    def titles(self) -> tuple[str, str, str]:
        """The value axis, the category axis and the legend, as painted."""
        return (self.tr("Share of the region's measures"), self.tr("Region (click a bar to list its measures)"),
                self.tr("Policy instrument:"))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        found = self.bar_at(event.position().toPoint())
        if found:
            QToolTip.showText(event.globalPosition().toPoint(), tip(self.bar_tip(*found)), self)
        else:
            QToolTip.hideText()
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        found = self.bar_at(event.position().toPoint())
        if found:
            self.barClicked.emit(*found)
        super().mousePressEvent(event)

    def paintEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        self._bars = []
        if not self._mix:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Run a comparison to see the policy-instrument mix"))
            return
        self._legend(p)
        self._axes(p)
        width = self.width() - LEFT - RIGHT
        bottom, height = self.height() - BOTTOM, self.height() - BOTTOM - TOP
        group = width / max(1, len(self._mix))
        bar = max(6.0, min(48.0, group / 4))
        fm = p.fontMetrics()
        for g, (region, counts) in enumerate(self._mix.items()):
            x0 = LEFT + g * group + (group - 3 * bar) / 2
            for t, (tool, share) in enumerate(shares(counts).items()):
                h = int(height * share)
                rect = QRect(int(x0 + t * bar), bottom - h, int(bar - 3), h)
                p.fillRect(rect, QColor(TOOL_COLOURS[tool]))
                self._bars.append((QRect(rect.x(), bottom - max(h, 6), rect.width(), max(h, 6)), region, tool))
                p.setPen(QColor("#222222"))
                p.drawText(QRect(rect.x() - 6, rect.y() - fm.height() - 2, rect.width() + 12, fm.height()),
                           Qt.AlignmentFlag.AlignHCenter, f"{share * 100:.0f}%")
            name = fm.elidedText(f"{region} (n={sum(counts.values())})", Qt.TextElideMode.ElideRight, int(group) - 4)
            p.drawText(QRect(int(LEFT + g * group), bottom + 6, int(group), fm.height() + 4),
                       Qt.AlignmentFlag.AlignHCenter, name)

    def _axes(self, p: QPainter) -> None:
        fm = p.fontMetrics()
        bottom, height = self.height() - BOTTOM, self.height() - BOTTOM - TOP
        p.setPen(QColor("#888888"))
        p.drawLine(LEFT, bottom, self.width() - RIGHT, bottom)
        p.drawLine(LEFT, bottom, LEFT, TOP)
        for k in range(0, 5):
            y = bottom - height * k // 4
            p.drawText(QRect(0, y - fm.height() // 2, LEFT - 6, fm.height()), Qt.AlignmentFlag.AlignRight,
                       f"{k * 25}%")
        p.save()
        p.translate(14, TOP + height // 2)
        p.rotate(-90)
        p.drawText(QRect(-height // 2, -fm.height() // 2 - 2, height, fm.height() + 4), Qt.AlignmentFlag.AlignCenter,
                   self.titles()[0])
        p.restore()
        p.drawText(QRect(LEFT, self.height() - fm.height() - 2, self.width() - LEFT - RIGHT, fm.height()),
                   Qt.AlignmentFlag.AlignHCenter, self.titles()[1])

    def _legend(self, p: QPainter) -> None:
        fm = p.fontMetrics()
        title = self.titles()[2]
        p.setPen(QColor("#222222"))
        p.drawText(LEFT, 12 + fm.ascent(), title)
        x = LEFT + fm.horizontalAdvance(title) + 12
        for tool, colour in TOOL_COLOURS.items():
            p.fillRect(x, 12, 14, 14, QColor(colour))
            name = label("tool", tool)
            p.drawText(x + 18, 12 + fm.ascent(), name)
            x += 32 + fm.horizontalAdvance(name)

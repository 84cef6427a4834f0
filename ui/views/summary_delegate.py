"""Paints a table cell as short wrapped paragraphs, each cut to a few lines with an ellipsis.

Why: a comparison cell holds two or three sentences; a plain item view cuts them at two lines
without saying so. Here each paragraph wraps to the column's width and stops at its line budget
with "…" (the whole text is in the tooltip); an expanded row gives every paragraph its full length.
The model answers ``PARAGRAPHS_ROLE`` with ``[(style, text), ...]`` and ``EXPANDED_ROLE`` with a bool.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView

from ui.models.base import EXPANDED_ROLE, PARAGRAPHS_ROLE, Index
from ui.views.result_delegates import draw_item_frame

LINES = {"meta": 1, "item": 2, "note": 4, "empty": 1}  # line budget per paragraph style, collapsed
EXPANDED_LINES = 60
PAD = 6
COLOURS = {"meta": "#777777", "empty": "#888888"}


def lay_out(text: str, font: QFont, width: float, max_lines: int) -> tuple[list[tuple[str, float]], bool]:
    """Wrapped lines of ``text`` (each with its y offset), at most ``max_lines``; True if cut."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    lines: list[tuple[int, int]] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(10.0, width))
        lines.append((line.textStart(), line.textLength()))
    layout.endLayout()
    height = QFontMetricsF(font).lineSpacing()
    cut = len(lines) > max_lines
    shown = lines[:max_lines]
    out = [(text[s:s + n], i * height) for i, (s, n) in enumerate(shown)]
    if cut and out:
        last, y = out[-1]
        out[-1] = (QFontMetricsF(font).elidedText(last.rstrip() + "…", Qt.TextElideMode.ElideRight, width), y)
    return out, cut


class SummaryDelegate(QStyledItemDelegate):
    """Wrapped, budgeted paragraphs; the view's rows take the height their cells ask for."""

    def paragraphs(self, index: Index) -> list[tuple[str, str]]:
        return list(index.data(PARAGRAPHS_ROLE) or [])

    def _width(self, option: QStyleOptionViewItem, index: Index) -> float:
        view = option.widget
        if isinstance(view, QTableView):
            return float(view.columnWidth(index.column()) - 2 * PAD)
        return float(option.rect.width() - 2 * PAD)

    def _lines(self, option: QStyleOptionViewItem, index: Index) -> list[tuple[str, str, float]]:
        """(style, line, y) for every line drawn in the cell."""
        expanded = bool(index.data(EXPANDED_ROLE))
        width = self._width(option, index)
        y, out = 0.0, []
        for style, text in self.paragraphs(index):
            budget = EXPANDED_LINES if expanded else LINES.get(style, 2)
            font = self.font_for(option, style)
            lines, _cut = lay_out(text, font, width, budget)
            for line, dy in lines:
                out.append((style, line, y + dy))
            y += len(lines) * QFontMetricsF(font).lineSpacing() + 3
        return out

    @staticmethod
    def font_for(option: QStyleOptionViewItem, style: str) -> QFont:
        font = QFont(option.font)
        if style == "meta":
            font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
        return font

    def is_cut(self, option: QStyleOptionViewItem, index: Index) -> bool:
        """Whether any paragraph of the cell is shortened (so its tooltip matters)."""
        width = self._width(option, index)
        expanded = bool(index.data(EXPANDED_ROLE))
        return any(lay_out(t, self.font_for(option, s), width, EXPANDED_LINES if expanded else LINES.get(s, 2))[1]
                   for s, t in self.paragraphs(index))

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        lines = self._lines(option, index)
        if not lines:
            return QSize(80, option.fontMetrics.height() + 2 * PAD)
        style, _line, y = lines[-1]
        bottom = y + QFontMetricsF(self.font_for(option, style)).lineSpacing()
        return QSize(80, int(bottom) + 2 * PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        draw_item_frame(self, painter, option, index)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setClipRect(option.rect)
        origin = QPointF(option.rect.left() + PAD, option.rect.top() + PAD)
        for kind, line, y in self._lines(option, index):
            font = self.font_for(option, kind)
            painter.setFont(font)
            colour = option.palette.color(QPalette.ColorRole.HighlightedText) if selected else \
                QColor(COLOURS.get(kind, option.palette.color(QPalette.ColorRole.Text).name()))
            painter.setPen(colour)
            ascent = QFontMetricsF(font).ascent()
            painter.drawText(QPointF(origin.x(), origin.y() + y + ascent), line)
        painter.restore()

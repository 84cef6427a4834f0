"""Item delegates of the search view: rich-text result cards, and facet values elided to the panel."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QFontMetrics, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.models.base import Index
from ui.models.facet_model import LABEL_ROLE
from ui.models.search_model import HTML_ROLE


def draw_item_frame(delegate: QStyledItemDelegate, painter: Any, option: QStyleOptionViewItem, index: Index) -> None:
    """The item's background, selection and focus as the style draws them, without its text (the
    delegate paints the text itself)."""
    opt = QStyleOptionViewItem(option)
    delegate.initStyleOption(opt, index)
    opt.text = ""
    style = opt.widget.style() if opt.widget else None
    if style is not None:
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)


class HtmlDelegate(QStyledItemDelegate):
    """Paints the model's HTML_ROLE rich text, wrapped to the view's width."""

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(6)
        doc.setHtml(index.data(HTML_ROLE) or "")
        doc.setTextWidth(max(100, option.rect.width() or (option.widget.width() if option.widget else 400)))
        return doc

    def paint(self, painter: Any, option: QStyleOptionViewItem, index: Index) -> None:
        draw_item_frame(self, painter, option, index)
        doc = self._document(option, index)
        painter.save()
        painter.translate(option.rect.topLeft())
        ctx = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            ctx.palette.setColor(QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.HighlightedText))
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        widget = option.widget
        width = widget.viewport().width() if isinstance(widget, QListView) else 400
        opt = QStyleOptionViewItem(option)
        opt.rect.setWidth(width)
        doc = self._document(opt, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 4)


class FacetDelegate(QStyledItemDelegate):
    """Elides a facet value's name to the list's width, keeping its count: no horizontal scrolling."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        widget = option.widget
        if isinstance(widget, QListView):
            size.setWidth(min(size.width(), widget.viewport().width()))
        return size

    def shown_text(self, option: QStyleOptionViewItem, index: Index) -> str:
        """What ``paint`` writes: the name elided so that "(count)" still fits."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        name, count = index.data(LABEL_ROLE) or (opt.text, "")
        style = opt.widget.style() if opt.widget else QApplication.style()
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        fm = QFontMetrics(opt.font)
        tail = f"  {count}" if count else ""
        name = fm.elidedText(name, Qt.TextElideMode.ElideRight, max(0, rect.width() - fm.horizontalAdvance(tail) - 4))
        return name + tail

    def paint(self, painter: Any, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = self.shown_text(option, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setFont(opt.font)
        style.drawItemText(painter, rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                           opt.palette, True, text, role)
        painter.restore()

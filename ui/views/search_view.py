"""Search: query box with history, ranked passages with highlighted snippets, and facets."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QRectF, QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QFontMetrics, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ui.labels import label
from ui.models.base import ROW_ROLE, Index
from ui.models.facet_model import LABEL_ROLE, FacetModel, FacetRow
from ui.models.search_model import HTML_ROLE, SearchHitModel

if TYPE_CHECKING:
    from kb.models import SearchHit, SearchResult

HISTORY_LIMIT = 50


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
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
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


class SearchView(QWidget):
    """Signals:
        searchRequested(str, dict): a query and the active facet filters.
        hitActivated(object): the ``SearchHit`` the user opened.
        cleared(): the user submitted an empty box (the window shows the library then).
    """

    searchRequested = Signal(str, dict)
    hitActivated = Signal(object)
    cleared = Signal()

    def __init__(self, settings: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.filters: dict[str, str] = {}
        self.result: SearchResult | None = None
        self.examples: list[str] = []

        self.box = QLineEdit()
        self.box.setClearButtonEnabled(True)
        self.history = QStringListModel(self._load_history(), self)
        self.completer = QCompleter(self.history, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.box.setCompleter(self.completer)
        self.go = QPushButton()
        self.filter_bar = QHBoxLayout()
        self.filter_bar.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # repeats the user's query

        self.hits = SearchHitModel(self)
        self.results = QListView()
        self.results.setModel(self.hits)
        self.results.setItemDelegate(HtmlDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.results.setAlternatingRowColors(True)

        self.facets = FacetModel(self)
        self.facet_list = QListView()
        self.facet_list.setModel(self.facets)
        self.facet_list.setItemDelegate(FacetDelegate(self.facet_list))
        self.facet_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.facet_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.facet_title = QLabel()

        top = QHBoxLayout()
        top.addWidget(self.box, 1)
        top.addWidget(self.go)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.status)
        lv.addLayout(self.filter_bar)
        lv.addWidget(self.results, 1)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.facet_title)
        rv.addWidget(self.facet_list, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("searchSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([800, 260])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        self.box.returnPressed.connect(self.submit)
        self.go.clicked.connect(self.submit)
        self.results.activated.connect(self._open_index)
        self.results.clicked.connect(self._open_index)
        self.facet_list.clicked.connect(self._facet_clicked)
        self.retranslate()

    # actions
    def submit(self) -> None:
        """Search for the box's text with the current filters."""
        query = self.box.text().strip()
        if query:
            self.remember(query)
            self.searchRequested.emit(query, dict(self.filters))
        else:
            self.cleared.emit()

    def set_query(self, query: str, filters: dict[str, str] | None = None) -> None:
        """Show a query and filters without searching (history navigation does the search)."""
        self.box.setText(query)
        self.filters = dict(filters or {})
        self._rebuild_filter_bar()

    def toggle_filter(self, key: str, value: str) -> None:
        if self.filters.get(key) == value:
            del self.filters[key]
        else:
            self.filters[key] = value
        self._rebuild_filter_bar()
        self.submit()

    def show_result(self, result: SearchResult) -> None:
        self.result = result
        self.hits.set_rows(list(result.hits))
        self.facets.set_facets(dict(result.facets), self.filters, {h.doc: h.title for h in result.hits})
        if result.hits:
            self.status.setText(self.tr("%n passage(s) found", "", result.total))
        else:
            text = self.tr("Nothing found for “%1”.").replace("%1", result.query)
            if self.examples:
                text += " " + self.tr("Try: %1").replace("%1", "　".join(self.examples))
            self.status.setText(text)
        self.status.setStyleSheet("")

    def show_error(self, message: str) -> None:
        self.status.setText(message)
        self.status.setStyleSheet("color: #b00020")

    def remember(self, query: str) -> None:
        items = [query] + [q for q in self.history.stringList() if q != query]
        self.history.setStringList(items[:HISTORY_LIMIT])
        if self.settings is not None:
            self.settings.setValue("search/history", self.history.stringList())
            self.settings.setValue("search/last", query)

    # internals
    def _load_history(self) -> list[str]:
        if self.settings is None:
            return []
        value = self.settings.value("search/history", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in (value or [])]

    def _open_index(self, index: QModelIndex) -> None:
        hit: SearchHit | None = index.data(ROW_ROLE)
        if hit is not None:
            self.hitActivated.emit(hit)

    def _facet_clicked(self, index: QModelIndex) -> None:
        row: FacetRow | None = index.data(ROW_ROLE)
        if row is not None and not row.header:
            self.toggle_filter(row.key, row.value)

    def _rebuild_filter_bar(self) -> None:
        while self.filter_bar.count():
            item = self.filter_bar.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for key, value in self.filters.items():
            shown = label(key, value) if key in ("kind", "entity_type") else value
            chip = QPushButton(f"{label('facet', key)}: {shown}  ✕")
            chip.setObjectName(f"filter_{key}")
            chip.setFlat(True)
            chip.setStyleSheet("QPushButton { background: #e8eefc; border-radius: 8px; padding: 2px 8px; }")
            chip.clicked.connect(lambda _=False, k=key, v=value: self.toggle_filter(k, v))
            self.filter_bar.addWidget(chip)
        self.filter_bar.addStretch(1)

    def retranslate(self) -> None:
        self.set_examples(self.examples)
        self.go.setText(self.tr("Search"))
        self.facet_title.setText(self.tr("Narrow by"))
        self.hits.retranslate()
        self.facets.retranslate()
        self._rebuild_filter_bar()

    def set_examples(self, examples: list[str]) -> None:
        """Example queries taken from the library itself, shown in the empty box."""
        self.examples = list(examples)
        if self.examples:
            text = self.tr("Search the documents (Ctrl+K)… e.g. %1").replace("%1", "　".join(self.examples))
        else:
            text = self.tr("Search the documents (Ctrl+K)…")
        self.box.setPlaceholderText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

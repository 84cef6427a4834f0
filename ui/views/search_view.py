"""Search: query box with history, ranked passages (or documents) with how each matched, and facets.

When the words typed are not found, the core relaxes the search through the policy thesaurus and
says so; the header repeats it and every card carries a badge (原文 / 同义 / 相关词 / ...). When
nothing at all is found, the suggestion panel offers what would find something.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QModelIndex, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui.labels import UNDATED, label
from ui.models.base import ROW_ROLE
from ui.models.facet_model import FacetModel, FacetRow
from ui.models.search_model import SearchHitModel
from ui.query_edit import drop_filter, replace_term
from ui.views.result_delegates import FacetDelegate, HtmlDelegate
from ui.views.suggestion_panel import SuggestionPanel

if TYPE_CHECKING:
    from kb.models import SearchHit, SearchResult

HISTORY_LIMIT = 50
NOTICE_STYLE = "QLabel { background: #fff6d5; color: #5c4500; padding: 3px 6px; border-radius: 3px; }"
_RELAXED: dict[str, str] = {  # the core's notice (kb.search.present.notice), one sentence per level
    "synonym": str(QT_TRANSLATE_NOOP("SearchView", "No verbatim match for %1; showing synonym matches")),
    "related": str(QT_TRANSLATE_NOOP("SearchView", "No verbatim match for %1; showing synonym and related-term matches")),
    "words": str(QT_TRANSLATE_NOOP("SearchView", "No verbatim match for %1; showing passages that hold all its words")),
    "document": str(QT_TRANSLATE_NOOP("SearchView", "No verbatim match for %1; showing documents that hold all its words")),
}


def notice_text(result: SearchResult) -> str:
    """The header line of a relaxed or empty result, in the interface language ("" when found as typed)."""
    if result.relaxed:
        missing = "、".join(f"“{t}”" for t in result.relaxed_from) or QCoreApplication.translate(
            "SearchView", "the search terms")
        sentence = _RELAXED.get(result.relaxed, _RELAXED["related"])
        return QCoreApplication.translate("SearchView", sentence).replace("%1", missing)
    if result.total == 0 and result.terms:
        words = "、".join(f"“{t}”" for t in result.terms)
        return QCoreApplication.translate(
            "SearchView", "Nothing found for %1, and no synonym or related match either").replace("%1", words)
    return ""


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
        self.by_doc = QCheckBox()
        self.by_doc.setObjectName("byDocumentToggle")
        self.by_doc.setChecked(self._setting_bool("search/by_document"))
        self.filter_bar = QHBoxLayout()
        self.filter_bar.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # repeats the user's query
        self.notice = QLabel()
        self.notice.setObjectName("searchNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.hide()
        self.suggestions = SuggestionPanel()

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
        self._layout()

        self.box.returnPressed.connect(self.submit)
        self.go.clicked.connect(self.submit)
        self.by_doc.toggled.connect(self._by_document_toggled)
        self.results.activated.connect(self._open_index)
        self.results.clicked.connect(self._open_index)
        self.facet_list.clicked.connect(self._facet_clicked)
        self.suggestions.chosen.connect(self.apply_suggestion)
        self.retranslate()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.box, 1)
        top.addWidget(self.by_doc)
        top.addWidget(self.go)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.status)
        lv.addWidget(self.notice)
        lv.addLayout(self.filter_bar)
        lv.addWidget(self.suggestions)
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

    # actions
    def submit(self) -> None:
        """Search for the box's text with the current filters."""
        query = self.box.text().strip()
        if query:
            self.remember(query)
            self.searchRequested.emit(query, dict(self.filters))
        else:
            self.cleared.emit()

    def by_document(self) -> bool:
        """Whether results come one row per document (remembered in the settings)."""
        return self.by_doc.isChecked()

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

    def apply_suggestion(self, kind: str, value: str) -> None:
        """Run what a suggestion offers: without a filter, with a thesaurus or similar word, an example."""
        query = self.box.text().strip()
        if kind == "drop_filter":
            query, self.filters = drop_filter(query, self.filters, value)
            self._rebuild_filter_bar()
        elif kind == "example":
            query = value
        else:
            query = replace_term(query, value)
        self.box.setText(query)
        self.submit()

    def show_result(self, result: SearchResult) -> None:
        self.result = result
        self.hits.set_result(result)
        titles = {h.doc: h.title for h in (*result.hits, *result.more_hits)}
        self.facets.set_facets(dict(result.facets), self.filters, titles)
        self.status.setStyleSheet("")
        notice = notice_text(result)
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice) and bool(result.hits))
        if result.hits:
            self.suggestions.clear()
            self.status.setText(self._count_text(result))
            return
        self.status.setText(notice or self.tr("Nothing found for “%1”.").replace("%1", result.query))
        self.suggestions.show_suggestions(result.suggestions, self.examples)

    def _count_text(self, result: SearchResult) -> str:
        if result.by_document:
            docs = len(result.facets.get("doc", ())) or len({h.doc_id for h in result.hits})
            text = self.tr("%n passage(s) found in %1 document(s)", "", result.total).replace("%1", str(docs))
        else:
            text = self.tr("%n passage(s) found", "", result.total)
        if result.more_hits:
            text += self.tr(", and %1 more through the thesaurus").replace("%1", str(result.more_total or len(result.more_hits)))
        return text

    def show_error(self, message: str) -> None:
        self.status.setText(message)
        self.status.setStyleSheet("color: #b00020")
        self.notice.hide()
        self.suggestions.clear()

    def remember(self, query: str) -> None:
        items = [query] + [q for q in self.history.stringList() if q != query]
        self.history.setStringList(items[:HISTORY_LIMIT])
        if self.settings is not None:
            self.settings.setValue("search/history", self.history.stringList())
            self.settings.setValue("search/last", query)

    # internals
    def _setting_bool(self, key: str) -> bool:
        value = self.settings.value(key, False) if self.settings is not None else False
        return value is True or str(value).lower() == "true"

    def _by_document_toggled(self, on: bool) -> None:
        if self.settings is not None:
            self.settings.setValue("search/by_document", on)
        if self.result is not None and self.box.text().strip():
            self.submit()

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

    def _chip_text(self, key: str, value: str) -> str:
        if key in ("kind", "entity_type"):
            value = label(key, value)
        elif key == "year" and value == UNDATED:
            value = self.tr("Undated")
        return f"{label('facet', key)}: {value}  ✕"

    def _rebuild_filter_bar(self) -> None:
        while self.filter_bar.count():
            item = self.filter_bar.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for key, value in self.filters.items():
            chip = QPushButton(self._chip_text(key, value))
            chip.setObjectName(f"filter_{key}")
            chip.setFlat(True)
            chip.setStyleSheet("QPushButton { background: #e8eefc; border-radius: 8px; padding: 2px 8px; }")
            chip.clicked.connect(lambda _=False, k=key, v=value: self.toggle_filter(k, v))
            self.filter_bar.addWidget(chip)
        self.filter_bar.addStretch(1)

    def retranslate(self) -> None:
        self.set_examples(self.examples)
        self.go.setText(self.tr("Search"))
        self.by_doc.setText(self.tr("By document"))
        self.by_doc.setToolTip(self.tr("One row per document with its best passages under it"))
        self.box.setToolTip(self.tr(
            "Words are all required; OR, NOT or -word, \"quoted phrases\" (never widened), filters such as "
            "region: year: kind: issuer: 文号:.\nA concept typed in your own words that the documents do not use "
            "is looked up in the thesaurus (Tools ▸ Thesaurus…): its synonyms and related terms are searched "
            "instead, each result marked as such."))
        self.facet_title.setText(self.tr("Narrow by"))
        self.hits.retranslate()
        self.facets.retranslate()
        self._rebuild_filter_bar()
        if self.result is not None:
            self.show_result(self.result)

    def set_examples(self, examples: list[str]) -> None:
        """Example queries taken from the library itself, shown in the empty box."""
        self.examples = list(examples)
        if self.examples:
            text = self.tr("Search the documents (Ctrl+K)… e.g. %1 — concepts also find their synonyms").replace(
                "%1", "　".join(self.examples))
        else:
            text = self.tr("Search the documents (Ctrl+K)… concepts also find their synonyms")
        self.box.setPlaceholderText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

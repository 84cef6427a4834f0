"""Search view over a real knowledge base: query, results, facets, history, shortcuts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QStyleOptionViewItem

from ui.models.base import ROW_ROLE
from ui.models.facet_model import LABEL_ROLE
from ui.models.search_model import HTML_ROLE
from ui.views.search_view import SearchView


def search(qtbot, window, query: str):
    box = window.search_view.box
    box.clear()
    box.insert(query)  # QTest.keyClicks only handles ASCII
    with qtbot.waitSignal(window.controller.searchFinished, timeout=20000) as blocker:
        qtbot.keyClick(box, Qt.Key.Key_Return)
    return blocker.args[0]


def test_typing_a_query_shows_ranked_passages_with_hits_marked(qtbot, window, settings) -> None:
    result = search(qtbot, window, "算力调度平台")
    model = window.search_view.hits
    assert result.total > 0 and model.rowCount() == len(result.hits)
    hits = [model.index(r, 0).data(ROW_ROLE) for r in range(model.rowCount())]
    assert {h.doc for h in hits} >= {"guizhou_plan.txt"}
    card = model.index(0, 0).data(HTML_ROLE)
    assert "background-color" in card and hits[0].title in card
    assert window.search_view.status.text().startswith(str(result.total))
    # the store agrees with what is shown
    assert [h.passage_id for h in window.controller.kb.search("算力调度平台", limit=50).hits] == [h.passage_id for h in hits]
    assert settings.value("search/history")[0] == "算力调度平台"


def test_clicking_a_facet_narrows_and_the_chip_widens_again(qtbot, window) -> None:
    before = search(qtbot, window, "数据中心")
    docs = {h.doc for h in before.hits}
    assert len(docs) >= 2, docs
    view = window.search_view
    rows = [view.facets.index(r, 0) for r in range(view.facets.rowCount())]
    index = next(i for i in rows if (row := i.data(ROW_ROLE)).key == "doc" and not row.header
                 and row.count < before.total)
    facet = index.data(ROW_ROLE)
    rect = view.facet_list.visualRect(index)
    with qtbot.waitSignal(window.controller.searchFinished, timeout=20000) as blocker:
        qtbot.mouseClick(view.facet_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    narrowed = blocker.args[0]
    assert view.filters == {"doc": facet.value}
    assert narrowed.total == facet.count < before.total
    assert len({h.doc_id for h in narrowed.hits}) == 1
    chip = view.findChild(QPushButton, "filter_doc")
    assert chip is not None
    with qtbot.waitSignal(window.controller.searchFinished, timeout=20000) as blocker:
        qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert blocker.args[0].total == before.total and view.filters == {}


def test_a_nonsense_query_shows_an_error_not_a_traceback(qtbot, window) -> None:
    window.search_view.box.setText("year:notayear")
    with qtbot.waitSignal(window.controller.failed, timeout=20000) as blocker:
        window.search_view.submit()
    kind, message = blocker.args
    assert kind == "search" and message
    assert window.search_view.status.text() == message


def test_ctrl_k_and_ctrl_f_focus_the_search_box(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for key in (Qt.Key.Key_K, Qt.Key.Key_F):
        window.show_view("entity")
        window.entity_view.filter_box.setFocus()
        qtbot.keyClick(window.entity_view.filter_box, key, Qt.KeyboardModifier.ControlModifier)
        assert window.current_view() == "search"
        qtbot.waitUntil(lambda: window.search_view.box.hasFocus())


def test_history_is_saved_and_offered_by_the_completer(qtbot, window, settings) -> None:
    search(qtbot, window, "数据中心")
    search(qtbot, window, "算力")
    fresh = SearchView(settings)
    qtbot.addWidget(fresh)
    assert fresh.history.stringList()[:2] == ["算力", "数据中心"]
    assert fresh.completer.model() is fresh.history


def test_facet_values_elide_to_the_panel_with_their_count_and_never_scroll_sideways(qtbot, window) -> None:
    from ui.views.search_view import FacetDelegate

    window.resize(1024, 700)
    result = search(qtbot, window, "数据中心")
    view = window.search_view
    view.splitter.setSizes([800, 150])  # a narrow panel
    qtbot.waitUntil(lambda: view.facet_list.viewport().width() < 160)
    titles = {h.doc: h.title for h in result.hits}
    index = next(view.facets.index(r, 0) for r in range(view.facets.rowCount())
                 if (row := view.facets.index(r, 0).data(ROW_ROLE)).key == "doc" and not row.header)
    row = index.data(ROW_ROLE)
    delegate = view.facet_list.itemDelegate()
    assert isinstance(delegate, FacetDelegate)
    option = QStyleOptionViewItem()
    option.initFrom(view.facet_list)
    option.rect = view.facet_list.visualRect(index)
    shown = delegate.shown_text(option, index)
    assert shown.endswith(f"({row.count})") and "…" in shown and titles[row.value] not in shown
    assert titles[row.value] in index.data(Qt.ItemDataRole.ToolTipRole)
    assert view.facet_list.horizontalScrollBar().maximum() == 0
    assert all(view.facet_list.visualRect(view.facets.index(r, 0)).right() <= view.facet_list.viewport().width()
               for r in range(view.facets.rowCount()))


def test_the_region_facet_is_a_tree_and_a_place_filters_by_its_path(qtbot, window) -> None:
    before = search(qtbot, window, "数据中心")
    view = window.search_view
    rows = [(r, view.facets.index(r, 0).data(ROW_ROLE)) for r in range(view.facets.rowCount())]
    regions = [row for _r, row in rows if row.key == "region" and not row.header]
    assert {(row.value, row.depth) for row in regions} == {
        ("贵州省", 0), ("贵州省 › 贵阳市", 1), ("宁夏回族自治区", 0), ("宁夏回族自治区 › 中卫市", 1)}
    r, city = next((r, row) for r, row in rows if row.value == "贵州省 › 贵阳市")
    assert r == next(i for i, row in rows if row.value == "贵州省") + 1  # right under its province
    index = view.facets.index(r, 0)
    assert index.data(LABEL_ROLE)[0].strip() == "贵阳市"
    with qtbot.waitSignal(window.controller.searchFinished, timeout=20000) as blocker:
        qtbot.mouseClick(view.facet_list.viewport(), Qt.MouseButton.LeftButton, pos=view.facet_list.visualRect(index).center())
    narrowed = blocker.args[0]
    assert view.filters == {"region": "贵州省 › 贵阳市"} and 0 < narrowed.total == city.count < before.total
    assert {h.doc for h in narrowed.hits} == {"guizhou_plan.txt"}
    chip = view.findChild(QPushButton, "filter_region")
    assert chip is not None and "贵州省 › 贵阳市" in chip.text()

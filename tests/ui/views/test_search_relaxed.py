"""Search that finds what a researcher means: badges, the relaxed notice, thesaurus matches after few
exact hits, suggestions instead of a bare "nothing found", results by document."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from ui.i18n import install_language
from ui.models.base import ROW_ROLE
from ui.models.search_model import ENTRY_ROLE, HTML_ROLE


def search(qtbot, window, query: str, filters: dict[str, str] | None = None):
    view = window.search_view
    view.set_query(query, filters)
    with qtbot.waitSignal(window.controller.searchFinished, timeout=20000) as blocker:
        view.submit()
    return blocker.args[0]


def entries(view) -> list:
    return [view.hits.index(r, 0).data(ENTRY_ROLE) for r in range(view.hits.rowCount())]


def click_row(qtbot, view, row: int) -> None:
    rect = view.results.visualRect(view.hits.index(row, 0))
    qtbot.mouseClick(view.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_concept_not_written_as_typed_is_found_through_synonyms_and_says_so(qtbot, window) -> None:
    result = search(qtbot, window, "奖补")  # the documents say 奖励 / 补贴
    view = window.search_view
    assert result.relaxed == "synonym" and result.hits
    assert view.notice.isVisible() and "奖补" in view.notice.text() and "synonym" in view.notice.text()
    cards = [view.hits.index(r, 0).data(HTML_ROLE) for r in range(view.hits.rowCount())]
    assert len(cards) == len(result.hits) and all(">&nbsp;Synonym&nbsp;<" in c for c in cards)
    assert all("matched: " in c for c in cards)  # which of its synonyms each passage holds
    install_language("zh")
    try:
        qtbot.waitUntil(lambda: view.go.text() == "搜索")
        assert view.notice.text() == result.notice  # the core's own sentence, from the UI's translations
        assert ">&nbsp;同义&nbsp;<" in view.hits.index(0, 0).data(HTML_ROLE)
    finally:
        install_language("en")


def test_a_quoted_phrase_is_never_widened(qtbot, window) -> None:
    result = search(qtbot, window, '"奖补"')
    view = window.search_view
    assert result.total == 0 and not result.relaxed and view.hits.rowCount() == 0
    assert not view.notice.isVisible()


def test_thesaurus_matches_follow_a_short_exact_result_under_their_heading(qtbot, window) -> None:
    result = search(qtbot, window, "补贴")
    view = window.search_view
    assert result.hits and result.more_hits
    rows = entries(view)
    kinds = [e.kind for e in rows]
    heading = kinds.index("heading")
    assert kinds == ["hit"] * len(result.hits) + ["heading"] + ["hit"] * len(result.more_hits)
    assert all(e.hit.match == "exact" for e in rows[:heading])
    assert all(e.hit.match != "exact" for e in rows[heading + 1:])
    assert str(result.more_total) in rows[heading].text
    assert not view.hits.flags(view.hits.index(heading, 0)) & Qt.ItemFlag.ItemIsSelectable
    assert [e.rank for e in rows if e.kind == "hit"] == list(range(1, len(result.hits) + len(result.more_hits) + 1))
    assert f"and {result.more_total} more through the thesaurus" in view.status.text()
    with qtbot.waitSignal(window.controller.documentLoaded, timeout=20000) as opened:
        click_row(qtbot, view, heading + 1)  # a thesaurus match opens like any hit
    assert opened.args[0].focus == (result.more_hits[0].start, result.more_hits[0].end)


def test_nothing_found_offers_a_similar_word_that_finds_something(qtbot, window) -> None:
    result = search(qtbot, window, "数椐中心")  # a typo of 数据中心
    view = window.search_view
    assert result.total == 0 and ("similar", "数据中心", 4) in result.suggestions
    assert view.suggestions.isVisible() and "数椐中心" in view.status.text()
    button = next(b for b in view.suggestions.buttons if b.objectName() == "suggestion_similar")
    assert "数据中心" in button.text() and "4 passage(s)" in button.text()
    with qtbot.waitSignal(window.controller.searchFinished, timeout=20000) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert view.box.text() == "数据中心" and blocker.args[0].total == 4
    assert not view.suggestions.isVisible() and view.hits.rowCount() == 4


def test_nothing_found_offers_to_drop_the_filter_that_emptied_it(qtbot, window) -> None:
    result = search(qtbot, window, "数据中心", {"region": "陕西省"})
    view = window.search_view
    assert result.total == 0 and ("drop_filter", "region:陕西省", 4) in result.suggestions
    button = next(b for b in view.suggestions.buttons if b.objectName() == "suggestion_drop_filter")
    assert "Region: 陕西省" in button.text() and "4 passage(s)" in button.text()
    thesaurus = [b.text() for b in view.suggestions.buttons if b.objectName() == "suggestion_thesaurus"]
    assert thesaurus and all("(thesaurus)" in t for t in thesaurus)
    with qtbot.waitSignal(window.controller.searchFinished, timeout=20000) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert view.filters == {} and view.findChild(QPushButton, "filter_region") is None
    assert blocker.args[0].total == 4 and view.box.text() == "数据中心"


def test_a_typed_filter_is_dropped_from_the_box_too(qtbot, window) -> None:
    search(qtbot, window, "数据中心 地区:陕西省")
    view = window.search_view
    button = next(b for b in view.suggestions.buttons if b.objectName() == "suggestion_drop_filter")
    with qtbot.waitSignal(window.controller.searchFinished, timeout=20000) as blocker:
        button.click()
    assert view.box.text() == "数据中心" and blocker.args[0].total == 4


def test_results_by_document_group_passages_under_their_document(qtbot, window, settings) -> None:
    view = window.search_view
    flat = search(qtbot, window, "数据中心")
    assert not flat.by_document
    with qtbot.waitSignal(window.controller.searchFinished, timeout=20000) as blocker:
        view.by_doc.click()  # re-runs the shown search
    grouped = blocker.args[0]
    assert grouped.by_document and settings.value("search/by_document") in (True, "true")
    rows = entries(view)
    docs = [e for e in rows if e.kind == "document"]
    assert [e.hit.doc for e in docs] == list(dict.fromkeys(h.doc for h in grouped.hits))
    assert all(e.depth == 1 for e in rows if e.kind == "hit")
    for doc in docs:  # each document row says how many of its passages match, and they follow it
        under = rows[rows.index(doc) + 1: rows.index(doc) + 1 + doc.count]
        assert doc.count == 2 and all(e.kind == "hit" and e.hit.doc == doc.hit.doc for e in under)
    assert view.status.text() == "4 passage(s) found in 2 document(s)"
    passage = next(r for r, e in enumerate(rows) if e.kind == "hit" and e.hit.doc == "guizhou_plan.txt")
    hit = view.hits.index(passage, 0).data(ROW_ROLE)
    with qtbot.waitSignal(window.controller.documentLoaded, timeout=20000) as opened:
        click_row(qtbot, view, passage)
    assert opened.args[0].text.doc.name == "guizhou_plan.txt" and opened.args[0].focus == (hit.start, hit.end)
    assert window.current_view() == "reader"


def test_the_by_document_choice_is_remembered(qtbot, make_window, kb_dir, settings) -> None:
    settings.setValue("search/by_document", True)
    window = make_window(kb_dir)
    assert window.search_view.by_document()
    result = search(qtbot, window, "数据中心")
    assert result.by_document and entries(window.search_view)[0].kind == "document"

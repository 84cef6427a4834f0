"""Reader over a real knowledge base: hits at UTF-16 positions, outline, mentions, raw page."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QTextCursor, QTextDocument

from ui.labels import ENTITY_COLOURS, entity_colour, label
from ui.models.base import ROW_ROLE
from ui.textpos import Utf16Map
from ui.views.reader_view import REMOVED_COLOUR


def open_first_hit(qtbot, window, query: str, doc: str):
    with qtbot.waitSignal(window.controller.searchFinished, timeout=20000):
        window.search_view.box.setText(query)
        window.search_view.submit()
    view = window.search_view
    row = next(r for r in range(view.hits.rowCount()) if view.hits.index(r, 0).data(ROW_ROLE).doc == doc)
    index = view.hits.index(row, 0)
    view.results.scrollTo(index)
    with qtbot.waitSignal(window.controller.documentLoaded, timeout=20000) as loaded:
        qtbot.mouseClick(view.results.viewport(), Qt.MouseButton.LeftButton, pos=view.results.visualRect(index).center())
    return index.data(ROW_ROLE), loaded.args[0]


def test_opening_a_result_highlights_the_hit_at_utf16_positions(qtbot, window) -> None:
    hit, loaded = open_first_hit(qtbot, window, "算力调度平台", "guizhou_plan.txt")
    reader = window.reader_view
    body = window.controller.kb.document_text(hit.doc_id).body
    assert window.current_view() == "reader"
    assert reader.current_text() == body
    assert "𠮷" in body[: hit.highlights[0][0]]  # the astral character precedes the hit ...
    m = Utf16Map(body)
    expected = [(m.to_qt(s), m.to_qt(e)) for s, e in hit.highlights]
    assert reader.hit_selections() == expected
    assert expected[0][0] > hit.highlights[0][0]  # ... so Qt's positions are shifted
    for sel in reader.text.extraSelections():
        if sel.format.background().color() == QColor("#ffe066"):
            assert sel.cursor.selectedText() in ("算力调度平台", "算力", "调度", "平台", "算力调度")
    assert reader.text.textCursor().position() == m.to_qt(hit.start)


def test_outline_lists_the_headings_and_jumps_to_them(qtbot, window) -> None:
    hit, loaded = open_first_hit(qtbot, window, "算力调度平台", "guizhou_plan.txt")
    reader = window.reader_view
    headings = loaded.text.headings
    assert len(headings) >= 2 and reader.outline.rowCount() == len(headings)
    index = reader.outline.index(1, 0)
    qtbot.mouseClick(reader.outline_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=reader.outline_list.visualRect(index).center())
    start, _level, text = headings[1]
    assert reader.text.textCursor().position() == reader.map.to_qt(start)
    assert reader.current_text()[start:start + len(text)] == text


def test_raw_toggle_greys_out_the_removed_boilerplate(qtbot, window) -> None:
    hit, loaded = open_first_hit(qtbot, window, "丝路软件城", "shaanxi_page.txt")
    reader = window.reader_view
    text = loaded.text
    assert text.removed, "the scraped page should have boilerplate removed"
    qtbot.mouseClick(reader.raw_toggle, Qt.MouseButton.LeftButton)
    assert reader.is_raw() and reader.current_text() == text.raw
    span = text.removed[0]
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(reader.map.to_qt(span.start) + 1)
    assert cursor.charFormat().foreground().color() == QColor(REMOVED_COLOUR)
    assert reader.text.extraSelections() == []
    qtbot.mouseClick(reader.raw_toggle, Qt.MouseButton.LeftButton)
    assert reader.current_text() == text.body and reader.hit_selections()


def test_reader_never_loads_resources_or_opens_links(window) -> None:
    browser = window.reader_view.text
    assert browser.loadResource(QTextDocument.ResourceType.ImageResource, QUrl("http://example.com/x.png")) is None
    assert browser.loadResource(QTextDocument.ResourceType.ImageResource, QUrl("file:///etc/passwd")) is None
    assert not browser.openExternalLinks() and not browser.openLinks()


def test_mentions_are_marked_by_type_and_clicking_one_opens_the_entity(qtbot, window) -> None:
    hit, loaded = open_first_hit(qtbot, window, "算力调度平台", "guizhou_plan.txt")
    reader = window.reader_view
    assert loaded.mentions, "the plan mentions parks, firms and regions"
    mention = loaded.mentions[len(loaded.mentions) // 2]
    for m in loaded.mentions:  # every mention is a link, coloured by its type (the legend's colours)
        fmt = reader.mention_format_at(m.start)
        assert fmt.isAnchor() and fmt.anchorHref() == f"entity:{m.entity_id}"
        assert fmt.background().color() == QColor(entity_colour(m.entity_type))
    assert all(label("entity_type", t) in reader.legend.text() for t in ENTITY_COLOURS)
    reader.scroll_to(mention.start)
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(reader.map.to_qt(mention.start) + 1)
    pos = reader.text.cursorRect(cursor).center()
    with qtbot.waitSignal(window.controller.entityLoaded, timeout=20000) as blocker:
        qtbot.mouseClick(reader.text.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    page = blocker.args[0]
    assert page.entity.id == mention.entity_id
    assert window.current_view() == "entity"
    assert window.entity_view.page.page is page

"""Reader over a real knowledge base: hits at UTF-16 positions, outline, mentions, raw page."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QTextCursor, QTextDocument

from ui.citation import citation
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
    assert reader.side.isVisible()


def test_a_document_without_headings_gives_the_outline_width_to_the_text(qtbot, window) -> None:
    kb = window.controller.kb
    plain = next(d for d in kb.documents() if not kb.document_text(d.id).headings)
    with qtbot.waitSignal(window.controller.documentLoaded, timeout=20000):
        window.controller.load_document(plain.name)
    reader = window.reader_view
    assert not reader.side.isVisible() and reader.text.width() > 0.9 * reader.splitter.width()
    with qtbot.waitSignal(window.controller.documentLoaded, timeout=20000):
        window.controller.load_document("guizhou_plan.txt")
    assert reader.side.isVisible()


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
    for url in ("http://example.com/x.png", "file:///etc/passwd"):  # an empty answer: Qt must not load it itself
        assert browser.loadResource(QTextDocument.ResourceType.ImageResource, QUrl(url)).isNull()
    assert browser.loadResource(QTextDocument.ResourceType.StyleSheetResource, QUrl("file:///etc/passwd")).isEmpty()
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


NOTICE = """贵州省人民政府办公厅关于印发贵州省数字经济发展实施方案的通知
黔府办发〔2023〕12号
各市、自治州人民政府，省政府各部门、各直属机构：
《贵州省数字经济发展实施方案》已经省人民政府同意，现印发给你们，请认真贯彻执行。
贵州省人民政府办公厅
2023年4月10日

贵州省数字经济发展实施方案

一、总体要求
到2025年，全省数字经济增加值突破1万亿元。

二、重点任务
（一）建设算力基础设施
支持贵安新区建设数据中心集群，对新建数据中心给予一次性奖励500万元。
"""


def _open_notice(qtbot, window, tmp_path):
    path = tmp_path / "guizhou_notice.txt"
    path.write_text(NOTICE, encoding="utf-8")
    with qtbot.waitSignal(window.controller.importFinished, timeout=30000):
        window.import_paths([path])
    with qtbot.waitSignal(window.controller.documentLoaded, timeout=20000) as loaded:
        window.controller.load_document("guizhou_notice.txt")
    return loaded.args[0].text


def test_the_header_shows_every_metadata_field(qtbot, window, tmp_path) -> None:
    text = _open_notice(qtbot, window, tmp_path)
    doc = text.doc
    assert doc.issuer and doc.doc_number and doc.date and doc.source  # the ingest found them
    header = window.reader_view.header
    meta = header.meta.text().replace("\u2060", "").replace("\u00a0", " ")  # joiners keep a field on one line
    for value in (*doc.region_chain, doc.date, label("kind", doc.kind), doc.issuer, doc.doc_number, doc.name):
        assert value in meta
    for field in ("Region", "Date", "Kind", "Source", "Issuer", "Doc no.", "File"):
        assert field in meta and f"{field}:" in header.meta.toolTip()
    assert doc.title in header.title.text()
    assert header.meta.sizeHint().width() <= window.reader_view.width()  # wraps, never widens the window


def test_copy_citation_of_the_selection_names_its_section(qtbot, window, tmp_path) -> None:
    from PySide6.QtGui import QGuiApplication

    text = _open_notice(qtbot, window, tmp_path)
    reader = window.reader_view
    start = text.body.index("对新建数据中心")
    reader.select_span(start, start + 7)
    with qtbot.waitSignal(reader.citationCopied) as copied:
        qtbot.mouseClick(reader.header.copy_button, Qt.MouseButton.LeftButton)
    doc = text.doc
    expected = citation(doc, "二、重点任务 > （一）建设算力基础设施")
    assert expected.startswith(f"{doc.issuer}. ") and expected.endswith("（二、重点任务 > （一）建设算力基础设施）")
    assert copied.args[0] == expected == QGuiApplication.clipboard().text()
    assert expected in window.status_label.text()
    reader.select_span(text.body.index("到2025年"), text.body.index("到2025年") + 4)
    assert reader.citation_text().endswith("（一、总体要求）")
    menu = reader.build_context_menu(reader.text.viewport().rect().center())
    assert reader.copy_citation_action in menu.actions()
    menu.close()


def test_copy_citation_without_a_selection_cites_the_opened_passage(qtbot, window) -> None:
    hit, loaded = open_first_hit(qtbot, window, "算力调度平台", "guizhou_plan.txt")
    reader = window.reader_view
    assert not reader.text.textCursor().hasSelection() and hit.section
    doc = loaded.text.doc
    assert reader.citation_text() == citation(doc, hit.section)


def _first_paragraph_formats(reader) -> list[tuple[int, int, str, bool]]:
    """(start, end, background, is-anchor) of every fragment of the first non-empty paragraph."""
    block = reader.text.document().begin()
    while block.isValid() and not block.text().strip():
        block = block.next()
    out = []
    it = block.begin()
    while not it.atEnd():
        frag = it.fragment()
        fmt = frag.charFormat()
        colour = fmt.background().color().name() if fmt.background().style() != Qt.BrushStyle.NoBrush else ""
        out.append((frag.position(), frag.position() + frag.length(), colour, fmt.isAnchor()))
        it += 1
    return out


def test_after_clicking_an_entity_the_next_document_is_not_tinted(qtbot, window) -> None:
    _hit, loaded = open_first_hit(qtbot, window, "算力调度平台", "guizhou_plan.txt")
    reader = window.reader_view
    mention = next(m for m in loaded.mentions if m.entity_type == "region")
    reader.scroll_to(mention.start)
    qtbot.waitUntil(lambda: reader._pending_scroll is None)
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(reader.map.to_qt(mention.start) + 1)
    pos = reader.text.cursorRect(cursor).center()
    with qtbot.waitSignal(window.controller.entityLoaded, timeout=20000):
        qtbot.mouseClick(reader.text.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    doc = window.controller.titles.doc("shaanxi_page.txt")
    with qtbot.waitSignal(window.controller.documentLoaded, timeout=20000) as other:
        window.open_passage(doc.id, 0, 1)
    view = other.args[0]
    body_mentions = {(reader.map.to_qt(m.start), reader.map.to_qt(m.end)) for m in view.mentions}
    fragments = _first_paragraph_formats(reader)
    assert fragments
    for start, end, colour, anchor in fragments:  # only the new document's own mentions are links or coloured
        inside = any(s <= start and end <= e for s, e in body_mentions)
        assert inside or (not anchor and colour in ("", "#000000")), (start, end, colour, anchor)
    # clicking plain text of the new document opens nothing
    plain = max(((s, e) for s, e, c, a in fragments if not a), key=lambda f: f[1] - f[0])
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition((plain[0] + plain[1]) // 2)
    entity_page_before = window.entity_view.page.page
    qtbot.mouseClick(reader.text.viewport(), Qt.MouseButton.LeftButton, pos=reader.text.cursorRect(cursor).center())
    qtbot.wait(200)
    assert window.current_view() == "reader" and window.entity_view.page.page is entity_page_before

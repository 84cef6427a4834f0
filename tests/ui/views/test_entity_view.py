"""Entity browser and entity page over a real knowledge base."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.models.base import ROW_ROLE
from ui.models.link_model import LinkTableModel
from ui.models.measure_model import MeasureTableModel
from ui.models.mention_model import MentionTableModel
from ui.textpos import Utf16Map


def click_row(qtbot, view, row: int) -> None:
    index = view.model().index(row, 0)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def test_entities_are_listed_and_filterable(qtbot, window) -> None:
    ev = window.entity_view
    stored = window.controller.kb.entities()
    assert stored and ev.model.rowCount() == len(stored)
    assert {e.type for e in stored} >= {"region", "enterprise"}
    park = next((e for e in stored if e.type == "park"), stored[0])
    ev.filter_box.insert(park.name[:4])  # as typed; QTest.keyClicks is ASCII-only
    shown = [ev.proxy.index(r, 0).data(ROW_ROLE) for r in range(ev.proxy.rowCount())]
    assert park in shown and all(park.name[:4] in (e.name + "".join(e.aliases)) for e in shown)
    ev.filter_box.clear()
    ev.type_box.setCurrentIndex(ev.type_box.findData("region"))
    shown = [ev.proxy.index(r, 0).data(ROW_ROLE) for r in range(ev.proxy.rowCount())]
    assert shown and {e.type for e in shown} == {"region"}
    assert ev.count.text().startswith(str(len(shown)))


def test_entity_page_shows_links_mentions_and_measures(qtbot, window) -> None:
    ev = window.entity_view
    window.show_view("entity")
    target = max(window.controller.kb.entities(), key=lambda e: e.mention_count)
    row = next(r for r in range(ev.proxy.rowCount()) if ev.proxy.index(r, 0).data(ROW_ROLE).id == target.id)
    with qtbot.waitSignal(window.controller.entityLoaded, timeout=20000) as blocker:
        click_row(qtbot, ev.table, row)
    page = blocker.args[0]
    stored = window.controller.kb.entity(target.id)
    assert page.entity.name == target.name
    assert ev.page.mentions.rowCount() == len(stored.mentions) > 0
    assert ev.page.links.rowCount() == len(stored.links)
    assert ev.page.measures.rowCount() == len(stored.measures)
    assert target.name in ev.page.header.text()


def test_following_a_link_and_opening_a_mention(qtbot, window) -> None:
    kb = window.controller.kb
    source = next(e for e in sorted(kb.entities(), key=lambda e: -e.mention_count) if kb.entity(e.id).links)
    with qtbot.waitSignal(window.controller.entityLoaded, timeout=20000):
        window.open_entity(source.id)
    page_view = window.entity_view.page
    link = page_view.links.row_at(0)
    other = page_view.links.other_end(link)[0]
    with qtbot.waitSignal(window.controller.entityLoaded, timeout=20000) as blocker:
        click_row(qtbot, page_view.link_view, 0)
    assert blocker.args[0].entity.id == other != source.id
    mention = page_view.mentions.row_at(0)
    with qtbot.waitSignal(window.controller.documentLoaded, timeout=20000) as loaded:
        click_row(qtbot, page_view.mention_view, 0)
    assert window.current_view() == "reader"
    body = loaded.args[0].text.body
    m = Utf16Map(body)
    assert body[mention.start:mention.end] == mention.text
    assert window.reader_view.hit_selections() == [(m.to_qt(mention.start), m.to_qt(mention.end))]
    assert window.reader_view.text.textCursor().position() == m.to_qt(mention.start)


def test_entity_page_tables_fit_their_width_at_1024(qtbot, window) -> None:
    window.resize(1024, 700)
    kb = window.controller.kb
    target = max(kb.entities(), key=lambda e: len(kb.entity(e.id).measures) + e.mention_count)
    with qtbot.waitSignal(window.controller.entityLoaded, timeout=20000):
        window.open_entity(target.id)
    page = window.entity_view.page
    window.entity_view.splitter.setSizes([600, 424])  # a page narrower than the fixed columns want
    for view, text_col in ((page.mention_view, MentionTableModel.COL_SENTENCE),
                           (page.measure_view, MeasureTableModel.COL_TEXT), (page.link_view, LinkTableModel.COL_SENTENCE)):
        header = view.horizontalHeader()
        qtbot.waitUntil(lambda h=header, v=view: h.length() <= v.viewport().width() + 1)
        assert header.sectionSize(text_col) >= 0.3 * view.viewport().width()  # the text column stays readable
        assert view.horizontalScrollBar().maximum() == 0

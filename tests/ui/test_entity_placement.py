"""The entity page: relations in words, where an unplaced firm is mentioned, "Not located here" and
"Remove this link" through the controller, over a real knowledge base."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from ui.i18n import install_language
from ui.models.link_model import LinkTableModel
from ui.models.mention_model import DocumentMentionTableModel
from ui.textpos import Utf16Map

FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "placement"
FIRM, PARK, ZONE, OTHER = "华为技术有限公司", "遵义软件园", "遵义经济技术开发区", "腾讯控股有限公司"


@pytest.fixture
def placed_window(make_window, tmp_path: Path):
    from kb import KnowledgeBase

    docs = tmp_path / "docs"
    shutil.copytree(FOLDER, docs, ignore=shutil.ignore_patterns("*.md"))
    base = KnowledgeBase.open(tmp_path / "kb")
    try:
        assert base.import_paths([docs]).ok
    finally:
        base.close()
    return make_window(tmp_path / "kb")


def open_entity(qtbot, window, name: str):
    kb = window.controller.kb
    with qtbot.waitSignal(window.controller.entityLoaded, timeout=20000):
        window.open_entity(kb.entity(name).entity.id)
    return window.entity_view.page


def relations(page) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for r in range(page.links.rowCount()):
        out.setdefault(page.links.index(r, LinkTableModel.COL_KIND).data(), set()).add(
            page.links.index(r, LinkTableModel.COL_ENTITY).data())
    return out


def link_row(page, words: str, other: str):
    return next(page.links.row_at(r) for r in range(page.links.rowCount())
                if page.links.index(r, LinkTableModel.COL_KIND).data() == words
                and page.links.index(r, LinkTableModel.COL_ENTITY).data() == other)


def menu_action(page, link, name: str):
    menu = QMenu(page)
    page.fill_link_menu(menu, link)
    return next(a for a in menu.actions() if a.objectName() == name)


def test_a_park_page_reads_its_relations_in_words_with_their_sentences(qtbot, placed_window) -> None:
    page = open_entity(qtbot, placed_window, PARK)
    assert relations(page) == {"Located in": {ZONE}, "Contains": {FIRM}, "Mentioned with": {"遵义市大数据发展有限公司"}}
    contains = link_row(page, "Contains", FIRM)
    row = page.links.rows().index(contains)
    tip = page.links.index(row, LinkTableModel.COL_ENTITY).data(Qt.ItemDataRole.ToolTipRole)
    assert "落户遵义软件园" in tip and "zunyi_plan.txt" in tip
    assert "落户遵义软件园" in page.links.index(row, LinkTableModel.COL_SENTENCE).data()
    assert not page.document_box.isVisibleTo(page), "a placed entity: its mentions table is enough"
    firm = open_entity(qtbot, placed_window, FIRM)
    assert relations(firm)["Located in"] == {PARK}


def test_the_relation_words_follow_the_interface_language(qtbot, placed_window) -> None:
    page = open_entity(qtbot, placed_window, PARK)
    try:
        install_language("zh")
        qtbot.waitUntil(lambda: "包含" in relations(page))
        assert relations(page)["位于"] == {ZONE} and "建设方" not in relations(page)
    finally:
        install_language("en")


def test_an_unplaced_firm_lists_the_documents_that_mention_it(qtbot, placed_window) -> None:
    page = open_entity(qtbot, placed_window, OTHER)
    assert page.document_box.isVisibleTo(page)
    docs = page.documents
    titles = {docs.index(r, DocumentMentionTableModel.COL_TITLE).data() for r in range(docs.rowCount())}
    assert titles == {"昆明市举办数字经济合作论坛", "遵义市加快数字经济发展实施方案"}
    assert {docs.index(r, DocumentMentionTableModel.COL_COUNT).data() for r in range(docs.rowCount())} == {"2"}
    hint = placed_window.minimumSizeHint()
    assert hint.width() <= 700 and hint.height() <= 500, "the documents table does not make the window bigger"
    header = page.header.text()
    assert "not placed" in header and "Mentioned in documents about" in header
    assert "昆明市" in header and "遵义市" in header
    row = next(r for r in range(docs.rowCount()) if docs.row_at(r).doc == "kunming_news.txt")
    first = docs.row_at(row).first
    with qtbot.waitSignal(placed_window.controller.documentLoaded, timeout=20000) as loaded:
        page.document_view.doubleClicked.emit(docs.index(row, 0))
    assert placed_window.current_view() == "reader"
    body = loaded.args[0].text.body
    assert body[first.start:first.end] == "腾讯" and body.index("腾讯") == first.start, "at the first mention"
    assert placed_window.reader_view.text.textCursor().position() == Utf16Map(body).to_qt(first.start)


def test_not_located_here_from_a_link_row_survives_and_refreshes_the_page(qtbot, placed_window, idle,
                                                                          monkeypatch) -> None:
    page = open_entity(qtbot, placed_window, FIRM)
    asked: list[str] = []
    monkeypatch.setattr(placed_window.entity_view.corrector, "confirm", lambda text: asked.append(text) or True)
    action = menu_action(page, link_row(page, "Located in", PARK), "linkUnplace")
    assert action.isEnabled()
    with qtbot.waitSignal(placed_window.controller.entityCorrected, timeout=20000) as done:
        with qtbot.waitSignal(placed_window.controller.entityLoaded, timeout=20000):
            action.trigger()
    idle(placed_window)
    assert PARK in asked[0] and FIRM in asked[0]
    assert (done.args[0].action, done.args[0].value) == ("unplace", PARK)
    assert "Located in" not in relations(page) and "not placed" in page.header.text()
    assert page.document_box.isVisibleTo(page), "now unplaced: where it is mentioned shows"
    stored = placed_window.controller.kb.entity(FIRM)
    assert stored.entity.located_in == () and stored.entity.region_chain == ()
    assert PARK in placed_window.status_label.text()


def test_remove_this_link_from_a_park_page(qtbot, placed_window, idle, monkeypatch) -> None:
    page = open_entity(qtbot, placed_window, PARK)
    monkeypatch.setattr(placed_window.entity_view.corrector, "confirm", lambda text: True)
    action = menu_action(page, link_row(page, "Located in", ZONE), "linkRemove")
    with qtbot.waitSignal(placed_window.controller.entityCorrected, timeout=20000):
        with qtbot.waitSignal(placed_window.controller.entityLoaded, timeout=20000):
            action.trigger()
    idle(placed_window)
    assert "Located in" not in relations(page) and relations(page)["Contains"] == {FIRM}
    stored = placed_window.controller.kb.entity(PARK)
    assert stored.entity.located_in == () and stored.entity.region_chain, "the park keeps its city"
    assert ZONE in placed_window.status_label.text()


def test_the_correct_menu_offers_each_placement_and_read_only_disables_them(qtbot, placed_window) -> None:
    page = open_entity(qtbot, placed_window, FIRM)
    page.fill_correct_menu()
    sub = next(a for a in page.correct_menu.actions() if a.objectName() == "correctUnplace")
    names = {a.objectName() for a in sub.menu().actions()}
    assert f"correctUnplace_{PARK}" in names and "correctUnplaceAnywhere" in names and sub.isEnabled()
    placed_window.entity_view.corrector.set_readonly(True, "read-only")
    page.fill_correct_menu()
    sub = next(a for a in page.correct_menu.actions() if a.objectName() == "correctUnplace")
    assert not sub.isEnabled()
    assert not menu_action(page, link_row(page, "Located in", PARK), "linkRemove").isEnabled()

"""The library view over a real knowledge base: every document, sort, filter, open, remove."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.models.base import ROW_ROLE
from ui.models.library_model import LibraryModel


def _ready(qtbot, window) -> object:
    view = window.library_view
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=20000)
    return view


def test_every_document_with_its_metadata_and_counts(qtbot, window, qtmodeltester) -> None:
    view = _ready(qtbot, window)
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.proxy)
    plan = next(r for r in view.visible() if r.doc.name == "guizhou_plan.txt")
    assert plan.doc.passages > 0 and plan.entities > 0 and plan.measures > 0
    row = next(r for r in range(view.proxy.rowCount()) if view.proxy.index(r, 0).data(ROW_ROLE) is plan)
    cells = [view.proxy.index(row, c).data() for c in range(view.proxy.columnCount())]
    assert cells[LibraryModel.COL_TITLE] == plan.doc.title and cells[LibraryModel.COL_DATE] == "2023-03-15"
    assert cells[LibraryModel.COL_REGION] == "贵阳市" and cells[LibraryModel.COL_PASSAGES] == str(plan.doc.passages)
    assert "guizhou_plan.txt" in view.proxy.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert view.count.text() == "3 of 3 documents"


def test_sorting_counts_as_numbers_and_filtering(qtbot, window) -> None:
    view = _ready(qtbot, window)
    view.table.sortByColumn(LibraryModel.COL_PASSAGES, Qt.SortOrder.DescendingOrder)
    passages = [r.doc.passages for r in view.visible()]
    assert passages == sorted(passages, reverse=True)
    view.filter_box.setText("中卫")
    assert [r.doc.name for r in view.visible()] == ["ningxia_news.txt"]
    view.filter_box.clear()
    view.region_box.setCurrentIndex(view.region_box.findData("陕西省"))
    assert [r.doc.name for r in view.visible()] == ["shaanxi_page.txt"]
    view.region_box.setCurrentIndex(0)
    kinds = {r.doc.kind for r in view.visible()}
    kind = sorted(kinds)[0]
    view.kind_box.setCurrentIndex(view.kind_box.findData(kind))
    assert view.visible() and all(r.doc.kind == kind for r in view.visible())
    assert view.count.text().endswith("of 3 documents")


def test_double_click_opens_the_document_and_back_returns(qtbot, window) -> None:
    view = _ready(qtbot, window)
    assert view.select(view.visible()[0].doc.id)
    row = view.current()
    index = view.proxy.index(view.table.currentIndex().row(), LibraryModel.COL_TITLE)
    with qtbot.waitSignal(window.controller.documentLoaded, timeout=20000) as loaded:
        view.table.doubleClicked.emit(index)
    assert loaded.args[0].text.doc.id == row.doc.id and window.current_view() == "reader"
    window.go_back()
    assert window.current_view() == "library"


def test_removing_asks_first_then_keeps_the_notes_orphaned(qtbot, window, monkeypatch) -> None:
    c = window.controller
    c.add_note(doc="ningxia_news.txt", quote="标准机架5万架", comment="机架")
    view = _ready(qtbot, window)
    assert view.select(c.titles.doc("ningxia_news.txt").id)
    asked: list[str] = []
    monkeypatch.setattr(view, "confirm", lambda text: asked.append(text) or False)
    assert not view.remove_current() and view.model.rowCount() == 3
    assert "orphaned" in asked[0] and c.titles.title("ningxia_news.txt") in asked[0]
    monkeypatch.setattr(view, "confirm", lambda text: True)
    with qtbot.waitSignal(c.documentsLoaded, timeout=20000):
        assert view.remove_current()
    assert {r.doc.name for r in view.visible()} == {"guizhou_plan.txt", "shaanxi_page.txt"}
    assert "Removed" in view.status.text()
    qtbot.waitUntil(lambda: [n.orphaned for n in window.notes_view.visible_notes()] == [True], timeout=20000)
    assert c.kb.notes()[0].orphaned


def test_read_only_library_cannot_remove(qtbot, window) -> None:
    view = _ready(qtbot, window)
    view.set_readonly(True)
    view.select(view.visible()[0].doc.id)
    assert view.open_button.isEnabled() and not view.remove_button.isEnabled() and not view.remove_current()

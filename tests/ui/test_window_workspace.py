"""Compare and notes inside the main window: evidence → reader, notes from every place, exports, read-only."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from ui.models.notes_model import NotesModel
from ui.textpos import Utf16Map


def compare(qtbot, window, regions: list[str]):
    view = window.compare_view
    view.set_regions(regions)
    with qtbot.waitSignal(view.comparison_ready, timeout=20000) as blocker:
        qtbot.mouseClick(view.compare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.busy())
    return blocker.args[0]


def open_doc(qtbot, window, name: str):
    doc = window.controller.kb.document(name)
    with qtbot.waitSignal(window.controller.documentLoaded, timeout=20000) as blocker:
        window.open_passage(doc.id, 0, 1)
    return blocker.args[0]


def select_in_reader(qtbot, reader, start: int, end: int) -> None:
    """Drag-select with the mouse from ``start`` to ``end`` (code points in the body)."""
    reader.scroll_to(start)
    qtbot.waitUntil(lambda: reader._pending_scroll is None)
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(reader.map.to_qt(start))
    a = reader.text.cursorRect(cursor).center()
    cursor.setPosition(reader.map.to_qt(end))
    b = reader.text.cursorRect(cursor).center()
    if a.y() != b.y():  # across a line break: select by keyboard-equivalent cursor instead
        reader.select_span(start, end)
        return
    qtbot.mousePress(reader.text.viewport(), Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(reader.text.viewport(), pos=b)
    qtbot.mouseRelease(reader.text.viewport(), Qt.MouseButton.LeftButton, pos=b)


def test_compare_tab_picks_regions_adds_a_theme_and_opens_a_cells_passage(qtbot, window, monkeypatch) -> None:
    assert window.compare_view is not None and window.view_widget("compare") is window.compare_view
    window.nav_actions["compare"].trigger()
    assert window.current_view() == "compare"
    view = window.compare_view
    monkeypatch.setattr(view, "ask_theme", lambda *a: ("算力", "算力 OR 数据中心", ["infrastructure"]))
    with qtbot.waitSignal(window.controller.themesLoaded, timeout=20000):
        qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert window.controller.kb.theme("算力").query == "算力 OR 数据中心"
    comp = compare(qtbot, window, ["宁夏回族自治区", "贵州省"])
    assert comp.regions == ("宁夏回族自治区", "贵州省")  # the order the user chose, not the list's
    row = [r.theme.label for r in comp.rows].index("算力")
    view.select_cell(row, 1)
    hit = view.cell.item(0)
    assert hit is not None and hit.doc == "guizhou_plan.txt"
    with qtbot.waitSignal(window.controller.documentLoaded, timeout=20000) as loaded:
        qtbot.mouseClick(view.cell.open_button, Qt.MouseButton.LeftButton)
    shown = loaded.args[0]
    assert window.current_view() == "reader" and shown.text.doc.id == hit.doc_id
    m = Utf16Map(shown.text.body)
    assert window.reader_view.hit_selections() == [(m.to_qt(hit.start), m.to_qt(hit.end))]
    assert window.reader_view.current_text()[hit.start:hit.end] == hit.text  # no astral chars before it here
    window.back_action.trigger()  # back to the comparison it came from
    assert window.current_view() == "compare" and window.forward_action.isEnabled()


def test_reader_selection_becomes_a_note_listed_and_openable(qtbot, window, monkeypatch) -> None:
    asked = []
    monkeypatch.setattr(window.workspace, "ask_note", lambda target: asked.append(target) or ("算力枢纽", ["算力", "枢纽"]))
    loaded = open_doc(qtbot, window, "guizhou_plan.txt")
    body = loaded.text.body
    start = body.index("全国一体化算力网络国家枢纽节点")
    end = start + len("全国一体化算力网络国家枢纽节点")
    reader = window.reader_view
    select_in_reader(qtbot, reader, start, end)
    assert reader.add_note_action.isEnabled()
    with qtbot.waitSignal(window.controller.noteAdded, timeout=20000) as added, \
            qtbot.waitSignal(window.controller.notesLoaded, timeout=20000):  # the notes list follows the write
        qtbot.keyClick(reader.text, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    note = added.args[0]
    assert asked[0].quote == "全国一体化算力网络国家枢纽节点" and (asked[0].start, asked[0].end) == (start, end)
    stored = window.controller.kb.notes()
    assert [(n.quote, n.comment, n.tags, n.start) for n in stored] == [
        ("全国一体化算力网络国家枢纽节点", "算力枢纽", ("算力", "枢纽"), start)]
    m = reader.map
    assert (m.to_qt(start), m.to_qt(end)) in reader.note_spans()  # underlined at once
    notes = window.notes_view
    assert [n.id for n in notes.visible_notes()] == [note.id]
    window.nav_actions["notes"].trigger()
    notes.select_note(note.id)
    index = notes.proxy.index(0, NotesModel.COL_QUOTE)
    assert notes.proxy.data(index) == "全国一体化算力网络国家枢纽节点"
    pos = notes.table.visualRect(index).center()
    qtbot.mouseClick(notes.table.viewport(), Qt.MouseButton.LeftButton, pos=pos)  # a real double click starts so
    with qtbot.waitSignal(window.controller.documentLoaded, timeout=20000) as reopened:
        qtbot.mouseDClick(notes.table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    view = reopened.args[0]
    assert window.current_view() == "reader" and view.focus == (start, end)
    assert reader.hit_selections() == [(m.to_qt(start), m.to_qt(end))]
    assert reader.text.textCursor().position() == m.to_qt(start)


def test_astral_characters_before_the_selection_keep_the_offsets_right(qtbot, window, monkeypatch) -> None:
    monkeypatch.setattr(window.workspace, "ask_note", lambda target: ("", []))
    body = open_doc(qtbot, window, "guizhou_plan.txt").text.body
    start = body.index("统筹算力调度平台建设")
    assert "𠮷" in body[:start]
    window.reader_view.select_span(start, start + 4)
    with qtbot.waitSignal(window.controller.noteAdded, timeout=20000) as added:
        assert window.reader_view.request_note()
    note = added.args[0]
    assert (note.start, note.quote) == (start, "统筹算力")


def test_the_reader_context_menu_offers_add_note(qtbot, window) -> None:
    open_doc(qtbot, window, "ningxia_news.txt")
    reader = window.reader_view
    reader.select_span(10, 14)
    menu = reader.build_context_menu(reader.text.viewport().rect().center())
    assert menu.actions()[0] is reader.add_note_action and reader.add_note_action.isEnabled()
    assert reader.add_note_action.text() == "Add note…" and reader.add_note_action.shortcut().toString() == "Ctrl+Shift+N"
    menu.deleteLater()
    reader.raw_toggle.setChecked(True)  # raw offsets are not body offsets: no notes there
    assert not reader.add_note_action.isEnabled() and reader.selection_target() is None


def test_notes_on_an_entity_a_measure_and_a_comparison_passage(qtbot, window, monkeypatch, idle) -> None:
    kb = window.controller.kb
    monkeypatch.setattr(window.workspace, "ask_note", lambda target: (f"on {target.kind}", ["t"]))
    entity = next(e for e in kb.entities() if e.name == "中卫市")
    with qtbot.waitSignal(window.controller.entityLoaded, timeout=20000):
        window.open_entity(entity.id)
    page = window.entity_view.page
    with qtbot.waitSignal(window.controller.noteAdded, timeout=20000):
        qtbot.mouseClick(page.note_button, Qt.MouseButton.LeftButton)
    assert page.measures.rowCount() > 0
    measure = page.measures.row_at(0)
    with qtbot.waitSignal(window.controller.noteAdded, timeout=20000):
        page.request_measure_note(0)
    comp = compare(qtbot, window, ["宁夏回族自治区", "贵州省"])
    row = next(r for r, crow in enumerate(comp.rows) if crow.cells[0].hits)
    window.compare_view.select_cell(row, 0)
    hit = window.compare_view.cell.item(0)
    with qtbot.waitSignal(window.controller.noteAdded, timeout=20000):
        qtbot.mouseClick(window.compare_view.cell.note_button, Qt.MouseButton.LeftButton)
    idle(window)
    notes = {n.target_kind: n for n in kb.notes()}
    assert notes["entity"].target_ref == "中卫市" and notes["entity"].doc_id is None
    assert (notes["measure"].doc_id, notes["measure"].start, notes["measure"].target_ref) == (
        measure.doc_id, measure.start, str(measure.id))
    assert (notes["quote"].doc_id, notes["quote"].start, notes["quote"].comment) == (hit.doc_id, hit.start, "on quote")
    listed = window.notes_view.visible_notes()
    assert {n.target_kind for n in listed} == {"entity", "measure", "quote"}
    window.notes_view.select_note(notes["entity"].id)
    with qtbot.waitSignal(window.controller.entityLoaded, timeout=20000) as blocker:
        qtbot.mouseClick(window.notes_view.open_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].entity.name == "中卫市" and window.current_view() == "entity"


@pytest.mark.parametrize(("what", "fmt"), [
    ("notes", "md"), ("notes", "html"), ("notes", "docx"), ("notes", "csv"),
    ("compare", "md"), ("compare", "csv"), ("compare", "xlsx"), ("compare", "docx"),
    ("entities", "csv"), ("entities", "json"), ("measures", "csv"), ("measures", "json"),
])
def test_each_file_menu_export_writes_its_file(qtbot, window, tmp_path: Path, monkeypatch, what, fmt) -> None:
    from PySide6.QtWidgets import QFileDialog

    kb = window.controller.kb
    quote = "全国一体化算力网络国家枢纽节点"
    kb.add_note(doc="guizhou_plan.txt", quote=quote, comment="枢纽", tags=["算力"])
    with qtbot.waitSignal(window.controller.notesLoaded, timeout=20000):
        window.notes_view.refresh()
    window.compare_view.set_regions(["宁夏回族自治区", "贵州省"])
    target = tmp_path / f"out.{fmt}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    with qtbot.waitSignal(window.controller.exported, timeout=20000) as blocker:
        window.export_menu.action(what, fmt).trigger()
    assert blocker.args == [what, str(target)] and target.stat().st_size > 0
    assert str(target) in window.status_label.text()
    if fmt == "docx" and what == "notes":
        import docx

        assert quote in "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    elif fmt == "docx":
        import docx

        assert [c.text for c in docx.Document(str(target)).tables[0].rows[0].cells][1:] == ["宁夏回族自治区", "贵州省"]
    elif fmt == "xlsx":
        from openpyxl import load_workbook

        header = [c.value for c in next(load_workbook(target)["Matrix"].iter_rows())]
        assert header[1:] == ["宁夏回族自治区", "贵州省"]
    elif what == "notes":
        assert quote in target.read_text(encoding="utf-8-sig")
    elif what == "entities":
        assert "中卫市" in target.read_text(encoding="utf-8-sig")


def test_an_export_error_is_shown_not_raised(qtbot, window, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    missing = tmp_path / "no_such_folder" / "x.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(missing), "")))
    with qtbot.waitSignal(window.controller.failed, timeout=20000) as blocker:
        window.export_menu.action("entities", "csv").trigger()
    assert blocker.args[0] == "export:entities" and "does not exist" in window.status_label.text()


def test_read_only_window_disables_import_and_notes_and_says_so(qtbot, make_window, kb_dir, monkeypatch) -> None:
    from kb import KnowledgeBase

    holder = KnowledgeBase.open(kb_dir)  # another window holds the writer lock
    try:
        window = make_window(kb_dir)
        kb = window.controller.kb
        assert kb.readonly and window.readonly
        assert not window.import_files_action.isEnabled() and not window.import_folder_action.isEnabled()
        assert not window.acceptDrops()
        assert window.readonly_label.isVisible() and "read-only" in window.windowTitle().lower()
        assert "another Zhiku window" in window.readonly_label.toolTip()
        asked = []
        monkeypatch.setattr(window.workspace, "ask_note", lambda target: asked.append(target) or ("x", []))
        open_doc(qtbot, window, "guizhou_plan.txt")
        reader = window.reader_view
        reader.select_span(5, 9)
        assert not reader.add_note_action.isEnabled() and not reader.request_note()
        assert "another Zhiku window" in reader.add_note_action.toolTip()
        target = reader.selection_target()
        assert target is not None and not window.workspace.request_note(target)
        assert asked == [] and "another Zhiku window" in window.status_label.text()
        assert not window.entity_view.page.note_button.isEnabled()
        assert not window.compare_view.add_button.isEnabled() and not window.notes_view.save_button.isEnabled()
        assert kb.notes() == []
    finally:
        holder.close()


def test_an_import_refreshes_the_regions_of_the_comparison(qtbot, window, tmp_path: Path) -> None:
    doc = tmp_path / "ganzhou.txt"
    doc.write_text("江西省赣州市数字经济发展三年行动计划\n\n2022年6月1日  来源：赣州市工业和信息化局\n\n"
                   "支持赣州经济技术开发区建设北斗导航应用产业园，对落户企业给予房租补贴，最高30万元。\n", encoding="utf-8")
    before = {window.compare_view.region_model.item(r).data(Qt.ItemDataRole.UserRole + 1)
              for r in range(window.compare_view.region_model.rowCount())}
    assert "赣州市" not in before
    with qtbot.waitSignal(window.controller.regionsLoaded, timeout=30000):  # the import's Changes name documents
        window.import_paths([doc])
    after = {window.compare_view.region_model.item(r).data(Qt.ItemDataRole.UserRole + 1)
             for r in range(window.compare_view.region_model.rowCount())}
    assert "赣州市" in after and window.compare_view.selected_regions()  # the ticks survive

"""The notes view and the reader's note dialog, driven over a real knowledge base."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from ui.models.notes_model import NotesModel
from ui.views.note_dialog import ask_note
from ui.views.notes_view import NoteDialog, NotesView, split_tags

PLAN = """南宁市数字经济发展实施方案
发布日期：2022-11-10  来源：南宁市大数据发展局

一、发展目标
到2025年，全市数字经济规模突破3000亿元，建成5G基站2.5万个。

二、重点任务
（一）招商引资
面向东盟开展数字经济精准招商，对新引进的数字经济总部企业给予最高1000万元落户奖励。
（二）数据要素
建设面向东盟的数据交易中心，推动公共数据开放共享。
"""

NEWS = """呼和浩特市和林格尔新区数据中心集群加快建设
2023-08-21 来源：内蒙古日报
和林格尔新区已建成数据中心标准机架12万架，引进算力企业15家。
"""


@pytest.fixture
def view(kb, controller, qtbot, settle, tmp_path: Path) -> NotesView:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "nanning_plan.txt").write_text(PLAN, encoding="utf-8")
    (folder / "hohhot_news.txt").write_text(NEWS, encoding="utf-8")
    assert kb.import_paths([folder]).ok
    kb.folder = folder
    kb.add_note(doc="nanning_plan.txt", quote="给予最高1000万元落户奖励", comment="总部奖励", tags=["招商", "奖励"])
    kb.add_note(doc="nanning_plan.txt", quote="建设面向东盟的数据交易中心", comment="数据交易", tags=["数据"])
    kb.add_note(doc="hohhot_news.txt", quote="引进算力企业15家", comment="算力招商", tags=["招商"])
    kb.set_cell_override("广西", "talent", "cell notes stay out of this list")
    widget = NotesView(controller)
    widget.kb = kb  # for the tests' own checks of what the store holds
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    widget.settle = lambda: settle(controller)
    reload(qtbot, widget)
    return widget


def reload(qtbot, view: NotesView) -> None:
    with qtbot.waitSignal(view.controller.notesLoaded, timeout=20000):
        view.refresh()
    view.settle()


def _pick(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_lists_notes_and_filters_by_tag_document_region_and_text(view, qtbot) -> None:
    assert {n.comment for n in view.visible_notes()} == {"总部奖励", "数据交易", "算力招商"}
    _pick(view.tag_combo, "招商")
    assert {n.comment for n in view.visible_notes()} == {"总部奖励", "算力招商"}
    _pick(view.region_combo, "内蒙古自治区")
    assert [n.comment for n in view.visible_notes()] == ["算力招商"]
    view.tag_combo.setCurrentIndex(0)
    view.region_combo.setCurrentIndex(0)
    _pick(view.doc_combo, view.kb.document("nanning_plan.txt").id)
    assert {n.comment for n in view.visible_notes()} == {"总部奖励", "数据交易"}
    view.doc_combo.setCurrentIndex(0)
    view.search_edit.insert("东盟")  # QTest cannot type non-ASCII keys
    assert [n.comment for n in view.visible_notes()] == ["数据交易"]


def test_edit_and_delete_with_confirmation(view, qtbot, monkeypatch) -> None:
    target = next(n for n in view.visible_notes() if n.comment == "数据交易")
    assert view.select_note(target.id)
    assert view.quote_label.text() == "建设面向东盟的数据交易中心" and "南宁市" in view.cite_label.text()
    view.comment_edit.setPlainText("数据交易中心，面向东盟")
    view.tags_edit.setText("#数据，跨境 数据")
    with qtbot.waitSignal(view.notes_changed, timeout=20000):  # saved, then the list reloaded
        qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    stored = view.kb.note(target.id)
    assert stored.comment == "数据交易中心，面向东盟" and stored.tags == ("数据", "跨境")
    assert view.current_note().id == target.id and view.current_note().comment == stored.comment
    assert view.status.text() == "Saved"
    monkeypatch.setattr(view, "confirm", lambda text: False)
    view.select_note(target.id)
    assert view.delete_current() is False and view.kb.note(target.id)
    monkeypatch.setattr(view, "confirm", lambda text: True)
    view.select_note(target.id)
    with qtbot.waitSignal(view.notes_changed, timeout=20000):
        qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert target.id not in {n.id for n in view.kb.notes()}
    assert len(view.visible_notes()) == 2


def test_notes_name_their_document_by_title_with_the_file_as_tooltip(view) -> None:
    row = next(r for r in range(view.proxy.rowCount()) if view.proxy.index(r, 0).data() == "引进算力企业15家")
    doc = view.proxy.index(row, NotesModel.COL_DOC)
    assert doc.data() == "呼和浩特市和林格尔新区数据中心集群加快建设"
    assert "hohhot_news.txt" in doc.data(Qt.ItemDataRole.ToolTipRole)


def test_open_passage_emits_the_quote_offsets(view, qtbot) -> None:
    note = next(n for n in view.visible_notes() if n.comment == "总部奖励")
    view.select_note(note.id)
    with qtbot.waitSignal(view.open_passage) as blocker:
        qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    doc_id, start, end = blocker.args
    assert view.kb.document_text(doc_id).body[start:end] == "给予最高1000万元落户奖励"


def test_changed_and_removed_documents_keep_notes_anchored_or_marked(view, qtbot) -> None:
    path = view.kb.folder / "nanning_plan.txt"
    path.write_text(PLAN.replace("一、发展目标", "前言\n依据国家规划制定本方案。\n\n一、发展目标"), encoding="utf-8")
    assert view.kb.import_paths([path]).replaced == ("nanning_plan.txt",)
    view.kb.remove_document("hohhot_news.txt")
    reload(qtbot, view)
    notes = {n.comment: n for n in view.visible_notes()}
    moved = notes["总部奖励"]
    assert not moved.orphaned
    assert view.kb.document_text(moved.doc_id).body[moved.start : moved.end] == "给予最高1000万元落户奖励"
    assert notes["算力招商"].orphaned
    view.orphan_check.setChecked(True)
    assert [n.comment for n in view.visible_notes()] == ["算力招商"]
    view.select_note(notes["算力招商"].id)
    assert not view.open_button.isEnabled() and "Orphaned" in view.cite_label.text()
    row = next(r for r in range(view.proxy.rowCount()))
    assert view.proxy.data(view.proxy.index(row, NotesModel.COL_STATUS)) == "Orphaned"


def test_export_docx_of_the_filtered_notes(view, qtbot, tmp_path: Path) -> None:
    import docx

    _pick(view.tag_combo, "招商")
    with qtbot.waitSignal(view.exported, timeout=10000) as blocker:
        view.export_to(str(tmp_path / "招商 笔记.docx"), "docx")
    out = blocker.args[0]
    text = "\n".join(p.text for p in docx.Document(out).paragraphs)
    assert "给予最高1000万元落户奖励" in text and "引进算力企业15家" in text
    assert "数据交易中心" not in text
    assert "南宁市大数据发展局. 南宁市数字经济发展实施方案[EB]. (2022-11-10)." in text and "内蒙古日报" in text
    with qtbot.waitSignal(view.failed, timeout=10000):
        view.export_to(str(tmp_path / "missing" / "x.docx"), "docx")
    assert "does not exist" in view.status.text()


def test_the_note_dialog_returns_comment_and_tags_or_none(view, monkeypatch) -> None:
    def fake_exec(dialog: NoteDialog) -> int:
        dialog.comment_edit.setPlainText("对话框里写的")
        dialog.tags_edit.setText("a, b #c")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NoteDialog, "exec", fake_exec)
    assert ask_note(view, "标准机架12万架") == ("对话框里写的", ["a", "b", "c"])
    monkeypatch.setattr(NoteDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert ask_note(view, "标准机架12万架") is None
    assert split_tags("#x，y;z  w") == ["x", "y", "z", "w"]


def test_models_pass_the_model_tester(view, qtmodeltester) -> None:
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.proxy)

"""Re-attaching an orphaned note from the notes view, over a real knowledge base."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ui.models.notes_model import ORPHAN_BG, NotesModel
from ui.views.notes_view import NotesView

PLAN = """昆明市数字经济发展三年行动方案
发布日期：2022-09-01  来源：昆明市工业和信息化局

一、发展目标
到2025年，全市数字经济核心产业增加值达到600亿元。

二、重点任务
对新落户的数字经济企业给予最高500万元落户奖励，对年度研发投入超过1000万元的企业给予研发补助。
"""

NEWS = """玉溪市数字经济产业园新引进企业12家
2023-03-02 来源：玉溪日报
玉溪市数字经济产业园今年已新引进企业12家，其中软件企业5家。
"""


@pytest.fixture
def view(kb, controller, qtbot, settle, tmp_path: Path) -> NotesView:
    """A note whose quote a new version of its document no longer holds: orphaned."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "kunming_plan.txt").write_text(PLAN, encoding="utf-8")
    (folder / "yuxi_news.txt").write_text(NEWS, encoding="utf-8")
    assert kb.import_paths([folder]).ok
    kb.add_note(doc="kunming_plan.txt", quote="给予最高500万元落户奖励", comment="落户奖励", tags=["招商"])
    kb.add_note(doc="yuxi_news.txt", quote="新引进企业12家", comment="园区招商")
    rewritten = PLAN.replace("对新落户的数字经济企业给予最高500万元落户奖励，对年度研发投入超过1000万元的企业给予研发补助。",
                             "支持企业上云用数赋智，建设工业互联网标识解析二级节点。")
    (folder / "kunming_plan.txt").write_text(rewritten, encoding="utf-8")
    assert kb.import_paths([folder / "kunming_plan.txt"]).replaced == ("kunming_plan.txt",)
    widget = NotesView(controller)
    widget.kb = kb  # for the tests' own checks of what the store holds
    qtbot.addWidget(widget)
    widget.resize(1024, 700)
    widget.show()
    with qtbot.waitSignal(controller.notesLoaded, timeout=20000):
        widget.refresh()
    settle(controller)
    return widget


def _orphan(view: NotesView):
    return next(n for n in view.visible_notes() if n.comment == "落户奖励")


def test_an_orphaned_note_is_marked_and_offers_reattach(view) -> None:
    orphan = _orphan(view)
    assert orphan.orphaned
    row = next(r for r in range(view.proxy.rowCount()) if view.proxy.index(r, 0).data() == orphan.quote)
    status = view.proxy.index(row, NotesModel.COL_STATUS)
    assert status.data() == "Orphaned" and status.data(Qt.ItemDataRole.BackgroundRole).color().name() == ORPHAN_BG
    view.select_note(next(n for n in view.visible_notes() if not n.orphaned).id)
    assert not view.reattach_button.isEnabled()
    view.select_note(orphan.id)
    assert view.reattach_button.isEnabled() and view.reattach_button.text() == "Re-attach…"


def test_reattach_reports_a_missing_quote_then_anchors_it(view, qtbot) -> None:
    orphan = _orphan(view)
    view.select_note(orphan.id)
    dialog = view.reattach_dialog(orphan)
    qtbot.addWidget(dialog)
    dialog.show()
    kb = view.kb
    plan, news = kb.document("kunming_plan.txt"), kb.document("yuxi_news.txt")
    assert dialog.doc_combo.count() == 2 and dialog.doc_combo.currentData() == plan.id  # its own document first
    assert dialog.quote_edit.toPlainText() == "给予最高500万元落户奖励"
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)

    with qtbot.waitSignal(view.controller.errored, timeout=20000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # the plan no longer says it
    assert dialog.isVisible() and dialog.result_note is None and ok.isEnabled()
    assert plan.title in dialog.error.text() and kb.note(orphan.id).orphaned
    assert dialog.choose(news.id)
    with qtbot.waitSignal(view.controller.errored, timeout=20000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and news.title in dialog.error.text() and kb.note(orphan.id).orphaned

    dialog.choose(plan.id)
    dialog.quote_edit.setPlainText("上云用数赋智")  # the user quotes the new wording instead
    with qtbot.waitSignal(view.notes_changed, timeout=20000):  # anchored, then the list reloaded
        dialog.accepted.connect(lambda: view.reattached(dialog.result_note))
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    stored = kb.note(orphan.id)
    assert not stored.orphaned and stored.doc_id == plan.id
    assert kb.document_text(plan.id).body[stored.start : stored.end] == "上云用数赋智"
    shown = next(n for n in view.visible_notes() if n.id == orphan.id)
    assert not shown.orphaned and view.current_note().id == orphan.id
    assert view.open_button.isEnabled() and not view.reattach_button.isEnabled()
    assert plan.title in view.status.text()


def test_an_empty_quote_is_refused_in_the_dialog(view, qtbot) -> None:
    dialog = view.reattach_dialog(_orphan(view))
    qtbot.addWidget(dialog)
    dialog.quote_edit.setPlainText("  ")
    assert not dialog.try_accept() and dialog.error.text()


def test_read_only_notes_cannot_be_reattached(view) -> None:
    view.set_readonly(True)
    view.select_note(_orphan(view).id)
    assert not view.reattach_button.isEnabled() and not view.reattach_current()

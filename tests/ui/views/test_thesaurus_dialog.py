"""Tools ▸ Thesaurus: groups listed; add, edit, switch off, remove and reset, each saved and re-searched."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from ui.models.thesaurus_model import ThesaurusModel


def open_dialog(qtbot, window):
    with qtbot.waitSignal(window.controller.thesaurusLoaded, timeout=20000):
        window.thesaurus_action.trigger()
    dialog = window.thesaurus_dialog
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    return dialog


def change(qtbot, window, act) -> None:
    """Run a dialog action and wait for its write and the reload that follows."""
    with qtbot.waitSignal(window.controller.thesaurusLoaded, timeout=20000):
        with qtbot.waitSignal(window.controller.changed, timeout=20000):
            assert act()


def cell(dialog, group_id: str, column: int) -> str:
    return dialog.model.index(dialog.model.row_of(group_id), column).data()


def test_the_dialog_lists_every_group_and_finds_by_term(qtbot, window) -> None:
    dialog = open_dialog(qtbot, window)
    groups = window.controller.kb.thesaurus_groups()
    assert dialog.isVisible() and dialog.model.rowCount() == len(groups) > 100
    first = groups[0]
    assert cell(dialog, first.id, ThesaurusModel.COL_TERMS) == "、".join(first.terms)
    assert cell(dialog, first.id, ThesaurusModel.COL_ORIGIN) == "Shipped"
    source = dialog.model.index(0, ThesaurusModel.COL_SOURCE).data()
    assert source and source != first.source  # the source key explained
    dialog.find_box.setText("租金")
    shown = [dialog.proxy.index(r, 0).data() for r in range(dialog.proxy.rowCount())]
    assert shown and all("租金" in s for s in shown) and len(shown) < len(groups)
    assert dialog.count.text() == f"{len(shown)} of {len(groups)} groups"
    assert not dialog.edit_button.isEnabled()  # nothing selected yet


def test_a_new_group_makes_the_shown_search_find_the_users_words(qtbot, window, kb_dir) -> None:
    view = window.search_view
    view.set_query("数字底座")
    with qtbot.waitSignal(window.controller.searchFinished, timeout=20000) as before:
        view.submit()
    assert before.args[0].total == 0
    dialog = open_dialog(qtbot, window)
    dialog.ask_group = lambda group: (["数字底座", "数据中心"], "synonym", "本地说法")
    with qtbot.waitSignal(window.controller.searchFinished, timeout=20000) as after:  # re-run by the window
        change(qtbot, window, dialog.add_group)
    result = after.args[0]
    assert result.total == 4 and result.relaxed == "synonym" and view.notice.isVisible()
    mine = [g for g in window.controller.kb.thesaurus_groups() if g.origin == "user"]
    assert [(g.terms, g.note) for g in mine] == [(("数字底座", "数据中心"), "本地说法")]
    saved = json.loads((kb_dir / "thesaurus.json").read_text(encoding="utf-8"))
    assert [g["terms"] for g in saved["groups"]] == [["数字底座", "数据中心"]]
    assert cell(dialog, mine[0].id, ThesaurusModel.COL_ORIGIN) == "Mine"
    assert "本地说法" in cell(dialog, mine[0].id, ThesaurusModel.COL_SOURCE)

    assert dialog.select_group(mine[0].id)
    dialog.ask_group = lambda group: (["数字底座", "数据中心", "算力底座"], "related", "")
    change(qtbot, window, dialog.edit_selected)
    assert cell(dialog, mine[0].id, ThesaurusModel.COL_TERMS) == "数字底座、数据中心、算力底座"
    assert cell(dialog, mine[0].id, ThesaurusModel.COL_RELATION) == "Related"
    assert dialog.selected().id == mine[0].id  # the edited group stays selected

    asked = []
    dialog.confirm = lambda text: asked.append(text) or True
    change(qtbot, window, dialog.remove_selected)
    assert asked and "数字底座" in asked[0]
    assert dialog.model.row_of(mine[0].id) == -1 and not any(g.origin == "user" for g in window.controller.kb.thesaurus_groups())


def test_a_shipped_group_is_switched_off_not_deleted_and_reset_brings_it_back(qtbot, window) -> None:
    dialog = open_dialog(qtbot, window)
    shipped = next(g for g in window.controller.kb.thesaurus_groups() if "奖补" in g.terms and g.relation == "synonym")
    assert dialog.select_group(shipped.id)
    assert dialog.remove_button.text() == "Remove (switch off)" and not dialog.reset_button.isEnabled()
    change(qtbot, window, dialog.remove_selected)
    assert dialog.model.row_of(shipped.id) >= 0 and cell(dialog, shipped.id, ThesaurusModel.COL_STATE) == "Off"
    off = dialog.model.index(dialog.model.row_of(shipped.id), 0)
    assert off.data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    assert dialog.toggle_button.text() == "Switch on" and dialog.reset_button.isEnabled()

    change(qtbot, window, dialog.reset_selected)
    back = next(g for g in window.controller.kb.thesaurus_groups() if g.id == shipped.id)
    assert back == shipped and cell(dialog, shipped.id, ThesaurusModel.COL_STATE) == "On"

    dialog.ask_group = lambda group: ([*group.terms, "奖补经费"], group.relation, group.note)
    change(qtbot, window, dialog.edit_selected)
    assert cell(dialog, shipped.id, ThesaurusModel.COL_ORIGIN) == "Shipped, edited" and dialog.reset_button.isEnabled()
    change(qtbot, window, dialog.toggle_selected)
    assert cell(dialog, shipped.id, ThesaurusModel.COL_STATE) == "Off"
    change(qtbot, window, dialog.reset_selected)
    assert next(g for g in window.controller.kb.thesaurus_groups() if g.id == shipped.id) == shipped


def test_the_group_form_wants_two_different_terms(qtbot) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from ui.views.thesaurus_editor import GroupEditor, split_terms

    assert split_terms("租金补贴、房租补助\n租金补贴, 租金支持") == ["租金补贴", "房租补助", "租金支持"]
    editor = GroupEditor()
    qtbot.addWidget(editor)
    ok = editor.buttons.button(QDialogButtonBox.StandardButton.Ok)
    editor.terms.setPlainText("租金补贴、租金补贴")
    assert not ok.isEnabled() and editor.problem.text()
    editor.terms.setPlainText("租金补贴、房租补助")
    editor.relation.setCurrentIndex(editor.relation.findData("related"))
    assert ok.isEnabled() and editor.values() == (["租金补贴", "房租补助"], "related", "")


def test_a_read_only_library_shows_the_thesaurus_but_cannot_change_it(qtbot, make_window, kb_dir) -> None:
    from kb import KnowledgeBase

    holder = KnowledgeBase.open(kb_dir)
    try:
        window = make_window(kb_dir)
        dialog = open_dialog(qtbot, window)
        dialog.select_group(dialog.model.rows()[0].id)
        buttons = (dialog.add_button, dialog.edit_button, dialog.toggle_button, dialog.remove_button, dialog.reset_button)
        assert not any(b.isEnabled() for b in buttons)
        assert dialog.add_button.toolTip() == "The library is read-only"
        assert not dialog.toggle_selected() and not (kb_dir / "thesaurus.json").exists()
    finally:
        holder.close()

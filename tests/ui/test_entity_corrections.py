"""Correcting entities from the entity page and the entity list, over a real knowledge base."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from ui.entity_corrections import MergeDialog
from ui.models.base import ROW_ROLE

# Added to the plan: the same file name with changed text is a replacement, re-extracted.
NEW_SECTION = "（三）推进数字政府建设\n\n推动政务数据共享，2024年底前实现省市县三级政务服务一网通办。\n\n三、保障措施"


def guizhou_entities(kb, entity_type: str) -> list:
    found = [e for e in kb.entities(type=entity_type) if "guizhou_plan.txt" in e.docs]
    return sorted(found, key=lambda e: (-e.mention_count, e.name))


def open_entity(qtbot, window, entity_id: int) -> None:
    with qtbot.waitSignal(window.controller.entityLoaded, timeout=20000):
        window.open_entity(entity_id)


def page_action(window, name: str):
    page = window.entity_view.page
    page.fill_correct_menu()  # what showing the "Correct" button's menu does
    return next(a for a in _all_actions(page.correct_menu) if a.objectName() == name)


def _all_actions(menu) -> list:
    out = []
    for action in menu.actions():
        out.append(action)
        if action.menu() is not None:
            out += _all_actions(action.menu())
    return out


def correct(qtbot, window, idle, action) -> object:
    with qtbot.waitSignal(window.controller.entityCorrected, timeout=20000) as blocker:
        action.trigger()
    idle(window)
    return blocker.args[0]


def listed_names(window) -> set[str]:
    return {e.name for e in window.entity_view.model.rows()}


def reimport_changed_plan(qtbot, window, idle, tmp_path: Path, docs_text: dict[str, str]) -> None:
    folder = tmp_path / "v2"
    folder.mkdir()
    changed = docs_text["guizhou_plan.txt"].replace("三、保障措施", NEW_SECTION)
    assert changed != docs_text["guizhou_plan.txt"]
    (folder / "guizhou_plan.txt").write_text(changed, encoding="utf-8")
    with qtbot.waitSignal(window.controller.importFinished, timeout=30000) as blocker:
        assert window.import_paths([folder / "guizhou_plan.txt"])
    idle(window)
    assert blocker.args[0].replaced == ("guizhou_plan.txt",)


def test_rename_from_the_page_opens_the_new_name_and_survives_reimport(qtbot, window, idle, monkeypatch,
                                                                       tmp_path, docs_text) -> None:
    kb = window.controller.kb
    target = guizhou_entities(kb, "enterprise")[0]
    open_entity(qtbot, window, target.id)
    monkeypatch.setattr(window.entity_view.corrector, "ask_name", lambda entity: "黔云数字科技集团有限公司")
    done = correct(qtbot, window, idle, page_action(window, "correctRename"))
    assert (done.action, done.name, done.value) == ("rename", target.name, "黔云数字科技集团有限公司")
    page = window.entity_view.page
    assert page.page.entity.name == "黔云数字科技集团有限公司" and "黔云数字科技集团有限公司" in page.header.text()
    assert "黔云数字科技集团有限公司" in listed_names(window) and target.name not in listed_names(window)
    assert "黔云数字科技集团有限公司" in window.status_label.text()

    reimport_changed_plan(qtbot, window, idle, tmp_path, docs_text)
    after = kb.entity("黔云数字科技集团有限公司")
    assert after is not None and after.entity.type == "enterprise" and after.mentions
    assert all(m.doc == "guizhou_plan.txt" for m in after.mentions)
    assert target.name not in {e.name for e in kb.entities()}
    assert "黔云数字科技集团有限公司" in listed_names(window) and target.name not in listed_names(window)


def test_delete_from_the_page_goes_back_and_stays_deleted_after_reimport(qtbot, window, idle, monkeypatch,
                                                                         tmp_path, docs_text) -> None:
    kb = window.controller.kb
    first = guizhou_entities(kb, "region")[0]
    doomed = guizhou_entities(kb, "enterprise")[-1]
    open_entity(qtbot, window, first.id)
    open_entity(qtbot, window, doomed.id)
    asked: list[str] = []
    monkeypatch.setattr(window.entity_view.corrector, "confirm", lambda text: asked.append(text) or True)
    with qtbot.waitSignal(window.controller.entityLoaded, timeout=20000) as back:
        correct(qtbot, window, idle, page_action(window, "correctDelete"))
    assert doomed.name in asked[0]
    assert back.args[0].entity.id == first.id and window.entity_view.page.page.entity.id == first.id
    assert doomed.name not in listed_names(window)

    reimport_changed_plan(qtbot, window, idle, tmp_path, docs_text)
    assert doomed.name not in {e.name for e in kb.entities()}
    assert doomed.name not in listed_names(window)
    assert all(m.entity_name != doomed.name for m in kb.mentions_in("guizhou_plan.txt"))


def test_merge_from_the_list_menu_with_a_completer_over_the_same_type(qtbot, window, idle, monkeypatch) -> None:
    kb = window.controller.kb
    source, target = guizhou_entities(kb, "enterprise")[:2]
    before = kb.entity(target.id)
    ev = window.entity_view
    row = next(r for r in range(ev.proxy.rowCount()) if ev.proxy.index(r, 0).data(ROW_ROLE).id == source.id)
    menu = ev.table_menu(row)
    seen: list[list[str]] = []

    def pick(entity, names):
        dialog = MergeDialog(entity, names, window)
        qtbot.addWidget(dialog)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        dialog.completer.setCompletionPrefix(target.name[:2])
        model = dialog.completer.completionModel()
        seen.append([model.index(i, 0).data() for i in range(model.rowCount())])
        dialog.edit.setText(target.name[:3])
        assert not ok.isEnabled()  # only an existing entity of the type can be the target
        dialog.edit.setText(target.name)
        assert ok.isEnabled()
        return dialog.value()

    monkeypatch.setattr(ev.corrector, "ask_merge_target", pick)
    merge = next(a for a in _all_actions(menu) if a.objectName() == "correctMerge")
    done = correct(qtbot, window, idle, merge)
    enterprises = {e.name for e in kb.entities(type="enterprise")} | {source.name}
    assert target.name in seen[0] and set(seen[0]) <= enterprises and source.name not in seen[0]
    assert done.entity_id == target.id
    page = ev.page.page
    assert page.entity.id == target.id and source.name in page.entity.aliases
    assert len(page.mentions) == len(before.mentions) + source.mention_count
    assert source.name not in listed_names(window)


def test_retype_from_the_page_menu(qtbot, window, idle) -> None:
    kb = window.controller.kb
    park = guizhou_entities(kb, "park")[0]
    open_entity(qtbot, window, park.id)
    current = page_action(window, "correctRetype_park")
    assert current.isChecked() and not current.isEnabled()
    done = correct(qtbot, window, idle, page_action(window, "correctRetype_platform"))
    assert done.entity_id is not None
    assert park.name in {e.name for e in kb.entities(type="platform")}
    assert park.name not in {e.name for e in kb.entities(type="park")}
    assert window.entity_view.page.page.entity.type == "platform"
    row = next(e for e in window.entity_view.model.rows() if e.name == park.name)
    assert row.type == "platform"


def test_a_failed_correction_is_reported_not_raised(qtbot, window, idle) -> None:
    with qtbot.waitSignal(window.controller.failed, timeout=20000) as blocker:
        window.controller.correct_entity("rename", "enterprise", "不存在的企业有限公司", "新名字")
    idle(window)
    kind, message = blocker.args
    assert kind == "correct" and "不存在的企业有限公司" in message and message in window.status_label.text()


def test_read_only_disables_every_correction(qtbot, make_window, kb_dir, monkeypatch) -> None:
    from kb import KnowledgeBase

    holder = KnowledgeBase.open(kb_dir)
    try:
        window = make_window(kb_dir)
        kb = window.controller.kb
        entity = guizhou_entities(kb, "enterprise")[0]
        open_entity(qtbot, window, entity.id)
        page = window.entity_view.page
        assert not page.correct_button.isEnabled() and "another Zhiku window" in page.correct_button.toolTip()
        page.fill_correct_menu()
        names = ("correctRename", "correctMerge", "correctDelete", "correctRetype")
        assert not any(a.isEnabled() for a in _all_actions(page.correct_menu) if a.objectName() in names)
        menu = window.entity_view.table_menu(0)
        assert not any(a.isEnabled() for a in _all_actions(menu) if a.objectName() in names)
        monkeypatch.setattr(window.entity_view.corrector, "ask_name", lambda e: "x")
        assert not window.entity_view.corrector.rename(entity)
        assert kb.entity(entity.id).entity.name == entity.name
    finally:
        holder.close()


@pytest.mark.parametrize("typed", ["", "贵阳"])
def test_merge_dialog_refuses_unknown_targets(qtbot, typed) -> None:
    from kb.models import Entity

    entity = Entity(1, "park", "贵阳高新区", (), None, (), (), ())
    dialog = MergeDialog(entity, ["贵阳高新区", "贵阳国家高新技术产业开发区", "贵安综合保税区"])
    qtbot.addWidget(dialog)
    assert dialog.names == ["贵安综合保税区", "贵阳国家高新技术产业开发区"]  # never itself
    dialog.edit.setText(typed)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()

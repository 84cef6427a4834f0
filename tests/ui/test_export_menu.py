"""The File ▸ Export menu lists exactly what the service can write, references included."""

from __future__ import annotations

import json
from pathlib import Path

from kb.export import FORMATS
from ui.export_menu import EXPORTS, REFERENCE_SCOPES


def test_menu_formats_match_the_service() -> None:
    assert {what: set(fmts) for what, fmts in EXPORTS.items()} == {what: set(fmts) for what, fmts in FORMATS.items()}


def test_menu_has_one_action_per_format_and_cancel_writes_nothing(window, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    menu = window.export_menu
    expected = {f"export_{w}_{f}" for w, fs in EXPORTS.items() if w != "references" for f in fs}
    expected |= {f"export_references_{s}_{f}" for s in REFERENCE_SCOPES for f in EXPORTS["references"]}
    assert {a.objectName() for a in menu.actions_by_key.values()} == expected
    calls = []
    monkeypatch.setattr(window.controller, "export", lambda *a, **k: calls.append(a))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    assert menu.run("notes", "md") is False and calls == []


def _save_as(monkeypatch, path: Path) -> None:
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))


def test_references_of_the_library_and_of_the_search_shown(qtbot, window, tmp_path: Path, monkeypatch) -> None:
    menu = window.export_menu
    menu.submenus["references"].aboutToShow.emit()
    assert not menu.scope_menus["search"].isEnabled()  # no search shown yet
    assert menu.run("references", "ris", "search") is False

    _save_as(monkeypatch, tmp_path / "library.ris")
    with qtbot.waitSignal(window.controller.exported, timeout=20000) as done:
        menu.action("references", "ris", "library").trigger()
    assert done.args[0] == "references"
    ris = (tmp_path / "library.ris").read_text(encoding="utf-8")
    titles = {d.title for d in window.controller.kb.documents()}
    assert ris.count("TY  - ") == len(titles) == 3 and all(t in ris for t in titles)

    with qtbot.waitSignal(window.controller.searchFinished, timeout=20000):
        window.run_search("算力调度平台", {"region": "贵州省"})
    menu.submenus["references"].aboutToShow.emit()
    assert menu.scope_menus["search"].isEnabled()
    _save_as(monkeypatch, tmp_path / "search.json")
    with qtbot.waitSignal(window.controller.exported, timeout=20000):
        menu.action("references", "json", "search").trigger()
    items = json.loads((tmp_path / "search.json").read_text(encoding="utf-8"))
    # the facet filter counts too: the Ningxia news also holds 算力调度平台, but not in 贵州省
    assert [i["title"] for i in items] == ["贵阳市加快数字经济发展实施方案（2023—2025年）"]


def test_references_of_the_notes_listed_follow_the_notes_filter(qtbot, window, tmp_path: Path, monkeypatch) -> None:
    kb = window.controller.kb
    kb.add_note(doc="ningxia_news.txt", quote="标准机架5万架", comment="机架够用", tags=["算力"])
    kb.add_note(doc="guizhou_plan.txt", quote="全国一体化算力网络国家枢纽节点", comment="枢纽", tags=["枢纽"])
    with qtbot.waitSignal(window.controller.notesLoaded, timeout=20000):
        window.notes_view.refresh()
    _save_as(monkeypatch, tmp_path / "all_notes.ris")
    with qtbot.waitSignal(window.controller.exported, timeout=20000):
        window.export_menu.action("references", "ris", "notes").trigger()
    ris = (tmp_path / "all_notes.ris").read_text(encoding="utf-8")
    assert ris.count("TY  - ") == 2 and "西安高新区" not in ris  # the notes' documents, not the library
    combo = window.notes_view.tag_combo
    combo.setCurrentIndex(combo.findData("算力"))
    _save_as(monkeypatch, tmp_path / "tagged.ris")
    with qtbot.waitSignal(window.controller.exported, timeout=20000):
        window.export_menu.action("references", "ris", "notes").trigger()
    ris = (tmp_path / "tagged.ris").read_text(encoding="utf-8")
    assert ris.count("TY  - ") == 1 and "中卫市西部云基地" in ris and "机架够用" in ris  # the note goes along

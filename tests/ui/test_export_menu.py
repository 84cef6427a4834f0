"""The File ▸ Export menu lists exactly what the service can write."""

from __future__ import annotations

from kb.export import COMPARE_FORMATS, DATA_FORMATS, NOTE_FORMATS
from ui.export_menu import EXPORTS


def test_menu_formats_match_the_service() -> None:
    assert set(EXPORTS["notes"]) == set(NOTE_FORMATS)
    assert set(EXPORTS["compare"]) == set(COMPARE_FORMATS)
    assert set(EXPORTS["entities"]) == set(DATA_FORMATS) == set(EXPORTS["measures"])


def test_menu_has_one_action_per_format_and_cancel_writes_nothing(window, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    menu = window.export_menu
    assert {a.objectName() for a in menu.actions_by_key.values()} == {
        f"export_{w}_{f}" for w, fs in EXPORTS.items() for f in fs}
    calls = []
    monkeypatch.setattr(window.controller, "export", lambda *a, **k: calls.append(a))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    assert menu.run("notes", "md") is False and calls == []

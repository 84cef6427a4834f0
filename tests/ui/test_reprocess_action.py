"""Tools ▸ Reprocess originals: kept originals read again in the background, progress, cancel, summary."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

import kb.ingest.clean as clean


def test_reprocess_from_the_tools_menu_replaces_changed_documents(qtbot, window, monkeypatch, idle) -> None:
    old = clean.classify
    # Today's cleaner, unlike the import's, treats the plan's closing measure as boilerplate.
    monkeypatch.setattr(clean, "classify", lambda t: "boilerplate" if t.startswith("设立数字经济发展专项资金") else old(t))
    assert window.reprocess_action in window.tools_menu.actions() and window.reprocess_action.isEnabled()
    with qtbot.waitSignal(window.reprocessFinished, timeout=60000) as blocker:
        window.reprocess_action.trigger()
        assert window.progress.isVisible()
    report = blocker.args[0]
    assert report.changed == ("guizhou_plan.txt",) and len(report.unchanged) == 2 and report.ok
    assert not window.progress.isVisible()
    assert window.status_label.text().startswith("Reprocessed: 1 changed, 2 unchanged, 0 skipped, 0 failed")
    idle(window)
    kb = window.controller.kb
    assert kb.stats().documents == 3
    assert kb.search("专项资金").total == 0 and kb.search("算力调度平台").total > 0


def test_reprocess_can_be_cancelled_and_waits_for_a_running_import(qtbot, window) -> None:
    gate = threading.Event()
    window.controller._submit("block", lambda _p, _c: gate.wait(10), lambda _v: None, pool=window.controller.import_pool)
    assert window.reprocess()
    assert not window.reprocess()  # one job on the import lane at a time
    assert window.status_label.text() == "An import is already running."
    qtbot.mouseClick(window.progress.cancel, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.reprocessFinished, timeout=30000) as blocker:
        gate.set()
    report = blocker.args[0]
    assert report.cancelled and not report.changed and not report.unchanged
    assert "(cancelled)" in window.status_label.text()
    assert window.controller.kb.stats().documents == 3


@pytest.mark.parametrize("lang, text", [("zh", "重新处理原文…"), ("en", "Reprocess originals…")])
def test_the_menu_item_is_translated(qtbot, window, lang, text) -> None:
    from ui.i18n import install_language

    try:
        install_language(lang)
        qtbot.waitUntil(lambda: window.reprocess_action.text() == text)
    finally:
        install_language("en")

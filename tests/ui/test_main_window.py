"""The main window end to end: history, import (files, drop, starter corpus, cancel), language, settings."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from ui.i18n import install_language

NEW_DOC = """江西省赣州市数字经济发展三年行动计划

2022年6月1日  来源：赣州市工业和信息化局

支持赣州经济技术开发区建设北斗导航应用产业园，对落户企业给予房租补贴，最高30万元。
"""


def search(qtbot, window, query: str):
    with qtbot.waitSignal(window.controller.searchFinished, timeout=20000) as blocker:
        window.search_view.box.setText(query)
        window.search_view.submit()
    return blocker.args[0]


def test_back_and_forward_across_search_document_and_entity(qtbot, window, idle) -> None:
    result = search(qtbot, window, "算力调度平台")
    with qtbot.waitSignal(window.controller.documentLoaded, timeout=20000):
        window.open_hit(result.hits[0])
    mention = window.reader_view.view.mentions[0]
    with qtbot.waitSignal(window.controller.entityLoaded, timeout=20000):
        window.reader_view.entityActivated.emit(mention.entity_id)
    assert window.current_view() == "entity" and window.back_action.isEnabled()
    assert not window.forward_action.isEnabled()
    with qtbot.waitSignal(window.controller.documentLoaded, timeout=20000):
        qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_view() == "reader"
    with qtbot.waitSignal(window.controller.searchFinished, timeout=20000):
        window.back_action.trigger()
    assert window.current_view() == "search" and window.search_view.box.text() == "算力调度平台"
    assert not window.back_action.isEnabled() and window.forward_action.isEnabled()
    with qtbot.waitSignal(window.controller.documentLoaded, timeout=20000):
        qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    with qtbot.waitSignal(window.controller.entityLoaded, timeout=20000) as blocker:
        window.forward_action.trigger()
    assert blocker.args[0].entity.id == mention.entity_id


def test_importing_a_good_and_a_broken_file_reports_both(qtbot, window, tmp_path) -> None:
    good = tmp_path / "ganzhou_plan.txt"
    good.write_text(NEW_DOC, encoding="utf-8")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"this is not a zip archive")
    with qtbot.waitSignal(window.importSummaryShown, timeout=30000) as blocker:
        assert window.import_paths([good, broken])
        assert window.progress.isVisible()
    dialog = blocker.args[0]
    report = dialog.report
    assert [Path(p).name for p in report.added] == ["ganzhou_plan.txt"]
    assert [Path(f.path).name for f in report.failed] == ["broken.docx"]
    assert not dialog.isModal() and dialog.isVisible()
    text = dialog.browser.toPlainText()
    assert "broken.docx" in text and report.failed[0].reason in text
    assert not window.progress.isVisible()
    hits = search(qtbot, window, "北斗导航").hits
    assert hits and hits[0].doc == "ganzhou_plan.txt"
    assert window.controller.kb.stats().documents == 4
    # the same file again is skipped as unchanged
    with qtbot.waitSignal(window.importSummaryShown, timeout=30000) as blocker:
        window.import_paths([good])
    assert blocker.args[0].report.unchanged and not blocker.args[0].report.added


def test_dropping_files_on_the_window_imports_them(qtbot, window, tmp_path) -> None:
    good = tmp_path / "dropped.txt"
    good.write_text(NEW_DOC, encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(good))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.importSummaryShown, timeout=30000) as blocker:
        window.dropEvent(event)
    assert event.isAccepted()
    assert [Path(p).name for p in blocker.args[0].report.added] == ["dropped.txt"]


def test_first_run_imports_the_starter_corpus_in_the_background(qtbot, make_window, tmp_path, docs_text) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in list(docs_text.items())[:2]:
        (corpus / name).write_text(text, encoding="utf-8")
    window = make_window(tmp_path / "empty_kb", corpus_dir=corpus, wait=False)
    assert window.controller.importing() and window.progress.isVisible()
    qtbot.waitUntil(lambda: window.import_dialog is not None, timeout=60000)
    assert len(window.import_dialog.report.added) == 2
    assert not window.progress.isVisible()
    assert search(qtbot, window, "数据中心").total > 0


def test_cancel_stops_an_import(qtbot, window, tmp_path) -> None:
    gate = threading.Event()
    # occupy the import lane's one thread so the import is still queued when the user cancels
    window.controller._submit("block", lambda _p, _c: gate.wait(10), lambda _v: None, pool=window.controller.import_pool)
    (tmp_path / "a.txt").write_text(NEW_DOC, encoding="utf-8")
    assert window.import_paths([tmp_path / "a.txt"])
    assert not window.import_paths([tmp_path / "a.txt"])  # one import at a time
    qtbot.mouseClick(window.progress.cancel, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.importSummaryShown, timeout=30000) as blocker:
        gate.set()
    report = blocker.args[0].report
    assert report.cancelled and not report.added
    assert window.controller.kb.stats().documents == 3


def test_language_switch_retranslates_and_is_saved(qtbot, window, settings) -> None:
    try:
        window.lang_actions["zh"].trigger()
        qtbot.waitUntil(lambda: window.nav_actions["search"].text() == "搜索")  # LanguageChange is posted
        assert window.search_view.go.text() == "搜索"
        assert "智库" in window.windowTitle()
        assert settings.value("ui/lang") == "zh"
        assert window.entity_view.model.headerData(0, Qt.Orientation.Horizontal) == "名称"
    finally:
        window.lang_actions["en"].trigger()
    qtbot.waitUntil(lambda: window.nav_actions["search"].text() == "Search")
    assert settings.value("ui/lang") == "en"


def test_geometry_splitters_and_last_query_are_remembered(qtbot, make_window, kb_dir, settings) -> None:
    first = make_window(kb_dir)
    search(qtbot, first, "数据中心")
    first.resize(700, 500)  # inside the 800x600 offscreen screen (restoreGeometry clamps)
    first.search_view.splitter.setSizes([420, 230])
    sizes = first.search_view.splitter.sizes()
    first.close()
    second = make_window(kb_dir)
    assert second.search_view.box.text() == "数据中心"
    assert (second.width(), second.height()) == (700, 500)
    assert second.search_view.splitter.sizes() == sizes


def test_stale_search_results_are_dropped(qtbot, window, idle) -> None:
    seen = []
    window.controller.searchFinished.connect(lambda r: seen.append(r.query))
    window.controller.search("数据中心")
    window.controller.search("算力")
    idle(window)
    assert seen == ["算力"]


def test_install_language_falls_back_to_english_cleanly(qapp) -> None:
    assert install_language("en")


def test_the_import_menu_items_import_what_the_dialogs_return(qtbot, window, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "ganzhou.txt").write_text(NEW_DOC, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder)))
    with qtbot.waitSignal(window.importSummaryShown, timeout=30000) as blocker:
        window.import_folder_action.trigger()
    assert [Path(p).name for p in blocker.args[0].report.added] == ["ganzhou.txt"]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(folder / "ganzhou.txt")], "")))
    with qtbot.waitSignal(window.importSummaryShown, timeout=30000) as blocker:
        window.import_files_action.trigger()
    assert blocker.args[0].report.unchanged

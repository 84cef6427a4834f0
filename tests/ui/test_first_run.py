"""The app as a new user meets it: first size, landing page, restored query, titles, display, Qt's own strings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSize, Qt

from ui.app import display_problem
from ui.i18n import install_language
from ui.window_state import MIN_SIZE, default_size

ROOT = Path(__file__).resolve().parents[2]


def test_the_first_window_is_most_of_the_screen_never_below_1024x700() -> None:
    assert default_size(QSize(1400, 900)) == QSize(1120, 720)
    assert default_size(QSize(2560, 1440)) == QSize(2048, 1152)
    assert default_size(QSize(1280, 800)) == QSize(1024, 700)  # the floor
    assert default_size(QSize(800, 600)) == QSize(800, 600)  # a small screen: all of it


def test_a_window_without_saved_geometry_opens_at_the_default_size(qtbot, settings, kb_dir) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(settings, kb_dir=kb_dir)
    qtbot.addWidget(window)
    available = window.screen().availableGeometry()
    expected = default_size(available.size())
    assert (window.width(), window.height()) == (expected.width(), expected.height())
    assert window.width() >= min(MIN_SIZE.width(), available.width())


def test_with_an_empty_box_the_library_is_the_landing_page(qtbot, window) -> None:
    library = window.library_view
    assert window.current_view() == "library"
    qtbot.waitUntil(lambda: library.model.rowCount() == 3, timeout=20000)
    titles = {row.doc.title for row in library.visible()}
    assert "贵阳市加快数字经济发展实施方案（2023—2025年）" in titles
    # the search box suggests queries that this library answers
    qtbot.waitUntil(lambda: "e.g." in window.search_view.box.placeholderText(), timeout=20000)
    assert window.search_view.examples
    example = window.search_view.examples[0]
    with qtbot.waitSignal(window.controller.searchFinished, timeout=20000) as found:
        window.search_view.box.setText(example)
        window.search_view.submit()
    assert found.args[0].hits, example
    window.search_view.box.clear()
    window.search_view.submit()
    assert window.current_view() == "library"


def test_the_restored_last_query_is_run_at_start(qtbot, make_window, kb_dir, settings) -> None:
    settings.setValue("search/last", "算力调度平台")
    settings.sync()
    window = make_window(kb_dir, wait=False)
    qtbot.waitUntil(lambda: window.search_view.result is not None, timeout=20000)
    assert window.current_view() == "search"
    assert window.search_view.result.query == "算力调度平台" and window.search_view.result.hits
    assert window.search_view.hits.rowCount() > 0


def test_the_import_report_names_documents_by_title_with_the_file_as_tooltip(qtbot, window, tmp_path) -> None:
    doc = tmp_path / "000_3fa9c2d41b7e8850.txt"
    doc.write_text("昆明市数字经济产业园建设情况通报\n\n2023-06-01 来源：昆明市工业和信息化局\n\n"
                   "园区已入驻软件企业120家。\n", encoding="utf-8")
    with qtbot.waitSignal(window.importSummaryShown, timeout=30000) as shown:
        window.import_paths([doc])
    dialog = shown.args[0]
    text = dialog.browser.toPlainText()
    assert "昆明市数字经济产业园建设情况通报" in text and "000_3fa9c2d41b7e8850.txt" not in text
    assert "000_3fa9c2d41b7e8850.txt" in dialog.browser.toHtml()  # in the title's tooltip


def test_entity_page_and_notes_name_documents_by_title(qtbot, window, idle) -> None:
    c = window.controller
    entity = next(e for e in c.kb.entities() if e.name == "中卫市")
    with qtbot.waitSignal(c.entityLoaded, timeout=20000):
        window.open_entity(entity.id)
    page = window.entity_view.page
    title = c.titles.title("ningxia_news.txt")
    assert title != "ningxia_news.txt"
    docs = [page.mentions.index(r, 0).data() for r in range(page.mentions.rowCount())]
    assert docs and set(docs) == {title}
    assert "ningxia_news.txt" in page.mentions.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert f"《{title}》" in page.header.text() and "ningxia_news.txt" not in page.header.text()
    if page.measures.rowCount():
        assert page.measures.index(0, page.measures.COL_DOC).data() == title


def test_without_a_display_the_app_says_so_plainly() -> None:
    assert display_problem({}, "linux") is not None
    assert display_problem({"DISPLAY": ":0"}, "linux") is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({}, "darwin") is None
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    proc = subprocess.run([sys.executable, str(ROOT / "main.py")], env=env, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 2
    assert "needs a graphical display" in proc.stderr and "xvfb-run" in proc.stderr and "--screenshot" in proc.stderr
    assert "xcb" not in proc.stderr.lower()


def test_qt_dialogs_speak_chinese_under_the_chinese_ui(qtbot) -> None:
    from PySide6.QtWidgets import QFileDialog, QLabel

    assert install_language("zh")
    try:
        dialog = QFileDialog(None, "导入文档")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        qtbot.addWidget(dialog)
        labels = {w.text() for w in dialog.findChildren(QLabel)}
        assert any("查找范围" in t for t in labels) and any("文件类型" in t for t in labels), labels
    finally:
        install_language("en")

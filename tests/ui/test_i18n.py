"""The Chinese interface: every string translated, no English left in the compare and notes views."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QMenu, QTableView, QTabWidget, QWidget

from ui.i18n import HERE, current_language, install_language
from ui.labels import theme_label
from ui.models.search_model import HTML_ROLE

# words that stay as they are in Chinese software: format names and query syntax
ALLOWED = {"Excel", "Markdown", "CSV", "Word", "HTML", "JSON", "xlsx", "docx", "html", "csv", "json", "md", "OR",
           "RIS", "CSL", "ris", "EndNote", "Zotero", "pandoc", "NOT", "Ctrl"}
WORD = re.compile(r"[A-Za-z]{2,}")


def test_every_message_in_the_ts_file_is_translated() -> None:
    tree = ET.parse(HERE / "zhiku_zh_CN.ts")
    missing = [(ctx.findtext("name"), m.findtext("source")) for ctx in tree.getroot().iter("context")
               for m in ctx.iter("message") if m.find("translation").get("type") == "unfinished"
               or not "".join(m.find("translation").itertext()).strip()]
    assert missing == []
    assert (HERE / "zhiku_zh_CN.qm").stat().st_mtime >= (HERE / "zhiku_zh_CN.ts").stat().st_mtime - 1


def _texts(root: QWidget) -> list[str]:
    """Everything a user reads in the widget tree's chrome (not document text)."""
    out: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, QLabel):
            out.append(w.text())
        elif isinstance(w, QAbstractButton):
            out += [w.text(), w.toolTip()]
        elif isinstance(w, QLineEdit):
            out.append(w.placeholderText())
        elif isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QTabWidget):
            out += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QMenu):
            out += [a.text() for a in w.actions()]
        elif isinstance(w, QTableView) and w.model() is not None:
            m = w.model()
            out += [str(m.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(m.columnCount())]
    return out


def _english(texts: list[str]) -> list[str]:
    return [t for t in texts if any(word not in ALLOWED for word in WORD.findall(t.replace(".txt", "")))]


@pytest.fixture
def chinese(qapp):
    assert install_language("zh") and current_language() == "zh"
    yield
    install_language("en")


def test_compare_and_notes_views_have_no_english_in_chinese(chinese, qtbot, window) -> None:
    kb = window.controller.kb
    kb.add_note(doc="guizhou_plan.txt", quote="全国一体化算力网络国家枢纽节点", comment="枢纽", tags=["算力"])
    with qtbot.waitSignal(window.controller.notesLoaded, timeout=20000):
        window.notes_view.refresh()
    qtbot.waitUntil(lambda: window.compare_view.export_button.text() == "导出…")  # LanguageChange is posted
    compare = window.compare_view
    compare.set_regions(["宁夏回族自治区", "贵州省"])
    with qtbot.waitSignal(compare.comparison_ready, timeout=20000):
        compare.run_compare()
    qtbot.waitUntil(lambda: not compare.busy())
    compare.select_cell(1, 0)
    window.notes_view.select_note(kb.notes()[0].id)
    assert _english(_texts(compare)) == []
    assert _english(_texts(window.notes_view)) == []
    assert _english([a.text() for a in window.export_menu.actions_by_key.values()]) == []
    matrix = compare.matrix_model
    headers = [matrix.headerData(r, Qt.Orientation.Vertical) for r in range(matrix.rowCount())]
    assert "▸ 人才" in headers and "▸ 招商引资" in headers
    assert matrix.headerData(0, Qt.Orientation.Horizontal) == "宁夏回族自治区\n（1 篇）"
    cells = [matrix.data(matrix.index(r, c)) for r in range(matrix.rowCount()) for c in range(2)]
    assert any(c == "无相关内容" for c in cells) and all("sentences" not in c for c in cells)
    assert any("句 ·" in c for c in cells)
    assert window.nav_actions["compare"].text() == "比较" and window.nav_actions["notes"].text() == "笔记"


def test_theme_labels_follow_the_interface_language(qapp, kb) -> None:
    talent = kb.theme("talent")
    install_language("zh")
    try:
        assert theme_label(talent) == "人才"
    finally:
        install_language("en")
    assert theme_label(talent) == "Talent"
    renamed = kb.update_theme("talent", label="人才引进").theme
    assert theme_label(renamed) == "人才引进"  # the user's own name is kept in both languages


def test_ts_lists_the_strings_of_the_new_views() -> None:
    sources = {(c.findtext("name"), m.findtext("source")) for c in ET.parse(HERE / "zhiku_zh_CN.ts").getroot().iter("context")
               for m in c.iter("message")}
    for needed in [("CompareModel", "No relevant content"), ("CompareView", "Matrix"), ("RegionPicker",
                   "Regions (2–5, columns in the order you tick them)"), ("ReaderView", "Add note…"),
                   ("NotesModel", "Orphaned"), ("ExportMenu", "&Export")]:
        assert needed in sources
    assert Path(HERE / "zhiku_zh_CN.qm").exists()


def test_corrections_reader_header_and_reattach_speak_chinese(chinese, qtbot, window) -> None:
    from ui.views.reattach_dialog import ReattachDialog

    kb = window.controller.kb
    entity = max(kb.entities(), key=lambda e: e.mention_count)
    with qtbot.waitSignal(window.controller.entityLoaded, timeout=20000):
        window.open_entity(entity.id)
    page = window.entity_view.page
    qtbot.waitUntil(lambda: page.correct_button.text() == "纠正")
    page.fill_correct_menu()
    menu_texts = [a.text() for a in page.correct_menu.actions()]
    menu_texts += [a.text() for a in page.correct_menu.actions()[1].menu().actions()]
    assert "重命名…" in menu_texts and _english(menu_texts) == []
    # tags are not words, file names are data
    plain = [re.sub(r"[\w.]+\.txt", "", html.unescape(re.sub(r"<[^>]+>", " ", t))) for t in _texts(window.entity_view)]
    assert _english(plain) == []
    with qtbot.waitSignal(window.controller.documentLoaded, timeout=20000):
        window.controller.load_document("guizhou_plan.txt")
    header = window.reader_view.header
    assert header.copy_button.text() == "复制引用" and "来\u2060源" in header.meta.text() and "文\u2060件" in header.meta.text()
    assert _english([header.copy_button.text(), header.raw_toggle.text(), html.unescape(re.sub(r"<[^>]+>", " ", header.meta.toolTip())).replace("guizhou_plan.txt", "")]) == []
    note = kb.add_note(doc="guizhou_plan.txt", quote="全国一体化算力网络国家枢纽节点").note
    dialog = ReattachDialog(note, kb.documents(), kb.reattach_note)
    qtbot.addWidget(dialog)
    assert _english([re.sub(r"[\w.]+\.txt", "", t) for t in _texts(dialog)]) == []


def test_search_suggestions_thesaurus_and_export_speak_chinese(chinese, qtbot, window) -> None:
    view = window.search_view
    qtbot.waitUntil(lambda: view.go.text() == "搜索")
    view.set_query("数据中心", {"region": "陕西省"})
    with qtbot.waitSignal(window.controller.searchFinished, timeout=20000):
        view.submit()
    texts = [t for t in _texts(view) if t != view.suggestions.absent.text()]  # thesaurus terms (IDC) are data
    assert view.suggestions.absent.text().startswith("也已尝试（同义词库中有，本库中没有）：")
    assert any(t.startswith("去掉筛选条件 地区: 陕西省") for t in texts) and view.by_doc.text() == "按文档"
    assert "同义词" in view.box.placeholderText() and "同义词库" in view.box.toolTip()
    assert _english([t.replace("region:", "").replace("year:", "").replace("kind:", "").replace("issuer:", "")
                     for t in texts + [view.box.toolTip()]]) == []
    view.set_query("补贴")
    with qtbot.waitSignal(window.controller.searchFinished, timeout=20000) as found:
        view.submit()
    assert "另经同义词库找到" in view.status.text() and found.args[0].more_hits
    cards = [view.hits.index(r, 0).data(HTML_ROLE) for r in range(view.hits.rowCount())]
    assert any("更多结果（同义词、相关词、分词）" in c for c in cards) and not any("Verbatim" in c for c in cards)
    with qtbot.waitSignal(window.controller.thesaurusLoaded, timeout=20000):
        window.thesaurus_action.trigger()
    dialog = window.thesaurus_dialog
    assert window.tools_menu.title() == "工具(&T)" and window.thesaurus_action.text() == "同义词库…"
    model = dialog.model
    heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    cells = [model.index(0, c).data() for c in range(1, 4)]
    assert heads == ["词语", "关系", "启用", "归属", "来源 / 备注"] and cells == ["同义", "启用", "内置"]
    assert _english(_texts(dialog) + [dialog.windowTitle()]) == []
    refs = window.export_menu.submenus["references"]
    assert refs.title() == "参考文献" and _english([m.title() for m in window.export_menu.scope_menus.values()]) == []

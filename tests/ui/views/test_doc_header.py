"""The reader's header cites its source: the page's address as plain text, opened only on a click."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices

from ui.views.doc_header import DocHeader, web_url

PAGE = """湖南省数字经济发展三年行动计划（2024—2026年）

发布时间：2024-03-01  来源：湖南省工业和信息化厅
原文链接：https://www.example.gov.cn/zcwj/2024/0301.html

到2026年，全省数字经济规模突破2万亿元，对新认定的省级工业互联网平台给予一次性奖励100万元。
"""


def test_the_header_shows_the_address_and_access_date_and_opens_only_on_a_click(
        qtbot, window, tmp_path: Path, monkeypatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    (tmp_path / "hunan_plan.txt").write_text(PAGE, encoding="utf-8")
    with qtbot.waitSignal(window.controller.importFinished, timeout=30000):
        window.import_paths([tmp_path / "hunan_plan.txt"])
    doc = next(d for d in window.controller.kb.documents() if d.name == "hunan_plan.txt")
    assert doc.url == "https://www.example.gov.cn/zcwj/2024/0301.html" and doc.accessed
    with qtbot.waitSignal(window.controller.documentLoaded, timeout=20000):
        window.open_document(doc.id)
    header = window.reader_view.header
    assert header.url_row.isVisible() and header.url_label.text() == doc.url
    assert header.url_label.textFormat() == Qt.TextFormat.PlainText
    assert header.url_label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert f"Accessed</span>&nbsp;{doc.accessed}" in header.meta.text().replace("\u2060", "")
    assert opened == []  # showing it never loads it
    qtbot.mouseClick(header.open_url_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl(doc.url)]

    with qtbot.waitSignal(window.controller.documentLoaded, timeout=20000):
        window.open_document("guizhou_plan.txt")  # a local file: no address row
    assert not header.url_row.isVisible() and header.url_label.text() == ""


def test_only_web_addresses_can_be_opened(qtbot, monkeypatch) -> None:
    from kb.models import Document

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    assert web_url("http://www.example.gov.cn/a.html") is not None
    for bad in ("file:///etc/passwd", "javascript:alert(1)", "www.example.gov.cn/a.html", "https://", "", None):
        assert web_url(bad) is None, bad
    header = DocHeader()
    qtbot.addWidget(header)
    doc = Document("d1", "a.html", "/tmp/a.html", "页面", None, None, None, (), "other", url="file:///etc/passwd")
    header.show_document(doc)
    assert header.url_label.text() == "file:///etc/passwd" and not header.open_url_button.isEnabled()
    assert not header.open_url() and opened == []
    header.show_document(replace(doc, url="https://www.example.gov.cn/a.html"))
    assert header.open_url_button.isEnabled() and header.open_url() and len(opened) == 1


def test_a_field_never_breaks_across_lines(qtbot) -> None:
    from PySide6.QtGui import QTextDocument

    from kb.models import Document

    header = DocHeader()
    qtbot.addWidget(header)
    doc = Document("d1", "003_8ff921cb0068af41.txt", "", "提案答复", "2023-10-10", "www.example.gov.cn", "某自治区",
                   ("某自治区",), "proposal_reply", issuer="某自治区工业和信息化厅", accessed="2024-05-06")
    header.show_document(doc)
    fields = [f"{k}\u00a0{v}".replace(" ", "\u00a0") for k, v in header.fields(doc) if v]
    for width in range(240, 720, 20):  # every wrap width: each field stays whole on one line
        page = QTextDocument()
        page.setHtml(header.meta.text())
        page.setTextWidth(width)
        page.documentLayout().documentSize()
        block = page.begin()
        layout, text = block.layout(), block.text().replace("\u2060", "")
        raw = block.text()
        lines = ["".join(raw[layout.lineAt(i).textStart(): layout.lineAt(i).textStart() + layout.lineAt(i).textLength()])
                 .replace("\u2060", "") for i in range(layout.lineCount())]
        assert all(any(f in line for line in lines) for f in fields if len(f) * 14 < width), (width, lines)
        assert "".join(lines) == text

"""Safety: importing hostile HTML touches no network and keeps no script; exports escape everything
that came from a document or a user; export file names are sanitised."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from kb.errors import ZhikuError
from kb.service import KnowledgeBase

from . import badfiles as bad
from .helpers import make_doc


def test_hostile_html_import_makes_no_network_attempt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[str] = []

    def refuse(name: str):
        def blocked(*args: object, **kwargs: object) -> None:
            attempts.append(f"{name}{args[1:2] or args[:1]}")
            raise OSError("network is off in this test")
        return blocked

    folder = tmp_path / "html"
    folder.mkdir()
    for i in range(3):
        (folder / f"page{i}.html").write_bytes(bad.hostile_html(60 + i))
    with KnowledgeBase.open(tmp_path / "kb") as kb:
        monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
        monkeypatch.setattr(socket.socket, "connect_ex", refuse("connect_ex"))
        monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
        monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
        report = kb.import_paths([folder])
        text = kb.document_text("page0.html")
        hits = kb.search("实施方案")
    assert attempts == []
    assert report.ok and len(report.added) == 3
    for shown in (text.body, text.raw, *(h.snippet for h in hits.hits), *(h.text for h in hits.hits)):
        for bad_text in ("<script", "javascript:", "PAYLOAD", "evil.example", "tracker.example", "http"):
            assert bad_text not in shown


def _kb_with_hostile_note(tmp_path: Path) -> KnowledgeBase:
    folder = tmp_path / "docs"
    folder.mkdir()
    doc = make_doc(70).replace("各有关单位：", "各有关单位：<script>alert('doc')</script>&amp;<img src=x onerror=alert(2)>")
    title_attack = "<b onmouseover=alert(3)>恶意标题</b>关于印发方案的通知\n"
    (folder / "hostile.txt").write_text(title_attack + doc, encoding="utf-8")
    kb = KnowledgeBase.open(tmp_path / "kb")
    assert kb.import_paths([folder]).ok
    body = kb.document_text("hostile.txt").body
    assert "<script>alert('doc')</script>" in body  # plain text keeps it verbatim, as text
    kb.add_note(doc="hostile.txt", quote="<script>alert('doc')</script>&amp;<img src=x onerror=alert(2)>",
                comment="<script>alert('note')</script> \"quoted\" & <iframe src=http://evil.example>",
                tags=["<svg onload=alert(4)>"])
    return kb


def test_exported_html_escapes_document_and_user_text(tmp_path: Path) -> None:
    kb = _kb_with_hostile_note(tmp_path)
    try:
        out = kb.export_notes(tmp_path / "notes.html", "html")
    finally:
        kb.close()
    html = out.read_text(encoding="utf-8")
    lowered = html.lower()
    for raw in ("<script", "<img", "<iframe", "<svg", "<b onmouseover", "onerror=alert(2)>"):
        assert raw not in lowered, raw
    import lxml.html

    tree = lxml.html.document_fromstring(html)
    assert not tree.xpath("//script | //iframe | //img | //svg | //object | //embed | //link")
    for el in tree.iter():
        for attr, value in el.attrib.items():
            assert not attr.lower().startswith("on"), (el.tag, attr)
            assert "://" not in value and "javascript:" not in value.lower(), (el.tag, attr, value)
    assert "&lt;script&gt;alert(&#x27;note&#x27;)&lt;/script&gt;" in html
    assert "&lt;script&gt;alert(&#x27;doc&#x27;)&lt;/script&gt;&amp;amp;" in html
    assert "&lt;svg onload=alert(4)&gt;" in html


def test_other_export_formats_survive_hostile_text(tmp_path: Path) -> None:
    kb = _kb_with_hostile_note(tmp_path)
    try:
        kb.add_note(doc="hostile.txt", quote="请认真贯彻落实", comment="control chars \x00\x07\x1b end")
        for fmt in ("md", "docx", "csv"):
            out = kb.export_notes(tmp_path / f"notes.{fmt}", fmt)
            assert out.stat().st_size > 0
        csv_text = (tmp_path / "notes.csv").read_text(encoding="utf-8-sig")
        assert "<script>alert('note')</script>" in csv_text  # CSV is data: verbatim, not executed
    finally:
        kb.close()


@pytest.mark.parametrize("asked,expected", [
    ("报告:第1版?.html", "报告_第1版_.html"),
    ("CON.html", "_CON.html"),
    ('a"b<c>d|e*f.html', "a_b_c_d_e_f.html"),
    ("  ...hidden  .html", "hidden  .html"),
    ("tab\tand\nnewline.html", "tab_and_newline.html"),
    ("no_extension", "no_extension.html"),
])
def test_export_file_names_are_sanitised(tmp_path: Path, asked: str, expected: str) -> None:
    with KnowledgeBase.open(tmp_path / "kb") as kb:
        out = kb.export_notes(tmp_path / asked, "html")
    assert out.parent == tmp_path and out.name == expected and out.exists()


def test_export_to_a_missing_folder_or_unknown_format_is_a_readable_error(tmp_path: Path) -> None:
    with KnowledgeBase.open(tmp_path / "kb") as kb:
        with pytest.raises(ZhikuError, match="does not exist"):
            kb.export_notes(tmp_path / "nowhere" / "x.html", "html")
        with pytest.raises(ZhikuError, match="cannot export"):
            kb.export_notes(tmp_path / "x.exe", "exe")

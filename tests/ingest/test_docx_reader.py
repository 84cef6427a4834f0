"""The streaming .docx reader: what python-docx gives, plus the text it skips, minus duplicates."""

from __future__ import annotations

import io
import zipfile

import docx

from kb.ingest.docx_reader import read_docx

from .conftest import build_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _with_body(body_xml: str) -> bytes:
    """A real .docx (python-docx's template) whose body is replaced by ``body_xml``."""
    good = build_docx(["占位"])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/document.xml":
                data = (
                    f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}" '
                    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
                    f"<w:body>{body_xml}</w:body></w:document>"
                ).encode()
            zout.writestr(info, data)
    return out.getvalue()


def _p(*runs: str) -> str:
    return "<w:p>" + "".join(f"<w:r><w:t xml:space='preserve'>{r}</w:t></w:r>" for r in runs) + "</w:p>"


def test_same_lines_as_python_docx_for_paragraphs_and_tables():
    data = build_docx(
        ["黔东南州数字经济发展实施方案", "", "一、总体要求", "到2025年，全州数字经济增加值达到300亿元。"],
        table=[["序号", "任务", "责任单位"], ["1", "建设数据中心", "州大数据局"]],
    )
    document = docx.Document(io.BytesIO(data))
    expected = [p.text for p in document.paragraphs[:4]]
    lines = read_docx(data, "x.docx").raw.split("\n")
    assert lines[:4] == expected
    assert lines[4:6] == ["序号\t任务\t责任单位", "1\t建设数据中心\t州大数据局"]
    assert lines[-1] == "表格之后的段落仍属于正文内容。"


def test_tabs_breaks_and_runs_split_mid_word():
    body = (
        "<w:p><w:r><w:t>第一条</w:t></w:r><w:r><w:tab/><w:t>为加快</w:t></w:r><w:r><w:t>数字经济发展</w:t>"
        "<w:br/><w:t>制定本办法。</w:t><w:br w:type='page'/></w:r></w:p>"
    )
    assert read_docx(_with_body(body), "x.docx").raw == "第一条\t为加快数字经济发展\n制定本办法。"


def test_text_python_docx_skips_is_kept():
    body = (
        "<w:p><w:r><w:t>原有内容，</w:t></w:r><w:ins w:id='1' w:author='a'><w:r><w:t>修订时插入的内容，</w:t></w:r></w:ins>"
        "<w:del w:id='2' w:author='a'><w:r><w:delText>已删除的内容</w:delText></w:r></w:del>"
        "<w:smartTag w:uri='u' w:element='place'><w:r><w:t>遵义市</w:t></w:r></w:smartTag></w:p>"
        "<w:sdt><w:sdtContent>" + _p("内容控件中的段落。") + "</w:sdtContent></w:sdt>"
    )
    assert read_docx(_with_body(body), "x.docx").raw.split("\n") == ["原有内容，修订时插入的内容，遵义市", "内容控件中的段落。"]


def test_text_box_read_once_without_its_fallback_copy():
    box = "<w:txbxContent>" + _p("文本框中的说明文字。") + "</w:txbxContent>"
    body = (
        "<w:p><w:r><w:t>正文段落。</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires='wps'>"
        f"<w:drawing>{box}</w:drawing></mc:Choice><mc:Fallback><w:pict>{box}</w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    )
    raw = read_docx(_with_body(body), "x.docx").raw
    assert raw.count("文本框中的说明文字。") == 1 and "正文段落。" in raw


def test_merged_cells_spell_out_once_per_row():
    def tc(text: str, props: str = "") -> str:
        return f"<w:tc><w:tcPr>{props}</w:tcPr>{_p(text)}</w:tc>"

    rows = [
        tc("类别", "<w:vMerge w:val='restart'/>") + tc("政策内容", "<w:gridSpan w:val='2'/>"),
        tc("", "<w:vMerge/>") + tc("房租补贴") + tc("最高50万元"),
        tc("", "<w:vMerge/>") + tc("人才奖励") + tc("最高20万元"),
    ]
    body = "<w:tbl>" + "".join(f"<w:tr>{r}</w:tr>" for r in rows) + "</w:tbl>"
    assert read_docx(_with_body(body), "x.docx").raw.split("\n") == [
        "类别\t政策内容", "类别\t房租补贴\t最高50万元", "类别\t人才奖励\t最高20万元"]


def test_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET_CONTENT", encoding="utf-8")
    good = build_docx(["占位"])
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
           f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>正文&x;</w:t></w:r></w:p></w:body></w:document>')
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, xml.encode() if info.filename == "word/document.xml" else zin.read(info))
    try:
        raw = read_docx(out.getvalue(), "x.docx").raw
    except Exception as exc:  # refusing the file is as good as not reading the entity
        raw = str(exc)
    assert "SECRET_CONTENT" not in raw

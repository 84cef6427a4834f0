import io
import zipfile

import pytest

from kb.errors import IngestError
from kb.ingest import SUPPORTED, prepare_bytes
from kb.ingest.readers import read_html

from .samples import GUIZHOU_HTML


def test_supported_formats():
    assert set(SUPPORTED) == {".txt", ".md", ".html", ".htm", ".docx", ".pdf"}


@pytest.mark.parametrize("name", ["a.doc", "a.xls", "a", "a.TXT.bak"])
def test_unsupported_extension(name):
    with pytest.raises(IngestError, match="unsupported file type"):
        prepare_bytes(name, b"hello")


def test_extension_case_is_ignored():
    doc = prepare_bytes("PLAN.TXT", "安徽省数字经济行动计划\n为加快发展数字经济，制定本计划。".encode())
    assert doc.title == "安徽省数字经济行动计划"


def test_markdown_is_text():
    doc = prepare_bytes("n.md", "# 笔记\n\n云南省数字经济发展情况良好，产业规模持续扩大。".encode())
    assert "云南省数字经济发展情况良好" in doc.body


def test_html_whole_page_is_raw_without_scripts():
    text = read_html(GUIZHOU_HTML.encode(), "gz.html")
    assert "统计代码不应出现" not in text.raw and "font-size" not in text.raw
    assert "视频播放器不应出现" not in text.raw
    assert "当前位置:首页 > 政务公开 > 政策文件 > 州政府办文件" in text.raw.split("\n")
    assert "网站标识码:5227000001 联系我们 网站地图" in text.raw.split("\n")
    assert text.title_hint and text.title_hint.startswith("关于印发《黔南州")
    assert any("新建5G基站3000个" in line for line in text.article_lines)


def test_html_table_cells_on_one_line():
    raw = read_html(GUIZHOU_HTML.encode(), "gz.html").raw
    assert "发文机关:\t黔南州人民政府办公室\t发文字号:\t黔南府办发〔2023〕5号" in raw.split("\n")


def test_html_declared_gbk_charset():
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>'
        "<body><p>湖南省长沙市数字经济发展报告，产业规模持续扩大。</p></body></html>"
    )
    doc = prepare_bytes("p.htm", html.encode("gbk"))
    assert "湖南省长沙市数字经济发展报告" in doc.body


def test_html_never_fetches_remote(monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    html = (
        '<html><body><img src="http://example.com/a.png"><link rel="stylesheet" href="http://x/y.css">'
        "<p>四川省成都市数字经济发展迅速，软件产业规模不断扩大。</p></body></html>"
    )
    assert "四川省成都市" in prepare_bytes("p.html", html.encode()).body


def test_html_without_text():
    with pytest.raises(IngestError, match="empty"):
        prepare_bytes("e.html", b"<html><body><script>var a=1;</script></body></html>")


def test_docx_paragraphs_and_tables(make_docx):
    data = make_docx(
        ["福建省数字经济发展行动计划", "为推进数字福建建设，制定本计划。"],
        table=[["项目名称", "投资额"], ["福州算力中心", "12亿元"]],
    )
    doc = prepare_bytes("plan.docx", data)
    assert doc.raw.split("\n")[:4] == [
        "福建省数字经济发展行动计划",
        "为推进数字福建建设，制定本计划。",
        "项目名称\t投资额",
        "福州算力中心\t12亿元",
    ]
    assert "表格之后的段落仍属于正文内容。" in doc.body
    assert doc.title == "福建省数字经济发展行动计划" and doc.kind == "plan"


def test_truncated_docx(make_docx):
    data = make_docx(["甘肃省数字经济发展报告"])
    with pytest.raises(IngestError, match="not a valid .docx"):
        prepare_bytes("cut.docx", data[: len(data) // 2])


def test_zip_that_is_not_a_docx():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "not a word document")
    with pytest.raises(IngestError, match="not a valid .docx"):
        prepare_bytes("fake.docx", buf.getvalue())


def test_docx_zip_bomb_is_refused(make_docx):
    buf = io.BytesIO(make_docx(["正常段落内容。"]))
    with zipfile.ZipFile(buf, "a", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/media/pad.bin", b"\0" * (3 * 1024 * 1024))
    with pytest.raises(IngestError, match="zip bomb"):
        prepare_bytes("bomb.docx", buf.getvalue())


def test_pdf_text_layer(make_pdf):
    data = make_pdf(["湖北省数字经济发展规划", "一、总体要求", "到2025年，全省数字经济核心产业增加值占比达到10%以上。"])
    doc = prepare_bytes("hubei.pdf", data)
    assert doc.title == "湖北省数字经济发展规划"
    assert "到2025年，全省数字经济核心产业增加值占比达到10%以上。" in doc.body
    assert doc.headings and doc.headings[0][2] == "一、总体要求"


def test_pdf_hard_wrapped_lines_are_rejoined_in_the_body_only(make_pdf):
    lines = [
        "标题：陕西省数字经济报告",
        "陕西省加快建设数字经济强省，推进算力基础设施建设和",
        "数字产业集聚发展，全省数字经济规模持续扩大，产业结",
        "构不断优化。",
        "第二段独立成行。",
    ]
    doc = prepare_bytes("w.pdf", make_pdf(lines))
    assert (
        "陕西省加快建设数字经济强省，推进算力基础设施建设和数字产业集聚发展，全省数字经济规模持续扩大，产业结构不断优化。"
        in doc.body.split("\n")
    )
    assert "第二段独立成行。" in doc.body.split("\n")
    assert lines[1] in doc.raw.split("\n")  # the raw view shows the page as it was


def test_pdf_without_text_layer(blank_pdf):
    with pytest.raises(IngestError, match=r"no text layer \(scanned PDF\?\)"):
        prepare_bytes("scan.pdf", blank_pdf)


def test_truncated_pdf(make_pdf):
    data = make_pdf(["山西省数字经济发展报告"])
    with pytest.raises(IngestError, match="PDF"):
        prepare_bytes("cut.pdf", data[:60])


def test_pdf_that_is_not_a_pdf():
    with pytest.raises(IngestError, match="no %PDF header"):
        prepare_bytes("x.pdf", b"hello world, not a pdf")


def test_deeply_nested_html_keeps_its_text() -> None:
    from kb.ingest.readers import read_html

    html = "<html><body>" + "<font>" * 5000 + "<p>贵州省数字经济发展实施方案正文内容</p>" + "</font>" * 10 + "</body></html>"
    raw = read_html(html.encode("utf-8"), "deep.html").raw
    assert "贵州省数字经济发展实施方案正文内容" in raw


@pytest.mark.parametrize(("page_title", "expected"), [
    ("某某科技官网_公司动态_遵义市新区数字产业园首批企业签约入驻", "遵义市新区数字产业园首批企业签约入驻"),
    ("关于印发《六盘水市数字经济发展规划》的通知_六盘水市人民政府", "关于印发《六盘水市数字经济发展规划》的通知"),
    ("5G-A网络建设推进会召开 - 某市人民政府门户网站", "5G-A网络建设推进会召开"),
    ("T-Box与车联网产业发展报告｜行业资讯", "T-Box与车联网产业发展报告"),
    ("某某官网", "某某官网"),
    ("新闻中心_某区大数据中心揭牌", "某区大数据中心揭牌"),  # every part ends like a site's: the longest
])
def test_a_page_title_without_its_site_and_column(page_title: str, expected: str) -> None:
    from kb.ingest.html_reader import title_of_page

    assert title_of_page(page_title) == expected


def test_a_site_name_in_front_of_the_title_does_not_become_the_documents_title() -> None:
    html = ("<html><head><title>某某科技官网_公司动态_遵义市新区数字产业园首批企业签约入驻</title></head><body>"
            "<div>首页 关于我们 新闻</div><p>2024年5月8日，遵义市新区数字产业园举行首批企业签约仪式，"
            "10家企业签约入驻，总投资12亿元。</p><p>园区将重点发展软件信息服务和数据标注产业。</p></body></html>")
    doc = prepare_bytes("news.html", html.encode("utf-8"))
    assert doc.title == "遵义市新区数字产业园首批企业签约入驻"

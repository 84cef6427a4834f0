"""GB/T 7714-2015 references: the test set of issue #16, written in the standard's own forms.

Each expected string follows one of the standard's examples, with the documents' values put in:
``萧钰. 出版业信息化迈入快车道[EB/OL]. (2001-12-19)[2002-04-15]. http://….`` (web page),
``余建斌. 我们的科技一直在追赶: 访中国工程院院长周济[N/OL]. 人民日报, 2013-01-12(2)[2013-03-20]. http://….``
(online newspaper), ``…, 中国国家标准化管理委员会. 信息与文献 参考文献著录规则: GB/T 7714—2015[S].``
(two institutional authors; a number as 其他题名信息), ``Online Computer Library Center, Inc. History of
OCLC[EB/OL]. [2000-01-08]. http://….`` (no publication date).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from kb.citation import authors, book_title, format_gbt7714, is_newspaper, nest_title_marks, plain_title, type_code
from kb.models import Document

SEEN = date(2024, 3, 5)


def _doc(**values: object) -> Document:
    base: dict[str, object] = dict(
        id="d", name="d.txt", path="", title="", date=None, source=None, region=None, region_chain=(), kind="plan"
    )
    base.update(values)
    return Document(**base)  # type: ignore[arg-type]


NEWS = _doc(
    title="云南省加快建设面向南亚东南亚数字枢纽",
    date="2023-08-14",
    source="云南日报",
    kind="news",
)
NOTICE = _doc(
    title="关于印发《湖南省算力基础设施高质量发展行动计划》的通知",
    date="2023-11-02",
    source="省数据局",
    kind="notice",
    issuer="湖南省人民政府办公厅",
    doc_number="湘政办发〔2023〕41号",
)
JOINT_PLAN = _doc(
    title="《中共甘肃省委 甘肃省人民政府关于加快数字经济发展的实施方案》",
    date="2022-09-30",
    source="甘肃省人民政府",
    kind="plan",
    issuer="中共甘肃省委 甘肃省人民政府",
)
PDF_RULE = _doc(
    name="rule.pdf",
    title="江苏省公共数据管理办法",
    date="2021-12-18",
    source="江苏省人民政府",
    kind="plan",
    issuer="江苏省人民政府",
    doc_number="苏政发〔2021〕94号",
)
LOCAL = _doc(
    name="chongqing_reply.docx",
    path="/home/someone/政策/chongqing_reply.docx",
    title="关于市政协六届一次会议第0456号提案的答复",
    date="2023-06-20",
    kind="proposal_reply",
    issuer="重庆市大数据应用发展管理局",
)

GBT_SET = [
    (
        NEWS,
        "https://yndaily.example.cn/html/2023-08/14/content_1.htm",
        "云南省加快建设面向南亚东南亚数字枢纽[N/OL]. 云南日报, 2023-08-14[2024-03-05]. "
        "https://yndaily.example.cn/html/2023-08/14/content_1.htm.",
    ),
    (
        NOTICE,
        "http://www.hunan.gov.cn/zwgk/xxgkml/202311/t20231102_1.html",
        "湖南省人民政府办公厅. 关于印发〈湖南省算力基础设施高质量发展行动计划〉的通知: 湘政办发〔2023〕41号[EB/OL]. "
        "(2023-11-02)[2024-03-05]. http://www.hunan.gov.cn/zwgk/xxgkml/202311/t20231102_1.html.",
    ),
    (
        JOINT_PLAN,
        "https://www.gansu.gov.cn/art/2022/9/30/art_1.html",
        "中共甘肃省委, 甘肃省人民政府. 中共甘肃省委 甘肃省人民政府关于加快数字经济发展的实施方案[EB/OL]. "
        "(2022-09-30)[2024-03-05]. https://www.gansu.gov.cn/art/2022/9/30/art_1.html.",
    ),
    (
        PDF_RULE,
        "http://www.jiangsu.gov.cn/module/download/rule.pdf",
        "江苏省人民政府. 江苏省公共数据管理办法: 苏政发〔2021〕94号[EB/OL]. (2021-12-18)[2024-03-05]. "
        "http://www.jiangsu.gov.cn/module/download/rule.pdf.",
    ),
    (
        LOCAL,
        None,
        "重庆市大数据应用发展管理局. 关于市政协六届一次会议第0456号提案的答复[EB]. (2023-06-20).",
    ),
]


@pytest.mark.parametrize("doc,url,expected", GBT_SET, ids=["news", "notice_docno", "joint_plan", "pdf_rule", "local"])
def test_gbt7714_test_set(doc: Document, url: str | None, expected: str) -> None:
    assert format_gbt7714(doc, accessed=SEEN, url=url) == expected


def test_missing_date_is_left_out_as_in_the_standard() -> None:
    doc = replace(NOTICE, date=None)
    text = format_gbt7714(doc, accessed="2024-03-05T10:00:00", url="http://www.hunan.gov.cn/a.html")
    assert text.endswith("号[EB/OL]. [2024-03-05]. http://www.hunan.gov.cn/a.html.")
    news = format_gbt7714(replace(NEWS, date=None), accessed=SEEN, url="https://yndaily.example.cn/a.htm")
    assert news == "云南省加快建设面向南亚东南亚数字枢纽[N/OL]. 云南日报[2024-03-05]. https://yndaily.example.cn/a.htm."
    assert format_gbt7714(replace(LOCAL, date=None), accessed=SEEN, url=None).endswith("的答复[EB].")


def test_a_local_path_is_no_access_path() -> None:
    for url in (LOCAL.path, "file:///home/someone/a.html", "www"):
        assert format_gbt7714(LOCAL, accessed=SEEN, url=url) == format_gbt7714(LOCAL, accessed=SEEN, url=None)


def test_news_on_a_website_is_an_electronic_bulletin_with_the_source_as_author() -> None:
    doc = replace(NEWS, source="合肥市数据资源局")
    assert type_code(doc, "http://x.cn/a") == "EB/OL"
    assert format_gbt7714(doc, accessed=SEEN, url="http://sjj.hefei.gov.cn/a.html").startswith(
        "合肥市数据资源局. 云南省加快建设面向南亚东南亚数字枢纽[EB/OL]. (2023-08-14)[2024-03-05]."
    )
    # a host name is no 主要责任者: the reference starts with the title
    assert authors(replace(NEWS, source="www.nxzx.gov.cn")) == []


def test_more_than_three_issuers_end_with_deng() -> None:
    doc = replace(NOTICE, issuer="广东省工业和信息化厅、广东省发展和改革委员会、广东省科学技术厅、广东省财政厅")
    assert authors(doc) == ["广东省工业和信息化厅", "广东省发展和改革委员会", "广东省科学技术厅", "等"]
    assert format_gbt7714(doc, accessed=SEEN, url=None).startswith(
        "广东省工业和信息化厅, 广东省发展和改革委员会, 广东省科学技术厅, 等. 关于印发"
    )


def test_section_follows_the_reference() -> None:
    text = format_gbt7714(NOTICE, accessed=SEEN, url=None, section="二、重点任务 > （一）建设算力基础设施")
    assert text.endswith("号[EB]. (2023-11-02).（二、重点任务 > （一）建设算力基础设施）")


@pytest.mark.parametrize(
    "name,expected",
    [("人民日报", True), ("贵州日报", True), ("中国电子报", True), ("经济参考报", True),
     ("国务院公报", False), ("工作简报", False), ("新华网", False), ("省数据局", False), (None, False)],
)
def test_is_newspaper(name: str | None, expected: bool) -> None:
    assert is_newspaper(name) is expected


def test_book_title_marks_nest() -> None:
    wrong = "《关于印发《河南省数字经济发展实施方案》的通知》"
    assert book_title(wrong) == "《关于印发〈河南省数字经济发展实施方案〉的通知》"
    assert plain_title(wrong) == "关于印发〈河南省数字经济发展实施方案〉的通知"
    assert book_title("关于印发<河南省数据条例>的通知") == "《关于印发〈河南省数据条例〉的通知》"
    # three levels: 《 〈 《 》 〉 》
    assert nest_title_marks("印发《关于落实《数据条例》的意见》的通知") == "印发〈关于落实《数据条例》的意见〉的通知"
    assert book_title("《A》和《B》的解读") == "《〈A〉和〈B〉的解读》"
    assert nest_title_marks("GDP增速<5%") == "GDP增速<5%"  # unbalanced: not a title mark
    assert book_title("  ") == ""

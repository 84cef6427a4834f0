import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kb.ingest import prepare, prepare_bytes
from kb.ingest.clean import classify, clean

from .samples import ANHUI_TXT, GUIZHOU_HTML, SICHUAN_HTML, ZHEJIANG_TXT


def body_lines(doc):
    return doc.body.split("\n")


def removed_text(doc):
    return [(span.reason, doc.raw[span.start : span.end]) for span in doc.removed]


def test_seed_news_keeps_article_drops_footer(corpus):
    doc = prepare(corpus / "000_64eff531ad5bde56.txt")
    lines = body_lines(doc)
    assert lines[0] == "章贡区大力推进数字经济创新发展 努力打造信创产业新高地"
    assert "从“快”字入手,做好资源整合文章,腾笼换鸟打造产业平台" in lines
    assert lines[-1].startswith("强化人才支撑。")
    for junk in ("来源:章贡发布", "声明:本站", "上一篇", "下一篇", "相关推荐"):
        assert junk not in doc.body
    assert ("meta", "来源:章贡发布") in removed_text(doc)


def test_seed_plan_keeps_headings_signature_and_attachments(corpus):
    doc = prepare(corpus / "001_a1aa1a657336f1c4.txt")
    lines = body_lines(doc)
    for kept in (
        "一、目标定位",
        "重点任务",
        "(一)优化升级数字基础设施",
        "赣州蓉江新区深入推进数字经济创新发展实施方案",
        "附件1:赣州蓉江新区数字经济实施方案重点事项责任清单",
        "202247日",
    ):
        assert kept in lines
    assert any(line.startswith("中共赣州蓉江新区工作委员会") for line in lines)
    assert lines[0].startswith("关于印发《")  # the article's own title, page header copy removed
    assert not lines[0].startswith("【")
    for junk in ("发布日期", "访问量", "文件下载", "相关文章", "扫一扫", "文章关键词", "分享到"):
        assert junk not in doc.body
    assert {r.reason for r in doc.removed} >= {"meta", "attachment", "related", "share", "keywords"}


def test_seed_report_drops_breadcrumb_and_sidebar(corpus):
    doc = prepare(corpus / "002_427cf5c0d04e8134.txt")
    lines = body_lines(doc)
    assert lines[0] == "张家港经开区以数字经济构筑高质量发展新优势"
    assert "一、经开区数字经济发展情况" in lines
    assert lines[-1].startswith("(三)聚焦数字新赋能")
    for junk in ("当前位置", "时间:2022-06-29", "专家讲堂", "稳步推进新基建", "友情链接", "ICP备", "行业动态"):
        assert junk not in doc.body
    assert all(not line.startswith(" ") for line in lines)


def test_seed_reply_drops_link_disclaimer_and_lists(corpus):
    doc = prepare(corpus / "003_8ff921cb0068af41.txt")
    assert "(记者 单 瑞)" in doc.body
    for junk in ("原文链接", "免责声明", "最新加入", "热门资讯", "24-12-18", "习近平赴山西考察调研"):
        assert junk not in doc.body


def test_seed_research_chapter_untouched(corpus):
    doc = prepare(corpus / "004_38373085937308a7.txt")
    assert doc.removed == ()
    assert doc.body == "\n".join(line.strip() for line in doc.raw.split("\n") if line.strip())


def test_removed_spans_are_raw_coordinates(corpus):
    for path in sorted(corpus.glob("*.txt")):
        doc = prepare(path)
        last = -1
        for span in doc.removed:
            assert 0 <= span.start < span.end <= len(doc.raw) and span.start > last
            assert doc.raw[span.start : span.end].strip() == doc.raw[span.start : span.end]
            last = span.end


def test_anhui_page():
    doc = prepare_bytes("xuancheng.txt", ANHUI_TXT.encode("gbk"))
    lines = body_lines(doc)
    assert lines[0] == "宣城市支持数字经济高质量发展若干措施"
    assert lines[-2:] == ["宣城市人民政府办公室", "2023年5月10日"]
    assert "三、附则" in lines
    for junk in (
        "网站首页",
        "机构概况",
        "当前位置",
        "浏览次数",
        "字号",
        "扫一扫",
        "打印本页",
        "上一篇",
        "下一篇",
        "相关推荐",
        "23-05-08",
        "ICP备",
        "网站标识码",
    ):
        assert junk not in doc.body
    reasons = {r.reason for r in doc.removed}
    assert {"navigation", "meta", "font", "share", "print", "related", "footer"} <= reasons


def test_guizhou_html_page():
    doc = prepare_bytes("qiannan.html", GUIZHOU_HTML.encode())
    lines = body_lines(doc)
    assert lines[0] == "关于印发《黔南州加快数字经济发展三年行动计划(2023—2025年)》的通知"
    assert lines.count(lines[0]) == 1
    for kept in (
        "黔南府办发〔2023〕5号",
        "各县(市)人民政府,州政府各部门、各直属机构:",
        "黔南州人民政府办公室",
        "2023年3月10日",
        "(此件公开发布)",
        "二、重点任务",
        "(二)做强数字产业",
        "附件:黔南州数字经济重点项目表",
    ):
        assert kept in lines
    for junk in (
        "无障碍",
        "走进黔南",
        "当前位置",
        "索引号",
        "浏览次数",
        "打印本页",
        "分享到",
        "扫一扫",
        "相关文件",
        "数字政府建设实施方案",
        "主办单位",
        "ICP备",
        "网站地图",
    ):
        assert junk not in doc.body


@pytest.mark.parametrize(
    "line,reason",
    [
        ("您现在的位置：首页 > 新闻中心 > 部门动态", "navigation"),
        ("首页 | 机构设置 | 政务公开 | 办事服务", "navigation"),
        ("【字体：大 中 小】", "font"),
        ("阅读数：1024", "counter"),
        ("分享至：", "share"),
        ("微信扫一扫：分享", "share"),
        ("Copyright © 2023 湖南省人民政府 版权所有", "footer"),
        ("湘ICP备05000001号-1", "footer"),
        ("附件下载：实施细则.pdf", "attachment"),
        ("关键词：数字经济 算力", "keywords"),
        ("【责任编辑：王芳】", "editor"),
        ("- 3 -", "page_number"),
        ("发布时间：2023-06-01  来源：省工信厅", "meta"),
        ("上一条：关于开展调研的通知", "related"),
    ],
)
def test_classify_other_templates(line, reason):
    assert classify(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "一、目标定位",
        "重点任务",
        "(一)优化升级数字基础设施",
        "附件1:重点项目清单",
        "2023年5月10日",
        "时间安排：2023年底前完成。",
        "各县(市)人民政府,州政府各部门:",
    ],
)
def test_article_lines_are_not_boilerplate(line):
    assert classify(line) is None


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_cleaner_never_raises(text):
    result = clean(text)
    for span in result.removed:
        assert 0 <= span.start <= span.end <= len(text)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "首页",
                "当前位置:首页>新闻",
                "一、总体要求",
                "为加快数字经济发展，制定本方案，请认真贯彻落实并抓好各项工作。",
                "来源:省政府",
                "版权所有",
                "24-12-18某某新闻...",
                "",
                "  ",
                "2023年1月1日",
                "上一篇",
            ]
        ),
        max_size=30,
    )
)
def test_cleaner_never_raises_on_page_like_text(lines):
    text = "\n".join(lines)
    result = clean(text)
    assert all(line in text for line in result.body.split("\n"))


def test_zhejiang_news_keeps_table_rows_with_dates():
    doc = prepare_bytes("hz.txt", ZHEJIANG_TXT.encode("utf-8-sig"))
    lines = body_lines(doc)
    assert lines[0] == "杭州数字经济核心产业增加值突破5000亿元"
    assert lines[1].startswith("本报讯")  # full-width indent stripped
    assert "余杭数据港\t20亿元\t2023-06-01" in lines and "未来科技城基地\t10亿元\t2023-07-01" in lines
    for junk in ("浙江新闻 |", "来源：浙江日报", "责任编辑", "【打印】", "相关新闻", "数字贸易新政"):
        assert junk not in doc.body


def test_sichuan_html_sidebar_and_br_paragraphs():
    doc = prepare_bytes("cd.html", SICHUAN_HTML.encode())
    assert body_lines(doc) == [
        "成都市推进数字经济发展",
        "近年来，成都市以建设国家数字经济创新发展试验区为牵引，数字经济规模持续扩大。",
        "截至2023年6月，全市数字经济核心产业增加值达到1500亿元，同比增长9%，软件和信息服务业收入突破3000亿元。",
        "成都市经信局负责人表示，将继续推进算力基础设施建设，支持天府新区建设国家超算中心成都分中心，打造西部算力高地。",
    ]
    assert "首页 要闻 政务 服务 互动" in doc.raw.split("\n")
    assert "四川省人民政府网站 -" not in doc.raw  # <head> is not page text

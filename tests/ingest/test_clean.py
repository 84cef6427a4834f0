import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kb.ingest import prepare, prepare_bytes
from kb.ingest.clean import classify, clean

from .pages import labels, mistakes, raw_lines
from .pages_holdout import HOLDOUT_PAGES, SHANXI_DOCX
from .pages_holdout2 import HOLDOUT2_HARD, HOLDOUT2_PAGES
from .pages_html import HTML_PAGES
from .pages_text import TEXT_PAGES
from .samples import ANHUI_TXT, GUIZHOU_HTML, SICHUAN_HTML, ZHEJIANG_TXT
from .spans import body_from_raw, boilerplate


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
    assert "(记者 单瑞)" in doc.body  # the padded name is searchable as written
    for junk in ("原文链接", "免责声明", "最新加入", "热门资讯", "24-12-18", "习近平赴山西考察调研"):
        assert junk not in doc.body


def test_seed_research_chapter_untouched(corpus):
    doc = prepare(corpus / "004_38373085937308a7.txt")
    assert boilerplate(doc) == ()
    assert doc.body == body_from_raw(doc.raw, doc.removed)
    assert "推动5G、千兆光纤网" in doc.body  # a layout space at a Chinese/Latin boundary dropped


def test_removed_spans_are_raw_coordinates(corpus):
    for path in sorted(corpus.glob("*.txt")):
        doc = prepare(path)
        last = -1
        for span in doc.removed:
            assert 0 <= span.start < span.end <= len(doc.raw) and span.start >= last
            text = doc.raw[span.start : span.end]
            if span.reason == "layout":
                assert not text.strip(), text  # only spaces and line breaks
            else:
                assert text.strip() == text
            last = span.end
        assert doc.body == body_from_raw(doc.raw, doc.removed), path.name


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


# ---------------------------------------------------------------- annotated pages of other regions

ALL_PAGES = TEXT_PAGES + HTML_PAGES + HOLDOUT_PAGES + HOLDOUT2_PAGES + HOLDOUT2_HARD


@pytest.mark.parametrize("page", ALL_PAGES, ids=repr)
def test_annotated_page_lines(page):
    """Every article line kept, every boilerplate line removed (labels in pages_*.py)."""
    doc = prepare_bytes(page.name, page.data)
    assert mistakes(page, doc) == []


def test_annotated_pages_label_every_line():
    for page in ALL_PAGES:
        lines = raw_lines(prepare_bytes(page.name, page.data))
        found = labels(page, lines)
        assert "keep" in found and "drop" in found or page is SHANXI_DOCX


@pytest.mark.parametrize(
    "line,reason",
    [
        ("首页 > 政务公开 > 政策文件 > 省政府办公厅文件", "navigation"),
        ("您当前的位置：首页 > 政务公开", "navigation"),
        ("索引号\t11370000004609228Y/2023-00312\t主题分类\t工业、交通", "meta"),
        ("发布日期：", "meta"),
        ("原创 某某发布 2023-08-14 17:30 发表于浙江", "meta"),
        ("澎湃新闻记者 钟思远", "meta"),
        ("本报记者 张三 李四", "meta"),
        ("点击蓝字 关注我们", "share"),
        ("阅读原文", "share"),
        ("打开某某新闻APP阅读全文", "share"),
        ("往期推荐", "related"),
        ("相关解读：", "related"),
        ("【图片解读】一图读懂《某某省数字经济促进条例》", "related"),
        ("责任编辑：李明　图片编辑：张可", "editor"),
        ("二审：李娜", "editor"),
        ("（责编：罗昱、章华维）", "editor"),
        ("图片来源：视觉中国", "caption"),
        ("违法和不良信息举报电话：010-12345678", "footer"),
        ("网站地图 | 联系我们 | 网站声明", "footer"),
        ("某某新闻，未经授权不得转载", "disclaimer"),
        ("小字号", "font"),
        ("第3页 共10页", "page_number"),
        ("·48·", "page_number"),
        ("— 12 —", "page_number"),
    ],
)
def test_classify_more_templates(line, reason):
    assert classify(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "3. 审核：市工信局组织专家评审。",
        "审核：市工信局组织专家评审",
        "加强记者队伍建设",
        "名称\t地点\t投资额",
        "● 工业互联网平台",
        "—— 智慧交通",
        "01",
        "数字经济增加值增长15%",
        "附件：1.重点项目清单",
    ],
)
def test_more_article_lines_are_not_boilerplate(line):
    assert classify(line) is None


GUIDE = """湖北省数字经济项目申报指南
为做好2024年度省级数字经济专项资金项目申报工作，现将有关事项通知如下。
一、申报条件
申报单位应在省内注册，具有独立法人资格，财务管理制度健全。
二、申报程序
1.申报：企业通过申报系统在线填报材料。
2.审核：市州主管部门对申报材料进行审核并择优推荐。
3.评审：省经信厅组织专家评审
申报时间：2024年5月1日至5月31日
名称\t地点\t投资额
武汉智算中心\t东湖高新区\t30亿元
襄阳数据港\t高新区\t10亿元
三、支持方向
● 工业互联网平台
● 数据中心绿色改造
● 行业大模型应用
● 数字化转型服务商
加强记者队伍建设
相关单位要加强沟通，确保申报工作顺利开展，对弄虚作假的项目一经查实取消申报资格。
湖北省经济和信息化厅
2024年4月20日"""


def test_article_without_page_loses_nothing():
    """Short sentences, a table, bullets and a heading that mentions 记者: all article text."""
    doc = prepare_bytes("guide.txt", GUIDE.encode())
    assert doc.removed == ()
    assert doc.kind == "notice"


def test_repeated_line_away_from_page_numbers_is_kept():
    text = "\n".join(
        [
            "某市数据中心建设任务清单",
            "为推进数据中心建设，明确各项任务的责任单位和完成时限，现将任务清单印发如下，请抓好落实。",
            "1.建设绿色数据中心",
            "责任单位：市大数据局",
            "2.推进算力调度平台建设",
            "责任单位：市大数据局",
            "3.开展数据中心节能改造，到2025年电能利用效率降至1.3以下，持续推进老旧机房改造升级。",
        ]
    )
    doc = prepare_bytes("list.txt", text.encode())
    assert doc.body.count("责任单位：市大数据局") == 2 and doc.removed == ()


def test_running_header_needs_page_numbers():
    page = "\n".join(
        [
            "第二章 数字产业发展研究",
            "本章分析数字产业的发展现状，并提出对策建议，为相关部门制定政策提供参考依据和决策支持。",
            "— 7 —",
            "某省数字经济发展报告",
            "数字产业规模持续扩大，核心产业增加值占地区生产总值比重稳步提升，产业结构不断优化。",
            "— 8 —",
            "某省数字经济发展报告",
            "下一步要加快培育产业集群，推动数字技术与实体经济深度融合，持续优化发展环境。",
        ]
    )
    doc = prepare_bytes("ch.txt", page.encode())
    assert "某省数字经济发展报告" not in doc.body and "—" not in doc.body
    assert doc.body.startswith("第二章 数字产业发展研究")
    assert {r.reason for r in doc.removed} == {"page_number", "header"}


def test_pdf_chapter_loses_page_furniture(make_pdf):
    """The research chapter as a PDF text layer: same lines out as from the .txt scrape."""
    from .pages_text import SICHUAN_RESEARCH

    lines = [line.replace("\t", " ") for line in SICHUAN_RESEARCH.data.decode().split("\n") if line.strip()]
    doc = prepare_bytes("chapter.pdf", make_pdf(lines))
    removed = [doc.raw[r.start : r.end] for r in boilerplate(doc)]
    assert {r.reason for r in boilerplate(doc)} == {"page_number", "header"}
    assert sum(text.count("四川数字经济发展报告") for text in removed) == 2
    assert doc.body.count("第三章") == 1 and doc.body.startswith("第三章")
    assert "— 4" not in doc.body and "共10页" not in doc.body


# ---------------------------------------------------------------- rules added after the third round

_PARA = "为加快推进数字经济发展，推动数字技术与实体经济深度融合，结合本地实际，制定本方案，请认真贯彻落实。"


def test_menu_with_ideographic_spaces_is_navigation():
    page = f"某某县融媒体中心\n首页\u3000要闻\u3000乡镇\u3000部门\u3000视听\n某县：数字乡村建设提速\n{_PARA}"
    doc = clean(page)
    kept = doc.body.split("\n")
    assert kept == ["某县：数字乡村建设提速", _PARA]


def test_short_items_between_recognised_menu_items_are_navigation():
    page = f"无障碍\n长者模式\n首页\n政务公开\n关于印发某某市数据要素行动方案的通知\n{_PARA}"
    doc = clean(page)
    assert doc.body.split("\n") == ["关于印发某某市数据要素行动方案的通知", _PARA]


def test_last_sidebar_item_before_the_metadata_table_goes():
    page = "\n".join(
        [
            "政策解读",
            "【图片解读】一图看懂行动方案",
            "新闻发布会答记者问",
            "索引号：",
            "1134/2024-00021",
            "某某市发展和改革委员会关于推进算力建设的通知",
            _PARA,
        ]
    )
    doc = clean(page)
    assert doc.body.split("\n") == ["某某市发展和改革委员会关于推进算力建设的通知", _PARA]


def test_title_between_breadcrumb_and_info_bar_stays():
    page = f"首页 > 要闻 > 本地\n某县：智慧茶园助农增收\n来源：某县融媒体中心　作者：张三\n{_PARA}"
    assert clean(page).body.split("\n")[0] == "某县：智慧茶园助农增收"


def test_a_traditional_page_is_cleaned_as_its_simplified_twin() -> None:
    """Lines are read converted (padded ones, a hard-wrapped paragraph joined across its break):
    every line gets the reason its Simplified twin gets."""
    import opencc

    para = ("为加快数字经济发展，推动数字技术与实体经济深度融合，台中市日前印发实施计划，提出到2025年建成5G基站3000座，"
            "数字经济核心产业增加值突破300亿元，支持建设工业互联网平台，对新认定的平台给予最高100万元奖励。") * 3
    simple = (
        "首页 | 新闻中心 | 政务公开 | 办事服务\n当前位置：首页 > 新闻中心\n台中市推进数字经济发展实施计划发布\n"
        "　来　源：台中市政府新闻局　\n发布日期：2023-08-01\n"
        + "\n".join(para[i : i + 30] for i in range(0, len(para), 30)) + "\n"
        "  责任编辑：陈小明  \n【打印本页】【关闭窗口】\n版权所有：台中市政府 网站标识码：1234567890\n"
    )
    traditional = opencc.OpenCC("s2t").convert(simple)
    assert len(traditional) == len(simple) and traditional != simple
    a, b = clean(simple, source="text"), clean(traditional, source="text")
    assert [(s.start, s.end, s.reason) for s in a.removed] == [(s.start, s.end, s.reason) for s in b.removed]
    assert [(x.start, x.end, x.reason, x.cuts) for x in a.lines] == [(x.start, x.end, x.reason, x.cuts) for x in b.lines]
    assert any(x.cuts for x in b.lines) and {s.reason for s in b.removed} >= {"navigation", "meta", "footer"}

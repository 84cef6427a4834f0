import pytest

from kb.ingest import prepare, prepare_bytes
from kb.ingest.metadata import parse_date
from kb.models import DOC_KINDS

from .pages_holdout import HOLDOUT_PAGES
from .pages_holdout2 import HOLDOUT2_HARD, HOLDOUT2_PAGES
from .pages_html import FOSHAN_NEWS, HTML_PAGES, SHANDONG_POLICY
from .pages_text import HEILONGJIANG_OPEN, TEXT_PAGES
from .samples import ANHUI_TXT, GUIZHOU_HTML, SICHUAN_HTML, ZHEJIANG_TXT


@pytest.mark.parametrize(
    "name,title,date,source,kind",
    [
        (
            "000_64eff531ad5bde56.txt",
            "章贡区大力推进数字经济创新发展 努力打造信创产业新高地",
            "2021-01-18",
            "章贡发布",
            "news",
        ),
        (
            "001_a1aa1a657336f1c4.txt",
            "关于印发《赣州蓉江新区深入推进数字经济创新发展实施方案》的通知",
            "2022-04-08",
            "区经济发展局",
            "plan",
        ),
        ("002_427cf5c0d04e8134.txt", "张家港经开区以数字经济构筑高质量发展新优势", "2022-06-29", "如神咨询", "news"),
        (
            "003_8ff921cb0068af41.txt",
            "多重发力 激发电子信息产业新动能——九三学社宁夏区委会 自治区政协委员聚焦电子信息产业发展建言获答复",
            "2023-10-10",
            "www.nxzx.gov.cn",
            "proposal_reply",
        ),
        ("004_38373085937308a7.txt", "加快推进江西数字经济发展的对策建议", None, None, "research"),
    ],
)
def test_seed_metadata(corpus, name, title, date, source, kind):
    doc = prepare(corpus / name)
    assert (doc.title, doc.date, doc.source, doc.kind) == (title, date, source, kind)
    assert doc.kind in DOC_KINDS


def test_seed_notice_issuer_and_no_own_number(corpus):
    doc = prepare(corpus / "001_a1aa1a657336f1c4.txt")
    assert doc.issuer == "中共赣州蓉江新区工作委员会 赣州蓉江新区管理委员会"
    assert doc.doc_number is None  # 赣发〔2022〕4号 is only cited in the text, not this notice's own


def test_guizhou_html_metadata():
    doc = prepare_bytes("qiannan.html", GUIZHOU_HTML.encode())
    assert doc.title == "关于印发《黔南州加快数字经济发展三年行动计划(2023—2025年)》的通知"
    assert doc.date == "2023-03-15"
    assert doc.source == "州大数据局"
    assert doc.issuer == "黔南州人民政府办公室"
    assert doc.doc_number == "黔南府办发〔2023〕5号"
    assert doc.kind == "plan"


def test_anhui_metadata():
    doc = prepare_bytes("xuancheng.txt", ANHUI_TXT.encode())
    assert (doc.title, doc.date, doc.source, doc.issuer, doc.kind) == (
        "宣城市支持数字经济高质量发展若干措施",
        "2023-05-12",
        "宣城市数据资源管理局",
        "宣城市人民政府办公室",
        "plan",
    )


def test_signature_date_and_ascii_bracket_number():
    text = "\n".join(
        [
            "皖政办〔2021〕12号",
            "关于开展数字化转型试点工作的通知",
            "各市人民政府，省政府各部门：",
            "为推动制造业数字化转型，经省政府同意，现就开展试点工作通知如下，请认真贯彻执行。",
            "安徽省人民政府办公厅",
            "2021年9月3日",
        ]
    )
    doc = prepare_bytes("n.txt", text.encode())
    assert doc.doc_number == "皖政办〔2021〕12号"
    assert doc.date == "2021-09-03"
    assert doc.issuer == "安徽省人民政府办公厅"
    assert doc.kind == "notice"
    doc = prepare_bytes("n.txt", text.replace("〔2021〕", "[2021]").encode())
    assert doc.doc_number == "皖政办〔2021〕12号"


def test_column_prefix_stripped_from_title():
    text = "【工作动态】贵州省召开数字经济发展大会\n日前，贵州省召开数字经济发展大会，部署下一阶段重点工作任务。"
    doc = prepare_bytes("n.txt", text.encode())
    assert doc.title == "贵州省召开数字经济发展大会"
    assert doc.kind == "news"


@pytest.mark.parametrize(
    "text,damaged,expected",
    [
        ("2022-04-08 21:45:00", False, "2022-04-08"),
        ("2022年4月8日", False, "2022-04-08"),
        ("2022/4/8", False, "2022-04-08"),
        ("2022.04.08", False, "2022-04-08"),
        ("t20231010_780703", False, "2023-10-10"),
        ("2022年4月", False, "2022-04"),
        ("202247日", True, "2022-04-07"),
        ("2022117日", True, "2022"),  # 1-17 or 11-7: ambiguous, year only
        ("202247日", False, None),
        ("2022-13-45", False, None),
    ],
)
def test_parse_date(text, damaged, expected):
    assert parse_date(text, damaged=damaged) == expected


@pytest.mark.parametrize(
    "title,body,kind",
    [
        (
            "关于政协第十二届三次会议第0123号提案的答复",
            "您提出的关于加快数字经济发展的提案收悉，现答复如下。",
            "proposal_reply",
        ),
        ("对省人大代表建议的办理情况", "关于建议的办理答复如下，感谢您对数字经济工作的关心。", "proposal_reply"),
        ("山东省数字经济“十四五”规划", "为加快数字经济发展，制定本规划。", "plan"),
        ("关于召开全省大数据工作会议的通知", "各市大数据局：定于下周召开全省大数据工作会议。", "notice"),
        ("数字经济发展路径研究", "本章分析了数字经济发展的现状与问题。", "research"),
        ("云南数字经济观察", "记者从省发改委获悉，全省数字经济保持快速增长态势。", "news"),
    ],
)
def test_kind(title, body, kind):
    doc = prepare_bytes("k.txt", f"{title}\n{body}".encode())
    assert doc.kind == kind


def test_news_date_and_source_on_unlabelled_line():
    doc = prepare_bytes("hz.txt", ZHEJIANG_TXT.encode())
    assert (doc.date, doc.source, doc.kind) == ("2023-07-18", "浙江日报", "news")
    doc = prepare_bytes("cd.html", SICHUAN_HTML.encode())
    assert (doc.title, doc.date, doc.source, doc.kind) == ("成都市推进数字经济发展", "2023-09-01", "成都日报", "news")


ALL_PAGES = TEXT_PAGES + HTML_PAGES + HOLDOUT_PAGES + HOLDOUT2_PAGES + HOLDOUT2_HARD


@pytest.mark.parametrize("page", ALL_PAGES, ids=repr)
def test_annotated_page_metadata(page):
    doc = prepare_bytes(page.name, page.data)
    got = (doc.title, doc.date, doc.source, doc.kind, doc.issuer, doc.doc_number)
    assert got == (page.title, page.date, page.source, page.kind, page.issuer, page.doc_number)


def test_written_date_kept_apart_from_publication_date():
    doc = prepare_bytes(SHANDONG_POLICY.name, SHANDONG_POLICY.data)
    assert (doc.date, doc.date_written) == ("2023-06-15", "2023-06-12")
    doc = prepare_bytes(HEILONGJIANG_OPEN.name, HEILONGJIANG_OPEN.data)
    assert (doc.date, doc.date_written) == ("2023-04-26", "2023-04-20")
    assert prepare_bytes(FOSHAN_NEWS.name, FOSHAN_NEWS.data).date_written is None


ARTICLE = "为加快数字经济发展，推动数字技术与实体经济深度融合，结合本市实际，制定本方案，请各单位认真贯彻落实。"


@pytest.mark.parametrize(
    "head,tail,source",
    [
        # 来源 beats the site's 主办单位, even glued to the next label
        (["发布时间：2023-05-06 10:00来源：市数据局作者：综合科"], ["主办单位：某市人民政府办公室"], "市数据局"),
        # no 来源: the 发文机关 of the metadata table
        (["发文机关\t某市人民政府办公室\t成文日期\t2023-05-01"], ["主办单位：某市大数据中心"], "某市人民政府办公室"),
        # nothing labelled: the site's 主办单位, cut at the next label
        (["发布时间：2023-05-06"], ["主办单位：某市人民政府办公室　承办单位：某市大数据中心"], "某市人民政府办公室"),
    ],
)
def test_source_priority(head, tail, source):
    text = "\n".join(["某市数字经济发展实施方案", *head, ARTICLE, *tail])
    assert prepare_bytes("s.txt", text.encode()).source == source


def test_source_falls_back_to_signature_issuer_before_site():
    text = "\n".join(
        ["某县数字乡村建设方案", ARTICLE, "某县人民政府办公室", "2023年6月1日", "主办单位：某县融媒体中心"]
    )
    doc = prepare_bytes("s.txt", text.encode())
    assert (doc.issuer, doc.source, doc.date) == ("某县人民政府办公室", "某县人民政府办公室", "2023-06-01")


def test_label_and_value_on_separate_lines():
    text = "\n".join(
        ["发布日期：", "2023年04月26日", "发文字号：", "某政办发〔2023〕7号", "某市数字经济发展实施方案", ARTICLE]
    )
    doc = prepare_bytes("s.txt", text.encode())
    assert (doc.date, doc.doc_number, doc.title) == ("2023-04-26", "某政办发〔2023〕7号", "某市数字经济发展实施方案")
    assert "2023年04月26日" not in doc.body


def test_cited_number_is_not_the_documents_own():
    text = "\n".join(
        [
            "某市数字经济发展工作要点",
            "根据《某省数字经济发展规划》（某政发〔2022〕3号）要求，结合我市实际，制定本工作要点。",
        ]
    )
    doc = prepare_bytes("s.txt", text.encode())
    assert doc.doc_number is None and doc.kind == "plan"


def test_generated_date_label_is_the_publication_date():
    page = (
        "生成日期：\n2024-06-12\n某某市关于推进算力建设的通知\n"
        + "为加快推进算力基础设施建设，结合本地实际，制定本方案，请认真贯彻落实各项任务要求。\n某某市人民政府\n2024年6月7日"
    )
    doc = prepare_bytes("gen.txt", page.encode())
    assert doc.date == "2024-06-12"
    assert "生成日期" not in doc.body and "2024-06-12" not in doc.body


# ---- source URL and access date (issue #16) -------------------------------------------------

NEWS_BODY = "近日，四川省召开全省数字经济工作推进会，部署下一阶段算力基础设施建设和数字产业集群培育等重点任务。"


@pytest.mark.parametrize(
    "tail,url",
    [
        (["原文链接:http://www.sc.gov.cn/10462/c105962/2023/8/1/abc.shtml"], "http://www.sc.gov.cn/10462/c105962/2023/8/1/abc.shtml"),
        (["【本文链接】 https://www.hubei.gov.cn/zwgk/202308/t20230801_1.shtml。"], "https://www.hubei.gov.cn/zwgk/202308/t20230801_1.shtml"),
        (["原文地址：www.hainan.gov.cn/hainan/5309/202308/abc.html"], "http://www.hainan.gov.cn/hainan/5309/202308/abc.html"),
        (["https://www.shaanxi.gov.cn/zfxxgk/zcwjk/202308/t1.html"], "https://www.shaanxi.gov.cn/zfxxgk/zcwjk/202308/t1.html"),
        # a site's home in a footer is the site, not the document
        (["网址：www.jl.gov.cn", "版权所有：吉林省人民政府办公厅"], None),
        ([], None),
    ],
)
def test_source_url_from_the_page_lines(tail, url):
    text = "\n".join(["四川省召开数字经济工作推进会", "发布时间：2023-08-01", NEWS_BODY, *tail])
    doc = prepare_bytes("n.txt", text.encode())
    assert doc.url == url


def test_a_link_inside_the_article_is_not_the_documents_url():
    text = "\n".join(
        ["关于开展2023年数字化转型项目申报工作的通知", "发布日期：2023-05-06", ARTICLE,
         "请于6月30日前登录申报系统（http://sbxt.example.gov.cn/apply/index.html）完成填报。"]
    )
    assert prepare_bytes("s.txt", text.encode()).url is None


def test_access_date_stated_by_the_page():
    text = "\n".join(["四川省召开数字经济工作推进会", "发布时间：2023-08-01", NEWS_BODY,
                      "原文链接：http://www.sc.gov.cn/a/b.shtml", "采集时间：2024-02-03 10:00"])
    doc = prepare_bytes("n.txt", text.encode())
    assert (doc.url, doc.accessed, doc.date) == ("http://www.sc.gov.cn/a/b.shtml", "2024-02-03", "2023-08-01")
    assert prepare_bytes("n.txt", NEWS_BODY.encode()).accessed is None


def test_seed_reply_keeps_its_original_link(corpus):
    doc = prepare(corpus / "003_8ff921cb0068af41.txt")
    assert doc.url == "http://www.nxzx.gov.cn/zxgz/tagz/202310/t20231010_780703.html"
    assert "原文链接" not in doc.body
    assert prepare(corpus / "004_38373085937308a7.txt").url is None


def test_html_head_gives_the_url_and_a_saved_page_its_access_date():
    page = (
        "<!DOCTYPE html>\n<!--\n Page saved with SingleFile \n url: https://www.gxzf.gov.cn/zfwj/t1.shtml \n"
        " saved date: Tue Mar 05 2024 10:11:12 GMT+0800 (中国标准时间)\n-->"
        '<html><head><link rel="canonical" href="/zfwj/zxwj/t17000001.shtml">'
        "<title>广西加快数字经济发展若干措施</title></head><body><h1>广西加快数字经济发展若干措施</h1>"
        f"<p>发布日期：2023-07-01</p><p>{ARTICLE}</p></body></html>"
    )
    doc = prepare_bytes("gx.html", page.encode())
    assert doc.url == "https://www.gxzf.gov.cn/zfwj/zxwj/t17000001.shtml"
    assert doc.accessed == "2024-03-05"


@pytest.mark.parametrize(
    "line,title",
    [
        ("# 云南省数字经济发展三年行动方案", "云南省数字经济发展三年行动方案"),
        ("## 云南省数字经济发展三年行动方案 ##", "云南省数字经济发展三年行动方案"),
        ("**云南省数字经济发展三年行动方案**", "云南省数字经济发展三年行动方案"),
    ],
)
def test_markdown_marks_leave_the_title(line, title):
    text = f"{line}\n\n## 一、总体要求\n\n{ARTICLE}\n"
    doc = prepare_bytes("yn.md", text.encode())
    assert doc.title == title
    assert doc.kind == "plan"


# ---- joint issues, wrapped titles, traditional characters ------------------------------------


def test_joint_issue_signed_on_separate_lines():
    text = "\n".join(
        ["中共某某市委 某某市人民政府印发《关于加快建设数字政府的实施意见》的通知", "各区委、区政府，市委各部委：",
         "现将《关于加快建设数字政府的实施意见》印发给你们，请结合实际认真贯彻落实。",
         "中共某某市委", "某某市人民政府", "2023年6月20日", ARTICLE]
    )
    doc = prepare_bytes("j.txt", text.encode())
    assert doc.issuer == "中共某某市委 某某市人民政府"
    assert doc.date == "2023-06-20"


def test_a_sentence_above_the_signature_is_no_issuer():
    text = "\n".join(["某县数字乡村建设方案", ARTICLE, "某县人民政府办公室", "2023年6月1日"])
    assert prepare_bytes("s.txt", text.encode()).issuer == "某县人民政府办公室"


def test_notice_title_wrapped_over_lines():
    text = "\n".join(
        ["某省人民政府办公厅关于印发某省", "推进算力网络建设", "三年行动方案的通知", "某政办发〔2023〕9号",
         "各市人民政府，省政府各部门：", "《某省推进算力网络建设三年行动方案》已经省人民政府同意，现印发给你们，请认真组织实施。",
         "某省人民政府办公厅", "2023年3月17日", ARTICLE]
    )
    doc = prepare_bytes("w.txt", text.encode())
    assert doc.title == "某省人民政府办公厅关于印发某省推进算力网络建设三年行动方案的通知"
    assert (doc.doc_number, doc.issuer, doc.kind) == ("某政办发〔2023〕9号", "某省人民政府办公厅", "plan")


def test_traditional_characters_number_and_kind():
    text = "\n".join(
        ["澳府〔2022〕8號", "關于推進數字經濟發展的指導意見", "各區人民政府，市政府各部門：",
         "為加快數字經濟發展，推動數字技術與實體經濟深度融合，結合本市實際，現提出如下指導意見。"]
    )
    doc = prepare_bytes("t.txt", text.encode())
    assert (doc.title, doc.doc_number, doc.kind) == ("關于推進數字經濟發展的指導意見", "澳府〔2022〕8号", "plan")


def test_notice_without_its_own_title_takes_the_enclosed_plans_heading():
    text = "\n".join(
        ["各乡镇人民政府，县政府各部门：",
         "《某县数字乡村建设行动方案（2023—2025年）》已经县政府同意，现印发给你们，请认真贯彻执行。",
         "某县人民政府办公室", "2023年5月8日", "（此件公开发布）", "某县数字乡村建设行动方案（2023—2025年）", ARTICLE]
    )
    doc = prepare_bytes("e.txt", text.encode())
    assert (doc.title, doc.kind, doc.issuer) == ("某县数字乡村建设行动方案（2023—2025年）", "plan", "某县人民政府办公室")

"""Cleaning follow-ups: link lines without a colon, 文号 in 繁體 and with spaced labels, letter-spaced titles."""

from __future__ import annotations

from kb.ingest import prepare_bytes
from kb.ingest.rules import DOCNO_LINE, classify, is_menu, unspace_labels

PROSE = ("为加快数字经济发展，结合本地实际，制定本方案。到2025年，数字经济核心产业增加值突破300亿元，"
         "建成5G基站5000个。\n各地要加强组织领导，确保各项任务落实到位。\n")


def _removed(doc) -> dict[str, str]:
    return {doc.raw[r.start:r.end].strip(): r.reason for r in doc.removed if r.reason != "layout"}


def test_link_line_in_brackets_without_colon_is_boilerplate_and_the_url() -> None:
    url = "http://www.gz.gov.cn/zwgk/fggw/content/post_912345.html"
    doc = prepare_bytes("p.txt", f"关于印发广州市数据要素市场化配置改革行动方案的通知\n【本文链接】{url}\n{PROSE}".encode())
    assert _removed(doc)[f"【本文链接】{url}"] == "link"
    assert "本文链接" not in doc.body and doc.url == url


def test_link_label_followed_by_a_space_or_alone_before_the_url_line() -> None:
    url = "https://www.sc.gov.cn/10462/c103046/2023/5/12/abc.shtml"
    doc = prepare_bytes("p.txt", f"四川省推进数字政府建设方案\n本文链接 {url}\n{PROSE}".encode())
    assert "本文链接" not in doc.body and doc.url == url
    doc = prepare_bytes("q.txt", f"四川省推进数字政府建设方案\n{PROSE}【本文链接】\n{url}\n".encode())
    assert "本文链接" not in doc.body and url not in doc.body and doc.url == url
    assert classify("【本文链接】") == "link"


def test_a_sentence_about_links_stays() -> None:
    assert classify("链接各类创新资源，打造开放合作平台。") is None


def test_traditional_doc_number_line() -> None:
    assert DOCNO_LINE.match("府辦發〔2023〕12號") and DOCNO_LINE.match("黔府发〔2023〕5号")
    text = "\n".join(["臺南市政府關於推動智慧城市發展的實施計畫", "府辦發〔2023〕12號", "各局處：",
                      "為加快智慧城市發展，推動數位技術與城市治理深度融合，結合本市實際，制定本計畫。" * 2])
    doc = prepare_bytes("t.txt", text.encode())
    assert doc.doc_number == "府辦發〔2023〕12号"
    assert doc.title == "臺南市政府關於推動智慧城市發展的實施計畫"


def test_spaced_labels_are_metadata_and_give_their_values() -> None:
    assert unspace_labels("文 号：鲁政办字〔2023〕87号") == "文号：鲁政办字〔2023〕87号"
    assert unspace_labels("来　　源：山东省工业和信息化厅") == "来源：山东省工业和信息化厅"
    assert unspace_labels("文 明 城 市 建 设") == "文 明 城 市 建 设"  # no label, no colon: unchanged
    text = ("山东省人民政府办公厅关于印发数字经济高质量发展行动方案的通知\n文 号：鲁政办字〔2023〕87号\n"
            "发 布 日 期：2023-06-01\n来　　源：山东省人民政府办公厅\n" + PROSE)
    doc = prepare_bytes("s.txt", text.encode())
    assert doc.doc_number == "鲁政办字〔2023〕87号"
    assert doc.date == "2023-06-01" and doc.source == "山东省人民政府办公厅"
    assert "文 号" not in doc.body and "来　　源" not in doc.body


def test_doc_number_label_with_a_space_before_the_colon_in_a_table_row() -> None:
    text = "关于印发昆明市数字经济发展三年行动方案的通知\n发文字号 ：\t昆政办〔2022〕41号\t成文日期：\t2022-09-01\n" + PROSE
    doc = prepare_bytes("k.txt", text.encode())
    assert doc.doc_number == "昆政办〔2022〕41号"


def test_letter_spaced_title_is_kept_without_its_spaces() -> None:
    title = "关 于 印 发 遵 义 市 数 字 乡 村 建 设 实 施 方 案 的 通 知"
    doc = prepare_bytes("z.txt", f"{title}\n遵府办发〔2022〕15号\n各县（市、区）人民政府：\n{PROSE}".encode())
    assert doc.title == "关于印发遵义市数字乡村建设实施方案的通知"
    assert doc.body.startswith("关于印发遵义市数字乡村建设实施方案的通知\n")
    assert doc.doc_number == "遵府办发〔2022〕15号"
    assert not is_menu(title) and is_menu("首页 新闻 政务 服务 互动") and is_menu("大 中 小")


def test_letter_spaced_title_of_a_pdf_like_html_heading() -> None:
    html = ("<html><head><title>关于印发贵阳市算力产业发展规划的通知_贵阳市人民政府</title></head><body>"
            "<div>首页 新闻 政务 服务 互动</div><h1>关 于 印 发 贵 阳 市 算 力 产 业 发 展 规 划 的 通 知</h1>"
            f"<p>{PROSE}</p></body></html>")
    doc = prepare_bytes("g.html", html.encode())
    assert doc.title == "关于印发贵阳市算力产业发展规划的通知"


def test_a_traditional_page_loses_its_boilerplate_and_keeps_its_labelled_values() -> None:
    text = ("首頁 > 新聞中心 > 政務動態\n臺中市推進數位經濟發展實施計畫發布\n來　源：臺中市政府新聞局\n"
            "發布日期：2023-08-01\n"
            "為加快數位經濟發展，推動數位技術與實體經濟深度融合，臺中市日前印發實施計畫，提出到2025年建成5G基站3000座。\n"
            "計畫提出，支持建設工業互聯網平台，對新認定的平台給予最高100萬元獎勵。\n"
            "責任編輯：陳小明\n【打印本頁】【關閉窗口】\n")
    doc = prepare_bytes("t.txt", text.encode())
    assert doc.source == "臺中市政府新聞局"  # the value as written
    assert doc.date == "2023-08-01"
    for line in ("來　源", "責任編輯", "打印本頁", "首頁"):
        assert line not in doc.body
    assert doc.body.startswith("臺中市推進數位經濟發展實施計畫發布\n為加快")


def test_label_form_simplifies_labels_only() -> None:
    from kb.ingest.rules import label_form

    assert label_form("來　源：臺中市政府新聞局") == "来源：臺中市政府新聞局"
    assert label_form("發文字號：府授秘字第1120012345號") == "发文字号：府授秘字第1120012345號"
    assert label_form("来源：贵阳日报") == "来源：贵阳日报"


def test_a_traditional_value_ends_at_the_next_traditional_label() -> None:
    text = ("新竹縣推動智慧農業發展計畫\n2024-03-02 09:58 來源：新竹縣政府 責任編輯：林小華\n"
            "為推動智慧農業發展，新竹縣政府提出建置農業大數據平台，預計2026年完成。\n" * 1)
    doc = prepare_bytes("h.txt", text.encode())
    assert doc.source == "新竹縣政府" and doc.date == "2024-03-02"


def test_a_narrow_table_cell_spaced_with_a_number_is_no_menu_and_keeps_the_title_above_it() -> None:
    text = ("成都市各区软件产业扶持政策对比\n\n锦江区\n产 业 园 入 驻 扶\n持:对入驻区认\n定 的 专 业 软\n件 产 业 园 企\n"
            "业 按 每 月 最 高\n资 助 400 万\n元 。 对 入 驻 其\n他 产 业 园 的 按\n每月最高15元/\n平方米给予租\n金补贴。\n")
    doc = prepare_bytes("c.txt", text.encode())
    assert not is_menu("资 助 400 万") and is_menu("首页 新闻 2023 政务")
    assert doc.title == "成都市各区软件产业扶持政策对比"
    assert "锦江区" in doc.body and "400万" in doc.body.replace(" ", "")


def test_a_newspaper_page_label_and_a_repost_line_are_metadata_not_titles() -> None:
    text = ("第02版：要闻\n加快建设算力枢纽 打造数字经济高地\n"
            "本报贵阳3月2日讯 今年以来，贵阳市加快建设全国一体化算力网络国家枢纽节点，新建数据中心机架2万架。\n")
    doc = prepare_bytes("p.txt", text.encode())
    assert doc.title == "加快建设算力枢纽 打造数字经济高地"
    assert [r.reason for r in doc.removed if "第02版" in doc.raw[r.start:r.end]] == ["meta"]
    repost = prepare_bytes("r.txt", "转自：遵义日报\n今年以来，遵义市新建5G基站3000个，数字经济企业突破500家。\n".encode())
    assert repost.source == "遵义日报" and repost.title.startswith("遵义市新建5G基站3000个")


def test_a_page_without_a_title_line_is_named_by_its_first_statement_not_its_dateline() -> None:
    cases = {
        "8月21日，贵州省与重庆市签署战略合作框架协议，两地将共建算力调度平台。": "贵州省与重庆市签署战略合作框架协议",
        "资料显示，某科技集团布局观山湖已有多年，位于北部片区的工厂于2019年投产。": "某科技集团布局观山湖已有多年",
        "阳春三月，乍暖还寒。然而，在遵义数字产业园施工现场，工人们早已掀起建设热潮。": "在遵义数字产业园施工现场",
    }
    for text, title in cases.items():
        doc = prepare_bytes("n.txt", (text + "\n").encode())
        assert doc.title.replace("，", ",") == title.replace("，", ","), (text, doc.title)


def test_a_column_label_gives_way_to_the_headline_below_it() -> None:
    text = ("投资动态\n\n上海8家企业签约入驻贵阳大数据科创城\n\n来源: 贵阳日报   2022-12-13 10:09\n\n"
            "12月12日，贵阳大数据科创城举行集中签约仪式，上海8家企业签约入驻，总投资12亿元。\n")
    doc = prepare_bytes("k.txt", text.encode())
    assert doc.title == "上海8家企业签约入驻贵阳大数据科创城"

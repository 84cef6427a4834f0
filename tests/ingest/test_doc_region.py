"""A document's region: 繁體 pages, and pages whose place is named only by the issuer or the site."""

from __future__ import annotations

from kb.extract.gazetteer import doc_region, simplified
from kb.ingest import prepare_bytes
from kb.pipeline import region_of

PROSE = ("为加快数字经济发展，推动数字技术与实体经济深度融合，制定本方案。到2025年，数字经济核心产业增加值"
         "占比达到10%，建成工业互联网平台20个。\n各有关单位要加强组织领导，确保各项任务落实到位。\n")


def _chain(name: str, text: str) -> tuple[str, ...]:
    return region_of(prepare_bytes(name, text.encode()))[0]


def test_traditional_characters_find_their_province_and_city() -> None:
    text = ("廣州市人民政府辦公廳關於印發廣州市數字經濟發展實施方案的通知\n穗府辦發〔2023〕12號\n各區人民政府：\n"
            "現將《廣州市數字經濟發展實施方案》印發給你們，請認真組織實施。到2025年，全市數字經濟核心產業增加值"
            "佔地區生產總值比重達到15%。\n")
    assert _chain("gz.txt", text) == ("广东省", "广州市")
    body = "貴州省大數據發展管理局印發數字政府建設方案。貴州省將建設省級政務數據平台，貴州省各地同步推進。" * 2
    assert doc_region("數字政府建設方案", body) == ("贵州省",)


def test_simplified_place_names_that_opencc_would_change_stay() -> None:
    assert simplified("乾县数字乡村") == "乾县数字乡村"
    assert simplified("乾縣數字鄉村") == "乾县数字乡村"
    assert doc_region("咸阳市乾县数字乡村建设方案", PROSE) == ("陕西省", "咸阳市", "乾县")


def test_region_only_in_the_issuer_label() -> None:
    text = ("关于印发数字经济高质量发展行动方案的通知\n来源：新华网\t发文机关：山东省工业和信息化厅\n"
            "发布日期：2023-06-01\n" + PROSE)
    doc = prepare_bytes("sd.txt", text.encode())
    assert doc.issuer == "山东省工业和信息化厅" and doc.source == "新华网"
    assert region_of(doc)[0] == ("山东省",)


def test_region_only_in_the_signing_issuer() -> None:
    text = "关于加快推进数字化转型的实施意见\n" + PROSE + "济南市人民政府办公厅\n2023年4月2日\n"
    assert _chain("jn.txt", text) == ("山东省", "济南市")


def test_region_only_in_the_site_name_of_the_page_title() -> None:
    html = ("<html><head><title>关于印发数字经济促进条例实施方案的通知_成都市人民政府</title></head><body>"
            f"<h1>关于印发数字经济促进条例实施方案的通知</h1><p>{PROSE}</p></body></html>")
    doc = prepare_bytes("cd.html", html.encode())
    assert doc.site == "成都市人民政府"
    assert region_of(doc)[0] == ("四川省", "成都市")


def test_region_only_in_the_declared_site_name_or_the_footer() -> None:
    html = ('<html><head><meta name="SiteName" content="昆明市人民政府"><title>数字经济行动方案</title></head>'
            f"<body><h1>数字经济行动方案</h1><p>{PROSE}</p></body></html>")
    doc = prepare_bytes("km.html", html.encode())
    assert doc.site == "昆明市人民政府" and region_of(doc)[0] == ("云南省", "昆明市")
    text = ("数字经济行动方案\n" + PROSE + "主办单位：西安市人民政府办公厅  网站标识码：6101000001\n"
            "陕ICP备05004765号\n")
    doc = prepare_bytes("xa.txt", text.encode())
    assert doc.site == "西安市人民政府办公厅" and region_of(doc)[0] == ("陕西省", "西安市")


def test_the_title_still_wins_over_issuer_and_site() -> None:
    html = ("<html><head><title>长沙市推进数字经济发展实施方案_湖南省人民政府</title></head><body>"
            f"<h1>长沙市推进数字经济发展实施方案</h1><p>{PROSE}</p></body></html>")
    assert region_of(prepare_bytes("cs.html", html.encode()))[0] == ("湖南省", "长沙市")

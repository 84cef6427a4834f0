"""The extractor's newer rules, each on a small text of its own (not the gold documents')."""

from __future__ import annotations

from kb.extract import FoundEntity, extract_entities


def _names(ents: list[FoundEntity], etype: str) -> set[str]:
    return {e.name for e in ents if e.type == etype}


def _links(body: str, chain: tuple[str, ...]) -> set[tuple[str, str, str]]:
    _, links = extract_entities(body, chain)
    return {(lk.src[1], lk.dst[1], lk.kind) for lk in links if lk.kind != "co_mention"}


def test_towns_after_a_county_and_in_a_list_hang_under_that_county() -> None:
    body = "支持龙海区角美镇、东园镇建设电子信息产业园，推动长泰区岩溪镇发展数字农业。"
    ents, links = extract_entities(body, ("福建省", "漳州市"))
    towns = {e.name: e for e in ents if e.type == "region" and e.name.endswith("镇")}
    assert set(towns) == {"角美镇", "东园镇", "岩溪镇"}
    assert towns["东园镇"].region_chain == ("福建省", "漳州市", "龙海区", "东园镇")
    assert ("岩溪镇", "长泰区", "part_of") in {(lk.src[1], lk.dst[1], lk.kind) for lk in links}


def test_town_words_of_plain_prose_are_not_towns() -> None:
    body = "推进城乡融合和特色小镇建设，各乡镇要加快乡村数字化，重点镇和中心镇率先示范。"
    ents, _ = extract_entities(body, ("云南省", "曲靖市"))
    assert not [e for e in ents if e.type == "region" and e.name.endswith(("镇", "乡", "街道"))]


def test_streets_after_a_district_and_a_verb_between_is_dropped() -> None:
    body = "高新区所在的五华区统筹龙翔街道、普吉街道用地资源。"
    ents, _ = extract_entities(body, ("云南省", "昆明市"))
    assert {"龙翔街道", "普吉街道"} <= _names(ents, "region")
    assert not [n for n in _names(ents, "region") if n.startswith("统筹")]


def test_universities_are_platforms_and_build_platforms() -> None:
    body = "推动昆明理工大学与云南白药集团股份有限公司共建天然药物数字化联合实验室，支持云南大学开展研究。"
    ents, links = extract_entities(body, ("云南省", "昆明市"))
    plats = _names(ents, "platform")
    assert {"昆明理工大学", "云南大学", "天然药物数字化联合实验室"} <= plats
    built = {(lk.src[1], lk.dst[1]) for lk in links if lk.kind == "built_by"}
    assert ("天然药物数字化联合实验室", "昆明理工大学") in built
    assert ("天然药物数字化联合实验室", "云南白药集团股份有限公司") in built


def test_a_university_inside_a_longer_name_is_part_of_it() -> None:
    body = "引进浙江大学杭州国际科创中心团队，建设岳麓山大学科技城。"
    ents, _ = extract_entities(body, ("湖南省", "长沙市"))
    assert "浙江大学杭州国际科创中心" in _names(ents, "platform")
    assert "浙江大学" not in _names(ents, "platform")
    assert "岳麓山大学科技城" in _names(ents, "park")


def test_award_titles_are_not_new_entities() -> None:
    body = "去年，开发区获评江苏省数字经济示范园区，并入选国家级新型工业化产业示范基地。"
    ents, _ = extract_entities(body, ("江苏省", "常州市"))
    assert not _names(ents, "park") and not _names(ents, "platform")


def test_talent_programme_names_do_not_mention_their_district() -> None:
    ents, _ = extract_entities("苏州市实施姑苏人才计划，引进数字经济人才。", ("江苏省", "苏州市"))
    assert "姑苏区" not in _names(ents, "region")


def test_region_in_brackets_after_the_suffix_stays_in_the_name() -> None:
    body = "支持国家数字化设计与制造创新中心（湖北）在武汉布局，建设工业互联网标识解析二级节点（襄阳）。"
    ents, _ = extract_entities(body, ("湖北省",))
    plats = {e.name: e for e in ents if e.type == "platform"}
    assert "工业互联网标识解析二级节点（襄阳）" in plats
    centre = next(e for n, e in plats.items() if n.endswith("创新中心（湖北）"))
    assert any(a.endswith("创新中心") for a in centre.aliases)


def test_firm_names_with_verbs_or_numerals_keep_their_left_part() -> None:
    body = "推动云南建设投资控股集团有限公司、九机网络科技股份有限公司数字化转型；启明星光电子有限公司扩产。"
    ents, _ = extract_entities(body, ("云南省",))
    firms = _names(ents, "enterprise")
    assert {"云南建设投资控股集团有限公司", "九机网络科技股份有限公司", "启明星光电子有限公司"} <= firms


def test_a_branch_is_one_firm_and_does_not_pull_in_its_parent() -> None:
    body = "中国农业银行曲靖分行、中国电信曲靖分公司与园区签约。"
    ents, _ = extract_entities(body, ("云南省", "曲靖市"))
    firms = _names(ents, "enterprise")
    assert {"中国农业银行曲靖分行", "中国电信曲靖分公司"} <= firms
    assert "中国电信集团有限公司" not in firms


def test_lab_names_with_a_conjunction_and_descriptive_national_labs() -> None:
    body = "云南省先进光学与成像重点实验室牵头攻关，依托高原生物多样性与生态安全国家重点实验室开展研究。"
    ents, _ = extract_entities(body, ("云南省",))
    plats = _names(ents, "platform")
    assert "云南省先进光学与成像重点实验室" in plats
    assert "高原生物多样性与生态安全国家重点实验室" in plats


def test_declared_short_forms_and_abbreviated_zone_names_are_aliases() -> None:
    body = ("中国科学院昆明植物研究所（简称“昆明植物所”）参与研发。云南滇中产业新区重点发展数字经济，"
            "云南滇中新区今年新增企业50家。")
    ents, _ = extract_entities(body, ("云南省", "昆明市"))
    inst = next(e for e in ents if e.name == "中国科学院昆明植物研究所")
    assert inst.type == "platform" and "昆明植物所" in inst.aliases
    assert len([m for m in inst.mentions if body[m[0]:m[1]] == "昆明植物所"]) == 1


def test_regions_named_only_inside_firm_names_are_not_regions_of_the_text() -> None:
    body = "浙江华孚电子科技有限公司在曲靖经开区落地。"
    ents, _ = extract_entities(body, ("云南省", "曲靖市"))
    assert "浙江省" not in _names(ents, "region")


def test_located_in_from_wei_yu_and_the_zone_a_park_is_named_after() -> None:
    body = ("走进位于翠峰产业园的曲靖晶澳光伏科技有限公司，生产线满负荷运转。"
            "曲靖经济技术开发区加快发展，曲靖经济技术开发区数字经济产业园已入驻企业80家。")
    links = _links(body, ("云南省", "曲靖市"))
    assert ("曲靖晶澳光伏科技有限公司", "翠峰产业园", "located_in") in links
    assert ("曲靖经济技术开发区数字经济产业园", "曲靖经济技术开发区", "located_in") in links


def test_joint_building_across_a_clause_names_both_partners() -> None:
    body = "浪潮集团有限公司与玉溪市签署协议，双方将合作建设玉溪数字经济创新中心。"
    links = _links(body, ("云南省", "玉溪市"))
    assert ("玉溪数字经济创新中心", "浪潮集团有限公司", "built_by") in links


def test_nested_owner_name_does_not_settle_in_the_park() -> None:
    body = "在示范区滇池产业园区落地华为（云南）人工智能创新中心。"
    links = _links(body, ("云南省", "昆明市"))
    assert not [lk for lk in links if lk[0] == "华为技术有限公司" and lk[2] == "located_in"]


# ---------------------------------------------------------------- round 4 rules


def _found(body: str, chain: tuple[str, ...] = ()) -> set[tuple[str, str]]:
    ents, _ = extract_entities(body, chain)
    return {(e.type, e.name) for e in ents}


def test_domain_words_are_not_cut_at_a_region_suffix_nor_a_year():
    got = _found("组建海南省区块链产业技术创新联盟。2023年上海数据交易所数据产品交易额突破11亿元。")
    assert ("platform", "海南省区块链产业技术创新联盟") in got
    assert ("platform", "上海数据交易所") in got


def test_lab_named_by_its_builder_or_after_a_build_verb():
    got = _found("推动内蒙古科技大学建设稀土大数据应用工程研究中心，天津大学与华为共建了先进操作系统联合实验室。")
    assert {("platform", "稀土大数据应用工程研究中心"), ("platform", "先进操作系统联合实验室")} <= got


def test_national_centre_with_its_city_inside_and_a_branch_institute():
    got = _found("依托国家超级计算天津中心。永川区还与中国信息通信研究院西部分院签约。")
    assert ("platform", "国家超级计算天津中心") in got
    assert ("platform", "中国信息通信研究院西部分院") in got


def test_a_citys_data_centres_are_not_one_named_centre():
    got = _found("天津数据中心标准机架规模约为7万架，天津北方大数据交易中心起步较晚。", ("天津市",))
    assert ("platform", "天津北方大数据交易中心") in got
    assert not any(n == "天津数据中心" for _, n in got)


def test_similar_short_firm_names_stay_apart_and_listed_weak_alias_counts():
    got = _found("依托科大讯飞、京东方等企业，北京集聚了百度、京东等。对接中国电子、中国移动等央企。")
    assert {("enterprise", "京东方科技集团股份有限公司"), ("enterprise", "京东集团"),
            ("enterprise", "中国电子信息产业集团有限公司")} <= got


def test_county_new_area_and_no_county_inside_xianji():
    assert ("region", "和林格尔新区") in _found("以和林格尔新区为核心建设数据中心集群。", ("内蒙古自治区",))
    assert not any(t == "region" for t, _ in _found("到2025年建成县级城市运行管理平台18个。", ("海南省",)))


def test_city_parks_by_suffix_and_free_trade_port_is_a_park():
    got = _found("文昌国际航天城加快建设。依托海南自由贸易港政策优势。", ("海南省",))
    assert ("park", "文昌国际航天城") in got and ("park", "海南自由贸易港") in got


def test_scraped_ascii_full_stop_splits_sentences_for_links():
    body = ("产学研合作持续深化.重庆文理学院与重庆天擎智算科技有限公司共建天擎智能计算联合实验室."
            "永川区还与中国信息通信研究院西部分院签约,共建重庆(永川)工业互联网创新中心。")
    _, links = extract_entities(body, ("重庆市", "永川区"))
    built = {(lk.src[1], lk.dst[1]) for lk in links if lk.kind == "built_by"}
    assert ("天擎智能计算联合实验室", "重庆文理学院") in built
    assert ("重庆(永川)工业互联网创新中心", "中国信息通信研究院西部分院") in built
    assert not any(s == "重庆(永川)工业互联网创新中心" and d == "重庆文理学院" for s, d in built)

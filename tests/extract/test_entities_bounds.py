"""Name boundaries and recall rules, each on a small text of its own (other provinces' wording)."""

from __future__ import annotations

from kb.extract import FoundEntity, extract_entities


def _found(body: str, chain: tuple[str, ...] = ()) -> dict[str, FoundEntity]:
    ents, _ = extract_entities(body, chain)
    return {e.name: e for e in ents}


def _names(body: str, chain: tuple[str, ...], etype: str) -> set[str]:
    return {n for n, e in _found(body, chain).items() if e.type == etype}


def test_a_name_never_ends_inside_a_verb_or_preposition() -> None:
    body = "中国电科38所在集团内部新设子公司，在合肥高新区建设了研发中心。"
    firms = _names(body, ("安徽省", "合肥市"), "enterprise")
    assert "中国电科38所" in firms
    assert not [n for n in firms if n.endswith(("在集团", "所在"))]
    assert "38所" in _found(body, ("安徽省", "合肥市"))["中国电科38所"].aliases


def test_a_numbered_unit_needs_a_known_group_before_it() -> None:
    assert not _names("全区新建中小学5所，改扩建幼儿园3所。", ("湖南省", "岳阳市"), "enterprise")


def test_a_platform_named_after_a_known_firm_is_not_split_and_its_operator_is_a_firm() -> None:
    body = "去年，云帆网络科技华为云体验中心项目投入运营。"
    ents = _found(body, ("浙江省", "宁波市"))
    assert ents["华为云体验中心"].type == "platform"
    assert ents["云帆网络科技"].type == "enterprise"
    assert not [n for n in ents if n.startswith("云帆网络科技华为")]


def test_a_branch_named_after_a_registered_firm_and_a_region_is_one_placed_firm() -> None:
    body = "中国电子系统科技股份有限公司甘肃公司承建了政务云平台。"
    branch = _found(body, ("甘肃省",))["中国电子系统科技股份有限公司甘肃公司"]
    assert branch.type == "enterprise" and branch.region_chain == ("甘肃省",)


def test_a_known_firm_written_with_another_legal_form_is_that_firm() -> None:
    body = "中国长城科技集团有限公司在株洲建设了整机生产基地。"
    assert "中国长城科技集团股份有限公司" in _names(body, ("湖南省",), "enterprise")


def test_a_two_character_alias_read_across_two_words_is_no_firm() -> None:
    body = "乌鲁木齐成为欧亚信息高速公路的重要节点。"
    assert not _names(body, ("新疆维吾尔自治区",), "enterprise")


def test_items_of_a_firm_list_after_a_descriptor_or_before_a_count_are_firms() -> None:
    body = "先后引进国内安防领域第一品牌星瀚视界、工业软件龙头企业青梧软件等企业。"
    assert {"星瀚视界", "青梧软件"} <= _names(body, ("四川省", "德阳市"), "enterprise")
    body = "北辰微电、金沙湾光电2家电子信息企业成为全省首批链主企业。"
    assert {"北辰微电", "金沙湾光电"} <= _names(body, ("青海省",), "enterprise")


def test_a_county_stem_after_another_provinces_city_is_not_that_county() -> None:
    assert "滨海县" not in _found("天津滨海高新区聚集了一批信创企业。", ("天津市",))


def test_data_lakes_city_brains_and_ip_protection_centres_are_platforms() -> None:
    body = "发挥黔南数据湖优势，建设遵义市城市大脑，推进中国（遵义）知识产权保护中心运营。"
    plats = _names(body, ("贵州省",), "platform")
    assert {"黔南数据湖", "遵义市城市大脑", "中国（遵义）知识产权保护中心"} <= plats


def test_one_park_written_two_ways_is_one_entity() -> None:
    body = "甘肃省新材料(金昌)工业园区加快建设。在甘肃新材料(金昌)工业园的生产线上，工人们正在忙碌。"
    parks = _names(body, ("甘肃省", "金昌市"), "park")
    assert len(parks) == 1


def test_a_firm_noun_right_after_a_known_firm_stays_in_the_name_a_verb_does_not() -> None:
    plats = _names("阿里云服务数据中心投入运营。", ("甘肃省",), "platform")
    assert "阿里云服务数据中心" in plats
    plats = _names("推动中国电信在兰州新区建设算力调度平台。", ("甘肃省", "兰州市"), "platform")
    assert not [p for p in plats if "建设" in p]


def test_a_park_located_somewhere_is_a_name_even_with_a_plain_head() -> None:
    body = "位于成都高新区的天府软件城，聚集了一批软件企业。"
    assert "天府软件城" in _names(body, ("四川省", "成都市"), "park")


def test_a_verb_of_prose_before_a_park_is_not_part_of_its_name() -> None:
    parks = _names("2024年9月，天府新区举行沣水虹桥科技产业园项目签约仪式。", ("四川省", "成都市"), "park")
    assert "沣水虹桥科技产业园" in parks and not [p for p in parks if "举行" in p]


def test_plain_items_of_a_firm_list_with_two_plain_firms_are_firms() -> None:
    body = "促进青松科技、明远万达、图南电气等10多家已落户企业增产扩能。"
    firms = _names(body, ("陕西省", "西安市"), "enterprise")
    assert {"青松科技", "明远万达", "图南电气"} <= firms and not [f for f in firms if f.startswith("促进")]


def test_a_bare_gaoxinqu_after_the_one_named_high_tech_zone_is_that_zone() -> None:
    body = "近日，又一项目落地西安高新区。某某集团在高新区落地了西安产业基地项目。"
    ents = _found(body, ())
    zone = ents["西安高新技术产业开发区"]
    assert len(zone.mentions) == 2


def test_a_sum_of_money_opens_a_headline_not_a_name() -> None:
    parks = _names("38亿建数字产业园 某央企在遵义落地大项目", ("贵州省", "遵义市"), "park")
    assert not [n for n in parks if n[0].isdigit()]
    named = _names("该区投资12亿元建设的云岭数据产业园今日开园。", ("云南省", "昆明市"), "park")
    assert named == {"云岭数据产业园"}


def test_a_legal_name_opening_with_a_short_name_and_its_region_in_brackets_is_whole() -> None:
    from kb.extract.suffix_names import suffix_candidates
    names = [c.name for c in suffix_candidates("10月18日，华润（广西）新能源投资有限公司正式入驻钦州港。")]
    assert "华润（广西）新能源投资有限公司" in names
    names = [c.name for c in suffix_candidates("钦州港区与华润（广西）新能源投资有限公司签约。")]
    assert "华润（广西）新能源投资有限公司" in names  # 与 before the short name is no part of it


def test_china_before_a_known_firm_opens_its_subsidiary_legal_name() -> None:
    from kb.extract.suffix_names import suffix_candidates
    names = [c.name for c in suffix_candidates("柳州市人民政府、中国航空工业新能源投资有限公司两方代表出席。")]
    assert "中国航空工业新能源投资有限公司" in names


def test_a_bare_yuan_sub_park_keeps_its_brand_but_not_a_verb_before_it() -> None:
    from kb.extract.suffix_names import suffix_candidates
    assert "天开西青园" in [c.name for c in suffix_candidates("某研究所与天开西青园签署入驻协议。")]
    assert [c.name for c in suffix_candidates("在新建西青园内设立展厅。")] == ["西青园"]


def test_a_computing_base_is_a_platform_not_a_park() -> None:
    from kb.extract.suffix_names import suffix_candidates
    got = {c.name: c.type for c in suffix_candidates("世纪互联贵阳绿色云计算基地项目建成投运。")}
    assert got.get("世纪互联贵阳绿色云计算基地") == "platform"


def test_a_bare_yuan_sub_park_after_a_settling_verb_keeps_its_brand() -> None:
    from kb.extract.suffix_names import suffix_candidates
    names = [c.name for c in suffix_candidates("某低空测评中心项目正式落地天开西青园。")]
    assert "天开西青园" in names and "西青园" not in names


def test_a_testing_and_evaluation_centre_is_a_platform() -> None:
    from kb.extract.suffix_names import suffix_candidates
    got = {c.name: c.type for c in suffix_candidates("贵州省软件产品测评中心揭牌成立。")}
    assert got.get("贵州省软件产品测评中心") == "platform"


def test_prose_about_a_park_is_no_park_name() -> None:
    from kb.extract.suffix_names import suffix_candidates
    for text in ("筹建这座产业园时，团队花了不少心思。", "“不像产业园，倒像是公园。”", "荒地里长出个软件园。"):
        assert not [c for c in suffix_candidates(text) if not c.weak], text


def test_a_university_student_base_opens_no_university() -> None:
    from kb.extract.suffix_names import suffix_candidates
    got = [c.name for c in suffix_candidates("云南省大学生创业孵化基地等平台已建成。")]
    assert "云南省大学" not in got


def test_a_developer_brand_joined_by_a_middle_dot_opens_the_park_name() -> None:
    from kb.extract.suffix_names import suffix_candidates
    got = [c.name for c in suffix_candidates("投资贵州行——联东U谷·修文数字经济产业园开工。")]
    assert "联东U谷·修文数字经济产业园" in got
    got = [c.name for c in suffix_candidates("打造贵阳市创智·贵阳软件园。")]
    assert "创智·贵阳软件园" in got  # the city before the brand is not part of it

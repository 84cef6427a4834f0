"""Nested places: a park, platform or centre inside another park, said the ways policy prose says it.

Sentences are hand-written in the style of provincial news, about regions not in the starter corpus.
"""

from __future__ import annotations

from kb.extract import FoundEntity, doc_region, extract_entities


def _run(body: str) -> tuple[dict[str, FoundEntity], dict[tuple[str, str], str]]:
    ents, links = extract_entities(body, doc_region("", body))
    located = {(lk.src[1], lk.dst[1]): body[lk.start:lk.end] for lk in links if lk.kind == "located_in"}
    return {e.name: e for e in ents}, located


def test_an_anaphor_with_its_own_head_points_back_at_the_park_named_before() -> None:
    body = "2019年，兰州新区启动建设丝路数谷科技园。该科技园位于兰州新区综合保税区，占地300亩。"
    _, located = _run(body)
    assert "该科技园位于兰州新区综合保税区" in located[("丝路数谷科技园", "兰州新区综合保税区")]


def test_an_anaphor_of_another_kind_does_not_take_the_park() -> None:
    body = "遵义高新区建成遵义数字产业园。该中心位于遵义经济技术开发区。"
    _, located = _run(body)
    assert ("遵义数字产业园", "遵义经济技术开发区") not in located


def test_a_park_that_is_the_core_carrier_of_another_lies_in_it() -> None:
    body = "合肥软件园是合肥高新技术产业开发区的核心载体，集聚软件企业500余家。"
    _, located = _run(body)
    assert ("合肥软件园", "合肥高新技术产业开发区") in located


def test_also_the_core_carrier_after_a_first_clause() -> None:
    body = "南宁软件园是南宁市软件产业的重要平台，也是南宁高新技术产业开发区的核心区。"
    _, located = _run(body)
    assert ("南宁软件园", "南宁高新技术产业开发区") in located


def test_a_park_that_is_merely_compared_with_another_gets_no_nested_link() -> None:
    body = "合肥软件园是安徽规模最大的软件园区，与合肥高新技术产业开发区相距10公里。"
    _, located = _run(body)
    assert ("合肥软件园", "合肥高新技术产业开发区") not in located


def test_relying_on_a_place_to_build_a_park_places_the_park() -> None:
    body = "依托贵安新区建设贵安数据中心产业园，吸引数据中心集聚。"
    ents, located = _run(body)
    assert ("贵安数据中心产业园", "贵安新区") in located
    assert ents["贵安数据中心产业园"].region_chain[-1] == "贵安新区"


def test_relying_on_a_firm_does_not_place_anything_in_it() -> None:
    body = "依托华为建设柳州工业互联网创新中心。"
    _, located = _run(body)
    assert not [k for k in located if k[1] == "华为技术有限公司"]


def test_a_place_starting_to_build_a_park_holds_it() -> None:
    body = "2021年，兰州新区启动建设丝路数谷科技园，规划面积2平方公里。"
    ents, located = _run(body)
    assert ("丝路数谷科技园", "兰州新区") in located
    assert ents["丝路数谷科技园"].region_chain == ("甘肃省", "兰州市", "兰州新区")


def test_the_park_of_a_zone_written_with_de() -> None:
    body = "昆明高新区马金铺新城片区的云南省数字经济产业园正式开园。"
    ents, located = _run(body)
    assert ("云南省数字经济产业园", "昆明高新技术产业开发区") in located
    assert ents["云南省数字经济产业园"].region_chain == ("云南省", "昆明市")


def test_a_park_named_in_a_list_with_another_is_not_inside_it() -> None:
    body = "南宁高新区和南宁软件园的企业代表参加了推介会。"
    _, located = _run(body)
    assert ("南宁软件园", "南宁高新技术产业开发区") not in located


def test_a_park_merely_visited_near_another_gets_no_nested_link() -> None:
    body = "华为、腾讯等企业代表参观了南宁高新区，南宁软件园负责人介绍了情况。"
    ents, located = _run(body)
    assert ("南宁软件园", "南宁高新技术产业开发区") not in located
    assert ents["华为技术有限公司"].region_chain == ()


def test_a_name_written_after_its_zone_is_also_known_without_it() -> None:
    body = "株洲高新区株洲中车时代数字产业园已经开园。株洲中车时代数字产业园已入驻企业30家。"
    ents, located = _run(body)
    park = ents["株洲高新区株洲中车时代数字产业园"]
    assert "株洲中车时代数字产业园" in park.aliases
    assert len([e for e in ents.values() if e.type == "park"]) == 2
    assert ("株洲高新区株洲中车时代数字产业园", "株洲高新技术产业开发区") in located


def test_a_region_opening_a_name_is_no_zone_to_strip() -> None:
    ents, _ = _run("株洲中车时代数字产业园已经开园。")
    assert all(len(a) < 4 or not a.startswith("中车") for e in ents.values() for a in e.aliases)


def test_a_base_named_after_its_owner_lies_in_the_city_after_the_owner() -> None:
    body = "杭州云智科技集团贵阳产业基地正式开工建设。"
    ents, _ = _run(body)
    base = next(e for e in ents.values() if e.name.endswith("贵阳产业基地"))
    assert base.region_chain[:2] == ("贵州省", "贵阳市")


def test_a_park_named_with_two_cities_and_no_owner_keeps_the_first() -> None:
    ents, _ = _run("南宁北海数字经济产业园正式开园。")
    park = next(e for e in ents.values() if e.type == "park")
    assert park.region_chain[:2] == ("广西壮族自治区", "南宁市")


def test_a_brand_the_tagger_reads_as_a_preposition_still_opens_a_platform() -> None:
    ents, _ = _run("今年遵义新引进芯至科技研发中心。")
    assert "芯至科技研发中心" in ents


def test_a_real_preposition_still_ends_a_platform_name_on_the_left() -> None:
    ents, _ = _run("按照遵义数字经济发展规划建设大数据研发中心。")
    assert not [n for n in ents if n.startswith("按照")]


def test_an_academician_workstation_is_a_platform() -> None:
    ents, _ = _run("六盘水市引进了张立群院士工作站。")
    assert ents["张立群院士工作站"].type == "platform"


def test_what_a_park_brought_in_lies_in_it() -> None:
    body = "据悉，南宁软件园先后赴长三角开展招商，成功推动了北斗星通、芯至科技研发中心等项目落地。"
    _, located = _run(body)
    assert ("芯至科技研发中心", "南宁软件园") in located


def test_a_park_pushing_a_cooperation_places_nobody() -> None:
    _, located = _run("南宁软件园推动华为与本地企业开展合作。")
    assert not [k for k in located if k[0] == "华为技术有限公司"]


def test_a_firm_written_after_its_zone_lies_in_it_and_is_known_without_it() -> None:
    body = "签约仪式上，贵阳高新区贵州白山云科技股份有限公司、贵州大学等单位签署协议。"
    ents, located = _run(body)
    firm = next(e for e in ents.values() if e.type == "enterprise")
    assert "贵州白山云科技股份有限公司" in firm.aliases
    assert (firm.name, "贵阳国家高新技术产业开发区") in located


def test_a_firm_listed_next_to_a_zone_is_not_in_it() -> None:
    body = "会议邀请了贵阳高新区、贵州白山云科技股份有限公司等单位参加。"
    _, located = _run(body)
    assert ("贵州白山云科技股份有限公司", "贵阳国家高新技术产业开发区") not in located


def test_firms_a_park_already_holds_lie_in_it() -> None:
    body = "同时，南宁软件园重点引进一批“四高”项目，促进北斗星通等10多家快速增长的已落户企业增产扩能。"
    _, located = _run(body)
    assert ("北京北斗星通导航技术股份有限公司", "南宁软件园") in located


def test_firms_a_park_visited_but_that_have_not_settled_stay_out() -> None:
    ents, located = _run("南宁软件园调研了北斗星通等尚未落户的企业。")
    assert ("北京北斗星通导航技术股份有限公司", "南宁软件园") not in located
    assert ents["北京北斗星通导航技术股份有限公司"].region_chain == ()


def test_the_first_firm_of_a_list_right_after_its_verb_is_found() -> None:
    ents, _ = _run("贵阳引进了翰凯斯智能、白山云科技等企业。")
    assert ents["翰凯斯智能"].type == "enterprise" and ents["白山云科技"].type == "enterprise"


def test_a_short_firm_whose_stem_ends_like_a_trade_word_is_found() -> None:
    ents, _ = _run("遵义高新区先后引进华微电子、白山云科技等企业。")
    assert ents["华微电子"].type == "enterprise"


def test_generic_words_first_in_a_list_are_no_firms() -> None:
    ents, _ = _run("今年完成了数字科技、智能制造等任务。")
    assert not [e for e in ents.values() if e.type == "enterprise"]


def test_a_centre_that_holds_a_park_is_a_park_and_the_nested_link_points_at_it() -> None:
    body = "咸宁(武汉)离岸科创园正式开园。该科创园位于东湖高新区光谷芯中心，占地面积60亩。"
    ents, located = _run(body)
    centre = ents["东湖高新区光谷芯中心"]
    assert centre.type == "park" and "光谷芯中心" in centre.aliases
    assert ("咸宁(武汉)离岸科创园", "东湖高新区光谷芯中心") in located
    assert ("东湖高新区光谷芯中心", "东湖新技术开发区") in located


def test_a_centre_that_holds_nothing_stays_a_platform() -> None:
    ents, _ = _run("贵安新区建成贵州大数据创新中心，服务全省企业。")
    assert ents["贵州大数据创新中心"].type == "platform"


_SIGNED = ("签约项目具体包括遵义冷链物流中心、青年创业孵化基地、遵义智能配送公共服务平台等。"
           "投资1.2亿元的青年创业孵化基地项目，由遵义高新区管委会与企业合作创办，目前已有贵州大学遵义研究中心等5家企业入驻。")


def test_an_enumerated_name_starts_right_after_its_separator() -> None:
    ents, _ = _run(_SIGNED)
    assert ents["青年创业孵化基地"].type == "park"


def test_a_verb_after_the_separator_is_not_part_of_the_name() -> None:
    ents, _ = _run("重点建设遵义软件园、建设创业孵化基地、众创空间等。")
    assert not [n for n in ents if n.startswith("建设")]


def test_what_a_park_already_has_settled_lies_in_the_park_the_sentence_opens_with() -> None:
    _, located = _run(_SIGNED)
    assert ("贵州大学遵义研究中心", "青年创业孵化基地") in located
    assert ("贵州大学遵义研究中心", "遵义高新技术产业开发区") not in located


def test_firms_only_visiting_a_park_are_not_settled_in_it() -> None:
    ents, located = _run("遵义软件园建成后，目前已有华为等企业前来考察。")
    assert ("华为技术有限公司", "遵义软件园") not in located


def test_every_park_a_park_has_is_in_it_not_only_the_first() -> None:
    body = "南宁高新区现有南宁综合保税区、南宁铁路集装箱中心站、嘉和物流、五象国际动漫城等30余个重点项目入驻。"
    ents, located = _run(body)
    assert ents["五象国际动漫城"].type == "park"
    assert ("五象国际动漫城", "南宁高新技术产业开发区") in located
    assert ("南宁综合保税区", "南宁高新技术产业开发区") in located


def test_a_city_of_animation_in_prose_is_no_park() -> None:
    ents, _ = _run("柳州将打造动漫城市名片。")
    assert not [e for e in ents.values() if e.type == "park"]


def test_a_later_clause_of_the_only_park_named_still_hosts_what_it_brought_in() -> None:
    body = "五象信创产业园聚焦信创领域，目前已聚集了华为、中国电子等龙头企业，引入翰凯斯智能、白山云科技等20余家信创企业。"
    _, located = _run(body)
    assert ("翰凯斯智能", "五象信创产业园") in located and ("白山云科技", "五象信创产业园") in located


def test_with_two_parks_named_a_later_clause_hosts_nothing() -> None:
    body = "五象信创产业园聚焦信创领域，南宁软件园则侧重软件，引入翰凯斯智能、白山云科技等20余家企业。"
    _, located = _run(body)
    assert ("翰凯斯智能", "五象信创产业园") not in located


def test_a_multinational_only_at_a_meeting_stays_unplaced() -> None:
    body = "今年首个工作日，柳州高新区即召开营商环境座谈会，IBM、埃森哲、麦肯锡等十余家企业齐聚一堂，为高新区发展建言献策。"
    found, _ = extract_entities(body, ("广西壮族自治区", "柳州市", "柳州高新技术产业开发区"))
    ents = {e.name: e for e in found}
    assert ents["埃森哲"].region_chain == () and ents["麦肯锡"].region_chain == ()


def test_firms_signing_in_at_a_park_opening_lie_in_it() -> None:
    _, located = _run("贵阳软件园揭牌，贵州白山云科技股份有限公司等企业签约入驻。")
    assert ("贵州白山云科技股份有限公司", "贵阳软件园") in located


def test_firms_attending_a_park_opening_do_not() -> None:
    ents, located = _run("贵阳软件园揭牌，华为等企业代表出席。")
    assert ("华为技术有限公司", "贵阳软件园") not in located and ents["华为技术有限公司"].region_chain == ()


def test_a_branch_park_keeps_its_parent_in_its_name() -> None:
    ents, _ = _run("厦门软件园海沧分园揭牌，项目分两期建设。")
    assert ents["厦门软件园海沧分园"].type == "park"
    assert ents["厦门软件园海沧分园"].region_chain[:3] == ("福建省", "厦门市", "海沧区")


def test_a_zone_named_by_a_district_stem_alone_is_a_park_in_that_district() -> None:
    ents, _ = _run("10月28日，在天心经开区，一批数字新基建项目正式建成投产。")
    assert ents["天心经开区"].type == "park"
    assert ents["天心经开区"].region_chain == ("湖南省", "长沙市", "天心区")


def test_a_zone_word_alone_is_no_park() -> None:
    ents, _ = _run("推进开发区建设，推动各分园协同发展。")
    assert not [e for e in ents.values() if e.type == "park"]


def test_built_by_the_firm_after_you_in_a_later_clause() -> None:
    body = "本次开工的江北数字文创科技园，占地30亩，由南京广电集团投资建设。"
    _, links = extract_entities(body, doc_region("", body))
    assert [(lk.src[1], lk.dst[1]) for lk in links if lk.kind == "built_by"] == [("江北数字文创科技园", "南京广电集团")]


def test_a_verb_inside_a_park_name_does_not_hide_its_joint_builders() -> None:
    body = "渝黔合作数字经济产业园项目由重庆两江投资集团有限公司携手贵州双龙投资集团有限公司合资共建。"
    _, links = extract_entities(body, doc_region("", body))
    builders = {lk.dst[1] for lk in links if lk.kind == "built_by"}
    assert builders == {"重庆两江投资集团有限公司", "贵州双龙投资集团有限公司"}


def test_a_firm_that_only_advises_on_a_park_did_not_build_it() -> None:
    body = "贵阳软件园的规划由华为提供咨询。"
    _, links = extract_entities(body, doc_region("", body))
    assert not [lk for lk in links if lk.kind == "built_by"]


def test_a_carrier_alias_used_as_a_verb_names_no_firm() -> None:
    for body in ("新线路将联通光谷科学城与临空港片区，对接高校资源。", "园区将联通大学城与产业片区，对接科教资源。"):
        ents, links = extract_entities(body, ("湖北省", "武汉市"))
        assert not [e for e in ents if e.type == "enterprise"] and not [lk for lk in links if lk.kind == "built_by"]


def test_a_preposition_inside_a_short_name_is_prose() -> None:
    ents, _ = _run("该项目位于西湖区，原为杭州传媒集团旗下印刷厂。")
    assert not [n for n in ents if n.startswith("原为")]


def test_a_park_with_two_titles_joined_by_ji_and_a_declared_short_name_is_one_park() -> None:
    body = ("会上，国家人工智能创新应用先导区核心承载体暨人工智能产业园（简称“合肥智联园”）揭牌。"
            "“合肥智联园”落户合肥高新区。")
    ents, located = _run(body)
    park = ents["国家人工智能创新应用先导区核心承载体暨人工智能产业园"]
    assert "合肥智联园" in park.aliases
    assert (park.name, "合肥高新技术产业开发区") in located


def test_an_event_joined_by_ji_is_no_park() -> None:
    ents, _ = _run("会上，2023数字经济峰会暨数字产业园招商推介会举行。")
    assert not [e for e in ents.values() if e.type == "park"]


def test_two_named_units_on_one_plaque_stay_two() -> None:
    ents, _ = _run("六盘水市大数据科创中心暨张立群院士工作站揭牌成立。")
    assert "六盘水市大数据科创中心" in ents and "张立群院士工作站" in ents


def test_a_counted_category_is_no_name() -> None:
    ents, _ = _run("作为国家八大算力枢纽节点、十大数据中心集群之一，芜湖加快发展。")
    assert not [e for e in ents.values() if e.type in ("park", "platform")]


def test_a_dotted_brand_name_is_one_park_with_its_plain_forms() -> None:
    body = "长沙高新区“岳麓计算·湘江智谷”等7大项目集中开工。此次开工的岳麓计算湘江智谷总投资180亿元，湘江智谷将打造计算之城。"
    ents, located = _run(body)
    parks = [e for e in ents.values() if e.type == "park" and "智谷" in e.name]
    assert len(parks) == 1 and {"岳麓计算湘江智谷", "湘江智谷"} <= set(parks[0].aliases)
    assert (parks[0].name, "长沙高新技术产业开发区") in located


def test_a_news_opener_sets_the_park_of_what_it_reports() -> None:
    body = "10月28日，在雨花经开区，全省投资最大的数字新基建项目——岳麓智能算力中心一期正式建成投产。"
    _, located = _run(body)
    assert ("岳麓智能算力中心", "雨花经济技术开发区") in located


def test_a_scene_setting_place_does_not_hold_visitors() -> None:
    ents, located = _run("在贵阳高新区，华为代表参观了展厅。")
    assert not located.get(("华为技术有限公司", "贵阳国家高新技术产业开发区"))
    assert ents["华为技术有限公司"].region_chain == ()


def test_the_city_written_first_wins_over_a_new_area_filed_under_another_city() -> None:
    ents, _ = _run("眉山天府新区城市建设有限公司参与建设。")
    assert ents["眉山天府新区城市建设有限公司"].region_chain == ("四川省", "眉山市")


def test_a_firm_registered_in_a_zone_keeps_the_zone_city() -> None:
    ents, _ = _run("湖北武汉东湖高新区长江数智科技有限公司落户。")
    firm = next(e for e in ents.values() if e.type == "enterprise")
    assert firm.region_chain[:2] == ("湖北省", "武汉市")


def test_a_company_that_builds_and_runs_a_park_is_not_taken_for_its_investor() -> None:
    body = "六盘水软件园由六盘水市大数据发展有限公司建设运营。"
    _, links = extract_entities(body, doc_region("", body))
    assert not [lk for lk in links if lk.kind == "built_by"]


def test_a_park_grown_into_the_core_of_a_larger_one_lies_in_it() -> None:
    body = "南宁五象数字产业园项目于2018年启动以来，已经成为广西最大的数字产业园区，成为30平方公里南宁五象新区总部基地核心。"
    _, located = _run(body)
    assert "成为30平方公里南宁五象新区总部基地核心" in located[("南宁五象数字产业园", "南宁五象新区总部基地")]


def test_a_park_that_is_a_core_partner_of_another_gets_no_nested_link() -> None:
    body = "柳州软件园成为柳州高新技术产业开发区核心合作伙伴。"
    _, located = _run(body)
    assert ("柳州软件园", "柳州高新技术产业开发区") not in located


def test_a_sub_park_named_by_its_district_and_a_bare_yuan_is_a_park_holding_another() -> None:
    body = "南宁软件园五象分园位于良庆区那马镇的南宁高新区武鸣园内，规划用地800亩。"
    ents, located = _run(body)
    assert ents["南宁高新区武鸣园"].type == "park"
    assert ("南宁软件园五象分园", "南宁高新区武鸣园") in located


def test_parks_and_gardens_of_everyday_prose_are_no_sub_parks() -> None:
    ents, _ = _run("市民在中山公园和西湖公园散步，苏州园林游客众多。")
    assert not [n for n, e in ents.items() if e.type == "park"]


def test_a_bonded_zone_called_by_its_head_alone_still_holds_what_settles_there() -> None:
    body = "从洋浦综保区获悉，近日，海南国际数据产业园项目正式落地洋浦。"
    ents, located = _run(body)
    assert "洋浦" in ents["洋浦综保区"].aliases
    assert ("海南国际数据产业园", "洋浦综保区") in located


def test_a_park_merely_named_beside_a_bonded_zone_gets_no_nested_link() -> None:
    body = "海南国际数据产业园与洋浦综保区相距20公里，两地交通便利。"
    _, located = _run(body)
    assert ("海南国际数据产业园", "洋浦综保区") not in located


def test_a_zone_made_of_its_parks_holds_each() -> None:
    body = "昆明高新区由马金铺新材料产业园、海口工业园、昆明科技创新园组成。"
    _, located = _run(body)
    for park in ("马金铺新材料产业园", "海口工业园", "昆明科技创新园"):
        assert (park, "昆明高新技术产业开发区") in located


def test_a_zone_governing_its_parks_holds_them() -> None:
    _, located = _run("曲靖经济技术开发区下辖西城工业园、曲靖综合保税区等园区。")
    assert ("西城工业园", "曲靖经济技术开发区") in located
    assert ("曲靖综合保税区", "曲靖经济技术开发区") in located


def test_firms_a_park_merely_counts_among_its_partners_are_not_placed_in_it() -> None:
    _, located = _run("贵安新区电子信息产业园的合作伙伴包括黔微电子、贵芯科技。")
    assert not [k for k in located if k[1] == "贵安新区电子信息产业园"]


def test_a_project_sited_in_a_park_lies_in_it() -> None:
    _, located = _run("华为云数据中心项目选址贵安新区电子信息产业园。")
    assert ("华为云数据中心", "贵安新区电子信息产业园") in located


def test_firms_that_signed_to_move_into_the_park_lie_in_it_not_in_its_zone() -> None:
    body = ("琼中县数字产业园位于琼中县营根经济开发区内，吸引知名企业入驻。"
            "目前已有黎苗科技、椰风数据、云海信息等企业签订入园协议。")
    _, located = _run(body)
    for firm in ("黎苗科技", "椰风数据", "云海信息"):
        assert (firm, "琼中县数字产业园") in located


def test_firms_signing_a_cooperation_agreement_are_placed_nowhere() -> None:
    ents, located = _run("会上，黎苗科技、椰风数据等企业签订战略合作协议。")
    assert not located
    assert all(not e.region_chain for e in ents.values() if e.type == "enterprise")


def test_an_institute_named_by_two_fields_joined_by_yu_is_one_platform_in_its_park() -> None:
    body = "位于昆明高新区的智能感知与先进计算研究院项目已投入使用。"
    ents, located = _run(body)
    assert ents["智能感知与先进计算研究院"].type == "platform"
    assert ("智能感知与先进计算研究院", "昆明高新技术产业开发区") in located


def test_a_firm_joined_to_an_institute_by_yu_is_not_part_of_its_name() -> None:
    ents, _ = _run("华为与贵州大学研究院合作建设实验平台。")
    assert not [n for n in ents if n.startswith("华为与")]

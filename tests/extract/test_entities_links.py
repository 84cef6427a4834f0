"""Links with evidence: a builder named in the clause of the build verb; a park or platform inside
another park, with the sentence that says so."""

from __future__ import annotations

from kb.extract import extract_entities


def _links(body: str, chain: tuple[str, ...], kind: str) -> dict[tuple[str, str], str]:
    """(src, dst) -> the text of the sentence the link cites."""
    _, links = extract_entities(body, chain)
    return {(lk.src[1], lk.dst[1]): body[lk.start:lk.end] for lk in links if lk.kind == kind}


def test_a_builder_named_in_an_earlier_clause_does_not_build_what_other_partners_built() -> None:
    body = "该区与浪潮合作建设了洛阳工业互联网基地，分别与三大通信运营商合作建设了联通5G创新中心、电信云计算联合实验室。"
    built = _links(body, ("河南省", "洛阳市"), "built_by")
    assert ("洛阳工业互联网基地", "浪潮集团有限公司") in built
    assert not [k for k in built if k[1] == "浪潮集团有限公司" and k[0] != "洛阳工业互联网基地"]
    assert ("联通5G创新中心", "中国联合网络通信集团有限公司") in built


def test_a_partner_referred_back_to_by_gongjian_still_builds() -> None:
    body = "西宁市与华为签约，共建青海鲲鹏生态创新中心。"
    assert ("青海鲲鹏生态创新中心", "华为技术有限公司") in _links(body, ("青海省", "西宁市"), "built_by")


def test_located_in_a_park_by_wei_yu_with_that_sentence() -> None:
    body = "位于滨江科技城的钱塘数字经济产业园即将动工。"
    links = _links(body, ("浙江省", "杭州市"), "located_in")
    assert links[("钱塘数字经济产业园", "滨江科技城")] == body


def test_a_park_listing_what_has_settled_in_it() -> None:
    body = "南岗园区现有哈尔滨综合保税区、松北物流园等20余个重点项目入驻。"
    links = _links(body, ("黑龙江省", "哈尔滨市"), "located_in")
    assert ("哈尔滨综合保税区", "南岗园区") in links and ("松北物流园", "南岗园区") in links


def test_a_name_written_right_after_its_container_lies_in_it() -> None:
    body = "该科创园位于东湖高新区光谷未来中心，总投资约5亿元。"
    links = _links(body, ("湖北省", "武汉市"), "located_in")
    assert [src for src, dst in links if src.endswith("光谷未来中心") and dst == "东湖新技术开发区"]


def test_qu_nei_in_a_zone_document_points_at_the_zone() -> None:
    title = "绵阳经开区推进数字经济发展"
    body = "绵阳经开区加快数字经济发展。区内建有九洲科创园、软件动漫产业园、电子商务产业园等特色园区。"
    from kb.extract import doc_region

    chain = doc_region(title, body)
    ents, links = extract_entities(body, chain)
    parks = {e.name for e in ents if e.type == "park"}
    assert {"九洲科创园", "软件动漫产业园", "电子商务产业园"} <= parks  # a list that names one park names them all
    inside = {lk.src[1] for lk in links if lk.kind == "located_in" and lk.dst[1] == "绵阳经济技术开发区"}
    assert {"九洲科创园", "软件动漫产业园", "电子商务产业园"} <= inside


def test_generic_parks_outside_such_a_list_are_not_names() -> None:
    body = "建设人才培养基地、应用创新基地等各类基地，打造软件动漫产业园。"
    ents, _ = extract_entities(body, ("四川省", "绵阳市"))
    assert not [e for e in ents if e.type in ("park", "platform")]


def test_what_settles_in_a_paragraph_about_one_park_is_in_that_park() -> None:
    body = ("加快推进锦江(南宁)科技城招商引资。"
            "以产业基金为引导，积极吸引龙头企业入驻，中国（南宁）知识产权保护中心等一批服务机构入驻运营。")
    links = _links(body, ("广西壮族自治区", "南宁市"), "located_in")
    assert ("中国（南宁）知识产权保护中心", "锦江(南宁)科技城") in links


def test_a_new_park_built_inside_a_zone() -> None:
    body = "将渝北高新区内闲置厂房整体回收，改造成渝北数字经济创新中心。"
    links = _links(body, ("重庆市", "渝北区"), "located_in")
    assert ("渝北数字经济创新中心", "渝北高新区") in links


def test_a_builder_relied_on_in_the_clause_before_founds_the_alliance() -> None:
    body = "依托中国电科38所等行业龙头企业，发起成立合肥市信息技术应用创新联盟。"
    built = _links(body, ("安徽省", "合肥市"), "built_by")
    assert ("合肥市信息技术应用创新联盟", "中国电科38所") in built

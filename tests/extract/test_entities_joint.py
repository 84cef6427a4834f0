"""Joint parks written with a dash (某区—中关村科技园, 苏州—宿迁工业园区): both places name the park,
and it lies in whichever of them the document is about. Hand-written sentences, regions outside the
starter corpus."""

from __future__ import annotations

from kb.extract import FoundEntity, doc_region, extract_entities


def _ents(body: str, title: str = "") -> dict[str, FoundEntity]:
    ents, _ = extract_entities(body, doc_region(title, body))
    return {e.name: e for e in ents}


def test_a_dash_joined_park_keeps_its_first_place_and_lies_in_the_host() -> None:
    body = "遵义市汇川区加快汇川—中关村科技园建设，园区新增注册企业120家。"
    ents = _ents(body)
    park = ents["汇川—中关村科技园"]
    assert park.type == "park"
    assert park.region_chain[-1] == "汇川区"
    assert "北京市" not in park.region_chain


def test_the_host_may_be_the_second_place_of_the_name() -> None:
    body = "宿迁市今年推进苏州—宿迁合作产业园扩区，新引进项目18个。"
    park = _ents(body, "宿迁市推进园区扩区")["苏州—宿迁合作产业园"]
    assert "宿迁市" in park.region_chain and "苏州市" not in park.region_chain


def test_a_joint_park_between_two_places_of_equal_standing_keeps_only_their_common_parent() -> None:
    body = "江苏推进苏州—宿迁合作产业园扩区，苏州市和宿迁市共同出资。"
    park = _ents(body)["苏州—宿迁合作产业园"]
    assert park.region_chain == ("江苏省",)


def test_a_double_dash_is_punctuation_not_part_of_a_name() -> None:
    body = "柳州市重点项目——柳东数字经济产业园今日开工。"
    ents = _ents(body)
    assert "柳东数字经济产业园" in ents
    assert not any("—" in n for n in ents)


def test_a_firm_merely_named_beside_a_joint_park_stays_unplaced() -> None:
    body = "遵义市汇川区加快汇川—中关村科技园建设，腾讯公司代表到汇川考察并座谈。"
    ents = _ents(body)
    assert ents["腾讯控股有限公司"].region_chain == ()


def test_a_park_merely_mentioned_near_a_joint_park_gets_no_nested_link() -> None:
    body = "汇川—中关村科技园与遵义软件园相距15公里，两园将加强合作。"
    _, links = extract_entities(body, doc_region("", body))
    assert not [lk for lk in links if lk.kind == "located_in" and lk.src[0] == "park" and lk.dst[0] == "park"]


def test_a_school_branch_lies_in_the_county_written_after_the_school() -> None:
    body = "黄平县为浙江大学黄平技术转移(创新)中心授牌。"
    ents = _ents(body, "黄平县推进校地合作")
    assert ents["浙江大学黄平技术转移(创新)中心"].region_chain[-1] == "黄平县"


def test_a_park_named_without_its_brand_is_the_branded_park() -> None:
    body = "修文县启动联东U谷·修文数字经济产业园建设。修文数字经济产业园总投资20亿元。"
    ents = _ents(body)
    assert "修文数字经济产业园" not in ents
    assert "修文数字经济产业园" in ents["联东U谷·修文数字经济产业园"].aliases

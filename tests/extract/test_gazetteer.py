"""Gazetteer: names, short forms, disambiguation, zones, doc_region and region_keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.extract import Gazetteer, Region, doc_region, region_keys

RES = Path(__file__).resolve().parents[2] / "kb" / "resources"


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.default()


def names(g: Gazetteer, text: str, context: tuple[Region, ...] = ()) -> list[tuple[str, str]]:
    return [(text[s:e], r.name) for s, e, r in g.find_all(text, context)]


def test_data_files_ship_with_their_licence() -> None:
    note = (RES / "SOURCE.md").read_text(encoding="utf-8")
    assert "cpca" in note and "MIT" in note and "zones.csv" in note
    assert (RES / "regions.csv").stat().st_size < 150_000


def test_hierarchy_and_short_forms(g: Gazetteer) -> None:
    r = g.lookup("章贡区")
    assert r is not None and r.level == 3 and r.short == "章贡"
    assert [x.name for x in g.chain(r)] == ["江西省", "赣州市", "章贡区"]
    assert g.lookup("宁夏").name == "宁夏回族自治区"
    assert g.lookup("黔东南").name == "黔东南苗族侗族自治州"
    assert g.lookup("张家港").name == "张家港市"
    assert g.lookup("赣州").short == "赣州"


def test_municipality_children_hang_under_the_province(g: Gazetteer) -> None:
    r = g.lookup("海淀区")
    assert [x.name for x in g.chain(r)] == ["北京市", "海淀区"]


def test_shared_names_are_resolved_from_context_or_dropped(g: Gazetteer) -> None:
    assert names(g, "鼓楼区召开会议") == []
    assert names(g, "福州市鼓楼区召开会议") == [("福州市", "福州市"), ("鼓楼区", "鼓楼区")]
    fz = g.find_all("福州市鼓楼区")[1][2]
    nj = g.find_all("南京鼓楼区")[1][2]
    assert fz.parent == "350100" and nj.parent == "320100"
    assert g.lookup("鼓楼区") is None


def test_longest_match_and_generic_words(g: Gazetteer) -> None:
    assert names(g, "南通州城区") == [("南通", "南通市")]
    assert names(g, "推进城区和郊区改造") == []


def test_county_stems_need_their_city_or_a_zone_word(g: Gazetteer) -> None:
    assert names(g, "宁都和于都") == []
    assert names(g, "赣州宁都和于都") == [("赣州", "赣州市"), ("宁都", "宁都县"), ("于都", "于都县")]
    assert names(g, "章贡高新区") == [("章贡高新区", "章贡高新技术产业开发区")]
    # a county stem that is also a common word never counts alone
    assert names(g, "湖南怀化会同有关部门") == [("湖南", "湖南省"), ("怀化", "怀化市")]


def test_zones_named_after_a_city_and_their_bare_form(g: Gazetteer) -> None:
    found = names(g, "赣州蓉江新区召开会议。蓉江新区管委会")
    assert found == [("赣州蓉江新区", "赣州蓉江新区"), ("蓉江新区", "赣州蓉江新区")]
    z = g.find_all("赣州蓉江新区")[0][2]
    assert z.level == 4 and [x.name for x in g.chain(z)] == ["江西省", "赣州市", "赣州蓉江新区"]
    assert names(g, "芜湖经开区") == [("芜湖经开区", "芜湖经济技术开发区")]
    assert names(g, "江西赣江新区")[0][1] == "赣江新区"
    # a branch office is not a zone
    assert names(g, "赣州移动经开区分公司") == [("赣州", "赣州市")]


def test_doc_region_prefers_the_title() -> None:
    body = "贵阳市观山湖区加快发展大数据。全省各地积极推进。贵州省出台政策。"
    assert doc_region("观山湖区数字经济实施方案", body) == ("贵州省", "贵阳市", "观山湖区")
    assert doc_region("关于印发《赣州蓉江新区数字经济实施方案》的通知", "") == ("江西省", "赣州市", "赣州蓉江新区")


def test_doc_region_uses_source_then_body_counts() -> None:
    body = "全市推进数字经济。" * 3
    assert doc_region("数字经济发展报告", body, "绵阳市经济和信息化局") == ("四川省", "绵阳市")
    body = "湖北省推进数字经济，武汉、襄阳、宜昌协同发展。湖北省数字经济增速较快，湖北各地积极行动。"
    assert doc_region("对策建议", body) == ("湖北省",)
    body = "合肥高新区集聚企业。合肥高新区新增项目。合肥高新区获评先进。安徽省支持合肥。"
    assert doc_region("", body) == ("安徽省", "合肥市", "合肥高新技术产业开发区")
    assert doc_region("", "") == ()


def test_region_keys_hold_names_and_short_forms() -> None:
    assert region_keys(("江西省", "赣州市", "章贡区")) == ("江西省", "江西", "赣州市", "赣州", "章贡区", "章贡")
    keys = region_keys(("江西省", "赣州市", "赣州蓉江新区"))
    assert "蓉江新区" in keys and "赣州" in keys
    assert "张家港经开区" in region_keys(("江苏省", "苏州市", "张家港市", "张家港经济技术开发区"))
    assert region_keys(()) == ()


def _old_zone_lookup(g: Gazetteer, name: str) -> Region | None:
    """How lookup used to find a zone: a scan of every region."""
    zones = [r for r in g.regions.values() if r.level == 4 and name in (r.name, r.short)]
    return zones[0] if len(zones) == 1 else None


def test_zone_lookup_by_name_or_short_matches_the_old_scan() -> None:
    rows = [("360000", "江西省"), ("360700", "赣州市"), ("360702", "章贡区"), ("320000", "江苏省")]
    zones = [
        {"code": "901", "name": "赣州蓉江新区", "shorts": "蓉江新区|蓉江", "parent": "360700"},
        {"code": "902", "name": "甲高新区", "shorts": "同名园", "parent": "360000"},
        {"code": "903", "name": "乙高新区", "shorts": "同名园", "parent": "320000"},
        {"code": "904", "name": "丙开发区", "shorts": "", "parent": "320000"},
    ]
    g = Gazetteer(rows, zones)
    misses = ("没有这个区", "", "丙")
    for name in misses:
        assert name not in g._keys
        assert g.lookup(name) == _old_zone_lookup(g, name), name
    assert g.lookup("").code == "Z904"  # the one zone without a short form, as the old scan found it
    assert g.lookup("没有这个区") is None
    assert g.lookup("同名园") is None  # two zones share it: ambiguous
    assert g.lookup("甲高新区").code == "Z902"


def test_body_scan_is_reused_and_callers_cannot_spoil_it(g: Gazetteer) -> None:
    body = "江西省赣州市章贡区推进数字经济发展。" * 30
    first = g.find_all(body)
    raw = g._raw_matches(body)
    raw.clear()  # a caller mutating its list must not empty the cached one
    assert g.find_all(body) == first and g._raw_matches(body)
    for i in range(40):
        g._raw_matches(f"{i}江西省" * 100)
    assert len(g._raw_cache) <= 8
    assert g.find_all(body) == first


def test_ethnic_districts_and_counties_by_their_everyday_names(g: Gazetteer) -> None:
    assert names(g, "郑州市管城区数字经济产业园") == [("郑州市", "郑州市"), ("管城区", "管城回族区")]
    assert names(g, "大厂县大数据中心") == [("大厂县", "大厂回族自治县")]
    assert names(g, "长阳县") == [("长阳县", "长阳土家族自治县")]
    assert names(g, "郑州市管城回族区") == [("郑州市", "郑州市"), ("管城回族区", "管城回族区")]
    assert doc_region("管城区推进数字经济产业园建设", "管城区近日召开会议。")[-1] == "管城回族区"


def test_municipal_works_are_not_a_city(g: Gazetteer) -> None:
    assert names(g, "中煤东方市政建设集团有限公司承建") == []
    assert names(g, "东方市政务服务中心") == [("东方市", "东方市")]
    assert names(g, "海南东方市政府") == [("海南", "海南省"), ("东方市", "东方市")]


def test_a_sub_park_named_by_another_provinces_short_form_is_no_region(g: Gazetteer) -> None:
    assert names(g, "福州高新区海西园") == [("福州高新区", "福州高新技术产业开发区")]
    assert ("海西", "海西蒙古族藏族自治州") in names(g, "西宁经开区海西园")  # in its own province it is
    assert ("海西", "海西蒙古族藏族自治州") in names(g, "青海海西州数据中心")


def test_kept_chains_and_ancestors_match_a_fresh_walk(g: Gazetteer) -> None:
    """Chains and ancestor tests are kept per table region; a zone made on the fly is never kept,
    so two zones with one code (a name written in short and in full) keep their own fields."""
    county = g.lookup("花溪区")
    assert county is not None
    first = g.chain(county)
    first.append(county)  # a caller mutating its list must not change the kept chain
    again = g.chain(county)
    assert [x.name for x in again] == ["贵州省", "贵阳市", "花溪区"]
    for x in again[:-1]:
        assert g.is_ancestor(x, county) and not g.is_ancestor(county, x)
    assert not g.is_ancestor(county, county)
    city = again[1]
    a = Region(f"{city.code}:贵阳综合保税区", "贵阳综合保税区", "贵阳综保区", 4, city.code)
    b = Region(a.code, a.name, "", 4, city.code)
    assert g.chain(a)[-1] is a and g.chain(b)[-1] is b
    assert g.is_ancestor(city, a) and g.is_ancestor(again[0], b) and not g.is_ancestor(a, b)

"""A prefecture's short form that is also a plain word (海西 = the Straits' west shore, 湘西 = west
Hunan) names the prefecture only with its province in view. Hand-written sentences."""

from __future__ import annotations

from kb.extract import doc_region, extract_entities


def _names(body: str) -> dict[str, tuple[str, ...]]:
    ents, _ = extract_entities(body, doc_region("", body))
    return {e.name: e.region_chain for e in ents}


def test_the_straits_west_shore_in_a_fujian_text_is_no_prefecture() -> None:
    names = _names("厦门市推进海西经济区建设，海西港口群联动发展。")
    assert "海西蒙古族藏族自治州" not in names
    assert "厦门市" in names


def test_with_its_province_named_the_short_form_is_the_prefecture() -> None:
    names = _names("青海省推进盐湖产业发展，海西盐湖化工园区建设加快。")
    assert names["海西蒙古族藏族自治州"] == ("青海省", "海西蒙古族藏族自治州")


def test_a_directional_short_form_inside_its_own_province_document_still_counts() -> None:
    names = _names("贵州省大数据产业加快发展，黔南数据中心集聚区建设提速。")
    assert "黔南布依族苗族自治州" in names

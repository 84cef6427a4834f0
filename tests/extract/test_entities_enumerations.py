"""Lists before 等…产业企业: industries listed are no firms; firms listed beside them still are.
Hand-written sentences, regions outside the starter corpus."""

from __future__ import annotations

from kb.extract import doc_region, extract_entities


def _firms(body: str) -> set[str]:
    ents, _ = extract_entities(body, doc_region("", body))
    return {e.name for e in ents if e.type == "enterprise"}


def test_industry_words_in_a_list_of_industries_are_no_firms() -> None:
    body = "宁河区将重点引进一批智能制造、机械装备、军工电子、新能源新材料等战略新兴产业优势企业。"
    assert _firms(body) == set()


def test_short_firm_names_before_an_industry_tail_are_still_firms() -> None:
    body = "园区集聚了恒瑞电子、博瑞电子、智能制造等电子信息产业企业。"
    assert {"恒瑞电子", "博瑞电子"} <= _firms(body)


def test_known_firms_before_an_industry_tail_are_still_firms() -> None:
    body = "柳州市引进华为、中兴、浪潮等电子信息产业龙头企业。"
    assert len(_firms(body)) == 3

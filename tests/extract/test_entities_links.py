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

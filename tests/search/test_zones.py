"""Responsibility brackets, addressee lines, titles and body names rank below the substance."""

from __future__ import annotations

from pathlib import Path

from kb.search.analyzer import normalise
from kb.search.textform import squeeze
from kb.search.zones import noise_spans

from .conftest import build_index, doc_passages


def _form(text: str) -> str:
    return squeeze(normalise(text))


def _noise(text: str, title: str = "") -> list[str]:
    form = _form(text)
    return [form[s:e] for s, e in noise_spans(form, _form(title))]


def test_shapes_of_official_writing_are_marked() -> None:
    assert _noise("推进骨干网升级。(责任单位:市通信管理局、市财政局)") == [_form("(责任单位:市通信管理局、市财政局)")]
    assert _noise("完善配套设施【牵头单位：区投资促进局；配合单位：各乡镇】") == [_form("【牵头单位：区投资促进局；配合单位：各乡镇】")]
    assert _noise("建成一批示范工厂（省发展改革委牵头，省财政厅配合）") == [_form("（省发展改革委牵头，省财政厅配合）")]
    assert _noise("各县（市、区）人民政府，市政府各部门、各直属机构：") == [_form("各县（市、区）人民政府，市政府各部门、各直属机构：")]
    assert _noise("甲乡、乙乡党委，经济开发区管理处，县直各单位：") == [_form("甲乡、乙乡党委，经济开发区管理处，县直各单位：")]
    assert _noise("抄送：省委办公厅，省人大常委会办公厅。") == [_form("抄送：省委办公厅，省人大常委会办公厅。")]
    assert _noise("由县商务和投资促进局负责。") == [_form("县商务和投资促进局")]
    assert _noise("依托市大数据中心建设数据中心。") == [_form("市大数据中心")]
    assert _noise("云南省数字经济发展三年行动方案", title="云南省数字经济发展三年行动方案") == [_form("云南省数字经济发展三年行动方案")]


def test_body_text_is_not_noise() -> None:
    assert _noise("坚持以应用场景换产业，持续优化招商引资的产业布局。") == []
    assert _noise("加快建设绿色数据中心和智慧园区。") == []


def test_a_match_only_inside_brackets_or_addressees_ranks_below_every_body_match(tmp_path: Path) -> None:
    plan = doc_passages("gz", [
        "各县（市、区）人民政府，市招商服务中心，市直各部门：",
        "围绕产业链开展精准招商，瞄准头部企业，建立招商项目库。",
        "完善园区配套设施。〔责任单位：市投资促进局、市招商服务中心、市财政局〕",
        "强化要素保障，提升营商环境。【牵头单位：市招商局】",
        "编制产业图谱，以商招商。",
    ], title="贵阳市数字经济招商引资工作方案", chain=("贵州省", "贵阳市"))
    other = doc_passages("yn", ["县招商局、县财政局、县自然资源局：",
                                "聚焦数字经济开展以商招商和基金招商，全年新签约项目30个。"],
                         chain=("云南省", "昆明市"), first_id=50)
    ix = build_index(tmp_path / "ix", [plan, other])
    hits = ix.search("招商", limit=20).hits
    body = {3, 6, 51}
    noise = {1, 2, 4, 5, 50}  # the title, an addressee line, two brackets, a line of bureau names
    order = [h.passage_id for h in hits]
    assert set(order) == body | noise
    assert set(order[: len(body)]) == body
    ix.close()

"""Measures: gold evaluation on seed and self-written documents, plus behaviour checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kb.errors import ZhikuError
from kb.extract.measures import FoundMeasure, extract_measures, responsibility_blocks
from kb.models import MEASURE_KINDS, POLICY_TOOLS, THEMES

FIX = Path(__file__).parent / "fixtures"
CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"
GOLD = sorted(FIX.glob("meas_gold_*.json"))


def _body(source: str) -> str:
    path = FIX / source if (FIX / source).exists() else CORPUS / source
    return path.read_text(encoding="utf-8")


def _value_matches(m: FoundMeasure, g: dict) -> bool:
    if g["amount"] is not None:
        return m.amount == pytest.approx(g["amount"])
    if g["rate"] is not None:
        return m.rate == pytest.approx(g["rate"])
    return m.cap == pytest.approx(g["cap"])


def evaluate(gold_path: Path) -> dict[str, float]:
    """Match each gold measure to a found one whose span holds the number and whose value agrees."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    body = _body(gold["source"])
    found = extract_measures(body, tuple(gold["region_chain"]))
    used: set[int] = set()
    c = dict(gold=len(gold["measures"]), found=len(found), matched=0, exact=0, kind=0, theme=0, tool=0)
    for g in gold["measures"]:
        at = body.index(g["at"])
        assert body.count(g["at"]) == 1, g["at"]
        pos = at + g["at"].rindex(g["num"])
        cands = [i for i, m in enumerate(found) if i not in used and m.start <= pos < m.end and _value_matches(m, g)]
        if not cands:
            continue
        i = cands[0]
        used.add(i)
        m = found[i]
        c["matched"] += 1
        c["exact"] += m.unit == g["unit"] and m.year == g["year"]
        c["kind"] += m.kind == g["kind"]
        c["theme"] += m.theme == g["theme"]
        c["tool"] += m.policy_tool == g["tool"]
    return c


def _totals() -> dict[str, float]:
    tot: dict[str, float] = {}
    for p in GOLD:
        for k, v in evaluate(p).items():
            tot[k] = tot.get(k, 0) + v
    return tot


def test_gold_files_cover_seed_and_own_documents():
    sources = {json.loads(p.read_text(encoding="utf-8"))["source"] for p in GOLD}
    assert {"001_a1aa1a657336f1c4.txt", "003_8ff921cb0068af41.txt"} <= sources
    assert sum(1 for s in sources if s.startswith("meas_")) >= 3
    assert sum(len(json.loads(p.read_text(encoding="utf-8"))["measures"]) for p in GOLD) >= 120


@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.stem)
def test_gold_recall_per_document(gold_path):
    c = evaluate(gold_path)
    assert c["matched"] / c["gold"] >= 0.85, c


def test_gold_overall_quality():
    t = _totals()
    recall = t["exact"] / t["gold"]  # found with the right amount, unit and year
    precision = t["matched"] / t["found"]
    assert recall >= 0.90, t
    assert precision >= 0.85, t
    assert t["kind"] / t["matched"] >= 0.90, t
    assert t["tool"] / t["matched"] >= 0.80, t
    assert t["theme"] / t["matched"] >= 0.60, t


def test_values_are_in_the_model_vocabularies_and_offsets_exact():
    for p in GOLD:
        gold = json.loads(p.read_text(encoding="utf-8"))
        body = _body(gold["source"])
        for m in extract_measures(body, tuple(gold["region_chain"])):
            assert m.kind in MEASURE_KINDS
            assert m.theme is None or m.theme in THEMES
            assert m.policy_tool is None or m.policy_tool in POLICY_TOOLS
            assert 0 <= m.start < m.end <= len(body)
            text = body[m.start : m.end]
            assert text == text.strip() and "\n" not in text


def _one(text: str, **want) -> FoundMeasure:
    ms = [m for m in extract_measures(text, ("贵州省", "遵义市")) if all(getattr(m, k) == v for k, v in want.items())]
    assert len(ms) == 1, extract_measures(text, ("贵州省", "遵义市"))
    return ms[0]


def test_rate_with_cap_and_condition():
    text = "对年营业收入2000万元以上的软件企业，按其研发投入的20%给予补助，单个企业最高不超过300万元。"
    m = _one(text, rate=20.0)
    assert (m.kind, m.amount, m.cap, m.cap_unit, m.unit) == ("subsidy", None, 300.0, "万元", "万元")
    assert m.condition == "对年营业收入2000万元以上的软件企业"
    assert not [x for x in extract_measures(text, ()) if x.amount == 2000.0]  # condition, not a grant
    assert text[m.start : m.end].startswith("对年营业收入")


def test_several_awards_in_one_grant_keep_their_own_amount():
    text = "对获评国家级、省级、市级数字化车间的企业，分别给予100万元、50万元、20万元一次性奖励。"
    ms = extract_measures(text, ("贵州省",))
    assert [(m.kind, m.amount, m.unit) for m in ms] == [("award", a, "万元") for a in (100.0, 50.0, 20.0)]
    assert all(m.condition == "对获评国家级、省级、市级数字化车间的企业" for m in ms)


def test_cap_only_grant():
    m = _one("对认定为省级大数据示范园区的，给予最高200万元奖励。", kind="award")
    assert (m.amount, m.cap, m.unit) == (None, 200.0, "万元")


def test_targets_with_ranges_years_and_deadlines():
    text = "到2025年底，全省建成5G基站8万个以上，培育3-5家百亿级数字经济企业。“十四五”期间，累计引进人才1万人。"
    ms = extract_measures(text, ("贵州省",))
    base = [(m.kind, m.amount, m.amount_max, m.unit, m.year, m.deadline) for m in ms]
    assert base[0] == ("target", 8.0, None, "万个", 2025, "到2025年底")
    assert base[1] == ("target", 3.0, 5.0, "家", 2025, "到2025年底")
    assert base[2] == ("target", 1.0, None, "万人", None, "“十四五”期间")
    assert ms[0].qualifier == "≥" and ms[0].amount_text == "8万个以上" and ms[0].theme == "infrastructure"


def test_achievements_in_a_news_report():
    text = "截至2023年6月，杭州市累计建成5G基站3.1万个，数字经济核心产业营业收入同比增长9.8%，已入驻企业120家。"
    ms = extract_measures(text, ("浙江省", "杭州市"))
    assert [(m.kind, m.amount, m.unit, m.year) for m in ms] == [
        ("achievement", 3.1, "万个", 2023), ("achievement", 9.8, "%", 2023), ("achievement", 120.0, "家", 2023)
    ]
    assert all(m.deadline is None for m in ms)


def test_not_measures_dates_document_numbers_models_ordinals():
    text = (
        "根据《黔府发〔2022〕12号》文件和赣发〔20224号精神，2022年4月7日发布。一是推进5G和IPv6，"
        "构建“3+4”产业体系和“1+2+N”机制，第3批试点，联系电话0851-86891234，共建“一带一路”。"
    )
    assert extract_measures(text, ("贵州省",)) == []


def test_damaged_text_never_invents_years():
    text = "202247日印发。2023补充城市信号覆盖，建成基站超400个。"
    ms = extract_measures(text, ())
    assert [(m.amount, m.year) for m in ms] == [(400.0, None)]


def test_responsibility_brackets_apply_to_the_whole_item():
    text = (
        "1.推进产业集聚。力争引进企业10家。\n2025年产值超50亿元。〔责任单位:区工信局、区财政局〕\n"
        "2.加强人才支撑。引进人才200人。（牵头单位：市人社局；配合单位：市教育局）\n"
        "3.完善设施。建成基站500个。\n"
    )
    ms = extract_measures(text, ("湖南省", "长沙市"))
    assert [m.responsible for m in ms] == [
        ("区工信局", "区财政局"), ("区工信局", "区财政局"), ("市人社局", "市教育局"), ()
    ]
    assert all(m.region == "长沙市" for m in ms)


def test_responsibility_tolerates_damage():
    text = "引进企业5家。〔责任单位:区产业招商局,区财政局区锦源公司\n建成基站9个。[责任单位：区社管局区、产业招商局]"
    blocks = responsibility_blocks(text)
    assert [b.agencies for b in blocks] == [("区产业招商局", "区财政局", "区锦源公司"), ("区社管局", "产业招商局")]
    assert [m.responsible for m in extract_measures(text, ())][0] == ("区产业招商局", "区财政局", "区锦源公司")


def test_tax_rent_and_fund_kinds():
    text = (
        "对高层次人才按其个人所得税地方贡献的80%给予奖励。"
        "对入驻园区的企业给予三年租金补贴，每年最高50万元。"
        "设立规模20亿元的数字经济产业基金。安排专项资金5000万元。"
    )
    kinds = [(m.kind, m.policy_tool) for m in extract_measures(text, ())]
    assert kinds == [("tax", "environment"), ("rent_support", "supply"), ("fund", "environment"), ("fund", "supply")]


def test_bad_input():
    with pytest.raises(ZhikuError):
        extract_measures(None, ())  # type: ignore[arg-type]
    assert extract_measures("", ()) == []
    assert extract_measures("   \n", ("江西省",)) == []


_DAMAGE = st.sampled_from(
    list("对给予最高不超过按的%％万元亿家个人〔〕()（）责任单位:：、，。；\n2025年到力争累计截至一二三十百千余超近0123456789.-")
)


@settings(max_examples=150, deadline=None)
@given(st.text(_DAMAGE, max_size=80) | st.text(max_size=80))
def test_never_crashes_and_offsets_stay_inside(text):
    for m in extract_measures(text, ("江西省",)):
        assert 0 <= m.start < m.end <= len(text)
        assert m.kind in MEASURE_KINDS


def test_scraped_ascii_full_stop_ends_a_grant():
    body = ("对首次入选百强的企业,给予一次性奖励300万元.对年营业收入首次突破5000万元、1亿元的企业,"
            "分别给予20万元、50万元奖励。")
    found = extract_measures(body, ("甘肃省", "兰州市"))
    assert [m.amount for m in found] == [300, 20, 50]
    assert found[0].condition == "对首次入选百强的企业"
    assert found[1].condition == "对年营业收入首次突破5000万元、1亿元的企业"


def test_condition_runs_through_the_last_de_clause_and_truncated_award():
    m = _one("对新引进的数字经济企业,实缴注册资本5000万元以上的,按实缴注册资本的2%给予落户奖,最高不超过200万元。",
             kind="award", rate=2, cap=200)
    assert m.condition == "对新引进的数字经济企业,实缴注册资本5000万元以上的"


def test_free_rent_is_a_full_rent_rate():
    _one("对新入驻园区的软件企业给予最高3年租金全免。", kind="rent_support", rate=100)


def test_money_paid_out_is_a_fund_and_its_beneficiaries_a_fact():
    found = extract_measures("去年以来,累计兑现各类奖补资金1.8亿元,惠及企业540家。", ("海南省",), "2024-06-18")
    assert [(m.kind, m.amount) for m in found] == [("fund", 1.8), ("achievement", 540)]
    found = extract_measures("设立规模20亿元的海南自由贸易港数字经济产业投资基金,已投资项目18个。", ("海南省",))
    assert found[0].kind == "fund"

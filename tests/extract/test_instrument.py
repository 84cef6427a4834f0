"""Policy instruments (supply / environment / demand / none) with the words that decided them.

Each rule of kb.extract.classify and kb.extract.instrument_rules has hand-written sentences here;
``fixtures/instrument_paraphrased.txt`` holds paraphrased measure sentences coded by the guide at
its top, scored end to end through extract_measures with an agreement floor.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

from kb.extract.classify import instrument
from kb.extract.instrument_rules import (
    antecedent,
    build_object,
    clause_before,
    counts_firms,
    paid_rules,
    platform_use,
    provider,
    vouchers,
    without_criteria,
)
from kb.extract.measures import extract_measures

FIXTURE = Path(__file__).parent / "fixtures" / "instrument_paraphrased.txt"
_NUM = re.compile(r"[0-9]+(?:\.[0-9]+)?")


@pytest.mark.parametrize(
    ("kind", "clause", "sentence", "tool", "basis"),
    [
        # building beats a 示范 title: the money pays for the platform
        ("subsidy", "对建设行业级工业互联网平台的示范项目，按投资额的20%给予补助", "", "supply", "建设、平台"),
        ("award", "对入选国家级大数据产业试点示范项目的企业，给予一次性奖励80万元", "", "demand", "试点示范"),
        # selection criteria name promotion without paying for it
        ("subsidy", "综合考虑技术水平、推广应用成效等因素，遴选行业模型项目给予最高300万元补助", "", "supply",
         "补助"),
        # vouchers of any name are purchase subsidies
        ("fund", "设立每年500万元的“模型券”", "", "demand", "模型券"),
        ("target", "全年发放“服务券”2000万元", "", "demand", "服务券"),
        # IPR, certification and standards the grant pays for are environment; owned IPR is a condition
        ("award", "对新获得授权的发明专利，每件给予3万元奖励", "", "environment", "发明专利"),  # the longer word only
        ("award", "对首次通过国际权威认证的软件产品，给予5万元奖励", "", "environment", "认证"),
        ("award", "对拥有自主知识产权的工业软件产品，每个给予20万元奖励", "", "supply", "奖励"),
        # a grant pointing back (对其…) pays for what the sentence before names
        ("subsidy", "对其实际发生的费用，按合同金额的60%给予补助",
         "对购买算力服务的科技型企业发放“算力券”，对其实际发生的费用，按合同金额的60%给予补助", "demand", "算力券、购买"),
        # a clause continuing the one before counts what that clause counts
        ("target", "总数达到4万个", "新建5G基站1万个，总数达到4万个", "supply", "新建、基站"),
        ("target", "总量突破600亿元", "软件业务收入年均增长15%，总量突破600亿元", "environment", "〔目标规划〕"),
        # firms counted are a goal; firms served are a service
        ("target", "引进培育数据服务企业20家", "", "environment", "〔目标规划〕"),
        ("target", "完成500家以上企业数字化诊断", "", "supply", "数字化诊断"),
        # infrastructure words of the network, not trade
        ("target", "省际互联网出口带宽达到60T", "", "supply", "互联网出口"),
        ("target", "新建公共充电桩3000个", "", "supply", "新建、充电桩"),
        ("target", "IPv6活跃用户数达到1800万户", "", "demand", "活跃用户"),
        ("subsidy", "对参加境外专业展会的企业，按展位费的50%给予补助", "", "demand", "境外、展会、展位"),
        # firms brought onto a platform use it (demand); building the platform is supply
        ("target", "推动800户中小企业入驻跨境电商平台", "", "demand", "入驻、平台"),
        ("target", "培育省级工业互联网平台15个", "", "supply", "平台"),
        ("award", "对首次取得信息系统建设和服务能力等级资质的企业，给予10万元奖励", "", "environment", "资质"),
        ("target", "工业设备联网数量达到200万台", "", "supply", "设备联网"),
        ("target", "打造智能网联汽车示范线路5条", "", "demand", "示范线"),
        # a grant to a provider supports supply, even measured by what it sells
        ("award", "对认定的省级数字化转型促进中心，按其年度服务费用的10%给予奖励", "", "supply", "中心"),
        ("subsidy", "对企业购买数字化转型服务的，按服务费用的30%给予补助", "", "demand", "购买、服务费用"),
        # an industry's name is no supply cue: its revenue is an aggregate goal
        ("target", "软件和信息服务业收入达到900亿元", "", "environment", "软件和信息服务"),
        # results are no instrument
        ("achievement", "已建成5G基站1.2万个", "", None, None),
    ],
)
def test_each_rule_codes_its_sentence_and_names_its_words(kind, clause, sentence, tool, basis):
    assert instrument(kind, clause, sentence) == (tool, basis)


def test_rule_helpers_keep_offsets_and_say_what_they_matched():
    text = "综合考虑推广应用成效等因素，给予补助"
    assert len(without_criteria(text)) == len(text) and "推广应用" not in without_criteria(text)
    assert build_object("支持企业新建区块链骨干节点") == "新建、骨干节点"
    assert build_object("开展5G应用示范") is None
    assert vouchers("发放“算力券”和“数据券”，算力券按季兑付") == ["算力券", "数据券"]
    assert counts_firms("培育5家以上龙头企业") and not counts_firms("推动300家企业开展上云")
    assert clause_before("累计达到3万架", "新增标准机架5000架，累计达到3万架") == "新增标准机架5000架"
    assert clause_before("新增标准机架5000架", "新增标准机架5000架") == ""
    assert paid_rules("对拥有自主知识产权并获得认证的产品", ["知识产权", "认证"]) == ["认证"]
    assert antecedent("对上述企业给予奖励", "推广首台套产品，对上述企业给予奖励") == "推广首台套产品，"
    assert antecedent("对首台套产品给予奖励", "前文，对首台套产品给予奖励") == ""
    assert platform_use("推动2000家企业接入工业互联网平台") == "接入、平台"
    assert platform_use("建设工业互联网平台") is None
    assert provider("对开展数据标注业务的平台发放“标注券”") == "平台"
    assert provider("对入驻平台的企业给予补贴") is None


def test_reported_figures_in_their_own_clause_are_results_but_a_plan_verb_earlier_is_not():
    text = "到2025年，光纤网络覆盖全部行政村。完成骨干网升级改造，新建千兆小区30个以上。上半年，全区完成数字经济投资7.5亿元。"
    got = [(m.kind, m.amount, m.policy_tool) for m in extract_measures(text, ("海南省", "三亚市"), doc_date="2023-07-20")]
    assert got == [("target", 30.0, "supply"), ("achievement", 7.5, None)]
    ms = extract_measures("全市拥有省级工业互联网平台18家。", ("黑龙江省", "哈尔滨市"), doc_date="2023-05-01")
    assert [(m.kind, m.policy_tool) for m in ms] == [("achievement", None)]


def _load() -> list[tuple[str, tuple[str, ...], str, str, str, str]]:
    items, chain, date, prev = [], ("",), "", ""
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@"):
            doc, regions, date = (p.strip() for p in line[1:].split("|"))
            chain = tuple(regions.split(","))
            continue
        gold, at, text = (p.strip() for p in line.split("|", 2))
        text = prev if text == "^" else text
        prev = text
        items.append((doc, chain, date, gold, at, text))
    return items


@lru_cache(maxsize=1)
def _scored() -> list[tuple[str, str, str | None, str]]:
    """(gold, got, basis, measure text) per fixture item; got is "MISS" when no measure holds the figure."""
    out = []
    for _doc, chain, date, gold, at, text in _load():
        pos = text.index(at) + _NUM.search(at).start()
        value = float(_NUM.search(at).group(0))
        cover = [m for m in extract_measures(text, chain, doc_date=date) if m.start <= pos < m.end]
        if not cover:
            out.append((gold, "MISS", None, text))
            continue
        m = next((m for m in cover if value in (m.amount, m.cap, m.rate)), cover[0])
        out.append((gold, m.policy_tool or "none", m.tool_basis, text))
    return out


def test_fixture_is_well_formed_and_covers_every_class():
    items = _load()
    assert len(items) >= 40
    assert all(at in text and _NUM.search(at) for *_, at, text in items)
    assert set(Counter(gold for _, _, _, gold, _, _ in items)) == {"supply", "environment", "demand", "none"}


def test_fixture_agreement_floor_on_policy_actions():
    scored = [s for s in _scored() if s[0] != "none"]
    agree = sum(gold == got for gold, got, _, _ in scored) / len(scored)
    assert agree >= 0.9, [(g, got, b, t[:30]) for g, got, b, t in scored if g != got]


def test_fixture_results_get_no_instrument():
    results = [s for s in _scored() if s[0] == "none"]
    assert all(got == "none" for _, got, _, _ in results), results


def test_every_basis_word_is_in_the_text_it_explains():
    for _gold, got, basis, text in _scored():
        if got in ("none", "MISS"):
            continue
        assert basis, text
        if not basis.startswith("〔"):
            assert all(w in text for w in basis.split("、")), (basis, text)

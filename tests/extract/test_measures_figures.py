"""Figures of measures keep their meaning: ranges, qualifiers, caps with their unit, the words as written."""

from __future__ import annotations

import pytest

from kb.extract.figures import figure_of
from kb.extract.measures import extract_measures


def _fig(text: str, chain: tuple[str, ...] = ("河北省", "石家庄市")) -> list[tuple]:
    return [(m.kind, m.amount, m.amount_max, m.unit, m.qualifier, m.cap, m.cap_unit, m.rate, m.amount_text)
            for m in extract_measures(text, chain, doc_date="2023-05-10")]


def test_targets_keep_ranges_and_qualifiers_as_symbols():
    text = ("到2025年，全市培育三至五家营业收入超百亿元的龙头企业，建成5G基站不少于1.2万个，"
            "引进高层次人才500人左右，数据中心PUE降至1.3以下。")
    got = _fig(text)
    assert got[0][:5] == ("target", 3.0, 5.0, "家", None) and got[0][8] == "三至五家"
    assert got[1][:5] == ("target", 1.2, None, "万个", "≥") and got[1][8] == "不少于1.2万个"
    assert got[2][:5] == ("target", 500.0, None, "人", "≈")
    assert got[3][:5] == ("target", 1.3, None, None, "≤") and got[3][8] == "1.3以下"


def test_several_amounts_in_one_grant_are_several_measures():
    text = "对获得国家级、省级服务型制造示范企业的，分别给予一次性80万元、30万元的奖励。"
    ms = extract_measures(text, ("辽宁省", "大连市"))
    assert [(m.kind, m.amount, m.unit, m.amount_text) for m in ms] == [
        ("award", 80.0, "万元", "80万元"), ("award", 30.0, "万元", "30万元")]
    assert ms[0].start == ms[1].start and ms[0].condition == ms[1].condition


def test_a_list_of_caps_under_fenbie_is_a_measure_per_cap():
    text = "对总投资1亿—3亿元和3亿元以上的项目，给予贷款贴息，每年贴息额分别不超过300万元和800万元。"
    got = _fig(text, ("吉林省",))
    assert [(g[0], g[1], g[5], g[6], g[8]) for g in got] == [
        ("subsidy", None, 300.0, "万元", "不超过300万元"), ("subsidy", None, 800.0, "万元", "800万元")]


def test_rates_and_caps_under_fenbie_pair_in_order():
    text = ("对在本市设立区域总部的企业，三年内分别按其营业收入的1%、0.5%给予奖励，"
            "每年最高分别为600万元、300万元。")
    got = _fig(text, ("陕西省", "西安市"))
    assert [(g[7], g[5], g[6]) for g in got] == [(1.0, 600.0, "万元"), (0.5, 300.0, "万元")]


def test_cap_only_grant_reads_as_written_and_renders_without_a_dash():
    [m] = extract_measures("经认定，给予最高不超过150万元奖励。", ("云南省",))
    assert (m.amount, m.cap, m.cap_unit, m.qualifier, m.amount_text) == (None, 150.0, "万元", None, "最高不超过150万元")
    assert figure_of(m) == "最高 150 万元"


def test_rate_with_cap_renders_both():
    [m] = extract_measures("对企业购置设备的，按设备投资额的8%给予补助，最高500万元。", ("青海省", "西宁市"))
    assert (m.rate, m.cap, m.cap_unit, m.amount_text) == (8.0, 500.0, "万元", "8%")
    assert figure_of(m) == "8%，最高 500 万元"


def test_full_interest_subsidy_is_a_full_rate():
    [m] = extract_measures("对符合条件的项目贷款，给予3年全额贴息。", ("黑龙江省", "哈尔滨市"))
    assert (m.kind, m.rate, m.amount_text) == ("subsidy", 100.0, "全额")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("力争培育3-5家独角兽企业。", "3–5 家"),
        ("到2025年，软件业务收入达到500亿元以上。", "≥ 500 亿元"),
        ("截至2022年底，已建成5G基站超4.5万个。", "> 4.5 万个"),
        ("新增规上企业15家。", "15 家"),
        ("数据中心PUE低于1.25。", "< 1.25"),
    ],
)
def test_figures_render_for_people(text, shown):
    [m] = extract_measures(text, ("广西壮族自治区", "南宁市"))
    assert figure_of(m) == shown


def test_a_rate_range_keeps_its_upper_end():
    [m] = extract_measures("对企业数字化改造项目，按投资额的8%—12%给予补助，单个项目最高800万元。", ("辽宁省", "沈阳市"))
    assert (m.rate, m.amount_max, m.cap, m.amount_text) == (8.0, 12.0, 800.0, "8%—12%")
    assert figure_of(m) == "8–12%，最高 800 万元"


def test_a_rate_after_a_cap_word_is_at_most_that_rate():
    [m] = extract_measures("推动企业争取技术改造资金支持，按不超过设备购置金额的20%给予最高3000万元资助。", ("安徽省", "芜湖市"))
    assert (m.kind, m.rate, m.qualifier, m.cap, m.amount_text) == ("subsidy", 20.0, "≤", 3000.0, "20%")
    assert figure_of(m) == "≤ 20%，最高 3000 万元"


def test_a_rebate_of_fiscal_contribution_without_a_grant_verb():
    text = "第一年和第二年奖励金额不超过其经济贡献增量的100%，第三年奖励金额不超过其经济贡献增量的60%。"
    ms = extract_measures(text, ("山西省", "太原市"))
    assert [(m.kind, m.rate, m.qualifier, m.policy_tool) for m in ms] == [
        ("tax", 100.0, "≤", "environment"), ("tax", 60.0, "≤", "environment")]


def test_a_count_in_a_grant_sentence_is_a_target_not_a_grant():
    [m] = extract_measures("遴选不多于20家数字经济龙头企业，连续三年予以重点扶持。", ("湖北省", "宜昌市"))
    assert (m.kind, m.amount, m.unit, m.qualifier) == ("target", 20.0, "家", "≤")


def test_listed_names_counted_are_not_measures():
    text = "巩固提升电子信息、新能源装备2个优势产业，培育工业软件、跨境电商、数字创意3个新兴产业。"
    assert extract_measures(text, ("江苏省", "淮安市")) == []


def test_a_cost_share_is_a_fund_rule():
    [m] = extract_measures("奖励资金由市和区县按各自50%的比例共同分担。", ("四川省", "宜宾市"))
    assert (m.kind, m.rate, m.policy_tool, m.tool_basis) == ("fund", 50.0, "environment", "分担")


def test_a_grant_named_after_its_percent_and_its_condition_clause():
    text = ("对于企业首次完成数据资产入表且入表金额大于200万元的,对企业为入表发生的评估、审计等服务费用予以40%的补贴,"
            "同一企业补贴最高不超过20万元。")
    [m] = extract_measures(text, ("贵州省", "贵阳市"))
    assert (m.kind, m.rate, m.cap, m.cap_unit, m.policy_tool, m.tool_basis) == (
        "subsidy", 40.0, 20.0, "万元", "demand", "服务费用")


def test_a_comparison_base_year_is_not_the_year_of_the_target():
    [m] = extract_measures("到2025年，核心产业增加值占GDP的比重比2020年提高3个百分点。", ("福建省",), doc_date="2022-01-20")
    assert (m.kind, m.amount, m.unit, m.year) == ("target", 3.0, "个百分点", 2025)


def test_counts_of_aspects_are_not_measures():
    assert extract_measures("方案部署了6个方面的重大行动。", ("云南省",)) == []

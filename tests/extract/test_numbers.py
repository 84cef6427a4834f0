"""Numbers, units, years and deadlines: exact cases and never-crash properties."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kb.extract.numbers import (
    doc_year,
    find_deadlines,
    find_quantities,
    find_time_refs,
    find_years,
    is_start_year,
    parse_amount,
    parse_year,
    relative_year,
    to_base,
)
from kb.extract.timescope import TimeScope


@pytest.mark.parametrize(
    ("span", "value"),
    [
        ("1,500", 1500.0), ("２.５", 2.5), ("411.64", 411.64), ("三千", 3000.0), ("一千二百", 1200.0),
        ("十", 10.0), ("百", 100.0), ("两", 2.0), ("1.5万", 15000.0), ("近600", 600.0), ("超500", 500.0),
        ("逾30", 30.0), ("约12", 12.0), ("十余", 10.0), ("三千余", 3000.0),
    ],
)
def test_parse_amount(span, value):
    assert parse_amount(span) == pytest.approx(value)


@pytest.mark.parametrize("span", ["", "abc", "一带一路", "十四五", "1.2.3", None, 12])
def test_parse_amount_unreadable_is_none(span):
    assert parse_amount(span) is None


def _q(text):
    return [(q.amount, q.unit, q.amount_max, q.qualifier) for q in find_quantities(text)]


def test_units_kept_as_written_with_qualifiers_and_ranges():
    assert _q("实现产值1.5亿元") == [(1.5, "亿元", None, None)]
    assert _q("一千万元") == [(1000.0, "万元", None, None)]
    assert _q("二十万元") == [(20.0, "万元", None, None)]
    assert _q("引进3-5家企业") == [(3.0, "家", 5.0, None)]
    assert _q("培训3000余人次") == [(3000.0, "人次", None, ">")]
    assert _q("建成基站超400个") == [(400.0, "个", None, ">")]
    assert _q("规模企业50家左右") == [(50.0, "家", None, "≈")]
    assert _q("标准机架5.7万架") == [(5.7, "万架", None, None)]
    assert _q("投资意向金额达1300亿；") == [(1300.0, "亿", None, None)]
    assert _q("同比增长２６.２％") == [(26.2, "%", None, None)]
    assert _q("占地2000亩，面积3万平方米") == [(2000.0, "亩", None, None), (3.0, "万平方米", None, None)]
    assert _q("吸引44家上下游企业") == [(44.0, "家", None, None)]


def test_a_word_ending_in_a_qualifier_character_is_no_qualifier():
    assert _q("集中签约12个重大项目") == [(12.0, "个", None, None)]  # 签约, not 约 "about"
    assert _q("累计下达专项资金3.1亿元") == [(3.1, "亿元", None, None)]  # 下达, not 达 "reaching"
    assert _q("最近3年新增企业200家") == [(200.0, "家", None, None)]
    assert _q("节约用地50亩") == [(50.0, "亩", None, None)]
    assert _q("总投资约12亿元") == [(12.0, "亿元", None, "≈")]  # the word itself still counts
    assert _q("新增企业近200家") == [(200.0, "家", None, "≈")]
    assert _q("带动就业超5000人") == [(5000.0, "人", None, ">")]


@pytest.mark.parametrize(
    "text",
    ["5G网络", "IPv6", "“3+4”产业", "“1+2+N”", "第3批", "3个月内", "二院706所", "一批企业", "两个全覆盖",
     "一次性", "202247日", "赣发〔2022〕4号", "电话0851-86891234", "一带一路", "十四五", "五大产业"],
)
def test_not_quantities(text):
    assert find_quantities(text) == []


def test_offsets_point_into_the_text():
    text = "力争到2025年，全市建成５Ｇ基站１.２万个，培育企业三千余家。"
    for q in find_quantities(text):
        assert text[q.start : q.end]
        assert q.end <= len(text)


def test_years_and_bare_years_after_triggers_only():
    assert [y for _, _, y in find_years("到2025年，力争2022建成，2023补充信号，202247日")] == [2025, 2022]
    assert parse_year("无年份") is None
    assert parse_year("２０２４年") == 2024


def test_deadlines():
    got = [(p, y) for _, _, p, y in find_deadlines("力争到2025年底建成，“十四五”期间完成，2022年上半年验收，五年内实现，年内完成")]
    assert got == [("力争到2025年底", 2025), ("“十四五”期间", None), ("2022年上半年", 2022), ("五年内", None), ("年内", None)]


def test_to_base():
    assert to_base(1.5, "亿元") == (1.5e8, "元")
    assert to_base(3, "万平方米") == (3e4, "平方米")
    assert to_base(2.3, "万人次") == (2.3e4, "人次")
    assert to_base(1300, "亿") == (1.3e11, "元")
    assert to_base(5, "千米") == (5.0, "千米")
    assert to_base(26.2, "％") == (26.2, "%")
    assert to_base(None, "元") is None and to_base(1, None) is None


_ALPHABET = st.sampled_from(list("0123456789０１２.,，-~年月日号万亿千百十元个家%％〔〕《》一二两三四五六七八九余多超近约第GIPv+年底内到至力争“”十四五期间 \n"))


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, max_size=60) | st.text(max_size=60))
def test_never_raises(text):
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert q.amount >= 0
    find_years(text)
    find_deadlines(text)
    parse_amount(text)
    parse_year(text)


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("投入1.5亿元", 1.5, "亿元"), ("奖励20万元", 20.0, "万元"), ("补贴3000元", 3000.0, "元"),
        ("规模1.2万亿元", 1.2, "万亿元"), ("增长21%", 21.0, "%"), ("提高2个百分点", 2.0, "个百分点"),
        ("建成200个", 200.0, "个"), ("培育30家", 30.0, "家"), ("引进860人", 860.0, "人"),
        ("培训8万人次", 8.0, "万人次"), ("机器人2860台", 2860.0, "台"), ("软件1200套", 1200.0, "套"),
        ("用地500亩", 500.0, "亩"), ("厂房4500平方米", 4500.0, "平方米"), ("载体200万平方米", 200.0, "万平方米"),
        ("光缆1.5万公里", 1.5, "万公里"), ("技术50项", 50.0, "项"), ("专利3.2万件", 3.2, "万件"),
        ("机架5000架", 5000.0, "架"), ("机架1.8万架", 1.8, "万架"), ("用户125万户", 125.0, "万户"),
        ("支持10所高校", 10.0, "所"), ("链路10条", 10.0, "条"), ("流量18.6GB", 18.6, "GB"), ("存储350PB", 350.0, "PB"),
        ("算力8000P", 8000.0, "P"), ("算力1万P", 1.0, "万P"), ("装机300MW", 300.0, "MW"), ("装机50兆瓦", 50.0, "兆瓦"),
        ("提升1.2倍", 1.2, "倍"), ("就业2.6万人", 2.6, "万人"),
    ],
)
def test_every_unit_keeps_the_number_as_written(text, amount, unit):
    assert [(q.amount, q.unit) for q in find_quantities(text)] == [(amount, unit)]


def test_chinese_numerals_with_magnitudes_and_approximations():
    assert _q("三千余家") == [(3000.0, "家", None, ">")]
    assert _q("一百万元") == [(100.0, "万元", None, None)]
    assert _q("两亿元") == [(2.0, "亿元", None, None)]
    assert _q("五千万元") == [(5000.0, "万元", None, None)]
    assert _q("两百余家") == [(200.0, "家", None, ">")]
    assert _q("推动一万家企业") == [(1.0, "万家", None, None)]  # a magnitude makes it no small count
    assert _q("培训8万余人次") == [(8.0, "万人次", None, ">")]
    assert _q("5300多家") == [(5300.0, "家", None, ">")]


@pytest.mark.parametrize("text", ["培育千万元级服务商", "10亿元级项目", "百亿级集群", "打造千亿级产业集群"])
def test_tier_labels_are_not_quantities(text):
    assert find_quantities(text) == []


def test_doc_year_and_relative_years():
    assert doc_year("2024-01-18") == 2024 and doc_year("2023年9月") == 2023 and doc_year(None) is None
    assert doc_year("n/a") is None
    assert relative_year("去年", 2024) == 2023 and relative_year("明年", 2024) == 2025
    assert relative_year("今年", None) is None


def test_time_refs_skip_comparison_bases_and_period_starts():
    text = "去年营收3120亿元,比去年增长5%;自2022年挂牌以来累计上架1560个,2021年出台规划以来,今年将"
    assert [y for _, _, y in find_time_refs(text, 2024)] == [2023, 2024]
    assert [y for _, _, y in find_time_refs(text)] == []
    assert is_start_year("自2022年", 1, 6) and not is_start_year("2022年营收", 0, 5)


def test_time_scope_carries_over_semicolons_and_paragraph_leads():
    body = "截至2023年底,建成基站8.7万个;户均流量18.6GB。全年培训1万人次。\n2025年,目标A。B。\n目标E。到2027年,C达到1个。D。"
    scope = TimeScope(body, [], "2024-04-26")
    got = []
    for m in re.finditer(r"[^。;\n]+", body):
        deadlines, years, carry = scope.read(m.start(), m.end(), True)
        got.append(([y for _, y in years], carry[1] if carry else None))
    assert got[0] == ([2023], 2023)
    assert got[1] == ([2023], 2023)  # after ; the year of the clause before still holds
    assert got[2] == ([2023], 2023)  # 全年: the year last named
    assert got[4] == ([2025], 2025)  # a paragraph opening with a year lends it to what follows
    assert got[7] == ([], None)  # a year in mid-paragraph governs its own sentence only


def test_number_grammar_imports_nothing_of_the_time_reading():
    """numbers is the lower layer: timescope reads years with it, never the other way round."""
    import subprocess
    import sys

    code = "import sys, kb.extract.numbers; print('kb.extract.timescope' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    import kb.extract.numbers as numbers

    assert not hasattr(numbers, "TimeScope")


@pytest.mark.parametrize(
    ("text", "amount", "amount_max", "unit", "written"),
    [
        ("引进3-5家企业", 3.0, 5.0, "家", "3-5家"),
        ("争创1－2个示范基地", 1.0, 2.0, "个", "1－2个"),
        ("培育三至五家企业", 3.0, 5.0, "家", "三至五家"),
        ("新增一到两家平台", 1.0, 2.0, "家", "一到两家"),
        ("给予一次性奖补20—50万元", 20.0, 50.0, "万元", "20—50万元"),
        ("总投资2亿—5亿元的项目", 2.0, 5.0, "亿元", "2亿—5亿元"),
        ("投资5000万~1亿元的项目", 0.5, 1.0, "亿元", "5000万~1亿元"),
        ("按投资额的10%-20%给予补助", 10.0, 20.0, "%", "10%-20%"),
        ("给予500万元至1000万元支持", 500.0, 1000.0, "万元", "500万元至1000万元"),
        ("补贴5万-10万元", 5.0, 10.0, "万元", "5万-10万元"),
    ],
)
def test_every_written_range_keeps_both_ends(text, amount, amount_max, unit, written):
    [q] = find_quantities(text)
    assert (q.amount, q.amount_max, q.unit, q.text) == (pytest.approx(amount), amount_max, unit, written)


def test_a_range_that_does_not_rise_is_no_range():
    assert _q("5-3家") == [(5.0, "家", None, None)]
    assert [q.amount for q in find_quantities("2021—2023年累计引进人才5-10人")] == [5.0]


@pytest.mark.parametrize(
    ("text", "symbol", "written"),
    [
        ("不低于100公里", "≥", "不低于100公里"), ("不少于8个", "≥", "不少于8个"), ("3家以上", "≥", "3家以上"),
        ("500万元及以上", "≥", "500万元及以上"), ("至少20家", "≥", "至少20家"),
        ("超400个", ">", "超400个"), ("超过2500万元", ">", "超过2500万元"), ("逾30家", ">", "逾30家"),
        ("突破1.2万亿元", ">", "突破1.2万亿元"), ("3000余人", ">", "3000余人"), ("增速高于25%", ">", "高于25%"), ("高于全国2.2个百分点", None, "2.2个百分点"),
        ("约12亿元", "≈", "约12亿元"), ("近600家", "≈", "近600家"), ("50家左右", "≈", "50家左右"),
        ("不超过200万元", "≤", "不超过200万元"), ("10%以内", "≤", "10%以内"), ("30%以下", "≤", "30%以下"),
        ("低于5%", "<", "低于5%"), ("不足10家", "<", "不足10家"),
        ("达到13亿元", None, "13亿元"), ("实现营业收入1500万元", None, "1500万元"),
    ],
)
def test_qualifiers_are_normalised_and_the_words_kept(text, symbol, written):
    [q] = find_quantities(text)
    assert (q.qualifier, q.text) == (symbol, written)


def test_ranks_and_bare_magnitudes():
    assert find_quantities("全省信息基础设施指数居全国前10位") == []
    assert _q("4G基站14.07万,每万人拥有基站54.43个") == [(14.07, "万", None, None), (54.43, "个", None, None)]
    assert _q("出口带宽23.39Tb,带宽能力达28Tbps") == [(23.39, "Tb", None, None), (28.0, "Tbps", None, None)]

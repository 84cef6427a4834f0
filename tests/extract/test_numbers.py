"""Numbers, units, years and deadlines: exact cases and never-crash properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kb.extract.numbers import find_deadlines, find_quantities, find_years, parse_amount, parse_year, to_base


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
    assert _q("培训3000余人次") == [(3000.0, "人次", None, "余")]
    assert _q("建成基站超400个") == [(400.0, "个", None, "超")]
    assert _q("规模企业50家左右") == [(50.0, "家", None, "左右")]
    assert _q("标准机架5.7万架") == [(5.7, "万架", None, None)]
    assert _q("投资意向金额达1300亿；") == [(1300.0, "亿", None, "达")]
    assert _q("同比增长２６.２％") == [(26.2, "%", None, None)]
    assert _q("占地2000亩，面积3万平方米") == [(2000.0, "亩", None, None), (3.0, "万平方米", None, None)]
    assert _q("吸引44家上下游企业") == [(44.0, "家", None, None)]


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

"""Measures: years from the document date, kinds of past facts, qualifiers, regions, grant shapes."""

from __future__ import annotations

from kb.extract.measures import extract_measures


def _rows(text, chain=("湖南省", "长沙市"), **kw):
    return [(m.kind, m.amount, m.unit, m.year) for m in extract_measures(text, chain, **kw)]


def test_relative_years_need_the_document_date():
    text = "去年全市实现营业收入3120亿元,同比增长13.5%。今年,力争营业收入突破3500亿元。"
    assert _rows(text, doc_date="2024-01-18") == [
        ("achievement", 3120.0, "亿元", 2023), ("achievement", 13.5, "%", 2023), ("target", 3500.0, "亿元", 2024)
    ]
    assert [y for *_, y in _rows(text)] == [None, None, None]  # the old call still works
    assert _rows("明年建成基站500个。", doc_date="2023-12-01") == [("target", 500.0, "个", 2024)]


def test_comparison_bases_and_period_starts_are_not_the_year():
    text = "湖南大数据交易所自2022年挂牌以来,累计上架数据产品1560个;营收比去年增长20%。"
    assert [m.year for m in extract_measures(text, ("湖南省",), doc_date="2024-03-01")] == [None, None]


def test_year_carries_over_semicolons_and_into_qizhong_sentences():
    text = "截至2023年底,全省建成5G基站8.7万个;户均月流量达到18.6GB。其中,城区基站5.1万个。全年培训2万人次。"
    assert [(m.amount, m.unit, m.year) for m in extract_measures(text, ("陕西省",))] == [
        (8.7, "万个", 2023), (18.6, "GB", 2023), (5.1, "万个", 2023), (2.0, "万人次", 2023)
    ]


def test_year_of_a_mid_paragraph_sentence_does_not_leak_to_the_next():
    text = "(二)壮大核心产业。到2027年,软件业务收入突破2000亿元。支持洛阳市建设产业园区,新增载体面积200万平方米。"
    ms = extract_measures(text, ("河南省",))
    assert [(m.amount, m.year, m.region) for m in ms] == [(2000.0, 2027, "河南省"), (200.0, None, "洛阳市")]


def test_a_dated_year_before_the_document_is_a_fact():
    text = "据统计,2022年全市数字化改造覆盖率达到55.6%,累计推动5300多家企业转型。到2025年,覆盖率达到80%以上。"
    ms = extract_measures(text, ("广东省", "佛山市"), doc_date="2023-09-12")
    assert [(m.kind, m.amount, m.year) for m in ms] == [
        ("achievement", 55.6, 2022), ("achievement", 5300.0, 2022), ("target", 80.0, 2025)
    ]


def test_report_sentence_with_a_later_marker_is_an_achievement():
    text = "一、目标\n力争到2025年建成基站1万个。\n2023年上半年,核心产业营业收入达到2856.7亿元,同比增长15.3%。"
    kinds = [(m.amount, m.kind) for m in extract_measures(text, ("湖北省",))]
    assert kinds == [(1.0, "target"), (2856.7, "achievement"), (15.3, "achievement")]


def test_money_thresholds_of_counted_enterprises_are_qualifiers():
    text = "到2027年,培育营业收入超百亿元的数字经济龙头企业10家、超十亿元的骨干企业100家,培育千万元级服务商30家。"
    ms = extract_measures(text, ("河南省",))
    assert [(m.amount, m.unit) for m in ms] == [(10.0, "家"), (100.0, "家"), (30.0, "家")]
    assert ms[0].condition and "百亿元" in ms[0].condition


def test_a_region_after_yituo_is_an_object_not_the_place():
    text = "依托郑州数据交易中心,力争到2027年数据交易额突破100亿元。到2027年郑州市数据中心标准机架达到10万架。"
    assert [m.region for m in extract_measures(text, ("河南省",))] == ["河南省", "郑州市"]


def test_capped_rate_and_per_unit_award_shapes():
    text = (
        "对年度投资额达到300万元以上的工业企业，按不超过投资额的15%予以补助，每家企业每年最高补助1000万元。"
        "对获评省级工业互联网平台的，每个奖励200万元。"
    )
    ms = extract_measures(text, ("广东省", "佛山市"))
    assert [(m.kind, m.amount, m.rate, m.cap, m.unit) for m in ms] == [
        ("subsidy", None, 15.0, 1000.0, "万元"), ("award", 200.0, None, None, "万元")
    ]
    assert ms[1].condition == "对获评省级工业互联网平台的"


def test_theme_follows_the_item_title_not_the_previous_section():
    text = (
        "(一)夯实数字基础设施。到2025年,建成5G基站20万个,数据中心算力超过8000P。\n"
        "(二)壮大数字核心产业。到2027年,智能终端产量达到2亿台,年均增长15%以上。\n"
    )
    themes = [m.theme for m in extract_measures(text, ("河南省",))]
    assert themes == ["infrastructure", "infrastructure", "industry_clusters", "industry_clusters"]

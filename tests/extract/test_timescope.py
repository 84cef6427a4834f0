"""Years of quantities read through :class:`kb.extract.timescope.TimeScope` (via extract_measures)."""

from __future__ import annotations

from kb.extract.measures import extract_measures


def _years(body: str, doc_date: str | None = "2024-04-12") -> dict[float, int | None]:
    return {m.amount if m.amount is not None else m.rate: m.year for m in extract_measures(body, ("重庆市",), doc_date)}


def test_whole_year_after_a_future_marker_is_the_documents_year():
    got = _years("去年实现产值260亿元。下一步,园区将力争全年新引进项目50个以上,产值突破300亿元。")
    assert got[260] == 2023 and got[50] == 2024 and got[300] == 2024


def test_this_year_so_far_is_this_year():
    assert _years("今年以来,园区开展专题招商活动12场。")[12] == 2024


def test_a_new_enumerated_item_does_not_inherit_the_year():
    got = _years("一是力争到2025年营业收入突破2500亿元；二是每年培养数字技能人才2万人。", None)
    assert got[2500] == 2025 and got[2] is None


def test_durations_and_running_totals_borrow_no_year():
    got = _years("今年3月,双方签约共建创新中心,计划三年内服务本地制造企业500家。")
    assert got[500] is None
    got = _years("市级财政去年安排专项资金1.2亿元,支持新型基础设施建设,全区累计建成5G基站3200个。")
    assert got[1.2] == 2023 and got[3200] is None


def test_a_paragraph_opening_with_a_year_lends_it_to_later_sentences():
    body = ("2022年，广东省数字经济规模达到6.4万亿元。北京、上海比重分别达到41.6%和50.2%。\n"
            "同期，天津市数字经济规模约为7900亿元。河北省数字经济规模约为1.6万亿元。\n"
            "园区现有企业400家。")
    got = _years(body, None)
    assert got[6.4] == got[41.6] == got[50.2] == got[7900] == got[1.6] == 2022
    assert got[400] is None  # a new paragraph


def test_a_vague_period_ends_the_year_in_force():
    got = _years("去年实现产值260亿元,近年来先后引进龙头企业,其中集聚人工智能企业35家。")
    assert got[260] == 2023 and got[35] is None

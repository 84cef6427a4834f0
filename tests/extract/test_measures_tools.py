"""Policy instruments on extracted measures: coded by the rules in kb.extract.classify, with their cue words."""

from __future__ import annotations

from kb.extract.measures import extract_measures

PLAN = """一、发展基础
全省光缆线路长度达到98.6万公里，建成5G基站3.2万个，数据中心标准机架2.1万架。
二、主要目标
到2025年，建成5G基站8万个，数字经济核心产业增加值占地区生产总值比重达到8%，打造应用场景示范项目50个。
三、政策措施
1.推广首版次软件。支持党政机关和国有企业首购首用本地软件产品。经认定，给予最高100万元奖励。
2.支持上市融资。对在境内外首发上市的企业，给予一次性奖励300万元。
"""


def _tools(text: str) -> list[tuple[str, float | None, str | None, str | None]]:
    return [(m.kind, m.amount if m.amount is not None else m.cap, m.policy_tool, m.tool_basis)
            for m in extract_measures(text, ("河北省", "保定市"), doc_date="2023-03-01")]


def test_a_plan_review_holds_results_and_its_goals_hold_instruments():
    got = _tools(PLAN)
    assert got[:3] == [("achievement", 98.6, None, None), ("achievement", 3.2, None, None),
                       ("achievement", 2.1, None, None)]
    assert got[3] == ("target", 8.0, "supply", "建成、基站")
    assert got[4] == ("target", 8.0, "environment", "增加值、比重")
    assert got[5][:3] == ("target", 50.0, "demand")
    assert got[6] == ("award", 100.0, "demand", "首版次、首购首用")  # 经认定，给予…: the object is the sentence before
    assert got[7] == ("award", 300.0, "environment", "上市")


def test_a_running_total_already_reached_is_a_result():
    ms = extract_measures("力争到2025年建成5G基站5万个。目前全市已累计建成5G基站1.8万个。", ("吉林省", "长春市"))
    assert [(m.kind, m.amount, m.policy_tool) for m in ms] == [("target", 5.0, "supply"), ("achievement", 1.8, None)]


def test_a_news_report_of_the_pipeline_and_of_progress_holds_results():
    text = ("目前，全市在建、拟建数字基础设施项目52个，总投资310亿元。今年全市将新建5G基站3000个，"
            "上半年已新建1650个，完成年度目标55%，完成投资6.2亿元。")
    got = [(m.kind, m.amount) for m in extract_measures(text, ("浙江省", "台州市"), doc_date="2021-07-20")]
    assert got == [("achievement", 52.0), ("achievement", 310.0), ("target", 3000.0), ("achievement", 1650.0),
                   ("achievement", 55.0), ("achievement", 6.2)]

"""A cell's evidence speaks of its theme: rules on sentences, then whole comparisons of other provinces."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.compare import check_regions, default_themes
from kb.evidence import (
    CLEAR,
    SUPPORTED,
    is_heading,
    is_quantified_target,
    query_terms,
    similar,
    support,
    term_hits,
    theme_rule,
)

THEMES = {t.key: t for t in default_themes()}
RULES = {t.key: theme_rule(t.key, t.label, t.query, t.measure_themes) for t in THEMES.values()}
VOCAB = tuple(dict.fromkeys(term for r in RULES.values() for term, _ in r.terms))

WUHAN_PLAN = """武汉市数字经济发展三年行动方案（2023—2025年）
发布日期：2023-04-06  来源：武汉市发展和改革委员会

一、总体目标
到2025年，全市建成5G基站5万个，数据中心标准机架达到10万架，数字经济核心产业增加值突破3000亿元。

二、重点任务
（一）加快数据要素市场建设
推进公共数据开放共享，建设华中数据交易中心，探索数据确权和收益分配机制。
（二）强化数字人才支撑
实施数字人才引育计划，对新引进的顶尖人才团队给予最高500万元项目资助。
（三）支持企业上云用数
对获评省级、市级上云标杆企业的，分别给予一次性30万元、10万元的奖励。

三、保障措施
成立市数字经济发展领导小组，建立月调度、季通报的工作机制，纳入年度目标考核。
"""

HUBEI_REPORT = """湖北省数字经济发展情况通报
2023-08-15  来源：湖北省经济和信息化厅

截至2023年6月底，全省已建成5G基站9.2万个，同比增长18%，数据中心标准机架达到12万架。
我省深入贯彻国家“十四五”规划和2035年远景目标纲要作出的决策部署，推动区域协调发展。
对获评省级、市级上云标杆企业的，分别给予一次性30万元、10万元的奖励。
宜昌市设立数字经济产业引导基金10亿元，重点投向工业互联网和智能制造项目。
"""

XIANGYANG_NEWS = """襄阳市数字经济产业园新签约项目12个
2023-05-20  来源：襄阳日报

襄阳市数字经济产业园今年新签约项目12个，总投资85亿元，引进软件企业30家。
对获评省级、市级上云标杆企业的，分别给予一次性30万元、10万元的奖励。
"""

SHAANXI_NEWS = """西安市推进算力基础设施建设
2023-09-01  来源：陕西日报

西安市加快建设国家级互联网骨干直联点，新建5G基站8000个，建成智算中心2个。
"""


@pytest.fixture
def ekb(kb, tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in (("wuhan_plan.txt", WUHAN_PLAN), ("hubei_report.txt", HUBEI_REPORT),
                       ("xiangyang_news.txt", XIANGYANG_NEWS), ("xian_news.txt", SHAANXI_NEWS)):
        (folder / name).write_text(text, encoding="utf-8")
    assert kb.import_paths([folder]).ok
    return kb


def score(key: str, sentence: str, measures=()) -> float:
    return support(sentence, RULES[key], measures, VOCAB)


# rules on single sentences -------------------------------------------------------------------

def test_query_terms_keep_positive_words_and_phrases_only() -> None:
    assert query_terms('数据要素 OR "公共数据" NOT 数据中心 -机房 region:湖北 (交易 OR 确权)') == (
        "数据要素", "公共数据", "交易", "确权")


def test_a_term_inside_another_themes_longer_term_does_not_count() -> None:
    racks = "数据中心标准机架达到12万架，服务全省算力需求。"
    assert "数据" not in term_hits(racks, RULES["data_elements"], VOCAB)
    assert score("data_elements", racks) == 0.0 and score("infrastructure", racks) >= SUPPORTED
    assert score("data_elements", "推进公共数据开放共享，探索数据确权和收益分配机制。") >= SUPPORTED


def test_one_enumerated_item_or_one_everyday_word_is_not_enough() -> None:
    assert score("data_elements", "围绕互联网、大数据、人工智能、软件等领域培育新兴产业。") < SUPPORTED
    assert score("governance", "坚持统筹推进，促进区域协调发展的整体布局。") < SUPPORTED
    assert score("governance", "成立市数字经济发展领导小组，建立月调度的工作机制。") >= CLEAR


def test_a_quantified_target_needs_a_number_a_deadline_and_to_look_ahead() -> None:
    assert is_quantified_target("到2025年，全市建成5G基站5万个，核心产业增加值突破3000亿元。")
    assert not is_quantified_target("深入贯彻国家“十四五”规划和2035年远景目标纲要作出的决策部署。")
    assert not is_quantified_target("截至2023年6月底，全省已建成5G基站9.2万个，同比增长18%。")
    assert not is_quantified_target("力争培育一批数字经济龙头企业。")  # no number, no deadline
    assert score("quantified_targets", "深入贯彻国家“十四五”规划和2035年远景目标纲要作出的决策部署。") == 0.0


def test_headings_and_near_duplicates() -> None:
    assert is_heading("（一）加快数据要素市场建设") and not is_heading("推进公共数据开放共享，建设数据交易中心。")
    assert score("data_elements", "（一）加快数据要素市场建设") == 0.0
    assert similar("（三）对获评上云标杆企业的，分别给予30万元奖励。", "对获评上云标杆企业的，分别给予30万元奖励。")
    assert not similar("新建5G基站8000个。", "建成智算中心2个，服务西部算力调度。")


# whole comparisons ----------------------------------------------------------------------------

def test_regions_are_canonical_places() -> None:
    assert check_regions(["武汉", "武汉市", "湖北", " 湖北省 "]) == ("武汉", "湖北")


def test_a_province_column_leaves_out_a_city_with_its_own_column(ekb) -> None:
    comp = ekb.compare(["湖北省", "武汉市"])
    hubei, wuhan = comp.columns
    assert hubei.excludes == ("武汉市",) and wuhan.excludes == ()
    assert {d.name for d in wuhan.docs} == {"wuhan_plan.txt"}
    assert "wuhan_plan.txt" not in {d.name for d in hubei.docs} and hubei.docs
    for row in comp.rows:
        assert all(e.doc != "wuhan_plan.txt" for e in row.cells[0].evidence)


def test_with_contained_the_province_column_keeps_its_citys_documents(ekb) -> None:
    comp = ekb.compare(["湖北省", "武汉市"], contained=True)
    hubei, wuhan = comp.columns
    assert hubei.excludes == () and wuhan.excludes == ()
    assert "wuhan_plan.txt" in {d.name for d in hubei.docs} and {d.name for d in wuhan.docs} == {"wuhan_plan.txt"}
    assert any(e.doc == "wuhan_plan.txt" for row in comp.rows for e in row.cells[0].evidence)


def test_cells_hold_only_sentences_that_speak_of_their_theme(ekb) -> None:
    comp = ekb.compare(["湖北省", "陕西省"])
    data = comp.cell("湖北省", "data_elements")
    assert data.evidence and all("数据中心标准机架" not in e.text for e in data.evidence)
    assert any("公共数据开放共享" in e.text for e in data.evidence)
    targets = comp.cell("湖北省", "quantified_targets")
    assert targets.evidence and all("远景目标纲要" not in e.text and "截至" not in e.text for e in targets.evidence)
    assert any("到2025年" in e.text for e in targets.evidence)
    infra = comp.cell("陕西省", "infrastructure")
    assert infra.evidence and infra.evidence[0].text.startswith("西安市")
    for key in ("talent", "governance", "data_elements"):  # nothing in the Shaanxi news speaks of these
        cell = comp.cell("陕西省", key)
        assert cell.empty and cell.evidence == () and cell.hits == () and cell.measures == ()


def test_a_sentence_serves_one_cell_unless_it_clearly_speaks_of_both(ekb) -> None:
    comp = ekb.compare(["湖北省", "陕西省"])
    for col, region in enumerate(comp.regions):
        seen: dict[tuple[str, int], list[str]] = {}
        for row in comp.rows:
            for e in row.cells[col].evidence:
                seen.setdefault((e.doc_id, e.start), []).append(row.theme.key)
        for (doc_id, start), keys in seen.items():
            if len(keys) > 1:
                cell_scores = [next(e.score for e in comp.cell(region, k).evidence if (e.doc_id, e.start) ==
                                    (doc_id, start)) for k in keys]
                assert sorted(cell_scores)[-2] >= CLEAR, (keys, cell_scores)


def test_figures_side_by_side_with_near_duplicates_merged(ekb) -> None:
    comp = ekb.compare(["湖北省", "陕西省"])
    rows = {r.key: r for r in comp.indicators}
    stations = rows["base_stations"]
    hubei, shaanxi = stations.cells
    assert {f.amounts for f in shaanxi} == {(8000.0,)}
    assert any(f.kind == "target" and f.year == 2025 and 5.0 in f.amounts for f in hubei)
    awards = [f for f in rows["funds"].cells[0] if "上云标杆企业" in f.text]
    assert len(awards) == 1 and set(awards[0].amounts) == {30.0, 10.0} and awards[0].sources == 3
    assert all(len(cells) == 2 for cells in (r.cells for r in comp.indicators))


def test_tool_measures_group_each_regions_measures(ekb) -> None:
    comp = ekb.compare(["湖北省", "陕西省"])
    hubei = comp.tool_measures["湖北省"]
    assert set(hubei) == {"supply", "environment", "demand"}
    ids = {d.id for d in comp.columns[0].docs}
    assert all(m.doc_id in ids for ms in hubei.values() for m in ms)


def test_the_starter_corpus_evidence_stays_on_theme(corpus_kb) -> None:
    """Whatever the starter documents say, every evidence sentence passes its theme's rule."""
    comp = corpus_kb.compare()
    for row in comp.rows:
        rule = RULES.get(row.theme.key) or theme_rule(row.theme.key, row.theme.label, row.theme.query,
                                                      row.theme.measure_themes)
        for cell in row.cells:
            for e in cell.evidence:
                assert support(e.text, rule, e.measures, VOCAB) >= SUPPORTED, (row.theme.key, e.text)
                if rule.targets:
                    assert is_quantified_target(e.text, e.measures), e.text
            if not cell.evidence:
                assert cell.empty and not cell.hits and not cell.measures


def test_traditional_script_and_cited_titles() -> None:
    assert score("data_elements", "培育發展數據要素市場，推動公共數據開放共享。") >= SUPPORTED
    assert score("data_elements", "現將《關於加快數據要素市場建設的實施意見》印發給你們，請認真貫徹落實。") == 0.0
    assert score("infrastructure", "通信基础设施持续完善。") == 0.0  # too short to stand for a theme
    assert score("infrastructure", "（一）推动网络基础设施利用。") == 0.0


def test_a_documents_framing_counts_for_half() -> None:
    framing = "为深入贯彻党中央决策部署，赋能经济社会数字化转型，制定本行动计划。"
    assert score("digital_transformation", framing) < SUPPORTED
    doing = "推动规模以上工业企业实施数字化转型，建成工业互联网平台10个。"
    assert score("digital_transformation", doing) >= SUPPORTED


def test_a_sentence_goes_to_the_theme_it_mentions_most() -> None:
    from kb.evidence import Candidate, Sentence, assign

    text = "实现工业园区5G网络全覆盖，重点应用场景5G网络深度覆盖。"
    scores = {k: score(k, text) for k in ("parks_carriers", "infrastructure")}
    assert scores["infrastructure"] > scores["parks_carriers"] >= SUPPORTED
    cand = Candidate(Sentence("d", 0, len(text), text), "d.txt", "", "", (), scores)
    assigned = assign([cand], ["parks_carriers", "infrastructure"])  # parks listed first: no tie to win
    assert assigned["infrastructure"] == [cand] and assigned["parks_carriers"] == []


def test_a_users_own_theme_keeps_the_sentences_it_asked_for() -> None:
    """A narrower theme the user wrote is not emptied by the shipped theme that shares its words."""
    from kb.evidence import Candidate, Sentence, assign, theme_rule

    text = "培育一批数据服务企业，打造区域性数据交易中心。"
    own = theme_rule("trade", "数据交易", "数据交易 OR 数据确权", ())
    shipped = {k: score(k, text) for k in ("data_elements",)}
    mine = support(text, own, (), VOCAB + ("数据交易", "数据确权"))
    assert shipped["data_elements"] >= mine >= SUPPORTED
    cand = Candidate(Sentence("d", 0, len(text), text), "d.txt", "", "", (), {**shipped, "trade": mine})
    plain = assign([cand], ["data_elements", "trade"])
    assert plain["trade"] == []  # two shipped-like themes: the sentence serves the stronger one
    asked = assign([cand], ["data_elements", "trade"], own={"trade"})
    assert asked["trade"] == [cand] and asked["data_elements"] == [cand]

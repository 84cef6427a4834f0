"""Theme and policy-instrument classification from the keyword lexicon."""

from __future__ import annotations

import pytest

from kb.extract.classify import classify_theme, classify_tool, instrument, lexicon
from kb.models import POLICY_TOOLS, THEMES


def test_lexicon_covers_every_theme_and_tool():
    lex = lexicon()
    assert set(lex["themes"]) == set(THEMES)
    assert set(lex["tools"]) == set(POLICY_TOOLS)


@pytest.mark.parametrize(
    ("clause", "theme"),
    [
        ("2025年建成5G基站超400个", "infrastructure"),
        ("打造3个千亿级产业集群", "industry_clusters"),
        ("全年签约落户项目46个", "investment_attraction"),
        ("引进高层次人才500余名", "talent"),
        ("设立规模10亿元的产业引导基金", "funding_finance"),
        ("新认定国家高新技术企业18家，有效专利1403件", "rd_innovation"),
        ("推动1000家中小企业上云", "digital_transformation"),
        ("将实施情况纳入年度考核", "governance"),
        ("开展数据确权和数据交易试点3个", "data_elements"),
        ("建成科创园、孵化器等载体20万平方米", "platform_building"),
    ],
)
def test_theme(clause, theme):
    assert classify_theme(clause) == theme


def test_theme_none_without_any_keyword():
    assert classify_theme("完成100个") is None


def test_tool_by_kind_and_content():
    assert classify_tool("subsidy", "给予20万元补助") == "supply"
    assert classify_tool("award", "对在主板上市的企业给予800万元奖励") == "environment"
    assert classify_tool("tax", "个人所得税地方贡献80%奖励") == "environment"
    assert classify_tool("rent_support", "租金补贴最高50万元") == "supply"
    assert classify_tool("fund", "设立产业基金20亿元") == "environment"
    assert classify_tool("fund", "安排专项资金5000万元") == "supply"
    assert classify_tool("target", "力争产值超100亿元") == "environment"
    assert classify_tool("target", "政府采购本地产品不低于5亿元，开展应用示范场景20个") == "demand"
    assert classify_tool("achievement", "同比增长26.2%") is None
    assert classify_tool("achievement", "开展数字技能培训2.3万人次") is None  # a result, not an instrument


@pytest.mark.parametrize(
    ("kind", "clause", "tool", "basis"),
    [
        ("subsidy", "对用户单位首购首用本地首版次软件的，按采购金额的20%给予补助", "demand", "首购首用、首版次、采购"),
        ("award", "对入选国家级大数据产业发展试点示范项目的，给予一次性奖励50万元", "demand", "试点示范"),
        ("subsidy", "对中小企业购买云服务的，按实际支出的30%给予补助", "demand", "购买"),
        ("award", "对获评省级智能制造示范工厂的企业，给予50万元奖励", "supply", "奖励"),
        ("subsidy", "对企业获得银行贷款的，按贷款市场报价利率的50%给予贴息", "environment", "贴息、贷款"),
        ("award", "对在境内外首发上市的企业，给予最高500万元奖励", "environment", "上市"),
        ("subsidy", "对新引进的全职博士，每人每月给予2000元生活补贴", "supply", "补贴"),
        ("fund", "设立规模20亿元的产业投资基金", "environment", "基金"),
        ("fund", "奖补资金由市县两级财政各承担50%", "environment", "承担"),
        ("fund", "每年安排数字经济发展专项资金2亿元", "supply", "专项资金"),
        ("tax", "按其个人所得税地方贡献的80%给予奖励", "environment", "个人所得税"),
        ("target", "建成5G基站超20万个", "supply", "建成、基站"),
        ("target", "打造3000项5G优秀应用案例", "demand", "应用案例"),
        ("target", "新建大型数据中心PUE低于1.3", "environment", "PUE"),
        ("target", "三年引进培育高层次人才2000人", "supply", "高层次人才"),
        ("target", "每年发布数字化应用场景清单100个以上", "demand", "应用场景"),
        ("target", "力争引进3家以上软件平台、元宇宙基础设施等上下游企业", "environment", "〔目标规划〕"),
        ("target", "数字经济核心产业增加值占地区生产总值比重达到10%", "environment", "增加值、比重"),
    ],
)
def test_instrument_follows_the_coding_rules_and_names_its_cues(kind, clause, tool, basis):
    assert instrument(kind, clause) == (tool, basis)


def test_a_grant_without_an_object_reads_it_in_the_text_before():
    lead = "支持重点行业企业开展智能化制造、网络化协同等新模式新业态示范应用。"
    assert instrument("award", "经认定省级财政给予分档奖励,最高不超过200万元", lead=lead) == ("demand", "示范应用")
    assert instrument("award", "经认定省级财政给予分档奖励,最高不超过200万元") == ("supply", "奖励")


def test_results_carry_no_instrument():
    assert instrument("achievement", "已建成5G基站3.1万个") == (None, None)

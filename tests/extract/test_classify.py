"""Theme and policy-instrument classification from the keyword lexicon."""

from __future__ import annotations

import pytest

from kb.extract.classify import classify_theme, classify_tool, lexicon
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
    assert classify_tool("achievement", "开展数字技能培训2.3万人次") == "supply"

"""Rows for the model tests: kb dataclasses as the service returns them."""

from __future__ import annotations

import pytest

from kb.models import Entity, Link, Measure, Mention, SearchHit


@pytest.fixture
def hits() -> list[SearchHit]:
    return [
        SearchHit(1, "d1", "gz.txt", "贵阳市实施方案<草案>", "贵阳市", "二、重点任务", 3.5, 10, 60,
                  "支持建设算力调度平台&数据中心", "支持建设算力调度平台&数据中心", ((4, 6),), ((14, 16),)),
        SearchHit(7, "d2", "nx.txt", "中卫市新闻", None, "", 1.25, 0, 30, "算力调度", "算力调度", ((0, 2),), ((0, 2),)),
    ]


@pytest.fixture
def entities() -> list[Entity]:
    return [
        Entity(1, "park", "贵阳国家高新技术产业开发区", ("贵阳高新区",), "贵阳市", ("贵州省", "贵阳市"), ("贵阳市",),
               ("gz.txt",), 4),
        Entity(2, "enterprise", "中国移动通信集团有限公司", ("中国移动",), None, (), (), ("gz.txt", "nx.txt"), 9),
        Entity(3, "region", "中卫市", ("中卫",), "中卫市", ("宁夏回族自治区", "中卫市"), (), ("nx.txt",), 2),
    ]


@pytest.fixture
def mentions() -> list[Mention]:
    return [Mention(2, "enterprise", "中国移动通信集团有限公司", "d1", "gz.txt", 40, 44, "中国移动",
                    "推动中国移动\n等企业布局。", 36)]


@pytest.fixture
def measures() -> list[Measure]:
    return [
        Measure(1, "d1", "gz.txt", "贵阳市", "award", 50.0, "万元", None, None, 2023, None, "新落户", "talent",
                "supply", (), "给予一次性奖励50万元。", 100, 112),
        Measure(2, "d2", "nx.txt", "中卫市", "subsidy", 0.1, "元", 500.0, None, None, "2025年底", None, None, None,
                (), "最高不超过500万元", 50, 60),
    ]


@pytest.fixture
def links() -> list[Link]:
    return [
        Link(1, "贵阳高新区", "park", 5, "贵阳市", "region", "located_in", 1.0, "gz.txt", 0, 10, "位于贵阳"),
        Link(2, "中国移动", "enterprise", 1, "贵阳高新区", "park", "co_mention", 2.0),
    ]

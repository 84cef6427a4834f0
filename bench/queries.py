"""The fixed query set: 2- to 6-character terms, phrases, AND pairs and region-filtered queries.

Each query carries its search-box text (Zhiku's syntax, which Whoosh's QueryParser also reads)
plus the strings a passage must contain verbatim and the region filter: that is the ground truth
for recall, found by scanning passage texts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Query:
    text: str                 # what the user types
    terms: tuple[str, ...]    # every one must occur verbatim in a matching passage
    region: str | None = None  # region filter (a name or short name of the document's region chain)
    kind: str = "term"        # term | phrase | and | filtered


def _q(text: str) -> Query:
    terms: list[str] = []
    region = None
    for part in text.split():
        if part.startswith("region:"):
            region = part.split(":", 1)[1]
        else:
            terms.append(part.strip('"'))
    kind = "filtered" if region else "phrase" if text.startswith('"') else "and" if len(terms) > 1 else "term"
    return Query(text, tuple(terms), region, kind)


QUERIES: tuple[Query, ...] = tuple(_q(t) for t in (
    # 2 characters
    "招商", "数据", "人才", "园区", "算力", "金融", "补贴", "平台", "创新", "企业", "奖励", "补助",
    # 3 characters
    "大数据", "数字化", "云计算", "物联网", "产业园", "示范区", "元宇宙", "新基建",
    # 4 characters
    "数字经济", "人工智能", "招商引资", "电子信息", "智能制造", "数据中心", "信息技术", "龙头企业", "专精特新", "研发投入",
    # 5 and 6 characters
    "工业互联网", "产业数字化", "数字产业化", "数字化转型", "5G基站",
    "数字经济发展", "高新技术企业", "新型基础设施", "一号发展工程",
    # quoted phrases
    '"工业互联网平台"', '"数字经济产业园"', '"电子商务产业园"',
    # two terms (AND)
    "数据 人才", "招商引资 园区", "人工智能 大数据",
    # filtered by region
    "招商 region:宁夏", "数据中心 region:贵州", "人工智能 region:广东", "园区 region:江苏", "数字经济 region:成都",
))


def select(count: int) -> tuple[Query, ...]:
    """``count`` queries spread evenly over the set (all of it when count >= 50), always one filtered."""
    if count >= len(QUERIES):
        return QUERIES
    step = len(QUERIES) / count
    picked = [QUERIES[int(i * step)] for i in range(count)]
    if not any(q.region for q in picked):
        picked[-1] = QUERIES[-5]
    return tuple(picked)


def matches(q: Query, text: str, regions: Sequence[str]) -> bool:
    """Ground truth: every term occurs verbatim, and the document lies in the filter's region."""
    return all(t in text for t in q.terms) and (q.region is None or q.region in regions)

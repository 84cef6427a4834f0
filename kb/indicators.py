"""Figures side by side: which indicator a measure's number counts, merged across near-duplicates.

Why buckets of general policy vocabulary: regions word their targets differently ("5G基站2万个",
"建成基站超过2万座"); a researcher compares them as one indicator. A figure falls in the first
bucket whose words its clause holds and whose unit fits; what fits none goes under a bucket of
its unit's class (other counts, other amounts, shares, areas). Near-identical sentences (the same
award rule repeated in three documents) become one figure that lists every amount once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from kb.evidence import similar
from kb.models import IndicatorFact, IndicatorRow, Measure

MONEY = re.compile(r"^(?:万亿|亿|千万|百万|万|千)?元$|^亿$")
SHARE = re.compile(r"^(?:%|％|个百分点)$")
AREA = re.compile(r"(?:平方米|平米|平方公里|亩|公顷)$")
PEOPLE = re.compile(r"(?:人|人次|名)$")
FIRMS = re.compile(r"(?:家|户)$")
COUNTS = re.compile(r"(?:个|项|座|件|台|套|款|处|所|条|架|次|场|批)$")


@dataclass(frozen=True)
class Bucket:
    key: str
    label: str
    words: re.Pattern[str] | None  # the clause must hold one of these words (None: the unit decides)
    unit: re.Pattern[str]
    kinds: tuple[str, ...] = ()  # only measures of these kinds (empty: any)


COMPUTE = re.compile(r"FLOPS|^[PETG]$|^[PETG]FLOPS$|算力")
INCENTIVES = ("subsidy", "award", "fund", "rent_support", "tax")

BUCKETS = (
    Bucket("base_stations", "5G基站", re.compile(r"基站"), COUNTS),
    Bucket("racks", "数据中心机架", re.compile(r"机架"), COUNTS),
    Bucket("compute", "算力", re.compile(r"算力|FLOPS|智算|超算"), COMPUTE),
    Bucket("funds", "资金·奖补", None, MONEY, INCENTIVES),  # an award's amount, whatever else the clause names
    Bucket("scale", "规模·产值·收入", re.compile(r"增加值|规模|产值|营业收入|营收|收入|税收|GDP|总量|产出"),
           re.compile(MONEY.pattern + "|" + SHARE.pattern)),
    Bucket("investment", "投资", re.compile(r"投资|投入|融资"), MONEY),
    Bucket("firms", "企业", re.compile(r"企业|公司|供应商|服务商|工厂|商户|厂商|主体"), re.compile(FIRMS.pattern + "|个$")),
    Bucket("talent", "人才", re.compile(r"人才|博士|工程师|专家|团队|人员|学员|从业"), re.compile(PEOPLE.pattern + "|个$")),
    Bucket("projects", "项目", re.compile(r"项目"), COUNTS),
    Bucket("platforms", "平台·载体", re.compile(r"平台|中心|基地|园区|实验室|工厂|车间|场景"), COUNTS),
    Bucket("shares", "比重·增速", None, SHARE),
    Bucket("areas", "面积", None, AREA),
    Bucket("other_amounts", "其他金额", None, MONEY),
    Bucket("other_counts", "其他数量", None, re.compile(".")),
)


def base_unit(unit: str | None) -> str:
    """"万架" counts 架, "亿元" counts 元: the unit without its multiplier."""
    if not unit:
        return ""
    return re.sub(r"^(?:万亿|亿|千万|百万|十万|万|千)(?=.)", "", unit) if not MONEY.match(unit) else unit


def bucket_of(m: Measure) -> Bucket | None:
    """The first bucket whose words the measure's clause holds and whose unit fits."""
    if m.amount is None and m.cap is None and m.rate is None:
        return None
    unit = "%" if m.amount is None and m.cap is None else (m.unit or "")
    if not unit:
        return None
    plain = base_unit(unit)
    for b in BUCKETS:
        if b.kinds and m.kind not in b.kinds:
            continue
        if b.words is not None and not b.words.search(m.text):
            continue
        if b.unit.search(unit) or b.unit.search(plain):
            return b
    return None


def fact_of(m: Measure, sentence: str) -> IndicatorFact:
    amount = m.amount if m.amount is not None else (m.cap if m.cap is not None else m.rate)
    unit = m.unit if m.amount is not None or m.cap is not None else "%"
    return IndicatorFact(m.kind, (amount,) if amount is not None else (), unit, m.year, sentence, m.doc_id, m.doc,
                         m.start, m.end)


def merge(facts: Sequence[IndicatorFact]) -> list[IndicatorFact]:
    """Near-identical sentences become one figure listing each amount once (first seen first);
    ``sources`` counts the distinct sentences merged."""
    out: list[IndicatorFact] = []
    seen: list[set[tuple[str, str]]] = []
    for f in facts:
        for i, kept in enumerate(out):
            if kept.unit == f.unit and similar(kept.text, f.text, 0.8):
                seen[i].add((f.doc_id, f.text))
                amounts = tuple(dict.fromkeys((*kept.amounts, *f.amounts)))
                out[i] = IndicatorFact(kept.kind, amounts, kept.unit, kept.year or f.year, kept.text, kept.doc_id,
                                       kept.doc, kept.start, kept.end, len(seen[i]))
                break
        else:
            out.append(f)
            seen.append({(f.doc_id, f.text)})
    return out


def indicator_rows(regions: Sequence[str], measures: Mapping[str, Sequence[Measure]],
                   sentence: Callable[[Measure], str]) -> tuple[IndicatorRow, ...]:
    """Indicator × region: every figure of every column in its bucket, near-duplicates merged.

    Targets come before achievements in a cell, then later years, then larger amounts.
    """
    table: dict[str, dict[str, list[IndicatorFact]]] = {}
    for region in regions:
        for m in measures.get(region, ()):
            b = bucket_of(m)
            if b is not None:
                table.setdefault(b.key, {}).setdefault(region, []).append(fact_of(m, sentence(m)))
    rows = []
    for b in BUCKETS:
        if b.key not in table:
            continue
        cells = []
        for region in regions:
            facts = merge(table[b.key].get(region, []))
            facts.sort(key=lambda f: (f.kind != "target", -(f.year or 0), -max(f.amounts or (0.0,))))
            cells.append(tuple(facts))
        rows.append(IndicatorRow(b.key, b.label, tuple(cells)))
    return tuple(rows)

"""What each number of one grant segment or sentence is: an amount, a rate, a cap, or not a measure.

Split from :mod:`kb.extract.measures`, which walks the sentences. In a grant segment (对…的，给予…)
a number followed by ``的`` before the grant verb is part of the condition; one after
最高/不超过/限额 is a cap, and so is one listed right after a cap (分别不超过500万元和1000万元);
a percent is a rate; one before 承担 is a cost share (kind ``fund``); the rest are amounts granted.
Outside grants a number is a fund, a tax figure, the money that qualifies a count (10亿元以上项目18个),
or a target/achievement told apart by :func:`kb.extract.classify.target_or_achievement`.

Several caps and several amounts or rates under 分别 go together in order: 分别按1%、0.8%给予奖励，
最高1000万元、500万元 is two measures, 1% capped at 1000万元 and 0.8% at 500万元.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from kb.extract.classify import target_or_achievement
from kb.extract.numbers import Quantity, is_money, is_percent

_CAP = re.compile(r"(最高|不超过|不高于|最多|上限|限额为?|封顶|累计不超过)[^，,。；0-9]{0,8}$")
_CAP_LIST = re.compile(r"\s*[和、及与或]\s*")  # 分别不超过500万元和1000万元: the cap list goes on
_SHARE = re.compile(r"承担|分担|配套比例")
_SHARE_AFTER = 8  # 按各自50%的比例共同分担: the share word may follow the percent by a few characters
_FUND = re.compile(r"(专项资金|引导资金|财政资金|基金|资金)(?:共计|总额|规模|总计|达到|达|约|超过|超)?[^，,。；、0-9]{0,4}$")
_FUND_AFTER = re.compile(r"[^，,。；、0-9]{0,24}?(基金|专项资金)")
KINDS = (
    ("rent_support", re.compile(r"租金|房租|租赁补贴|免租|租金减免")),
    ("tax", re.compile(r"个人所得税|个税|税收优惠|税收返还|减税|免税|税收减免|地方贡献|经济贡献|财政贡献|地方留成|加计扣除|减按|免征"
                       r"|减半征收")),
    ("award", re.compile(r"奖励|奖金|一次性奖|奖(?=[，,。；;.]|$)")),
    ("subsidy", re.compile(r"补助|补贴|奖补|资助|扶持|贴息|补偿")),
)
_TAX = KINDS[1][1]
_AFTER_COUNT = re.compile(r"[^，,。；、和及与]{0,6}?(企业|项目|公司)")
COUNT_UNITS = frozenset("家个项")
_MONEY_OF = re.compile(r"(?:及?以上|以下)?的[^，,。；;、0-9]{1,20}")  # 营收超百亿元的龙头企业10家
_MONEY_QUALIFIES = re.compile(r"[^，,。；、0-9]{0,6}?(项目|企业|公司)$")
_LIST = re.compile(r"[、和及与]")
_ENUM_BEFORE = re.compile(r"(?:[\u4e00-\u9fff]{2,}、)+[\u4e00-\u9fff]{2,}\s*$")
_ENUM_UNITS = frozenset("个项类种大")

Prim = tuple[Quantity, str, "float | None"]  # quantity, kind, rate


@dataclass
class Roles:
    """The numbers of one segment sorted by role."""

    prims: list[Prim] = field(default_factory=list)
    caps: list[Quantity] = field(default_factory=list)
    cap_text: dict[int, str] = field(default_factory=dict)  # cap start -> 最高不超过200万元 as written
    qualifies: dict[int, str] = field(default_factory=dict)  # count start -> the money phrase before it


def grant_kind(seg: str, rel: int) -> str:
    """The incentive kind whose keyword sits nearest the number (``rel`` into ``seg``)."""
    if KINDS[0][1].search(seg):
        return "rent_support"  # 租金补贴: the specific kind wins over the generic 补贴
    best, dist = "subsidy", 10**9
    for kind, pat in KINDS:
        for m in pat.finditer(seg):
            d = m.start() - rel if m.start() >= rel else (rel - m.end()) + 2
            if d < dist:
                best, dist = kind, d
    return best


def grant_roles(body: str, seg: tuple[int, int], qs: list[Quantity], clauses: list[tuple[int, int]],
                grant_at: int | None) -> Roles:
    """Roles in a grant segment: caps, condition numbers (dropped), rates, amounts, cost shares."""
    roles = Roles()
    seg_text = body[seg[0] : seg[1]]
    for q in qs:
        clause = _find(clauses, q.start)
        before = body[clause[0] : q.start]
        if _share(body, q, before, seg[1]):
            roles.prims.append((q, "fund", q.amount if is_percent(q.unit) else None))
            continue
        cap = _CAP.search(before)
        if (cap or _continues_caps(body, roles.caps, q)) and not is_percent(q.unit):
            roles.caps.append(q)
            roles.cap_text[q.start] = body[clause[0] + cap.start() : q.end] if cap else q.text
            continue
        if cap and q.qualifier is None:
            q = replace(q, qualifier="≤")  # 按不超过投资额的15%: a rate of at most 15%
        if grant_at is not None and q.start < grant_at and "的" in body[q.end : grant_at]:
            continue  # part of the condition
        kind = grant_kind(seg_text, q.start - seg[0])
        if is_percent(q.unit) and _TAX.search(body[seg[0] : clause[1]]):
            kind = "tax"
        roles.prims.append((q, kind, q.amount if is_percent(q.unit) else None))
    return roles


def _share(body: str, q: Quantity, before: str, seg_end: int) -> bool:
    """由市区两级财政各承担50%: a cost share, not a grant."""
    after = body[q.end : min(q.end + (_SHARE_AFTER if is_percent(q.unit) else 4), seg_end)]
    return bool(_SHARE.search(after) or (is_percent(q.unit) and _SHARE.search(before)))


def _continues_caps(body: str, caps: list[Quantity], q: Quantity) -> bool:
    """The next item of a list of caps: same unit, joined by 和/、/及 to the last cap."""
    return bool(caps) and caps[-1].unit == q.unit and bool(_CAP_LIST.fullmatch(body, caps[-1].end, q.start))


def pair_caps(roles: Roles, seg_text: str, seg_start: int) -> list[tuple[Prim, Quantity | None, bool]]:
    """Each measure of a grant with its cap: ``(prim, cap, caps_only)``.

    A grant with caps only (给予最高200万元奖励) is a measure per cap under 分别, else one. Under 分别
    with as many caps as amounts or rates they pair in order; otherwise the first cap holds for all.
    """
    caps, each = roles.caps, "分别" in seg_text
    if not roles.prims:
        chosen = caps if each else caps[:1]
        return [((c, grant_kind(seg_text, c.start - seg_start), None), c, True) for c in chosen]
    if each and len(caps) > 1 and len(caps) == len(roles.prims):
        return [(p, c, False) for p, c in zip(roles.prims, caps, strict=True)]
    return [(p, caps[0] if caps else None, False) for p in roles.prims]


def plain_roles(body: str, sent: tuple[int, int], qs: list[Quantity], clauses: list[tuple[int, int]],
                default: str) -> Roles:
    """Roles outside grants: funds, tax figures, money that qualifies a count, targets and achievements."""
    roles = Roles()
    for i, q in enumerate(qs):
        clause = _find(clauses, q.start)
        before = body[clause[0] : q.start]
        if _share(body, q, before, clause[1]):
            roles.prims.append((q, "fund", q.amount if is_percent(q.unit) else None))
            continue
        if "之一" in body[q.end : min(q.end + 24, clause[1])]:
            continue  # 全省首批10个…之一: a ranking, not a quantity
        if _enumerated(body, q, clause):
            continue
        if _FUND.search(before) or _FUND_AFTER.match(body[q.end : clause[1]]):
            roles.prims.append((q, "fund", None))
            continue
        if _TAX.search(body[clause[0] : clause[1]]):
            roles.prims.append((q, "tax", q.amount if is_percent(q.unit) else None))
            continue
        if _money_of_count(body, q, qs[i + 1] if i + 1 < len(qs) else None, clause, roles):
            continue
        if _count_of_money(body, q, qs[i - 1] if i else None, clause):
            continue
        prev_ta = next((p for p in reversed(roles.prims) if p[1] in ("target", "achievement")), None)
        kind = target_or_achievement(
            body[sent[0] : q.start], body[q.end : clause[1]], default,
            body[prev_ta[0].end : q.start] if prev_ta else None, prev_ta[1] if prev_ta else None,
            body[clause[1] : sent[1]],
        )
        roles.prims.append((q, kind, None))
    return roles


def _enumerated(body: str, q: Quantity, clause: tuple[int, int]) -> bool:
    """电子信息、光伏制造2个优势产业: a small count of the names just listed, not a quantity."""
    small = q.amount < 10 and q.amount_max is None and q.unit in _ENUM_UNITS
    return small and bool(_ENUM_BEFORE.search(body, clause[0], q.start))


def _money_of_count(body: str, q: Quantity, nxt: Quantity | None, clause: tuple[int, int], roles: Roles) -> bool:
    """10亿元以上项目18个, 营收超百亿元的龙头企业10家: the money qualifies the count that follows."""
    if nxt is None or not is_money(q.unit) or nxt.unit not in COUNT_UNITS or nxt.start >= clause[1]:
        return False
    if (nxt.start - q.end <= 8 and _MONEY_QUALIFIES.search(body[q.end : nxt.start])) or _MONEY_OF.fullmatch(
            body, q.end, nxt.start):
        roles.qualifies[nxt.start] = body[q.start : nxt.start]
        return True
    return False


def _count_of_money(body: str, q: Quantity, prev: Quantity | None, clause: tuple[int, int]) -> bool:
    """培育3-5家年营业收入5亿元优质企业: the money is a qualifier of the count before it."""
    return (
        prev is not None and is_money(q.unit) and prev.unit in COUNT_UNITS
        and clause[0] <= prev.start and q.start - prev.end <= 12
        and not _LIST.search(body[prev.end : q.start]) and bool(_AFTER_COUNT.match(body, q.end))
    )


def count_qualifier(body: str, q: Quantity, qs: list[Quantity], clause: tuple[int, int]) -> str | None:
    """For 培育3-5家年营业收入5亿元优质企业: the money phrase that qualifies the count."""
    if q.unit not in COUNT_UNITS:
        return None
    for nxt in qs:
        if nxt.start >= q.end and is_money(nxt.unit) and nxt.start - q.end <= 12 and nxt.start < clause[1]:
            m = _AFTER_COUNT.match(body, nxt.end)
            if m and not _LIST.search(body[q.end : nxt.start]):
                return body[q.end : m.end()].strip() or None
    return None


def _find(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in spans:
        if s <= pos < e:
            return s, e
    return pos, pos

"""Policy measures and quantified targets/achievements in a document body.

Regex based, one pass per sentence. A sentence (split at 。！？； and line ends)
is cut into *segments* at ``，对`` so that each "对…的，给予…" grant is read on
its own. In a grant segment numbers play roles: a number followed by ``的``
before the grant verb (给予/予以/按/分别) is part of the condition; one after
最高/不超过/限额 is a cap; a percent after 按 is a rate; one before 承担 is a
cost share (kind ``fund``); the rest are the amounts granted. Outside grants
every number with a unit is a target or an achievement (or ``fund`` when the
nearest noun is 资金/基金), told apart by the nearest strong marker
(力争/计划/到2025年 vs 截至/同比/目前), then weak markers, then what the
document mostly is (see :mod:`kb.extract.classify`).

Years come from :class:`kb.extract.timescope.TimeScope` (今年/去年 from ``doc_date``,
years carried over ；/其中 and from a paragraph's opening time); a target whose year
is before the document's is a past fact. Responsibility notes and the heading/paragraph
context for themes come from :mod:`kb.extract.responsibility`.

Offsets: ``start``/``end`` span the grant segment, or the comma clause holding
the number, so ``body[start:end]`` is that text.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from kb.errors import ZhikuError
from kb.extract.classify import classify_theme, classify_tool, document_default, target_or_achievement
from kb.extract.measure_region import MeasureRegion
from kb.extract.numbers import Quantity, find_quantities, is_money, is_percent
from kb.extract.responsibility import (
    RespBlock,
    SectionContext,
    assign_responsible,
    heading_starts,
    responsibility_blocks,
)
from kb.extract.timescope import TimeScope, quantity_time

log = logging.getLogger(__name__)

__all__ = ["FoundMeasure", "RespBlock", "extract_measures", "heading_starts", "responsibility_blocks"]


@dataclass(frozen=True)
class FoundMeasure:
    kind: str
    amount: float | None
    unit: str | None
    cap: float | None
    rate: float | None
    year: int | None
    deadline: str | None
    condition: str | None
    theme: str | None
    policy_tool: str | None
    responsible: tuple[str, ...]
    start: int
    end: int
    region: str | None
    amount_max: float | None = None  # upper end of a range (3-5家 -> 3.0 .. 5.0)
    cap_unit: str | None = None  # unit of ``cap`` (a 10% rate capped at 100 万元)
    qualifier: str | None = None  # 超|以上|余|近|左右... as written around the number


_SENT_END = re.compile(r"[。！？；!?;\n]|(?<=[\u4e00-\u9fff%）)”])\.(?=[\u4e00-\u9fff〔（(“\x22])")  # scraped 元.对…: an ASCII full stop
_SEG_CUT = re.compile(r"[，,]\s*(?=对(?!接|标|外|于)|凡)")
_CLAUSE_CUT = re.compile(r"[，：:]|,(?![0-9]{3}(?![0-9]))")
_MASK = re.compile(r"《[^《》\n]{0,80}》|〔[0-9０-９]{4}〕[0-9０-９]*号?|[〔\[【(（][0-9]{4}[〕\]】)）][0-9]*号")
_GRANT_SEG = re.compile(r"给予|予以|一次性|奖补(?!资金)|(?:奖励|补助|补贴|资助)(?=[0-9一二三四五六七八九十两])|最高(?:不超过|可达)?[0-9]|按(?:照)?[^，,。；]{0,20}?[0-9.]+%")
_GRANT_VERB = re.compile(r"分别给予|给予|予以|分别|按照|按[^，,。；]{0,20}?%|奖励(?=[0-9一二三四五六七八九十])|补助(?=[0-9])|补贴(?=[0-9])")
_CAP = re.compile(r"(最高|不超过|不高于|最多|上限|限额为?|封顶|累计不超过)[^，,。；0-9]{0,8}$")
_SHARE = re.compile(r"承担|分担|配套比例")
_FUND = re.compile(r"(专项资金|引导资金|财政资金|基金|资金)(?:共计|总额|规模|总计|达到|达|约|超过|超)?[^，,。；、0-9]{0,4}$")
_KINDS = (
    ("rent_support", re.compile(r"租金|房租|租赁补贴|免租|租金减免")),
    ("tax", re.compile(r"个人所得税|个税|税收优惠|税收返还|减税|免税|税收减免|地方贡献|地方留成|加计扣除|减按|免征|减半征收")),
    ("award", re.compile(r"奖励|奖金|一次性奖|奖(?=[，,。；;.]|$)")),
    ("subsidy", re.compile(r"补助|补贴|奖补|资助|扶持|贴息|补偿")),
)
_TO_YEAR = re.compile(r"(?:力争|争取)?(?:到|至)")
_AFTER_COUNT = re.compile(r"[^，,。；、和及与]{0,6}?(企业|项目|公司)")
_COUNT_UNITS = frozenset("家个项")
# A ratio target with no unit (PUE 降至1.5以下): only with a decimal and a level verb.
_BARE_TARGET = re.compile(r"(降至|降到|降低到|降低至|提高到|提高至|提升到|提升至)([0-9]+\.[0-9]+)(以下|以上)?(?![0-9.%％万亿千百])")
_TAX = _KINDS[1][1]
_FREE_RENT = re.compile(r"(?:租金|房租)(?:全免|全额减免)|免(?:收|交)?(?:租金|房租)")  # 租金全免: a 100% rent rate
_FUND_AFTER = re.compile(r"[^，,。；、0-9]{0,24}?(基金|专项资金)")
_MONEY_OF = re.compile(r"(?:及?以上|以下)?的[^，,。；;、0-9]{1,20}")  # 营收超百亿元的龙头企业10家
_MONEY_QUALIFIES = re.compile(r"[^，,。；、0-9]{0,6}?(项目|企业|公司)$")


def _spans(text: str, cut: re.Pattern[str], start: int, end: int) -> list[tuple[int, int]]:
    """Pieces of text[start:end] between cut matches, whitespace trimmed, empties dropped."""
    out: list[tuple[int, int]] = []
    pos = start
    for m in cut.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    trimmed = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def _find(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in spans:
        if s <= pos < e:
            return s, e
    return pos, pos


def _grant_kind(seg: str, rel: int) -> str:
    """The incentive kind whose keyword sits nearest the number (``rel`` into ``seg``)."""
    if _KINDS[0][1].search(seg):
        return "rent_support"  # 租金补贴: the specific kind wins over the generic 补贴
    best, dist = "subsidy", 10**9
    for kind, pat in _KINDS:
        for m in pat.finditer(seg):
            d = m.start() - rel if m.start() >= rel else (rel - m.end()) + 2
            if d < dist:
                best, dist = kind, d
    return best


def _condition(body: str, seg: tuple[int, int], grant_at: int) -> str | None:
    """Text from the segment start through the first clause ending in a 的-phrase."""
    s, _ = seg
    pre = body[s:grant_at]
    pieces = re.split(r"(?<=[，,])", pre)
    if "的" not in pre:
        if not re.match(r"\s*(对|凡|符合|经)", pre):
            return None
        first = re.split(r"按|给予", pieces[0])[0].strip(" ，,")
        return first if len(first) > 2 else None
    ends = [i for i, piece in enumerate(pieces) if re.search(r"的[，,]?$", piece)]
    acc = pieces[: ends[-1] + 1] if ends else []
    for piece in pieces if not ends else ():
        acc.append(piece)
        if "的" in piece:
            break
    text = re.sub(r"[再均可]$", "", "".join(acc).strip(" ，,"))
    return text or None


def extract_measures(
    body: str, region_chain: tuple[str, ...], doc_date: str | None = None
) -> list[FoundMeasure]:
    """Every measure, target and achievement in ``body``, in text order.

    ``doc_date`` (ISO, as published) resolves 今年/去年/明年; without it they give no year.
    """
    if not isinstance(body, str):
        raise ZhikuError(f"extract_measures needs text, got {type(body).__name__}")
    chain = tuple(str(r) for r in (region_chain or ()))
    if not body.strip():
        return []
    masked = [(m.start(), m.end()) for m in _MASK.finditer(body)]
    blocks = responsibility_blocks(body)
    masked += [(b.start, b.end) for b in blocks]
    default = document_default(body)
    region = MeasureRegion(body, chain)
    sections = SectionContext(body)
    out: list[FoundMeasure] = []
    split_form = list(body)
    for blk in blocks:
        split_form[blk.start : blk.end] = "\n" * (blk.end - blk.start)
    split_text = "".join(split_form)
    last_cond: tuple[int, str] | None = None
    time = TimeScope(body, masked, doc_date)
    for s_start, s_end in _spans(split_text, _SENT_END, 0, len(body)):
        sent = body[s_start:s_end]
        qs = [
            Quantity(q.start + s_start, q.end + s_start, q.amount, q.unit, q.amount_max, q.qualifier, q.prefix)
            for q in find_quantities(sent)
        ]
        qs += [
            Quantity(m.start(2) + s_start, m.end() + s_start, float(m.group(2)), "", None, m.group(3) or None, None)
            for m in _BARE_TARGET.finditer(sent)
        ]
        if _GRANT_SEG.search(sent):
            qs += [Quantity(m.start() + s_start, m.end() + s_start, 100.0, "%") for m in _FREE_RENT.finditer(sent)]
        qs.sort(key=lambda q: q.start)
        qs = [q for q in qs if not _inside(q.start, masked)]
        deadlines, scope_years, carry = time.read(s_start, s_end, bool(qs))
        if not qs:
            continue
        context = sections.context(s_start)
        for seg in _spans(body, _SEG_CUT, s_start, s_end):
            seg_qs = [q for q in qs if seg[0] <= q.start < seg[1]]
            if not seg_qs:
                continue
            carried = None
            if last_cond and body[seg[0] : seg[0] + 2] == "其中" and "\n" not in body[last_cond[0] : seg[0]]:
                carried = last_cond[1]
            found = _segment(
                body, seg, (s_start, s_end), seg_qs, deadlines, scope_years, default, context, region, carried,
                carry, time.base_year,
            )
            out.extend(found)
            conds = [m.condition for m in found if m.condition and m.kind not in ("target", "achievement")]
            if conds:
                last_cond = (seg[1], conds[-1])
    return assign_responsible(body, out, blocks)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _segment(  # noqa: PLR0913 - one call site; the pieces are the sentence's shared state
    body: str,
    seg: tuple[int, int],
    sent: tuple[int, int],
    qs: list[Quantity],
    deadlines: list[tuple[int, int, str, int | None]],
    years: list[tuple[int, int | None]],
    default: str,
    context: tuple[str, str],
    region: MeasureRegion,
    carried: str | None = None,
    carry_deadline: tuple[str, int | None] | None = None,
    base_year: int | None = None,
) -> list[FoundMeasure]:
    seg_text = body[seg[0] : seg[1]]
    sent_text = body[sent[0] : sent[1]]
    clauses = _spans(body, _CLAUSE_CUT, seg[0], seg[1])
    grant = bool(_GRANT_SEG.search(seg_text))
    gm = _GRANT_VERB.search(seg_text) if grant else None
    grant_at = seg[0] + gm.start() if gm else None
    out: list[FoundMeasure] = []
    caps: list[Quantity] = []
    prims: list[tuple[Quantity, str, float | None]] = []  # quantity, kind, rate
    qualifies: dict[int, str] = {}
    for i, q in enumerate(qs):
        clause = _find(clauses, q.start)
        before = body[clause[0] : q.start]
        if _SHARE.search(body[q.end : min(q.end + 4, seg[1])]) or (is_percent(q.unit) and _SHARE.search(before)):
            prims.append((q, "fund", q.amount if is_percent(q.unit) else None))
            continue
        if grant:
            if _CAP.search(before) and not is_percent(q.unit):  # 按不超过投资额的15%: still a rate
                caps.append(q)
                continue
            if grant_at is not None and q.start < grant_at and "的" in body[q.end : grant_at]:
                continue  # part of the condition
            kind = _grant_kind(seg_text, q.start - seg[0])
            if is_percent(q.unit) and _TAX.search(body[seg[0] : clause[1]]):
                kind = "tax"
            prims.append((q, kind, q.amount if is_percent(q.unit) else None))
            continue
        if "之一" in body[q.end : min(q.end + 24, clause[1])]:
            continue  # 全省首批10个…之一: a ranking, not a quantity
        if _FUND.search(before) or _FUND_AFTER.match(body[q.end : clause[1]]):
            prims.append((q, "fund", None))
            continue
        if _TAX.search(body[clause[0] : clause[1]]):
            prims.append((q, "tax", q.amount if is_percent(q.unit) else None))
            continue
        nxt = qs[i + 1] if i + 1 < len(qs) else None
        if (
            nxt is not None and is_money(q.unit) and nxt.unit in _COUNT_UNITS and nxt.start < clause[1]
            and (
                nxt.start - q.end <= 8 and _MONEY_QUALIFIES.search(body[q.end : nxt.start])
                or _MONEY_OF.fullmatch(body, q.end, nxt.start)
            )
        ):
            qualifies[nxt.start] = body[q.start : nxt.start]
            continue  # 10亿元以上项目18个: the money qualifies the count
        prev = qs[i - 1] if i else None
        if (
            prev is not None and is_money(q.unit) and prev.unit in _COUNT_UNITS
            and clause[0] <= prev.start and q.start - prev.end <= 12
            and not re.search(r"[、和及与]", body[prev.end : q.start]) and _AFTER_COUNT.match(body, q.end)
        ):
            continue  # 培育3-5家年营业收入5亿元优质企业: a qualifier of the count
        prev_ta = next((p for p in reversed(prims) if p[1] in ("target", "achievement")), None)
        kind = target_or_achievement(
            body[sent[0] : q.start], body[q.end : clause[1]], default,
            body[prev_ta[0].end : q.start] if prev_ta else None, prev_ta[1] if prev_ta else None,
            body[clause[1] : sent[1]],
        )
        prims.append((q, kind, None))
    if not prims and caps:
        prims = [(c, _grant_kind(seg_text, c.start - seg[0]), None) for c in caps[:1]]
        caps_only = True
    else:
        caps_only = False
    cond = _condition(body, seg, grant_at) if grant and grant_at is not None else None
    cond = cond or carried
    for q, kind, rate in prims:
        clause = seg if grant and kind != "fund" else _find(clauses, q.start)
        cap_q = caps[0] if caps else None
        if caps_only:
            cap_q = q
        amount = None if (rate is not None or caps_only) else q.amount
        unit = None if rate is not None or not q.unit else q.unit
        if amount is None and cap_q is not None:
            unit = cap_q.unit
        deadline, year = quantity_time(q, clause, seg[0] if grant else sent[0], deadlines, years, body)
        if kind == "target" and carry_deadline:
            if deadline is None:
                deadline, year = carry_deadline
            elif year is None and deadline in ("年内", "年底前", "上半年", "下半年"):
                year = carry_deadline[1]  # 年内 under a paragraph that opened with 2022年
        if kind == "target" and base_year and year is not None and year < base_year and not _TO_YEAR.match(deadline or ""):
            kind = "achievement"  # 2022年…达到55.6% in a 2023 document: a past fact, not a goal
        if kind == "achievement":
            deadline = None
        c_text = body[clause[0] : clause[1]]
        this_cond = cond
        if not grant and kind in ("target", "achievement"):
            this_cond = qualifies.get(q.start) or _count_qualifier(body, q, qs, clause)
        out.append(
            FoundMeasure(
                kind=kind,
                amount=amount,
                unit=unit,
                cap=cap_q.amount if cap_q is not None else None,
                rate=rate,
                year=year,
                deadline=deadline,
                condition=this_cond,
                theme=classify_theme(c_text, sent_text, context[1], context[0]),
                policy_tool=classify_tool(kind, c_text, sent_text),
                responsible=(),
                start=clause[0],
                end=clause[1],
                region=region.at(sent[0], sent[1], q.start),
                amount_max=q.amount_max if amount is not None else None,
                cap_unit=cap_q.unit if cap_q is not None else None,
                qualifier=q.qualifier,
            )
        )
    return out


def _count_qualifier(body: str, q: Quantity, qs: list[Quantity], clause: tuple[int, int]) -> str | None:
    """For 培育3-5家年营业收入5亿元优质企业: the money phrase that qualifies the count."""
    if q.unit not in _COUNT_UNITS:
        return None
    for nxt in qs:
        if nxt.start >= q.end and is_money(nxt.unit) and nxt.start - q.end <= 12 and nxt.start < clause[1]:
            m = _AFTER_COUNT.match(body, nxt.end)
            if m and not re.search(r"[、和及与]", body[q.end : nxt.start]):
                return body[q.end : m.end()].strip() or None
    return None

"""Policy measures and quantified targets/achievements in a document body.

Regex based, one pass per sentence. A sentence (split at 。！？； and line ends)
is cut into *segments* at ``，对`` so that each "对…的，给予…" grant is read on
its own. What each number of a segment is -- a grant's amount, rate or cap, part of
its condition, a cost share, a fund, a target or an achievement -- is read by
:mod:`kb.extract.roles`; targets and achievements are told apart by the nearest
strong marker (力争/计划/到2025年 vs 截至/同比/目前), then weak markers, then what
the document mostly is (see :mod:`kb.extract.classify`).

Every number becomes its own measure: 分别给予一次性50万元、20万元的奖励 is two awards with
the same span and condition. A figure keeps both ends of a range (``amount``/``amount_max``),
its qualifier (one of :data:`kb.extract.figures.QUALIFIERS`), its cap with the cap's unit, and
the words as written (``amount_text``); :func:`kb.extract.figures.format_figure` renders it.

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
from typing import Any

from kb.errors import ZhikuError
from kb.extract.classify import classify_theme, document_default, instrument
from kb.extract.figures import qualifier_symbol
from kb.extract.measure_region import MeasureRegion
from kb.extract.numbers import Quantity, find_quantities, is_money, is_percent
from kb.extract.responsibility import (
    RespBlock,
    SectionContext,
    assign_responsible,
    heading_starts,
    responsibility_blocks,
)
from kb.extract.roles import count_qualifier, grant_roles, pair_caps, plain_roles
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
    amount_max: float | None = None  # upper end of the figure's range: amount (3-5家) or rate (8%—12%); else None
    cap_unit: str | None = None  # unit of ``cap`` (a 10% rate capped at 100 万元 -> 万元)
    qualifier: str | None = None  # one of kb.extract.figures.QUALIFIERS (超400个 -> ">"), None when exact
    amount_text: str | None = None  # the figure as written: "3-5家", "500万元以上", "最高不超过200万元"
    tool_basis: str | None = None  # the cue words that decided policy_tool ("应用场景、示范应用"), see classify


_SENT_END = re.compile(r"[。！？；!?;\n]|\.(?<=[\u4e00-\u9fff%）)”]\.)(?=[\u4e00-\u9fff〔（(“\x22])")  # scraped 元.对…: an ASCII full stop
_SEG_CUT = re.compile(r"[，,](?<!的[，,])\s*(?=对(?!接|标|外|于)|凡)")  # 对…的，对企业…给予: one condition, one grant
_CLAUSE_CUT = re.compile(r"[，：:]|,(?![0-9]{3}(?![0-9]))")
_MASK = re.compile(r"《[^《》\n]{0,80}》|〔[0-9０-９]{4}〕[0-9０-９]*号?|[〔\[【(（][0-9]{4}[〕\]】)）][0-9]*号")
_GRANT_SEG = re.compile(
    r"给予|予以|一次性|奖补(?!资金)|(?:奖励|补助|补贴|资助)(?=[0-9一二三四五六七八九十两])|最高(?:不超过|可达)?[0-9]"
    r"|按(?:照)?[^，,。；]{0,20}?[0-9.]+%|(?:奖励|补助|补贴|资助|奖补)(?:金额|额度)?(?:最高)?不超过[^，,。；]{0,24}?[0-9.]+%"
    r"|[0-9.]+%的?(?:补贴|补助|奖励|资助|奖补)"
)
_GRANT_VERB = re.compile(r"分别给予|给予|予以|分别|按照|按[^，,。；]{0,20}?%|奖励(?=[0-9一二三四五六七八九十])|补助(?=[0-9])|补贴(?=[0-9])")
_GRANT_KINDS = frozenset(("subsidy", "award", "rent_support"))
_OBJECT = re.compile(r"[对凡的]")  # a condition that names whom the grant is for
_ANAPHORA = re.compile(  # a grant sentence that opens on its verb or on 经认定: what it rewards was said before
    r"\s*(?:[0-9一二三四五六七八九十]+[.、．]\s*)?(?:经[^，,。；]{0,8}?(?:认定|评定|审核|评审|评估|核定|批准)"
    r"|对(?:上述|以上|其|此类|该类)|(?:可|均|再|并)?(?:给予|予以|按照|按))"
)
_TO_YEAR = re.compile(r"(?:力争|争取)?(?:到|至)")
# A ratio target with no unit (PUE 降至1.5以下, PUE低于1.3): only with a decimal and a level word.
_BARE_TARGET = re.compile(
    r"(降至|降到|降低到|降低至|提高到|提高至|提升到|提升至|低于|不高于|不超过|小于|控制在)"
    r"([0-9]+\.[0-9]+)(以下|以上|以内)?(?![0-9.%％万亿千百])"
)
# 租金全免, 全额贴息: a 100% rate written without a number.
_FULL_RATE = re.compile(r"(?:租金|房租)(?:全免|全额减免)|免(?:收|交)?(?:租金|房租)|全额(?=贴息|补贴|补助|资助)")


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
        piece = text[s:e]
        kept = piece.lstrip()  # str.strip drops exactly the characters str.isspace() accepts
        s += len(piece) - len(kept)
        e = s + len(kept.rstrip())
        if e > s:
            trimmed.append((s, e))
    return trimmed


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
    split_text = _blanked(body, blocks)
    last_cond: tuple[int, str] | None = None
    time = TimeScope(body, masked, doc_date)
    for s_start, s_end in _spans(split_text, _SENT_END, 0, len(body)):
        sent = body[s_start:s_end]
        qs = _quantities(sent, s_start)
        qs = [q for q in qs if not _inside(q.start, masked)]
        deadlines, scope_years, carry = time.read(s_start, s_end, bool(qs))
        if not qs:
            continue
        context = sections.context(s_start)
        sent_default = "achievement" if sections.part(s_start) == "review" else default
        for seg in _spans(body, _SEG_CUT, s_start, s_end):
            seg_qs = [q for q in qs if seg[0] <= q.start < seg[1]]
            if not seg_qs:
                continue
            carried = None
            if last_cond and body[seg[0] : seg[0] + 2] == "其中" and "\n" not in body[last_cond[0] : seg[0]]:
                carried = last_cond[1]
            found = _segment(
                body, seg, (s_start, s_end), seg_qs, deadlines, scope_years, sent_default, context, region, carried,
                carry, time.base_year,
            )
            out.extend(found)
            conds = [m.condition for m in found if m.condition and m.kind not in ("target", "achievement")]
            if conds:
                last_cond = (seg[1], conds[-1])
    return assign_responsible(body, out, blocks)


def _blanked(body: str, blocks: list[RespBlock]) -> str:
    """``body`` with each responsibility block made line breaks (sentences end there), same length."""
    if not blocks:
        return body
    parts, pos = [], 0
    for blk in sorted(blocks, key=lambda b: b.start):
        start = max(blk.start, pos)
        parts += [body[pos:start], "\n" * max(0, blk.end - start)]
        pos = max(pos, blk.end)
    parts.append(body[pos:])
    return "".join(parts)


def _quantities(sent: str, offset: int) -> list[Quantity]:
    """The sentence's quantities in body offsets: numbers with units, bare ratio targets, 100% rates in words."""
    qs = [Quantity(q.start + offset, q.end + offset, q.amount, q.unit, q.amount_max, q.qualifier, q.prefix, q.text)
          for q in find_quantities(sent)]
    starts = {q.start for q in qs}
    for m in _BARE_TARGET.finditer(sent) if "." in sent else ():  # its number has a decimal point
        if m.start(2) + offset not in starts:  # 提高到1.5倍 is already a quantity
            symbol = qualifier_symbol((m.group(1), m.group(3)))
            written = m.group(0) if qualifier_symbol((m.group(1),)) else m.group(0)[len(m.group(1)) :]  # 低于1.3, 1.5以下
            qs.append(Quantity(m.start(2) + offset, m.end() + offset, float(m.group(2)), "", None, symbol,
                               m.group(1), written))
    if ("租" in sent or "全额" in sent) and _GRANT_SEG.search(sent):  # every _FULL_RATE holds one of them
        qs += [Quantity(m.start() + offset, m.end() + offset, 100.0, "%", text=m.group(0))
               for m in _FULL_RATE.finditer(sent)]
    qs.sort(key=lambda q: q.start)
    return qs


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
    """The measures of one segment: each number's role (:mod:`kb.extract.roles`), then its time and labels."""
    seg_text = body[seg[0] : seg[1]]
    clauses = _spans(body, _CLAUSE_CUT, seg[0], seg[1])
    grant = bool(_GRANT_SEG.search(seg_text))
    gm = _GRANT_VERB.search(seg_text) if grant else None
    grant_at = seg[0] + gm.start() if gm else None
    if grant:  # money and rates are granted; a count in a grant sentence is a target or a fact
        money = [q for q in qs if is_money(q.unit) or is_percent(q.unit)]
        roles = grant_roles(body, seg, money, clauses, grant_at)
        pairs = pair_caps(roles, seg_text, seg[0])
        counts = [q for q in qs if q not in money and not _in_condition(body, q, grant_at)]
        if counts:
            plain = plain_roles(body, sent, counts, clauses, default)
            roles.qualifies.update(plain.qualifies)
            pairs = sorted(pairs + [(p, None, False) for p in plain.prims], key=lambda pair: pair[0][0].start)
    else:
        roles = plain_roles(body, sent, qs, clauses, default)
        pairs = [(p, None, False) for p in roles.prims]
    cond = _condition(body, seg, grant_at) if grant and grant_at is not None else None
    cond = cond or carried
    out: list[FoundMeasure] = []
    for (q, kind, rate), cap_q, caps_only in pairs:
        granted = grant and kind not in ("fund", "target", "achievement")
        clause = seg if granted else _find(clauses, q.start)
        deadline, year = quantity_time(q, clause, seg[0] if granted else sent[0], deadlines, years, body)
        if kind == "target" and carry_deadline:
            if deadline is None:
                deadline, year = carry_deadline
            elif year is None and deadline in ("年内", "年底前", "上半年", "下半年"):
                year = carry_deadline[1]  # 年内 under a paragraph that opened with 2022年
        if kind == "target" and base_year and year is not None and year < base_year and not _TO_YEAR.match(deadline or ""):
            kind = "achievement"  # 2022年…达到55.6% in a 2023 document: a past fact, not a goal
        if kind == "achievement":
            deadline = None
        this_cond = cond
        if kind in ("target", "achievement"):
            this_cond = roles.qualifies.get(q.start) or count_qualifier(body, q, qs, clause)
        found = _figure(q, rate, cap_q, caps_only, roles.cap_text)
        out.append(_labelled(found, kind, body, clause, sent, context, q, region, year, deadline, this_cond))
    return out


def _in_condition(body: str, q: Quantity, grant_at: int | None) -> bool:
    """对带动10家以上企业的…，给予…: a number before the grant verb and followed by 的 is part of the condition."""
    return grant_at is not None and q.start < grant_at and "的" in body[q.end : grant_at]


def _figure(q: Quantity, rate: float | None, cap_q: Quantity | None, caps_only: bool, cap_text: dict[int, str]
            ) -> dict[str, Any]:
    """The figure fields of a measure: amount or rate or cap, range, qualifier, units, the words as written."""
    amount = None if (rate is not None or caps_only) else q.amount
    unit = None if rate is not None or not q.unit else q.unit
    if amount is None and cap_q is not None:
        unit = cap_q.unit  # the stored cap has no unit of its own yet: it reads in ``unit``
    return {
        "amount": amount, "unit": unit, "cap": cap_q.amount if cap_q is not None else None, "rate": rate,
        "amount_max": q.amount_max if amount is not None or rate is not None else None,  # 3-5家, 8%—12%
        "cap_unit": cap_q.unit if cap_q is not None else None,
        "qualifier": None if caps_only else q.qualifier,
        "amount_text": cap_text.get(q.start, q.text) if caps_only else q.text or None,
    }


def _labelled(  # noqa: PLR0913 - the measure's parts, gathered in one place
    figure: dict[str, Any], kind: str, body: str, clause: tuple[int, int], sent: tuple[int, int],
    context: tuple[str, str], q: Quantity, region: MeasureRegion, year: int | None, deadline: str | None,
    condition: str | None,
) -> FoundMeasure:
    """The measure: its figure with its kind, span, time, condition, region, theme and policy instrument."""
    c_text, sent_text = body[clause[0] : clause[1]], body[sent[0] : sent[1]]
    lead = ""
    if kind in _GRANT_KINDS:  # 经认定，给予…: a grant that names no object has it in the text before
        if condition and _OBJECT.search(condition):
            lead = condition
        elif _ANAPHORA.match(body, clause[0]):
            lead = context[1]
    tool, basis = instrument(kind, c_text, sent_text, lead)
    return FoundMeasure(
        kind=kind, year=year, deadline=deadline, condition=condition,
        theme=classify_theme(c_text, sent_text, context[1], context[0]),
        policy_tool=tool, tool_basis=basis, responsible=(),
        start=clause[0], end=clause[1], region=region.at(sent[0], sent[1], q.start), **figure,
    )


def _find(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in spans:
        if s <= pos < e:
            return s, e
    return pos, pos

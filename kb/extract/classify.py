"""What a measure is about (theme), its policy instrument, and whether a number is a goal or a fact.

The lexicon is ``kb/resources/measure_lexicon.json`` (general domain words with weights).

Policy instruments follow Rothwell & Zegveld (1981) as Chinese policy-text studies code them.
These are the coding rules the gold files follow (and the code below); the unit coded is one
measure that is a policy action -- a grant, a fund, a tax measure or a target:

* **supply** -- the government provides inputs: talent (training, introduction, living
  allowances), money for firms, projects and R&D (资金投入: subsidies, awards, special funds),
  infrastructure (基站, 光网, 数据中心, 算力), public platforms and services (服务平台, 政务服务,
  公共数据), technical support, laboratories and innovation centres.
* **environment** -- it shapes the conditions: finance (贷款贴息, 融资担保, 基金, 上市奖励), tax
  (税收优惠, 个税奖励, 地方贡献), regulation and standards (PUE, 能效), planning and aggregate goals
  (增加值, 比重, 产值, 营收, numbers of firms to cultivate or attract), IPR, land, assessment and
  co-funding rules (考核, 各承担50%).
* **demand** -- it creates or pulls demand: procurement and purchase or use subsidies (政府采购,
  首购首用, 购买云服务, 数字券), demonstration and application (示范应用, 应用示范, 试点示范, 示范项目,
  应用场景, 应用案例, 上云), first-version/first-set promotion (首版次, 首台套), outsourcing, trade
  and export, market opening (以市场换项目).

Money is coded by what it pays for: a finance or tax form makes it environment, and so does paying
for IPR, certification or standards (发明专利, 认证, 国家标准; not IPR the product already owns);
paying for building a platform or infrastructure makes it supply even under a 示范 title
(建设工业互联网平台的示范项目); paying for a demonstration, an application, a purchase or a voucher
(算力券, 服务券) makes it demand; otherwise it is supply. A 示范 title on a park, base, enterprise or
factory (示范园区, 示范工厂) is a title, not a demand cue. Selection criteria (综合考虑…推广应用成效等
因素) are not what is paid for. The sentence patterns are in :mod:`kb.extract.instrument_rules`. A target is
coded by what it counts: infrastructure, platforms, talent and technology are supply; applications,
pilots and purchases are demand; anything else is a goal (environment); a clause that only
continues the one before (…，总数达到8万个) counts what that clause counts. Achievements and other
reported outcomes (已入驻17家企业, 建成基站3.1万个) are results, not instruments: no instrument.

:func:`instrument` returns the code with the cue words that decided it (``tool_basis``), so a
reader can see why and correct it; a code that no word decided names its rule in brackets
(〔资金投入〕, 〔目标规划〕).

Target or achievement: the nearest aspect marker before a number decides (力争/计划/到2025年
vs 截至/同比/据统计), then weak markers, then the rest of the sentence, then what the
document mostly is (:func:`document_default`).
"""

from __future__ import annotations

import json
import logging
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from kb.extract.instrument_rules import (
    antecedent,
    build_object,
    clause_before,
    counts_firms,
    paid_rules,
    platform_use,
    provider,
    vouchers,
    without_criteria,
)
from kb.models import MEASURE_KINDS, POLICY_TOOLS, THEMES

log = logging.getLogger(__name__)

LEXICON_PATH = Path(__file__).resolve().parent.parent / "resources" / "measure_lexicon.json"


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The parsed lexicon, checked against the THEMES and POLICY_TOOLS tuples."""
    data = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    unknown = (set(data["themes"]) - set(THEMES)) | (set(data["tools"]) - set(POLICY_TOOLS))
    if unknown:
        raise ValueError(f"{LEXICON_PATH.name}: unknown theme/tool keys {sorted(unknown)}")
    return data


@lru_cache(maxsize=4)
def _matcher(kind_table: str) -> tuple[re.Pattern[str], dict[str, list[tuple[str, float]]]]:
    """One regex over every keyword of a table (longest first) and keyword -> [(label, weight)]."""
    index: dict[str, list[tuple[str, float]]] = {}
    for label, table in lexicon()[kind_table].items():
        for word, weight in table.items():
            index.setdefault(word, []).append((label, float(weight)))
    words = sorted(index, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words)), index


@lru_cache(maxsize=8192)
def _text_scores(kind_table: str, text: str) -> dict[str, float]:
    pattern, index = _matcher(kind_table)
    out: dict[str, float] = {}
    for m in pattern.finditer(text):
        for label, weight in index[m.group(0)]:
            out[label] = out.get(label, 0.0) + weight
    return out


def scores(kind_table: str, clause: str, sentence: str = "", context: str = "", heading: str = "") -> dict[str, float]:
    """Weighted keyword scores per label: clause 3x, sentence 1x, heading 0.5x, context 0.25x.

    Keywords match longest first without overlap, so 数据中心 does not also count as 数据.
    """
    out = dict.fromkeys(lexicon()[kind_table], 0.0)
    for text, factor in ((clause, 3.0), (sentence, 1.0), (heading, 0.5), (context, 0.25)):
        if text:
            for label, value in _text_scores(kind_table, text).items():
                out[label] += factor * value
    return out


def _best(sc: dict[str, float], order: tuple[str, ...]) -> tuple[str | None, float]:
    best, top = None, 0.0
    for label in order:
        if sc.get(label, 0.0) > top:
            best, top = label, sc[label]
    return best, top


def classify_theme(clause: str, sentence: str = "", context: str = "", heading: str = "") -> str | None:
    """One of THEMES, or ``None`` when no theme word appears anywhere.

    ``heading`` is the item/section title: a strong topic signal, but weaker than the sentence.
    """
    best, _ = _best(scores("themes", clause, sentence, context, heading), THEMES)
    return best


MONEY_KINDS = frozenset(("subsidy", "award", "rent_support", "fund"))


@lru_cache(maxsize=8192)
def _cue_words(text: str) -> dict[str, tuple[str, ...]]:
    """Instrument cue words in ``text`` per tool, longest match first, in text order, without repeats."""
    pattern, index = _matcher("tools")
    out: dict[str, list[str]] = {}
    for m in pattern.finditer(text):
        for label, weight in index[m.group(0)]:
            if weight > 0 and m.group(0) not in out.setdefault(label, []):
                out[label].append(m.group(0))
    return {label: tuple(words) for label, words in out.items()}


def _basis(words: tuple[str, ...] | list[str]) -> str | None:
    return "、".join(words[:4]) or None


def instrument(kind: str, clause: str, sentence: str = "", lead: str = "") -> tuple[str | None, str | None]:
    """(policy tool, cue words that decided it) for a measure of ``kind`` (rules in the module docstring).

    ``clause`` is the measure's own text (a grant's whole segment); ``lead`` is the text before a
    grant that names no object of its own (经认定，给予…): its object is said there.
    """
    if kind == "achievement" or kind not in MEASURE_KINDS:
        return None, None
    if kind == "tax":
        return "environment", _basis(_cue_words(clause).get("environment", ())) or "〔税收优惠〕"
    if kind in MONEY_KINDS:
        return _money_instrument(kind, clause, lead, sentence)
    return _goal_instrument(clause, sentence)


def _money_instrument(kind: str, clause: str, lead: str, sentence: str = "") -> tuple[str, str]:
    """Money by what it pays for: finance, IPR and standards, then building or a provider, then demand, else supply."""
    lex = lexicon()
    finance = lex["fund_tool"] if kind == "fund" else dict.fromkeys(lex["kind_finance"], "environment")
    found = [w for w in finance if w in clause]
    if found:
        return "environment", "、".join(found)
    rules = paid_rules(clause, lex["kind_rules"])
    if rules and kind != "fund":
        return "environment", "、".join(rules[:4])
    for text in (clause, lead, antecedent(clause, sentence)):
        text = without_criteria(text)
        built = build_object(text) or provider(text)
        if built:
            return "supply", built
        demand = _demand_cues(text)
        if demand:
            return "demand", "、".join(demand[:4])
    money = [w for w in _cue_words(clause).get("supply", ()) if w in _MONEY_WORDS]
    return "supply", _basis(money) or "〔资金投入〕"


def _demand_cues(text: str) -> list[str]:
    """Strong demand words in ``text`` (weight 2 and more) and vouchers, in text order."""
    words = [w for w in _cue_words(text).get("demand", ()) if _weight(w, "demand") >= 2]
    used = platform_use(text)
    return list(dict.fromkeys(vouchers(text) + (used.split("、") if used else []) + words))


_MONEY_WORDS = frozenset(("专项资金", "资金支持", "补助", "补贴", "奖补", "奖励", "资助", "财政资金", "经费"))
_MIN_GOAL_TOOL = 4.5  # a cue word in the clause itself, more than a generic verb (建成, 建设)


def _weight(word: str, label: str) -> float:
    return float(lexicon()["tools"][label].get(word, 0.0))


def _goal_instrument(clause: str, sentence: str) -> tuple[str, str]:
    """A target by what it counts -- the clause's own words -- else a goal (environment).

    The rest of the sentence often lists other targets (建成5G基站…，打造应用案例…), so it never decides;
    only a clause that continues the one before (…，总数达到8万个) reads that clause.
    """
    own_text = without_criteria(clause)
    tool, basis = _counted(own_text)
    if tool is None:
        before = clause_before(clause, sentence)
        tool, basis = _counted(before) if before else (None, None)
    if tool:
        return tool, basis or f"〔{'需求拉动' if tool == 'demand' else '公共供给'}〕"
    return "environment", _basis(_cue_words(own_text).get("environment", ())) or "〔目标规划〕"


def _counted(text: str) -> tuple[str | None, str | None]:
    """Supply or demand by what ``text`` counts, with its cue words; ``(None, None)`` when neither decides."""
    own = scores("tools", text)
    used = platform_use(text)
    if vouchers(text) or used:
        own["demand"] += 9.0
    if counts_firms(text):
        own["supply"] = 0.0  # 引进3家软件平台、基础设施企业: firms are counted, whatever their field
    best, top = _best({k: own[k] for k in ("supply", "demand")}, ("demand", "supply"))
    if best is None or top < _MIN_GOAL_TOOL or top <= own["environment"]:
        return None, None
    words = vouchers(text) + (used.split("、") if used else []) if best == "demand" else []
    return best, _basis(list(dict.fromkeys(words + list(_cue_words(text).get(best, ())))))


def classify_tool(kind: str, clause: str, sentence: str = "", lead: str = "") -> str | None:
    """One of POLICY_TOOLS for a measure of ``kind``, or ``None`` for a result (see :func:`instrument`)."""
    return instrument(kind, clause, sentence, lead)[0]


# Target or achievement: the nearest aspect marker before the number decides.
# Lookbehinds stand after their word (目标(?<!完成目标)): when every branch opens on a character,
# re skips straight to the candidates (document_default reads whole bodies: 3x faster).
_T_STRONG = re.compile(
    r"力争|争取(?=到|在|于|实现|达|20|用|建成|新增|引进|培育|创建|突破)|计划(?=[再还将要]?(?:[到在于至0-9一二三四五六七八九十今明年]|新增|实现|投资|完成|建成|引进|培育))"
    r"|预计|目标(?<!完成目标)(?<!完成年度目标)(?<!完成全年目标)|(?:到|至)(?<![截止][到至])\s*20[0-9]{2}|确保|拟(?<![虚模、]拟)"
    r"|年底前|年内"
)
_T_WEAK = re.compile(r"将(?=达|实现|超|突破|建成|新建|建设|打造|形成|新增|引进|培育|不低于|不少于)|不低于|不少于|每年")
_A_STRONG = re.compile(r"据统计|统计显示|数据显示|截至|截止|同比|先后|相继|以来|至今|去年|上年|现已|目前|当年|已经")
_A_WEAK = re.compile(r"已|了|获评|共计|成功|拥有(?<![力争将要]拥有)|(?:现有|完成(?!年度|全年))(?<![力争将要计划确保]现有)(?<![力争将要计划确保]完成)(?=[^，,；;。]*$)|共(?=有|下达|争取|签订|引进|培育|建成|完成|实施|吸引|认定|举办|接待)")


_DONE_TOTAL = re.compile(r"(?:已|已经)累计")  # 已累计建成: a running total already reached


def document_default(body: str) -> str:
    """What an unmarked number is in this document: ``target`` (a plan) or ``achievement`` (a report)."""
    t = len(_T_STRONG.findall(body))
    a = len(_A_STRONG.findall(body)) + len(_A_WEAK.findall(body)) // 2
    return "target" if t >= a else "achievement"


def target_or_achievement(prefix: str, clause_after: str, default: str, since_prev: str | None = None,
                           prev_kind: str | None = None, sent_after: str = "") -> str:
    """Nearest marker wins; a number listed right after another (no marker between) shares its kind.

    累计 (cumulative) is said of both plans and reports: it leaves the call to the document.
    """
    if since_prev is not None:
        if "累计" in since_prev and not _DONE_TOTAL.search(since_prev):
            return default
        if not any(p.search(since_prev) for p in (_T_STRONG, _A_STRONG, _T_WEAK, _A_WEAK)) and prev_kind:
            return prev_kind
        prefix = since_prev
    elif "累计" in re.split(r"[，,：:]", prefix)[-1] and not _DONE_TOTAL.search(prefix):
        return default
    for strong in (True, False):
        tp, ap = (_T_STRONG, _A_STRONG) if strong else (_T_WEAK, _A_WEAK)
        t = [m.end() for m in tp.finditer(prefix)]
        a = [m.end() for m in ap.finditer(prefix)]
        if t or a:
            return "target" if max(t, default=-1) >= max(a, default=-1) else "achievement"
    if _T_STRONG.search(clause_after):
        return "target"
    if _A_STRONG.search(clause_after):
        return "achievement"
    later_t, later_a = bool(_T_STRONG.search(sent_after)), bool(_A_STRONG.search(sent_after))
    if later_t != later_a:  # 营收达到X亿元，同比增长Y%: the rest of the sentence tells
        return "target" if later_t else "achievement"
    return default

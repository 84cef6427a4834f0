"""What a measure is about (theme), its policy instrument, and whether a number is a goal or a fact.

The lexicon is ``kb/resources/measure_lexicon.json`` (general domain words
with weights). Policy instruments follow Rothwell & Zegveld (1981) as Chinese
policy-text studies code them:

* **supply** -- government provides resources: talent training, money
  (财政补贴/奖励/专项资金 are coded 资金投入, i.e. supply; but money tied to
  finance -- 贷款贴息, 上市奖励 -- is 金融支持, environment), technology,
  infrastructure, public services. Rent support (租金支持) is a fiscal subsidy
  in kind, so it is supply too.
* **environment** -- government shapes the conditions: tax relief (税收优惠,
  加计扣除, 个税奖励), finance (基金引导, 信贷, 融资, 上市), regulation and
  standards, goal setting (目标规划: every target unless it clearly sets up
  demand), strategic measures (领导小组, 考核, 机制, cost-sharing rules).
* **demand** -- government pulls the market: procurement, outsourcing,
  pilots and demonstrations (应用示范/试点), market access (以市场换项目,
  信创替代), trade and overseas measures.

Money instruments stay supply even when they reward a pilot: the coding unit
is the instrument, not what it rewards. Achievements are facts, not
instruments: they get the instrument their content names (e.g. 专项资金 ->
supply), or ``None`` when no instrument word scores.

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

from kb.models import POLICY_TOOLS, THEMES

log = logging.getLogger(__name__)

LEXICON_PATH = Path(__file__).resolve().parent.parent / "resources" / "measure_lexicon.json"
_MIN_ACHIEVEMENT_TOOL = 1.5
_MIN_DEMAND_OVERRIDE = 3.0


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


def classify_tool(kind: str, clause: str, sentence: str = "") -> str | None:
    """One of POLICY_TOOLS for a measure of ``kind`` (see the module docstring)."""
    lex = lexicon()
    sc = scores("tools", clause, sentence)
    if kind == "fund":
        for word, tool in lex["fund_tool"].items():
            if word in clause:
                return str(tool)
        return "supply"
    if kind == "target":
        if sc["demand"] >= 3 * _MIN_DEMAND_OVERRIDE and sc["demand"] > sc["environment"]:
            return "demand"
        return "environment"
    if kind in ("subsidy", "award") and any(w in clause for w in lex["kind_finance"]):
        return "environment"  # 贷款贴息, 上市奖励: finance support (金融支持)
    if kind in lex["kind_tool"]:
        return str(lex["kind_tool"][kind])
    best, top = _best(scores("tools", clause), POLICY_TOOLS)  # a fact: its own words only
    return best if top >= 3 * _MIN_ACHIEVEMENT_TOOL else None


# Target or achievement: the nearest aspect marker before the number decides.
_T_STRONG = re.compile(
    r"力争|争取(?=到|在|于|实现|达|20|用|建成|新增|引进|培育|创建|突破)|计划(?=[再还将要]?(?:[到在于至0-9一二三四五六七八九十今明年]|新增|实现|投资|完成|建成|引进|培育))"
    r"|预计|目标|(?<![截止])(?:到|至)\s*20[0-9]{2}|确保|(?<![虚模])拟|年底前|年内"
)
_T_WEAK = re.compile(r"将(?=达|实现|超|突破|建成|形成|新增|引进|培育|不低于|不少于)|不低于|不少于|每年")
_A_STRONG = re.compile(r"据统计|统计显示|数据显示|截至|截止|同比|先后|相继|以来|去年|上年|现已|目前|当年|已经")
_A_WEAK = re.compile(r"已|了|获评|共计|成功|共(?=有|下达|争取|签订|引进|培育|建成|完成|实施|吸引|认定|举办|接待)")


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
        if "累计" in since_prev:
            return default
        if not any(p.search(since_prev) for p in (_T_STRONG, _A_STRONG, _T_WEAK, _A_WEAK)) and prev_kind:
            return prev_kind
        prefix = since_prev
    elif "累计" in re.split(r"[，,：:]", prefix)[-1]:
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

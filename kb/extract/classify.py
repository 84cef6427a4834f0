"""Theme and policy instrument of a measure, from a scored keyword lexicon.

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


def scores(kind_table: str, clause: str, sentence: str = "", context: str = "") -> dict[str, float]:
    """Weighted keyword scores per label: the clause counts 3x, the sentence 1x, context 0.25x.

    Keywords match longest first without overlap, so 数据中心 does not also count as 数据.
    """
    out = dict.fromkeys(lexicon()[kind_table], 0.0)
    for text, factor in ((clause, 3.0), (sentence, 1.0), (context, 0.25)):
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


def classify_theme(clause: str, sentence: str = "", context: str = "") -> str | None:
    """One of THEMES, or ``None`` when no theme word appears anywhere."""
    best, _ = _best(scores("themes", clause, sentence, context), THEMES)
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

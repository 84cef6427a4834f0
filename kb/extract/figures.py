"""How a measure's figure reads for people, and the closed set of qualifiers a figure may carry.

Policy text hedges its numbers (超400个, 500万元以上, 50家左右, 不低于100公里, 降至1.3以下). Extraction
keeps the number, says how it relates to the true value with one of five symbols
(:data:`QUALIFIERS`), and keeps the words as written in ``amount_text``. The word table below is
the whole mapping; a word not in it (达, 达到: "reaches") gives no qualifier.

* ``≥`` at least -- 不低于, 不少于, 以上, 及以上, 至少, 不小于 (以上 includes the number, as in Chinese
  legal usage: 3家以上 means three or more);
* ``>`` more than -- 超, 超过, 逾, 突破, 余, 多, 高于, 大于, 多于 (500余人: more than 500);
* ``≈`` about -- 约, 近, 左右, 上下, 大约, 将近, 接近;
* ``≤`` at most -- 不超过, 不高于, 不多于, 以内, 以下, 及以下, 最多, 不大于 (and a rate after a cap word:
  按不超过投资额的15% is "≤ 15%");
* ``<`` less than -- 低于, 不足, 少于, 小于, 未满.

:func:`format_figure` is pure and has no Qt: the CLI, the app and the exports share it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

QUALIFIERS = ("≥", ">", "≈", "≤", "<")

QUALIFIER_WORDS: dict[str, str] = {
    **dict.fromkeys(("不低于", "不少于", "以上", "及以上", "至少", "不小于"), "≥"),
    **dict.fromkeys(("超", "超过", "逾", "突破", "余", "多", "高于", "大于", "多于"), ">"),
    **dict.fromkeys(("约", "近", "左右", "上下", "大约", "将近", "接近"), "≈"),
    **dict.fromkeys(("不超过", "不高于", "不多于", "以内", "以下", "及以下", "最多", "不大于"), "≤"),
    **dict.fromkeys(("低于", "不足", "少于", "小于", "未满"), "<"),
}

_NO_SPACE_UNITS = frozenset(("%", "％", "‰"))


def qualifier_symbol(words: Iterable[str | None]) -> str | None:
    """The symbol of the first word that has one (``["达到", "左右"]`` -> ``"≈"``), else ``None``."""
    for word in words:
        if word and word in QUALIFIER_WORDS:
            return QUALIFIER_WORDS[word]
    return None


def format_number(value: float) -> str:
    """``15.0`` -> ``"15"``, ``2.50`` -> ``"2.5"``, ``0.125`` -> ``"0.125"``: integers as written."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def _with_unit(text: str, unit: str | None) -> str:
    if not unit:
        return text
    return f"{text}{unit}" if unit in _NO_SPACE_UNITS else f"{text} {unit}"


def format_figure(
    amount: float | None,
    amount_max: float | None = None,
    unit: str | None = None,
    qualifier: str | None = None,
    cap: float | None = None,
    cap_unit: str | None = None,
    rate: float | None = None,
) -> str:
    """One line for a measure's figure: ``3–5 家``, ``≥ 500 万元``, ``10%，最高 100 万元``, ``最高 200 万元``.

    ``unit`` belongs to ``amount``; the cap uses ``cap_unit`` (else ``unit``); ``rate`` is a
    percentage; ``amount_max`` ends the range of the amount, or of the rate when there is no
    amount (``8–12%``). Empty string when the measure holds no figure at all, never ``-万元``.
    """
    parts: list[str] = []
    if amount is not None:
        number = format_number(amount)
        if amount_max is not None and amount_max > amount:
            number = f"{number}–{format_number(amount_max)}"
        text = _with_unit(number, unit)
        parts.append(f"{qualifier} {text}" if qualifier else text)
    if rate is not None:
        text = f"{format_number(rate)}%"
        if amount is None and amount_max is not None and amount_max > rate:  # a rate range: 8–12%
            text = f"{format_number(rate)}–{format_number(amount_max)}%"
        parts.append(f"{qualifier} {text}" if qualifier and amount is None else text)
    if cap is not None:
        parts.append("最高 " + _with_unit(format_number(cap), cap_unit or unit))
    return "，".join(parts)


def figure_of(measure: Any) -> str:
    """:func:`format_figure` over any object with the measure fields (missing ones count as ``None``)."""
    fields = ("amount", "amount_max", "unit", "qualifier", "cap", "cap_unit", "rate")
    return format_figure(*(getattr(measure, name, None) for name in fields))

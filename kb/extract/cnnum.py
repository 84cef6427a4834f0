"""Short Chinese numerals read without cn2an (一, 两, 十二, 三十五, 五百, 两千).

Importing cn2an costs 0.14 s in every import worker, and policy text mostly holds these plain
forms; :func:`kb.extract.numbers.parse_amount` asks cn2an only for the rest.
"""

from __future__ import annotations

_CN_DIGIT_VALUE = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNIT_VALUE = {"十": 10, "百": 100, "千": 1000, "万": 10000}


def simple_cn_value(s: str) -> int | None:
    """The value of a short plain numeral (一, 两, 十二, 三十五, 五百, 两千), or None: ask cn2an.

    Only up to four characters, units in falling order, a last digit only after 十 (三百五 is
    speaking style: cn2an's call); ``tests/extract/test_cnnum.py`` checks every string this
    accepts against cn2an.
    """
    if not s or len(s) > 4:
        return None
    total, digit, last_unit = 0, None, 0
    for ch in s:
        if ch in _CN_DIGIT_VALUE:
            if digit is not None:
                return None
            digit = _CN_DIGIT_VALUE[ch]
            continue
        unit = _CN_UNIT_VALUE.get(ch)
        if unit is None or (last_unit and unit >= last_unit):
            return None
        if digit is None:
            if total or unit != 10:
                return None
            digit = 1  # 十二
        if digit == 0:
            return None
        total += digit * unit
        digit, last_unit = None, unit
    if digit is not None:
        if last_unit not in (0, 10) or (last_unit and not digit):
            return None  # 三百五, 八十零
        total += digit
    return total

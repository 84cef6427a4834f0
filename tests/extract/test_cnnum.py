"""The cn2an-free fast path for short Chinese numerals agrees with cn2an on every form it accepts."""

from __future__ import annotations

import itertools

import cn2an

from kb.extract.cnnum import simple_cn_value
from kb.extract.numbers import parse_amount

ALPHABET = "零〇一二两三四五六七八九十百千万亿"


def test_every_accepted_short_numeral_matches_cn2an() -> None:
    accepted = 0
    for n in range(1, 5):
        for chars in itertools.product(ALPHABET, repeat=n):
            s = "".join(chars)
            value = simple_cn_value(s)
            if value is None:
                continue
            accepted += 1
            try:
                ref = float(cn2an.cn2an(s, "smart"))
            except Exception:
                ref = None
            assert ref == value, s
    assert accepted > 500  # the common forms really take the fast path


def test_common_forms_and_the_ones_left_to_cn2an() -> None:
    assert [simple_cn_value(s) for s in ("一", "两", "十", "十二", "三十五", "五百", "两千", "一万")] == [
        1, 2, 10, 12, 35, 500, 2000, 10000]
    for s in ("三百五", "八十零", "一二", "二百零五", "一亿", "十一万三千", ""):
        assert simple_cn_value(s) is None, s
    assert parse_amount("二百零五") == 205.0  # still read, by cn2an
    assert parse_amount("百") == 100.0

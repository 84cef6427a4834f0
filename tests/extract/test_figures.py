"""The figure of a measure as people read it, and the closed set of qualifiers."""

from __future__ import annotations

import pytest

from kb.extract.figures import QUALIFIER_WORDS, QUALIFIERS, figure_of, format_figure, format_number, qualifier_symbol


def test_every_qualifier_word_maps_into_the_closed_set():
    assert set(QUALIFIER_WORDS.values()) == set(QUALIFIERS)
    assert qualifier_symbol(["达到", "左右"]) == "≈"
    assert qualifier_symbol(["超", "以上"]) == ">"
    assert qualifier_symbol([None, "达", ""]) is None


@pytest.mark.parametrize(("value", "text"), [(15.0, "15"), (2.5, "2.5"), (0.125, "0.125"), (1.2e4, "12000"), (3.10, "3.1")])
def test_numbers_print_as_written(value, text):
    assert format_number(value) == text


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        ((3.0, 5.0, "家", None, None, None, None), "3–5 家"),
        ((500.0, None, "万元", "≥", None, None, None), "≥ 500 万元"),
        ((None, None, "万元", None, 200.0, "万元", None), "最高 200 万元"),
        ((None, None, "万元", None, 100.0, "万元", 10.0), "10%，最高 100 万元"),
        ((50.0, None, "万元", None, 200.0, None, None), "50 万元，最高 200 万元"),
        ((None, None, None, None, None, None, 90.0), "90%"),
        ((26.2, None, "%", ">", None, None, None), "> 26.2%"),
        ((1.3, None, None, "≤", None, None, None), "≤ 1.3"),
        ((None, None, "万元", None, None, None, None), ""),
    ],
)
def test_format_figure(args, shown):
    assert format_figure(*args) == shown


def test_figure_of_reads_any_object_with_measure_fields():
    class Old:  # a stored measure from before the new columns: no amount_max, no qualifier, no cap_unit
        amount, unit, cap, rate = 15.0, "家", None, None

    assert figure_of(Old()) == "15 家"

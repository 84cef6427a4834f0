from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kb.errors import QueryError
from kb.search.query import And, Filter, Not, Or, Term, parse, positive_terms


def test_words_are_anded_and_cjk_term_stays_whole() -> None:
    assert parse("工业互联网 招商") == And((Term("工业互联网"), Term("招商")))
    assert parse("工业互联网") == Term("工业互联网")


def test_or_not_minus_parentheses() -> None:
    assert parse("a OR b | c") == Or((Term("a"), Term("b"), Term("c")))
    assert parse("人才 -北斗") == And((Term("人才"), Not(Term("北斗"))))
    assert parse("人才 NOT 北斗") == And((Term("人才"), Not(Term("北斗"))))
    assert parse("(信创 OR 数字孪生) 园区") == And((Or((Term("信创"), Term("数字孪生"))), Term("园区")))
    assert parse("（信创｜北斗）") == Or((Term("信创"), Term("北斗")))


def test_quotes_ascii_and_full_width() -> None:
    assert parse('"5G基站"') == Term("5g基站", quoted=True)
    # layout spaces inside Chinese never decide a match, quoted or not; between Latin words they stay
    assert parse("“工业 互联网”") == Term("工业互联网", quoted=True)
    assert parse('"VR AR"') == Term("vr ar", quoted=True)
    assert parse("「数字孪生」") == Term("数字孪生", quoted=True)


def test_hyphen_inside_a_word_is_text() -> None:
    assert parse("5G-A") == Term("5g-a")


def test_filters_and_aliases() -> None:
    assert parse("招商 region:宁夏") == And((Term("招商"), Filter("region", "宁夏")))
    assert parse("地区：贵州") == Filter("region", "贵州")
    assert parse("year:2020-2022") == Filter("year", "2020-2022")
    assert parse("kind:新闻") == Filter("kind", "news")
    assert parse("type:园区") == Filter("entity_type", "park")
    assert parse('doc:"a b.txt"') == Filter("doc", "a b.txt")


def test_unknown_field_is_plain_text() -> None:
    assert parse("foo:bar") == Term("foo:bar")


def test_positive_terms_skip_negated() -> None:
    assert positive_terms(parse("信创 -北斗 (人才 OR 信创)")) == ("信创", "人才")


@pytest.mark.parametrize(
    "query",
    ["", "   ", "NOT 北斗", "-北斗", '"信创', "(信创", "信创)", "()", "a OR", "OR a", "a AND",
     "year:20x", "region:", "、，", "x" * 600, "a OR -b"],
)
def test_malformed_queries_raise_query_error(query: str) -> None:
    with pytest.raises(QueryError) as err:
        parse(query)
    msg = str(err.value)
    assert " / " in msg and any("\u4e00" <= c <= "\u9fff" for c in msg)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(list('ab信创 ()（）"“”「」-－|｜:：年') + [" OR ", " NOT ", " AND ", "region:", "year:"]),
             max_size=20).map("".join)
    | st.text(max_size=60)
)
def test_parser_raises_nothing_but_query_error(query: str) -> None:
    try:
        node = parse(query)
    except QueryError:
        return
    assert node is not None

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from kb.search import highlight_spans, make_snippet
from kb.search.snippets import merge_spans


def test_spans_are_verbatim_case_and_width_insensitive() -> None:
    text = "支持IPv6与ＩＰｖ６部署，ipv6改造。"
    spans = highlight_spans(text, ["ipv6"])
    assert [text[s:e] for s, e in spans] == ["IPv6", "ＩＰｖ６", "ipv6"]


def test_overlapping_terms_merge() -> None:
    text = "建设工业互联网平台"
    assert highlight_spans(text, ["工业互联网", "互联网平台"]) == [(2, 9)]
    assert merge_spans([(5, 7), (0, 2), (1, 3), (7, 8)]) == [(0, 3), (5, 8)]


def test_short_text_is_whole_snippet() -> None:
    text = "新建5G基站。"
    snip, spans = make_snippet(text, highlight_spans(text, ["5g基站"]))
    assert snip == text and [snip[s:e] for s, e in spans] == ["5G基站"]


def test_long_text_window_centres_on_first_hit_with_ellipses() -> None:
    text = "前言" * 100 + "。本段推进数字孪生城市建设，" + "后记" * 100
    snip, spans = make_snippet(text, highlight_spans(text, ["数字孪生"]), width=40)
    assert snip.startswith("…") and snip.endswith("…")
    assert [snip[s:e] for s, e in spans] == ["数字孪生"]
    assert len(snip) <= 40 + 20 + 2
    assert "本段推进" in snip and snip.index("本段") == 1  # snapped to the sentence start


def test_snippet_without_spans_is_the_start() -> None:
    snip, spans = make_snippet("甲" * 200, [], width=50)
    assert snip == "甲" * 50 + "…" and spans == []


def test_newlines_become_spaces_keeping_offsets() -> None:
    text = "第一行\n信创产业"
    snip, spans = make_snippet(text, highlight_spans(text, ["信创"]))
    assert "\n" not in snip and [snip[s:e] for s, e in spans] == ["信创"]


@given(
    st.text(alphabet="数字经济信创。，ab\n ", min_size=0, max_size=300),
    st.sampled_from(["数字", "信创", "经济", "a", "。"]),
    st.integers(min_value=10, max_value=120),
)
def test_snippet_spans_always_index_the_term(text: str, term: str, width: int) -> None:
    snip, spans = make_snippet(text, highlight_spans(text, [term]), width=width)
    for s, e in spans:
        assert 0 <= s < e <= len(snip)
        # a highlight may cover layout spaces inside Chinese ("数 字" for 数字): compare without them
        frag = re.sub(r"\s", "", snip[s:e])
        assert frag and (term.startswith(frag) or term.endswith(frag) or term in frag)

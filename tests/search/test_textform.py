"""Layout spaces inside Chinese never decide a match, on either side."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kb.search import highlight_spans
from kb.search.textform import squeeze, squeeze_map, unsqueeze_span

from .conftest import build_index, doc_passages

PDF = "2023年 12 月 15 日经第 29 次部务会议通过，对新认定的企业给予 500 万元奖励。"
HTML = "2023年12月15日经第29次部务会议通过，对新认定的企业给予500万元奖励。"


def test_spaces_touching_chinese_go_and_others_stay() -> None:
    assert squeeze(PDF) == HTML
    assert squeeze("VR AR 与 5G 基站") == "VR AR与5G基站"
    assert squeeze("2023 12") == "2023 12"
    assert squeeze("数字\n经济") == "数字经济"


@given(st.text(alphabet="数字 经\n济ab 12。", max_size=40))
def test_the_map_points_back_at_every_kept_character(text: str) -> None:
    form, keep = squeeze_map(text)
    assert form == squeeze(text)
    for i, ch in enumerate(form):
        s, e = unsqueeze_span(keep, i, i + 1)
        assert text[s:e] == ch


@pytest.mark.parametrize("query", ["500万元奖励", "500 万元奖励", '"500 万元奖励"', '"2023年12月15日经第29次部务会议通过"',
                                   "2023年 12 月 15 日经第 29 次部务会议通过"])
def test_a_query_with_or_without_spaces_finds_both_spellings(tmp_path: Path, query: str) -> None:
    ix = build_index(tmp_path / "ix", [doc_passages("pdf", [PDF], chain=("甘肃省",)),
                                       doc_passages("html", [HTML], chain=("甘肃省",), first_id=10)])
    assert {h.doc_id for h in ix.search(query).hits} == {"pdf", "html"}
    ix.close()


def test_highlights_cover_the_spaced_text() -> None:
    spans = highlight_spans(PDF, ["500万元奖励"])
    assert [PDF[s:e] for s, e in spans] == ["500 万元奖励"]

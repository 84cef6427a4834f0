"""The issue's acceptance queries on the starter corpus: the right passages, highlighted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kb.ingest import normalise

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"


def verbatim_passages(kb, needle: str) -> set[int]:
    """Ground truth: every passage whose text contains the needle (normalised), by scanning."""
    found = set()
    for doc in kb.documents():
        for p in kb.document_text(doc.id).passages:
            if normalise(needle) in normalise(p.text):
                found.add(p.id)
    return found


@pytest.mark.parametrize("term", ["信创", "5G基站", "工业互联网", "物联网", "智能制造", "数字孪生", "人才", "北斗",
                                  "IPv6", "产业园", "大数据", "招商引资", "数", "VR"])
def test_every_verbatim_occurrence_is_found(corpus_kb, term: str) -> None:
    truth = verbatim_passages(corpus_kb, term)
    assert truth, f"test term {term} must occur in the corpus"
    result = corpus_kb.search(f'"{term}"', limit=1000)
    assert {h.passage_id for h in result.hits} == truth
    unquoted = corpus_kb.search(term, limit=1000)
    assert {h.passage_id for h in unquoted.hits} == truth


def test_xinchuang_hits_are_highlighted(corpus_kb) -> None:
    result = corpus_kb.search("信创")
    assert result.total >= 5
    for hit in result.hits:
        assert any(hit.snippet[s:e] == "信创" for s, e in hit.snippet_highlights)


def test_phrase_5g_base_station(corpus_kb) -> None:
    result = corpus_kb.search("5G基站")
    assert result.hits and all("5G基站" in h.text for h in result.hits)
    assert result.hits[0].doc.startswith("001_")


def test_talent_not_beidou(corpus_kb) -> None:
    result = corpus_kb.search("人才 -北斗", limit=100)
    assert result.hits
    assert all("人才" in h.text and "北斗" not in h.text for h in result.hits)
    assert len(result.hits) == len(verbatim_passages(corpus_kb, "人才") - verbatim_passages(corpus_kb, "北斗"))


def test_investment_in_ningxia_only(corpus_kb) -> None:
    result = corpus_kb.search("招商 region:宁夏", limit=100)
    assert result.hits and {h.doc for h in result.hits} == {"003_8ff921cb0068af41.txt"}
    assert all("招商" in h.text for h in result.hits)


def test_region_filter_covers_everything_beneath(corpus_kb) -> None:
    docs = {h.doc for h in corpus_kb.search("数字经济 region:赣州", limit=200).hits}
    assert docs == {"000_64eff531ad5bde56.txt", "001_a1aa1a657336f1c4.txt"}
    jiangxi = {h.doc for h in corpus_kb.search("数字经济 region:江西", limit=200).hits}
    assert jiangxi == {"000_64eff531ad5bde56.txt", "001_a1aa1a657336f1c4.txt", "004_38373085937308a7.txt"}


def test_or_and_facets(corpus_kb) -> None:
    both = corpus_kb.search("北斗 OR 信创", limit=500)
    assert both.total == len(verbatim_passages(corpus_kb, "北斗") | verbatim_passages(corpus_kb, "信创"))
    region_counts = dict(both.facets["region"])
    assert sum(dict(both.facets["doc"]).values()) == both.total
    assert region_counts


def test_traditional_query_finds_simplified_text(corpus_kb) -> None:
    assert corpus_kb.search("數字經濟").total == corpus_kb.search("数字经济").total > 0


def test_boilerplate_is_not_searchable(corpus_kb) -> None:
    for junk in ("扫一扫在手机打开当前页", "苏ICP备", "免责声明", "热门资讯", "当前位置"):
        assert corpus_kb.search(f'"{junk}"').total == 0, junk


def test_every_hit_offset_points_into_the_body(corpus_kb) -> None:
    for hit in corpus_kb.search("数字经济", limit=50).hits:
        body = corpus_kb.document_text(hit.doc).body
        assert body[hit.start : hit.end] == hit.text
        for s, e in hit.highlights:
            assert re.sub(r"\s", "", body[s:e]) == "数字经济"

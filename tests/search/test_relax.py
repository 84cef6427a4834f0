"""Relaxation shown honestly: exact first, then thesaurus expansions, then words; each hit marked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kb.search import SearchIndex, Thesaurus, build_result
from kb.search.present import passage_ids

from .conftest import build_index, doc_passages

YN = ("云南省", "昆明市")
HN = ("湖南省", "长沙市")
HB = ("河北省", "石家庄市")


@pytest.fixture(scope="module")
def thesaurus() -> Thesaurus:
    return Thesaurus.load()


@pytest.fixture
def library(tmp_path: Path) -> Iterator[SearchIndex]:
    docs = [
        doc_passages("yn", ["对入驻园区的软件企业给予租金补贴，连续补贴三年。",
                            "对新认定的企业技术中心给予一次性奖励。"], chain=YN, first_id=1),
        doc_passages("hn", ["对数字经济企业给予补助资金支持，最高不超过200万元。",
                            "设立市级专项资金，重点支持算力基础设施建设。"], chain=HN, first_id=10),
        doc_passages("hb", ["统筹安排资金，对符合条件的项目按投资额给予补贴。",
                            "加快建设智能计算中心，提升计算能力。"], chain=HB, first_id=20, year=2022),
    ]
    index = build_index(tmp_path / "ix", docs)
    yield index
    index.close()


def _kinds(result) -> dict[int, str]:  # type: ignore[no-untyped-def]
    return {h.passage_id: h.match for h in result.hits}


def test_a_concept_with_no_verbatim_hit_finds_its_synonyms_marked(library: SearchIndex, thesaurus: Thesaurus) -> None:
    res = library.search("房租补贴", thesaurus=thesaurus)
    assert res.relaxed == "synonym" and res.relaxed_from == ("房租补贴",)
    assert _kinds(res) == {1: "synonym"}
    assert "租金补贴" in res.variant_terms
    assert library.search("房租补贴", thesaurus=thesaurus, relax="off").total == 0


def test_the_header_says_what_was_not_found(library: SearchIndex, thesaurus: Thesaurus) -> None:
    raw = library.search("房租补贴", thesaurus=thesaurus)
    rows = {pid: {"id": pid, "doc_id": "yn", "start": 0, "end": 24, "section": "", "name": "yn.txt", "title": "",
                  "region": "昆明市", "text": "对入驻园区的软件企业给予租金补贴，连续补贴三年。"} for pid in passage_ids(raw)}
    result = build_result("房租补贴", raw, rows)
    assert result.notice == "未找到“房租补贴”原文，以下为同义词结果"
    hit = result.hits[0]
    assert hit.match == "synonym" and hit.matched_terms == ("租金补贴",)
    assert hit.snippet[hit.snippet_highlights[0][0] : hit.snippet_highlights[0][1]] == "租金补贴"


def test_words_in_the_same_passage_come_last(library: SearchIndex, thesaurus: Thesaurus) -> None:
    res = library.search("资金补贴", thesaurus=thesaurus, limit=10)
    kinds = _kinds(res)
    assert kinds[10] == "synonym"  # 补助资金
    assert kinds[20] == "related"  # 补贴 alone: the broader term
    res = library.search("软件企业补贴", thesaurus=thesaurus, limit=10)
    assert _kinds(res) == {1: "words"} and res.relaxed == "words"  # 软件企业 … 补贴 in one passage
    order = [h.match for h in library.search("资金补贴", thesaurus=thesaurus, limit=10).hits]
    assert order == sorted(order, key=["exact", "synonym", "related", "words", "document"].index)


def test_quoted_phrases_are_never_relaxed(library: SearchIndex, thesaurus: Thesaurus) -> None:
    res = library.search('"房租补贴"', thesaurus=thesaurus)
    assert res.total == 0 and res.hits == [] and res.relaxed == ""


def test_filters_and_not_still_apply(library: SearchIndex, thesaurus: Thesaurus) -> None:
    assert {h.doc_id for h in library.search("资金补贴 region:河北", thesaurus=thesaurus).hits} == {"hb"}
    assert library.search("资金补贴 year:2023", thesaurus=thesaurus).hits[0].doc_id == "hn"
    res = library.search("资金补贴 -投资额", thesaurus=thesaurus, limit=10)
    assert res.hits and 20 not in {h.passage_id for h in res.hits}


def test_exact_hits_stay_the_result_and_expansions_follow_as_more(library: SearchIndex, thesaurus: Thesaurus) -> None:
    res = library.search("智能计算中心", thesaurus=thesaurus, limit=10)
    assert [h.passage_id for h in res.hits] == [21] and res.total == 1 and res.relaxed == ""
    assert res.more == [] and res.more_total == 0
    res = library.search("算力", thesaurus=thesaurus, limit=10)
    assert {h.passage_id for h in res.hits} == {11} and all(h.match == "exact" for h in res.hits)
    assert {h.passage_id: h.match for h in res.more} == {21: "synonym"}  # 计算能力
    full_page = library.search("算力", thesaurus=thesaurus, limit=1)
    assert full_page.more == []  # the exact hits fill the page: nothing is appended


def test_terms_of_a_multi_term_query_meet_in_the_same_document(library: SearchIndex, thesaurus: Thesaurus) -> None:
    res = library.search("专项资金 一次性奖励", thesaurus=thesaurus)
    assert res.total == 0 and res.relaxed == ""  # in different documents: nothing
    res = library.search("专项资金 算力基础设施 湖南", thesaurus=thesaurus)
    assert res.hits and {h.doc_id for h in res.hits} == {"hn"}
    assert {h.match for h in res.hits} <= {"words", "document"}

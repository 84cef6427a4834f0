"""Facet counts from per-passage ids (``engine.count_facets``) against a plain count passage by passage,
over several segments, deletions, a shared document name and a library without matches; and the
thesaurus' ORs gated by a filter find what they find ungated."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from kb.search import SearchIndex
from kb.search.engine import Evaluator, Leaf, Scores, count_facets, sorted_counts
from kb.search.query import And, Filter, Or, Term, parse
from kb.search.records import UNDATED

from .conftest import doc_passages

GZ = ("贵州省", "贵阳市", "观山湖区")
SC = ("四川省", "成都市")
HN = ("河南省", "郑州市")


def _doc(doc_id: str, paragraphs: list[str], chain: tuple[str, ...], first: int, **kw: object) -> list:
    return doc_passages(doc_id, paragraphs, chain=chain, first_id=first, **kw)  # type: ignore[arg-type]


@pytest.fixture
def library(tmp_path: Path) -> Iterator[SearchIndex]:
    ix = SearchIndex(tmp_path / "ix")
    batches = [
        [_doc("gz1", ["建设数据中心和算力调度平台。", "培育大数据企业，给予租金补贴。"], GZ, 1,
              issuer="贵阳市人民政府", doc_number="筑府发〔2023〕5号"),
         _doc("sc1", ["成都数据中心集群建设。", "支持企业上云，给予补助。"], SC, 10, year=2022, kind="news")],
        [_doc("hn1", ["郑州建设数据中心，培育数字经济企业。"], HN, 20, year=None),
         _doc("gz2", ["观山湖区数据中心园区扩容。", "人才公寓租金补贴。"], GZ[:2], 30, kind="news")],
        [_doc("sc2", ["数据中心节能改造，企业奖补。"], SC[:1], 40, issuer="四川省经济和信息化厅")],
    ]
    for docs in batches:  # one segment per commit
        for passages in docs:
            ix.add(passages)
        ix.commit(merge=False)
    ix.delete_doc("hn1")  # deletions inside a segment
    ix.commit(merge=False)
    yield ix
    ix.close()


def _reference(leaves: list[Leaf], per_leaf: list[Scores], names: list[str]) -> dict[str, list[tuple[str, int]]]:
    """Every matching passage looked up on its own: document, its facet values, its entity types."""
    counts: dict[str, Counter[str]] = {f: Counter() for f in ("region", "year", "kind", "entity_type", "issuer",
                                                                 "doc_number", "doc")}
    for leaf, scores in zip(leaves, per_leaf, strict=True):
        seg = leaf.seg
        for d in scores:
            rec = seg.doc(seg.pdoc[d])
            regions, _keys, year, kind, issuer, docno = rec.base
            counts["region"].update(regions)
            counts["year"][year or UNDATED] += 1
            counts["kind"][kind] += 1
            counts["entity_type"].update(seg.ets[seg.pet[d]][0])
            if issuer:
                counts["issuer"][issuer] += 1
            if docno:
                counts["doc_number"][docno] += 1
            counts["doc"][rec.name] += 1
    out = {f: sorted_counts(dict(c)) for f, c in counts.items()}
    assert sorted(n for n, _c in out["doc"]) == sorted({n for n, _c in out["doc"]})
    out["doc"] = sorted(out["doc"], key=lambda kv: (-kv[1], names.index(kv[0])))
    return out


@pytest.mark.parametrize("query", ["数据中心", "企业", "补贴", "租金补贴", "数据", "数据 -成都", "不存在的词"])
def test_counts_equal_a_passage_by_passage_count(library: SearchIndex, query: str) -> None:
    leaves = library._refresh()
    assert len(leaves) >= 3  # several segments, one with a deletion
    per_leaf = Evaluator(leaves).run(parse(query))
    got = count_facets(leaves, per_leaf, library._names)
    assert got == _reference(leaves, per_leaf, library._names)
    assert got == library.search(query, relax="off").facets


def test_facets_of_the_whole_library_count_every_live_passage(library: SearchIndex) -> None:
    facets = library.facets()
    assert sum(n for _v, n in facets["doc"]) == library.passage_count() == 7
    assert dict(facets["year"]) == {"2023": 5, "2022": 2}
    assert ("gz1.txt", 2) in facets["doc"] and all(name != "hn1.txt" for name, _n in facets["doc"])


def test_a_shared_document_name_is_one_row(tmp_path: Path) -> None:
    ix = SearchIndex(tmp_path / "ix")
    ix.add(_doc("a", ["数据中心一期。"], GZ, 1))
    ix.commit(merge=False)
    twin = [p.__class__(**{**p.__dict__, "doc_name": "a.txt"}) for p in _doc("b", ["数据中心二期。", "数据中心三期。"], SC, 5)]
    ix.add(twin)
    ix.commit(merge=False)
    assert ix.search("数据中心").facets["doc"] == [("a.txt", 3)]
    ix.close()


def test_an_or_under_a_filter_scores_as_it_does_unfiltered(library: SearchIndex) -> None:
    """The filter gates the OR's terms before they are confirmed and scored: same passages, same scores."""
    leaves = library._refresh()
    either = Or((Term("租金"), Term("补助"), Term("奖补")))
    gated = Evaluator(leaves).run(And((either, Filter("region", "四川"))))
    plain = Evaluator(leaves).run(either)
    region = Evaluator(leaves).run(Filter("region", "四川"))
    expected = [{d: s for d, s in p.items() if d in r} for p, r in zip(plain, region, strict=True)]
    assert gated == expected and any(gated)

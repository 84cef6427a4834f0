"""Document-level recall@10 and MRR over a small graded query set (keyword, concept, comparative)."""

from __future__ import annotations

from pathlib import Path

from kb.search import Thesaurus

from .conftest import build_index, doc_passages
from .eval_library import DOCS, QUERIES


def _ranked_docs(ix, query: str, th: Thesaurus) -> list[str]:  # type: ignore[no-untyped-def]
    res = ix.search(query, limit=10, thesaurus=th, by_document=True, per_doc=1)
    more = ix.search(query, limit=10, thesaurus=th).more
    docs: list[str] = []
    for h in [*res.hits, *more]:
        if h.doc_id not in docs:
            docs.append(h.doc_id)
    return docs[:10]


def test_recall_and_mrr_on_the_hand_written_library(tmp_path: Path) -> None:
    docs = [doc_passages(doc_id, paras, title=title, chain=chain, first_id=100 * i)
            for i, (doc_id, (title, chain, paras)) in enumerate(DOCS.items(), start=1)]
    ix = build_index(tmp_path / "ix", docs)
    th = Thesaurus.load()
    recalls, rrs = [], []
    for query, _kind, rel in QUERIES:
        ranked = _ranked_docs(ix, query, th)
        recalls.append(sum(1 for d in rel if d in ranked) / len(rel))
        rrs.append(next((1 / (i + 1) for i, d in enumerate(ranked) if d in rel), 0.0))
    ix.close()
    recall, mrr = sum(recalls) / len(recalls), sum(rrs) / len(rrs)
    missed = [q for (q, _k, _r), r in zip(QUERIES, recalls, strict=True) if r < 1]
    assert recall >= 0.9 and mrr >= 0.85, (recall, mrr, missed)


def test_without_the_thesaurus_the_concepts_are_missed(tmp_path: Path) -> None:
    docs = [doc_passages(doc_id, paras, title=title, chain=chain, first_id=100 * i)
            for i, (doc_id, (title, chain, paras)) in enumerate(DOCS.items(), start=1)]
    ix = build_index(tmp_path / "ix", docs)
    found = [bool(ix.search(q, limit=10, relax="off").hits) for q, kind, _r in QUERIES if kind == "concept"]
    ix.close()
    assert sum(found) < len(found) / 2

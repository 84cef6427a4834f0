"""Results by document: one group per document with its best passages, best document first."""

from __future__ import annotations

from pathlib import Path

from .conftest import build_index, doc_passages


def test_a_common_word_no_longer_fills_the_page_with_one_document(tmp_path: Path) -> None:
    long_plan = doc_passages("long", [f"第{i}条 推进数字经济发展。" for i in range(30)], chain=("四川省",))
    short = [doc_passages(f"d{k}", ["数字经济核心产业增加值稳步增长。"], chain=("重庆市",), first_id=100 + k)
             for k in range(4)]
    ix = build_index(tmp_path / "ix", [long_plan, *short])
    flat = ix.search("数字经济", limit=10)
    assert {h.doc_id for h in flat.hits} <= {"long", "d0", "d1", "d2", "d3"}
    grouped = ix.search("数字经济", limit=5, by_document=True, per_doc=2)
    docs = [h.doc_id for h in grouped.hits]
    assert set(docs) == {"long", "d0", "d1", "d2", "d3"} and grouped.by_document
    assert docs.count("long") == 2 and docs.count("d0") == 1
    assert docs == sorted(docs, key=docs.index)  # each document's passages are together
    totals = {h.doc_id: h.doc_total for h in grouped.hits}
    assert totals["long"] == 30 and totals["d2"] == 1
    assert grouped.total == flat.total == 34
    ix.close()

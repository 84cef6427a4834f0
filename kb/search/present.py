"""From the index's answer and the store's passage rows to the ``SearchResult`` the UI shows.

The service calls ``build_result(query, index_result, rows)`` with ``rows`` from
``store.passage_rows(ids)``: passage id -> a mapping with keys id, doc_id, start, end, section,
name, title, region, text. Hits whose row is missing (index ahead of the store during an import)
are never shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kb.models import SearchHit, SearchResult
from kb.search.records import IndexResult, RawHit
from kb.search.snippets import make_snippet, merge_spans, term_spans

MATCH_LABELS = {"exact": "原文", "synonym": "同义", "related": "相关词", "words": "同段分词", "document": "同文档"}
_LEVEL_TEXT = {"synonym": "同义词", "related": "同义/相关词", "words": "分词（各词出现在同一段落）",
               "document": "各词出现在同一文件"}


def notice(result: IndexResult) -> str:
    """The result header: what was not found as typed, and what is shown instead."""
    if result.relaxed:
        missing = "、".join(f"“{t}”" for t in result.relaxed_from) or "检索词"
        return f"未找到{missing}原文，以下为{_LEVEL_TEXT.get(result.relaxed, '相关')}结果"
    if result.total == 0 and result.terms:
        return f"未找到{'、'.join(f'“{t}”' for t in result.terms)}，也没有同义或相关结果"
    return ""


def build_hit(raw: RawHit, row: Mapping[str, Any], terms: tuple[str, ...]) -> SearchHit:
    text = row["text"]
    found = term_spans(text, terms)
    spans = merge_spans([s for v in found.values() for s in v])
    snippet, snippet_spans = make_snippet(text, spans)
    start = row["start"]
    return SearchHit(
        passage_id=raw.passage_id, doc_id=row["doc_id"], doc=row["name"], title=row["title"],
        region=row["region"], section=row["section"], score=raw.score, start=start, end=row["end"],
        text=text, snippet=snippet, snippet_highlights=tuple(snippet_spans),
        highlights=tuple((start + s, start + e) for s, e in spans),
        match=raw.match, matched_terms=tuple(t for t in terms if t in found), doc_total=raw.doc_total,
    )


def passage_ids(result: IndexResult) -> list[int]:
    """The passages whose rows ``build_result`` needs: the hits, then the ``more`` hits."""
    return [h.passage_id for h in (*result.hits, *result.more)]


def build_result(query: str, result: IndexResult, rows: Mapping[int, Mapping[str, Any]]) -> SearchResult:
    """The ``SearchResult`` for ``query``: hits in the index's order, relaxation and suggestions carried over.

    Exact hits highlight the query's terms; relaxed and ``more`` hits also the expansions they matched.
    """
    every = (*result.terms, *result.variant_terms)

    def hits_of(raws: list[RawHit]) -> tuple[SearchHit, ...]:
        return tuple(build_hit(r, rows[r.passage_id], result.terms if r.match == "exact" else every)
                     for r in raws if r.passage_id in rows)

    facets = {k: tuple(vals) for k, vals in result.facets.items()}
    return SearchResult(
        query, hits_of(result.hits), result.total, facets, every,
        relaxed=result.relaxed, relaxed_from=result.relaxed_from, notice=notice(result),
        expansions=dict(result.expansions), suggestions=result.suggestions, by_document=result.by_document,
        more_hits=hits_of(result.more), more_total=result.more_total,
    )

"""Term matches kept across queries: the same answers as without them, dropped when the index changes."""

from __future__ import annotations

from pathlib import Path

from kb.search import IndexedPassage, SearchIndex
from kb.search.engine import Evaluator
from kb.search.query import parse
from kb.search.termcache import TermCache

from .conftest import make_passages

QUERIES = ["人才", "物联网", "智能制造 region:浙江", "人才 region:宁夏", "人才 物联网", "物联网 -VR", "招商引资",
           "智能制造 OR 北斗", "元宇宙 region:贵州", "5G", "人才"]


def _answer(ix: SearchIndex, q: str) -> tuple:
    r = ix.search(q, limit=5)
    return [(h.passage_id, h.score, h.match) for h in r.hits], r.total, r.facets, r.suggestions, r.relaxed


def test_kept_matches_give_the_answers_of_a_fresh_evaluation(ix: SearchIndex) -> None:
    leaves = ix._refresh()
    cache = TermCache()
    for q in QUERIES:
        fresh = Evaluator(leaves).run(parse(q))
        kept = Evaluator(leaves, cache).run(parse(q))
        assert kept == fresh, q
    assert len(cache)  # the plain terms were kept
    answers = [_answer(ix, q) for q in QUERIES]
    assert [_answer(ix, q) for q in QUERIES] == answers  # second time from the cache
    assert answers[0] == answers[-1]


def test_a_commit_drops_kept_matches(ix: SearchIndex) -> None:
    n = ix.search("人才").total
    assert n
    ix.add([IndexedPassage(99, "new", "人才公寓建设", "new.txt", "", "", (), None, "news", ())])
    ix.commit()
    assert ix.search("人才").total == n + 1
    ix.delete_doc("new")
    ix.commit()
    assert ix.search("人才").total == n


def test_the_cache_keeps_at_most_its_limit() -> None:
    cache = TermCache(limit=5)
    cache.use(1)
    cache.put("a", 0, [1, 2, 3], [1, 1, 1])
    cache.put("b", 0, [4, 5], [1, 1])
    assert cache.get("a", 0) is not None
    cache.put("c", 0, [6, 7], [2, 2])  # over the limit: the least recently used ("b") goes
    assert cache.get("b", 0) is None and cache.get("a", 0) is not None and cache.get("c", 0) is not None
    cache.put("huge", 0, list(range(10)), [1] * 10)  # more than the limit alone: not kept
    assert cache.get("huge", 0) is None
    cache.use(2)
    assert len(cache) == 0


def test_readonly_view_sees_new_generations(tmp_path: Path) -> None:
    w = SearchIndex(tmp_path / "ix")
    w.add(make_passages())
    w.commit()
    ro = SearchIndex(tmp_path / "ix", readonly=True)
    n = ro.search("人才").total
    w.add([IndexedPassage(99, "new", "人才公寓建设", "new.txt", "", "", (), None, "news", ())])
    w.commit()
    assert ro.search("人才").total == n + 1
    ro.close()
    w.close()

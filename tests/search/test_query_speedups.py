"""The query engine's shortcuts give what the plain computation gives: confirming a term by its
word postings, the top passages by a float sort, entity-type facets by byte counts and scores
read from per-segment tables."""

from __future__ import annotations

import heapq
import random
from operator import itemgetter
from pathlib import Path
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from kb.search.analyzer import add_words
from kb.search.engine import Evaluator, Leaf, _per_type, facet_tables, rank_names, ratio_tables, term_matches
from kb.search.forms import passage_form
from kb.search.query import Term
from kb.search.searcher import _best, _Ranker
from kb.search.segdata import Batch, SegData, doc_rec, find_key, word_key, write_segment

TEXTS = ["数字经济发展迅速，数字经济核心产业增加值增长", "数字化转型带动经济增长", "推进数字经济与实体经济融合",
         "数字经济", "本市数字经济产业园入驻企业", "无关的一段文字", "字经济字经", "发展数字，经济向好", "数字经济学"]


def _segment(tmp_path: Path, texts: list[str]) -> SegData:
    add_words(["数字经济"])  # a lexicon word, as the library teaches it
    batch = Batch()
    rec = doc_rec("d", "d.txt", "d.txt", (), (), "", "other")
    for i, t in enumerate(texts):
        form = passage_form(t, "")
        batch.add(i, form.text, rec, ((), ()), form.noise, form.words)
    path = tmp_path / "MAIN_speed.zks"
    write_segment(path, batch, [])
    return SegData(path)


def test_word_postings_confirm_without_changing_the_matches(tmp_path: Path) -> None:
    seg = _segment(tmp_path, TEXTS)
    leaf = Leaf(seg, 0, None)
    a, b = find_key(seg, word_key("数字经济"))
    tokens = set(seg.post[a:b])
    assert tokens  # the word is a jieba token of some passages
    plain = term_matches(leaf, "数字经济")
    assert plain[0] == [0, 2, 3, 4, 8]
    assert 8 not in tokens  # 数字/经济学: holds the term, not as a word, so it is looked at
    assert term_matches(leaf, "数字经济", (), tokens) == plain


def test_the_evaluator_reads_word_postings_only_for_a_one_word_term(tmp_path: Path) -> None:
    seg = _segment(tmp_path, TEXTS)
    ev = Evaluator([Leaf(seg, 0, None)])
    assert ev.words("数字经济") == ("数字经济",)
    assert set(ev.run(Term("数字经济"))[0]) == {0, 2, 3, 4, 8}
    assert set(ev.run(Term("字经济"))[0]) == {0, 2, 3, 4, 6, 8}


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.integers(0, 500), st.sampled_from([0.0, 0.5, 1.0, 1.5, 2.0, 3.25]), max_size=80),
       st.integers(0, 90))
def test_best_is_nlargest_as_a_set(scores: dict[int, float], limit: int) -> None:
    expected = heapq.nlargest(limit, scores.items(), key=itemgetter(1))
    assert sorted(_best(scores, limit)) == sorted(expected)


def test_entity_type_counts_by_bytes_equal_a_counter(tmp_path: Path) -> None:
    batch = Batch()
    rec = doc_rec("d", "d.txt", "d.txt", (), (), "", "other")
    rnd = random.Random(3)
    kinds = [(), ("park",), ("enterprise",), ("park", "enterprise"), ("platform",)]
    for i in range(60):
        batch.add(i, f"园区企业平台{i}", rec, (rnd.choice(kinds), ()))
    write_segment(tmp_path / "MAIN_t.zks", batch, [])
    leaf = Leaf(SegData(tmp_path / "MAIN_t.zks"), 0, None)
    rank_names([leaf])
    facet_tables([leaf])
    ids = leaf.facet_ids
    assert ids is not None
    scores = {d: 1.0 for d in range(0, 60, 3)}
    counted: dict[int, int] = {}
    for d in scores:
        counted[ids.types[d]] = counted.get(ids.types[d], 0) + 1
    assert _per_type(ids, scores, len(ids.view.type_sets)) == counted


def test_score_tables_hold_the_bm25_ratio(tmp_path: Path) -> None:
    seg = _segment(tmp_path, TEXTS)
    tfs = [1, 2, 3, 12]
    tables = ratio_tables(seg, tfs)
    for tf in tfs:
        for d in range(seg.n):
            assert tables[tf][d] == tf / (tf + seg.norms[d])
    assert tables[4] is None  # no match has that count


class _Fixed(_Ranker):
    """A ranker whose levels and noise are given: what ``_first`` must order."""

    def __init__(self, levels: dict[int, int], noisy: set[int]) -> None:
        super().__init__([SimpleNamespace(offset=0)], [], {})  # type: ignore[list-item]
        self.levels_of, self.noisy, self.asked = levels, noisy, 0

    def level(self, i: int, d: int) -> int:
        return self.levels_of[d]

    def noise(self, i: int, d: int) -> bool:
        self.asked += 1
        return d in self.noisy


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([0.5, 1.0, 2.0, 3.0]), st.integers(0, 2), st.booleans()),
                max_size=40), st.integers(1, 12))
def test_first_orders_as_the_full_key_but_asks_less(rows: list[tuple[float, int, bool]], limit: int) -> None:
    ranker = _Fixed({d: lv for d, (_s, lv, _n) in enumerate(rows)}, {d for d, r in enumerate(rows) if r[2]})
    cands = [(s, 0, d) for d, (s, _lv, _n) in enumerate(rows)]
    expected = sorted(cands, key=lambda c: ranker.key(*c))[:limit]
    ranker.asked = 0
    assert ranker._first(cands, limit) == expected
    assert ranker.asked <= len(cands)


def test_first_stops_asking_once_the_page_is_full() -> None:
    ranker = _Fixed(dict.fromkeys(range(40), 0), {0, 1})  # the two best are noise
    cands = [(100.0 - d, 0, d) for d in range(40)]
    assert [d for _s, _i, d in ranker._first(cands, 5)] == [2, 3, 4, 5, 6]
    assert ranker.asked == 7


def test_a_selective_filter_looks_its_passages_up_with_the_same_result(tmp_path: Path) -> None:
    batch = Batch()
    rnd = random.Random(7)
    for i in range(400):  # 100 documents of 4 passages; the term is in most of them
        rec = doc_rec(f"d{i // 4}", f"d{i // 4}.txt", f"d{i // 4}.txt", (), (), "", "other")
        text = "".join(rnd.choice(["园区", "数据", "园区园区", "企业", "，"]) for _ in range(6))
        batch.add(i, text, rec, ((), ()))
    write_segment(tmp_path / "MAIN_f.zks", batch, [])
    seg = SegData(tmp_path / "MAIN_f.zks")
    leaf = Leaf(seg, 0, frozenset({9, 10}))
    docs = {3, 40, 41}
    gate = (seg.pdoc, docs)
    every = term_matches(leaf, "园区")
    expected = [(d, t) for d, t in zip(*every, strict=True) if seg.pdoc[d] in docs]
    looked = term_matches(leaf, "园区", [gate])
    assert list(zip(*looked, strict=True)) == expected
    assert leaf.narrowed  # the filter's passages were looked up, not the postings read
    assert term_matches(leaf, "园区数", [gate])[0] == [d for d in term_matches(leaf, "园区数")[0] if seg.pdoc[d] in docs]

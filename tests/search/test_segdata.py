"""Sidecar segments: exact matching, merges with deletions, big batches, damaged files."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kb.search import IndexedPassage, SearchIndex, segdata
from kb.search.analyzer import normalise
from kb.search.engine import Leaf, term_matches
from kb.search.segdata import Batch, SegData, doc_rec, write_segment

from .conftest import make_passages

WORDS = ["数字经济", "算力", "园区", "招商引资", "数据中心", "人工智能", "物联网", "补贴", "企业", "平台",
         "5G", "工业互联网", "新型基础设施", "，", "。", "推进", "建设", "智能制造", "数字化转型"]


def _leaf(seg: SegData) -> Leaf:
    return Leaf(seg, 0, None)


def _segment(tmp_path: Path, texts: list[str]) -> SegData:
    batch = Batch()
    rec = doc_rec("d", "d.txt", "d.txt", (), (), "", "other")
    for i, t in enumerate(texts):
        batch.add(i, t, rec, ((), ()))
    path = tmp_path / "MAIN_test.zks"
    write_segment(path, batch, [])
    return SegData(path)


def test_match_at_an_odd_byte_is_not_a_match(tmp_path: Path) -> None:
    # UTF-16-LE of 愀 戀 挀 一 contains the bytes of "abc" starting at byte 1
    fake = "\u6100\u6200\u6300\u4e00 ab bc"
    real = fake + " abc"
    seg = _segment(tmp_path, [fake, real, "abc", "xyz"])
    assert "abc".encode("utf-16-le") in fake.encode("utf-16-le")
    assert term_matches(_leaf(seg), "abc")[0] == [1, 2]


def test_one_and_two_character_terms_come_from_postings_with_counts(tmp_path: Path) -> None:
    seg = _segment(tmp_path, ["数据数据，数据", "大数据", "数", "无关"])
    assert term_matches(_leaf(seg), "数据") == ([0, 1], [3, 1])
    assert term_matches(_leaf(seg), "数")[0] == [0, 1, 2]
    assert term_matches(_leaf(seg), "大数据中心") == ([], [])


def _random_passages(n: int, seed: int) -> list[IndexedPassage]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        text = "".join(rnd.choice(WORDS) for _ in range(rnd.randint(3, 12)))
        doc = f"doc{i // 4}"
        out.append(IndexedPassage(1000 + i, doc, text, f"{doc}.txt", "", "", ("四川省", "四川"), 2020 + i % 3,
                                  "plan", ("park",) if i % 5 == 0 else ()))
    return out


def _expected(passages: list[IndexedPassage], term: str) -> set[int]:
    t = normalise(term)
    return {p.passage_id for p in passages if t in normalise(p.text)}


def test_merges_deletes_and_chunked_batches_match_brute_force(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(segdata, "CHUNK", 7)  # several in-memory chunks per batch
    ps = _random_passages(160, seed=7)
    ix = SearchIndex(tmp_path / "ix")
    for i in range(0, len(ps), 20):  # 8 segments
        ix.add(ps[i : i + 20])
        ix.commit(merge=False)
    assert ix.segment_count() == 8
    for doc in ("doc3", "doc17", "doc30"):
        ix.delete_doc(doc)
    ix.commit(merge=False)  # deletions recorded on existing segments
    live = [p for p in ps if p.doc_id not in ("doc3", "doc17", "doc30")]
    for term in ("数据中心", "算力", "园区招商", "5g", "，推进", "数", "智能制造数字化转型", "济算"):
        res = ix.search(f'"{term}"', limit=1000)
        assert {h.passage_id for h in res.hits} == _expected(live, term), term
        assert res.total == len(_expected(live, term))
    assert ix.passage_count() == len(live)
    assert ix.doc_ids() == {p.doc_id for p in live}
    before = ix.segment_count()
    ix.add([])
    ix.commit()  # Whoosh merges the small segments, deletions and all
    assert ix.segment_count() < before
    assert ids_of(ix, "数据中心") == _expected(live, "数据中心") and ix.passage_count() == len(live)
    extra = [IndexedPassage(5000 + i, "late", "新建数据中心和算力平台", "late.txt", "", "", (), None, "news", ())
             for i in range(3)]
    ix.add(extra)
    ix.commit()
    assert ids_of(ix, "数据中心") == _expected(live + extra, "数据中心")
    ix.close()
    again = SearchIndex(tmp_path / "ix", readonly=True)
    assert ids_of(again, "数据中心") == _expected(live + extra, "数据中心")
    assert again.search("新建数据中心").facets["doc"] == [("late.txt", 3)]
    again.close()


def ids_of(ix: SearchIndex, term: str) -> set[int]:
    return {h.passage_id for h in ix.search(term, limit=10_000).hits}


@pytest.mark.parametrize("damage", ["delete", "truncate"])
def test_missing_or_damaged_sidecar_resets_the_index(index_dir: Path, damage: str) -> None:
    ix = SearchIndex(index_dir)
    ix.add(make_passages())
    ix.commit()
    ix.close()
    side = next(index_dir.glob("*.zks"))
    if damage == "delete":
        side.unlink()
    else:
        side.write_bytes(side.read_bytes()[:100])
    assert SearchIndex(index_dir, readonly=True).passage_count() == 0
    again = SearchIndex(index_dir)
    assert again.reset and again.passage_count() == 0
    again.add(make_passages())
    again.commit()
    assert again.search("物联网").total == 2
    again.close()


def test_segments_are_not_compound_files(ix: SearchIndex, index_dir: Path) -> None:
    # a compound .seg is copied into memory by Whoosh when opened
    assert not list(index_dir.glob("*.seg"))
    assert len(list(index_dir.glob("*.zks"))) == ix.segment_count() == 1


def test_a_tie_between_rarest_pairs_goes_to_the_smaller_pair(tmp_path: Path) -> None:
    """The rarest pair's counts are the term's tf: a tie once went to the hash-seeded set order,
    so the same query ranked differently from one process to the next."""
    # 数据 and 据中 each occur in two passages, with different counts; 据中 sorts first
    seg = _segment(tmp_path, ["数据中数据", "数据中据中", "中心"])
    assert term_matches(_leaf(seg), "数据中") == ([0, 1], [1, 2])


def test_batch_gram_index_equals_a_passage_by_passage_build() -> None:
    """Every character and pair of every passage, with its count (capped at 255), then the word keys."""
    from collections import Counter

    from kb.search.segdata import MemGrams, gram_key, word_key

    texts = ["推进数据中心建设，数据中心集群。", "", "算" * 300 + "力", "贵阳大数据科创城", "a", "ab\U00020000ab",
             "x\ud800y\udfff", "壹贰叁肆伍陆柒"]  # a lone surrogate (an undecodable byte kept) is a character too
    words = [{word_key("数据中心"): 2, word_key("建设"): 1}, {}, {word_key("算力"): 400}, {word_key("数据中心"): 1}, {}, {},
             {}, {}]
    expected: dict[int, list[tuple[int, int]]] = {}
    for i, t in enumerate(texts):
        grams = Counter(t) + Counter(t[j : j + 2] for j in range(len(t) - 1))
        for g, n in grams.items():
            expected.setdefault(gram_key(g), []).append((i, min(n, 255)))
    for i, freqs in enumerate(words):
        for k, n in freqs.items():
            expected.setdefault(k, []).append((i, min(n, 255)))
    m = MemGrams(texts, words)
    assert list(m.gkey) == sorted(expected) and m.n == len(texts)
    got = {k: list(zip(m.post[m.gstart[j] : m.gstart[j + 1]], m.tf[m.gstart[j] : m.gstart[j + 1]], strict=True))
           for j, k in enumerate(m.gkey)}
    assert got == expected

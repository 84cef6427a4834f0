from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from kb.errors import QueryError, ReadOnlyError
from kb.search import IndexedPassage, SearchIndex, highlight_spans
from kb.search.analyzer import normalise

from .conftest import TEXTS, make_passages


def ids(ix: SearchIndex, query: str, **kw: object) -> set[int]:
    return {h.passage_id for h in ix.search(query, limit=100, **kw).hits}  # type: ignore[arg-type]


def verbatim(term: str) -> set[int]:
    return {pid for pid, text in TEXTS.items() if normalise(term) in normalise(text)}


@pytest.mark.parametrize(
    "term",
    ["物联网", "智能制造", "5G基站", "数字孪生", "信创", "人才", "招商", "东数西算", "大数据",
     "网", "才", "IPv6", "ipv6", "5G", "5g", "VR", "vr", "工业互联网", "1.2万", "“东数西算”"],
)
def test_every_verbatim_occurrence_is_found(ix: SearchIndex, term: str) -> None:
    expected = verbatim(term)
    assert expected, term
    assert ids(ix, term) == expected
    assert ids(ix, f'"{term}"') == expected


def test_word_split_by_jieba_is_still_found(ix: SearchIndex) -> None:
    # jieba cuts 与物联网 as 与物 / 联网; 人工智能制造业 hides 智能制造
    assert 1 in ids(ix, "物联网")
    assert 3 in ids(ix, "智能制造")


def test_unquoted_multiword_term_is_not_or_of_words(ix: SearchIndex) -> None:
    assert ids(ix, "工业互联网") == {4}
    assert ids(ix, "互联网") == {4}


def test_whole_word_ranks_above_fragment(ix: SearchIndex) -> None:
    hits = ix.search("智能制造").hits
    assert {h.passage_id for h in hits} == {3, 6, 8}
    assert hits[-1].passage_id == 3  # only inside 人工智能制造业
    assert hits[0].score > hits[-1].score


def test_boolean_operators(ix: SearchIndex) -> None:
    assert ids(ix, "人才 -北斗") == {7}
    assert ids(ix, "人才 NOT 北斗") == {7}
    assert ids(ix, "信创 OR 数字孪生") == {3, 5}
    assert ids(ix, "(物联网 | VR) -平台") == {1, 8}
    assert ids(ix, "物联网 智能制造") == {6}
    assert ids(ix, "人才 NOT (北斗 OR 安家)") == set()


def test_filters_in_query_and_argument(ix: SearchIndex) -> None:
    assert ids(ix, "招商 region:宁夏") == {4}
    assert ids(ix, "招商 region:贵州") == set()
    assert ids(ix, "人才", filters={"region": "浙江省"}) == {7}
    assert ids(ix, "物联网", filters={"doc": "gz_plan.txt"}) == {1}
    assert ids(ix, "物联网", filters={"doc": "zj"}) == {6}
    assert ids(ix, "人才 year:2021") == {7}
    assert ids(ix, "人才 year:2020-2022") == {5, 7}
    assert ids(ix, "人才 kind:news") == {5}
    assert ids(ix, "物联网 type:platform") == set()
    assert ids(ix, "物联网 type:park") == {1}
    assert ids(ix, "region:宁夏") == {4, 5}
    with pytest.raises(QueryError):
        ix.search("人才", filters={"colour": "red"})


def test_facets_count_all_matches(ix: SearchIndex) -> None:
    res = ix.search("物联网 OR 人才 OR 智能制造", limit=1)
    assert res.total == 6 and len(res.hits) == 1
    assert dict(res.facets["doc"]) == {"gz_plan.txt": 2, "nx_news.txt": 1, "zj_reply.txt": 3}
    assert dict(res.facets["region"]) == {"贵州省": 2, "贵阳市": 2, "宁夏回族自治区": 1,
                                          "银川市": 1, "浙江省": 3, "杭州市": 3}
    assert dict(res.facets["year"]) == {"2021": 3, "2022": 1, "2023": 2}
    assert dict(res.facets["kind"]) == {"plan": 2, "news": 1, "proposal_reply": 3}
    assert dict(res.facets["entity_type"]) == {"park": 1, "enterprise": 1}
    assert res.terms == ("物联网", "人才", "智能制造")


def test_terms_highlight_in_hits(ix: SearchIndex) -> None:
    res = ix.search("5G基站 -北斗")
    assert res.terms == ("5g基站",)
    text = TEXTS[res.hits[0].passage_id]
    assert [text[s:e] for s, e in highlight_spans(text, res.terms)] == ["5G基站"]


def test_malformed_query_raises(ix: SearchIndex) -> None:
    for q in ("", "-北斗", "(人才", '"人才'):
        with pytest.raises(QueryError):
            ix.search(q)


def test_delete_doc_and_doc_ids(ix: SearchIndex) -> None:
    assert ix.doc_ids() == {"gz", "nx", "zj"} and ix.passage_count() == 8
    ix.delete_doc("gz")
    assert ids(ix, "物联网") == {1, 6}  # not visible before commit
    ix.commit()
    assert ids(ix, "物联网") == {6}
    assert ix.doc_ids() == {"nx", "zj"} and ix.passage_count() == 5


def test_delete_after_add_in_same_batch(index_dir: Path) -> None:
    ix = SearchIndex(index_dir)
    ps = make_passages()
    ix.add(ps[:3])
    ix.delete_doc("gz")
    ix.add(ps[3:5])
    ix.commit()
    assert ix.doc_ids() == {"nx"} and ix.passage_count() == 2
    ix.close()


def test_reopen_after_commit_and_readonly(index_dir: Path) -> None:
    ix = SearchIndex(index_dir)
    ix.add(make_passages())
    ix.commit()
    ix.close()
    ro = SearchIndex(index_dir, readonly=True)
    assert ro.passage_count() == 8 and ids(ro, "信创") == {5}
    with pytest.raises(ReadOnlyError):
        ro.add(make_passages())
    # a writer commits while the read-only one is open: it sees the change
    rw = SearchIndex(index_dir)
    rw.delete_doc("nx")
    rw.commit()
    assert ids(ro, "信创") == set()
    ro.close()
    rw.close()


def test_cancel_drops_uncommitted(ix: SearchIndex) -> None:
    extra = IndexedPassage(99, "new", "新增算力调度平台", "new.txt", "", "", (), None, "other", ())
    ix.add([extra])
    ix.delete_doc("gz")
    ix.cancel()
    ix.commit()
    assert ids(ix, "算力") == set() and 1 in ids(ix, "物联网")


def test_clear(ix: SearchIndex) -> None:
    ix.clear()
    assert ix.passage_count() == 0 and ix.search("人才").total == 0


def test_readonly_on_missing_index_is_empty(tmp_path: Path) -> None:
    ro = SearchIndex(tmp_path / "nothing", readonly=True)
    assert ro.search("人才").total == 0 and ro.doc_ids() == set()


def test_old_schema_is_rebuilt(index_dir: Path) -> None:
    ix = SearchIndex(index_dir)
    ix.add(make_passages())
    ix.commit()
    ix.close()
    (index_dir / "zhiku_search.json").write_text('{"schema": 0}', "utf-8")
    again = SearchIndex(index_dir)
    assert again.reset and again.passage_count() == 0
    again.close()


def test_schema_4_index_with_whoosh_word_postings_is_rebuilt(index_dir: Path) -> None:
    """Schema 4 kept jieba words in Whoosh: its pickled schema names classes still importable."""
    from whoosh import fields, index

    from kb.search import whoosh_io as wio

    index_dir.mkdir()
    old = fields.Schema(passage_id=fields.ID(unique=True), doc_id=fields.ID,
                        words=wio.WordsField(fields.formats.Frequency(), wio.JiebaTokenizer(), scorable=False))
    w = index.create_in(str(index_dir), old).writer()
    w.add_document(passage_id="1", doc_id="d")
    w.commit()
    (index_dir / "zhiku_search.json").write_text('{"schema": 4}', "utf-8")
    again = SearchIndex(index_dir)
    assert again.reset and again.passage_count() == 0
    again.add(make_passages())
    again.commit()
    assert again.search("物联网").total == 2
    again.close()


def _hold_lock(path: str, ready: multiprocessing.synchronize.Event, done: multiprocessing.synchronize.Event) -> None:
    ix = SearchIndex(Path(path))
    ix.add(make_passages()[:1])
    ready.set()
    done.wait(20)
    ix.cancel()


def test_live_writer_elsewhere_gives_clear_error_then_lock_recovers(index_dir: Path) -> None:
    SearchIndex(index_dir).close()
    ctx = multiprocessing.get_context("spawn")
    ready, done = ctx.Event(), ctx.Event()
    proc = ctx.Process(target=_hold_lock, args=(str(index_dir), ready, done))
    proc.start()
    try:
        assert ready.wait(30)
        ix = SearchIndex(index_dir)
        with pytest.raises(ReadOnlyError, match="locked"):
            ix.add(make_passages())
    finally:
        proc.kill()  # killed while holding the lock: the OS releases it
        proc.join(10)
    ix.add(make_passages())
    ix.commit()
    assert ix.passage_count() == 8
    ix.close()


def test_many_segments_and_merges_give_the_same_answers(index_dir: Path) -> None:
    ix = SearchIndex(index_dir)
    for p in make_passages():  # one segment per passage
        ix.add([p])
        ix.commit(merge=False)
    assert ix.segment_count() == 8
    res = ix.search("物联网 OR 人才 OR 智能制造")
    assert res.total == 6 and dict(res.facets["doc"])["zj_reply.txt"] == 3
    assert ids(ix, "智能制造") == {3, 6, 8} and ix.search("智能制造").hits[-1].passage_id == 3
    ix.delete_doc("zj")
    ix.commit()  # merges small segments: frequency values must survive the merge
    assert ix.segment_count() < 8
    assert ids(ix, "智能制造") == {3} and ids(ix, "人才") == {5}
    assert ix.doc_ids() == {"gz", "nx"}
    ix.close()


def test_an_index_whose_passages_carry_id_postings_deletes_by_docnum(index_dir: Path, monkeypatch: pytest.MonkeyPatch
                                                                     ) -> None:
    """Passages written with Whoosh id terms (before they became empty documents) open and delete unchanged."""
    from kb.search import whoosh_io as wio

    with monkeypatch.context() as m:
        m.setattr(wio, "add_passage", lambda w: w.add_document(passage_id="0", doc_id="x"))
        ix = SearchIndex(index_dir)
        ix.add(make_passages()[:5])
        ix.commit(merge=False)
        ix.close()
    ix = SearchIndex(index_dir)
    ix.add(make_passages()[5:])
    ix.commit(merge=False)
    ix.delete_doc("nx")
    ix.delete_doc("zj")
    ix.commit(merge=False)
    assert ix.doc_ids() == {"gz"} and ix.passage_count() == 3 and ix.segment_count() == 2
    assert ids(ix, "物联网") == {1}
    ix.close()

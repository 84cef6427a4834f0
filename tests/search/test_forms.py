"""Passage forms made in the import worker index exactly like passages the index analyses itself."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from kb.search import SearchIndex
from kb.search.analyzer import word_postings
from kb.search.forms import matching_form, passage_form, passage_forms
from kb.search.segdata import word_key, word_keys
from kb.search.zones import noise_spans

from .conftest import make_passages

QUERIES = ["物联网", "智能制造", "人才", "5G基站", "工业互联网 region:宁夏", "招商引资", "VR", "数字孪生 OR 北斗",
           "人才 -安家"]


def test_form_is_what_the_index_computes() -> None:
    title = "贵阳市 数字经济 实施方案"
    text = "各区（市、县）人民政府：\n加快推进 数字 经济 发展，建设VR体验中心。（责任单位：市大数据局）"
    form = passage_form(text, matching_form(title))
    assert form.text == matching_form(text)
    assert " " not in form.text  # layout spaces between Chinese characters are squeezed out
    assert form.words == word_keys(word_postings(form.text))
    assert form.noise == noise_spans(form.text, matching_form(title))
    assert form.noise  # the addressee line and the responsibility bracket are noise


def test_names_become_words_before_the_passages_are_cut() -> None:
    name = "黔渝云链数智科技"  # made up: jieba cannot know it
    (before,) = passage_forms([f"支持{name}建设算力平台"], "标题")
    assert word_key(name) not in before.words
    (after,) = passage_forms([f"支持{name}建设算力平台"], "标题", names=[name])
    assert after.words.get(word_key(name)) == 1


def _results(ix: SearchIndex) -> list[tuple]:
    out = []
    for q in QUERIES:
        r = ix.search(q, limit=20)
        out.append((q, [(h.passage_id, h.score, h.match) for h in r.hits], r.total, r.facets))
    return out


def test_worker_forms_give_the_same_index(tmp_path: Path) -> None:
    plain = make_passages()
    titles = {p.title: matching_form(p.title) for p in plain}
    formed = [replace(p, form=passage_form(p.text, titles[p.title])) for p in plain]
    with SearchIndex(tmp_path / "a") as a, SearchIndex(tmp_path / "b") as b:
        a.add(plain)
        a.commit()
        b.add(formed)
        b.commit()
        assert _results(a) == _results(b)
        assert any(hits for _q, hits, _t, _f in _results(a))


def test_word_postings_survive_merges_and_deletions(tmp_path: Path) -> None:
    from kb.search.analyzer import ranking_words
    from kb.search.engine import whole_words

    words = ranking_words("数据中心")
    texts = ["建设数据中心平台", "与数据中心融合", "推进大数据中心", "数据中心和大数据", "中心数据设备"]
    with SearchIndex(tmp_path / "ix") as ix:
        for round_ in range(6):  # one segment per commit, until Whoosh merges them
            ix.add(replace(p, passage_id=100 * round_ + i, doc_id=f"d{round_}_{i}", text=t)
                   for i, (p, t) in enumerate(zip(make_passages(), texts, strict=False)))
            ix.commit()
        ix.delete_doc("d0_0")
        ix.commit()
        expected = {100 * r + i for r in range(6) for i, t in enumerate(texts)
                    if set(words) <= set(word_postings(matching_form(t))) and (r, i) != (0, 0)}
        found = set()
        for leaf in ix._refresh():
            whole = whole_words(leaf, words) or set()
            found |= {leaf.seg.pid[d] for d in whole if d in leaf.live}
        assert expected and found == expected
        assert ix.segment_count() < 6

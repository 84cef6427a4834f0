"""Passage forms made in the import worker index exactly like passages the index analyses itself."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from kb.search import SearchIndex
from kb.search.analyzer import word_postings
from kb.search.forms import matching_form, passage_form, passage_forms
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
    assert form.words == dict(word_postings(form.text))
    assert form.noise == noise_spans(form.text, matching_form(title))
    assert form.noise  # the addressee line and the responsibility bracket are noise


def test_names_become_words_before_the_passages_are_cut() -> None:
    name = "黔渝云链数智科技"  # made up: jieba cannot know it
    (before,) = passage_forms([f"支持{name}建设算力平台"], "标题")
    assert name not in before.words
    (after,) = passage_forms([f"支持{name}建设算力平台"], "标题", names=[name])
    assert after.words.get(name) == 1


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

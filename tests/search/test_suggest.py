"""An empty result says what to try: a filter to drop, thesaurus terms, words that do occur."""

from __future__ import annotations

from pathlib import Path

from kb.search import Thesaurus, add_words

from .conftest import build_index, doc_passages


def test_suggestions_for_an_empty_result(tmp_path: Path) -> None:
    add_words(["数字孪生"])  # the service teaches jieba the domain lexicon before indexing
    ix = build_index(tmp_path / "ix", [
        doc_passages("sx", ["推进数字孪生城市建设。", "对首台套装备给予奖励。"], chain=("山西省", "太原市")),
        doc_passages("hn", ["建设数字孪生流域。"], chain=("河南省", "郑州市"), first_id=10),
    ])
    th = Thesaurus.load()
    res = ix.search("数字孪生 region:河北", thesaurus=th)
    assert res.total == 0
    assert ("drop_filter", "region:河北", 2) in res.suggestions
    typo = ix.search("数字孪升", thesaurus=th)
    assert typo.total == 0 and ("similar", "数字孪生", 2) in typo.suggestions
    concept = ix.search("首台套奖补 region:河南", thesaurus=th)
    assert ("drop_filter", "region:河南", 1) in concept.suggestions  # relaxed as the search would: 首台套 … 奖励
    assert {("thesaurus", "首台套", 1), ("thesaurus", "奖励", 1)} <= set(concept.suggestions)
    assert ix.search("数字孪生", thesaurus=th).suggestions == ()
    ix.close()


def test_a_query_of_filters_alone_gets_no_filter_to_drop(tmp_path: Path) -> None:
    ix = build_index(tmp_path / "ix", [doc_passages("sx", ["推进数字孪生城市建设。"], chain=("山西省",))])
    res = ix.search("region:河北 year:2023", thesaurus=Thesaurus.load())
    assert res.total == 0 and not any(k == "drop_filter" for k, _v, _n in res.suggestions)
    ix.close()

"""The no-result page's query edits, and the UI's copies of the core's search vocabulary (the filter names are shared, from kb.models)."""

from __future__ import annotations

from kb.search import REGION_SEP, UNDATED
from kb.search.present import MATCH_LABELS
from ui import labels
from ui.i18n import install_language
from ui.query_edit import drop_filter, replace_term


def test_the_copies_of_the_core_vocabulary_are_equal() -> None:
    assert (labels.REGION_SEP, labels.UNDATED) == (REGION_SEP, UNDATED)
    assert set(labels.MATCH_KINDS) == set(MATCH_LABELS)


def test_match_labels_in_chinese_are_the_core_labels(qapp) -> None:
    install_language("zh")
    try:
        assert {k: labels.label("match", k) for k in MATCH_LABELS} == MATCH_LABELS
    finally:
        install_language("en")


def test_dropping_a_filter_prefers_the_clicked_facet_then_the_typed_one() -> None:
    assert drop_filter("算力 补贴", {"region": "贵州省 › 贵阳市", "year": "2023"}, "region:贵州省›贵阳市") == (
        "算力 补贴", {"year": "2023"})
    assert drop_filter('算力 地区:贵州 年份:2023', {}, "year:2023") == ("算力 地区:贵州", {})
    assert drop_filter('算力 kind:方案 region:"贵州省 › 贵阳市"', {}, "region:贵州省›贵阳市") == ("算力 kind:方案", {})
    assert drop_filter("算力 文件:a.txt 文件:b.txt", {}, "doc:b.txt") == ("算力 文件:a.txt", {})
    assert drop_filter("算力", {}, "year:2023") == ("算力", {})  # nothing to drop: unchanged


def test_a_suggested_word_replaces_the_term_it_is_like() -> None:
    assert replace_term("房租补贴", "租金补贴") == "租金补贴"
    assert replace_term("房租补贴 人才 region:贵州", "租金补贴") == "租金补贴 人才 region:贵州"
    assert replace_term("数椐中心 OR 机房 -测试", "数据中心") == "数据中心 OR 机房 -测试"
    assert replace_term('"原文短语" 人材', "人才") == '"原文短语" 人才'
    assert replace_term("region:贵州", "算力") == "region:贵州 算力"

"""``KnowledgeBase.warm``: after it, the first search loads nothing more (tokenizer words, segment
data is in), and it is harmless on an empty or a read-only library."""

from __future__ import annotations

from pathlib import Path

from kb.service import KnowledgeBase

DOC = ("贵州省遵义市数字经济发展实施方案\n到2025年，全市数字经济增加值突破1000亿元，数字经济发展水平明显提升。\n"
       "支持遵义经济技术开发区建设大数据中心，对新认定的省级工业互联网平台给予最高100万元奖励。\n")


def test_warm_loads_what_the_first_search_needs(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "zunyi.txt").write_text(DOC, encoding="utf-8")
    with KnowledgeBase.open(tmp_path / "kb") as kb:
        kb.import_paths([docs], workers=1)
    with KnowledgeBase.open(tmp_path / "kb") as kb:
        assert not kb._library._words_loaded and not kb.index._segs
        kb.warm()
        assert kb._library._words_loaded
        segments = dict(kb.index._segs)
        assert segments  # every segment's data (matching, word postings, facets) is open
        assert all(seg._ratios.keys() >= {1, 2, 3, 4} for seg in segments.values())  # score tables built
        hits = kb.search("大数据中心").hits
        assert [h.doc for h in hits] == ["zunyi.txt"]
        assert kb.index._segs == segments  # nothing new was opened


def test_warm_on_an_empty_and_a_read_only_library(tmp_path: Path) -> None:
    with KnowledgeBase.open(tmp_path / "kb") as kb:
        kb.warm()
        assert kb.search("数据").hits == ()
        with KnowledgeBase.open(tmp_path / "kb", readonly=True) as ro:
            ro.warm()
            assert ro.search("数据").total == 0

"""``bench.parent``: the import's writing process replayed over prepared results, its methods restored after."""

from __future__ import annotations

from pathlib import Path

from bench import parent
from kb import importer
from kb.service import KnowledgeBase


def test_replay_imports_every_prepared_document_and_restores_the_importer(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for i, (city, county) in enumerate([("遵义市", "汇川区"), ("绵阳市", "涪城区"), ("株洲市", "天元区")]):
        (docs / f"{i}.txt").write_text(f"{city}{county}数字经济实施方案\n到2025年，建成5G基站{100 + i}个，"
                                       f"对新认定的工业互联网平台给予最高{50 + i}万元奖励。\n", encoding="utf-8")
    process, iter_files = importer.Importer._process, importer.iter_files
    results = parent.processed(docs, None, 1)
    out = parent.replay(results, tmp_path / "kb")
    assert out["documents"] == 3 and out["segments"] == 1 and out["cpu_ms_per_doc"] > 0
    assert set(out["parts_ms_per_doc"]) == {"store", "index_add", "index_commit", "gram_index"}
    assert importer.Importer._process is process and importer.iter_files is iter_files
    with KnowledgeBase.open(tmp_path / "kb", readonly=True) as kb:
        assert kb.stats().documents == 3 and kb.search("5G基站").total == 3

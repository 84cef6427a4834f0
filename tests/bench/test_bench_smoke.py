"""The benchmark end to end on a tiny library: keys present, Zhiku finds every verbatim passage."""

from __future__ import annotations

import json
from pathlib import Path

from bench import corpus
from bench.__main__ import main
from bench.queries import QUERIES, matches, select

FIGURES = ("docs_per_s", "chars_per_s", "query_p50_ms", "query_p95_ms", "query_max_ms", "peak_pss_mb", "peak_rss_mb",
           "verbatim_recall", "index_mb", "store_mb", "total_mb")


def test_corpus_is_deterministic_and_retargeted(tmp_path: Path) -> None:
    a = corpus.build_corpus(tmp_path / "a", 12, seed=3)
    b = corpus.build_corpus(tmp_path / "b", 12, seed=3)
    assert a == b
    texts = [(tmp_path / "a" / "docs" / n).read_text(encoding="utf-8") for n in a]
    assert texts == [(tmp_path / "b" / "docs" / n).read_text(encoding="utf-8") for n in b]
    assert all(1000 <= len(t) <= 3500 for t in texts)
    # the starter corpus's own places are swapped for the target's
    for name, text in zip(a, texts, strict=True):
        keys = a[name]
        assert keys[0] in text or keys[1] in text
        if "江西" not in keys:
            assert "章贡区" not in text and "蓉江新区" not in text
    assert len({keys[0] for keys in a.values()}) > 3


def test_retarget_swaps_level_for_level() -> None:
    target = corpus.Target("贵州省", "遵义市", "汇川区")
    out = corpus.retarget("江西省赣州市章贡区与赣州蓉江新区、宁夏", target)
    assert out == "贵州省遵义市汇川区与遵义汇川新区、贵州"


def test_query_set_and_ground_truth() -> None:
    assert len(QUERIES) == 50
    assert {len(q.terms[0]) for q in QUERIES if q.kind == "term"} == {2, 3, 4, 5, 6}
    picked = select(5)
    assert len(picked) == 5 and any(q.region for q in picked)
    q = next(q for q in QUERIES if q.region == "宁夏")
    assert matches(q, "推进招商工作", ["宁夏回族自治区", "宁夏"])
    assert not matches(q, "推进招商工作", ["贵州省", "贵州"])


def test_benchmark_smoke(tmp_path: Path, capsys) -> None:
    out = tmp_path / "result.json"
    assert main(["--docs", "20", "--queries", "5", "--out", str(out), "--work-dir", str(tmp_path / "w")]) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    z = result["zhiku"]
    assert "error" not in z, z.get("error")
    for figures in (z, *result["peers"].values()):
        for key in FIGURES:
            assert key in figures, key
    assert set(result["peers"]) == {"fts5_trigram", "whoosh_stock_jieba"}
    assert z["verbatim_recall"] == 1.0
    assert z["documents"] == 20
    assert 0 < z["peak_pss_mb"] <= z["peak_rss_mb"]  # PSS never counts a shared page twice
    assert z["incremental"]["added"] == 1
    assert z["app_start"]["first_result_s"] > z["app_start"]["window_shown_s"] > 0, z["app_start"]
    assert set(result["ratios"]) == set(result["peers"])
    assert {"cpu_count", "cpu_model", "python"} <= set(result["machine"])
    assert len(result["queries"]) == 5
    md = out.with_suffix(".md").read_text(encoding="utf-8")
    assert "| query p95 ms |" in md and md in capsys.readouterr().out

"""The benchmark end to end on tiny libraries of both corpora: keys present, Zhiku finds every
verbatim passage; the real-text corpus holds no starter text and reads a user's folder."""

from __future__ import annotations

import json
from pathlib import Path

from bench import corpus, realtext
from bench.__main__ import main
from bench.queries import QUERIES, matches, select

FIGURES = ("docs_per_s", "chars_per_s", "cpu_ms_per_doc", "query_p50_ms", "query_p95_ms", "query_max_ms",
           "peak_pss_mb", "peak_rss_mb", "peak_process_rss_mb", "verbatim_recall", "index_mb", "store_mb", "total_mb")


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


def test_real_text_corpus_is_deterministic_and_not_the_starter(tmp_path: Path) -> None:
    a = realtext.build_corpus(tmp_path / "a", 10, seed=5)
    b = realtext.build_corpus(tmp_path / "b", 10, seed=5)
    assert list(a) == list(b) and all(v == () for v in a.values())  # no region ground truth
    texts = [(tmp_path / "a" / "docs" / n).read_text(encoding="utf-8") for n in a]
    assert texts == [(tmp_path / "b" / "docs" / n).read_text(encoding="utf-8") for n in b]
    assert all(1300 <= len(t) <= 4000 for t in texts)
    starter = {s for doc in corpus.load_sentences() for s in doc if len(s) >= 20}
    paragraphs = {p for t in texts for p in t.splitlines()[3:-1]}
    assert paragraphs and not any(s in p for s in starter for p in paragraphs)
    sources = {p for src in realtext.repo_sources() for p in src.paragraphs}
    assert paragraphs <= sources  # whole paragraphs, as written


def test_real_text_corpus_from_a_users_folder(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "a.txt").write_text("大连市数据要素市场建设方案\n一、总体要求\n建设东北亚数据交易中心。\n"
                                  "二、主要任务\n对数据交易服务机构给予最高50万元奖励。\n", encoding="utf-8")
    (folder / "b.html").write_text("<html><head><title>焦作市算力券管理办法</title></head><body><h1>焦作市算力券管理办法"
                                   "</h1><p>第一条 为降低企业算力使用成本，制定本办法。</p><p>第二条 算力券按合同金额的30%"
                                   "抵扣。</p></body></html>", encoding="utf-8")
    realtext.build_corpus(tmp_path / "out", 3, seed=1, folder=folder)
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((tmp_path / "out" / "docs").glob("*.txt")))
    assert "建设东北亚数据交易中心。" in text and "算力券按合同金额的30%抵扣。" in text
    assert "<p>" not in text


def test_benchmark_smoke(tmp_path: Path, capsys) -> None:
    out = tmp_path / "result.json"
    assert main(["--docs", "12", "--queries", "5", "--out", str(out), "--work-dir", str(tmp_path / "w")]) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    assert list(result["corpora"]) == ["starter", "real"]
    for name, block in result["corpora"].items():
        z = block["zhiku"]
        assert "error" not in z, (name, z.get("error"))
        for figures in (z, *block["peers"].values()):
            for key in FIGURES:
                assert key in figures, (name, key)
        assert set(block["peers"]) == {"fts5_trigram", "whoosh_stock_jieba"}
        assert z["verbatim_recall"] == 1.0, name
        assert z["documents"] == 12 and z["workers"] >= 1
        assert 0 < z["peak_pss_mb"] <= z["peak_rss_mb"]  # PSS never counts a shared page twice
        assert 0 < z["peak_process_rss_mb"] <= z["peak_rss_mb"]
        assert z["incremental"]["added"] == 1
        assert z["warm_s"] >= 0 and z["first_query_ms"] > 0
        assert set(block["ratios"]) == set(block["peers"])
        assert {t["key"] for t in block["targets"]} >= {"docs_per_s", "first_query_ms", "peak_process_rss_mb"}
    real = result["corpora"]["real"]
    assert real["zhiku"]["filtered_recall"] is None  # no region ground truth for real text
    app = real["zhiku"]["app_start"]
    assert app["first_result_s"] > app["window_shown_s"] > 0, app
    assert "app_start" not in result["corpora"]["starter"]["zhiku"]
    assert {"cpu_count", "cpu_model", "python"} <= set(result["machine"])
    assert len(result["queries"]) == 5
    md = out.with_suffix(".md").read_text(encoding="utf-8")
    assert "## Corpus `starter`" in md and "## Corpus `real`" in md
    assert md.count("| query p95 ms |") == 2 and md in capsys.readouterr().out

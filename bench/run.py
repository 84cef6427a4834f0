"""The whole benchmark in one run, per corpus: corpus → Zhiku → shared passages → peers; then JSON + Markdown.

Two corpora by default (see bench/README.md): ``starter`` (the starter corpus's sentences,
re-targeted at other regions) and ``real`` (paragraphs of text the extractor was not built on,
or of the user's own documents with ``--real DIR``). Every system is measured in fresh
subprocesses (import, then queries) so that peak memory is that system's alone; the peers index
exactly the passages Zhiku made, so recall and latency compare the same units. If Zhiku cannot
import (the core unfinished), the peers still run on the documents' non-empty lines and the
result says why Zhiku is missing.
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from bench import corpus, realtext
from bench.measure import StepFailed, dir_mb, run_step, worker_step
from bench.queries import Query, matches, select
from bench.report import machine_info, ratios, targets, write_reports

log = logging.getLogger(__name__)
PEER_NAMES = ("fts5_trigram", "whoosh_stock_jieba")
CORPORA = ("starter", "real")
APP_QUERY = "数据中心"


def raw_passages(docs_dir: Path, out: Path) -> int:
    """Fallback passage list (one per non-empty line) when Zhiku's own is not available."""
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for path in sorted(docs_dir.glob("*.txt")):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    n += 1
                    fh.write(json.dumps({"id": n, "doc": path.name, "text": line.strip()}, ensure_ascii=False) + "\n")
    return n


def ground_truth(passages_path: Path, manifest: Mapping[str, Sequence[str]], queries: tuple[Query, ...]
                 ) -> tuple[dict[str, set[int]], int]:
    """Per query, the ids of passages that contain every term verbatim (and lie in the region)."""
    truth: dict[str, set[int]] = {q.text: set() for q in queries}
    chars = 0
    with passages_path.open(encoding="utf-8") as fh:
        for line in fh:
            p = json.loads(line)
            chars += len(p["text"])
            regions = manifest.get(p["doc"], [])
            for q in queries:
                if matches(q, p["text"], regions):
                    truth[q.text].add(p["id"])
    return truth, chars


def recall(truth: dict[str, set[int]], hits_path: Path, queries: tuple[Query, ...]) -> dict[str, Any]:
    """Micro-averaged share of ground-truth passages returned; unfiltered and filtered kept apart."""
    found = {k: set(v) for k, v in json.loads(hits_path.read_text(encoding="utf-8")).items()}
    per: dict[str, float | None] = {}
    sums = {"plain": [0, 0], "filtered": [0, 0]}
    for q in queries:
        gt = truth[q.text]
        got = len(gt & found.get(q.text, set()))
        per[q.text] = round(got / len(gt), 4) if gt else None
        bucket = sums["filtered" if q.region else "plain"]
        bucket[0] += got
        bucket[1] += len(gt)
    missed = {k: v for k, v in per.items() if v is not None and v < 1}
    return {
        "verbatim_recall": round(sums["plain"][0] / sums["plain"][1], 4) if sums["plain"][1] else None,
        "filtered_recall": round(sums["filtered"][0] / sums["filtered"][1], 4) if sums["filtered"][1] else None,
        "queries_below_full_recall": missed, "per_query_recall": per,
    }


def _flatten(q: dict[str, Any]) -> dict[str, Any]:
    return {"query_p50_ms": q["query"]["p50_ms"], "query_p95_ms": q["query"]["p95_ms"],
            "query_max_ms": q["query"]["max_ms"], "query_warm_p95_ms": q["query_warm"]["p95_ms"],
            "query_warm_max_ms": q["query_warm"]["max_ms"], "first_query_ms": q["first_query_ms"],
            "open_s": q["open_s"], "warm_s": q.get("warm_s"), "idle_rss_mb": q["idle_rss_mb"],
            "per_query_ms": q["per_query_ms"]}


def run_zhiku(docs_dir: Path, work: Path, n_docs: int, workers: int | None) -> dict[str, Any]:
    kb_dir = work / "zhiku_kb"
    res: dict[str, Any] = {}
    log.info("zhiku: importing %d documents (workers=%s)", n_docs, "default" if workers is None else workers)
    imp, meas = worker_step("zhiku_import", {"kb_dir": str(kb_dir), "paths": [str(docs_dir)], "workers": workers},
                            work)
    if imp["added"] == 0:
        raise StepFailed(f"Zhiku imported nothing: {imp['failed'][:3]}")
    secs = imp["import_s"]
    res.update({"import_s": secs, "docs_per_s": round(imp["added"] / secs, 1), "chars_per_s": round(imp["chars"] / secs),
                "documents": imp["documents"], "passages": imp["passages"], "chars": imp["chars"],
                "import_failed": imp["n_failed"], "workers": imp.get("workers"),
                "peak_pss_mb": meas["peak_tree_pss_mb"], "peak_rss_mb": meas["peak_tree_rss_mb"],
                "peak_process_rss_mb": meas["peak_process_rss_mb"], "peak_parent_rss_mb": meas["peak_root_rss_mb"],
                "peak_parent_pss_mb": meas["peak_root_pss_mb"],
                "import_step_cpu_s": meas["cpu_s"], "import_step_wall_s": meas["wall_s"],
                "cpu_ms_per_doc": round(1000 * meas["cpu_s"] / max(n_docs, 1), 2),
                "loadavg_before_import": meas["loadavg_1m_before"],
                "import_maxrss": {k: imp[k] for k in ("self_maxrss_mb", "children_maxrss_mb")}})
    store = sum(dir_mb(p) for p in kb_dir.glob("*.sqlite*"))
    total = dir_mb(kb_dir)
    res.update({"index_mb": dir_mb(kb_dir / "index") if (kb_dir / "index").exists() else round(total - store, 2),
                "store_mb": round(store, 2), "total_mb": total})
    exp, _ = worker_step("zhiku_passages", {"kb_dir": str(kb_dir), "out": str(work / "passages.jsonl")}, work)
    res["region_chains_sample"] = dict(list(exp["zhiku_regions"].items())[:3])
    res["_kb_dir"] = str(kb_dir)
    return res


def run_zhiku_after(res: dict[str, Any], queries: tuple[Query, ...], truth: dict[str, set[int]], extra: Path,
                    work: Path, workers: int | None, app: bool) -> None:
    kb_dir = Path(res["_kb_dir"])
    log.info("zhiku: %d queries", len(queries))
    q, meas = worker_step("zhiku_query", {"kb_dir": str(kb_dir), "queries": [x.text for x in queries],
                                          "hits_out": str(work / "hits_zhiku.json")}, work)
    res.update(_flatten(q))
    res["peak_rss_query_mb"] = meas["peak_tree_rss_mb"]
    res["peak_pss_query_mb"] = meas["peak_tree_pss_mb"]
    res.update(recall(truth, work / "hits_zhiku.json", queries))
    log.info("zhiku: incremental import of one document")
    inc, meas = worker_step("zhiku_incremental", {"kb_dir": str(kb_dir), "path": str(extra), "workers": workers}, work)
    res["incremental"] = {**inc, "wall_s": meas["wall_s"], "peak_tree_rss_mb": meas["peak_tree_rss_mb"]}
    res["incremental_import_s"] = inc["import_s"]
    if app:
        res["app_start"] = run_app_start(kb_dir, work)


def run_app_start(kb_dir: Path, work: Path) -> dict[str, Any]:
    log.info("app: start on the library, first result for %s", APP_QUERY)
    settings = work / "qt_settings"
    settings.mkdir(exist_ok=True)
    try:
        marks, meas = run_step("bench.app_start", [str(kb_dir), APP_QUERY, repr(time.time())], timeout=300,
                               env={"ZHIKU_SETTINGS_DIR": str(settings), "QT_QPA_PLATFORM": "offscreen"})
    except StepFailed as exc:
        return {"error": str(exc)[:500]}
    return {**marks, "peak_tree_rss_mb": meas["peak_tree_rss_mb"]}


def run_peer(name: str, passages: Path, manifest_path: Path, queries: tuple[Query, ...], truth: dict[str, set[int]],
             work: Path, n_docs: int, chars: int) -> dict[str, Any]:
    peer_dir = work / name
    log.info("%s: indexing", name)
    imp, meas = worker_step("peer_import", {"system": name, "work_dir": str(peer_dir), "passages": str(passages),
                                            "manifest": str(manifest_path)}, work)
    secs = imp["import_s"]
    res: dict[str, Any] = {"import_s": secs, "docs_per_s": round(n_docs / secs, 1), "chars_per_s": round(chars / secs),
                           "passages": imp["passages"], "peak_pss_mb": meas["peak_tree_pss_mb"],
                           "peak_rss_mb": meas["peak_tree_rss_mb"], "peak_process_rss_mb": meas["peak_process_rss_mb"],
                           "peak_parent_rss_mb": meas["peak_root_rss_mb"],
                           "peak_parent_pss_mb": meas["peak_root_pss_mb"],
                           "import_step_cpu_s": meas["cpu_s"], "import_step_wall_s": meas["wall_s"],
                           "cpu_ms_per_doc": round(1000 * meas["cpu_s"] / max(n_docs, 1), 2),
                           "loadavg_before_import": meas["loadavg_1m_before"],
                           "index_mb": imp["index_mb"], "store_mb": imp["store_mb"], "total_mb": imp["total_mb"]}
    log.info("%s: %d queries", name, len(queries))
    hits = work / f"hits_{name}.json"
    q, meas = worker_step("peer_query", {"system": name, "work_dir": str(peer_dir),
                                         "queries": [x.text for x in queries], "hits_out": str(hits)}, work)
    res.update(_flatten(q))
    res["note"] = q["note"]
    res["peak_rss_query_mb"] = meas["peak_tree_rss_mb"]
    res["peak_pss_query_mb"] = meas["peak_tree_pss_mb"]
    res.update(recall(truth, hits, queries))
    return res


def build(name: str, out: Path, n_docs: int, seed: int, real: Path | None
          ) -> tuple[dict[str, tuple[str, ...]], Path, dict[str, Any]]:
    """One corpus on disk: (manifest, extra document, description)."""
    t = time.perf_counter()
    if name == "starter":
        manifest = corpus.build_corpus(out, n_docs, seed=seed)
        extra = corpus.extra_document(out)
        about = "starter corpus sentences, re-targeted at 54 regions (what the extractor was tuned on)"
    else:
        manifest = realtext.build_corpus(out, n_docs, seed=seed, folder=real)
        extra = realtext.extra_document(out, folder=real)
        about = (f"paragraphs of the documents in {real}, recombined" if real else
                 "paragraphs of the repository's other-province test texts (not the starter corpus), recombined")
    chars = sum(len(p.read_text(encoding="utf-8")) for p in (out / "docs").glob("*.txt"))
    return manifest, extra, {"name": name, "about": about, "documents": n_docs, "chars": chars,
                             "avg_chars": round(chars / max(n_docs, 1)), "seed": seed,
                             "build_s": round(time.perf_counter() - t, 2)}


def run_corpus(name: str, tmp: Path, n_docs: int, queries: tuple[Query, ...], *, seed: int, workers: int | None,
               peers: tuple[str, ...], app: bool, real: Path | None) -> dict[str, Any]:
    """Zhiku and the peers on one corpus (its files, libraries and indexes under ``tmp``)."""
    manifest, extra, about = build(name, tmp / "corpus", n_docs, seed, real)
    docs_dir = tmp / "corpus" / "docs"
    result: dict[str, Any] = {"corpus": about}
    passages = tmp / "passages.jsonl"
    try:
        zhiku = run_zhiku(docs_dir, tmp, n_docs, workers)
    except StepFailed as exc:
        log.error("zhiku failed: %s", exc)
        zhiku = {"error": str(exc)[:2000]}
        result["passages_source"] = "document lines (Zhiku unavailable)"
        raw_passages(docs_dir, passages)
    else:
        result["passages_source"] = "Zhiku's passages (KnowledgeBase.document_text(...).passages)"
    truth, passage_chars = ground_truth(passages, manifest, queries)
    result["ground_truth_counts"] = {k: len(v) for k, v in truth.items()}
    if "error" not in zhiku:
        try:
            run_zhiku_after(zhiku, queries, truth, extra, tmp, workers, app)
        except StepFailed as exc:
            log.error("zhiku queries failed: %s", exc)
            zhiku["error"] = str(exc)[:2000]
        zhiku.pop("_kb_dir", None)
    result["zhiku"] = zhiku
    result["peers"] = {}
    for peer in peers:
        try:
            result["peers"][peer] = run_peer(peer, passages, tmp / "corpus" / "manifest.json", queries, truth, tmp,
                                             n_docs, passage_chars)
        except StepFailed as exc:
            log.error("%s failed: %s", peer, exc)
            result["peers"][peer] = {"error": str(exc)[:2000]}
    result["ratios"] = ratios(zhiku, result["peers"])
    result["targets"] = targets(zhiku)
    return result


def run(n_docs: int, out: Path, *, n_queries: int = 50, seed: int = 20240521, workers: int | None = None,
        work_dir: Path | None = None, peers: tuple[str, ...] = PEER_NAMES, app: bool = True,
        corpora: tuple[str, ...] = CORPORA, real: Path | None = None) -> dict[str, Any]:
    """Run everything on each corpus and write ``out`` (JSON) and ``out`` with ``.md``; returns the result.

    The app start is measured on the last corpus only (it is about opening a library, not its text).
    """
    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="zhiku_bench_")) if work_dir is None else work_dir
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        queries = select(n_queries)
        result: dict[str, Any] = {"queries": [q.text for q in queries], "machine": machine_info(),
                                  "workers": workers, "corpora": {}}
        for i, name in enumerate(corpora):
            log.info("corpus %s: %d documents", name, n_docs)
            result["corpora"][name] = run_corpus(name, tmp / name, n_docs, queries, seed=seed, workers=workers,
                                                 peers=peers, app=app and i == len(corpora) - 1, real=real)
        result["total_s"] = round(time.perf_counter() - started, 1)
        write_reports(result, out)
        return result
    finally:
        if work_dir is None:
            shutil.rmtree(tmp, ignore_errors=True)

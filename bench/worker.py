"""One measured step, run in a fresh subprocess so its memory is its own.

``python -m bench.worker TASK CONFIG.json OUT.json``: the parent (``bench.run``) polls this
process tree's RSS while it runs; the step writes its own timings to ``OUT.json``.
"""

from __future__ import annotations

import json
import logging
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.queries import QUERIES, Query

log = logging.getLogger(__name__)
LOG_EVERY = 1000


def rss_mb() -> float:
    """This process's resident set now (VmRSS), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def maxrss_mb() -> dict[str, float]:
    """getrusage peaks: this process and the largest of its waited-for children."""
    return {"self_maxrss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "children_maxrss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)}


def latency_stats(ms: list[float]) -> dict[str, float]:
    if not ms:
        return {"p50_ms": 0.0, "p95_ms": 0.0, "max_ms": 0.0}
    ordered = sorted(ms)
    p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]
    return {"p50_ms": round(statistics.median(ordered), 2), "p95_ms": round(p95, 2), "max_ms": round(ordered[-1], 2)}


def _queries(cfg: dict[str, Any]) -> list[Query]:
    wanted = cfg.get("queries")
    return [q for q in QUERIES if wanted is None or q.text in wanted]


def _timed_pass(search: Callable[[Query], Any], queries: list[Query]) -> tuple[list[float], list[int]]:
    ms: list[float] = []
    counts: list[int] = []
    for q in queries:
        t = time.perf_counter()
        hits = search(q)
        ms.append((time.perf_counter() - t) * 1000)
        counts.append(len(hits))
    return ms, counts


def _query_block(search_top: Callable[[Query], Any], search_all: Callable[[Query], set[int]],
                 queries: list[Query], hits_out: Path) -> dict[str, Any]:
    """First result (cold), one timed pass, one warm pass, then every matching id for recall."""
    t = time.perf_counter()
    first = search_top(queries[0])
    first_ms = (time.perf_counter() - t) * 1000
    idle = rss_mb()
    cold, counts = _timed_pass(search_top, queries)
    warm, _ = _timed_pass(search_top, queries)
    sample = [str(h) for h in list(first)[:1]]
    all_ids = {q.text: sorted(search_all(q)) for q in queries}
    hits_out.write_text(json.dumps(all_ids, ensure_ascii=False), encoding="utf-8")
    return {
        "first_query_ms": round(first_ms, 2), "idle_rss_mb": idle, "rss_after_queries_mb": rss_mb(),
        "query": latency_stats(cold), "query_warm": latency_stats(warm),
        "per_query_ms": {q.text: round(m, 2) for q, m in zip(queries, cold, strict=True)},
        "top_counts": dict(zip([q.text for q in queries], counts, strict=True)), "sample_hit": sample,
    }


# Zhiku ------------------------------------------------------------------------------------------

def zhiku_import(cfg: dict[str, Any]) -> dict[str, Any]:
    from kb.service import KnowledgeBase
    from kb.workers import default_workers

    workers = cfg.get("workers")
    t0 = time.perf_counter()
    kb = KnowledgeBase.open(Path(cfg["kb_dir"]))
    opened = time.perf_counter()
    report = kb.import_paths([Path(p) for p in cfg["paths"]], workers=workers)
    done = time.perf_counter()
    stats = kb.stats()
    kb.close()
    return {"open_s": round(opened - t0, 3), "import_s": round(done - opened, 3), "added": len(report.added),
            "workers": default_workers() if workers is None else workers,
            "failed": [[f.path, f.reason] for f in report.failed][:20], "n_failed": len(report.failed),
            "chars": report.chars, "documents": stats.documents, "passages": stats.passages, **maxrss_mb()}


def zhiku_passages(cfg: dict[str, Any]) -> dict[str, Any]:
    """Export Zhiku's passages (id, document, text): the peers index exactly these."""
    from kb.service import KnowledgeBase

    kb = KnowledgeBase.open(Path(cfg["kb_dir"]), readonly=True)
    n = 0
    regions: dict[str, list[str]] = {}
    with Path(cfg["out"]).open("w", encoding="utf-8") as fh:
        for doc in kb.documents():
            regions[doc.name] = list(doc.region_chain)
            for p in kb.document_text(doc.id).passages:
                fh.write(json.dumps({"id": p.id, "doc": doc.name, "text": p.text}, ensure_ascii=False) + "\n")
                n += 1
    kb.close()
    return {"passages": n, "zhiku_regions": regions}


def zhiku_query(cfg: dict[str, Any]) -> dict[str, Any]:
    from kb.service import KnowledgeBase

    t0 = time.perf_counter()
    kb = KnowledgeBase.open(Path(cfg["kb_dir"]))
    open_s = time.perf_counter() - t0
    kb.warm()  # as the app does, in the background, right after opening
    warm_s = time.perf_counter() - t0 - open_s
    out = _query_block(
        lambda q: kb.search(q.text, limit=10).hits,
        lambda q: {h.passage_id for h in kb.index.search(q.text, limit=10_000_000).hits},
        _queries(cfg), Path(cfg["hits_out"]))
    kb.close()
    return {"open_s": round(open_s, 3), "warm_s": round(warm_s, 3), **out, **maxrss_mb()}


def zhiku_incremental(cfg: dict[str, Any]) -> dict[str, Any]:
    from kb.service import KnowledgeBase

    t0 = time.perf_counter()
    kb = KnowledgeBase.open(Path(cfg["kb_dir"]))
    opened = time.perf_counter()
    report = kb.import_paths([Path(cfg["path"])], workers=cfg.get("workers"))
    done = time.perf_counter()
    kb.close()
    return {"open_s": round(opened - t0, 3), "import_s": round(done - opened, 3), "added": len(report.added),
            "failed": [[f.path, f.reason] for f in report.failed], **maxrss_mb()}


# peers -------------------------------------------------------------------------------------------

def _peer(cfg: dict[str, Any]) -> Any:
    from bench.peers import PEERS

    return PEERS[cfg["system"]](Path(cfg["work_dir"]))


def peer_import(cfg: dict[str, Any]) -> dict[str, Any]:
    from bench.peers import read_passages

    peer = _peer(cfg)
    manifest = json.loads(Path(cfg["manifest"]).read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    n = peer.build(read_passages(Path(cfg["passages"])), manifest)
    return {"import_s": round(time.perf_counter() - t0, 3), "passages": n, **peer.sizes(), **maxrss_mb()}


def peer_query(cfg: dict[str, Any]) -> dict[str, Any]:
    peer = _peer(cfg)
    t0 = time.perf_counter()
    peer.open()
    open_s = time.perf_counter() - t0
    out = _query_block(lambda q: peer.search_top(q, 10), peer.search_all, _queries(cfg), Path(cfg["hits_out"]))
    peer.close()
    return {"open_s": round(open_s, 3), "note": peer.note(), **out, **maxrss_mb()}


TASKS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "zhiku_import": zhiku_import, "zhiku_passages": zhiku_passages, "zhiku_query": zhiku_query,
    "zhiku_incremental": zhiku_incremental, "peer_import": peer_import, "peer_query": peer_query,
}


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    task, cfg_path, out_path = argv
    cfg = json.loads(Path(cfg_path).read_text(encoding="utf-8"))
    result = TASKS[task](cfg)
    Path(out_path).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

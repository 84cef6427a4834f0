"""``python -m bench.parent DIR``: CPU per document of the import's writing process alone.

The files of DIR are read, cleaned and extracted first (in a pool, as the import's workers do);
their results are then handed to ``KnowledgeBase.import_paths`` of a fresh library in place of
the workers', so the figure is the parent's own work (store, index, sidecar) in CPU time
(``time.process_time``), which a busy shared machine inflates far less than wall time. The
parts are timed by wrapping the importer's and the index's methods; ``--profile OUT`` writes a
cProfile of the replay instead.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from multiprocessing import Pool
from pathlib import Path
from typing import Any

from kb import importer, pipeline
from kb.errors import IngestError
from kb.search import index, segdata
from kb.service import KnowledgeBase

PARTS = ((importer.Importer, "_store_doc", "store"), (importer.Importer, "_index_doc", "index_add"),
         (index.SearchIndex, "commit", "index_commit"), (segdata.MemGrams, "__init__", "gram_index"))


def _process(path: str) -> tuple[str, pipeline.Processed | IngestError]:
    return path, pipeline.process_path(Path(path))


def processed(folder: Path, limit: int | None, workers: int) -> list[tuple[Path, Any]]:
    """Each file's pipeline result, in name order (what the workers would send)."""
    files = [str(p) for p in sorted(folder.iterdir()) if p.is_file()][:limit]
    pipeline.warm()
    with Pool(workers) as pool:
        return [(Path(p), r) for p, r in pool.map(_process, files, chunksize=16)]


def _timed(times: dict[str, float], f: Callable[..., Any], label: str) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t = time.process_time()
        try:
            return f(*args, **kwargs)
        finally:
            times[label] = times.get(label, 0.0) + time.process_time() - t
    return wrapper


def replay(results: list[tuple[Path, Any]], kb_dir: Path, profile: Path | None = None) -> dict[str, Any]:
    """Import ``results`` into a fresh library at ``kb_dir``; CPU ms per document, in all and by part."""
    times: dict[str, float] = {}
    saved = [(owner, name, getattr(owner, name)) for owner, name, _label in PARTS]

    def from_memory(self: importer.Importer, files: list[Path], workers: int | None, cancel: Any
                    ) -> Iterator[tuple[Path, Any]]:
        yield from results

    originals = (importer.Importer._process, importer.iter_files)
    try:
        for owner, name, label in PARTS:
            setattr(owner, name, _timed(times, getattr(owner, name), label))
        importer.Importer._process = from_memory  # type: ignore[assignment,method-assign]
        importer.iter_files = lambda _paths: iter([p for p, _r in results])  # type: ignore[assignment]
        shutil.rmtree(kb_dir, ignore_errors=True)
        with KnowledgeBase.open(kb_dir) as kb:
            kb.ensure_words()  # once per process, not per document
            start = time.process_time()
            if profile is not None:
                import cProfile
                prof = cProfile.Profile(time.process_time)
                report = prof.runcall(kb.import_paths, [kb_dir])
                prof.dump_stats(str(profile))
            else:
                report = kb.import_paths([kb_dir])
            cpu = time.process_time() - start
            segments = kb.index.segment_count()
    finally:
        for owner, name, f in saved:
            setattr(owner, name, f)
        importer.Importer._process, importer.iter_files = originals  # type: ignore[method-assign]
    n = max(len(report.added), 1)
    return {"documents": len(report.added), "cpu_ms_per_doc": round(1000 * cpu / n, 2), "segments": segments,
            "parts_ms_per_doc": {k: round(1000 * v / n, 2) for k, v in times.items()}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.parent", description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="documents to import (e.g. a bench corpus's docs/)")
    parser.add_argument("--docs", type=int, default=None, help="the first N files only")
    parser.add_argument("--workers", type=int, default=2, help="processes that prepare the results")
    parser.add_argument("--rounds", type=int, default=2, help="replays of the same results")
    parser.add_argument("--profile", type=Path, help="write a cProfile (CPU time) of one replay here")
    args = parser.parse_args(argv)
    results = processed(args.folder, args.docs, args.workers)
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(1 if args.profile else args.rounds):
            print(json.dumps(replay(results, Path(tmp) / "kb", args.profile), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

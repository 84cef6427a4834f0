"""Snapshot of the whole worker-side pipeline's output, for speed work that must not change results.

Not a test module (no ``test_`` prefix): a developer tool. Run before an optimisation to save the
"before" snapshot, then after it to compare; it also reports worker-side CPU time per document::

    .venv/bin/python tests/extract/snapshot_tool.py save /tmp/snap_before.json
    .venv/bin/python tests/extract/snapshot_tool.py compare /tmp/snap_before.json

Documents: data/corpus/*.txt, tests/extract/fixtures/*.txt, tests/fixtures/*.txt and 200
generated benchmark documents (``bench.corpus.build_corpus``, fixed seed).
"""

from __future__ import annotations

import dataclasses
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kb.ingest import prepare  # noqa: E402
from kb.pipeline import process_doc  # noqa: E402


def _paths(tmp: Path, n_bench: int) -> list[Path]:
    from bench.corpus import build_corpus

    out = sorted((ROOT / "data" / "corpus").glob("*.txt"))
    out += sorted((ROOT / "tests" / "extract" / "fixtures").glob("*.txt"))
    out += sorted((ROOT / "tests" / "fixtures").glob("*.txt"))
    build_corpus(tmp, n_bench)
    out += sorted((tmp / "docs").glob("*.txt"))
    return out


def _plain(obj: object) -> object:
    if dataclasses.is_dataclass(obj):
        return {k: _plain(v) for k, v in dataclasses.asdict(obj).items()}
    if isinstance(obj, (list, tuple)):
        return [_plain(x) for x in obj]
    return obj


def snapshot(n_bench: int = 200) -> tuple[dict[str, object], float, float, int]:
    """(name -> output, CPU seconds of prepare, CPU seconds of process_doc, documents)."""
    out: dict[str, object] = {}
    t_prep = t_proc = 0.0
    with tempfile.TemporaryDirectory() as d:
        paths = _paths(Path(d), n_bench)
        for p in paths:
            c0 = time.process_time()
            doc = prepare(p)
            c1 = time.process_time()
            res = process_doc(doc)
            c2 = time.process_time()
            t_prep += c1 - c0
            t_proc += c2 - c1
            key = f"{p.parent.name}/{p.name}"
            out[key] = {
                "chain": list(res.region_chain), "keys": list(res.region_keys),
                "entities": _plain(res.entities), "links": _plain(res.links),
                "measures": _plain(res.measures), "warnings": res.warnings,
            }
    return out, t_prep, t_proc, len(out)


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[1] not in ("save", "compare"):
        print(__doc__)
        return 2
    c0 = time.process_time()
    snap, t_prep, t_proc, n = snapshot()
    total = time.process_time() - c0
    print(f"{n} docs; total CPU {total:.2f}s (incl. start-up); prepare {1000 * t_prep / n:.2f} ms/doc, "
          f"process_doc {1000 * t_proc / n:.2f} ms/doc")
    path = Path(argv[2])
    if argv[1] == "save":
        path.write_text(json.dumps(snap, ensure_ascii=False, indent=0), encoding="utf-8")
        print(f"saved {path}")
        return 0
    before = json.loads(path.read_text(encoding="utf-8"))
    now = json.loads(json.dumps(snap, ensure_ascii=False))
    diff = [k for k in sorted(set(before) | set(now)) if before.get(k) != now.get(k)]
    for k in diff[:20]:
        b, a = before.get(k) or {}, now.get(k) or {}
        parts = [f for f in ("chain", "keys", "entities", "links", "measures", "warnings") if b.get(f) != a.get(f)]
        print(f"DIFF {k}: {', '.join(parts)}")
    print("IDENTICAL" if not diff else f"{len(diff)} documents differ")
    return 0 if not diff else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""``python -m bench.extract_speed``: measure extraction speed in characters per CPU second.

Runs :func:`kb.extract.measures.extract_measures` over the measure fixtures and the starter corpus
(``tests/extract/fixtures/*.txt`` + ``data/corpus/*.txt``) a few times and reports the best round,
so a busy shared machine inflates the figure as little as possible. CPU time (``time.process_time``)
rather than wall time, for the same reason. The first round also pays the lazy imports and caches.

On a shared machine CPU time still wanders by ±10%; instruction counts do not. The instructions
of two passes are the difference of ``valgrind --tool=callgrind python -m bench.extract_speed
--rounds 2`` and the same with ``--rounds 0`` (the warm-up only).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from kb.extract.measures import extract_measures

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "tests" / "extract" / "fixtures", ROOT / "data" / "corpus")


def texts() -> list[str]:
    """Every .txt of the fixture folder and the starter corpus, in a fixed order."""
    return [p.read_text(encoding="utf-8") for d in SOURCES for p in sorted(d.glob("*.txt"))]


def one_round(bodies: list[str]) -> tuple[float, int]:
    """(CPU seconds, measures found) for one pass over ``bodies``."""
    start = time.process_time()
    found = sum(len(extract_measures(b, (), doc_date="2023-06-01")) for b in bodies)
    return time.process_time() - start, found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.extract_speed", description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7,
                        help="passes over the texts after the warm-up; the best counts (default 7; 0: warm-up only)")
    args = parser.parse_args(argv)
    bodies = texts()
    chars = sum(len(b) for b in bodies)
    warm_s, found = one_round(bodies)  # warm-up: imports, regex compilation, lexicon
    if args.rounds <= 0:
        print(json.dumps({"documents": len(bodies), "characters": chars, "measures": found, "warm_up_cpu_s": round(warm_s, 4)}))
        return 0
    best, found = min(one_round(bodies) for _ in range(args.rounds))
    print(json.dumps({"documents": len(bodies), "characters": chars, "measures": found,
                      "best_cpu_s": round(best, 4), "chars_per_cpu_s": round(chars / best)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""``python -m bench --docs N --out FILE.json``: see bench/README.md."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from bench.run import CORPORA, PEER_NAMES, run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description="Zhiku performance benchmark against peers")
    parser.add_argument("--docs", type=int, default=1000, help="documents to generate per corpus (default 1000)")
    parser.add_argument("--out", type=Path, required=True, help="result JSON (a .md table is written beside it)")
    parser.add_argument("--queries", type=int, default=50, help="how many of the 50 fixed queries (spread evenly)")
    parser.add_argument("--seed", type=int, default=20240521, help="corpus seed (same seed, same files)")
    parser.add_argument("--workers", type=int, default=None,
                        help="Zhiku import worker processes (default: Zhiku's own, one per core, at most 4)")
    parser.add_argument("--corpora", default=",".join(CORPORA), help="comma-separated, of: starter, real")
    parser.add_argument("--real", type=Path, help="recombine the paragraphs of your own documents in this folder "
                        "for the real-text corpus (default: the repository's non-starter test texts)")
    parser.add_argument("--work-dir", type=Path, help="keep corpus, libraries and indexes here (default: a temp dir, removed)")
    parser.add_argument("--peers", default=",".join(PEER_NAMES), help="comma-separated peers, '' for none")
    parser.add_argument("--no-app", action="store_true", help="skip the app-start measurement (no Qt)")
    args = parser.parse_args(argv)
    if args.docs < 1 or args.queries < 1:
        parser.error("--docs and --queries must be at least 1")
    corpora = tuple(c for c in args.corpora.split(",") if c)
    if not corpora or set(corpora) - set(CORPORA):
        parser.error(f"--corpora: choose from {', '.join(CORPORA)}")
    if args.real is not None and not args.real.is_dir():
        parser.error(f"--real: no folder {args.real}")
    peers = tuple(p for p in args.peers.split(",") if p)
    unknown = [p for p in peers if p not in PEER_NAMES]
    if unknown:
        parser.error(f"unknown peer(s) {unknown}; choose from {', '.join(PEER_NAMES)}")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%H:%M:%S", stream=sys.stderr)
    run(args.docs, args.out, n_queries=args.queries, seed=args.seed, workers=args.workers, work_dir=args.work_dir,
        peers=peers, app=not args.no_app, corpora=corpora, real=args.real)
    return 0


if __name__ == "__main__":
    sys.exit(main())

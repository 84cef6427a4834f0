"""Zhiku desktop app: ``python main.py [--kb DIR] [--lang zh|en] [--screenshot OUT.png ...]``."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    from ui.app import main

    sys.exit(main(corpus_dir=HERE / "data" / "corpus"))

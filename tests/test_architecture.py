"""The core never imports Qt, and only kb/search imports whoosh."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_importing_every_kb_module_loads_no_qt() -> None:
    modules = sorted(
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for p in (ROOT / "kb").rglob("*.py")
        if p.name != "__main__.py"
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m.removesuffix('.__init__'))\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'PyQt'))]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_whoosh_and_sql_stay_inside_kb() -> None:
    offenders = []
    for path in list((ROOT / "ui").rglob("*.py")) + [ROOT / "main.py"]:
        text = path.read_text(encoding="utf-8")
        if re.search(r"^\s*(import|from)\s+(whoosh|sqlite3|sqlite_utils)\b", text, re.M):
            offenders.append(str(path.relative_to(ROOT)))
    for path in (ROOT / "kb").rglob("*.py"):
        if "search" in path.relative_to(ROOT).parts:
            continue
        if re.search(r"^\s*(import|from)\s+whoosh\b", path.read_text(encoding="utf-8"), re.M):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_starter_corpus_is_the_unchanged_seed_set() -> None:
    corpus = sorted(p.name for p in (ROOT / "data" / "corpus").iterdir())
    assert len(corpus) == 5 and all(name.endswith(".txt") for name in corpus)

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


_SQL = re.compile(r"\.(execute|executemany|executescript)\(|\b(SELECT|INSERT INTO|DELETE FROM|UPDATE \w+ SET)\b")


def test_sql_lives_only_in_kb_store() -> None:
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "kb").rglob("*.py")
                 if "store" not in p.relative_to(ROOT).parts and _SQL.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_no_class_is_built_from_mixins() -> None:
    offenders = []
    for path in list((ROOT / "kb").rglob("*.py")) + list((ROOT / "ui").rglob("*.py")):
        for m in re.finditer(r"^class (\w+)\(([^)]*)\)", path.read_text(encoding="utf-8"), re.M):
            if "Mixin" in m.group(0):
                offenders.append(f"{path.relative_to(ROOT)}: {m.group(1)}")
    assert offenders == []


_PARTS = ("kb.service", "kb.library", "kb.importer", "kb.notes", "kb.compare", "kb.export", "kb.store",
          "kb.maintenance", "kb.pipeline")


def _imported(path: Path) -> list[str]:
    """Every module a file imports (top level or inside functions, TYPE_CHECKING blocks included)."""
    text = path.read_text(encoding="utf-8")
    found = re.findall(r"^\s*from\s+([\w.]+)\s+import\b", text, re.M)
    for names in re.findall(r"^\s*import\s+([\w., ]+)$", text, re.M):
        found += [n.split(" as ")[0].strip() for n in names.split(",")]
    return found


def test_views_and_models_take_only_dataclasses_and_errors_from_the_core() -> None:
    offenders = []
    for folder in ("views", "models"):
        for path in (ROOT / "ui" / folder).rglob("*.py"):
            bad = [m for m in _imported(path) if (m == "kb" or m.startswith("kb.")) and m not in ("kb.models", "kb.errors")]
            offenders += [f"{path.relative_to(ROOT)}: {m}" for m in bad]
    assert offenders == []


def test_only_the_controller_reaches_the_service_and_nothing_in_ui_imports_a_part() -> None:
    offenders = []
    for path in [*(ROOT / "ui").rglob("*.py"), ROOT / "main.py"]:
        for m in _imported(path):
            if m.startswith(_PARTS) or (m == "kb" and path.name != "controller.py"):
                offenders.append(f"{path.relative_to(ROOT)}: {m}")
    assert offenders == []


def test_no_kb_source_names_qt() -> None:
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "kb").rglob("*.py")
                 if any(m.startswith(("PySide6", "PyQt", "shiboken")) for m in _imported(p))]
    assert offenders == []

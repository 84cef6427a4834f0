"""The entity side of ``kb.extract`` has an acyclic import graph, with every import at module level."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[2] / "kb" / "extract"
# Owned and restructured by the measure side; its own cycle is checked there.
MEASURE_SIDE = {"measures", "numbers", "cnnum", "classify", "timescope", "responsibility", "measure_region"}


def _imports(path: Path) -> list[tuple[str, bool]]:
    """kb.extract modules imported by ``path``: (module, at module level?)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {id(n) for n in tree.body}
    out = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "kb.extract":
                names = [a.name for a in node.names]
            elif node.module.startswith("kb.extract."):
                names = [node.module.split(".")[2]]
        elif isinstance(node, ast.Import):
            names = [a.name.split(".")[2] for a in node.names if a.name.startswith("kb.extract.")]
        out += [(n, id(node) in top) for n in names if (PKG / f"{n}.py").exists()]
    return out


def _graph() -> dict[str, set[str]]:
    return {p.stem: {m for m, _ in _imports(p)} for p in PKG.glob("*.py") if p.stem != "__init__"}


def _cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = set()
            while True:
                w = stack.pop()
                comp.add(w)
                if w == v:
                    break
            if len(comp) > 1 or v in graph.get(v, ()):
                out.append(comp)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_no_import_cycle_through_the_entity_side() -> None:
    bad = [c for c in _cycles(_graph()) if c - MEASURE_SIDE]
    assert bad == []


def test_entity_side_imports_sit_at_module_level() -> None:
    hidden = [(p.stem, m) for p in PKG.glob("*.py") if p.stem not in MEASURE_SIDE
              for m, top in _imports(p) if not top]
    assert hidden == []


def test_the_cycle_finder_sees_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [{"a", "b", "c"}]

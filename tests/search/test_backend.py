"""The search backend boundary: one module talks to Whoosh, the engine satisfies the protocol."""

from __future__ import annotations

import re
from pathlib import Path

SEARCH = Path(__file__).resolve().parents[2] / "kb" / "search"


def test_only_whoosh_io_imports_whoosh() -> None:
    importers = sorted(p.name for p in SEARCH.rglob("*.py")
                       if re.search(r"^\s*(import|from)\s+whoosh\b", p.read_text(encoding="utf-8"), re.M))
    assert importers == ["whoosh_io.py"]


def test_no_private_whoosh_access_outside_whoosh_io() -> None:
    private = re.compile(r"\.(_segments|_read_data|_next_block|_byteids|_data)\b|\bnewsegment\b|\.docnum\b")
    offenders = [p.name for p in SEARCH.rglob("*.py") if p.name != "whoosh_io.py" and private.search(p.read_text("utf-8"))]
    assert offenders == []


def test_the_whoosh_engine_is_a_search_backend(tmp_path: Path) -> None:
    from kb.search import SearchBackend, SearchIndex

    ix = SearchIndex(tmp_path / "ix")
    assert isinstance(ix, SearchBackend)
    ix.close()

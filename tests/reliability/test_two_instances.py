"""Two Zhiku instances on one knowledge base: the second is read-only, never a second writer."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from kb.errors import ReadOnlyError
from kb.service import KnowledgeBase

from .helpers import PYTHON, ROOT, write_docs

_SECOND = """
import json, sys
from pathlib import Path
from kb.errors import ReadOnlyError
from kb.service import KnowledgeBase
kb = KnowledgeBase.open(sys.argv[1])
out = {"readonly": kb.readonly, "docs": len(kb.documents()), "hits": kb.search("实施方案").total}
for name, call in (("import", lambda: kb.import_paths([Path(sys.argv[2])])),
                   ("note", lambda: kb.add_note(doc="doc_0000.txt", quote="请认真贯彻落实")),
                   ("remove", lambda: kb.remove_document("doc_0000.txt"))):
    try:
        call()
        out[name] = "done"
    except ReadOnlyError as exc:
        out[name] = "ReadOnlyError: " + str(exc)
kb.close()
print(json.dumps(out))
"""


def _second_process(kb_dir: Path, extra: Path) -> dict:
    out = subprocess.run([PYTHON, "-c", _SECOND, str(kb_dir), str(extra)], cwd=ROOT, capture_output=True, text=True,
                         env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=60)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout)


def test_second_process_opens_read_only(tmp_path: Path) -> None:
    kb_dir = tmp_path / "kb"
    extra = write_docs(tmp_path / "extra", 1, start=7)[0]
    with KnowledgeBase.open(kb_dir) as first:
        first.import_paths(write_docs(tmp_path / "docs", 2))
        assert not first.readonly
        seen = _second_process(kb_dir, extra)
        assert seen["readonly"] is True and seen["docs"] == 2 and seen["hits"] > 0
        assert seen["import"].startswith("ReadOnlyError") and "read-only" in seen["import"]
        assert seen["remove"].startswith("ReadOnlyError")
        assert seen["note"].startswith("ReadOnlyError")
        # The first instance is unaffected and still writes.
        assert len(first.documents()) == 2 and first.notes() == []
        assert first.import_paths([extra]).added == ("doc_0007.txt",)
    # Once the first is closed, the next opener is the writer.
    seen = _second_process(kb_dir, extra)
    assert seen["readonly"] is False and seen["import"] == seen["note"] == seen["remove"] == "done"


def test_second_open_in_one_process_is_read_only_too(tmp_path: Path) -> None:
    kb_dir = tmp_path / "kb"
    first = KnowledgeBase.open(kb_dir)
    try:
        first.import_paths(write_docs(tmp_path / "docs", 2))
        second = KnowledgeBase.open(kb_dir)  # flock is per open file description: a second open conflicts
        try:
            assert second.readonly
            with pytest.raises(ReadOnlyError):
                second.import_paths([tmp_path / "docs"])
            with pytest.raises(ReadOnlyError):
                second.correct_entity("delete", "region", second.entities(type="region")[0].name)
            with pytest.raises(ReadOnlyError):
                second.add_note(doc="doc_0000.txt", quote="请认真贯彻落实")
            assert len(second.documents()) == 2
            # The reader sees the writer's later imports.
            first.import_paths(write_docs(tmp_path / "more", 1, start=5))
            assert len(second.documents()) == 3
            assert second.search('"编号00005"').total == 1
        finally:
            second.close()
        assert not first.readonly and first.check().ok
    finally:
        first.close()
    with KnowledgeBase.open(kb_dir) as again:
        assert not again.readonly

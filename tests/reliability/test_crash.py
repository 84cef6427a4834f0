"""A process killed (SIGKILL) in the middle of an import leaves a knowledge base that opens,
searches, shows only whole documents, repairs itself and imports again.

The kills are real: ``python -m kb index`` runs in a child process and is killed once the store
shows it well inside the second index batch (the first batch committed, the second pending in
store and index writer); and a child is killed at the one worst moment, between the index commit
and marking its documents ``ok``.
"""

from __future__ import annotations

import json
import signal
import subprocess
import time
from pathlib import Path

from kb import paths
from kb.service import KnowledgeBase

from .helpers import run_cli, run_python, snapshot, start_cli, statuses, wait_for, write_docs

N_DOCS = 300


def _kill_mid_import(kb_dir: Path, folder: Path) -> int:
    """Start ``index`` in a child and SIGKILL it inside the second index batch: the first batch
    committed (``ok``), the second pending in store and index writer. Returns the exit status."""
    child = start_cli("--kb", str(kb_dir), "index", str(folder), stdout=subprocess.DEVNULL)
    wait_for(lambda: statuses(kb_dir).get("ok", 0) >= 200 and statuses(kb_dir).get("pending", 0) >= 5, child)
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=30)
    return child.returncode


def test_sigkill_mid_import_leaves_a_usable_consistent_kb(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    write_docs(folder, N_DOCS)
    kb_dir = tmp_path / "kb"
    # A note made before the crash must survive it.
    with KnowledgeBase.open(kb_dir) as kb:
        kb.import_paths([folder / "doc_0000.txt"])
        kb.add_note(doc="doc_0000.txt", quote="请认真贯彻落实", comment="crash survivor")

    assert _kill_mid_import(kb_dir, folder) == -signal.SIGKILL
    counts = statuses(kb_dir)
    # The child died between two commits: the first batch is in, the second is half-way.
    assert counts.get("ok", 0) >= 200 and counts.get("pending", 0) > 0, counts
    ok_before = counts["ok"]

    # Read-only first (as a second window would open it): only whole documents, search works.
    with KnowledgeBase.open(kb_dir, readonly=True) as ro:
        assert len(ro.documents()) == ok_before
        hits = ro.search("实施方案", limit=1000).hits
        shown = {h.doc_id for h in hits}
        assert shown and shown <= {d.id for d in ro.documents()}

    # Writable open: no stale Whoosh lock blocks it, and leftovers of the crash are undone.
    t0 = time.perf_counter()
    kb = KnowledgeBase.open(kb_dir)
    opened = time.perf_counter() - t0
    try:
        assert not kb.readonly
        assert opened < 10
        assert statuses(kb_dir).get("pending", 0) == 0
        docs = kb.documents()
        assert len(docs) == ok_before
        result = kb.search("实施方案", limit=1000)
        assert result.hits and {h.doc_id for h in result.hits} <= {d.id for d in docs}
        for h in result.hits[:20]:  # every hit points at real text
            assert kb.document_text(h.doc_id).body[h.start : h.end] == h.text
        report = kb.check(repair=True)
        assert report.ok, report.problems
        assert kb.check().ok
        assert [n.comment for n in kb.notes()] == ["crash survivor"]
        # A new import finishes what the killed one started.
        again = kb.import_paths([folder])
        assert again.ok and len(again.added) == N_DOCS - ok_before
        assert len(kb.documents()) == N_DOCS
        assert kb.check().ok
        assert kb.search('"编号00299"').total == 1
    finally:
        kb.close()
    check = run_cli("--kb", str(kb_dir), "check", "--json")
    assert check.returncode == 0, check.stdout + check.stderr
    assert json.loads(check.stdout)["ok"] is True


_DIE_BEFORE_OK = """
import os, signal, sys
from kb.service import KnowledgeBase
from kb.store.documents import Documents

def die(*_args):  # marking 'ok' comes right after the index commit: the process is killed there
    os.kill(os.getpid(), signal.SIGKILL)

kb = KnowledgeBase.open(sys.argv[1])
Documents.set_status = die
kb.import_paths(sys.argv[2:])
"""


def test_kill_between_index_commit_and_ok_never_shows_the_pending_document(tmp_path: Path) -> None:
    """The worst moment: the index has the passages, the store still says 'pending' -- a real SIGKILL there."""
    folder = tmp_path / "docs"
    write_docs(folder, 3)
    kb_dir = tmp_path / "kb"
    with KnowledgeBase.open(kb_dir) as kb:
        kb.import_paths([folder / "doc_0000.txt"])
        kb.add_note(doc="doc_0000.txt", quote="请认真贯彻落实")
    before = snapshot(paths.store_path(kb_dir))
    done = run_python(_DIE_BEFORE_OK, str(kb_dir), str(folder / "doc_0001.txt"), str(folder / "doc_0002.txt"))
    assert done.returncode == -signal.SIGKILL, done.stderr[-2000:]
    assert statuses(kb_dir) == {"ok": 1, "pending": 2}
    with KnowledgeBase.open(kb_dir, readonly=True) as ro:  # the index has them; nobody sees them
        assert ro.search('"编号00001"').hits == () and ro.search('"编号00002"').hits == ()
        assert [d.name for d in ro.documents()] == ["doc_0000.txt"]
    out = run_cli("--kb", str(kb_dir), "search", '"编号00002"', "--json")
    assert out.returncode == 0 and json.loads(out.stdout)["hits"] == []
    with KnowledgeBase.open(kb_dir) as kb:
        assert kb.check().ok  # repaired at open
        assert snapshot(paths.store_path(kb_dir)) == before
        assert kb.search('"编号00001"').total == 0
        assert kb.import_paths([folder]).added == ("doc_0001.txt", "doc_0002.txt")
        assert kb.search('"编号00001"').total == 1

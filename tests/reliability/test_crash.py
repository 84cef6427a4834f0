"""A process killed (SIGKILL) in the middle of an import leaves a knowledge base that opens,
searches, shows only whole documents, repairs itself and imports again.

The kill is real: ``python -m kb index`` runs in a child process and is killed once its progress
lines show it is well inside the second index batch (the first batch committed, the second
pending in store and index writer).
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

from kb import paths
from kb.service import KnowledgeBase

from .helpers import PYTHON, ROOT, run_cli, snapshot, write_docs

N_DOCS = 300


def _kill_mid_import(kb_dir: Path, folder: Path, after: int) -> tuple[int, str]:
    """Start ``index`` in a child, SIGKILL it once ``after`` files were processed; return (rc, stderr)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen([PYTHON, "-m", "kb", "--kb", str(kb_dir), "index", str(folder)], cwd=ROOT, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seen: list[str] = []
    assert child.stderr is not None
    deadline = time.monotonic() + 60
    for line in child.stderr:
        seen.append(line)
        if line.startswith("[") and int(line[1:].split("/")[0]) >= after:
            child.send_signal(signal.SIGKILL)
            break
        assert time.monotonic() < deadline, "import too slow to be killed in time"
    rc = child.wait(timeout=30)
    child.stderr.close()
    return rc, "".join(seen)


def _statuses(kb_dir: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{paths.store_path(kb_dir)}?mode=ro", uri=True)
    try:
        return dict(conn.execute("SELECT status, COUNT(*) FROM documents GROUP BY status").fetchall())
    finally:
        conn.close()


def test_sigkill_mid_import_leaves_a_usable_consistent_kb(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    write_docs(folder, N_DOCS)
    kb_dir = tmp_path / "kb"
    # A note made before the crash must survive it.
    with KnowledgeBase.open(kb_dir) as kb:
        kb.import_paths([folder / "doc_0000.txt"])
        kb.add_note(doc="doc_0000.txt", quote="请认真贯彻落实", comment="crash survivor")

    rc, err = _kill_mid_import(kb_dir, folder, after=215)
    assert rc == -signal.SIGKILL, err[-500:]
    statuses = _statuses(kb_dir)
    # The child died between two commits: the first batch is in, the second is half-way.
    assert statuses.get("ok", 0) >= 200 and statuses.get("pending", 0) > 0, statuses
    ok_before = statuses["ok"]

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
        assert _statuses(kb_dir).get("pending", 0) == 0
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


def test_kill_between_index_commit_and_ok_never_shows_the_pending_document(tmp_path: Path) -> None:
    """The worst moment: the index has the passages, the store still says 'pending'."""
    folder = tmp_path / "docs"
    write_docs(folder, 3)
    kb_dir = tmp_path / "kb"
    with KnowledgeBase.open(kb_dir) as kb:
        kb.import_paths([folder / "doc_0000.txt"])
        kb.add_note(doc="doc_0000.txt", quote="请认真贯彻落实")
        before = snapshot(paths.store_path(kb_dir))
        # Simulate the crash: run the import but make marking 'ok' never happen.
        real = kb.store.documents.set_status

        class Killed(BaseException):
            pass

        def dying_set_status(*_args: object) -> None:  # marking 'ok' comes right after the index commit
            raise Killed()

        kb.store.documents.set_status = dying_set_status  # type: ignore[method-assign]
        try:
            kb.import_paths([folder / "doc_0001.txt", folder / "doc_0002.txt"])
        except Killed:
            pass
        kb.store.documents.set_status = real  # type: ignore[method-assign]
        assert _statuses(kb_dir).get("pending") == 2
        # Even in this very process the half-imported documents are invisible.
        assert kb.search('"编号00001"').hits == ()
        assert [d.name for d in kb.documents()] == ["doc_0000.txt"]
    with KnowledgeBase.open(kb_dir, readonly=True) as ro:
        assert ro.search('"编号00002"').hits == ()
    with KnowledgeBase.open(kb_dir) as kb:
        assert kb.check().ok  # repaired at open
        assert snapshot(paths.store_path(kb_dir)) == before
        assert kb.search('"编号00001"').total == 0
        assert kb.import_paths([folder]).added == ("doc_0001.txt", "doc_0002.txt")
        assert kb.search('"编号00001"').total == 1

"""Only the user's own deletion removes a note: re-import, removal, repair and a crash never do."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

from kb import paths
from kb.service import KnowledgeBase

from .helpers import PYTHON, ROOT, make_doc, run_cli, write_docs


def _note_rows(kb_dir: Path) -> list[tuple]:
    conn = sqlite3.connect(f"file:{paths.store_path(kb_dir)}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT id, quote, comment, tags, created_at FROM notes ORDER BY id").fetchall()
    finally:
        conn.close()


def test_notes_outlive_reimport_removal_repair_and_crash(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    files = write_docs(folder, 3)
    kb_dir = tmp_path / "kb"
    with KnowledgeBase.open(kb_dir) as kb:
        kb.import_paths([folder])
        a = kb.add_note(doc="doc_0000.txt", quote="请认真贯彻落实", comment="甲 <script>", tags=["t1"]).note
        b = kb.add_note(doc="doc_0001.txt", quote="强化人才支撑", comment="乙").note
        c = kb.add_note(doc="doc_0002.txt", quote="保障措施", comment="丙, deleted by the user").note
        original = _note_rows(kb_dir)
        assert len(original) == 3

        # 1. Re-import, unchanged and changed.
        kb.import_paths([folder])
        files[0].write_text(make_doc(0).replace("一、总体目标", "一、总体目标（修订）"), encoding="utf-8")
        assert kb.import_paths([folder]).replaced == ("doc_0000.txt",)
        assert _note_rows(kb_dir) == original
        assert not kb.note(a.id).orphaned and kb.note(a.id).quote == "请认真贯彻落实"

        # 2. Removing the document keeps its note (orphaned).
        assert kb.remove_document("doc_0001.txt").documents_removed
        assert _note_rows(kb_dir) == original and kb.note(b.id).orphaned

        # 3. The user's own deletion is the one thing that removes a note.
        assert kb.remove_note(c.id)
        remaining = [r for r in original if r[0] != c.id]
        assert _note_rows(kb_dir) == remaining

        # 4. check --repair on a damaged knowledge base (index emptied behind the service's back).
        kb.index.clear()
        assert not kb.check().ok
        assert kb.check(repair=True).ok
    assert _note_rows(kb_dir) == remaining
    out = run_cli("--kb", str(kb_dir), "check", "--repair")
    assert out.returncode == 0, out.stdout + out.stderr
    assert _note_rows(kb_dir) == remaining

    # 5. A crash in the middle of an import (the importing process is killed).
    more = tmp_path / "more"
    write_docs(more, 120, start=10)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen([PYTHON, "-m", "kb", "--kb", str(kb_dir), "index", str(more)], cwd=ROOT, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert child.stderr is not None
    for line in child.stderr:
        if line.startswith("[") and int(line[1:].split("/")[0]) >= 60:
            child.send_signal(signal.SIGKILL)
            break
    assert child.wait(timeout=30) == -signal.SIGKILL
    child.stderr.close()
    assert _note_rows(kb_dir) == remaining
    with KnowledgeBase.open(kb_dir) as kb:  # the repair at open leaves notes alone
        assert _note_rows(kb_dir) == remaining
        assert kb.check().ok
        assert {n.comment for n in kb.notes()} == {"甲 <script>", "乙"}


def test_note_writes_are_atomic_and_the_store_is_wal(tmp_path: Path) -> None:
    with KnowledgeBase.open(tmp_path / "kb") as kb:
        kb.import_paths(write_docs(tmp_path / "docs", 1))
        mode = kb.store.db.conn.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"
        # A failing write inside a transaction leaves no half note behind.
        try:
            with kb.store.db.atomic() as db:
                db.conn.execute("INSERT INTO notes (quote, created_at, updated_at) VALUES ('x', 'now', 'now')")
                raise RuntimeError("power cut")
        except RuntimeError:
            pass
        assert kb.notes() == []
        kb.add_note(doc="doc_0000.txt", quote="请认真贯彻落实")
    # Another connection (another process) sees the committed note at once.
    assert len(_note_rows(tmp_path / "kb")) == 1
    time.sleep(0)  # nothing pending: the note is on disk

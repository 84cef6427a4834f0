"""Only the user's own deletion removes a note: re-import, removal, repair and a crash never do."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
from pathlib import Path

from kb import paths
from kb.service import KnowledgeBase

from .helpers import make_doc, run_cli, run_python, start_cli, statuses, wait_for, write_docs


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
    child = start_cli("--kb", str(kb_dir), "index", str(more), stdout=subprocess.DEVNULL)
    wait_for(lambda: sum(statuses(kb_dir).values()) >= 60, child)
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert _note_rows(kb_dir) == remaining
    with KnowledgeBase.open(kb_dir) as kb:  # the repair at open leaves notes alone
        assert _note_rows(kb_dir) == remaining
        assert kb.check().ok
        assert {n.comment for n in kb.notes()} == {"甲 <script>", "乙"}


_DIE_IN_NOTES_ADD = """
import os, signal, sys
from kb.store.database import Database
from kb.store.notes import NoteRows

real_execute, real_insert = Database.execute, NoteRows.insert

def execute_and_die_before_commit(self, sql, params=()):
    if sql.startswith("INSERT INTO notes"):
        with self.atomic() as db:
            db.conn.execute(sql, params)
            os.kill(os.getpid(), signal.SIGKILL)  # the row is written, its transaction not committed
    return real_execute(self, sql, params)

def insert_and_die_after_commit(self, row):
    real_insert(self, row)
    os.kill(os.getpid(), signal.SIGKILL)  # committed; the command never got to say so

if sys.argv[2] == "before":
    Database.execute = execute_and_die_before_commit
else:
    NoteRows.insert = insert_and_die_after_commit
from kb.cli import main
main(["--kb", sys.argv[1], "notes", "add", "--doc", "doc_0000.txt", "--quote", "强化人才支撑", "--comment", sys.argv[2]])
"""


def test_a_kill_inside_notes_add_leaves_the_note_whole_or_absent(tmp_path: Path) -> None:
    kb_dir = tmp_path / "kb"
    with KnowledgeBase.open(kb_dir) as kb:
        kb.import_paths(write_docs(tmp_path / "docs", 1))
        mode = kb.store.db.conn.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"
        kb.add_note(doc="doc_0000.txt", quote="请认真贯彻落实", comment="kept")
    before = _note_rows(kb_dir)
    done = run_python(_DIE_IN_NOTES_ADD, str(kb_dir), "before")
    assert done.returncode == -signal.SIGKILL, done.stderr[-2000:]
    assert _note_rows(kb_dir) == before  # absent: no half note
    done = run_python(_DIE_IN_NOTES_ADD, str(kb_dir), "after")
    assert done.returncode == -signal.SIGKILL, done.stderr[-2000:]
    rows = _note_rows(kb_dir)
    assert rows[:1] == before and [r[1:3] for r in rows[1:]] == [("强化人才支撑", "after")]  # whole
    with KnowledgeBase.open(kb_dir) as kb:
        assert kb.check().ok and kb.store.db.integrity() == "ok"
        note = kb.notes(text="after")[0]
        assert kb.document_text("doc_0000.txt").body[note.start : note.end] == "强化人才支撑"
    out = run_cli("--kb", str(kb_dir), "notes", "add", "--doc", "doc_0000.txt", "--quote", "请认真贯彻落实")
    assert out.returncode == 0, out.stderr
    assert len(_note_rows(kb_dir)) == 3  # another process sees every committed note

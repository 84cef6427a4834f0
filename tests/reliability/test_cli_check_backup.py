"""``python -m kb check [--repair]`` exit codes and ``backup``, through real subprocesses."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from kb import paths
from kb.service import KnowledgeBase

from .helpers import run_cli, snapshot, write_docs


def test_check_exits_0_when_consistent_1_when_not_and_repair_fixes_it(tmp_path: Path) -> None:
    kb_dir = tmp_path / "kb"
    write_docs(tmp_path / "docs", 4)
    out = run_cli("--kb", str(kb_dir), "index", str(tmp_path / "docs"))
    assert out.returncode == 0, out.stderr
    out = run_cli("--kb", str(kb_dir), "check")
    assert (out.returncode, out.stdout.strip()) == (0, "consistent")

    # Break it: a document stored but missing from the index (its passages deleted from Whoosh).
    with KnowledgeBase.open(kb_dir) as kb:
        victim = kb.documents()[0].id
        kb.index.delete_doc(victim)
        kb.index.commit()
    out = run_cli("--kb", str(kb_dir), "check")
    assert out.returncode == 1
    assert "stored but not indexed" in out.stdout and victim[:12] in out.stdout

    out = run_cli("--kb", str(kb_dir), "check", "--repair", "--json")
    assert out.returncode == 0, out.stdout + out.stderr
    data = json.loads(out.stdout)
    assert data["ok"] is True and data["repaired"]
    assert run_cli("--kb", str(kb_dir), "check").returncode == 0

    # Break it the other way: the index holds a document the store does not know.
    conn = sqlite3.connect(paths.store_path(kb_dir))
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("DELETE FROM documents WHERE id = ?", (victim,))
    conn.commit()
    conn.close()
    out = run_cli("--kb", str(kb_dir), "check")
    assert out.returncode == 1 and "which the store does not" in out.stdout
    assert run_cli("--kb", str(kb_dir), "check", "--repair").returncode == 0
    assert run_cli("--kb", str(kb_dir), "check").returncode == 0
    out = run_cli("--kb", str(kb_dir), "search", "实施方案", "--json")
    assert out.returncode == 0 and all(h["doc_id"] != victim for h in json.loads(out.stdout)["hits"])


def test_backup_is_a_consistent_copy_that_opens(tmp_path: Path) -> None:
    kb_dir, dest = tmp_path / "kb", tmp_path / "backup one"
    with KnowledgeBase.open(kb_dir) as kb:
        kb.import_paths(write_docs(tmp_path / "docs", 5))
        kb.add_note(doc="doc_0003.txt", quote="强化人才支撑", comment="backed up")
    out = run_cli("--kb", str(kb_dir), "backup", str(dest))
    assert out.returncode == 0, out.stderr
    assert snapshot(paths.store_path(dest)) == snapshot(paths.store_path(kb_dir))
    assert not list(paths.index_dir(dest).glob("*LOCK*"))
    out = run_cli("--kb", str(dest), "check")
    assert out.returncode == 0, out.stdout + out.stderr
    out = run_cli("--kb", str(dest), "search", "安家补贴", "--json")
    assert out.returncode == 0 and json.loads(out.stdout)["total"] == 5
    # The backup stands alone: the original can go.
    shutil.rmtree(kb_dir)
    with KnowledgeBase.open(dest) as kb:
        assert len(kb.documents()) == 5 and [n.comment for n in kb.notes()] == ["backed up"]
        assert kb.import_paths(write_docs(tmp_path / "more", 1, start=9)).added == ("doc_0009.txt",)
    # Never over a non-empty folder.
    out = run_cli("--kb", str(dest), "backup", str(dest))
    assert out.returncode == 2 and "not empty" in out.stderr and "Traceback" not in out.stderr

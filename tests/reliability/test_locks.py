"""The writer lock: readers never take it, a killed importer's workers never keep it, a stale one is
taken over, a live one is named. Every process here is real and every kill a real SIGKILL."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import socket
import subprocess
from pathlib import Path

from kb import paths
from kb.service import KnowledgeBase

from .helpers import (
    PYTHON,
    ROOT,
    alive,
    children_of,
    run_cli,
    snapshot,
    start_cli,
    statuses,
    wait_for,
    write_docs,
)

# Holds an flock on a file (as a Zhiku would, or an orphaned child that inherited it) and records
# the given holder; prints "held" and waits to be killed.
_HOLD = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
fcntl.flock(fd, fcntl.LOCK_EX)
os.ftruncate(fd, 0)
os.write(fd, sys.argv[2].replace("SELF", str(os.getpid())).encode())
print("held", flush=True)
time.sleep(300)
"""


def _hold(path: Path, record: str) -> subprocess.Popen[str]:
    child = subprocess.Popen([PYTHON, "-c", _HOLD, str(path), record], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "held"
    return child


def _end(*pids: int) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _dead_pid() -> int:
    done = subprocess.run([PYTHON, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


def test_killing_an_import_with_workers_never_locks_out_the_next_import(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    write_docs(folder, 160)
    kb_dir = tmp_path / "kb"
    parent = start_cli("--kb", str(kb_dir), "index", str(folder), "--workers", "2",
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        # The moment: workers forked while the parent held both the library's and the index's writer locks.
        wait_for(lambda: len(children_of(parent.pid)) >= 2 and sum(statuses(kb_dir).values()) >= 10, parent)
        workers = children_of(parent.pid)
        parent.send_signal(signal.SIGKILL)
        assert parent.wait(timeout=30) == -signal.SIGKILL
        again = run_cli("--kb", str(kb_dir), "index", str(folder), timeout=300)
        assert again.returncode == 0, again.stderr[-2000:]
        assert "read-only" not in again.stderr and "another Zhiku" not in again.stderr
        assert statuses(kb_dir) == {"ok": 160}
        out = run_cli("--kb", str(kb_dir), "check")
        assert (out.returncode, out.stdout.strip()) == (0, "consistent"), out.stdout + out.stderr
    finally:
        _end(*[w for w in workers if alive(w)])


def test_a_lock_held_by_leftovers_of_a_dead_writer_is_taken_over(tmp_path: Path) -> None:
    kb_dir = tmp_path / "kb"
    with KnowledgeBase.open(kb_dir) as kb:
        kb.import_paths(write_docs(tmp_path / "docs", 2))
    record = json.dumps({"pid": _dead_pid(), "started": "1", "host": socket.gethostname()})
    holders = [_hold(paths.lock_path(kb_dir), record),  # an orphan of a dead writer
               _hold(paths.index_dir(kb_dir) / "MAIN_WRITELOCK", "")]  # and the search index's lock
    try:
        with KnowledgeBase.open(kb_dir) as kb:
            assert not kb.readonly
            assert json.loads(paths.lock_path(kb_dir).read_text())["pid"] == os.getpid()
            assert kb.import_paths(write_docs(tmp_path / "more", 1, start=5)).added == ("doc_0005.txt",)
    finally:
        _end(*(h.pid for h in holders))


def test_a_live_writer_is_named_and_its_library_still_read(tmp_path: Path) -> None:
    kb_dir = tmp_path / "kb"
    with KnowledgeBase.open(kb_dir) as kb:
        kb.import_paths(write_docs(tmp_path / "docs", 2))
    holder = _hold(paths.lock_path(kb_dir), json.dumps({"pid": "SELF"}).replace('"SELF"', "SELF"))
    try:
        with KnowledgeBase.open(kb_dir) as kb:
            assert kb.readonly and f"pid {holder.pid}" in kb.readonly_reason
        out = run_cli("--kb", str(kb_dir), "index", str(tmp_path / "docs"))
        assert out.returncode == 2 and f"another Zhiku (pid {holder.pid})" in out.stderr
        out = run_cli("--kb", str(kb_dir), "search", "实施方案", "--json")
        assert out.returncode == 0 and json.loads(out.stdout)["total"] > 0
    finally:
        _end(holder.pid)


def test_readers_never_block_or_demote_a_writer(tmp_path: Path) -> None:
    kb_dir = tmp_path / "kb"
    write_docs(tmp_path / "seed", 10)
    assert run_cli("--kb", str(kb_dir), "index", str(tmp_path / "seed")).returncode == 0
    assert run_cli("--kb", str(kb_dir), "notes", "add", "--doc", "doc_0001.txt", "--quote", "强化人才支撑").returncode == 0
    write_docs(tmp_path / "more", 120, start=100)
    # A reader open at the moment the writer starts (as a CLI search when the app starts).
    with KnowledgeBase.open(kb_dir, readonly=True) as reader:
        assert reader.search("实施方案").total > 0
        writer = start_cli("--kb", str(kb_dir), "index", str(tmp_path / "more"))
        reads = 0
        while writer.poll() is None and reads < 40:
            for args in (("search", "安家补贴", "--json"), ("notes", "list", "--json"), ("stats", "--json"),
                         ("export", "measures", "-f", "csv", "-o", str(tmp_path / f"m{reads}.csv"))):
                out = run_cli("--kb", str(kb_dir), *args)
                assert out.returncode == 0, (args, out.stderr[-1000:])
                reads += 1
        out, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err[-2000:]
        assert "added 120" in out and reads >= 4
        assert reader.search('"编号00219"').total == 1  # the reader sees the writer's documents
    with KnowledgeBase.open(kb_dir) as kb:
        assert not kb.readonly and kb.check().ok


def test_check_is_read_only_and_says_when_an_import_is_running(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    write_docs(folder, 260)
    kb_dir = tmp_path / "kb"
    writer = start_cli("--kb", str(kb_dir), "index", str(folder), stdout=subprocess.DEVNULL)
    wait_for(lambda: statuses(kb_dir).get("ok", 0) >= 200 and statuses(kb_dir).get("pending", 0) >= 3, writer)
    writer.send_signal(signal.SIGSTOP)  # frozen mid-import, however fast the machine
    during = run_cli("--kb", str(kb_dir), "check")
    writer.send_signal(signal.SIGKILL)
    writer.communicate(timeout=30)
    assert during.returncode == 75, during.stdout + during.stderr
    assert "an import is running" in during.stdout and "problem" not in during.stdout
    # The killed import left half-imported documents: check reports them and changes nothing.
    before = snapshot(paths.store_path(kb_dir))
    pending = statuses(kb_dir)["pending"]
    out = run_cli("--kb", str(kb_dir), "check")
    assert out.returncode == 1 and "half-imported" in out.stdout
    assert snapshot(paths.store_path(kb_dir)) == before and statuses(kb_dir)["pending"] == pending
    assert run_cli("--kb", str(kb_dir), "check", "--repair").returncode == 0
    assert run_cli("--kb", str(kb_dir), "check").returncode == 0
    assert "pending" not in statuses(kb_dir)


def test_only_index_and_init_create_a_library(tmp_path: Path) -> None:
    typo = tmp_path / "no_such_library"
    for args in (("search", "数字经济"), ("docs",), ("stats",), ("notes", "list"), ("check",),
                 ("notes", "add", "--doc", "a.txt", "--quote", "数字"), ("remove", "a.txt")):
        out = run_cli("--kb", str(typo), *args)
        assert out.returncode == 2 and "no Zhiku library in" in out.stderr, (args, out.stderr)
    assert not typo.exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run_cli("--kb", str(empty), "docs").returncode == 2 and list(empty.iterdir()) == []
    out = run_cli("--kb", str(empty), "init")
    assert out.returncode == 0 and "library ready" in out.stdout
    out = run_cli("--kb", str(empty), "docs")
    assert (out.returncode, out.stdout.strip()) == (0, "no documents")


def _free(path: Path) -> bool:
    fd = os.open(path, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)
    return True


def test_forked_children_let_go_of_the_writer_locks(tmp_path: Path) -> None:
    """The mechanism, in one process tree: a child forked while the library's and the index's writer
    locks are held keeps neither once its parent is killed (no take-over needed)."""
    code = """
import os, signal, sys, time
from kb.service import KnowledgeBase
kb = KnowledgeBase.open(sys.argv[1])
kb.index.delete_doc("none")  # the search index's writer is open: its lock is held
pid = os.fork()
if pid == 0:
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 1)
    os.dup2(null, 2)
    time.sleep(60)
    os._exit(0)
print(pid, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([PYTHON, "-c", code, str(tmp_path / "kb")], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=60)
    child = int(out.stdout.split()[0])
    try:
        assert alive(child)
        locks = [paths.lock_path(tmp_path / "kb"), *paths.index_dir(tmp_path / "kb").glob("*WRITELOCK*")]
        assert len(locks) == 2 and all(_free(lock) for lock in locks)
    finally:
        _end(child)

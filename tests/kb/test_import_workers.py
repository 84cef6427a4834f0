"""Import workers the parent can stop: a time limit per file, a memory cap, a crash costs one file,
cancel mid-file, no descriptor on the library inherited, no worker outliving its parent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import kb.pipeline as pipeline
import kb.workers as workers
from kb.service import KnowledgeBase

ROOT = Path(__file__).resolve().parents[2]
DOC = ("贵州省遵义市数字经济发展实施方案\n到2025年，全市数字经济增加值突破{n}亿元。\n"
       "对新认定的省级工业互联网平台给予最高{n}万元奖励。\n")


def _docs(folder: Path, names: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i, name in enumerate(names):
        (folder / name).write_text(DOC.format(n=100 + i), encoding="utf-8")


def _misbehave(on: str, action):
    """``kb.pipeline.prepare`` that runs ``action`` for files whose name starts with ``on`` (in the worker)."""
    real = pipeline.prepare

    def prepare(path: Path, **kw):
        if Path(path).name.startswith(on):
            action()
        return real(path, **kw)

    return prepare


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == pid and fields[0] != "Z" and not _resource_tracker(entry):
                out.append(int(entry))
    return out


def _resource_tracker(pid: str) -> bool:
    """multiprocessing's resource tracker or fork server: started by an earlier test, they live as
    long as the test process (not import workers)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        return b"resource_tracker" in cmdline or b"forkserver" in cmdline
    except OSError:
        return False


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_a_hanging_file_is_given_up_and_the_others_import(tmp_path: Path, monkeypatch) -> None:
    _docs(tmp_path / "docs", ["a.txt", "b.txt", "hang.txt", "c.txt", "d.txt"])
    monkeypatch.setattr(workers, "FILE_SECONDS", 1.0)
    monkeypatch.setattr(pipeline, "prepare", _misbehave("hang", lambda: time.sleep(60)))
    with KnowledgeBase.open(tmp_path / "kb") as kb:
        t0 = time.monotonic()
        report = kb.import_paths([tmp_path / "docs"], workers=2)
        assert time.monotonic() - t0 < 15
        assert [(Path(f.path).name, f.reason) for f in report.failed] == [("hang.txt", "gave up after 1 s")]
        assert sorted(report.added) == ["a.txt", "b.txt", "c.txt", "d.txt"]
        assert kb.stats().documents == 4
    assert not _children(os.getpid())


def test_cancel_takes_effect_mid_file(tmp_path: Path, monkeypatch) -> None:
    _docs(tmp_path / "docs", ["a.txt", "slow1.txt", "slow2.txt", "slow3.txt"])
    monkeypatch.setattr(pipeline, "prepare", _misbehave("slow", lambda: time.sleep(60)))
    seen: list[str] = []
    with KnowledgeBase.open(tmp_path / "kb") as kb:
        t0 = time.monotonic()
        cancel_at: list[float] = []

        def cancel() -> bool:
            if seen and not cancel_at:
                cancel_at.append(time.monotonic() + 0.5)  # half a second into the slow files
            return bool(cancel_at) and time.monotonic() > cancel_at[0]

        report = kb.import_paths([tmp_path / "docs"], workers=2, progress=lambda d, t, n: seen.append(n),
                                 cancel=cancel)
        returned = time.monotonic()
        assert report.cancelled and report.added == ("a.txt",)
        assert returned - cancel_at[0] < 2.0, returned - t0  # not after the 60 s sleep
        assert kb.stats().documents == 1 and kb.check().counts["pending"] == 0
    assert not _children(os.getpid())


def test_a_crashing_worker_costs_only_its_file(tmp_path: Path, monkeypatch) -> None:
    _docs(tmp_path / "docs", ["a.txt", "boom.txt", "c.txt", "d.txt", "e.txt"])
    monkeypatch.setattr(pipeline, "prepare", _misbehave("boom", lambda: os.kill(os.getpid(), signal.SIGKILL)))
    with KnowledgeBase.open(tmp_path / "kb") as kb:
        report = kb.import_paths([tmp_path / "docs"], workers=2)
    assert [(Path(f.path).name, f.reason) for f in report.failed] == [("boom.txt", "worker process died (SIGKILL)")]
    assert sorted(report.added) == ["a.txt", "c.txt", "d.txt", "e.txt"]


def test_a_worker_that_needs_too_much_memory_is_stopped(tmp_path: Path, monkeypatch) -> None:
    _docs(tmp_path / "docs", ["a.txt", "huge.txt", "c.txt"])
    monkeypatch.setattr(workers, "MEMORY_MB", 200)
    monkeypatch.setattr(pipeline, "prepare", _misbehave("huge", lambda: bytearray(600 * 1024 * 1024)))
    with KnowledgeBase.open(tmp_path / "kb") as kb:
        report = kb.import_paths([tmp_path / "docs"], workers=1)
    assert [(Path(f.path).name, f.reason) for f in report.failed] == [("huge.txt", "used more than 200 MB")]
    assert sorted(report.added) == ["a.txt", "c.txt"]


def _fill_address_space_then_fail(path: Path) -> None:
    """What lxml does at its memory cap: allocations fail and it reports a parse error."""
    import mmap
    import resource

    from kb.errors import IngestError

    limit = resource.getrlimit(resource.RLIMIT_AS)[0]
    size = next(int(line.split()[1]) * 1024 for line in open("/proc/self/status") if line.startswith("VmSize:"))
    block = mmap.mmap(-1, int((limit - size) * 0.97))  # reserved, never touched: costs no memory
    block.close()
    raise IngestError(str(path), "not a valid .docx file (XMLSyntaxError)")


def test_a_worker_that_reached_its_cap_says_so_and_is_replaced(tmp_path: Path, monkeypatch) -> None:
    _docs(tmp_path / "docs", ["a.txt", "bomb.docx.txt", "c.txt", "d.txt", "e.txt"])
    monkeypatch.setattr(workers, "MEMORY_MB", 300)
    pids = tmp_path / "pids.txt"
    real = pipeline.prepare

    def prepare(path: Path, **kw):
        with pids.open("a") as fh:
            fh.write(f"{Path(path).name} {os.getpid()}\n")
        if Path(path).name.startswith("bomb"):
            _fill_address_space_then_fail(path)
        return real(path, **kw)

    monkeypatch.setattr(pipeline, "prepare", prepare)
    with KnowledgeBase.open(tmp_path / "kb") as kb:
        report = kb.import_paths([tmp_path / "docs"], workers=1)
    assert [(Path(f.path).name, f.reason) for f in report.failed] == [("bomb.docx.txt", "used more than 300 MB")]
    assert sorted(report.added) == ["a.txt", "c.txt", "d.txt", "e.txt"]
    by_file = dict(line.split() for line in pids.read_text().splitlines())
    assert by_file["a.txt"] == by_file["bomb.docx.txt"] != by_file["c.txt"]  # a fresh worker after the bomb


def test_workers_hold_no_descriptor_on_the_library(tmp_path: Path, monkeypatch) -> None:
    _docs(tmp_path / "docs", ["a.txt", "b.txt"])
    out = tmp_path / "fds.txt"
    kb_dir = tmp_path / "kb"

    def record() -> None:
        targets = []
        for fd in os.listdir("/proc/self/fd"):
            try:
                targets.append(os.readlink(f"/proc/self/fd/{fd}"))
            except OSError:
                pass
        with out.open("a") as fh:
            fh.write("\n".join(targets) + "\n")

    monkeypatch.setattr(pipeline, "prepare", _misbehave("", record))
    with KnowledgeBase.open(kb_dir) as kb:
        own = [os.readlink(f"/proc/self/fd/{fd}") for fd in os.listdir("/proc/self/fd")
               if os.path.exists(f"/proc/self/fd/{fd}")]
        assert any(t.startswith(str(kb_dir)) for t in own)  # this process holds the lock and the store
        assert len(kb.import_paths([tmp_path / "docs"], workers=2).added) == 2
    seen = out.read_text().split()
    assert seen and not [t for t in seen if t.startswith(str(kb_dir))]


_KILLED_PARENT = """
import sys, time
from pathlib import Path
import kb.pipeline as pipeline
from kb.service import KnowledgeBase

real = pipeline.prepare
def prepare(path, **kw):
    time.sleep(120)
    return real(path, **kw)
pipeline.prepare = prepare
kb = KnowledgeBase.open(Path(sys.argv[1]))
kb.import_paths([Path(sys.argv[2])], workers=2)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux's")
def test_workers_die_with_a_killed_parent_and_the_next_import_runs(tmp_path: Path) -> None:
    _docs(tmp_path / "docs", ["a.txt", "b.txt", "c.txt", "d.txt"])
    kb_dir = tmp_path / "kb"
    child = subprocess.Popen([sys.executable, "-c", textwrap.dedent(_KILLED_PARENT), str(kb_dir), str(tmp_path / "docs")],
                             cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while len(_children(child.pid)) < 2:
            assert child.poll() is None, child.stderr.read() if child.stderr else ""
            assert time.monotonic() < deadline, "workers never started"
            time.sleep(0.05)
        kids = _children(child.pid)
        time.sleep(0.3)  # let them get into the slow file
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        deadline = time.monotonic() + 5
        while any(_alive(k) for k in kids) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(_alive(k) for k in kids)
    finally:
        if child.poll() is None:
            child.kill()
        if child.stderr:
            child.stderr.close()
    t0 = time.monotonic()
    with KnowledgeBase.open(kb_dir) as kb:
        assert not kb.readonly  # the writer lock was free at once
        report = kb.import_paths([tmp_path / "docs"], workers=1)
    assert len(report.added) == 4 and time.monotonic() - t0 < 30


def test_a_threaded_parent_asks_for_a_fork_server_and_its_workers_import(tmp_path: Path, monkeypatch) -> None:
    """The desktop app searches on other threads while an import starts: its workers come from a fork
    server (preloaded once), and import as forked ones do."""
    monkeypatch.setenv(workers.START_ENV, "forkserver")
    assert workers._context().get_start_method() == "forkserver"
    _docs(tmp_path / "docs", ["a.txt", "b.txt", "c.txt"])
    with KnowledgeBase.open(tmp_path / "kb") as kb:
        report = kb.import_paths([tmp_path / "docs"], workers=2)
        assert len(report.added) == 3 and not report.failed
        assert kb.search("数字经济").total >= 3
    monkeypatch.delenv(workers.START_ENV)
    assert workers._context().get_start_method() == "fork"

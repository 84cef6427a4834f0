"""A full disk, a read-only file system, a file-size limit and a kill mid-export: the error says what
happened, the previous file survives, and a library on a full disk can still be read."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
from pathlib import Path

import pytest

from kb import paths
from kb.service import KnowledgeBase

from .conftest import fill
from .helpers import PYTHON, ROOT, run_cli, run_python, write_docs


def _library(kb_dir: Path, tmp_path: Path, n: int = 4) -> None:
    write_docs(tmp_path / "docs", n)
    assert run_cli("--kb", str(kb_dir), "index", str(tmp_path / "docs"), "-q").returncode == 0
    out = run_cli("--kb", str(kb_dir), "notes", "add", "--doc", "doc_0001.txt", "--quote", "强化人才支撑",
                  "--comment", "written before the disk filled")
    assert out.returncode == 0, out.stderr


@pytest.mark.parametrize("headroom", [0, 400 * 1024], ids=["full-at-start", "fills-mid-import"])
def test_import_on_a_full_disk_says_so_and_the_library_stays_readable(tmp_path: Path, small_fs: Path,
                                                                      headroom: int) -> None:
    kb_dir = small_fs / "kb"
    _library(kb_dir, tmp_path)
    write_docs(tmp_path / "more", 120, start=50)
    filler = fill(small_fs)
    os.truncate(filler, filler.stat().st_size - headroom)

    out = run_cli("--kb", str(kb_dir), "index", str(tmp_path / "more"), timeout=300)
    assert out.returncode == 2, out.stdout + out.stderr
    assert "the disk holding" in out.stderr and "is full" in out.stderr, out.stderr
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) <= 11, out.stderr  # said once

    # Still full: everything that only reads works.
    out = run_cli("--kb", str(kb_dir), "search", "安家补贴", "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["total"] >= 4
    out = run_cli("--kb", str(kb_dir), "notes", "list", "--json")
    assert out.returncode == 0, out.stderr
    assert [n["comment"] for n in json.loads(out.stdout)] == ["written before the disk filled"]
    for args in (("stats",), ("docs",), ("show", "doc_0002.txt"), ("measures",)):
        out = run_cli("--kb", str(kb_dir), *args)
        assert out.returncode == 0 and "Traceback" not in out.stderr, (args, out.stderr)

    # Space again: the import finishes and the library is whole.
    filler.unlink()
    out = run_cli("--kb", str(kb_dir), "index", str(tmp_path / "more"), timeout=300)
    assert out.returncode == 0, out.stderr
    out = run_cli("--kb", str(kb_dir), "check")
    assert (out.returncode, out.stdout.strip()) == (0, "consistent"), out.stdout + out.stderr


def test_export_to_a_full_disk_keeps_the_previous_file(tmp_path: Path, small_fs: Path) -> None:
    kb_dir = tmp_path / "kb"
    _library(kb_dir, tmp_path)
    target = small_fs / "measures.csv"
    assert run_cli("--kb", str(kb_dir), "export", "measures", "-f", "csv", "-o", str(target)).returncode == 0
    previous = target.read_bytes()
    assert len(previous) > 100
    fill(small_fs)
    for fmt in ("csv", "xlsx", "md"):
        what = "notes" if fmt == "md" else "measures"
        out = run_cli("--kb", str(kb_dir), "export", what, "-f", fmt, "-o", str(small_fs / f"measures.{fmt}"))
        assert out.returncode == 2 and "the disk is full" in out.stderr and "Traceback" not in out.stderr, out.stderr
    assert target.read_bytes() == previous
    assert sorted(p.name for p in small_fs.iterdir()) == ["filler.bin", "measures.csv"]  # no half files


def test_export_to_a_read_only_file_system_is_a_named_error(tmp_path: Path, small_fs: Path) -> None:
    kb_dir = tmp_path / "kb"
    _library(kb_dir, tmp_path)
    target = small_fs / "notes.md"
    target.write_text("previous", encoding="utf-8")
    done = subprocess.run(["mount", "-o", "remount,ro", str(small_fs)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    out = run_cli("--kb", str(kb_dir), "export", "notes", "-f", "md", "-o", str(target))
    assert out.returncode == 2 and "read-only" in out.stderr and "Traceback" not in out.stderr, out.stderr
    assert target.read_text(encoding="utf-8") == "previous"


def test_a_library_on_read_only_media_can_be_searched(tmp_path: Path, small_fs: Path) -> None:
    kb_dir = small_fs / "kb"
    _library(kb_dir, tmp_path)
    assert subprocess.run(["mount", "-o", "remount,ro", str(small_fs)], capture_output=True).returncode == 0
    out = run_cli("--kb", str(kb_dir), "search", "安家补贴", "--json")
    assert out.returncode == 0 and json.loads(out.stdout)["total"] >= 4, out.stderr
    out = run_cli("--kb", str(kb_dir), "notes", "add", "--doc", "doc_0002.txt", "--quote", "强化人才支撑")
    assert out.returncode == 2 and "read-only" in out.stderr and "Traceback" not in out.stderr, out.stderr
    with KnowledgeBase.open(kb_dir) as kb:  # as the app opens it: read-only, and it says why
        assert kb.readonly and "cannot be written (Read-only file system)" in kb.readonly_reason
        assert len(kb.documents()) == 4


def _limited(limit: int) -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead of killing


def test_export_past_a_file_size_limit_is_a_named_error_and_keeps_the_previous_file(tmp_path: Path) -> None:
    """Works without root: RLIMIT_FSIZE makes the export's write fail as a full disk would."""
    kb_dir = tmp_path / "kb"
    _library(kb_dir, tmp_path, n=12)
    target = tmp_path / "out" / "measures.csv"
    target.parent.mkdir()
    target.write_text("previous", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONDONTWRITEBYTECODE="1")
    out = subprocess.run([PYTHON, "-m", "kb", "--kb", str(kb_dir), "export", "measures", "-f", "csv", "-o",
                          str(target)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
                         preexec_fn=lambda: _limited(2048))
    assert out.returncode == 2 and "larger than" in out.stderr and "Traceback" not in out.stderr, out.stderr
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in target.parent.iterdir()] == ["measures.csv"]


_DIE_MID_EXPORT = """
import os, signal, sys
import kb.sheets as sheets

def dying(out, header, rows):
    with out.open("w", encoding="utf-8-sig") as fh:
        fh.write(",".join(header) + "\\n")
        fh.write(",".join(map(str, rows[0])))  # half the file is out...
        fh.flush()
        os.kill(os.getpid(), signal.SIGKILL)  # ...when the process is killed

sheets.write_csv = dying
from kb.cli import main
main(["--kb", sys.argv[1], "export", "measures", "-f", "csv", "-o", sys.argv[2]])
"""


def test_a_kill_during_export_leaves_the_previous_file_whole(tmp_path: Path) -> None:
    kb_dir = tmp_path / "kb"
    _library(kb_dir, tmp_path)
    target = tmp_path / "out" / "measures.csv"
    target.parent.mkdir()
    assert run_cli("--kb", str(kb_dir), "export", "measures", "-f", "csv", "-o", str(target)).returncode == 0
    previous = target.read_bytes()
    done = run_python(_DIE_MID_EXPORT, str(kb_dir), str(target))
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert target.read_bytes() == previous
    leftovers = [p for p in target.parent.iterdir() if p != target]
    assert all(p.name.startswith(".measures.") for p in leftovers)  # a hidden temporary file at most
    assert paths.store_path(kb_dir).exists()

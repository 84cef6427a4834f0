"""Run one step in a fresh subprocess and watch its whole process tree's memory.

``ru_maxrss`` alone under-counts a pool (RUSAGE_CHILDREN is the largest child, not the sum), so
a thread polls ``/proc`` over the child and all its descendants. Summing RSS over-counts a forked
pool: the workers share the parent's copy-on-write pages (dictionaries loaded before the fork)
and each RSS counts them in full. PSS (``/proc/PID/smaps_rollup``) charges a shared page to each
process by its share, so the PSS sum is the tree's real footprint: it is the primary figure, the
RSS sum is kept beside it, labelled as such.
"""

from __future__ import annotations

import json
import logging
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parent.parent
POLL_S = 0.05


class StepFailed(RuntimeError):
    """A measured step exited non-zero; carries its stderr tail."""


def _children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        kids.setdefault(ppid, []).append(int(entry.name))
    return kids


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _pss_kb(pid: int) -> int:
    """Proportional set size (shared pages divided among their users); 0 if unreadable."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
            for line in fh:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _tree(root: int) -> list[int]:
    kids = _children_map()
    out, stack = [], [root]
    while stack:
        pid = stack.pop()
        out.append(pid)
        stack.extend(kids.get(pid, ()))
    return out


def tree_rss_mb(root: int) -> float:
    """Sum of VmRSS over ``root`` and every descendant, in MB (double-counts shared pages)."""
    return sum(_rss_kb(pid) for pid in _tree(root)) / 1024


def tree_memory_mb(root: int) -> dict[str, float]:
    """One sample: PSS and RSS summed over the tree, the root process's own RSS and PSS, and the
    RSS of the tree's largest process (what one process may use is the issue's memory bound) (MB)."""
    pids = _tree(root)
    rss = {pid: _rss_kb(pid) for pid in pids}
    pss = {pid: _pss_kb(pid) for pid in pids}
    return {"tree_pss": sum(pss.values()) / 1024, "tree_rss": sum(rss.values()) / 1024,
            "root_rss": rss.get(root, 0) / 1024, "root_pss": pss.get(root, 0) / 1024,
            "process_rss": max(rss.values(), default=0) / 1024}


class TreeMonitor(threading.Thread):
    """Polls the tree; keeps each figure's peak (peaks of different samples, not one snapshot)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peaks = {"tree_pss": 0.0, "tree_rss": 0.0, "root_rss": 0.0, "root_pss": 0.0, "process_rss": 0.0}
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            for key, value in tree_memory_mb(self.pid).items():
                self.peaks[key] = max(self.peaks[key], value)
            self._stop_event.wait(POLL_S)

    def stop(self) -> dict[str, float]:
        self._stop_event.set()
        self.join()
        return {f"peak_{k}_mb": round(v, 1) for k, v in self.peaks.items()}


def run_step(module: str, args: list[str], *, timeout: float = 1800, env: dict[str, str] | None = None
             ) -> tuple[dict[str, Any], dict[str, float]]:
    """Run ``python -m module *args OUT.json``; return its JSON and {wall_s, cpu_s, peak_tree_pss_mb,
    peak_tree_rss_mb, peak_root_rss_mb, peak_root_pss_mb, peak_process_rss_mb, loadavg_1m_before}.

    ``cpu_s`` is user+system time of the whole tree (pool workers included once they are waited for):
    with other work on the machine, wall time alone overstates a step.
    """
    with tempfile.TemporaryDirectory(prefix="zhiku_step_") as tmp:
        out = Path(tmp) / "out.json"
        cmd = [sys.executable, "-m", module, *args, str(out)]
        load = os.getloadavg()[0]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                env={**os.environ, **(env or {})}, text=True)
        mon = TreeMonitor(proc.pid)
        mon.start()
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            mon.stop()
            raise StepFailed(f"{module} {args[:1]} timed out after {timeout:.0f} s") from None
        wall = time.perf_counter() - t0
        peaks = mon.stop()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if proc.returncode != 0 or not out.exists():
            raise StepFailed(f"{module} {args[:1]} exited {proc.returncode}: {err[-2000:]}")
        if err.strip():
            log.debug("%s stderr: %s", module, err[-2000:])
        return json.loads(out.read_text(encoding="utf-8")), {"wall_s": round(wall, 3), "cpu_s": round(cpu, 2),
                                                            **peaks, "loadavg_1m_before": load}


def worker_step(task: str, cfg: dict[str, Any], work: Path, **kw: Any) -> tuple[dict[str, Any], dict[str, float]]:
    """One ``bench.worker`` task with its config written to a file."""
    cfg_path = work / f"{task}_{cfg.get('system', 'zhiku')}.json"
    cfg_path.write_text(json.dumps(cfg, ensure_ascii=False), encoding="utf-8")
    return run_step("bench.worker", [task, str(cfg_path)], **kw)


def dir_mb(path: Path) -> float:
    if path.is_file():
        return round(path.stat().st_size / 1_048_576, 2)
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1_048_576, 2)

"""Run one step in a fresh subprocess and watch its whole process tree's memory.

``ru_maxrss`` alone under-counts a pool (RUSAGE_CHILDREN is the largest child, not the sum), so
a thread polls ``/proc`` and sums VmRSS over the child and all its descendants.
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


def tree_rss_mb(root: int) -> float:
    """Sum of VmRSS over ``root`` and every descendant, in MB."""
    kids = _children_map()
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += _rss_kb(pid)
        stack.extend(kids.get(pid, ()))
    return total / 1024


class TreeMonitor(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0.0
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            self.peak = max(self.peak, tree_rss_mb(self.pid))
            self._stop_event.wait(POLL_S)

    def stop(self) -> float:
        self._stop_event.set()
        self.join()
        return round(self.peak, 1)


def run_step(module: str, args: list[str], *, timeout: float = 1800, env: dict[str, str] | None = None
             ) -> tuple[dict[str, Any], dict[str, float]]:
    """Run ``python -m module *args OUT.json``; return its JSON and {wall_s, cpu_s, peak_tree_rss_mb, load}.

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
        peak = mon.stop()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if proc.returncode != 0 or not out.exists():
            raise StepFailed(f"{module} {args[:1]} exited {proc.returncode}: {err[-2000:]}")
        if err.strip():
            log.debug("%s stderr: %s", module, err[-2000:])
        return json.loads(out.read_text(encoding="utf-8")), {"wall_s": round(wall, 3), "cpu_s": round(cpu, 2),
                                                            "peak_tree_rss_mb": peak, "loadavg_1m_before": load}


def worker_step(task: str, cfg: dict[str, Any], work: Path, **kw: Any) -> tuple[dict[str, Any], dict[str, float]]:
    """One ``bench.worker`` task with its config written to a file."""
    cfg_path = work / f"{task}_{cfg.get('system', 'zhiku')}.json"
    cfg_path.write_text(json.dumps(cfg, ensure_ascii=False), encoding="utf-8")
    return run_step("bench.worker", [task, str(cfg_path)], **kw)


def dir_mb(path: Path) -> float:
    if path.is_file():
        return round(path.stat().st_size / 1_048_576, 2)
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1_048_576, 2)

"""Tree memory: PSS does not double-count pages a forked child shares with its parent; RSS does."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from bench.measure import TreeMonitor, tree_memory_mb, tree_rss_mb

# Parent touches 60 MB, then forks a child that only sleeps: both RSS show the 60 MB,
# the PSS split it between them.
_SCRIPT = """
import os, sys, time
buf = bytearray(60 * 1024 * 1024)
for i in range(0, len(buf), 4096):
    buf[i] = 1
child = os.fork()
if child == 0:
    time.sleep(30)
    os._exit(0)
print(child, flush=True)
time.sleep(30)
"""


def test_pss_sum_does_not_double_count_forked_pages() -> None:
    proc = subprocess.Popen([sys.executable, "-c", _SCRIPT], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        child = int(proc.stdout.readline())
        time.sleep(0.2)
        m = tree_memory_mb(proc.pid)
        assert m["tree_rss"] >= 120  # 60 MB counted in each of the two processes
        assert m["root_rss"] >= 60
        assert m["tree_rss"] - m["tree_pss"] >= 50  # the shared copy counted once by PSS
        assert 60 <= m["tree_pss"] < m["tree_rss"]
        assert abs(tree_rss_mb(proc.pid) - m["tree_rss"]) < 10
        assert 60 <= m["process_rss"] < m["tree_rss"]
        mon = TreeMonitor(proc.pid)
        mon.start()
        time.sleep(0.2)
        peaks = mon.stop()
        assert set(peaks) == {"peak_tree_pss_mb", "peak_tree_rss_mb", "peak_root_rss_mb", "peak_root_pss_mb",
                              "peak_process_rss_mb"}
        assert 60 <= peaks["peak_process_rss_mb"] <= peaks["peak_tree_rss_mb"]  # one process, not the sum
        assert peaks["peak_tree_pss_mb"] < peaks["peak_tree_rss_mb"]
    finally:
        if "child" in locals():
            os.kill(child, signal.SIGKILL)
        proc.kill()
        proc.wait()


def test_missing_process_counts_zero() -> None:
    m = tree_memory_mb(2**22 + 12345)  # above the default pid_max: never a live process
    assert m["root_rss"] == 0 and m["root_pss"] == 0

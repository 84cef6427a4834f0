"""Helpers for the reliability suite: generated documents and store snapshots.

Every document is generated here (other provinces than the starter corpus, varied by a seed),
so the suite needs no fixture files and can make hundreds of distinct documents cheaply.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable

_PLACES = [
    ("贵州省", "遵义市", "汇川区"), ("四川省", "绵阳市", "涪城区"), ("湖北省", "宜昌市", "西陵区"),
    ("云南省", "曲靖市", "麒麟区"), ("山东省", "潍坊市", "奎文区"), ("河南省", "洛阳市", "涧西区"),
    ("广西壮族自治区", "柳州市", "城中区"), ("陕西省", "宝鸡市", "渭滨区"), ("甘肃省", "天水市", "秦州区"),
    ("湖南省", "株洲市", "天元区"), ("福建省", "泉州市", "丰泽区"), ("吉林省", "长春市", "朝阳区"),
]
_TOPICS = ["数据中心", "工业互联网", "智能制造", "信创产业", "5G基站", "算力网络", "软件园", "电子商务"]


def make_doc(i: int) -> str:
    """A plausible policy document (notice + plan) unique to ``i``."""
    prov, city, county = _PLACES[i % len(_PLACES)]
    topic = _TOPICS[i % len(_TOPICS)]
    year = 2019 + i % 6
    amount = 50 + (i * 37) % 900
    return (
        f"关于印发《{city}{county}加快{topic}发展实施方案（第{i}号）》的通知\n"
        f"发布时间：{year}-0{1 + i % 9}-1{i % 10}　来源：{city}人民政府办公室\n\n"
        f"各有关单位：现将《{city}{county}加快{topic}发展实施方案》印发给你们，请认真贯彻落实。\n\n"
        f"一、总体目标\n到{year + 3}年，{county}{topic}规模达到{amount}亿元，培育骨干企业{i % 40 + 5}家。\n"
        f"二、重点任务\n（一）建设{topic}基础设施。支持{prov}{city}{county}建设{topic}示范区，"
        f"对新建项目按投资额的10%给予补助，最高不超过{amount}万元。\n"
        f"（二）强化人才支撑。对引进的高层次人才给予{i % 20 + 10}万元安家补贴。编号{i:05d}。\n"
        f"三、保障措施\n设立{amount // 10}亿元{topic}产业发展基金，统筹推进{county}数字经济发展。\n"
    )


def write_docs(folder: Path, n: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(start, start + n):
        p = folder / f"doc_{i:04d}.txt"
        p.write_text(make_doc(i), encoding="utf-8")
        out.append(p)
    return out


def snapshot(db_path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row a user could see or rely on, read straight from SQLite (read-only)."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        out = {}
        for table, cols in (
            ("documents", "id, name, title, date, body, status"),
            ("passages", 'id, doc_id, ordinal, start, "end", section'),
            ("entities", "id, type, name, aliases, region_chain"),
            ("mentions", 'entity_id, doc_id, start, "end"'),
            ("measures", 'doc_id, kind, amount, unit, start, "end"'),
            ("notes", 'id, doc_id, quote, start, "end", comment, orphaned'),
        ):
            out[table] = conn.execute(f"SELECT {cols} FROM {table} ORDER BY 1, 2").fetchall()
        return out
    finally:
        conn.close()


def run_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """``python -m kb ARGS`` in a fresh interpreter (real exit codes, real process boundaries)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([PYTHON, "-m", "kb", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=timeout)


def statuses(kb_dir: Path) -> dict[str, int]:
    """Documents per status, read straight from SQLite (read-only: never disturbs a running writer)."""
    db = kb_dir / "zhiku.sqlite"
    if not db.exists():
        return {}
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return dict(conn.execute("SELECT status, COUNT(*) FROM documents GROUP BY status").fetchall())
    except sqlite3.OperationalError:  # the schema is being created
        return {}
    finally:
        conn.close()


def start_cli(*args: str, **popen: Any) -> subprocess.Popen[str]:
    """``python -m kb ARGS`` started in the background."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    popen.setdefault("stdout", subprocess.PIPE)
    popen.setdefault("stderr", subprocess.PIPE)
    return subprocess.Popen([PYTHON, "-m", "kb", *args], cwd=ROOT, env=env, text=True, **popen)


def wait_for(condition: Callable[[], bool], child: subprocess.Popen[str] | None = None, timeout: float = 120) -> None:
    """Poll ``condition`` until it holds; fail if the child ends first or time runs out."""
    deadline = time.monotonic() + timeout
    while not condition():
        if child is not None and child.poll() is not None:
            out, err = child.communicate()
            raise AssertionError(f"the child ended (rc {child.returncode}) before the moment came: {err[-2000:]}")
        assert time.monotonic() < deadline, "the moment never came"
        time.sleep(0.02)


def children_of(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (from /proc)."""
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rpartition(")")[2].split()[1]) == pid:
            out.append(int(entry.name))
    return out


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


def run_python(code: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """A Python snippet in a fresh interpreter (for deaths that must happen at one exact moment)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([PYTHON, "-c", code, *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=timeout)

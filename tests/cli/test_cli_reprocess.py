"""``python -m kb reprocess`` and ``show --json`` end to end in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PLAN = "\n".join([
    "遵义市推进数字乡村建设实施方案",
    "首页 > 政务公开 > 政策文件",
    "为加快农业农村数字化转型，结合本市实际，制定本方案。",
    *["各 地 要 加 快 推 进 数 字 基 础 设 施 建 设 ， 完 善 政 策 体 系 。"] * 12,
    "到2025年，全市建成5G基站3000个，对新认定的省级数字乡村示范县给予最高100万元奖励。",
])


def run(kb_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kb", "--kb", str(kb_dir), *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


def _library(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / "plan.txt").write_text(PLAN, encoding="utf-8")
    (src / "news.txt").write_text("绵阳市召开数字经济推进会\n会议要求加快建设工业互联网平台，培育软件企业。\n",
                                  encoding="utf-8")
    kb_dir = tmp_path / "kb"
    assert run(kb_dir, "index", str(src), "--workers", "1").returncode == 0
    return kb_dir


def test_show_json_keeps_boilerplate_and_layout_apart(tmp_path: Path) -> None:
    kb_dir = _library(tmp_path)
    shown = json.loads(run(kb_dir, "show", "plan.txt", "--json").stdout)
    assert shown["removed"] and all(r["reason"] != "layout" and r["reason"] for r in shown["removed"])
    assert any("首页" in r["text"] for r in shown["removed"])
    layout = shown["layout"]
    assert layout["count"] == len(layout["spans"]) > 12
    raw = run(kb_dir, "show", "plan.txt", "--json", "--raw")
    text = json.loads(raw.stdout)["raw"]
    assert all(text[s:e].isspace() for s, e in layout["spans"])


def test_reprocess_reports_and_exits_like_index(tmp_path: Path) -> None:
    kb_dir = _library(tmp_path)
    out = run(kb_dir, "reprocess", "--json")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert sorted(report["unchanged"]) == ["news.txt", "plan.txt"] and report["failed"] == []

    out = run(kb_dir, "reprocess", "news.txt", "missing.txt")
    assert out.returncode == 1
    assert out.stdout.startswith("changed 0, unchanged 1, skipped 0, failed 1")
    assert [line for line in out.stderr.splitlines() if line.startswith("error:")] == \
        ["error: missing.txt: no such document"]
    assert json.loads(run(kb_dir, "check", "--json").stdout)["ok"]


def test_reprocess_needs_a_library(tmp_path: Path) -> None:
    out = run(tmp_path / "none", "reprocess")
    assert out.returncode == 2 and out.stderr.startswith("error:")

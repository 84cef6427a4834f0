"""`python -m kb` end to end in a subprocess: the commands the README and the issues promise."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(kb_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kb", "--kb", str(kb_dir), *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


def test_index_search_show_docs_stats_json(tmp_path: Path, sample_docs: Path) -> None:
    kb_dir = tmp_path / "kb"
    out = run(kb_dir, "index", str(sample_docs), "--json")
    assert out.returncode == 0, out.stderr
    assert len(json.loads(out.stdout)["added"]) == 2

    hits = json.loads(run(kb_dir, "search", "软件产业园", "--json").stdout)["hits"]
    assert hits and {"doc", "title", "region", "section", "score", "start", "end", "text", "snippet"} <= set(hits[0])
    assert hits[0]["doc"] == "guizhou_plan.txt"

    shown = json.loads(run(kb_dir, "show", "guizhou_plan.txt", "--json").stdout)
    assert shown["body"][hits[0]["start"] : hits[0]["end"]] == hits[0]["text"]
    assert any("ICP" in b["text"] for b in shown["boilerplate"])

    docs = json.loads(run(kb_dir, "docs", "--json").stdout)
    assert sorted(d["name"] for d in docs) == ["anhui_news.txt", "guizhou_plan.txt"]
    stats = json.loads(run(kb_dir, "stats", "--json").stdout)
    assert stats["documents"] == 2 and stats["passages"] > 5

    text = run(kb_dir, "search", "科大讯飞").stdout
    assert "【科大讯飞】" in text


def test_failed_file_gives_one_line_and_nonzero_exit(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("贵州省大数据发展管理局印发数字经济发展行动计划。", encoding="utf-8")
    (folder / "bin.txt").write_bytes(bytes(range(256)) * 10)
    out = run(tmp_path / "kb", "index", str(folder))
    assert out.returncode == 1
    errors = [line for line in out.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "bin.txt" in errors[0]
    assert "added 1" in out.stdout


def test_bad_query_is_a_message_not_a_traceback(tmp_path: Path, sample_docs: Path) -> None:
    run(tmp_path / "kb", "index", str(sample_docs))
    out = run(tmp_path / "kb", "search", "(数字 OR")
    assert out.returncode == 2
    assert out.stderr.startswith("error:") and "Traceback" not in out.stderr


def test_entities_entity_measures_check(tmp_path: Path, sample_docs: Path) -> None:
    kb_dir = tmp_path / "kb"
    run(kb_dir, "index", str(sample_docs))
    ents = json.loads(run(kb_dir, "entities", "--json").stdout)
    assert ents and {"type", "name", "aliases", "region", "located_in", "docs"} <= set(ents[0])
    one = json.loads(run(kb_dir, "entity", ents[0]["name"], "--json").stdout)
    assert one["mentions"] and {"doc", "start", "end"} <= set(one["mentions"][0])
    ms = json.loads(run(kb_dir, "measures", "--json").stdout)
    assert ms and {"doc", "region", "kind", "amount", "unit", "year", "theme", "policy_tool", "responsible",
                   "text", "start", "end"} <= set(ms[0])
    assert run(kb_dir, "check").returncode == 0

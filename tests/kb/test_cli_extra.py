"""The compare / notes / export commands through ``kb.cli.main``, text and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kb.cli import main

PLAN = """长沙市数字经济发展行动计划
发布日期：2023-01-12  来源：长沙市工业和信息化局
一、主要目标
到2025年，全市数字经济规模突破8000亿元，引进数字人才5万人。
二、重点任务
对新认定的数字经济总部企业给予最高2000万元奖励。
"""

NEWS = """西宁市数字经济产业园举行项目集中签约
2023-09-03 来源：青海日报
西宁市数字经济产业园集中签约项目12个，总投资85亿元。
"""


@pytest.fixture
def kb_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "changsha_plan.txt").write_text(PLAN, encoding="utf-8")
    (folder / "xining_news.txt").write_text(NEWS, encoding="utf-8")
    target = tmp_path / "kb"
    assert main(["--kb", str(target), "index", str(folder), "-q"]) == 0
    return target


def test_notes_add_list_rm(kb_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    k = ["--kb", str(kb_dir)]
    capsys.readouterr()
    assert main([*k, "notes", "add", "--doc", "changsha_plan.txt", "--quote", "给予最高2000万元奖励",
                 "--comment", "总部奖励", "--tag", "招商", "--tag", "奖励", "--json"]) == 0
    note = json.loads(capsys.readouterr().out)
    assert note["quote"] == "给予最高2000万元奖励" and note["tags"] == ["招商", "奖励"]
    assert main([*k, "notes", "list", "--tag", "招商"]) == 0
    out = capsys.readouterr().out
    assert f"#{note['id']}" in out and "长沙市工业和信息化局. 长沙市数字经济发展行动计划[EB]. (2023-01-12)." in out and "总部奖励" in out
    assert main([*k, "notes", "add", "--doc", "changsha_plan.txt", "--quote", "文中没有这句"]) == 2
    assert "quote not found" in capsys.readouterr().err
    assert main([*k, "notes", "rm", str(note["id"])]) == 0
    capsys.readouterr()
    assert main([*k, "notes", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_compare_json_and_markdown(kb_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    k = ["--kb", str(kb_dir)]
    capsys.readouterr()
    assert main([*k, "compare", "湖南", "青海", "--theme", "招商引资", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["regions"] == ["湖南", "青海"] and [r["theme"]["key"] for r in data["rows"]] == ["investment_attraction"]
    assert [d["name"] for d in data["columns"][1]["docs"]] == ["xining_news.txt"]
    assert main([*k, "compare", "湖南", "青海", "--md"]) == 0
    assert "| 主题 | 湖南 | 青海 |" in capsys.readouterr().out
    assert main([*k, "compare", "湖南"]) == 2
    assert "2 to 5" in capsys.readouterr().err


def test_export_commands(kb_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    k = ["--kb", str(kb_dir)]
    out = tmp_path / "m.json"
    assert main([*k, "export", "measures", "--format", "json", "-o", str(out)]) == 0
    assert isinstance(json.loads(out.read_text(encoding="utf-8")), list)
    capsys.readouterr()
    assert main([*k, "export", "compare", "-f", "xlsx", "-o", str(tmp_path / "c.xlsx"),
                 "--region", "湖南", "--region", "青海", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"path": str(tmp_path / "c.xlsx"), "what": "compare", "format": "xlsx"}
    assert main([*k, "export", "notes", "-f", "docx", "-o", str(tmp_path / "no" / "n.docx")]) == 2
    assert "does not exist" in capsys.readouterr().err

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
    md = capsys.readouterr().out
    assert "| 主题 | 湖南 | 青海 |" in md
    # a cell shows its strongest on-theme sentence, as the app does; an unsupported one says so
    invest = next(line for line in md.splitlines() if line.startswith("| 招商引资 |"))
    assert "集中签约项目12个" in invest.split("|")[3] and "1句" in invest.split("|")[3]
    assert "| 人才 | " in md and "无相关内容" in next(line for line in md.splitlines() if line.startswith("| 人才 |"))
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


REPEAT = """南宁市数字经济发展实施方案
发布日期：2023-06-01  来源：南宁市大数据发展局
一、人才
对引进的人才团队给予奖励。对重点企业的研发团队，按投入的10%给予补助。
二、企业
培育骨干企业15家，对新认定的总部企业给予奖励，最高不超过300万元。
"""


@pytest.fixture
def rkb(tmp_path: Path) -> Path:
    folder = tmp_path / "in2"
    folder.mkdir()
    (folder / "nanning_plan.txt").write_text(REPEAT, encoding="utf-8")
    target = tmp_path / "kb2"
    assert main(["--kb", str(target), "index", str(folder), "-q"]) == 0
    return target


def test_notes_add_says_how_often_a_quote_occurs_and_takes_occurrence_or_near(
        rkb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    k = ["--kb", str(rkb)]
    capsys.readouterr()
    base = [*k, "notes", "add", "--doc", "nanning_plan.txt", "--quote", "给予奖励", "--json"]
    assert main(base) == 2
    err = capsys.readouterr().err
    assert "occurs 2 times" in err and "--occurrence" in err and "--near" in err
    assert "人才团队【给予奖励】" in err and "总部企业【给予奖励】" in err  # each shown in its context
    assert main([*k, "show", "nanning_plan.txt", "--json"]) == 0
    body = json.loads(capsys.readouterr().out)["body"]
    first, second = body.index("给予奖励"), body.index("给予奖励", body.index("给予奖励") + 1)
    assert main([*base, "--occurrence", "2"]) == 0
    assert json.loads(capsys.readouterr().out)["start"] == second
    assert main([*base, "--near", "人才团队"]) == 0
    assert json.loads(capsys.readouterr().out)["start"] == first
    assert main([*base, "--near", "总部企业"]) == 0
    assert json.loads(capsys.readouterr().out)["start"] == second
    assert main([*base, "--occurrence", "3"]) == 2
    assert "choose an occurrence from 1 to 2" in capsys.readouterr().err
    assert main([*base, "--near", "文中没有"]) == 2
    assert "not in the document" in capsys.readouterr().err


def test_measures_print_figures_as_written_with_region_year_and_theme(
        rkb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import re

    k = ["--kb", str(rkb)]
    capsys.readouterr()
    assert main([*k, "measures", "--json"]) == 0
    measures = json.loads(capsys.readouterr().out)
    assert main([*k, "measures"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert re.split(r"\s{2,}", lines[0]) == ["region", "year", "theme", "kind", "figure", "file", "text"]
    rows = [re.split(r"\s{2,}", line) for line in lines[1:]]
    assert len(rows) == len(measures) and not re.search(r"\d\.0(?!\d)", "\n".join(lines))  # never 15.0家
    for m, row in zip(measures, rows, strict=True):
        assert row[0] == (m["region"] or "-") and row[2] == (m["theme"] or "-")
        figure = row[4].replace(" ", "")
        for value in (m["amount"], m["cap"], m["rate"]):
            if value is not None:
                assert f"{value:g}" in figure, (m, row)
    assert any(m["cap"] == 300 for m in measures) and any(m["amount"] == 15 for m in measures)


def test_stats_is_a_table_and_json(kb_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    k = ["--kb", str(kb_dir)]
    capsys.readouterr()
    assert main([*k, "stats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["documents"] == 2 and isinstance(data["entities"], dict) and data["entities"]
    assert main([*k, "stats"]) == 0
    text = capsys.readouterr().out
    assert "{" not in text and "'" not in text
    rows = dict(line.rsplit(None, 1) for line in text.splitlines() if not line.startswith("library"))
    assert rows["documents"] == "2" and int(rows["entities"]) == sum(data["entities"].values())
    for etype, count in data["entities"].items():
        assert rows[f"  {etype}"] == str(count)


def test_export_help_and_errors_name_the_formats_of_each_target(
        kb_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    k = ["--kb", str(kb_dir)]
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    helptext = " ".join(capsys.readouterr().out.split())
    assert "notes md, html, docx, csv, xlsx or json" in helptext and "compare md, csv, xlsx or docx" in helptext
    assert "measures csv, json or xlsx" in helptext and "references ris or json" in helptext
    assert main([*k, "export", "compare", "-f", "html", "-o", str(tmp_path / "c.html")]) == 2
    assert "compare can be exported as md, csv, xlsx or docx" in capsys.readouterr().err
    assert main([*k, "export", "references", "-f", "ris", "-o", str(tmp_path / "refs.ris")]) == 0
    assert (tmp_path / "refs.ris").read_text(encoding="utf-8").count("ER  -") == 2
    assert main([*k, "export", "entities", "-f", "md", "-o", str(tmp_path / "e.md")]) == 2
    assert "entities can be exported as csv, json or xlsx" in capsys.readouterr().err
    for what, fmt in (("notes", "xlsx"), ("notes", "json"), ("measures", "xlsx"), ("entities", "xlsx")):
        assert main([*k, "export", what, "-f", fmt, "-o", str(tmp_path / f"{what}.{fmt}")]) == 0
        assert (tmp_path / f"{what}.{fmt}").stat().st_size > 0
    assert main([*k, "export", "notes", "-f", "md", "-o", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err

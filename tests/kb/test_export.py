"""Exports: notes with full citations in four formats, the comparison workbook, entities, measures."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from kb.errors import ZhikuError
from kb.export import safe_filename

PLAN = """成都市数字经济发展实施方案
发布日期：2022-09-01  来源：成都市经济和信息化局

一、发展目标
到2025年，数字经济核心产业增加值突破5000亿元。

二、主要任务
（一）建设数字基础设施
新建5G基站2万个，建设城市算力中心。
（二）引育数字人才
对引进的顶尖人才团队给予最高1000万元综合资助。
"""

NEWS = """兰州新区大数据产业园签约项目落地
2023-04-18 来源：甘肃日报
兰州新区大数据产业园新签约数据中心项目6个，总投资120亿元，园区培育数字人才2000人。
"""


@pytest.fixture
def ekb(kb, tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "chengdu_plan.txt").write_text(PLAN, encoding="utf-8")
    (folder / "lanzhou_news.txt").write_text(NEWS, encoding="utf-8")
    assert kb.import_paths([folder]).ok
    kb.add_note(doc="chengdu_plan.txt", quote="给予最高1000万元综合资助", comment="力度<很大> & 值得 \"参考\"",
                tags=["人才", "<b>"])
    kb.add_note(doc="lanzhou_news.txt", quote="总投资120亿元", comment="招商成果", tags=["招商"])
    return kb


def test_notes_markdown_and_csv_carry_quote_citation_comment_tags(ekb, tmp_path: Path) -> None:
    md = ekb.export_notes(tmp_path / "notes.md", "md").read_text(encoding="utf-8")
    assert "> 给予最高1000万元综合资助" in md
    assert "《成都市数字经济发展实施方案》" in md and "来源：成都市经济和信息化局" in md
    assert "日期：2022-09-01" in md and "文件：chengdu_plan.txt" in md and "章节：" in md
    assert "#人才" in md and "招商成果" in md
    out = ekb.export_notes(tmp_path / "only_tag", "csv", tag="招商")
    assert out.name == "only_tag.csv"
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 1 and rows[0]["quote"] == "总投资120亿元" and rows[0]["file"] == "lanzhou_news.txt"
    assert rows[0]["date"] == "2023-04-18"


def test_notes_html_is_standalone_and_escapes_everything(ekb, tmp_path: Path) -> None:
    page = ekb.export_notes(tmp_path / "notes.html", "html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "力度&lt;很大&gt; &amp; 值得 &quot;参考&quot;" in page and "#&lt;b&gt;" in page
    assert "<b>" not in page and "<很大>" not in page
    assert "http://" not in page and "https://" not in page and "<script" not in page
    assert "《成都市数字经济发展实施方案》" in page


def test_notes_docx_has_quotes_and_citations(ekb, tmp_path: Path) -> None:
    import docx

    out = ekb.export_notes(tmp_path / "notes.docx", "docx")
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "给予最高1000万元综合资助" in text and "总投资120亿元" in text
    assert "《成都市数字经济发展实施方案》" in text and "来源：甘肃日报" in text and "文件：lanzhou_news.txt" in text
    assert "招商成果" in text and "#人才" in text


def test_compare_xlsx_has_matrix_quotes_counts_and_presence(ekb, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = ekb.export_compare(tmp_path / "cmp.xlsx", "xlsx", ["四川", "甘肃"])
    wb = load_workbook(out)
    assert {"Matrix", "Counts", "Measures", "Presence", "Passages", "Documents"} <= set(wb.sheetnames)
    matrix = [[c.value for c in r] for r in wb["Matrix"].iter_rows()]
    assert matrix[0] == ["主题 Theme", "四川", "甘肃"]
    talent = next(r for r in matrix if r[0] == "人才")
    assert "1000万元" in talent[1] and "《成都市数字经济发展实施方案》" in talent[1]
    presence = [[c.value for c in r] for r in wb["Presence"].iter_rows(min_row=2)]
    assert all(v in (0, 1) for r in presence for v in r[2:])
    assert next(r for r in presence if r[0] == "talent")[2:] == [1, 1]
    assert next(r for r in presence if r[0] == "governance")[2:] == [0, 0]
    header, *passages = [[c.value for c in r] for r in wb["Passages"].iter_rows()]
    assert any(r[header.index("region")] == "甘肃" and r[header.index("file")] == "lanzhou_news.txt" for r in passages)
    docs = [[c.value for c in r] for r in wb["Documents"].iter_rows(min_row=2)]
    assert ["四川", "chengdu_plan.txt"] == [docs[0][0], docs[0][2]]
    for ws in wb.worksheets:  # every sheet: header frozen, every used column a readable width
        assert ws.freeze_panes == "B2", ws.title
        assert all((ws.column_dimensions[col[0].column_letter].width or 0) >= 6 for col in ws.iter_cols(max_row=1))
    indicators = [[c.value for c in r] for r in wb["Indicators"].iter_rows()]
    assert indicators[0] == ["指标 Indicator", "四川", "甘肃"]
    stations = next(r for r in indicators if r[0] == "5G基站")
    assert "2万个" in stations[1] and stations[2] == "—"  # side by side: a figure where the region has one
    tools = [[c.value for c in r] for r in wb["Tools"].iter_rows(min_row=2)]
    assert {r[0] for r in tools} == {"四川", "甘肃"} and all(abs(sum(r[4:7]) - 1) < 0.01 or sum(r[1:4]) == 0 for r in tools)


def test_compare_docx_keeps_the_side_by_side_layout(ekb, tmp_path: Path) -> None:
    import docx

    out = ekb.export_compare(tmp_path / "cmp.docx", "docx", ["四川", "甘肃"])
    d = docx.Document(str(out))
    matrix, indicators = d.tables[0], d.tables[1]
    assert [c.text for c in matrix.rows[0].cells] == ["主题", "四川", "甘肃"]
    talent = next(r for r in matrix.rows if r.cells[0].text == "人才")
    assert "1000万元" in talent.cells[1].text and len(matrix.rows) == 11
    assert [c.text for c in indicators.rows[0].cells] == ["指标", "四川", "甘肃"]
    assert any("无相关内容" in c.text for r in matrix.rows for c in r.cells)


def test_compare_md_and_csv(ekb, tmp_path: Path) -> None:
    md = ekb.export_compare(tmp_path / "cmp.md", "md", ["四川", "甘肃"]).read_text(encoding="utf-8")
    assert "| 主题 | 四川 | 甘肃 |" in md and "无相关内容" in md and "— 《兰州新区大数据产业园签约项目落地》" in md
    assert "| 指标 | 四川 | 甘肃 |" in md and "## 政策工具" in md  # figures side by side, as in the app
    with ekb.export_compare(tmp_path / "cmp.csv", "csv", ["四川", "甘肃"]).open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["region"] for r in rows} == {"四川", "甘肃"}
    assert any(r["theme_key"] == "talent" and r["present"] == "1" and "1000万元" in r["quote"] for r in rows)


def test_entities_and_measures_as_csv_and_json(ekb, tmp_path: Path) -> None:
    measures = json.loads(ekb.export_measures(tmp_path / "m.json", "json").read_text(encoding="utf-8"))
    assert len(measures) == len(ekb.measures()) and {"kind", "amount", "unit", "text", "doc"} <= set(measures[0])
    with ekb.export_measures(tmp_path / "m.csv", "csv").open(encoding="utf-8-sig") as fh:
        assert len(list(csv.DictReader(fh))) == len(measures)
    entities = json.loads(ekb.export_entities(tmp_path / "e.json", "json").read_text(encoding="utf-8"))
    assert len(entities) == len(ekb.entities()) and all("name" in e and "type" in e for e in entities)
    with ekb.export_entities(tmp_path / "e.csv", "csv").open(encoding="utf-8-sig") as fh:
        assert len(list(csv.DictReader(fh))) == len(entities)


def test_bad_targets_get_clear_errors_and_names_are_sanitised(ekb, tmp_path: Path) -> None:
    with pytest.raises(ZhikuError, match="does not exist"):
        ekb.export_notes(tmp_path / "missing" / "n.md", "md")
    with pytest.raises(ZhikuError, match="cannot export as 'pdf'"):
        ekb.export_notes(tmp_path / "n.pdf", "pdf")
    with pytest.raises(ZhikuError, match="cannot export as 'xlsx'"):
        ekb.export_notes(tmp_path / "n.xlsx", "xlsx")
    out = ekb.export_notes(tmp_path / 'a:b*c?"d".md', "md")
    assert out.parent == tmp_path and out.name == "a_b_c__d_.md" and out.exists()
    assert safe_filename("CON.txt") == "_CON.txt" and safe_filename(" ..") == "export"
    assert len(safe_filename("长" * 300 + ".xlsx")) == 120 and safe_filename("长" * 300 + ".xlsx").endswith(".xlsx")

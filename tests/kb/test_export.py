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
    # GB/T 7714: issuer. title[type]. (date). — and the section after it
    assert "成都市经济和信息化局. 成都市数字经济发展实施方案[EB]. (2022-09-01).（二、主要任务" in md
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
    assert "成都市经济和信息化局. 成都市数字经济发展实施方案[EB]. (2022-09-01)." in page


def test_notes_docx_has_quotes_and_citations(ekb, tmp_path: Path) -> None:
    import docx

    out = ekb.export_notes(tmp_path / "notes.docx", "docx")
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "给予最高1000万元综合资助" in text and "总投资120亿元" in text
    assert "成都市数字经济发展实施方案[EB]. (2022-09-01)." in text and "甘肃日报" in text
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
    with pytest.raises(ZhikuError, match="cannot export notes as 'pdf': notes can be exported as md, html, docx, csv, xlsx or json"):
        ekb.export_notes(tmp_path / "n.pdf", "pdf")
    with pytest.raises(ZhikuError, match="cannot export a comparison as 'html': .* as md, csv, xlsx or docx"):
        ekb.export_compare(tmp_path / "c.html", "html", ["四川", "甘肃"])
    with pytest.raises(ZhikuError, match="cannot export measures as 'md'"):
        ekb.export_measures(tmp_path / "m.md", "md")
    with pytest.raises(ZhikuError, match="is a folder"):
        ekb.export_notes(tmp_path, "md")
    out = ekb.export_notes(tmp_path / 'a:b*c?"d".md', "md")
    assert out.parent == tmp_path and out.name == "a_b_c__d_.md" and out.exists()
    assert safe_filename("CON.txt") == "_CON.txt" and safe_filename(" ..") == "export"
    assert len(safe_filename("长" * 300 + ".xlsx")) == 120 and safe_filename("长" * 300 + ".xlsx").endswith(".xlsx")


def test_references_of_the_library_a_search_and_a_note_set(ekb, tmp_path: Path) -> None:
    import jsonschema
    import rispy

    ris = ekb.export_references(tmp_path / "lib.ris", "ris")
    raw = ris.read_bytes()
    assert b"\r\n" in raw and raw.count(b"ER  -") == 2
    records = rispy.loads(raw.decode("utf-8"))
    plan = next(r for r in records if "成都" in r["title"])
    assert plan["authors"] == ["成都市经济和信息化局"] and plan["year"] == "2022"
    assert any("力度" in n for n in plan.get("notes", []))  # the user's note, attached
    only_news = rispy.loads(ekb.export_references(tmp_path / "q.ris", "ris", query="签约").read_text("utf-8"))
    assert [r["title"] for r in only_news] == ["兰州新区大数据产业园签约项目落地"]
    noted = json.loads(ekb.export_references(tmp_path / "n.json", "json", tag="人才").read_text("utf-8"))
    assert [item["title"] for item in noted] == ["成都市数字经济发展实施方案"]
    schema = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "csl-data.json").read_text("utf-8"))
    jsonschema.validate(noted, schema)


# formula injection, Markdown, atomic writes -------------------------------------------------------

ATTACKS = ["-2+3+cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "@SUM(A1)", "\tTAB",
           "\rCR", "＝1+1", "＋1", "－1+cmd|'/C calc'!A0", "＠SUM(1)"]


@pytest.fixture
def hostile_kb(kb, tmp_path: Path):
    folder = tmp_path / "hostile"
    folder.mkdir()
    name = "=HYPERLINK(1)-1.txt"  # a file name is text from outside too
    (folder / name).write_text("=拉萨市大数据产业园公告\n" + "\n".join(f"第{i}条 {a}" for i, a in enumerate(ATTACKS)) +
                               "\n拉萨市大数据产业园签约项目5个，总投资20亿元。\n", encoding="utf-8")
    assert kb.import_paths([folder]).ok
    assert kb.document(name).region_chain[0] == "西藏自治区"
    for attack in ATTACKS:
        kb.add_note(doc=name, quote="总投资20亿元", comment=attack, tags=[attack.strip() or "t"])
    return kb


def _formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"))


def test_no_csv_cell_can_start_a_formula(hostile_kb, tmp_path: Path) -> None:
    outs = [hostile_kb.export_notes(tmp_path / "n.csv", "csv"), hostile_kb.export_entities(tmp_path / "e.csv", "csv"),
            hostile_kb.export_measures(tmp_path / "m.csv", "csv"),
            hostile_kb.export_compare(tmp_path / "c.csv", "csv", ["西藏", "四川"])]
    for out in outs:
        with out.open(encoding="utf-8-sig", newline="") as fh:
            cells = [c for row in csv.reader(fh) for c in row]
        assert cells and not [c for c in cells if _formula_like(c)], out.name
    with outs[0].open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["comment"] for r in rows} == {"'" + a for a in ATTACKS}  # kept verbatim behind the apostrophe
    assert all(r["file"] == "'=HYPERLINK(1)-1.txt" for r in rows)


def test_no_xlsx_cell_is_a_formula(hostile_kb, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    outs = [hostile_kb.export_notes(tmp_path / "n.xlsx", "xlsx"), hostile_kb.export_measures(tmp_path / "m.xlsx", "xlsx"),
            hostile_kb.export_entities(tmp_path / "e.xlsx", "xlsx"),
            hostile_kb.export_compare(tmp_path / "c.xlsx", "xlsx", ["西藏", "四川"])]
    for out in outs:
        wb = load_workbook(out)
        cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
        assert cells and not [c.coordinate for c in cells if c.data_type == "f" or _formula_like(c.value)], out.name
    notes = load_workbook(outs[0])["Notes"]
    header = [c.value for c in notes[1]]
    comments = {r[header.index("comment")] for r in notes.iter_rows(min_row=2, values_only=True)}
    assert comments == {"'" + a for a in ATTACKS}
    docs = load_workbook(outs[3])["Documents"]
    assert "'=HYPERLINK(1)-1.txt" in [c.value for c in docs["C"]]  # the file name, as text


def test_markdown_exports_carry_no_raw_html(kb, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "plan.txt").write_text("<img src=x onerror=alert(1)>西宁市数字经济实施方案\n发布日期：2023-02-01\n"
                                     "对新引进的人才给予<b>安家补贴</b>，建设数据中心。\n", encoding="utf-8")
    assert kb.import_paths([folder]).ok
    kb.add_note(doc="plan.txt", quote="给予<b>安家补贴</b>", comment="<script>alert(2)</script> & <i>", tags=["<svg>"])
    notes_md = kb.export_notes(tmp_path / "n.md", "md").read_text(encoding="utf-8")
    compare_md = kb.export_compare(tmp_path / "c.md", "md", ["青海", "四川"]).read_text(encoding="utf-8")
    for text in (notes_md, compare_md):
        assert "<img" not in text and "<b>" not in text and "<script" not in text and "<svg" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in notes_md and "&lt;script&gt;" in notes_md and "&amp; &lt;i&gt;" in notes_md
    assert "&lt;b>安家补贴" in compare_md  # every tag opener escaped
    assert "> 给予&lt;b&gt;安家补贴&lt;/b&gt;" in notes_md  # the quote is still a Markdown quote


def test_a_failed_export_keeps_the_previous_file_and_leaves_nothing(ekb, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import kb.sheets

    out = ekb.export_measures(tmp_path / "m.csv", "csv")
    previous = out.read_bytes()

    def half_then_fail(path: Path, header: object, rows: object) -> None:
        path.write_text("theme,half a row", encoding="utf-8")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(kb.sheets, "write_csv", half_then_fail)
    with pytest.raises(ZhikuError, match="the disk is full"):
        ekb.export_measures(tmp_path / "m.csv", "csv")
    assert out.read_bytes() == previous and [p.name for p in tmp_path.iterdir() if p.is_file()] == ["m.csv"]


def test_notes_json_and_xlsx_carry_citations(ekb, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    data = json.loads(ekb.export_notes(tmp_path / "n.json", "json").read_text(encoding="utf-8"))
    assert {n["quote"] for n in data} == {"给予最高1000万元综合资助", "总投资120亿元"}
    assert all(n["citation"]["file"] and "[EB]" in n["citation_text"] for n in data)  # GB/T 7714
    ws = load_workbook(ekb.export_notes(tmp_path / "n.xlsx", "xlsx"))["Notes"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:3] == ("id", "quote", "comment") and len(rows) == 3


def test_os_refusals_are_named_for_people(tmp_path: Path) -> None:
    import errno

    from kb.fileio import DiskFullError, WriteError, atomic_path, describe

    target = tmp_path / "out.csv"
    assert isinstance(describe(OSError(errno.ENOSPC, "x"), target), DiskFullError)
    for code, words in ((errno.EACCES, "permission denied"), (errno.EPERM, "permission denied"),
                        (errno.EROFS, "read-only"), (errno.EISDIR, "is a folder"), (errno.EFBIG, "larger than")):
        err = describe(OSError(code, "x"), target)
        assert isinstance(err, WriteError) and words in str(err) and str(target) in str(err)
    with pytest.raises(WriteError, match="is a folder"), atomic_path(tmp_path):
        pass

"""The comparison as files: the same side-by-side layout in xlsx, docx and md, and flat csv rows.

Why one layout everywhere: a researcher pastes the matrix into a report; what they saw in the app
(theme × region, the strongest sentences with their figures, the indicators side by side, the
policy-instrument shares) must read the same in Excel, Word and Markdown. Every text cell that
came from a document or a user goes through ``cell`` (no formula injection, no control characters).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from kb.models import POLICY_TOOLS, CompareCell, CompareColumn, Comparison, IndicatorFact, Measure

EMPTY_CELL = "无相关内容"
SUMMARY_SENTENCES = 3
KIND_ZH = {"subsidy": "补贴", "award": "奖励", "target": "目标", "fund": "基金", "rent_support": "租金支持",
           "tax": "税收", "achievement": "成效"}
TOOL_ZH = {"supply": "供给型", "environment": "环境型", "demand": "需求型"}
Row = list[Any]


def cell(value: Any) -> Any:
    """Text from documents or users, safe in a spreadsheet: no leading formula sign, no control characters."""
    if not isinstance(value, str):
        return value
    value = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", value)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def stamp() -> str:
    return datetime.now().strftime("%Y-%m-%d %H:%M")


def number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def figure(m: Measure) -> str:
    """"最高500万元", "10%", "5万个（2025年）": what a measure puts a number on."""
    parts = []
    if m.amount is not None:
        parts.append(f"{number(m.amount)}{m.unit or ''}")
    if m.rate is not None:
        parts.append(f"{number(m.rate)}%")
    if m.cap is not None:
        parts.append(f"最高{number(m.cap)}{m.unit or ''}")
    text = "、".join(parts)
    return f"{text}（{m.year}年）" if text and m.year else text


def column_title(col: CompareColumn) -> str:
    return f"{col.region}（不含{'、'.join(col.excludes)}）" if col.excludes else col.region


def sentence_line(text: str, measures: Sequence[Measure]) -> str:
    figures = "；".join(f for f in dict.fromkeys(figure(m) for m in measures) if f)
    plain = " ".join(text.split())
    return f"{plain}〔{figures}〕" if figures else plain


def summary(c: CompareCell, n: int = SUMMARY_SENTENCES, cite: bool = True) -> str:
    """A cell as the matrix shows it: the user's text, or the strongest sentences with their figures."""
    if c.override:
        return c.override
    if not c.evidence:
        return EMPTY_CELL
    lines = []
    for e in c.evidence[:n]:
        source = f" —《{e.title}》" if cite else ""
        lines.append(f"• {sentence_line(e.text, e.measures)}{source}")
    more = len(c.evidence) - n
    if more > 0:
        lines.append(f"（另有 {more} 句）")
    return "\n".join(lines)


def fact_text(f: IndicatorFact) -> str:
    amounts = "、".join(f"{number(a)}{f.unit or ''}" for a in f.amounts)
    head = f"{amounts}（{f.year}年）" if f.year else amounts
    kind = KIND_ZH.get(f.kind, f.kind)
    return f"{head} [{kind}] {' '.join(f.text.split())}"


def shares(comp: Comparison) -> list[Row]:
    """Per region: count and share of each policy instrument."""
    rows = []
    for region, tools in comp.tool_measures.items():
        total = sum(len(v) for v in tools.values())
        rows.append([region, *(len(tools.get(t, ())) for t in POLICY_TOOLS),
                     *(round(len(tools.get(t, ())) / total, 3) if total else 0.0 for t in POLICY_TOOLS)])
    return rows


def matrix_rows(comp: Comparison, render: Callable[[CompareCell], str]) -> list[Row]:
    return [[r.theme.label, *(render(c) for c in r.cells)] for r in comp.rows]


def indicator_rows(comp: Comparison) -> list[Row]:
    return [[r.label, *("\n".join(fact_text(f) for f in facts) or "—" for facts in r.cells)]
            for r in comp.indicators]


def sources(comp: Comparison) -> list[str]:
    out = []
    for col in comp.columns:
        names = "、".join(f"《{d.title}》({d.name})" for d in col.docs) or "（无文档）"
        out.append(f"{column_title(col)}：{names}")
    return out


# markdown --------------------------------------------------------------------------------------

def _md_table(header: Sequence[str], rows: Sequence[Row]) -> list[str]:
    esc = lambda v: str(v).replace("|", "\\|").replace("\n", "<br>")  # noqa: E731
    return ["| " + " | ".join(map(esc, header)) + " |", "|---" * len(header) + "|",
            *("| " + " | ".join(map(esc, r)) + " |" for r in rows)]


def write_md(out: Path, comp: Comparison) -> None:
    titles = [column_title(c) for c in comp.columns]
    lines = ["# 区域比较 Comparison", "", f"导出时间：{stamp()}", "", "## 主题矩阵", ""]
    lines += _md_table(["主题", *titles], matrix_rows(comp, summary))
    if comp.indicators:
        lines += ["", "## 数字指标", ""] + _md_table(["指标", *titles], indicator_rows(comp))
    if comp.tool_measures:
        lines += ["", "## 政策工具（措施数 / 占比）", ""]
        lines += _md_table(["地区", *(TOOL_ZH[t] for t in POLICY_TOOLS), *(f"{TOOL_ZH[t]}占比" for t in POLICY_TOOLS)],
                           shares(comp))
    lines += ["", "## 数据来源", "", *(f"- {s}" for s in sources(comp))]
    for row in comp.rows:
        lines += ["", f"## {row.theme.label}"]
        for col, c in zip(comp.columns, row.cells, strict=True):
            lines += ["", f"### {column_title(col)}", ""]
            if c.override:
                lines += [f"*用户评述：* {c.override}", ""]
            if not c.evidence:
                lines.append(EMPTY_CELL)
            for e in c.evidence:
                lines += [f"> {sentence_line(e.text, e.measures)}", "", f"— 《{e.title}》｜{e.section}｜{e.doc}", ""]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


# csv -------------------------------------------------------------------------------------------

def write_csv(out: Path, comp: Comparison) -> None:
    """One row per evidence sentence (a cell without any: one row saying so), for statistics tools."""
    with out.open("w", newline="", encoding="utf-8-sig") as fh:
        w = csv.writer(fh)
        w.writerow(["theme_key", "theme", "region", "sentences", "measures", "present", "override", "rank", "quote",
                    "figures", "title", "file", "section", "start", "end"])
        for row in comp.rows:
            for c in row.cells:
                base = [row.theme.key, row.theme.label, c.region, c.count, len(c.measures), int(not c.empty),
                        cell(c.override or "")]
                if not c.evidence:
                    w.writerow(base + [0, "", "", "", "", "", "", ""])
                for rank, e in enumerate(c.evidence, 1):
                    w.writerow(base + [rank, cell(e.text.strip()), cell("；".join(figure(m) for m in e.measures)),
                                       cell(e.title), e.doc, cell(e.section), e.start, e.end])


# xlsx ------------------------------------------------------------------------------------------

def write_xlsx(out: Path, comp: Comparison) -> None:
    from openpyxl import Workbook

    titles = [column_title(c) for c in comp.columns]
    wb = Workbook()
    sheets: list[tuple[str, list[Any], list[Row], list[int]]] = [
        ("Matrix", ["主题 Theme", *titles], matrix_rows(comp, summary), [14, *[60] * len(titles)]),
        ("Indicators", ["指标 Indicator", *titles], indicator_rows(comp), [16, *[50] * len(titles)]),
        ("Tools", ["地区 Region", *POLICY_TOOLS, *(f"{t}_share" for t in POLICY_TOOLS)], shares(comp),
         [18, *[12] * (2 * len(POLICY_TOOLS))]),
        ("Counts", ["theme_key", "theme", *titles], [[r.theme.key, r.theme.label, *(c.count for c in r.cells)]
                                                     for r in comp.rows], [22, 14, *[14] * len(titles)]),
        ("Measures", ["theme_key", "theme", *titles], [[r.theme.key, r.theme.label, *(len(c.measures) for c in r.cells)]
                                                       for r in comp.rows], [22, 14, *[14] * len(titles)]),
        ("Presence", ["theme_key", "theme", *titles], [[r.theme.key, r.theme.label, *(int(not c.empty) for c in r.cells)]
                                                       for r in comp.rows], [22, 14, *[14] * len(titles)]),
        ("Passages", ["theme_key", "theme", "region", "rank", "quote", "figures", "title", "file", "section", "start",
                      "end"], _evidence_rows(comp), [22, 14, 14, 6, 80, 24, 36, 28, 30, 8, 8]),
        ("Documents", ["region", "title", "file", "date", "source", "region_chain"], _document_rows(comp),
         [16, 50, 28, 12, 28, 36]),
    ]
    first = True
    for title, header, rows, widths in sheets:
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = title
        _fill(ws, header, rows, widths)
    wb.save(str(out))


def _evidence_rows(comp: Comparison) -> list[Row]:
    rows = []
    for row in comp.rows:
        for c in row.cells:
            for rank, e in enumerate(c.evidence, 1):
                rows.append([row.theme.key, row.theme.label, c.region, rank, e.text.strip(),
                             "；".join(figure(m) for m in e.measures), e.title, e.doc, e.section, e.start, e.end])
    return rows


def _document_rows(comp: Comparison) -> list[Row]:
    return [[col.region, d.title, d.name, d.date, d.source or "", " > ".join(d.region_chain)]
            for col in comp.columns for d in col.docs]


def _fill(ws: Any, header: list[Any], rows: list[Row], widths: list[int]) -> None:
    """Header in bold, frozen; text wrapped at the top of each cell; every column a readable width."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ws.append(header)
    for r in rows:
        ws.append([cell(v) for v in r])
    for cell_ in ws[1]:
        cell_.font = Font(bold=True)
    for r in ws.iter_rows(min_row=2):
        for c in r:
            c.alignment = Alignment(wrap_text=True, vertical="top")
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "B2"


# docx ------------------------------------------------------------------------------------------

def write_docx(out: Path, comp: Comparison) -> None:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Pt

    d = docx.Document()
    section = d.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    d.add_heading("区域比较 Comparison", level=0)
    d.add_paragraph(f"导出时间：{stamp()}")
    titles = [column_title(c) for c in comp.columns]
    d.add_heading("主题矩阵", level=1)
    _docx_table(d, ["主题", *titles], matrix_rows(comp, lambda c: summary(c, cite=False)), Pt(8))
    if comp.indicators:
        d.add_heading("数字指标", level=1)
        _docx_table(d, ["指标", *titles], indicator_rows(comp), Pt(8))
    if comp.tool_measures:
        d.add_heading("政策工具（措施数 / 占比）", level=1)
        _docx_table(d, ["地区", *(TOOL_ZH[t] for t in POLICY_TOOLS), *(f"{TOOL_ZH[t]}占比" for t in POLICY_TOOLS)],
                    shares(comp), Pt(9))
    d.add_heading("数据来源", level=1)
    for s in sources(comp):
        d.add_paragraph(_xml(s), style="List Bullet")
    d.save(str(out))


def _docx_table(d: Any, header: Sequence[str], rows: Sequence[Row], size: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    table = d.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    repeat = OxmlElement("w:tblHeader")  # the header row repeats on every page
    repeat.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(repeat)
    for i, h in enumerate(header):
        table.rows[0].cells[i].text = _xml(str(h))
        for run in table.rows[0].cells[i].paragraphs[0].runs:
            run.bold = True
    for r in rows:
        cells = table.add_row().cells
        for i, v in enumerate(r):
            cells[i].text = _xml(str(v))
            for p in cells[i].paragraphs:
                for run in p.runs:
                    run.font.size = size


def _xml(text: str) -> str:
    """python-docx refuses XML-illegal control characters; scraped text sometimes has them."""
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", text or "")

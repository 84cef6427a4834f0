"""The CLI's printing helpers: names that cannot forge lines, wide-character tables, figures, progress."""

from __future__ import annotations

import io
from types import SimpleNamespace

from kb.cli_output import Progress, clip, figure_text, shown, table, width


def test_names_are_quoted_only_when_they_could_mislead() -> None:
    assert shown("guizhou_plan.txt") == "guizhou_plan.txt"
    assert shown("贵州 方案.txt") == "贵州 方案.txt"
    assert shown("a\nerror: forged.txt") == '"a\\nerror: forged.txt"'
    assert shown("-rf.txt") == '"-rf.txt"' and shown(" padded ") == '" padded "'
    assert shown("bidi\u202eexe.txt") == '"bidi\u202eexe.txt"' and "\n" not in shown("x\u2028y")
    assert shown("") == '""'


def test_tables_line_up_wide_characters() -> None:
    assert width("贵州") == 4 and width("ab") == 2 and width("ＡＢ") == 4
    text = table(("region", "figure"), [("贵州省", "15家"), ("-", "最高500万元")])
    lines = text.splitlines()
    starts = [width(line[: line.index(value)]) for line, value in zip(lines, ("figure", "15家", "最高"), strict=True)]
    assert starts == [8, 8, 8]  # the second column starts at one display column on every line
    assert lines[1].endswith("15家") and "\n" not in clip("a\nb", 10) and clip("数字经济" * 10, 9) == "数字经济…"


def test_figures_read_as_written() -> None:
    def fig(**values: object) -> str:
        fields = dict.fromkeys(("amount", "amount_max", "unit", "qualifier", "cap", "cap_unit", "rate"))
        return figure_text(SimpleNamespace(**(fields | values))).replace(" ", "")

    assert fig(amount=15.0, unit="家") == "15家"
    assert fig(amount=3.0, amount_max=5.0, unit="家") == "3–5家"
    assert "最高500万元" in fig(cap=500.0, unit="万元")
    assert fig(rate=10.0, cap=100.0, cap_unit="万元") == "10%，最高100万元"
    assert fig(amount=2.5, unit="亿元", qualifier="≥") == "≥2.5亿元"
    measure = SimpleNamespace(amount=15.0, unit="家", cap=None, rate=None)
    assert figure_text(measure).replace(" ", "") == "15家"
    assert figure_text(SimpleNamespace(amount=15.0, unit="家", cap=None, rate=None, amount_text="15家以上")) == "15家以上"


def test_progress_without_a_terminal_prints_a_line_per_tenth() -> None:
    out = io.StringIO()
    progress = Progress(out)
    for i in range(1, 101):
        progress.update(i, 100, f"file_{i}.txt")
    progress.close()
    lines = out.getvalue().splitlines()
    assert len(lines) == 10 and lines[0].startswith("[10/100] 10%") and lines[-1].startswith("[100/100] 100%")
    assert "file_" not in out.getvalue()
    quiet = io.StringIO()
    Progress(quiet, quiet=True).update(1, 1, "x")
    assert quiet.getvalue() == ""

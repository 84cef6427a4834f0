"""The comparison as a researcher reads it, at 1400×900 and 1024×700: every row reachable, nothing cut
without an ellipsis, rows that expand, panels that fold, nested regions shown once, shares not counts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont

from ui.models.base import PARAGRAPHS_ROLE
from ui.views.summary_delegate import LINES, lay_out

ZUNYI = """遵义市推进数字乡村建设实施方案
发布日期：2023-02-08  来源：遵义市农业农村局

到2025年，全市建成5G基站1.2万个，行政村千兆光纤覆盖率达到90%以上。
成立数字乡村建设领导小组，建立季度督查工作机制。
对认定的市级数字乡村示范村，给予一次性奖励30万元。
"""


@pytest.fixture
def compared(qtbot, window, tmp_path: Path):
    """The window with a Guizhou city document added, then a comparison of two provinces run."""
    doc = tmp_path / "zunyi_plan.txt"
    doc.write_text(ZUNYI, encoding="utf-8")
    with qtbot.waitSignal(window.controller.regionsLoaded, timeout=30000):
        window.import_paths([doc])

    def run(regions: list[str], size: tuple[int, int] = (1400, 900)):
        window.resize(*size)
        window.show_view("compare")
        view = window.compare_view
        view.set_regions(regions)
        with qtbot.waitSignal(view.comparison_ready, timeout=30000) as ready:
            qtbot.mouseClick(view.compare_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not view.busy())
        qtbot.wait(50)  # the rows take their heights once laid out
        return view, ready.args[0]

    return run


@pytest.mark.parametrize("size", [(1400, 900), (1024, 700)])
def test_all_ten_rows_are_reachable_and_nothing_is_cut_silently(compared, qtbot, size) -> None:
    view, comp = compared(["贵州省", "宁夏回族自治区"], size)
    table, model = view.matrix, view.matrix_model
    assert model.rowCount() == 10
    for row in range(model.rowCount()):
        table.scrollTo(model.index(row, 0))
        rect = table.visualRect(model.index(row, 0))
        assert table.viewport().rect().intersects(rect), (size, row)
        for col in range(model.columnCount()):
            index = model.index(row, col)
            width = table.columnWidth(col) - 12
            cut = any(lay_out(text, QFont(table.font()), width, LINES.get(style, 2))[1]
                      for style, text in index.data(PARAGRAPHS_ROLE))
            if cut:  # the cell says so with "…", and the tooltip holds all of it
                assert index.data(Qt.ItemDataRole.ToolTipRole)
                for style, text in index.data(PARAGRAPHS_ROLE):
                    lines, was_cut = lay_out(text, QFont(table.font()), width, LINES.get(style, 2))
                    assert not was_cut or lines[-1][0].endswith("…")
        if any(c.evidence for c in comp.rows[row].cells):  # a summary wraps over several lines
            assert table.rowHeight(row) > table.fontMetrics().height() * 2
    view.matrix_tab.show_evidence(False)  # fold the evidence away: the matrix gets the height
    assert not view.matrix_tab.evidence_shown() and view.cell.height() == 0
    assert "Show evidence" in view.matrix_tab.evidence_button.text()
    view.matrix_tab.show_evidence(True)
    assert view.matrix_tab.evidence_shown() and view.cell.height() > 0


def test_a_row_expands_in_place_with_every_sentence(compared, qtbot) -> None:
    view, comp = compared(["贵州省", "宁夏回族自治区"])
    table, model = view.matrix, view.matrix_model
    row = max(range(model.rowCount()), key=lambda r: max(len(c.evidence) for c in comp.rows[r].cells))
    before = table.rowHeight(row)
    header = table.verticalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.width() // 2, header.sectionViewportPosition(row) + 5))
    assert row in model.expanded and model.headerData(row, Qt.Orientation.Vertical).startswith("▾")
    assert table.rowHeight(row) > before
    view.matrix_tab.toggle_row(row)
    assert row not in model.expanded and table.rowHeight(row) == before


def test_a_province_column_leaves_out_its_city_column_and_says_so(compared, qtbot) -> None:
    view, comp = compared(["贵州省", "贵阳市"])
    header = view.matrix_model.headerData(0, Qt.Orientation.Horizontal)
    assert "excl. 贵阳市" in header
    guizhou, guiyang = comp.columns
    assert "guizhou_plan.txt" not in {d.name for d in guizhou.docs} and "zunyi_plan.txt" in {d.name for d in guizhou.docs}
    for row in comp.rows:
        assert all(e.doc != "guizhou_plan.txt" for e in row.cells[0].evidence)


def test_include_sub_regions_redoes_the_comparison_with_the_citys_documents(compared, qtbot) -> None:
    view, _comp = compared(["贵州省", "贵阳市"])
    assert view.contained_box.text() and not view.contained_box.isChecked()
    with qtbot.waitSignal(view.comparison_ready, timeout=30000) as ready:
        qtbot.mouseClick(view.contained_box, Qt.MouseButton.LeftButton)  # ticking it re-runs at once
    guizhou, _guiyang = ready.args[0].columns
    assert "guizhou_plan.txt" in {d.name for d in guizhou.docs} and guizhou.excludes == ()
    assert "excl." not in view.matrix_model.headerData(0, Qt.Orientation.Horizontal)


def test_a_typed_region_and_the_listed_one_are_one_column(compared, qtbot) -> None:
    view = compared(["贵州省", "宁夏回族自治区"])[0]
    view.region_edit.setText("宁夏")
    qtbot.keyClick(view.region_edit, Qt.Key.Key_Return)
    assert view.selected_regions() == ["贵州省", "宁夏回族自治区"]
    view.set_regions(["贵州", "贵州省", "宁夏回族自治区"])  # the core also treats them as one place
    with qtbot.waitSignal(view.comparison_ready, timeout=30000) as ready:
        view.run_compare()
    assert len(ready.args[0].regions) == 2


def test_evidence_of_measures_names_documents_by_title(compared, qtbot) -> None:
    view, comp = compared(["贵州省", "宁夏回族自治区"])
    row = next(r for r, crow in enumerate(comp.rows) if any(e.measures for e in crow.cells[0].evidence))
    view.select_cell(row, 0)
    detail = view.detail_model
    source = detail.index(0, detail.COL_SOURCE).data()
    evidence = detail.index(0, 0).data(Qt.ItemDataRole.UserRole + 1)
    assert f"《{evidence.title}》" in source and evidence.doc not in source
    assert evidence.doc in detail.index(0, detail.COL_SOURCE).data(Qt.ItemDataRole.ToolTipRole)


def test_the_instrument_chart_shows_shares_counts_on_hover_and_lists_a_bars_measures(compared, qtbot) -> None:
    view, comp = compared(["贵州省", "宁夏回族自治区"])
    view.tabs.setCurrentWidget(view.tool_tab)
    chart = view.chart
    chart.repaint()
    bars = chart.bars()
    assert len(bars) == 6
    for region, tools in comp.tool_measures.items():
        total = sum(len(ms) for ms in tools.values())
        heights = {t: next(r.height() for r, reg, tool in bars if (reg, tool) == (region, t)) for t in tools}
        if total:  # the tallest bar is the largest share, whatever the region's size
            assert max(heights, key=heights.get) == max(tools, key=lambda t: len(tools[t]))
    assert all(chart.titles()) and chart.titles()[0] != chart.titles()[1]  # value axis, category axis, legend
    image = chart.grab().toImage()
    ticks = [image.pixelColor(x, y).name() for x in range(0, 60, 2) for y in range(60, chart.height() - 60, 2)]
    assert any(c not in ("#ffffff",) for c in ticks)  # the axis title and the percent ticks are painted left of the axis
    rect, region, tool = max(bars, key=lambda b: b[0].height())
    count = len(comp.tool_measures[region][tool])
    assert f"{count} of" in chart.bar_tip(region, tool)
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.tool_tab.measures.rowCount() == count and region in view.tool_tab.title.text()

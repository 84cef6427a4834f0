"""The comparison view driven through its widgets over a real knowledge base."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ui.models.base import ROW_ROLE
from ui.models.compare_model import CellDetailModel, CompareModel, ThemeModel
from ui.views.compare_view import CompareView

DOCS = {
    "kunming_plan.txt": """昆明市数字经济发展三年行动方案
发布日期：2023-02-20  来源：昆明市工业和信息化局

一、行动目标
到2025年，建成5G基站2万个，培育数字经济核心企业300家。

二、重点任务
（一）集聚数字人才
实施数字人才引进计划，对新引进的高端人才团队给予最高300万元项目资助。
（二）推动企业上云
支持中小企业数字化转型，对上云企业按费用的30%给予补贴。
""",
    "taiyuan_news.txt": """太原市小店区建成工业互联网平台
2023-07-08 来源：山西日报
太原市小店区工业互联网平台上线，接入企业800家，区政府设立数字化转型专项资金5000万元。
""",
}


@pytest.fixture
def view(kb, controller, qtbot, settle, tmp_path: Path) -> CompareView:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    assert kb.import_paths([folder]).ok
    widget = CompareView(controller)
    widget.kb = kb  # for the tests' own checks of what the store holds
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    with qtbot.waitSignal(controller.regionsLoaded, timeout=20000):
        widget.reload()
    settle(controller)
    widget.settle = lambda: settle(controller)
    return widget


def _check(view: CompareView, names: set[str]) -> None:
    """Tick the region boxes as a user would (through the list's model)."""
    model = view.region_model
    for r in range(model.rowCount()):
        item = model.item(r)
        item.setCheckState(Qt.CheckState.Checked if item.text().strip("\u3000") in names else Qt.CheckState.Unchecked)


def _theme_row(view: CompareView, key: str) -> int:
    comp = view.comparison()
    return [r.theme.key for r in comp.rows].index(key)


def _compare(view: CompareView, qtbot) -> None:
    with qtbot.waitSignal(view.comparison_ready, timeout=10000):
        qtbot.mouseClick(view.compare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.compare_button.isEnabled())


def test_regions_come_from_documents_and_need_two_to_five(view, qtbot) -> None:
    listed = {view.region_model.item(r).text().strip("\u3000") for r in range(view.region_model.rowCount())}
    assert {"云南省", "昆明市", "山西省", "太原市", "小店区"} <= listed
    _check(view, {"昆明市"})
    with qtbot.waitSignal(view.failed):
        assert view.run_compare() is False
    assert "2" in view.status.text() and view.matrix_model.rowCount() == 0
    view.region_edit.setText("西藏")
    qtbot.keyClick(view.region_edit, Qt.Key.Key_Return)
    assert view.selected_regions() == ["昆明市", "西藏"]


def test_matrix_shows_counts_snippets_and_explicit_empty_cells(view, qtbot) -> None:
    _check(view, {"云南省", "山西省"})
    _compare(view, qtbot)
    model = view.matrix_model
    assert model.columnCount() == 2 and model.rowCount() == len(view.kb.themes())
    assert model.headerData(0, Qt.Orientation.Horizontal) == "云南省\n(1 doc)"  # two lines, singular
    talent_row = _theme_row(view, "talent")
    assert model.headerData(talent_row, Qt.Orientation.Vertical) == "▸ Talent"  # label_en in the English UI
    text = model.data(model.index(talent_row, 0))
    assert "sentences" in text and "人才" in text and "300万元" in text  # the sentence and its figure
    assert model.data(model.index(talent_row, 1)) == "No relevant content"
    assert view.indicator_model.rowCount() > 0
    assert set(view.chart.mix()) == {"云南省", "山西省"}


def test_opening_a_cells_passage_emits_its_offsets(view, qtbot) -> None:
    _check(view, {"云南省", "山西省"})
    _compare(view, qtbot)
    row = _theme_row(view, "talent")
    view.select_cell(row, 0)
    assert "Talent" in view.cell.title.text() and view.detail_model.rowCount() >= 1
    hit = view.detail_model.data(view.detail_model.index(0, 0), ROW_ROLE)  # an Evidence sentence
    with qtbot.waitSignal(view.open_passage) as blocker:
        view.open_detail_row(0)
    doc_id, start, end = blocker.args
    assert (doc_id, start, end) == (hit.doc_id, hit.start, hit.end)
    assert view.kb.document_text(doc_id).body[start:end] == hit.text


def test_adding_editing_and_removing_a_theme(view, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(view, "ask_theme", lambda *a: ("工业互联网", "工业互联网 OR 平台", ["digital_transformation"]))
    add = next(b for b in view.findChildren(type(view.compare_button)) if b.text() == "Add")
    with qtbot.waitSignal(view.controller.themesLoaded, timeout=20000):  # the write's Changes name themes
        qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert view.theme_model.rows()[-1].label == "工业互联网"
    assert view.current_theme().label == "工业互联网"  # the new theme is selected
    assert view.kb.theme("工业互联网").query == "工业互联网 OR 平台"
    monkeypatch.setattr(view, "ask_theme", lambda *a: ("工业互联网平台", "工业互联网", []))
    with qtbot.waitSignal(view.controller.themesLoaded, timeout=20000):
        view._on_edit_theme()
    assert view.kb.theme("工业互联网平台").measure_themes == ()
    assert view.current_theme().label == "工业互联网平台"
    monkeypatch.setattr(view, "confirm", lambda text: True)
    with qtbot.waitSignal(view.controller.themesLoaded, timeout=20000):
        view._on_remove_theme()
    assert "工业互联网平台" not in [t.label for t in view.kb.themes()]
    assert "工业互联网平台" not in [t.label for t in view.theme_model.rows()]
    monkeypatch.setattr(view, "ask_theme", lambda *a: ("坏", '"未闭合', []))
    with qtbot.waitSignal(view.failed, timeout=20000):
        view._on_add_theme()


def test_cell_text_override_and_exports(view, qtbot, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    _check(view, {"云南省", "山西省"})
    _compare(view, qtbot)
    view.select_cell(1, 1)
    view.cell.show_note_editor(True)
    view.override_edit.setPlainText("山西：人才政策未见")
    qtbot.mouseClick(view.cell.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (view.matrix_model.data(view.matrix_model.index(1, 1)) or "").endswith("山西：人才政策未见"))
    assert view.current_cell().override == "山西：人才政策未见"  # the cell stays selected
    qtbot.waitUntil(lambda: not view.busy())
    with qtbot.waitSignal(view.exported, timeout=10000) as blocker:
        assert view.export_to(str(tmp_path / "matrix.xlsx"), "xlsx")
    wb = load_workbook(blocker.args[0])
    matrix = [[c.value for c in r] for r in wb["Matrix"].iter_rows()]
    assert matrix[0][1:] == ["云南省", "山西省"] and matrix[2][2] == "山西：人才政策未见"
    assert any("《昆明市数字经济发展三年行动方案》" in (v or "") for r in matrix for v in r)
    qtbot.waitUntil(lambda: not view.busy())
    with qtbot.waitSignal(view.failed, timeout=10000) as failed:
        view.export_to(str(tmp_path / "nope" / "m.xlsx"), "xlsx")
    assert "does not exist" in failed.args[0] and "does not exist" in view.status.text()


def test_indicators_sit_side_by_side_and_open_their_sentence(view, qtbot) -> None:
    _check(view, {"云南省", "山西省"})
    _compare(view, qtbot)
    model = view.indicator_model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == ["云南省", "山西省"]
    keys = [r.key for r in model.rows()]
    stations = keys.index("base_stations")
    assert "2万个" in model.data(model.index(stations, 0)) and model.data(model.index(stations, 1)) == "—"
    funds = model.rows()[keys.index("funds")]
    assert any(5000 in f.amounts for f in funds.cells[1])  # Shanxi's fund, in its own column
    with qtbot.waitSignal(view.open_passage) as blocker:
        view.indicator_tab._open_first(model.index(stations, 0))
    fact = model.facts(stations, 0)[0]
    assert blocker.args == [fact.doc_id, fact.start, fact.end]


def test_models_pass_the_model_tester(view, qtbot, qtmodeltester) -> None:
    _check(view, {"云南省", "山西省"})
    _compare(view, qtbot)
    view.select_cell(0, 0)
    for model in (view.matrix_model, view.detail_model, view.indicator_model, view.theme_model):
        qtmodeltester.check(model)
    assert isinstance(view.matrix_model, CompareModel) and isinstance(view.detail_model, CellDetailModel)
    assert isinstance(view.theme_model, ThemeModel)
    empty = CompareModel()
    qtmodeltester.check(empty)

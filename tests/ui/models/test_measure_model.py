from dataclasses import replace

from PySide6.QtCore import Qt

from ui.i18n import install_language
from ui.models.base import SORT_ROLE
from ui.models.measure_model import MeasureTableModel


def test_measures(qtmodeltester, measures) -> None:
    model = MeasureTableModel()
    model.set_rows(measures)
    qtmodeltester.check(model)
    # no words kept: the figure is formatted; a cap the amount's words leave out follows in its own unit
    assert model.index(0, MeasureTableModel.COL_AMOUNT).data() == "50 万元"
    assert model.index(1, MeasureTableModel.COL_AMOUNT).data() == "0.1 元，最高 500 元"
    assert model.index(0, MeasureTableModel.COL_KIND).data() == "Award"
    assert model.index(0, MeasureTableModel.COL_TOOL).data() == "Supply"
    assert model.index(1, MeasureTableModel.COL_TOOL).data() == ""
    assert model.index(1, MeasureTableModel.COL_YEAR).data() == "2025年底"
    assert model.index(0, MeasureTableModel.COL_AMOUNT).data(SORT_ROLE) == 50.0


def test_a_figure_shows_as_written_and_the_instrument_says_what_decided_it(qapp, measures) -> None:
    ranged = replace(measures[0], amount=3.0, amount_max=5.0, unit="家", amount_text="3-5家", policy_tool="demand",
                     tool_basis="应用场景、示范应用")
    capped = replace(measures[1], amount_text="0.1元", cap_unit="万元")
    at_least = replace(measures[0], amount=500.0, qualifier="≥", amount_text=None)
    model = MeasureTableModel()
    model.set_rows([ranged, capped, at_least])
    assert model.index(0, MeasureTableModel.COL_AMOUNT).data() == "3-5家"
    assert model.index(1, MeasureTableModel.COL_AMOUNT).data() == "0.1元，最高 500 万元"
    assert model.index(2, MeasureTableModel.COL_AMOUNT).data() == "≥ 500 万元"
    tool = model.index(0, MeasureTableModel.COL_TOOL)
    assert tool.data() == "Demand" and "basis: 应用场景、示范应用" in tool.data(Qt.ItemDataRole.ToolTipRole)
    install_language("zh")
    try:
        assert tool.data() == "需求型" and "依据：应用场景、示范应用" in tool.data(Qt.ItemDataRole.ToolTipRole)
    finally:
        install_language("en")

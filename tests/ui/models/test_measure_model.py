from ui.models.base import SORT_ROLE
from ui.models.measure_model import MeasureTableModel


def test_measures(qtmodeltester, measures) -> None:
    model = MeasureTableModel()
    model.set_rows(measures)
    qtmodeltester.check(model)
    assert model.index(0, MeasureTableModel.COL_AMOUNT).data() == "50万元"
    assert model.index(1, MeasureTableModel.COL_AMOUNT).data() == "0.1元 ≤500元"
    assert model.index(0, MeasureTableModel.COL_KIND).data() == "Award"
    assert model.index(1, MeasureTableModel.COL_YEAR).data() == "2025年底"
    assert model.index(0, MeasureTableModel.COL_AMOUNT).data(SORT_ROLE) == 50.0

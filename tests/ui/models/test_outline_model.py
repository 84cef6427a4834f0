from ui.models.base import ROW_ROLE
from ui.models.outline_model import OutlineModel


def test_outline_indents_by_level(qtmodeltester) -> None:
    model = OutlineModel()
    model.set_rows([(0, 1, "一、总体要求"), (40, 2, "（一）建设算力基础设施")])
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "一、总体要求"
    assert model.index(1, 0).data() == "    （一）建设算力基础设施"
    assert model.index(1, 0).data(ROW_ROLE) == (40, 2, "（一）建设算力基础设施")

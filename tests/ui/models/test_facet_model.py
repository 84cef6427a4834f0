from PySide6.QtCore import Qt

from ui.models.base import ROW_ROLE
from ui.models.facet_model import FacetModel

FACETS = {"region": (("贵州省", 3), ("宁夏回族自治区", 1)), "kind": (("plan", 2),), "year": (), "zzz": (("x", 1),)}


def test_headers_then_values_in_facet_order(qtmodeltester) -> None:
    model = FacetModel()
    model.set_facets(FACETS)
    qtmodeltester.check(model)
    rows = [model.index(i, 0).data(ROW_ROLE) for i in range(model.rowCount())]
    assert [(r.key, r.value, r.header) for r in rows] == [
        ("region", "", True), ("region", "贵州省", False), ("region", "宁夏回族自治区", False),
        ("kind", "", True), ("kind", "plan", False), ("zzz", "", True), ("zzz", "x", False)]
    assert "(3)" in model.index(1, 0).data()
    assert "Plan" in model.index(4, 0).data()  # codes are shown by their label
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable
    assert model.flags(model.index(1, 0)) & Qt.ItemFlag.ItemIsSelectable


def test_active_filter_is_marked_and_kept_when_absent() -> None:
    model = FacetModel()
    model.set_facets({"region": (("贵州省", 3),)}, {"region": "贵州省", "doc": "gone.txt"})
    rows = model.rows()
    assert [r for r in rows if r.active and r.value == "贵州省"]
    assert [r for r in rows if r.key == "doc" and r.value == "gone.txt" and r.count == 0 and r.active]
    assert model.index(1, 0).data().startswith("✓")


def test_document_values_show_their_title() -> None:
    model = FacetModel()
    long_title = "贵阳市加快数字经济发展实施方案（2023—2025年）"
    model.set_facets({"doc": (("gz.txt", 2), ("nx.txt", 1))}, titles={"gz.txt": long_title})
    assert "贵阳市加快数字经济发展实施方案（" in model.index(1, 0).data() and "…" in model.index(1, 0).data()
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) == f"{long_title}\ngz.txt"
    assert "nx.txt" in model.index(2, 0).data()
    assert model.index(1, 0).data(ROW_ROLE).value == "gz.txt"

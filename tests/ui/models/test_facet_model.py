from PySide6.QtCore import Qt

from ui.models.base import ROW_ROLE
from ui.models.facet_model import LABEL_ROLE, FacetModel, merge_zone_names
from ui.plain import tip

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
    assert long_title in model.index(1, 0).data()  # whole: the list elides it to its width
    assert model.index(1, 0).data(LABEL_ROLE) == (f"   {long_title}", "(2)")
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) == tip(f"{long_title}\ngz.txt")
    assert "nx.txt" in model.index(2, 0).data()
    assert model.index(1, 0).data(ROW_ROLE).value == "gz.txt"


def test_a_zone_listed_under_short_and_full_name_is_one_row(qtmodeltester) -> None:
    facets = {"region": (("湖南省", 5), ("长沙市", 5), ("湘江新区", 2), ("长沙湘江新区", 2), ("岳麓区", 1))}
    model = FacetModel()
    model.set_facets(facets)
    qtmodeltester.check(model)
    rows = [r for r in model.rows() if not r.header]
    assert [(r.value, r.count) for r in rows] == [("湖南省", 5), ("长沙市", 5), ("长沙湘江新区", 2), ("岳麓区", 1)]
    assert rows[2].aliases == ("湘江新区",)
    assert "湘江新区" in model.index(3, 0).data(Qt.ItemDataRole.ToolTipRole)
    # the short name as the active filter: the merged row carries it, so a click clears it
    model.set_facets(facets, {"region": "湘江新区"})
    active = [r for r in model.rows() if r.active]
    assert [(r.value, r.aliases) for r in active] == [("湘江新区", ("长沙湘江新区",))]
    assert "长沙湘江新区" in model.index(3, 0).data() and len([r for r in model.rows() if not r.header]) == 4


def test_names_that_merely_end_alike_are_not_merged() -> None:
    # 新区 alone, or a suffix whose prefix is no other listed region, stays separate
    values = [("江西省", 3), ("赣州市", 3), ("南康区", 1), ("康区", 1), ("高新区", 2), ("贵阳高新区", 1)]
    assert [v for v, _, _ in merge_zone_names(values)] == ["江西省", "赣州市", "南康区", "康区", "高新区", "贵阳高新区"]


def test_region_paths_are_one_indented_row_per_place_under_its_parent(qtmodeltester) -> None:
    facets = {"region": (("贵州省", 4), ("湖南省", 3), ("贵州省 › 贵阳市", 3), ("湖南省 › 长沙市", 3),
                         ("贵州省 › 遵义市", 1), ("湖南省 › 长沙市 › 湘江新区", 2), ("湖南省 › 长沙市 › 长沙湘江新区", 2),
                         ("贵州省 › 贵阳市 › 观山湖区", 2))}
    model = FacetModel()
    model.set_facets(facets)
    qtmodeltester.check(model)
    rows = [r for r in model.rows() if not r.header]
    assert [(r.value, r.depth) for r in rows] == [
        ("贵州省", 0), ("贵州省 › 贵阳市", 1), ("贵州省 › 贵阳市 › 观山湖区", 2), ("贵州省 › 遵义市", 1),
        ("湖南省", 0), ("湖南省 › 长沙市", 1), ("湖南省 › 长沙市 › 长沙湘江新区", 2)]  # the short name folded in
    shown = [model.index(i, 0).data(LABEL_ROLE)[0] for i in range(model.rowCount())]
    assert shown[3] == "           观山湖区" and shown[2] == "       贵阳市"  # its own name, indented per level
    assert model.index(3, 0).data(Qt.ItemDataRole.ToolTipRole) == tip("贵州省 › 贵阳市 › 观山湖区")
    model.set_facets(facets, {"region": "贵州省 › 贵阳市"})
    assert [r.value for r in model.rows() if r.active] == ["贵州省 › 贵阳市"]


def test_undated_documents_come_last_and_issuer_and_number_show_when_documents_have_them() -> None:
    model = FacetModel()
    model.set_facets({"year": (("未标日期", 5), ("2023", 2), ("2021", 1)), "issuer": (("贵州省人民政府办公厅", 2),),
                      "doc_number": (), "kind": (("plan", 1),)})
    rows = [(r.key, r.value) for r in model.rows()]
    assert rows == [("kind", ""), ("kind", "plan"), ("year", ""), ("year", "2023"), ("year", "2021"),
                    ("year", "未标日期"), ("issuer", ""), ("issuer", "贵州省人民政府办公厅")]
    assert model.index(5, 0).data(LABEL_ROLE) == ("   Undated", "(5)")
    assert model.index(6, 0).data() == "Issuer"

"""The comparison's region list keeps the order in which regions are ticked."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.views.region_picker import REGION_ROLE, RegionPicker


def _tick(picker: RegionPicker, name: str, on: bool = True) -> None:
    m = picker.model
    item = next(m.item(r) for r in range(m.rowCount()) if m.item(r).data(REGION_ROLE) == name)
    item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def test_columns_follow_the_order_of_ticking_not_of_the_list(qtbot) -> None:
    picker = RegionPicker()
    qtbot.addWidget(picker)
    names = [("宁夏回族自治区", 0), ("江苏省", 0), ("苏州市", 1), ("张家港市", 2), ("江西省", 0), ("赣州市", 1)]
    picker.set_names(names, ["赣州市", "张家港市", "宁夏回族自治区", "江西省"])
    assert picker.selected_regions() == ["赣州市", "张家港市", "宁夏回族自治区", "江西省"]
    _tick(picker, "张家港市", False)
    _tick(picker, "苏州市")
    _tick(picker, "张家港市")
    assert picker.selected_regions() == ["赣州市", "宁夏回族自治区", "江西省", "苏州市", "张家港市"]
    with qtbot.waitSignal(picker.selectionChanged):
        picker.edit.setText("贵阳")
        qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert picker.selected_regions()[-1] == "贵阳" and picker.edit.text() == ""
    assert picker.model.item(2).text() == "\u3000苏州市"  # indented under its province


def test_reloading_the_names_keeps_the_ticks_in_order(qtbot) -> None:
    picker = RegionPicker()
    qtbot.addWidget(picker)
    picker.set_names([("江西省", 0), ("赣州市", 1)], ["赣州市", "江西省"])
    picker.set_names([("江西省", 0), ("赣州市", 1), ("章贡区", 2)], picker.selected_regions())
    assert picker.selected_regions() == ["赣州市", "江西省"] and picker.model.rowCount() == 3

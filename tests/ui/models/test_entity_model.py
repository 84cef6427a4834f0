from PySide6.QtCore import Qt

from ui.models.base import ROW_ROLE
from ui.models.entity_model import EntityFilterProxy, EntityTableModel
from ui.plain import tip


def _names(proxy) -> list[str]:
    return sorted(proxy.index(r, 0).data(ROW_ROLE).name for r in range(proxy.rowCount()))


def test_table_and_proxy_pass_modeltester(qtmodeltester, entities) -> None:
    model = EntityTableModel()
    model.set_rows(entities)
    qtmodeltester.check(model)
    proxy = EntityFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    assert model.index(0, EntityTableModel.COL_REGION).data() == "贵阳市"
    assert model.index(0, EntityTableModel.COL_REGION).data(Qt.ItemDataRole.ToolTipRole) == tip("贵州省 > 贵阳市")
    assert model.index(1, EntityTableModel.COL_DOCS).data() == "2"
    assert model.index(0, EntityTableModel.COL_TYPE).data() == "Park"


def test_proxy_filters_by_alias_type_and_region(entities) -> None:
    model = EntityTableModel()
    model.set_rows(entities)
    proxy = EntityFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_text("中国移动")
    assert _names(proxy) == ["中国移动通信集团有限公司"]
    proxy.set_text("")
    proxy.set_type("region")
    assert _names(proxy) == ["中卫市"]
    proxy.set_type("")
    proxy.set_region("贵州省")
    assert _names(proxy) == ["贵阳国家高新技术产业开发区"]
    proxy.set_region("")
    proxy.sort(EntityTableModel.COL_MENTIONS, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, 0).data() for r in range(3)][0] == "中国移动通信集团有限公司"

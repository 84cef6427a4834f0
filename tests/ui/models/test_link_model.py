from ui.models.link_model import LinkTableModel


def test_links_are_shown_from_the_focused_entity(qtmodeltester, links) -> None:
    model = LinkTableModel()
    model.focus_id = 1
    model.set_rows(links)
    qtmodeltester.check(model)
    assert model.index(0, LinkTableModel.COL_ENTITY).data() == "贵阳市"
    assert model.index(0, LinkTableModel.COL_KIND).data() == "Located in"
    assert model.index(0, LinkTableModel.COL_SENTENCE).data() == "位于贵阳"
    assert model.index(1, LinkTableModel.COL_ENTITY).data() == "中国移动"
    assert model.index(1, LinkTableModel.COL_KIND).data() == "Mentioned with"
    assert model.other_end(links[1]) == (2, "中国移动", "enterprise")
    model.focus_id = 5  # the region's page: the park lies in it
    assert model.index(0, LinkTableModel.COL_KIND).data() == "Contains"
    assert model.index(0, LinkTableModel.COL_ENTITY).data() == "贵阳高新区"
    assert "位于贵阳" in model.index(0, LinkTableModel.COL_KIND).data(3)  # the sentence on hover (ToolTipRole)

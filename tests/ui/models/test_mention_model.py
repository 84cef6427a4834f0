from ui.models.base import ROW_ROLE
from ui.models.mention_model import MentionTableModel


def test_mentions(qtmodeltester, mentions) -> None:
    model = MentionTableModel()
    model.set_rows(mentions)
    qtmodeltester.check(model)
    assert model.index(0, MentionTableModel.COL_SENTENCE).data() == "推动中国移动 等企业布局。"
    assert model.index(0, MentionTableModel.COL_TEXT).data() == "中国移动"
    assert model.index(0, 0).data(ROW_ROLE) is mentions[0]

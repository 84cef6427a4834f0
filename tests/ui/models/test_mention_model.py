from ui.models.base import ROW_ROLE
from ui.models.mention_model import MentionTableModel


def test_mentions(qtmodeltester, mentions) -> None:
    model = MentionTableModel()
    model.set_rows(mentions)
    qtmodeltester.check(model)
    assert model.index(0, MentionTableModel.COL_SENTENCE).data() == "推动中国移动 等企业布局。"
    assert model.index(0, MentionTableModel.COL_TEXT).data() == "中国移动"
    assert model.index(0, 0).data(ROW_ROLE) is mentions[0]


def test_documents_mentioning_an_entity(qtmodeltester, mentions) -> None:
    from kb.models import DocumentMentions
    from ui.models.mention_model import DocumentMentionTableModel

    rows = [DocumentMentions("d1", "gz.txt", "贵阳市数字经济实施方案", "2023-03-15", ("贵州省", "贵阳市"), 3, mentions[0]),
            DocumentMentions("d2", "km.txt", "昆明市新闻", None, (), 1, mentions[0])]
    model = DocumentMentionTableModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.index(0, DocumentMentionTableModel.COL_TITLE).data() == "贵阳市数字经济实施方案"
    assert model.index(0, DocumentMentionTableModel.COL_REGION).data() == "贵州省 > 贵阳市"
    assert model.index(1, DocumentMentionTableModel.COL_DATE).data() == "—"
    assert model.index(0, DocumentMentionTableModel.COL_COUNT).data(ROW_ROLE) is rows[0]
    assert "gz.txt" in model.index(0, DocumentMentionTableModel.COL_TITLE).data(3)  # the file on hover

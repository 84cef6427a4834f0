from PySide6.QtCore import Qt

from ui.models.base import ROW_ROLE
from ui.models.search_model import HTML_ROLE, SearchHitModel, highlight_html


def test_model_passes_modeltester_and_exposes_rows(qtmodeltester, hits) -> None:
    model = SearchHitModel()
    model.set_rows(hits)
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.index(1, 0).data(ROW_ROLE) is hits[1]
    assert model.index(0, SearchHitModel.COL_TITLE).data() == "贵阳市实施方案<草案>"
    assert model.index(1, SearchHitModel.COL_REGION).data() == ""


def test_card_html_escapes_document_text_and_marks_hits(hits) -> None:
    card = SearchHitModel()
    card.set_rows(hits)
    html = card.index(0, 0).data(HTML_ROLE)
    assert "&lt;草案&gt;" in html and "<草案>" not in html
    assert "&amp;数据中心" in html
    assert "<b>算力</b>" in html
    assert "二、重点任务" in html and "gz.txt" not in html  # the card names the document by its title
    assert "gz.txt" in card.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)  # the file is in the tooltip


def test_highlight_html_handles_overlaps_and_bounds() -> None:
    assert highlight_html("a<b>c", [(1, 4)]).count("&lt;b&gt;") == 1
    out = highlight_html("abcdef", [(3, 5), (1, 4), (5, 99)])
    assert out.count("<b>") == 3 and out.startswith("a")
    assert highlight_html("abc", []) == "abc"

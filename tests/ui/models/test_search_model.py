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


def test_a_result_lists_thesaurus_matches_under_a_heading_and_documents_over_their_passages(qtmodeltester, hits) -> None:
    from dataclasses import replace

    from kb.models import SearchResult
    from ui.models.search_model import ENTRY_ROLE

    synonym = replace(hits[1], match="synonym", matched_terms=("算力调度",))
    result = SearchResult("算力平台", (hits[0],), 1, more_hits=(synonym,), more_total=7)
    model = SearchHitModel()
    model.set_result(result)
    qtmodeltester.check(model)
    rows = [model.index(r, 0).data(ENTRY_ROLE) for r in range(model.rowCount())]
    assert [(e.kind, e.rank) for e in rows] == [("hit", 1), ("heading", 0), ("hit", 2)]
    assert "7" in rows[1].text and model.index(1, 0).data(ROW_ROLE) is None
    assert "Verbatim" in model.index(0, 0).data(HTML_ROLE) and "matched: " not in model.index(0, 0).data(HTML_ROLE)
    assert "Synonym" in model.index(2, 0).data(HTML_ROLE) and "matched: 算力调度" in model.index(2, 0).data(HTML_ROLE)
    assert model.hits() == [hits[0], synonym]

    a2 = replace(hits[0], passage_id=2, doc_total=2)
    grouped = SearchResult("算力", (replace(hits[0], doc_total=2), a2, replace(hits[1], doc_total=1)), 3, by_document=True)
    model.set_result(grouped)
    qtmodeltester.check(model)
    rows = [model.index(r, 0).data(ENTRY_ROLE) for r in range(model.rowCount())]
    assert [(e.kind, e.rank, e.depth, e.count) for e in rows] == [
        ("document", 1, 0, 2), ("hit", 0, 1, 0), ("hit", 0, 1, 0), ("document", 2, 0, 1), ("hit", 0, 1, 0)]
    assert model.index(0, 0).data(ROW_ROLE) is grouped.hits[0]  # a document row opens its best passage
    assert "2 matching passage(s)" in model.index(0, 0).data(HTML_ROLE) and "margin-left" in model.index(1, 0).data(HTML_ROLE)

"""Citations in Chinese form, from a document's metadata and the passage's section."""

from __future__ import annotations

from kb.models import Document, Passage
from ui.citation import book_title, citation, section_at


def _doc(**changes) -> Document:
    values = dict(id="d1", name="guizhou_notice.txt", path="", title="关于印发《贵州省数字经济发展实施方案》的通知",
                  date="2023-04-10", source="贵州省人民政府办公厅", region="贵州省", region_chain=("贵州省",),
                  kind="plan", issuer="贵州省人民政府办公厅", doc_number="黔府办发〔2023〕12号")
    values.update(changes)
    return Document(**values)


def test_book_title_nests_inner_marks() -> None:
    assert book_title("关于印发《贵州省数字经济发展实施方案》的通知") == "《关于印发〈贵州省数字经济发展实施方案〉的通知》"
    assert book_title("  ") == ""


def test_citation_has_title_source_date_section_and_file() -> None:
    text = citation(_doc(), "二、重点任务 > （一）建设算力基础设施")
    assert text == ("《关于印发〈贵州省数字经济发展实施方案〉的通知》，贵州省人民政府办公厅，2023-04-10，"
                    "二、重点任务 > （一）建设算力基础设施，guizhou_notice.txt")


def test_missing_parts_are_left_out_and_the_issuer_stands_in_for_the_source() -> None:
    assert citation(_doc(source=None, date=None)) == "《关于印发〈贵州省数字经济发展实施方案〉的通知》，贵州省人民政府办公厅，guizhou_notice.txt"
    assert citation(_doc(source=None, issuer=None, date=None)) == "《关于印发〈贵州省数字经济发展实施方案〉的通知》，guizhou_notice.txt"


def test_section_at_finds_the_passage_holding_an_offset() -> None:
    passages = (Passage(1, "d1", 0, 0, 10, "", "x"), Passage(2, "d1", 1, 11, 30, "一、总体要求", "x"),
                Passage(3, "d1", 2, 31, 60, "二、重点任务 > （一）建设算力基础设施", "x"))
    assert section_at(passages, 5) == ""
    assert section_at(passages, 11) == section_at(passages, 29) == "一、总体要求"
    assert section_at(passages, 45) == "二、重点任务 > （一）建设算力基础设施"
    assert section_at((), 3) == ""

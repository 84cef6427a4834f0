"""The reader's citation: the GB/T 7714 reference of a document, and the section of a passage."""

from __future__ import annotations

from dataclasses import replace

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


def test_citation_is_the_gbt7714_reference_with_the_section() -> None:
    text = citation(_doc(), "二、重点任务 > （一）建设算力基础设施", url="http://www.guizhou.gov.cn/a/t1.html",
                    accessed="2024-05-06")
    assert text == ("贵州省人民政府办公厅. 关于印发〈贵州省数字经济发展实施方案〉的通知: 黔府办发〔2023〕12号[EB/OL]. "
                    "(2023-04-10)[2024-05-06]. http://www.guizhou.gov.cn/a/t1.html.（二、重点任务 > （一）建设算力基础设施）")


def test_citation_reads_url_and_access_date_from_the_document() -> None:
    doc = replace(_doc(), url="https://www.guizhou.gov.cn/b.html", accessed="2024-01-02")
    assert citation(doc).endswith("(2023-04-10)[2024-01-02]. https://www.guizhou.gov.cn/b.html.")
    # without a stated access date the import date stands in
    assert "[2023-05-01]" in citation(replace(doc, accessed=None, imported_at="2023-05-01T08:00:00"))


def test_missing_parts_are_left_out_and_the_source_stands_in_for_the_issuer() -> None:
    assert citation(_doc(issuer=None, doc_number=None, date=None)) == (
        "贵州省人民政府办公厅. 关于印发〈贵州省数字经济发展实施方案〉的通知[EB]."
    )
    assert citation(_doc(source=None, issuer=None, doc_number=None, date=None)) == (
        "关于印发〈贵州省数字经济发展实施方案〉的通知[EB]."
    )


def test_section_at_finds_the_passage_holding_an_offset() -> None:
    passages = (Passage(1, "d1", 0, 0, 10, "", "x"), Passage(2, "d1", 1, 11, 30, "一、总体要求", "x"),
                Passage(3, "d1", 2, 31, 60, "二、重点任务 > （一）建设算力基础设施", "x"))
    assert section_at(passages, 5) == ""
    assert section_at(passages, 11) == section_at(passages, 29) == "一、总体要求"
    assert section_at(passages, 45) == "二、重点任务 > （一）建设算力基础设施"
    assert section_at((), 3) == ""

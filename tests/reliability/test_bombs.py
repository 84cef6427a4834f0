"""Small files that expand: each ends with a named error or capped text, within the file's budget.

The bombs here are small versions that take the same code paths as the full-size ones (a 331 KB
PDF, a 4 MB .docx with 200 MB of XML, a 50 MB page); the limits are lowered where a full-size
bomb would only make the suite slow.
"""

from __future__ import annotations

import tracemalloc

import pytest
from pypdf import PageObject

from kb.errors import IngestError
from kb.ingest import budget, docx_reader, pdf_reader, prepare_bytes

from . import badfiles as bad


@pytest.fixture
def extract_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts pypdf's page text extractions (the real method still runs)."""
    calls: list[int] = []
    real = PageObject.extract_text

    def counting(self: PageObject, *args: object, **kwargs: object) -> str:
        calls.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(PageObject, "extract_text", counting)
    return calls


def test_pages_sharing_one_stream_are_parsed_once(extract_calls: list[int]) -> None:
    data = bad.pdf_shared_stream(pages=300, kilobytes=256)
    assert len(data) < 60_000  # page objects; the stream itself is ~1 KB
    doc = prepare_bytes("shared.pdf", data)
    assert len(extract_calls) == 1
    assert "Digital economy plan" in doc.body
    assert "299 pages repeating an earlier page's content read once" in doc.warnings


def test_a_shared_stream_beside_each_page_s_own_stops_at_the_content_budget(
    monkeypatch: pytest.MonkeyPatch, extract_calls: list[int]
) -> None:
    monkeypatch.setattr(pdf_reader, "MAX_CONTENT", 1024 * 1024)
    doc = prepare_bytes("partly_shared.pdf", bad.pdf_shared_stream(pages=100, kilobytes=64, own_text=True))
    assert 10 <= len(extract_calls) <= 16  # 64 KB a page against a 1 MB budget
    assert "Page 1 of the Yunnan plan" in doc.body and "Page 17 of" not in doc.body
    assert [w for w in doc.warnings if w.startswith("read pages 1-") and "expand past 1 MB" in w], doc.warnings


def test_a_stream_inflating_past_the_page_limit_is_never_parsed(extract_calls: list[int]) -> None:
    data = bad.pdf_shared_stream(pages=50, kilobytes=6 * 1024)  # 6 MB decoded per page, ~12 KB on disk
    tracemalloc.start()
    try:
        with pytest.raises(IngestError) as err:
            prepare_bytes("bomb.pdf", data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert err.value.reason == "PDF content streams expand past 4 MB a page"
    assert extract_calls == [] and peak < 30_000_000


def test_a_form_drawn_thousands_of_times_counts_each_time(extract_calls: list[int]) -> None:
    with pytest.raises(IngestError, match="PDF content streams expand past 4 MB a page"):
        prepare_bytes("forms.pdf", bad.pdf_form_amplified(uses=2000, kilobytes=64))
    assert extract_calls == []


def test_the_deadline_names_itself() -> None:
    with pytest.raises(IngestError) as err:
        prepare_bytes("shared.pdf", bad.pdf_shared_stream(pages=20, kilobytes=64), seconds=0)
    assert err.value.reason.startswith("gave up after 0 s (reading page 1 of 20")


def test_docx_xml_past_its_budget_stops_the_reading_while_streaming(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_reader, "MAX_XML_BYTES", 1024 * 1024)
    data = bad.docx_amplified(paragraphs=20_000)  # ~5 MB of XML, under the zip-bomb ratio
    tracemalloc.start()
    try:
        doc = prepare_bytes("amplified.docx", data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert 3_000 < len(doc.raw.split("\n")) < 6_000  # ~250 bytes of XML a paragraph
    assert "read the first 1 MB of the document XML; the rest expands past the limit" in doc.warnings
    assert peak < 20_000_000


def test_docx_xml_past_its_budget_before_any_text_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_reader, "MAX_XML_BYTES", 64 * 1024)
    data = bad.docx_amplified(paragraphs=0, preamble_kb=200)
    with pytest.raises(IngestError) as err:
        prepare_bytes("amplified.docx", data)
    assert err.value.reason == "document XML expands past 0.0625 MB"


def test_docx_streams_in_little_memory_and_stops_at_the_character_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(budget, "MAX_CHARS", 20_000)
    data = bad.docx_amplified(paragraphs=20_000)  # 80,000 characters with line ends
    tracemalloc.start()
    try:
        doc = prepare_bytes("long.docx", data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert 10_000 < len(doc.raw) <= 20_000
    assert [w for w in doc.warnings if w.startswith("text cut at")], doc.warnings
    assert peak < 40_000_000


@pytest.mark.parametrize("name", ["long.html", "long.txt"])
def test_long_text_is_cut_at_the_budget_with_a_warning(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setattr(budget, "MAX_CHARS", 50_000)
    row = "到2025年，全市数字经济规模达到1000亿元，对新建项目给予500万元奖励。"
    lines = [f"第{i}条 {row}" for i in range(3000)]
    data = ("<html><body>" + "".join(f"<p>{x}</p>" for x in lines) + "</body></html>" if name.endswith("html")
            else "\n".join(lines)).encode()
    doc = prepare_bytes(name, data)
    assert 40_000 < len(doc.raw) <= 50_000 and doc.raw.endswith("奖励。")
    assert doc.warnings == (f"text cut at {len(doc.raw):,} characters (the limit is 50,000 per file)",)

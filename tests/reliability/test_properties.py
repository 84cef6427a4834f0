"""Property tests that the per-module suites lack: domain-shaped input for the date parser, the
cleaner with readability hints, the splitter with titles and headings, metadata extraction, and the
query parser all the way through a real index and the service. Nothing may raise but kb.errors.*.

(Plain random text for clean/split/parse/numbers is already covered in tests/ingest, tests/search
and tests/extract.)
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb.errors import QueryError, ZhikuError
from kb.extract.numbers import find_deadlines, find_quantities, parse_amount, parse_year, to_base
from kb.importer import types_in
from kb.ingest.clean import clean
from kb.ingest.metadata import extract, parse_date
from kb.ingest.passages import split_passages
from kb.models import DOC_KINDS
from kb.pipeline import windows
from kb.search.query import make_filter, parse

from .helpers import make_doc

_DATE_CHARS = list("0123456789０１２３年月日号-/.．:：发布时间成文印发 \n〇一二三四五六七八九十")
_HEADINGS = ["一、", "二、", "十一、", "（一）", "(二)", "1.", "2．", "（1）", "第一章 ", "第二条 ", "第三节 ", "附件", "附件1："]
_LINES = [
    "关于印发《遵义市数字经济发展实施方案》的通知", "发布时间：2023-05-06", "来源：市大数据局", "首页 > 政策文件",
    "为加快数字经济发展，制定本方案。", "到2025年，软件业务收入突破100亿元。", "对新认定的企业给予50万元奖励。",
    "遵义市人民政府办公室", "2023年5月6日", "遵府办发〔2023〕12号", "上一篇", "版权所有", "扫一扫", "", " ",
    "附件：1.重点项目清单", "（此件公开发布）", "抄送：市委办公室", "责任单位：市发展改革委",
]
_QUERY_PARTS = ['数字经济', '"算力 网络"', "“工业互联网”", " OR ", " AND ", " NOT ", "-", "（", "）", "(", ")",
                "region:", "year:", "kind:", "doc:", "type:", "遵义", "2023", "2023-2025", "plan", "方案", "|", "*",
                "?", "~", "^2", "\\", ":", "：", " ", "　", "年"]


def _doc_text() -> st.SearchStrategy[str]:
    line = st.one_of(st.sampled_from(_LINES), st.builds(lambda h, t: h + t, st.sampled_from(_HEADINGS),
                                                        st.sampled_from(_LINES)), st.text(max_size=30))
    return st.lists(line, max_size=40).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_DATE_CHARS), max_size=24).map("".join) | st.text(max_size=30), st.booleans())
def test_parse_date_gives_a_valid_iso_date_or_none(text: str, damaged: bool) -> None:
    iso = parse_date(text, damaged)
    if iso is None:
        return
    assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", iso), iso
    parts = [int(p) for p in iso.split("-")]
    if len(parts) > 1:
        assert 1 <= parts[1] <= 12
    if len(parts) > 2:
        assert 1 <= parts[2] <= 31


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_doc_text(), st.data())
def test_cleaner_with_hints_and_metadata_never_raise(raw: str, data: st.DataObject) -> None:
    lines = [line for line in raw.split("\n") if line.strip()]
    article = data.draw(st.lists(st.sampled_from(lines), max_size=10)) if lines else []
    hint = data.draw(st.none() | st.sampled_from(lines or ["x"]) | st.text(max_size=10))
    cleaned = clean(raw, tuple(article), hint)
    for span in cleaned.removed:
        assert 0 <= span.start <= span.end <= len(raw)
    meta = extract(cleaned.lines, cleaned.body, "f.txt", hint)
    assert meta.kind in DOC_KINDS
    assert isinstance(meta.title, str)
    for value in (meta.date, meta.date_written):
        assert value is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value)


@settings(max_examples=200, deadline=None)
@given(_doc_text(), st.sampled_from(["", "关于印发《遵义市数字经济发展实施方案》的通知", "一、"]))
def test_splitter_with_titles_and_headings_keeps_valid_spans(body: str, title: str) -> None:
    passages, headings = split_passages(body, title)
    prev = 0
    for p in passages:
        assert prev <= p.start < p.end <= len(body)
        prev = p.end
    for start, level, text in headings:
        assert 0 <= start <= len(body) and level >= 1 and isinstance(text, str)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789.万亿千百十元两零〇一二三四五六七八九余多%个家亿元万元年")), max_size=16).map("".join))
def test_number_parsers_on_numeral_soup(text: str) -> None:
    amount = parse_amount(text)
    if amount is not None:
        assert amount == amount  # not NaN
        based = to_base(amount, "万元")
        assert based is None or based[0] >= 0
    parse_year(text)
    find_deadlines(text)
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_QUERY_PARTS), max_size=12).map("".join),
       st.sampled_from(["region", "doc", "year", "kind", "entity_type"]), st.text(max_size=8))
def test_query_and_filter_parsing_raise_only_query_error(query: str, key: str, value: str) -> None:
    for call in (lambda: parse(query), lambda: make_filter(key, value)):
        try:
            call()
        except QueryError as exc:
            assert str(exc)


@pytest.fixture(scope="module")
def small_kb(tmp_path_factory: pytest.TempPathFactory):
    from kb.service import KnowledgeBase

    folder = tmp_path_factory.mktemp("prop_docs")
    for i in range(6):
        (folder / f"d{i}.txt").write_text(make_doc(i), encoding="utf-8")
    kb = KnowledgeBase.open(tmp_path_factory.mktemp("prop_kb"))
    assert kb.import_paths([folder]).ok
    yield kb
    kb.close()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.lists(st.sampled_from(_QUERY_PARTS), max_size=10).map("".join) | st.text(max_size=20),
       filters=st.dictionaries(st.sampled_from(["region", "doc", "year", "kind", "entity_type", "colour"]),
                               st.sampled_from(["遵义", "2023", "2020-2024", "plan", "region", "", "x:y", "（"]),
                               max_size=2),
       limit=st.integers(min_value=-1, max_value=50))
def test_service_search_raises_only_project_errors(small_kb, query: str, filters: dict, limit: int) -> None:
    try:
        result = small_kb.search(query, limit=limit, filters=filters)
    except ZhikuError as exc:
        assert str(exc)
        return
    assert len(result.hits) <= max(limit, 0)
    for hit in result.hits:
        body = small_kb.document_text(hit.doc_id).body
        assert body[hit.start : hit.end] == hit.text
        for s, e in hit.highlights:
            assert hit.start <= s < e <= hit.end
        for s, e in hit.snippet_highlights:
            assert 0 <= s < e <= len(hit.snippet)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab\n", max_size=300), st.integers(min_value=2, max_value=40))
def test_extraction_windows_tile_the_body(body: str, size: int) -> None:
    pieces = windows(body, size)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(body)
    for (_, end), (start, _) in zip(pieces, pieces[1:], strict=False):
        assert end == start
    assert all(e - s <= size for s, e in pieces) or len(pieces) == 1


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 15), st.sampled_from(["region", "park", "enterprise"])),
                max_size=30), st.integers(0, 60), st.integers(0, 30))
def test_types_in_matches_the_plain_scan(raw: list, start: int, length: int) -> None:
    spans = sorted((s, s + n, t) for s, n, t in raw)
    end = start + length
    assert types_in(spans, start, end) == tuple(sorted({t for s, e, t in spans if s >= start and e <= end}))


def test_long_documents_are_extracted_window_by_window_with_true_offsets(monkeypatch: pytest.MonkeyPatch) -> None:
    import kb.pipeline as pipeline
    from kb.ingest import prepare_bytes

    doc = prepare_bytes("long.txt", "\n".join(make_doc(i) for i in range(24)).encode())
    seen: list[int] = []
    from kb.extract import entities as ent_mod

    real = ent_mod.extract_entities

    def spy(body: str, chain: tuple[str, ...]):
        seen.append(len(body))
        return real(body, chain)

    monkeypatch.setattr(ent_mod, "extract_entities", spy)
    monkeypatch.setattr(pipeline, "EXTRACT_WINDOW", 1500)
    p = pipeline.process_doc(doc)
    assert len(seen) >= 4 and max(seen) <= 1500
    assert p.entities and p.measures
    keys = [(e.type, e.name) for e in p.entities]
    assert len(keys) == len(set(keys))  # one entity per name across windows
    for e in p.entities:
        for s, t in e.mentions:
            assert doc.body[s:t] in {e.name, *e.aliases}, (e.name, doc.body[s:t])
    for m in p.measures:
        assert 0 <= m.start < m.end <= len(doc.body)
    late = [m for m in p.measures if m.start > len(doc.body) // 2]
    assert late, "measures of the later windows are found at their true offsets"
    assert any(str(int(m.amount)) in doc.body[m.start : m.end] for m in late if m.amount)

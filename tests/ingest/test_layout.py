"""Layout undone at import: spaces from glyph positions dropped, hard-wrapped lines joined, and the
raw text kept as it was (the dropped pieces are "layout" removed spans)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kb.ingest import prepare_bytes
from kb.ingest.layout import BLOCKS, Layout, _kind, _spaced_ideographs, tidy
from kb.ingest.lines import Line

from .conftest import build_docx, build_pdf
from .spans import body_from_raw, boilerplate

PDF = Layout(join=True, cjk_spaces=True, max_run=2)
PLAN = "贵阳市数字经济发展实施方案"
SPACED = [
    PLAN,
    "2023年 12 月 15 日经第 29 次部务会议通过",
    "到 2025 年 , 对 新 认 定 的 企 业 技 术 中 心 给 予 500 万元奖励 。",
]


def _tidy(text: str, layout: Layout) -> str:
    return tidy(Line(0, len(text), text, None), layout).text


def _lines(doc) -> list[str]:
    return doc.body.split("\n")


def test_pdf_gaps_become_searchable_numbers():
    doc = prepare_bytes("plan.pdf", build_pdf(SPACED, gaps=True))
    assert "2023年 12 月" in doc.raw  # the text layer as pypdf reads it stays for the raw view
    assert "2023年12月15日经第29次部务会议通过" in _lines(doc)
    assert "到2025年,对新认定的企业技术中心给予500万元奖励。" in _lines(doc)
    assert {span.reason for span in doc.removed} == {"layout"}
    assert doc.body == body_from_raw(doc.raw, doc.removed)
    assert all(not doc.raw[s.start : s.end].strip() for s in doc.removed)


@pytest.mark.parametrize(
    "text",
    ["Zhiku OS 2.0 发布", "支持 5G SA 组网", "2023 2024 两年", "第一章 总则", "1 总体目标", "（一） 加快建设", "● 行业大模型"],
)
def test_spaces_that_mean_something_stay(text):
    kept = {"Zhiku OS 2.0 发布": "Zhiku OS 2.0发布", "支持 5G SA 组网": "支持5G SA组网", "2023 2024 两年": "2023 2024两年"}
    assert _tidy(text, PDF) == kept.get(text, text)


def test_spaces_between_words_only_go_where_the_source_makes_them_layout():
    assert _tidy("加强顶层设计 完善政策体系", BLOCKS) == "加强顶层设计 完善政策体系"
    assert _tidy("加强顶层设计 完善政策体系", PDF) == "加强顶层设计完善政策体系"


def test_letter_spacing_goes_everywhere():
    assert _tidy("国 家 数 据 局", BLOCKS) == "国家数据局"
    assert _tidy("通\u3000知", BLOCKS) == "通知"
    assert _tidy("（记者 王 伟 报道）", BLOCKS) == "（记者 王伟 报道）"
    assert _tidy("到 2025 年，建成 5G 基站", BLOCKS) == "到2025年，建成5G基站"


def test_wide_gaps_separate_columns():
    assert _tidy("项目名称     金额", PDF) == "项目名称     金额"
    assert _tidy("发布日期：  2023年", BLOCKS) == "发布日期：  2023年"  # a run of two in HTML is deliberate


def test_cuts_after_a_join_map_to_raw_offsets():
    raw = "到 2025\n年 底建成"
    line = Line(0, len(raw), "到 2025年 底建成", None, ((6, 7),))
    out = tidy(line, PDF)
    assert out.text == "到2025年底建成"
    assert out.cuts == ((1, 2), (6, 7), (8, 9))
    assert all(raw[s:e].isspace() for s, e in out.cuts)


WRAPPED = [
    "湖南省数字经济发展行动计划",
    "一、总体要求",
    "到2025年，全省数字经济规模突破2.5万亿元，数字经济核心产业增加值",
    "占地区生产总值比重达到10%，建成全国数字经济创新引领区和数字产业",
    "集聚发展高地。",
    "二、重点任务",
    "（一）加快建设新型基础设施。统筹推进5G网络、千兆光网、数据中心和",
    "算力网络建设，到2025年建成5G基站15万个，数据中心标准机架达到",
    "30万架。",
    "1.推进5G规模化应用",
    "湖南省工业和信息化厅",
]


def test_pdf_wrapped_sentences_join_and_paragraph_ends_headings_items_do_not():
    doc = prepare_bytes("hunan.pdf", build_pdf(WRAPPED))
    lines = _lines(doc)
    assert lines[2] == WRAPPED[2] + WRAPPED[3] + WRAPPED[4]
    assert lines[3] == "二、重点任务"
    assert lines[4] == WRAPPED[6] + WRAPPED[7] + WRAPPED[8]
    assert lines[5:] == ["1.推进5G规模化应用", "湖南省工业和信息化厅"]
    assert doc.raw.split("\n")[2] == WRAPPED[2]
    assert doc.body == body_from_raw(doc.raw, doc.removed)
    assert doc.headings[0][2] == "一、总体要求"


def test_page_furniture_is_not_joined_into_the_text():
    lines = [
        "某省数字经济发展报告",
        "全省加快推进数字产业化和产业数字化，数字经济核心产业增加值持续增长，",
        "— 3 —",
        "某省数字经济发展报告",
        "产业结构不断优化，新动能加快成长，发展质量和效益稳步提升。",
        "— 4 —",
    ]
    doc = prepare_bytes("report.pdf", build_pdf(lines))
    assert "—" not in doc.body
    assert {r.reason for r in boilerplate(doc)} == {"page_number", "header"}


def test_plain_text_wrapped_at_a_fixed_width_is_joined():
    body = "。".join(
        f"第{i}项任务要求各地加快推进数字基础设施建设和产业数字化转型升级并完善配套政策体系" for i in range(12)
    )
    width = 30
    wrapped = [body[i : i + width] for i in range(0, len(body), width)]
    text = "\n".join(["某市数字经济发展三年行动计划", *wrapped, "某市人民政府办公室"])
    doc = prepare_bytes("wrapped.txt", text.encode())
    assert body in _lines(doc)
    assert _lines(doc)[-1] == "某市人民政府办公室"
    assert doc.body == body_from_raw(doc.raw, doc.removed)


def test_plain_text_with_one_paragraph_a_line_is_not_joined():
    paragraphs = [
        "某市数字经济发展三年行动计划",
        "为加快数字经济发展，结合本市实际，制定本行动计划，请各单位认真贯彻落实各项任务要求",
        "一、发展目标",
        "到2025年，全市数字经济规模达到1000亿元，培育数字经济骨干企业50家以上，建成一批示范园区",
        "二、重点任务",
        "推进数据中心集约建设，到2025年标准机架达到2万架，算力规模达到每秒百亿亿次",
    ]
    doc = prepare_bytes("plan.txt", "\n".join(paragraphs).encode())
    assert _lines(doc) == paragraphs


def test_text_copied_out_of_a_pdf_loses_its_ideograph_spaces():
    line = "各 地 要 加 快 推 进 数 字 基 础 设 施 建 设 ， 完 善 政 策 体 系 。"
    doc = prepare_bytes("copied.txt", "\n".join([PLAN] + [line] * 20).encode())
    assert "各地要加快推进数字基础设施建设，完善政策体系。" in _lines(doc)


def test_docx_number_spaces_go_but_table_cells_stay_apart():
    data = build_docx(["到 2025 年，建成 5G 基站 1 万个。"], table=[["项目", "金额（万元）"], ["数据中心", "500"]])
    doc = prepare_bytes("plan.docx", data)
    assert "到2025年，建成5G基站1万个。" in _lines(doc)
    assert "数据中心\t500" in _lines(doc)
    assert doc.body == body_from_raw(doc.raw, doc.removed)


def test_html_keeps_spaced_names_and_menus():
    html = (
        "<html><body><div>首页 要闻 政务 服务 互动</div><h1>某县数字乡村建设提速</h1>"
        "<p>（记者 王 伟）到 2025 年，全县建成 5G 基站 800 个，数字乡村建设取得明显成效，群众获得感持续增强。</p>"
        "</body></html>"
    )
    doc = prepare_bytes("news.html", html.encode())
    assert "（记者 王伟）到2025年，全县建成5G基站800个，数字乡村建设取得明显成效，群众获得感持续增强。" in _lines(doc)
    assert "首页 要闻 政务 服务 互动" not in doc.body


def _spaced_by_definition(lines: list[Line]) -> bool:
    """Character by character: ideographs, and space runs with an ideograph on each side."""
    han = spaced = 0
    for line in lines:
        t = line.text
        han += sum(_kind(c) == "H" for c in t)
        for m in re.finditer(r"[ \u00a0]+", t):
            i, j = m.span()
            spaced += 0 < i and j < len(t) and _kind(t[i - 1]) == _kind(t[j]) == "H"
    return han >= 200 and spaced >= 0.02 * han


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="贵州省 \u00a0数字经济发展。5Ｇa\u3000𠀀丽⺀", max_size=60), min_size=1, max_size=30))
def test_spaced_ideographs_counts_as_the_character_classes_say(texts: list[str]) -> None:
    lines = [Line(0, len(t), t, None) for t in texts]
    assert _spaced_ideographs(lines) == _spaced_by_definition(lines)

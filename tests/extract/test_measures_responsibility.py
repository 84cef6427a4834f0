"""Responsibility notes and the item/section structure (kb.extract.responsibility)."""

from __future__ import annotations

from dataclasses import dataclass

from kb.extract.responsibility import (
    SectionContext,
    agencies,
    assign_responsible,
    heading_starts,
    responsibility_blocks,
)


@dataclass(frozen=True)
class _M:
    start: int
    responsible: tuple[str, ...] = ()


def test_agencies_split_labels_glued_names_and_duplicates():
    assert agencies("牵头单位：市工业和信息化局；配合单位：市财政局、市统计局、市财政局") == (
        "市工业和信息化局", "市财政局", "市统计局"
    )
    assert agencies("责任单位:区财政局区锦源公司") == ("区财政局", "区锦源公司")


def test_blocks_in_every_bracket_style_and_unclosed():
    text = "A。〔责任单位：市科技局〕\nB。(牵头单位:省工信厅;配合单位:省财政厅)\nC。【责任部门：县发改局\nD。责任单位：市数据局。"
    assert [b.agencies for b in responsibility_blocks(text)] == [
        ("市科技局",), ("省工信厅", "省财政厅"), ("县发改局",), ("市数据局",)
    ]


def test_notes_govern_their_item_only():
    text = "一、总则\n1.甲。乙。(责任单位:市A局)\n2.丙。\n3.丁。(责任单位:市B局)\n"
    blocks = responsibility_blocks(text)
    ms = [_M(text.index(c)) for c in "甲乙丙丁"]
    assert [m.responsible for m in assign_responsible(text, ms, blocks)] == [("市A局",), ("市A局",), (), ("市B局",)]
    assert text.index("2.") in heading_starts(text)


def test_section_context_gives_item_and_section_titles():
    text = "二、重点任务\n(一)夯实数字基础设施。建成基站。\n(二)壮大数字核心产业。围绕显示,建设集群。"
    titles, para = SectionContext(text).context(text.index("建设集群"))
    assert titles.split("\n") == ["(二)壮大数字核心产业", "二、重点任务"]
    assert "基础设施" not in titles + para and para.endswith("围绕显示,")

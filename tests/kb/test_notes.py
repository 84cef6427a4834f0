"""Notes: anchoring on quotes, filters, edits, and surviving a changed or removed document."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from kb_samples import GUIYANG_PLAN

from kb.errors import NotFoundError, ZhikuError
from kb.notes import find_quote, relocate

PLAN = GUIYANG_PLAN

NEWS = """合肥市蜀山区数字经济产业园开园
2023-06-02 来源：合肥日报
合肥市蜀山区数字经济产业园今日开园，首批入驻企业40家，园区设立数字经济产业基金20亿元。
"""


@pytest.fixture
def docs_kb(kb, tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "guiyang_plan.txt").write_text(PLAN, encoding="utf-8")
    (folder / "hefei_news.txt").write_text(NEWS, encoding="utf-8")
    report = kb.import_paths([folder])
    assert report.ok and len(report.added) == 2
    kb.folder = folder
    return kb


# pure anchoring ---------------------------------------------------------------------------


def test_find_quote_exact_then_ignoring_whitespace_and_width() -> None:
    body = "第一段。\n对新引进的领军人才给予最高100万元安家补贴。"
    s, e = find_quote(body, "给予最高100万元")
    assert body[s:e] == "给予最高100万元"
    s, e = find_quote(body, "给予最高 １００万元")  # typed with a space and full-width digits
    assert body[s:e] == "给予最高100万元"
    assert find_quote(body, "不存在的句子") is None
    assert find_quote(body, "   ") is None


def test_find_quote_prefers_the_occurrence_nearest_the_hint() -> None:
    body = "补贴标准。" * 3
    assert find_quote(body, "补贴标准", near=11) == (10, 14)


def test_relocate_follows_text_inserted_before_and_edits_inside() -> None:
    old = "前言。引进高层次数字人才团队50个，对新引进的领军人才给予最高100万元安家补贴。其余内容。"
    quote = "对新引进的领军人才给予最高100万元安家补贴"
    s = old.index(quote)
    prefix, suffix = old[max(0, s - 30) : s], old[s + len(quote) : s + len(quote) + 30]
    moved = "新增一段很长的说明文字。" * 5 + old
    ns, ne = relocate(moved, quote, prefix, suffix, s)
    assert moved[ns:ne] == quote
    edited = moved.replace("最高100万元", "最高150万元")
    ns, ne = relocate(edited, quote, prefix, suffix, s)
    assert edited[ns:ne] == quote.replace("100", "150")
    assert relocate("完全不同的另一篇文章，没有任何相同内容。", quote, prefix, suffix, s) is None


def test_relocate_fuzzy_without_context_and_fast_on_long_bodies() -> None:
    quote = "对新引进的领军人才给予最高100万元安家补贴"
    reworded = "对新引进领军人才，给予最高一百万元的安家补贴"
    body = "数字经济发展园区企业。" * 20000 + reworded + "结尾。"
    s, e = relocate(body, quote, "", "", 5)
    assert body[s:e] == reworded
    assert relocate("完全无关的文字。" * 50, quote, "", "", 0) is None


@settings(max_examples=40, deadline=None)
@given(before=st.text(alphabet="数字经济发展园区企业。，", max_size=200), after=st.text(alphabet="新基建算力网络。", max_size=100))
def test_relocate_finds_an_unchanged_quote_wherever_it_moves(before: str, after: str) -> None:
    quote = "建成5G基站3万个以上"
    body = before + quote + after
    s, e = relocate(body, quote, "", "", 0)
    assert body[s:e] == quote


# the service ------------------------------------------------------------------------------


def test_add_note_anchors_quote_with_context_section_and_region(docs_kb) -> None:
    note = docs_kb.add_note(doc="guiyang_plan.txt", quote="给予最高500万元奖励", comment="力度大", tags=["招商", "#奖励", "招商"]).note
    body = docs_kb.document_text("guiyang_plan.txt").body
    assert body[note.start : note.end] == "给予最高500万元奖励"
    assert body[note.start - len(note.prefix) : note.start] == note.prefix and len(note.prefix) == 30
    assert note.suffix == body[note.end : note.end + 30]
    assert note.tags == ("招商", "奖励")
    assert "推进招商引资" in note.section or "重点任务" in note.section
    assert note.region == "贵阳市" and note.doc_title.startswith("贵阳市")
    assert not note.orphaned
    assert docs_kb.stats().notes == 1


def test_add_note_by_offsets_and_clear_errors(docs_kb) -> None:
    body = docs_kb.document_text("hefei_news.txt").body
    s = body.index("首批入驻企业40家")
    note = docs_kb.add_note(doc="hefei_news.txt", start=s, end=s + 9).note
    assert note.quote == "首批入驻企业40家"
    with pytest.raises(ZhikuError, match="quote not found"):
        docs_kb.add_note(doc="hefei_news.txt", quote="这句话不在文中")
    with pytest.raises(ZhikuError, match="outside"):
        docs_kb.add_note(doc="hefei_news.txt", start=5, end=10**6)
    with pytest.raises(ZhikuError, match="empty"):
        docs_kb.add_note(doc="hefei_news.txt", quote="")
    with pytest.raises(NotFoundError):
        docs_kb.add_note(doc="no_such.txt", quote="首批")


def test_filters_update_and_remove(docs_kb) -> None:
    a = docs_kb.add_note(doc="guiyang_plan.txt", quote="建成5G基站3万个以上", tags=["基建"]).note
    b = docs_kb.add_note(doc="hefei_news.txt", quote="数字经济产业基金20亿元", comment="基金规模", tags=["金融"]).note
    assert [n.id for n in docs_kb.notes(tag="基建")] == [a.id]
    assert [n.id for n in docs_kb.notes(doc="hefei_news.txt")] == [b.id]
    assert [n.id for n in docs_kb.notes(region="安徽")] == [b.id]
    assert [n.id for n in docs_kb.notes(text="基金")] == [b.id]
    changed = docs_kb.update_note(a.id, comment="目标值", tags=["基建", "目标"]).note
    assert changed.comment == "目标值" and changed.tags == ("基建", "目标")
    assert docs_kb.tags()[0] == ("基建", 1) and len(docs_kb.tags()) == 3
    assert docs_kb.remove_note(a.id)
    with pytest.raises(NotFoundError):
        docs_kb.note(a.id)
    with pytest.raises(NotFoundError):
        docs_kb.remove_note(a.id)


def test_changed_document_keeps_notes_anchored_or_orphaned(docs_kb) -> None:
    kept = docs_kb.add_note(doc="guiyang_plan.txt", quote="对新落户的数据中心项目给予最高500万元奖励", comment="招商奖励").note
    edited = docs_kb.add_note(doc="guiyang_plan.txt", quote="引进高层次数字人才团队50个", comment="人才").note
    gone = docs_kb.add_note(doc="guiyang_plan.txt", quote="建立考核督查工作机制", comment="会消失").note
    path = docs_kb.folder / "guiyang_plan.txt"
    text = PLAN.replace("一、总体目标", "前言\n为贯彻落实国家数字经济发展规划，结合本市实际，制定本方案。\n\n一、总体目标")
    text = text.replace("人才团队50个", "人才团队80个").replace("，建立考核督查工作机制", "")
    path.write_text(text, encoding="utf-8")
    report = docs_kb.import_paths([path])
    assert report.replaced == ("guiyang_plan.txt",)
    body = docs_kb.document_text("guiyang_plan.txt").body
    new_id = docs_kb.document("guiyang_plan.txt").id
    k = docs_kb.note(kept.id)
    assert not k.orphaned and k.doc_id == new_id and k.start > kept.start
    assert body[k.start : k.end] == kept.quote
    e = docs_kb.note(edited.id)
    assert not e.orphaned and body[e.start : e.end] == "引进高层次数字人才团队80个"
    g = docs_kb.note(gone.id)
    assert g.orphaned and g.comment == "会消失" and g.quote == "建立考核督查工作机制"
    assert [n.id for n in docs_kb.notes(orphaned=True)] == [gone.id]
    again = docs_kb.reattach_note(gone.id, "guiyang_plan.txt", "成立数字经济发展领导小组").note
    assert not again.orphaned and body[again.start : again.end] == "成立数字经济发展领导小组"


def test_removed_document_orphans_its_notes_but_keeps_them(docs_kb) -> None:
    note = docs_kb.add_note(doc="hefei_news.txt", quote="首批入驻企业40家", comment="保留").note
    assert docs_kb.remove_document("hefei_news.txt").notes_orphaned
    left = docs_kb.note(note.id)
    assert left.orphaned and left.comment == "保留" and left.doc_name == "hefei_news.txt"
    assert len(docs_kb.notes()) == 1

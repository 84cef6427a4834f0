"""Comparison: themes (seeded, edited, saved), the region × theme matrix, numbers and tool mix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from kb_samples import GUIYANG_PLAN

from kb.compare import THEMES_FILE, check_regions, short_clause
from kb.errors import NotFoundError, QueryError, ZhikuError
from kb.models import MEASURE_KINDS, THEMES

DOCS = {
    "guiyang_plan.txt": GUIYANG_PLAN,
    "huichuan_news.txt": """遵义市汇川区推动工业企业数字化转型
2023-05-10 来源：遵义日报
汇川区实施智能化改造行动，今年已推动120家工业企业上云，建成数字化车间15个。
区财政安排专项资金3000万元，对完成智能化改造的企业按设备投资额的10%给予补助。
""",
    "hefei_news.txt": """合肥市蜀山区数字经济产业园开园
2023-06-02 来源：合肥日报
合肥市蜀山区数字经济产业园今日开园，首批入驻企业40家，园区设立数字经济产业基金20亿元。
""",
}


@pytest.fixture
def rkb(kb, tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    assert kb.import_paths([folder]).ok
    return kb


def test_shipped_themes_are_valid_and_seeded_once(rkb) -> None:
    data = json.loads(THEMES_FILE.read_text(encoding="utf-8"))["themes"]
    assert len(data) == 10 and len({t["key"] for t in data}) == 10
    for t in data:
        for m in t["measure_themes"]:
            assert m in THEMES or (m.startswith("kind:") and m[5:] in MEASURE_KINDS), m
        rkb.search(t["query"], limit=1)  # every shipped query parses
    themes = rkb.themes()
    assert [t.label for t in themes][:3] == ["招商引资", "人才", "园区载体"]
    assert rkb.theme("Talent").key == "talent" and rkb.theme("人才").label_en == "Talent"
    assert len(rkb.themes()) == 10


def test_user_themes_are_saved_edited_and_removed(rkb, tmp_path: Path) -> None:
    from kb.service import KnowledgeBase

    t = rkb.add_theme("智能制造", "智能化改造 OR 数字化车间", ["digital_transformation"]).theme
    assert rkb.themes()[-1].key == t.key
    with pytest.raises(ZhikuError, match="already exists"):
        rkb.add_theme("智能制造", "上云")
    with pytest.raises(ZhikuError, match="unknown measure theme"):
        rkb.add_theme("别的", "上云", ["no_such_theme"])
    with pytest.raises(QueryError):
        rkb.add_theme("坏查询", '"未闭合的引号')
    rkb.update_theme(t.key, query="上云 OR 数字化车间", label="企业上云")
    rkb.remove_theme("talent")
    rkb.close()
    again = KnowledgeBase.open(tmp_path / "kb")
    try:
        labels = [x.label for x in again.themes()]
        assert "企业上云" in labels and "人才" not in labels and len(labels) == 10
        assert again.theme("企业上云").query == "上云 OR 数字化车间"
    finally:
        again.close()


def test_region_columns_include_everything_beneath(rkb) -> None:
    comp = rkb.compare(["贵州", "安徽"])
    guizhou, anhui = comp.columns
    assert {d.name for d in guizhou.docs} == {"guiyang_plan.txt", "huichuan_news.txt"}
    assert [d.name for d in anhui.docs] == ["hefei_news.txt"]
    talent = comp.cell("贵州", "talent")
    assert talent.hits and all(h.doc_id in {d.id for d in guizhou.docs} for h in talent.hits)
    assert any("人才" in h.text for h in talent.hits)
    assert all(m.theme == "talent" for m in talent.measures)
    empty = comp.cell("安徽", "talent")
    assert empty.empty and empty.count == 0 and empty.hits == ()
    digital = comp.cell("贵州", "digital_transformation")
    assert digital.hits and all(h.doc == "huichuan_news.txt" for h in digital.hits)


def test_compare_validates_regions_themes_and_limits_cells(rkb) -> None:
    with pytest.raises(ZhikuError, match="2 to 5"):
        rkb.compare(["贵州"])
    with pytest.raises(ZhikuError, match="2 to 5"):
        check_regions(["a", "b", "c", "d", "e", "f"])
    assert check_regions([" 贵州 ", "贵州", "安徽"]) == ("贵州", "安徽")
    with pytest.raises(NotFoundError):
        rkb.compare(["贵州", "安徽"], themes=["no_such_theme"])
    comp = rkb.compare(["贵州", "安徽", "西藏"], themes=["基础设施", "talent"], per_cell=1)
    assert [r.theme.key for r in comp.rows] == ["infrastructure", "talent"]
    assert all(len(c.hits) <= 1 for r in comp.rows for c in r.cells)
    assert comp.columns[2].docs == () and all(r.cells[2].empty for r in comp.rows)


def test_cell_override_is_a_note_and_shows_in_the_matrix(rkb) -> None:
    rkb.set_cell_override("安徽", "talent", "合肥人才政策待补充")
    cell = rkb.compare(["贵州", "安徽"]).cell("安徽", "talent")
    assert cell.override == "合肥人才政策待补充" and not cell.empty
    [note] = rkb.notes(target_kind="cell")
    assert note.target_ref == "安徽|talent"
    rkb.set_cell_override("安徽", "talent", "")
    assert rkb.compare(["贵州", "安徽"]).cell("安徽", "talent").override is None
    assert rkb.notes(target_kind="cell") == []


def test_numbers_and_tool_mix_come_from_each_regions_measures(rkb) -> None:
    rows = rkb.compare_numbers(["贵州", "安徽"])
    guizhou_docs = {d.id for d in rkb.region_documents("贵州")}
    assert rows and all(r.doc_id in guizhou_docs for r in rows if r.region == "贵州")
    assert all(r.amount is not None for r in rows)
    fund = [r for r in rows if r.region == "贵州" and r.kind == "fund"]
    assert fund and fund[0].amount == 3000 and fund[0].unit == "万元" and "3000" in fund[0].what
    mix = rkb.tool_mix(["贵州", "安徽"])
    assert set(mix) == {"贵州", "安徽"} and set(mix["贵州"]) == {"supply", "environment", "demand"}
    expected = sum(1 for m in rkb.measures(region="贵州") if m.policy_tool)
    assert sum(mix["贵州"].values()) == expected


def test_short_clause_picks_the_clause_with_the_amount() -> None:
    assert short_clause("对入驻园区的软件企业给予三年租金减免，最高不超过200万元", 200.0) == "最高不超过200万元"
    assert short_clause("建成5G基站3万个以上") == "建成5G基站3万个以上"
    assert len(short_clause("到2025年" + "很长" * 40)) == 40


def test_default_columns_are_the_librarys_own_regions(rkb, tmp_path: Path) -> None:
    from kb.compare import default_regions

    regions = rkb.default_regions()
    chains = {d.region_chain for d in rkb.documents()}
    assert len(regions) >= 2 and all(any(r in c for c in chains) for r in regions)
    assert rkb.compare().regions == regions
    assert default_regions([]) == ()


def test_cli_compare_opens_on_the_librarys_regions(rkb) -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    kb_dir = rkb.kb_dir
    expected = list(rkb.default_regions())
    rkb.close()
    out = subprocess.run([sys.executable, "-m", "kb", "--kb", str(kb_dir), "compare", "--json"], cwd=root,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["regions"] == expected
    names = {"赣州", "张家港", "宁夏", "江西"}
    assert not any(n in r for r in data["regions"] for n in names)


def _docs(*chains: tuple[str, ...]) -> list:
    from kb.models import Document

    return [Document(str(i), f"{i}.txt", "", "t", None, None, c[-1] if c else None, c, "news")
            for i, c in enumerate(chains)]


def test_default_regions_take_the_coarsest_level_that_splits_the_library() -> None:
    from kb.compare import default_regions

    many = _docs(("贵州省", "贵阳市"), ("贵州省", "遵义市"), ("贵州省",), ("云南省", "昆明市"), ("四川省",))
    assert default_regions(many) == ("贵州省", "云南省", "四川省")  # 贵州省 has a province-wide document: not split
    one = _docs(("湖北省", "武汉市"), ("湖北省", "武汉市", "江夏区"), ("湖北省", "宜昌市"), ("湖北省", "襄阳市"))
    assert default_regions(one) == ("武汉市", "宜昌市", "襄阳市")
    split = _docs(("河北省", "石家庄市"), ("河北省", "保定市"), ("河北省", "保定市"), ("山东省", "济南市"))
    assert default_regions(split) == ("保定市", "山东省", "石家庄市")
    assert default_regions(_docs(("海南省", "海口市"))) == ("海口市",)  # one place: nothing to split


def test_a_users_theme_shows_its_sentences_beside_the_shipped_ones(rkb) -> None:
    """The data-centre sentence serves 招商引资 most; the user's own 数据中心 row still shows it."""
    from kb.compare import own_themes

    key = rkb.add_theme("数据中心", "数据中心").theme.key
    assert own_themes(rkb.themes()) == {key}
    rkb.update_theme("talent", query="人才 OR 安家")
    assert own_themes(rkb.themes()) == {key, "talent"}
    comp = rkb.compare(["贵州", "安徽"])
    mine = comp.cell("贵州", key)
    assert [e.text for e in mine.evidence] == ["围绕大数据产业开展精准招商，对新落户的数据中心项目给予最高500万元奖励。"]
    assert any("数据中心项目" in e.text for e in comp.cell("贵州", "investment_attraction").evidence)
    assert comp.cell("安徽", key).empty

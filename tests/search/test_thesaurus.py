"""The policy thesaurus: shipped groups with sources, expansion, and the user's editable overlay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kb.errors import ZhikuError
from kb.search.thesaurus import SHIPPED, Thesaurus


@pytest.fixture(scope="module")
def shipped() -> Thesaurus:
    return Thesaurus.load()


def test_shipped_groups_say_their_relation_and_source(shipped: Thesaurus) -> None:
    groups = shipped.groups()
    assert len(groups) >= 250
    assert {g.relation for g in groups} == {"synonym", "related"}
    assert all(g.source in shipped.sources and len(g.terms) >= 2 for g in groups)
    assert len({g.id for g in groups}) == len(groups)
    assert any("Rothwell" in s for s in shipped.sources.values())


def test_the_issue_s_everyday_concepts_expand(shipped: Thesaurus) -> None:
    def syn(term: str) -> set[str]:
        return {v for v, rel in shipped.variants(term) if rel == "synonym"}

    assert {"补助", "奖补", "资助"} <= syn("补贴")
    assert "租金补贴" in syn("房租补贴") and "租金支持" in syn("房租补贴")
    assert "引才" in syn("人才引进")
    assert "贴息" in syn("贷款贴息")
    assert "上云用数赋智" in syn("企业上云")
    assert "计算能力" in syn("算力")
    assert "数据资源" in syn("数据要素")
    assert "首台套" in syn("首台（套）")
    assert ("政务服务", "related") in shipped.variants("营商环境")


def test_a_word_inside_a_longer_term_is_replaced_in_place(shipped: Thesaurus) -> None:
    variants = dict(shipped.variants("房租补贴标准"))
    assert variants.get("租金补贴标准") == "synonym"
    assert all(v != "房租补贴标准" for v in variants)


def test_user_file_adds_edits_disables_and_survives_a_reload(tmp_path: Path) -> None:
    th = Thesaurus.load(tmp_path)
    group = th.add(["数字游民", "远程办公人才"], note="a user's own term")
    th.update("rent", terms=["房租", "租金", "租赁费", "场地费"])
    th.remove("talent_intro")  # shipped: disabled, not deleted
    th.save()
    data = json.loads((tmp_path / "thesaurus.json").read_text("utf-8"))
    assert data["disabled"] == ["talent_intro"] and {g["id"] for g in data["groups"]} == {group.id, "rent"}

    again = Thesaurus.load(tmp_path)
    assert ("远程办公人才", "synonym") in again.variants("数字游民")
    assert "场地费" in dict(again.variants("房租"))
    assert again.group("rent").origin == "edited"  # type: ignore[union-attr]
    assert "引才" not in dict(again.variants("人才引进"))
    assert again.group("talent_intro").enabled is False  # type: ignore[union-attr]
    again.reset("rent")
    again.set_enabled("talent_intro", True)
    assert "场地费" not in dict(again.variants("房租")) and "引才" in dict(again.variants("人才引进"))
    again.remove(group.id)
    assert again.group(group.id) is None


def test_bad_input_is_refused(tmp_path: Path) -> None:
    th = Thesaurus.load(tmp_path)
    with pytest.raises(ValueError):
        th.add(["只有一个"])
    with pytest.raises(ValueError):
        th.add(["甲乙", "丙丁"], relation="broader-ish")
    (tmp_path / "thesaurus.json").write_text("{not json", "utf-8")
    with pytest.raises(ZhikuError):
        Thesaurus.load(tmp_path)


def test_save_is_atomic_and_leaves_no_temp_file(tmp_path: Path) -> None:
    th = Thesaurus.load(tmp_path)
    th.add(["链上政务", "区块链政务"])
    th.save()
    assert [p.name for p in tmp_path.iterdir()] == ["thesaurus.json"]
    assert SHIPPED.exists()

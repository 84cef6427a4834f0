"""Corrections of places and links ("not located here", "remove this link") and where a firm is mentioned."""

from __future__ import annotations

from pathlib import Path

import pytest
from trust_samples import FIRM, KUNMING_NEWS, OTHER, PARK, ZONE, ZUNYI_PLAN

from kb.corrections import apply_corrections, link_value
from kb.errors import NotFoundError
from kb.extract import FoundEntity, FoundLink
from kb.service import KnowledgeBase


@pytest.fixture
def plan(kb: KnowledgeBase, tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "zunyi_plan.txt").write_text(ZUNYI_PLAN, encoding="utf-8")
    (folder / "kunming_news.txt").write_text(KUNMING_NEWS, encoding="utf-8")
    report = kb.import_paths([folder])
    assert report.ok and len(report.added) == 2
    return folder / "zunyi_plan.txt"


def _reimport_changed(kb: KnowledgeBase, path: Path) -> None:
    """The same file with one more sentence: a replacement, extracted again."""
    path.write_text(ZUNYI_PLAN + "\n推动政务数据共享。\n", encoding="utf-8")
    assert kb.import_paths([path]).replaced


def _located_in(kb: KnowledgeBase, name: str) -> set[str]:
    page = kb.entity(name)
    assert page is not None
    return {lk.dst_name for lk in page.links if lk.kind == "located_in" and lk.src_name == page.entity.name}


def test_unplace_drops_the_placement_and_its_region_and_survives_reimport(kb: KnowledgeBase, plan: Path) -> None:
    assert _located_in(kb, FIRM) == {PARK}
    before = kb.entity(FIRM)
    assert before is not None and before.entity.region_chain
    changes = kb.correct_entity("unplace", "enterprise", FIRM, PARK)
    park = kb.entity(PARK)
    assert park is not None and set(changes.entities) == {before.entity.id, park.entity.id}
    assert changes.entity_id == before.entity.id
    after = kb.entity(FIRM)
    assert after is not None and after.entity.region_chain == () and after.entity.located_in == ()
    assert _located_in(kb, PARK) == {ZONE}, "the park keeps its own place"
    _reimport_changed(kb, plan)
    again = kb.entity(FIRM)
    assert again is not None and again.entity.region_chain == () and _located_in(kb, FIRM) == set()
    assert _located_in(kb, PARK) == {ZONE}


def test_unplace_anywhere_clears_every_place(kb: KnowledgeBase, plan: Path) -> None:
    kb.correct_entity("unplace", "park", PARK)
    page = kb.entity(PARK)
    assert page is not None and page.entity.located_in == () and page.entity.region_chain == ()
    _reimport_changed(kb, plan)
    page = kb.entity(PARK)
    assert page is not None and page.entity.located_in == () and page.entity.region_chain == ()


def test_unplace_rejects_unknown_or_unplaced_targets(kb: KnowledgeBase, plan: Path) -> None:
    with pytest.raises(NotFoundError, match="no region or park named"):
        kb.correct_entity("unplace", "enterprise", FIRM, "不存在的园区")
    with pytest.raises(NotFoundError, match="is not placed in"):
        kb.correct_entity("unplace", "enterprise", FIRM, ZONE)
    with pytest.raises(NotFoundError, match="is not placed anywhere"):
        kb.correct_entity("unplace", "enterprise", OTHER)
    assert _located_in(kb, FIRM) == {PARK}, "a rejected correction changes nothing"
    assert all(c["action"] != "unplace" for c in kb.store.corrections.all()), "and is not logged"


def test_unlink_removes_one_link_both_ways_and_survives_reimport(kb: KnowledgeBase, plan: Path) -> None:
    def co_mentioned() -> set[str]:
        page = kb.entity(OTHER)
        assert page is not None
        return {lk.src_name if lk.dst_name == page.entity.name else lk.dst_name
                for lk in page.links if lk.kind == "co_mention"}

    assert FIRM in co_mentioned()
    # Named from the other end: the link is between the two, whichever way it was stored.
    changes = kb.correct_entity("unlink", "enterprise", OTHER, link_value("co_mention", "enterprise", FIRM))
    assert len(changes.entities) == 2
    assert FIRM not in co_mentioned() and co_mentioned(), "only that link goes"
    _reimport_changed(kb, plan)
    assert FIRM not in co_mentioned() and co_mentioned()


def test_unlink_of_a_nested_park_drops_the_nesting_not_its_region(kb: KnowledgeBase, plan: Path) -> None:
    before = kb.entity(PARK)
    assert before is not None and before.entity.region_chain
    kb.correct_entity("unlink", "park", ZONE, link_value("located_in", "park", PARK))
    assert _located_in(kb, PARK) == set()
    _reimport_changed(kb, plan)
    after = kb.entity(PARK)
    assert after is not None and _located_in(kb, PARK) == set()
    assert after.entity.region_chain == before.entity.region_chain, "the park is still in the city of the plan"


def test_unplace_a_region_by_its_short_name(kb: KnowledgeBase, plan: Path) -> None:
    """A local firm whose region is only its document's: "not in 遵义" clears it, and the log keeps the full name."""
    local = "遵义市大数据发展有限公司"
    page = kb.entity(local)
    assert page is not None and "遵义市" in page.entity.region_chain and page.entity.located_in == ()
    kb.correct_entity("unplace", "enterprise", local, "遵义")
    assert kb.store.corrections.all()[-1]["value"] == "遵义市"
    _reimport_changed(kb, plan)
    page = kb.entity(local)
    assert page is not None and page.entity.region_chain == ()


def test_unlink_rejects_unknown_targets_kinds_and_absent_links(kb: KnowledgeBase, plan: Path) -> None:
    with pytest.raises(NotFoundError, match="no enterprise entity named"):
        kb.correct_entity("unlink", "enterprise", FIRM, link_value("co_mention", "enterprise", "不存在的企业有限公司"))
    with pytest.raises(NotFoundError, match="unknown link kind"):
        kb.correct_entity("unlink", "enterprise", FIRM, "sells_to:enterprise:" + OTHER)
    with pytest.raises(NotFoundError, match="unlink needs"):
        kb.correct_entity("unlink", "enterprise", FIRM, OTHER)
    with pytest.raises(NotFoundError, match="has no built_by link"):
        kb.correct_entity("unlink", "enterprise", FIRM, link_value("built_by", "enterprise", OTHER))


def _ent(etype: str, name: str, chain: tuple[str, ...], aliases: tuple[str, ...] = ()) -> FoundEntity:
    return FoundEntity(etype, name, aliases, chain, ((0, 2),))


def test_replay_matches_aliases_and_keeps_a_place_the_correction_did_not_name() -> None:
    zone_chain = ("贵州省", "遵义市")
    firm = "浪潮集团有限公司"  # a national firm: only placing sentences give it a region
    ents = [_ent("enterprise", firm, zone_chain), _ent("park", "遵义经济技术开发区", zone_chain, ("遵义经开区",)),
            _ent("park", "汇川区软件园", ("贵州省", "遵义市", "汇川区")), _ent("region", "汇川区", ("贵州省", "遵义市", "汇川区"))]
    links = [FoundLink(("enterprise", firm), ("park", "遵义经济技术开发区"), "located_in", 1.0, 0, 5),
             FoundLink(("enterprise", firm), ("park", "汇川区软件园"), "located_in", 1.0, 6, 9)]
    log = [{"action": "unplace", "type": "enterprise", "name": firm, "value": "遵义经开区"}]
    out, kept = apply_corrections(log, ents, links)
    assert [lk.dst[1] for lk in kept] == ["汇川区软件园"]
    assert out[0].region_chain == ("贵州省", "遵义市", "汇川区"), "the region its remaining place gives"
    log = [{"action": "unplace", "type": "enterprise", "name": firm, "value": None}]
    out, kept = apply_corrections(log, ents, links)
    assert kept == [] and out[0].region_chain == ()
    assert out[1:] == ents[1:], "other entities untouched"
    local = [_ent("enterprise", "汇川区某某科技有限公司", zone_chain), *ents[1:]]
    local_links = [FoundLink(("enterprise", "汇川区某某科技有限公司"), ("park", "遵义经济技术开发区"), "located_in", 1.0, 0, 5)]
    log = [{"action": "unplace", "type": "enterprise", "name": "汇川区某某科技有限公司", "value": "遵义经济技术开发区"}]
    out, kept = apply_corrections(log, local, local_links)
    assert kept == [] and out[0].region_chain == zone_chain, "a local firm keeps its document's region"


def test_an_unplaced_firm_has_the_documents_that_mention_it(kb: KnowledgeBase, plan: Path) -> None:
    page = kb.entity(OTHER)
    assert page is not None and not page.placed and page.entity.region_chain == ()
    docs = kb.entity_mentions_by_document(OTHER)
    assert docs == list(page.documents)
    assert {(d.doc, d.title, d.count) for d in docs} == {
        ("kunming_news.txt", "昆明市举办数字经济合作论坛", 2), ("zunyi_plan.txt", "遵义市加快数字经济发展实施方案", 2)}
    for d in docs:
        body = kb.document_text(d.doc_id).body
        assert body[d.first.start:d.first.end] == d.first.text and body.find(d.first.text) == d.first.start
    assert set(page.mention_regions) == {"昆明市", "遵义市"}
    assert kb.entity(FIRM).placed  # type: ignore[union-attr]
    with pytest.raises(NotFoundError):
        kb.entity_mentions_by_document("没有这个企业")


def test_mention_regions_name_a_zone_documents_region_not_the_zone() -> None:
    from kb.library import mention_regions
    from kb.models import DocumentMentions, Mention

    first = Mention(1, "enterprise", "某公司", "d", "a.txt", 0, 2, "某公司")
    docs = [DocumentMentions("a", "a.txt", "t", None, ("贵州省", "贵阳市", "贵阳经济技术开发区"), 3, first),
            DocumentMentions("b", "b.txt", "t", None, ("贵州省", "遵义市"), 1, first),
            DocumentMentions("c", "c.txt", "t", None, ("贵州省", "贵阳市"), 1, first),
            DocumentMentions("d", "d.txt", "t", None, (), 1, first)]
    assert mention_regions(docs) == ("贵阳市", "遵义市")

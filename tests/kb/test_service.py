"""The service end to end: import, replace, remove, search, entities, measures, check, backup."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kb.errors import NotFoundError, QueryError
from kb.service import KnowledgeBase


def test_import_then_search_finds_passages_with_offsets(kb: KnowledgeBase, sample_docs: Path) -> None:
    report = kb.import_paths([sample_docs])
    assert report.ok and len(report.added) == 2
    result = kb.search("5G基站")
    assert result.hits, "phrase of two tokens must be found"
    hit = result.hits[0]
    body = kb.document_text(hit.doc).body
    assert body[hit.start : hit.end] == hit.text
    assert any(body[s:e] == "5G基站" for s, e in hit.highlights)
    s, e = hit.snippet_highlights[0]
    assert hit.snippet[s:e] == "5G基站"


def test_reimport_unchanged_does_nothing_and_duplicates_are_reported(kb: KnowledgeBase, sample_docs: Path, tmp_path: Path) -> None:
    kb.import_paths([sample_docs])
    again = kb.import_paths([sample_docs])
    assert again.added == () and len(again.unchanged) == 2
    copy = tmp_path / "copy_of_plan.txt"
    shutil.copy(sample_docs / "guizhou_plan.txt", copy)
    dup = kb.import_paths([copy])
    assert dup.added == () and dup.duplicates[0][1] == "guizhou_plan.txt"
    assert kb.stats().documents == 2


def test_changed_file_replaces_the_old_document(kb: KnowledgeBase, sample_docs: Path) -> None:
    kb.import_paths([sample_docs])
    path = sample_docs / "anhui_news.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("1600余家", "1700余家"), encoding="utf-8")
    report = kb.import_paths([path])
    assert report.replaced == ("anhui_news.txt",)
    assert kb.stats().documents == 2
    assert kb.search("1700余家").total == 1 and kb.search("1600余家").total == 0
    assert kb.check().ok


def test_broken_file_fails_alone_and_changes_nothing(kb: KnowledgeBase, sample_docs: Path) -> None:
    kb.import_paths([sample_docs / "guizhou_plan.txt"])
    before = kb.stats()
    (sample_docs / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (sample_docs / "empty.txt").write_bytes(b"")
    report = kb.import_paths([sample_docs])
    reasons = {Path(f.path).name: f.reason for f in report.failed}
    assert set(reasons) == {"broken.docx", "empty.txt"}
    assert all(r for r in reasons.values())
    assert report.added == ("anhui_news.txt",)
    assert kb.stats().documents == before.documents + 1
    assert kb.check().ok


def test_remove_document(kb: KnowledgeBase, sample_docs: Path) -> None:
    kb.import_paths([sample_docs])
    doc = kb.document("anhui_news.txt")
    assert doc is not None
    changes = kb.remove_document("anhui_news.txt")
    assert changes.documents_removed == (doc.id,) and changes.entities_all
    assert kb.document("anhui_news.txt") is None
    assert kb.search("合肥高新区").total == 0
    with pytest.raises(NotFoundError):
        kb.remove_document("anhui_news.txt")
    assert kb.check().ok


def test_metadata_and_region_chain(kb: KnowledgeBase, sample_docs: Path) -> None:
    kb.import_paths([sample_docs])
    doc = kb.document("guizhou_plan.txt")
    assert doc is not None
    assert doc.date == "2023-03-15"
    assert "贵阳市" in doc.region_chain and doc.region_chain[0] == "贵州省"
    assert doc.kind == "plan"
    text = kb.document_text("guizhou_plan.txt")
    assert "浏览次数" not in text.body and "黔ICP备" not in text.body
    assert any("ICP" in text.raw[r.start : r.end] for r in text.removed)


def test_region_filter_and_region_documents(kb: KnowledgeBase, sample_docs: Path) -> None:
    kb.import_paths([sample_docs])
    assert {h.doc for h in kb.search("数字经济", filters={"region": "贵州"}).hits} == {"guizhou_plan.txt"}
    assert [d.name for d in kb.region_documents("安徽")] == ["anhui_news.txt"]


def test_entities_and_measures_are_extracted_with_offsets(kb: KnowledgeBase, sample_docs: Path) -> None:
    kb.import_paths([sample_docs])
    ents = kb.entities()
    assert {e.type for e in ents} >= {"region", "enterprise"}
    page = kb.entity(ents[0].name)
    assert page is not None and page.mentions
    m = page.mentions[0]
    assert kb.document_text(m.doc).body[m.start : m.end] == m.text
    measures = kb.measures(doc="guizhou_plan.txt")
    assert measures
    body = kb.document_text("guizhou_plan.txt").body
    assert all(body[x.start : x.end] == x.text for x in measures)
    assert any(x.cap == 200 and x.unit == "万元" and x.rate == 10 for x in measures)


def test_malformed_query_raises_query_error(kb: KnowledgeBase, sample_docs: Path) -> None:
    kb.import_paths([sample_docs])
    with pytest.raises(QueryError):
        kb.search('"unbalanced')


def test_unknown_document_is_a_clear_error(kb: KnowledgeBase) -> None:
    with pytest.raises(NotFoundError):
        kb.document_text("nope.txt")


def test_check_repairs_a_half_imported_document(kb: KnowledgeBase, sample_docs: Path) -> None:
    kb.import_paths([sample_docs])
    doc = kb.document("anhui_news.txt")
    assert doc is not None
    kb.store.documents.set_status([doc.id], "pending")  # as a crash between store and index would leave it
    report = kb.check()
    assert not report.ok and report.problems
    repaired = kb.check(repair=True)
    assert repaired.repaired and kb.check().ok
    assert kb.document("anhui_news.txt") is None


def test_second_instance_opens_read_only(kb: KnowledgeBase, sample_docs: Path) -> None:
    kb.import_paths([sample_docs])
    other = KnowledgeBase.open(kb.kb_dir)
    try:
        assert other.readonly
        assert other.search("数字经济").total >= 2
        from kb.errors import ReadOnlyError

        with pytest.raises(ReadOnlyError):
            other.import_paths([sample_docs])
    finally:
        other.close()


def test_backup_opens_as_a_knowledge_base(kb: KnowledgeBase, sample_docs: Path, tmp_path: Path) -> None:
    kb.import_paths([sample_docs])
    dest = kb.backup(tmp_path / "backup")
    with KnowledgeBase.open(dest) as copy:
        assert copy.stats().documents == 2
        assert copy.search("合肥高新区").total >= 1
        assert copy.check().ok


def test_corrections_survive_reimport(kb: KnowledgeBase, sample_docs: Path) -> None:
    kb.import_paths([sample_docs])
    ent = next(e for e in kb.entities(type="enterprise"))
    kb.correct_entity("rename", "enterprise", ent.name, "改过的名字")
    assert kb.entity("改过的名字") is not None
    kb.remove_document("anhui_news.txt")
    kb.remove_document("guizhou_plan.txt")
    kb.import_paths([sample_docs])
    page = kb.entity("改过的名字")
    assert page is not None and page.entity.type == "enterprise"


def test_check_finds_and_repairs_an_interrupted_replacement(kb: KnowledgeBase, sample_docs: Path) -> None:
    kb.import_paths([sample_docs])
    old = kb.document("anhui_news.txt")
    assert old is not None
    body = kb.document_text(old.id).body
    note = kb.add_note(doc="anhui_news.txt", quote="科大讯飞").note
    # As a crash between adding the new version and dropping the old one leaves it: same name twice.
    path = sample_docs / "anhui_news.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("1600余家", "1800余家"), encoding="utf-8")
    kb.store.db.execute("UPDATE documents SET name = 'placeholder' WHERE id = ?", (old.id,))
    kb.import_paths([path])
    kb.store.db.execute("UPDATE documents SET name = 'anhui_news.txt', imported_at = '2000-01-01' WHERE id = ?",
                        (old.id,))
    report = kb.check()
    assert not report.ok and any("stored twice" in p for p in report.problems)
    assert kb.check(repair=True).repaired
    assert kb.check().ok
    assert [d.name for d in kb.documents()].count("anhui_news.txt") == 1
    assert "1800余家" in kb.document_text("anhui_news.txt").body and "1600余家" in body
    kept = [n for n in kb.notes() if n.id == note.id]
    assert kept and not kept[0].orphaned


def test_import_keeps_the_original_bytes_and_the_readers_warnings(kb: KnowledgeBase, tmp_path: Path) -> None:
    from kb.ingest import unpack_original

    page = tmp_path / "mixed.txt"
    data = "贵阳市大数据产业发展报告\n2024年全市新建数据中心机架1万架。\n".encode() + "其中".encode("gbk") + "增长明显。\n".encode()
    page.write_bytes(data)
    report = kb.import_paths([page])
    assert report.ok and any("mixed.txt" in w and "GBK" in w for w in report.warnings)
    doc = kb.document("mixed.txt")
    assert doc is not None
    assert unpack_original(kb.store.documents.original(doc.id)) == data
    assert any("GBK" in w for w in kb.store.documents.warnings(doc.id))

"""``kb reprocess``: kept originals read again in place — identity, notes, corrections, index, cancel."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest

import kb.ingest.clean as clean
from kb.models import ReprocessReport
from kb.reprocess import NO_ORIGINAL
from kb.service import KnowledgeBase

PLACES = [("贵州省", "遵义市", "汇川区"), ("四川省", "绵阳市", "涪城区"), ("湖南省", "株洲市", "天元区"),
          ("河北省", "保定市", "莲池区"), ("云南省", "曲靖市", "麒麟区")]


def _write_docs(folder: Path) -> list[str]:
    folder.mkdir(parents=True)
    names = []
    for i, (prov, city, county) in enumerate(PLACES):
        text = (f"{city}{county}加快数字经济发展实施方案\n"
                f"为贯彻{prov}推进数字经济高质量发展的部署，结合{county}实际，制定本方案。\n"
                f"一、主要目标\n到2025年，{county}数字经济核心产业增加值突破{50 + i}亿元，建成5G基站{300 + i}个。\n"
                f"二、重点任务\n（一）推进工业互联网平台建设，对新认定的省级工业互联网平台给予最高{100 + i}万元奖励。\n"
                f"（二）支持华为技术有限公司在{city}建设算力中心。\n"
                f"三、保障措施\n加强组织领导，落实{county}财政专项资金。\n")
        name = f"{i:02d}_{county}.txt"
        (folder / name).write_text(text, encoding="utf-8")
        names.append(name)
    return names


@pytest.fixture
def library(kb: KnowledgeBase, tmp_path: Path) -> KnowledgeBase:
    _write_docs(tmp_path / "src")
    kb.import_paths([tmp_path / "src"], workers=1)
    return kb


def _bodies(kb: KnowledgeBase) -> dict[str, str]:
    return {d.id: kb.document_text(d.id).body for d in kb.documents()}


@pytest.fixture
def cleaner_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    """Today's cleaner differs from the import's: it drops the 保障措施 section's closing line."""
    old = clean.classify

    def classify(text: str) -> str | None:
        return "boilerplate" if text.startswith("加强组织领导") else old(text)

    monkeypatch.setattr(clean, "classify", classify)


def test_unchanged_readers_change_no_body_and_keep_identity(library: KnowledgeBase) -> None:
    before = _bodies(library)
    report = library.reprocess()
    assert isinstance(report, ReprocessReport)
    assert len(report.unchanged) == len(PLACES) and not report.changed and not report.failed
    assert _bodies(library) == before
    assert library.check().ok


def test_a_cleaner_fix_replaces_the_body_in_place(library: KnowledgeBase, cleaner_fix: None) -> None:
    ids = {d.id for d in library.documents()}
    assert library.search("加强组织领导").total == len(PLACES)
    report = library.reprocess()
    assert len(report.changed) == len(PLACES) and report.ok
    assert {d.id for d in library.documents()} == ids  # same identity
    assert all("加强组织领导" not in b for b in _bodies(library).values())
    assert library.search("加强组织领导").total == 0  # the index follows the store
    assert library.search("工业互联网平台").total == len(PLACES)
    assert set(report.changes.documents_replaced) == ids
    assert library.check().ok


def test_notes_follow_the_new_body(library: KnowledgeBase, cleaner_fix: None) -> None:
    doc = library.documents()[0]
    quote = "支持华为技术有限公司"
    note = library.add_note(doc=doc.id, quote=quote, comment="算力").note
    assert note is not None
    lost = library.add_note(doc=doc.id, quote="加强组织领导", comment="gone").note
    assert lost is not None
    report = library.reprocess([doc.name])
    assert report.changed == (doc.name,)
    moved, orphan = library.note(note.id), library.note(lost.id)
    body = library.document_text(doc.id).body
    assert not moved.orphaned and moved.doc_id == doc.id
    assert moved.start is not None and body[moved.start:moved.end] == quote
    assert orphan.orphaned  # shown as orphaned, never silently dropped
    assert note.id in report.changes.notes_reanchored


def test_entity_corrections_are_replayed(library: KnowledgeBase) -> None:
    library.correct_entity("rename", "enterprise", "华为技术有限公司", "华为")
    library.reprocess()
    names = {e.name for e in library.entities(type="enterprise")}
    assert "华为" in names and "华为技术有限公司" not in names


def test_documents_without_an_original_are_skipped(library: KnowledgeBase) -> None:
    doc = library.documents()[0]
    library.store.db.execute("DELETE FROM originals WHERE doc_id = ?", (doc.id,))
    report = library.reprocess()
    assert report.skipped == ((doc.name, NO_ORIGINAL),)
    assert len(report.unchanged) == len(PLACES) - 1


def test_unknown_refs_fail_the_rest_go_on(library: KnowledgeBase) -> None:
    report = library.reprocess(["no-such-doc.txt", library.documents()[1].name])
    assert [f.path for f in report.failed] == ["no-such-doc.txt"]
    assert len(report.unchanged) == 1 and not report.ok


def test_cancel_midway_leaves_each_document_old_or_new(library: KnowledgeBase, cleaner_fix: None,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import kb.reprocess as reprocess

    monkeypatch.setattr(reprocess, "GROUP", 2)
    before = _bodies(library)
    asked = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) > 3

    report = library.reprocess(cancel=cancel)
    assert report.cancelled and len(report.changed) == 3
    after = _bodies(library)
    assert after.keys() == before.keys()  # never missing
    new = [d for d in after if after[d] != before[d]]
    assert len(new) == 3 and all("加强组织领导" not in after[d] for d in new)
    assert library.search("加强组织领导").total == len(PLACES) - 3
    assert library.check().ok


def test_a_failed_index_commit_leaves_the_old_documents(library: KnowledgeBase, cleaner_fix: None,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    before = _bodies(library)

    def fail(*_a: object, **_k: object) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(library.index, "commit", fail)
    with pytest.raises(OSError):
        library.reprocess()
    monkeypatch.undo()
    assert _bodies(library) == before
    assert library.search("加强组织领导").total == len(PLACES)
    assert library.check().ok


def test_a_failed_store_commit_reindexes_the_old_documents(library: KnowledgeBase, cleaner_fix: None,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The index committed the new passages, then the store could not commit: the old rows are indexed again."""
    before = _bodies(library)
    real_atomic, real_commit = library.store.atomic, library.index.commit
    committed = []

    def commit(*a: object, **k: object) -> None:
        real_commit(*a, **k)
        committed.append(1)

    @contextlib.contextmanager
    def atomic() -> Iterator[object]:
        with real_atomic() as db:
            yield db
            if committed:
                raise RuntimeError("store commit failed")

    monkeypatch.setattr(library.index, "commit", commit)
    monkeypatch.setattr(library.store, "atomic", atomic)
    with pytest.raises(RuntimeError):
        library.reprocess()
    monkeypatch.undo()
    assert committed
    assert _bodies(library) == before
    assert library.search("加强组织领导").total == len(PLACES)
    assert library.check().ok


def test_an_open_after_a_kill_inside_the_commit_window_reindexes_from_the_store(tmp_path: Path) -> None:
    """SIGKILL between the index's commit and the store's leaves the index ahead; the marker the
    rewrite left makes the next open index those documents again from the store."""
    from kb import paths

    _write_docs(tmp_path / "src")
    with KnowledgeBase.open(tmp_path / "kb") as kb:
        kb.import_paths([tmp_path / "src"], workers=1)
        doc = kb.documents()[0]
        kb.index.delete_doc(doc.id)  # what the lost store commit leaves: the index no longer matches
        kb.index.commit()
        assert doc.id not in kb.index.doc_ids()
    paths.rewrite_marker(tmp_path / "kb").write_text(doc.id, encoding="utf-8")
    with KnowledgeBase.open(tmp_path / "kb") as kb:
        assert doc.id in kb.index.doc_ids() and kb.check().ok
        assert any(h.doc_id == doc.id for h in kb.search("数字经济核心产业增加值", limit=50).hits)
    assert not paths.rewrite_marker(tmp_path / "kb").exists()

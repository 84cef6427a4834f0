"""The repositories over a fresh file: what each write leaves and what each read returns."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from kb.errors import ReadOnlyError
from kb.models import Theme
from kb.store import Store, now
from kb.store.rows import to_json


@pytest.fixture
def store(tmp_path: Path):
    s = Store(tmp_path / "kb.sqlite")
    yield s
    s.close()


def _doc(store: Store, doc_id: str = "d1", name: str = "a.txt", status: str = "ok") -> list[int]:
    row = {"id": doc_id, "name": name, "path": name, "title": "标题", "date": "2024-01-02", "source": None,
           "region": "宜昌市", "region_chain": to_json(["湖北省", "宜昌市"]), "kind": "plan", "issuer": None,
           "doc_number": None, "body": "第一段正文。第二段正文。", "raw": "第一段正文。第二段正文。", "removed": "[]",
           "headings": "[]", "chars": 12, "status": status, "imported_at": now()}
    return store.documents.insert(row, [(0, 6, "一"), (6, 12, "二")])


def test_documents_insert_find_and_delete_with_their_rows(store: Store) -> None:
    pids = _doc(store)
    eid = store.entities.upsert("park", "宜昌数字产业园", [], ["湖北省", "宜昌市"])
    store.entities.add_mentions([(eid, "d1", 0, 2, "第一")])
    assert [p.text for p in store.documents.passages("d1", store.documents.body("d1"))] == ["第一段正文。", "第二段正文。"]
    assert set(store.documents.passage_rows(pids)) == set(pids)
    assert store.documents.row("a.txt")["id"] == "d1" and store.documents.row("d")["id"] == "d1"
    assert store.documents.section_at("d1", 7) == "二"
    store.documents.delete("d1")
    assert store.documents.all() == [] and store.entities.row(eid) is None  # nobody mentions it any more


def test_pending_documents_are_invisible_until_marked_ok(store: Store) -> None:
    pids = _doc(store, status="pending")
    assert store.documents.all() == [] and store.documents.passage_rows(pids) == {}
    store.documents.set_status(["d1"], "ok")
    assert [d.id for d in store.documents.all()] == ["d1"]


def test_entities_merge_by_any_name_and_the_fuller_name_wins(store: Store) -> None:
    a = store.entities.upsert("enterprise", "华星光电", [], [])
    b = store.entities.upsert("enterprise", "TCL华星光电技术有限公司", ["华星光电"], ["广东省", "深圳市"])
    assert a == b
    row = store.entities.row("华星光电")
    assert row["name"] == "TCL华星光电技术有限公司" and "华星光电" in row["aliases"]
    assert store.entities.row_by_name("enterprise", "华星光电")["id"] == a


def test_corrections_rename_merge_retype_and_delete(store: Store) -> None:
    _doc(store)
    a = store.entities.upsert("park", "甲园", [], [])
    b = store.entities.upsert("park", "乙园", [], [])
    store.entities.add_mentions([(a, "d1", 0, 1, "第"), (b, "d1", 1, 2, "一")])
    assert store.corrections.apply(store.entities.row(a), "merge", "乙园") == b
    assert store.entities.row("甲园")["id"] == b
    assert store.corrections.apply(store.entities.row(b), "retype", "platform") == b
    assert store.entities.row(b)["type"] == "platform"
    assert store.corrections.apply(store.entities.row(b), "rename", "丙平台") == b
    assert store.corrections.apply(store.entities.row(b), "delete", None) is None
    assert store.entities.row(b) is None


def test_notes_orphan_and_find(store: Store) -> None:
    _doc(store)
    nid = store.notes.insert({"doc_id": "d1", "doc_name": "a.txt", "quote": "第二段", "start": 6, "end": 9,
                              "comment": "c", "created_at": now(), "updated_at": now()})
    (note,) = store.notes.find(doc=("d1", "a.txt", "d1"))
    assert note.id == nid and note.section == "二" and not note.orphaned
    assert store.notes.orphan_doc("d1") == [nid]
    assert store.notes.find(orphaned=True)[0].id == nid and store.notes.orphan_count() == 1
    assert store.notes.delete(nid) and not store.notes.delete(nid)


def test_themes_seed_update_delete(store: Store) -> None:
    store.themes.seed([Theme("talent", "人才", "人才 OR 引才", ("talent",), "Talent", 0)])
    store.themes.update("talent", {"label": "人才引进", "measure_themes": ("talent", "kind:award")})
    (row,) = store.themes.rows()
    assert row["label"] == "人才引进" and "kind:award" in row["measure_themes"]
    store.themes.delete("talent")
    assert store.themes.rows() == []


def test_a_failed_transaction_leaves_nothing(store: Store) -> None:
    with pytest.raises(RuntimeError), store.atomic():
        _doc(store)
        raise RuntimeError("power cut")
    assert store.documents.ids() == set()


def test_readers_do_not_wait_for_a_writer_and_never_see_uncommitted_rows(store: Store) -> None:
    _doc(store)
    seen: list[int] = []
    with store.atomic():
        _doc(store, "d2", "b.txt")
        assert len(store.documents.all()) == 2  # the writing thread sees its own rows
        reader = threading.Thread(target=lambda: seen.append(len(store.documents.all())))
        reader.start()
        reader.join(timeout=5)
        assert not reader.is_alive()  # it did not wait for the transaction
    assert seen == [1]


def test_read_only_store_reads_and_refuses_writes(tmp_path: Path) -> None:
    Store(tmp_path / "kb.sqlite").close()
    ro = Store(tmp_path / "kb.sqlite", readonly=True)
    try:
        assert ro.documents.all() == []
        with pytest.raises(ReadOnlyError):
            _doc(ro)
    finally:
        ro.close()

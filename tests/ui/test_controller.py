"""The controller: two lanes, answers by signal, every write's Changes passed on once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer

CITIES = ("遵义市", "安顺市", "毕节市", "铜仁市", "六盘水市", "凯里市", "都匀市", "兴义市")


def small_documents(folder: Path, n: int) -> Path:
    """``n`` short, distinct plan excerpts (a few lines each, so an import of thousands stays quick)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        city = CITIES[i % len(CITIES)]
        (folder / f"plan_{i:04d}.txt").write_text(
            f"{city}数字经济专项行动第{i}号通知\n\n2023年{1 + i % 12}月{1 + i % 28}日  来源：{city}大数据局\n\n"
            f"到2025年建成5G基站{1000 + i}个，对新引进企业给予{10 + i % 90}万元奖励。\n", encoding="utf-8")
    return folder


def test_the_notes_filter_answers_within_200_ms_while_2000_documents_import(
        qtbot, make_window, kb_dir: Path, tmp_path: Path) -> None:
    from kb import KnowledgeBase

    with KnowledgeBase.open(kb_dir) as kb:
        for quote, comment in (("全国一体化算力网络国家枢纽节点", "alpha hub"), ("标准机架5万架", "beta racks"),
                               ("给予一次性奖励50万元", "gamma award")):
            name = "ningxia_news.txt" if "机架" in quote else "guizhou_plan.txt"
            kb.add_note(doc=name, quote=quote, comment=comment)
    window = make_window(kb_dir)
    notes, c = window.notes_view, window.controller
    qtbot.waitUntil(lambda: len(notes.visible_notes()) == 3, timeout=20000)
    window.nav_actions["notes"].trigger()
    assert window.import_paths([small_documents(tmp_path / "many", 2000)])
    qtbot.waitUntil(lambda: window.progress.bar.value() >= 20, timeout=60000)  # the import is well under way

    typed: list[bool] = []
    QTimer.singleShot(0, lambda: typed.append(bool(qtbot.keyClicks(notes.search_edit, "gam")) or True))
    qtbot.waitUntil(lambda: bool(typed) and [n.comment for n in notes.visible_notes()] == ["gamma award"],
                    timeout=200)
    # a request is answered while the import still runs: it is not queued behind it
    with qtbot.waitSignal(c.notesLoaded, timeout=5000):
        notes.refresh()
    assert [n.comment for n in notes.visible_notes()] == ["gamma award"]  # the filter survives the reload
    assert c.importing() and window.progress.bar.value() < 2000
    with qtbot.waitSignal(c.importFinished, timeout=60000) as finished:
        c.cancel_import()
    assert finished.args[0].cancelled and finished.args[0].added


def test_a_read_is_answered_while_the_import_lane_is_busy(qtbot, make_window, kb_dir: Path, tmp_path: Path) -> None:
    window = make_window(kb_dir)
    c = window.controller
    assert window.import_paths([small_documents(tmp_path / "some", 300)])
    qtbot.waitUntil(lambda: window.progress.bar.value() >= 5, timeout=60000)
    with qtbot.waitSignal(c.searchFinished, timeout=5000) as found:
        c.search("算力调度平台")
    assert found.args[0].hits and c.importing()
    with qtbot.waitSignal(c.importFinished, timeout=60000):
        c.cancel_import()


def test_every_write_passes_its_changes_on_once(qtbot, window, idle) -> None:
    c = window.controller
    seen: list[object] = []
    c.changed.connect(seen.append)
    with qtbot.waitSignal(c.noteAdded, timeout=20000) as added:
        c.add_note(doc="guizhou_plan.txt", quote="算力调度平台", comment="first")
    idle(window)
    note = added.args[0]
    assert [s.notes for s in seen] == [(note.id,)] and not seen[0].documents
    c.update_note(note.id, "second", ["t"])
    c.remove_note(note.id)
    idle(window)
    assert [s.notes for s in seen] == [(note.id,)] * 3  # writes are never dropped as "superseded"
    c.add_theme("算力", "算力", ["infrastructure"])
    idle(window)
    assert seen[-1].themes and seen[-1].theme.label == "算力"


def test_a_superseded_search_is_dropped(qtbot, window, idle) -> None:
    c = window.controller
    answers: list[str] = []
    c.searchFinished.connect(lambda r: answers.append(r.query))
    c.search("数据中心")
    c.search("算力")
    idle(window)
    assert answers == ["算力"]


def test_removing_a_document_orphans_its_notes_and_refreshes_the_lists(qtbot, window, idle) -> None:
    c = window.controller
    c.add_note(doc="ningxia_news.txt", quote="标准机架5万架", comment="racks")
    idle(window)
    doc = c.titles.doc("ningxia_news.txt")
    assert doc is not None and c.titles.title("ningxia_news.txt") == doc.title
    with qtbot.waitSignal(c.documentsLoaded, timeout=20000) as listed, \
            qtbot.waitSignal(c.notesLoaded, timeout=20000):
        c.remove_document(doc.id)
    assert doc.id not in {row.doc.id for row in listed.args[0]}
    idle(window)
    assert [n.orphaned for n in window.notes_view.visible_notes()] == [True]

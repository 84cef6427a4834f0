"""The status bar says why a library is read-only, and how fast an import goes."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from ui.results import ImportSpeed


def test_another_window_holding_the_library_is_named_with_its_process(qtbot, make_window, kb_dir) -> None:
    from kb import KnowledgeBase

    holder = KnowledgeBase.open(kb_dir)
    try:
        window = make_window(kb_dir)
        banner = window.readonly_label
        assert banner.isVisible() and "another Zhiku window" in banner.text()
        assert f"pid {os.getpid()}" in banner.toolTip() and str(kb_dir) in banner.toolTip()  # the core's own words
    finally:
        holder.close()


def test_read_only_media_is_named_as_such(qtbot, make_window, kb_dir, monkeypatch) -> None:
    from kb.service import KnowledgeBase

    def refuse(self: KnowledgeBase) -> bool:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(KnowledgeBase, "_take_writer_lock", refuse)
    window = make_window(kb_dir)
    banner = window.readonly_label
    assert window.controller.readonly and banner.isVisible()
    assert "cannot be written" in banner.text() and "another" not in banner.text()
    assert "Read-only file system" in banner.toolTip()
    assert "cannot be written" in window.reader_view.add_note_action.toolTip()


def test_the_import_line_shows_documents_per_second(qtbot, window, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(30):
        (folder / f"plan_{i:03d}.txt").write_text(
            f"遵义市数字经济专项行动第{i}号通知\n\n2023年5月{1 + i % 28}日  来源：遵义市大数据局\n\n"
            f"到2025年建成5G基站{1000 + i}个，对新引进企业给予{10 + i}万元奖励。\n", encoding="utf-8")
    shown: list[tuple[float, str]] = []
    window.controller.importSpeed.connect(lambda rate: shown.append((rate, window.progress.label.text())))
    with qtbot.waitSignal(window.controller.importFinished, timeout=60000):
        window.import_paths([folder])
    assert shown and all(rate > 0 for rate, _ in shown)
    rate, text = shown[-1]
    assert text.startswith("Importing ") and text.endswith(" docs/s") and (f"{rate:.1f}" in text or f"{rate:.0f}" in text)


def test_speed_counts_from_the_first_report() -> None:
    speed = ImportSpeed()
    assert speed.report(1, 10.0) == 0.0  # the first file waited for the word lists: no rate yet
    assert speed.report(5, 12.0) == 2.0
    assert speed.report(5, 12.0) == 2.0
    assert speed.report(11, 13.0) == 10 / 3

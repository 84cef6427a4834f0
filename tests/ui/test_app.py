"""Command line of the app, and --screenshot as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from ui.app import parse_args

ROOT = Path(__file__).resolve().parents[2]


def test_parse_args_defaults_and_size() -> None:
    args = parse_args(["--kb", "/tmp/x", "--lang", "en", "--screenshot", "o.png", "--size", "1024x700"])
    assert args.kb == Path("/tmp/x") and args.lang == "en" and args.size == (1024, 700)
    assert parse_args([]).size == (1400, 900)
    with pytest.raises(SystemExit):
        parse_args(["--size", "big"])
    with pytest.raises(SystemExit):
        parse_args(["--view", "nowhere"])


def test_screenshot_renders_the_reader_and_exits_zero(kb_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ZHIKU_SETTINGS_DIR=str(tmp_path / "settings"))
    proc = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--kb", str(kb_dir), "--screenshot", str(out),
         "--query", "算力调度平台", "--view", "reader", "--size", "1024x700", "--lang", "en"],
        env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1024, 700)
    # the reader shows text: the picture is not one flat colour
    colours = {image.pixel(x, y) for x in range(0, 1024, 16) for y in range(0, 700, 16)}
    assert len(colours) > 10


def test_screenshot_of_an_entity_page_at_the_default_size(kb_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "entity.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ZHIKU_SETTINGS_DIR=str(tmp_path / "settings"))
    proc = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--kb", str(kb_dir), "--screenshot", str(out), "--entity", "中卫市"],
        env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert QImage(str(out)).size().toTuple() == (1400, 900)


def _shot(kb_dir: Path, tmp_path: Path, *args: str) -> QImage:
    out = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ZHIKU_SETTINGS_DIR=str(tmp_path / "settings"))
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "--kb", str(kb_dir), "--screenshot", str(out), *args],
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return QImage(str(out))


def test_screenshot_of_the_comparison_in_chinese(kb_dir: Path, tmp_path: Path) -> None:
    image = _shot(kb_dir, tmp_path, "--view", "compare", "--regions", "宁夏,贵州", "--tab", "chart",
                  "--lang", "zh", "--size", "1024x700")
    assert image.size().toTuple() == (1024, 700)
    # the chart's bars are drawn in the instrument colours
    colours = {image.pixelColor(x, y).name() for x in range(0, 1024, 4) for y in range(0, 700, 4)}
    assert "#4e79a7" in colours and "#f28e2b" in colours


def test_screenshot_of_the_notes_view(kb_dir: Path, tmp_path: Path) -> None:
    from kb import KnowledgeBase

    with KnowledgeBase.open(kb_dir) as kb:
        kb.add_note(doc="guizhou_plan.txt", quote="全国一体化算力网络国家枢纽节点", comment="枢纽", tags=["算力"])
    image = _shot(kb_dir, tmp_path, "--view", "notes", "--lang", "en")
    assert image.size().toTuple() == (1400, 900)


def test_parse_args_regions_and_tab() -> None:
    args = parse_args(["--view", "compare", "--regions", "赣州, 张家港，宁夏,江西", "--tab", "numbers"])
    assert args.regions == ("赣州", "张家港", "宁夏", "江西") and args.tab == "numbers"


def test_a_screenshot_never_writes_the_users_settings(kb_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "settings" / "Zhiku"
    folder.mkdir(parents=True)
    ini = folder / "zhiku.ini"
    ini.write_text("[search]\nlast=人才\nhistory=人才\n\n[ui]\nlang=en\n", encoding="utf-8")
    before = ini.read_bytes()
    image = _shot(kb_dir, tmp_path, "--query", "算力调度平台", "--view", "reader", "--size", "1024x700",
                  "--lang", "zh")
    assert image.size().toTuple() == (1024, 700)
    assert ini.read_bytes() == before and sorted(p.name for p in folder.iterdir()) == ["zhiku.ini"]


def test_a_screenshot_of_the_library_and_of_the_reader_after_an_entity_click(kb_dir: Path, tmp_path: Path) -> None:
    library = _shot(kb_dir, tmp_path, "--view", "library", "--size", "1024x700")
    assert library.size().toTuple() == (1024, 700)
    reader = _shot(kb_dir, tmp_path, "--query", "算力调度平台", "--view", "reader", "--entity-click")
    assert reader.size().toTuple() == (1400, 900)

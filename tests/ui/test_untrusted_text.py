"""Untrusted text never reaches a rich-text guess: labels, tooltips and the text browser's resources."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage, Qt, QTextDocument

from ui.plain import tip
from ui.views.text_browser import SafeTextBrowser

ROOT = Path(__file__).resolve().parents[2]
ZERO = '<img src="/dev/zero">'
MEMORY_LIMIT = 3 * 1024**3  # far above the app's needs, far below what reading /dev/zero takes


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def test_a_title_and_a_file_name_that_load_dev_zero_neither_abort_import_nor_hover(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "plan.txt").write_text(f"{ZERO}数字经济发展实施方案\n\n2023年5月1日 来源：某市大数据局\n\n"
                                  "到2025年建成5G基站3000个。\n", encoding="utf-8")
    (src / '<img src="file:%2Fdev%2Fzero">.txt').write_text("某县数字乡村建设方案\n\n推进光纤网络进村入户。\n",
                                                             encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, str(ROOT / "tests" / "ui" / "untrusted_probe.py"), str(tmp_path / "kb"),
                           str(src)], env=env, capture_output=True, text=True, timeout=180, preexec_fn=_limit_memory)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "probe ok" in proc.stdout


def test_tooltips_of_document_text_are_escaped_not_guessed() -> None:
    shown = tip(f"{ZERO}\nsecond line")
    assert shown.startswith("<p") and "&lt;img" in shown and "<img" not in shown and "<br>" in shown
    assert Qt.mightBeRichText(shown)  # so Qt renders our escaped markup, never the text's own
    assert tip("") == "" and tip(None) == ""


def test_the_browser_refuses_local_and_remote_resources(qtbot, tmp_path: Path) -> None:
    picture = tmp_path / "local.png"
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(0xFF0000)
    assert image.save(str(picture))
    browser = SafeTextBrowser()
    qtbot.addWidget(browser)
    browser.setHtml(f'<p>before<img src="{picture.as_uri()}"><img src="{picture}">'
                    '<img src="http://example.invalid/x.png">after</p>')
    browser.show()
    browser.grab()
    assert any("local.png" in r for r in browser.refused) and any("example.invalid" in r for r in browser.refused)
    for name in (picture.as_uri(), str(picture)):
        loaded = browser.document().resource(QTextDocument.ResourceType.ImageResource.value, name)
        assert loaded is None or (isinstance(loaded, QImage) and loaded.isNull()) or not loaded
    assert "before" in browser.toPlainText() and "after" in browser.toPlainText()

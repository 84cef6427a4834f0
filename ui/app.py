"""Application entry: arguments, QApplication, fonts, language, settings, the main window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from ui.main_window import MainWindow

log = logging.getLogger(__name__)

ORG, APP = "Zhiku", "zhiku"
SETTINGS_ENV = "ZHIKU_SETTINGS_DIR"  # tests and screenshots point QSettings here


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="zhiku", description="Zhiku policy library (desktop app)")
    parser.add_argument("--kb", type=Path, help="knowledge base directory (default: $ZHIKU_HOME or the user data dir)")
    parser.add_argument("--lang", choices=("zh", "en"), help="interface language (saved)")
    parser.add_argument("--screenshot", type=Path, metavar="OUT.png", help="render offscreen, save a PNG, exit")
    parser.add_argument("--query", help="with --screenshot: search for this")
    parser.add_argument("--entity", help="with --screenshot: open this entity's page (name, alias or id)")
    parser.add_argument("--view", choices=("search", "reader", "entity", "compare", "notes"))
    parser.add_argument("--tab", choices=("matrix", "numbers", "chart"), help="with --view compare: the tab to show")
    parser.add_argument("--regions", help="with --view compare: regions in column order, e.g. 赣州,张家港,宁夏,江西")
    parser.add_argument("--size", default="1400x900", help="with --screenshot: WIDTHxHEIGHT")
    args = parser.parse_args(argv)
    args.regions = tuple(r.strip() for r in (args.regions or "").replace("，", ",").split(",") if r.strip())
    try:
        w, h = (int(v) for v in args.size.lower().split("x"))
        args.size = (w, h)
    except ValueError:
        parser.error(f"--size must look like 1400x900, not {args.size!r}")
    return args


def make_settings() -> QSettings:  # noqa: F821 - imported lazily below
    """INI settings, so ``QSettings.setPath`` (or $ZHIKU_SETTINGS_DIR) can isolate them."""
    from PySide6.QtCore import QSettings

    folder = os.environ.get(SETTINGS_ENV)
    if folder:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG, APP)


def create_window(kb_dir: Path | None, corpus_dir: Path | None, lang: str | None = None) -> MainWindow:  # noqa: F821
    """Build the window (needs a QApplication); call ``window.start()`` to open the knowledge base."""
    from ui.fonts import ensure_cjk_font
    from ui.i18n import install_language
    from ui.main_window import MainWindow

    ensure_cjk_font()
    settings = make_settings()
    if lang:
        settings.setValue("ui/lang", lang)
    install_language(str(settings.value("ui/lang", "zh")))
    return MainWindow(settings, kb_dir=kb_dir, corpus_dir=corpus_dir)


def main(argv: list[str] | None = None, corpus_dir: Path | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    if args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    window = create_window(args.kb, corpus_dir, args.lang)
    if args.screenshot:
        from ui.screenshot import ScreenshotRunner, ShotPlan

        window.resize(*args.size)
        view = args.view
        ScreenshotRunner(window, ShotPlan(args.screenshot, args.query, args.entity, view, args.tab, args.regions))
        window.show()
        window.start()
        return app.exec()
    window.show()
    window.start()
    return app.exec()

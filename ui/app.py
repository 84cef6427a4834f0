"""Application entry: arguments, QApplication, fonts, language, settings, the main window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
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
    parser.add_argument("--view", choices=("library", "search", "reader", "entity", "compare", "notes"))
    parser.add_argument("--tab", choices=("matrix", "numbers", "chart"), help="with --view compare: the tab to show")
    parser.add_argument("--regions", help="with --view compare: regions in column order, e.g. 赣州,张家港,宁夏,江西")
    parser.add_argument("--entity-click", action="store_true",
                        help="with --view reader: follow an entity link in the document, then come back")
    parser.add_argument("--by-document", action="store_true", help="with --screenshot: results one row per document")
    parser.add_argument("--dialog", choices=("thesaurus",), help="with --screenshot: open this dialog over the window")
    parser.add_argument("--find", default="", help="with --dialog thesaurus: what to find in the thesaurus")
    parser.add_argument("--size", default="1400x900", help="with --screenshot: WIDTHxHEIGHT")
    args = parser.parse_args(argv)
    args.regions = tuple(r.strip() for r in (args.regions or "").replace("，", ",").split(",") if r.strip())
    try:
        w, h = (int(v) for v in args.size.lower().split("x"))
        args.size = (w, h)
    except ValueError:
        parser.error(f"--size must look like 1400x900, not {args.size!r}")
    return args


NO_DISPLAY = """Zhiku is a desktop application and needs a graphical display, but none was found
($DISPLAY and $WAYLAND_DISPLAY are not set).

  * On a desktop: start it from a terminal inside your graphical session.
  * On a server: run it under a virtual X server, e.g.  xvfb-run -a python main.py
  * For screenshots without any display:  python main.py --screenshot out.png  (renders offscreen)
  * Everything the app does is also available on the command line:  python -m kb --help
"""


def display_problem(env: dict[str, str] | None = None, platform: str = sys.platform) -> str | None:
    """Why the window cannot open here, in plain words; None when a display (or offscreen) is set.

    Why: without a display Qt aborts with a hint about libxcb-cursor, which sends people to install
    libraries they do not need.
    """
    env = dict(os.environ) if env is None else env
    if not platform.startswith("linux"):
        return None
    qpa = env.get("QT_QPA_PLATFORM", "")
    if qpa and not qpa.startswith(("xcb", "wayland")):
        return None  # offscreen, vnc, eglfs...: the user chose a platform that needs no X server
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return NO_DISPLAY


def make_settings(folder: str | None = None) -> QSettings:  # noqa: F821 - imported lazily below
    """INI settings, so ``QSettings.setPath`` (or $ZHIKU_SETTINGS_DIR, or ``folder``) can isolate them."""
    from PySide6.QtCore import QSettings

    folder = folder or os.environ.get(SETTINGS_ENV)
    if folder:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG, APP)


def create_window(kb_dir: Path | None, corpus_dir: Path | None, lang: str | None = None,
                  settings_dir: str | None = None) -> MainWindow:  # noqa: F821
    """Build the window (needs a QApplication); call ``window.start()`` to open the knowledge base."""
    from ui.fonts import ensure_cjk_font
    from ui.i18n import install_language
    from ui.main_window import MainWindow

    ensure_cjk_font()
    settings = make_settings(settings_dir)
    if lang:
        settings.setValue("ui/lang", lang)
    install_language(str(settings.value("ui/lang", "zh")))
    return MainWindow(settings, kb_dir=kb_dir, corpus_dir=corpus_dir)


def main(argv: list[str] | None = None, corpus_dir: Path | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    scratch = None
    if args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        # A throw-away settings scope: a screenshot never changes the next normal start.
        scratch = tempfile.TemporaryDirectory(prefix="zhiku-settings-")
    elif (problem := display_problem()) is not None:
        print(problem, file=sys.stderr)
        return 2
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    window = create_window(args.kb, corpus_dir, args.lang or ("zh" if scratch else None),
                           scratch.name if scratch else None)
    if args.screenshot:
        from ui.screenshot import ScreenshotRunner, ShotPlan

        window.resize(*args.size)
        view = args.view
        ScreenshotRunner(window, ShotPlan(args.screenshot, args.query, args.entity, view, args.tab, args.regions,
                                          args.entity_click, args.by_document, args.dialog, args.find))
        window.show()
        window.start()
        return app.exec()
    window.show()
    window.start()
    return app.exec()

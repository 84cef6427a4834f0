"""Translations: ``zhiku_zh_CN.ts`` is the source, ``zhiku_zh_CN.qm`` the compiled file.

Refresh after changing UI strings (from the repo root):
    find ui -name '*.py' > /tmp/zhiku_py.lst
    .venv/bin/pyside6-lupdate @/tmp/zhiku_py.lst -ts ui/i18n/zhiku_zh_CN.ts
    .venv/bin/pyside6-lrelease ui/i18n/zhiku_zh_CN.ts -qm ui/i18n/zhiku_zh_CN.qm
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
LANGUAGES = ("zh", "en")
_installed: list[QTranslator] = []
_current = ["en"]  # no translator installed yet: the source strings (English) show


def current_language() -> str:
    """The language last installed ("zh" or "en"); for texts that come from data, not from tr()."""
    return _current[0]


def install_language(lang: str) -> bool:
    """Switch the running app to ``lang`` ("zh" or "en"); widgets get a LanguageChange event."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication first")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current[0] = "en"
    if lang != "zh":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return True
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    ours = QTranslator(app)
    if not ours.load(str(HERE / "zhiku_zh_CN.qm")):
        log.warning("Chinese translation %s missing; showing English", HERE / "zhiku_zh_CN.qm")
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    _current[0] = "zh"
    qt = QTranslator(app)  # Qt's own strings (standard buttons, file dialogs)
    if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) or qt.load(
        "qt_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt)
        _installed.append(qt)
    return True

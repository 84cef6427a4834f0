"""Qt's own strings that Qt's shipped Chinese translation (qtbase_zh_CN) does not cover.

Why here: the file dialog's "&Look in:" and "Files of &type:" changed wording in Qt 6 and the
shipped translation still has the old ones, so they showed in English under the Chinese UI.
Listing them lets lupdate put them (context QFileDialog) into our own .ts, and our translator
answers for them.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_STRINGS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)

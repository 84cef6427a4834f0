"""Filter combo boxes: "All …" first, then labelled values, refilled on a language change without
losing the user's choice."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox


def refill(box: QComboBox, all_text: str, items: Iterable[tuple[str, str]]) -> None:
    """Replace the items with ``all_text`` (data "") and ``(text, data)`` pairs, keeping the chosen data."""
    current = box.currentData() or ""
    box.blockSignals(True)
    box.clear()
    box.addItem(all_text, "")
    for text, data in items:
        box.addItem(text, data)
    box.setCurrentIndex(max(0, box.findData(current)))
    box.blockSignals(False)


def set_all_text(box: QComboBox, all_text: str) -> None:
    """The "All …" item's text in the current language (added when the box is still empty)."""
    if box.count():
        box.setItemText(0, all_text)
    else:
        box.addItem(all_text, "")

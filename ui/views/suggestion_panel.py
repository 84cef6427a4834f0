"""What the search view offers when nothing is found: actions, each saying what it would find.

Why not a bare "nothing found": the core knows which filter emptied the result and how many passages
the query has without it, which thesaurus terms and which similar words occur in the library. Each
becomes a button; thesaurus terms that occur nowhere are listed, greyed, so the user sees they were tried.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ui.labels import label

LINK_STYLE = ("QPushButton { text-align: left; border: none; color: #1a4fb4; padding: 2px 4px; }"
              "QPushButton:hover { text-decoration: underline; background: #eef3fd; }")


def filter_text(spec: str) -> str:
    """"region:贵州省›贵阳市" -> "Region: 贵州省 › 贵阳市", "kind:plan" -> "Kind: Plan"."""
    field, _, value = spec.partition(":")
    if field in ("kind", "entity_type"):
        value = label(field, value)
    elif field == "year" and value == "none":
        value = QCoreApplication.translate("SuggestionPanel", "Undated")
    return f"{label('facet', field)}: {value.replace('›', ' › ')}"


class SuggestionPanel(QWidget):
    """Signals:
        chosen(str, str): the kind (drop_filter | thesaurus | similar | example) and value clicked.
    """

    chosen = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionPanel")
        self._suggestions: tuple[tuple[str, str, int], ...] = ()
        self._examples: list[str] = []
        self.title = QLabel()
        self.title.setStyleSheet("QLabel { color: #444444; font-weight: bold; }")
        self.absent = QLabel()
        self.absent.setTextFormat(Qt.TextFormat.PlainText)  # thesaurus terms: data
        self.absent.setWordWrap(True)
        self.absent.setStyleSheet("QLabel { color: #888888; }")
        self.buttons: list[QPushButton] = []
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 4, 0, 4)
        self.box.setSpacing(1)
        self.box.addWidget(self.title)
        self.box.addWidget(self.absent)
        self.hide()

    def show_suggestions(self, suggestions: Sequence[tuple[str, str, int]], examples: Sequence[str] = ()) -> None:
        """One button per suggestion that finds something, the library's examples after them."""
        self._suggestions, self._examples = tuple(suggestions), list(examples)
        for b in self.buttons:
            self.box.removeWidget(b)
            b.deleteLater()
        self.buttons = []
        for kind, value, n in self._suggestions:
            if n > 0:
                self._add(kind, value, self.describe(kind, value, n))
        for q in self._examples:
            self._add("example", q, self.tr("Example from this library: “%1”").replace("%1", q))
        missing = [v for k, v, n in self._suggestions if k == "thesaurus" and n == 0]
        self.absent.setText(self.tr("Also tried (in the thesaurus, not in this library): %1").replace("%1", "、".join(missing))
                            if missing else "")
        self.absent.setVisible(bool(missing))
        self.title.setText(self.tr("Try instead:") if self.buttons else "")
        self.title.setVisible(bool(self.buttons))
        self.setVisible(bool(self.buttons or missing))

    def clear(self) -> None:
        self.show_suggestions(())

    def describe(self, kind: str, value: str, n: int) -> str:
        if kind == "drop_filter":
            return self.tr("Without the filter %1: %n passage(s)", "", n).replace("%1", filter_text(value))
        if kind == "thesaurus":
            return self.tr("Search “%1” (thesaurus): %n passage(s)", "", n).replace("%1", value)
        return self.tr("Did you mean “%1”? %n passage(s)", "", n).replace("%1", value)

    def _add(self, kind: str, value: str, text: str) -> None:
        button = QPushButton(text)  # plain text: a button never reads its label as HTML
        button.setObjectName(f"suggestion_{kind}")
        button.setFlat(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setStyleSheet(LINK_STYLE)
        button.clicked.connect(lambda _=False, k=kind, v=value: self.chosen.emit(k, v))
        self.box.insertWidget(self.box.count() - 1, button)  # above the greyed list
        self.buttons.append(button)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.show_suggestions(self._suggestions, self._examples)
        super().changeEvent(event)

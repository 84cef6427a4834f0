"""Correcting a wrong entity — rename, retype, merge, delete — from the entity page or list.

Why one object shared by both places: the same menu, the same questions and the same read-only
rule everywhere. It only asks and emits ``requested``; the main window hands the request to the
controller, whose worker calls ``kb.correct_entity`` (the knowledge base replays it on re-import).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from ui.labels import ENTITY_COLOURS, label
from ui.plain import ask_yes_no, tip

if TYPE_CHECKING:
    from kb.models import Entity

ACTIONS = ("rename", "retype", "merge", "delete")


class MergeDialog(QDialog):
    """Pick the entity to merge into: a line edit completing over names of the same type."""

    def __init__(self, entity: Entity, names: Iterable[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge entity"))
        self.names = sorted(n for n in set(names) if n != entity.name)
        self.prompt = QLabel(self.tr("Merge “%1” into (its mentions, links and names move there):")
                             .replace("%1", entity.name))
        self.prompt.setWordWrap(True)
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Type part of a name…"))
        self.completer = QCompleter(QStringListModel(self.names, self), self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setMaxVisibleItems(12)
        self.edit.setCompleter(self.completer)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.edit)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(self._update_ok)
        self._update_ok()
        self.resize(420, self.sizeHint().height())

    def value(self) -> str:
        return self.edit.text().strip()

    def _update_ok(self) -> None:
        """Only an existing entity of the same type can be a merge target."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.value() in self.names)


class EntityCorrector(QObject):
    """Builds the correction menu for an entity and asks what the user wants.

    Signals:
        requested(str, str, str, object): action, entity type, entity name, value (None for delete).
    """

    requested = Signal(str, str, str, object)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.widget = parent
        self._names: dict[str, list[str]] = {}
        self._readonly = False
        self._reason = ""

    def set_entities(self, entities: Iterable[Entity]) -> None:
        """Names per type, for the merge completer."""
        names: dict[str, list[str]] = {}
        for e in entities:
            names.setdefault(e.type, []).append(e.name)
        self._names = names

    def names_of_type(self, entity_type: str) -> list[str]:
        return list(self._names.get(entity_type, []))

    def set_readonly(self, readonly: bool, reason: str = "") -> None:
        self._readonly = readonly
        self._reason = reason

    def allowed(self) -> bool:
        return not self._readonly

    def reason(self) -> str:
        return self._reason

    def fill_menu(self, menu: QMenu, entity: Entity | None) -> None:
        """Append the four corrections; disabled (saying why) when read-only or nothing is chosen."""
        enabled = entity is not None and not self._readonly
        tip = self._reason if self._readonly else ""
        menu.setToolTipsVisible(True)
        rename = menu.addAction(self.tr("Rename…"), lambda: entity is not None and self.rename(entity))
        retype = menu.addMenu(self.tr("Change type"))
        for entity_type in ENTITY_COLOURS:
            action = retype.addAction(label("entity_type", entity_type),
                                      lambda *_, t=entity_type: entity is not None and self.retype(entity, t))
            action.setObjectName(f"correctRetype_{entity_type}")
            action.setCheckable(True)
            action.setChecked(entity is not None and entity.type == entity_type)
            action.setEnabled(enabled and entity is not None and entity.type != entity_type)
        merge = menu.addAction(self.tr("Merge into…"), lambda: entity is not None and self.merge(entity))
        delete = menu.addAction(self.tr("Delete entity…"), lambda: entity is not None and self.delete(entity))
        for action in (rename, retype.menuAction(), merge, delete):
            action.setEnabled(enabled)
            action.setToolTip(tip)
        rename.setObjectName("correctRename")
        merge.setObjectName("correctMerge")
        delete.setObjectName("correctDelete")
        retype.setObjectName("correctRetype")

    def menu_for(self, entity: Entity | None, parent: QWidget | None = None) -> QMenu:
        menu = QMenu(parent or self.widget)
        self.fill_menu(menu, entity)
        return menu

    # the four corrections ---------------------------------------------------------------

    def rename(self, entity: Entity) -> bool:
        name = self.ask_name(entity)
        name = (name or "").strip()
        if not self.allowed() or not name or name == entity.name:
            return False
        self.requested.emit("rename", entity.type, entity.name, name)
        return True

    def retype(self, entity: Entity, new_type: str) -> bool:
        if not self.allowed() or new_type == entity.type or new_type not in ENTITY_COLOURS:
            return False
        self.requested.emit("retype", entity.type, entity.name, new_type)
        return True

    def merge(self, entity: Entity) -> bool:
        target = self.ask_merge_target(entity, self.names_of_type(entity.type))
        if not self.allowed() or not target or target == entity.name:
            return False
        self.requested.emit("merge", entity.type, entity.name, target)
        return True

    def delete(self, entity: Entity) -> bool:
        question = self.tr("Delete the entity “%1”? Its mentions and links go too; re-imports keep it deleted.")
        if not self.allowed() or not self.confirm(question.replace("%1", entity.name)):
            return False
        self.requested.emit("delete", entity.type, entity.name, None)
        return True

    # questions (tests replace these) ------------------------------------------------------

    def ask_name(self, entity: Entity) -> str | None:
        text, ok = QInputDialog.getText(self.widget, self.tr("Rename entity"),
                                        tip(self.tr("New name for “%1”:").replace("%1", entity.name)),
                                        QLineEdit.EchoMode.Normal, entity.name)
        return text if ok else None

    def ask_merge_target(self, entity: Entity, names: list[str]) -> str | None:
        dialog = MergeDialog(entity, names, self.widget)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def confirm(self, text: str) -> bool:
        return ask_yes_no(self.widget, self.tr("Zhiku"), text)

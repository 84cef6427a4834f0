"""The dialog that edits one comparison theme: label, query, measure themes."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget


class ThemeDialog(QDialog):
    """Label, query and measure themes of one comparison theme."""

    def __init__(self, parent: QWidget | None = None, *, label: str = "", query: str = "",
                 measure_themes: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Theme"))
        form = QFormLayout(self)
        self.label_edit = QLineEdit(label)
        self.query_edit = QLineEdit(query)
        self.query_edit.setPlaceholderText(self.tr('words, OR, "phrases" — e.g. 人才 OR 引才'))
        self.measures_edit = QLineEdit(measure_themes)
        self.measures_edit.setPlaceholderText(self.tr("e.g. talent, kind:target"))
        self.measures_edit.setToolTip(self.tr("Measure themes of this row, or kind:<measure kind>, separated by spaces"))
        form.addRow(self.tr("Label"), self.label_edit)
        form.addRow(self.tr("Query"), self.query_edit)
        form.addRow(self.tr("Measure themes"), self.measures_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(480, self.sizeHint().height())

    def values(self) -> tuple[str, str, list[str]]:
        mts = [v for v in self.measures_edit.text().replace("，", ",").replace(",", " ").split() if v]
        return self.label_edit.text().strip(), self.query_edit.text().strip(), mts

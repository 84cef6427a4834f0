"""Keep a table's text column readable at any width: narrow the fixed columns before it overflows.

Why: a stretched last column alone still runs off the edge when the fixed columns already fill
the view (the entity page at 1024 px in English); here they give way, down to their minimum
(half their width unless told).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

MIN_COLUMN = 36


class ColumnFitter(QObject):
    """Sizes ``widths`` (column → preferred px, or (preferred, minimum)) on every resize; ``stretch`` takes the rest."""

    def __init__(self, view: QTableView, widths: dict[int, int | tuple[int, int]], stretch: int,
                 text_share: float = 0.4) -> None:
        super().__init__(view)
        self.view, self.stretch, self.text_share = view, stretch, text_share
        self.widths = {c: w if isinstance(w, tuple) else (w, max(MIN_COLUMN, w // 2)) for c, w in widths.items()}
        header = view.horizontalHeader()
        header.setMinimumSectionSize(MIN_COLUMN)
        header.setStretchLastSection(False)
        for col in widths:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        view.viewport().installEventFilter(self)
        self.fit()

    def fit(self) -> None:
        """Each column gives up the same share of what it has above its minimum."""
        available = self.view.viewport().width()
        room = available - max(120, int(available * self.text_share))
        wanted = sum(w for w, _ in self.widths.values())
        slack = sum(w - m for w, m in self.widths.values())
        give = min(1.0, max(0, wanted - room) / slack) if slack else 0.0
        header = self.view.horizontalHeader()
        for col, (width, minimum) in self.widths.items():
            header.resizeSection(col, max(MIN_COLUMN, round(width - (width - minimum) * give)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

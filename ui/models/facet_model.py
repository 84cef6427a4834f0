"""Facet values with counts, grouped under a header row per facet (region, document, ...)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QFont

from ui.labels import FACET_ORDER, label
from ui.models.base import ROW_ROLE, Index


@dataclass(frozen=True)
class FacetRow:
    key: str  # facet key, also the kb.search filter key
    value: str  # "" on a header row
    count: int
    header: bool = False
    active: bool = False


_VALUE_LABELS = {"kind": "kind", "entity_type": "entity_type"}


class FacetModel(QAbstractListModel):
    """Flat list: a header row per facet, then its values; headers are not selectable."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[FacetRow] = []
        self._titles: dict[str, str] = {}

    def set_facets(self, facets: dict[str, Any], active: dict[str, str] | None = None,
                   titles: dict[str, str] | None = None) -> None:
        """Fill from ``SearchResult.facets``; ``active`` filters are marked (and kept even at 0).

        ``titles`` maps document file names to titles, shown instead of the file name.
        """
        active = active or {}
        self._titles = dict(titles or {})
        rows: list[FacetRow] = []
        keys = [k for k in FACET_ORDER if k in facets or k in active]
        keys += sorted(k for k in facets if k not in FACET_ORDER)
        for key in keys:
            values = [(str(v), int(n)) for v, n in facets.get(key, ())]
            if key in active and all(v != active[key] for v, _ in values):
                values.insert(0, (active[key], 0))
            if not values:
                continue
            rows.append(FacetRow(key, "", 0, header=True))
            rows += [FacetRow(key, v, n, active=active.get(key) == v) for v, n in values]
        self.set_rows(rows)

    def set_rows(self, rows: list[FacetRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[FacetRow]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].header:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            if row.header:
                return label("facet", row.key)
            shown = self._shown(row)
            mark = "✓ " if row.active else "   "
            return f"{mark}{shown}  ({row.count})"
        if role == Qt.ItemDataRole.ToolTipRole and not row.header:
            title = self._titles.get(row.value) if row.key == "doc" else None
            return f"{title}\n{row.value}" if title else row.value
        if role == Qt.ItemDataRole.FontRole and (row.header or row.active):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _shown(self, row: FacetRow) -> str:
        if row.key in _VALUE_LABELS:
            return label(_VALUE_LABELS[row.key], row.value)
        if row.key == "doc" and row.value in self._titles:
            title = self._titles[row.value]
            return title if len(title) <= 18 else title[:17] + "…"
        return row.value

    def retranslate(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

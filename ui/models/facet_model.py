"""Facet values with counts, grouped under a header row per facet (region, document, issuer, ...)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QFont

from ui.labels import FACET_ORDER, REGION_SEP, UNDATED, label
from ui.models.base import ROW_ROLE, Index
from ui.plain import tip


@dataclass(frozen=True)
class FacetRow:
    key: str  # facet key, also the kb.search filter key
    value: str  # "" on a header row
    count: int
    header: bool = False
    active: bool = False
    aliases: tuple[str, ...] = ()  # other names of the same value merged into this row
    depth: int = 0  # a region under its parent region


LABEL_ROLE = Qt.ItemDataRole.UserRole + 20  # (name, count text): the delegate elides the name only


def merge_zone_names(values: list[tuple[str, int]]) -> list[tuple[str, int, tuple[str, ...]]]:
    """Fold a zone listed under a short and a full name (观山湖新区 / 贵阳观山湖新区) into the full one.

    A value B is the short form of A when A ends with B and what precedes it begins another value
    of the list (its parent: 贵阳 → 贵阳市). Both keys come from the same documents' region chain,
    so the larger count is the count of the merged row.
    """
    names = [v for v, _ in values]
    merged_into: dict[str, str] = {}
    for short in names:
        for full in names:
            prefix = full[: len(full) - len(short)]
            if (full != short and full.endswith(short) and len(short) >= 2 and prefix
                    and any(o.startswith(prefix) for o in names if o not in (full, short))):
                merged_into[short] = full
                break
    out: dict[str, tuple[int, list[str]]] = {}
    for value, count in values:
        target = merged_into.get(value, value)
        while target in merged_into:  # chains of short forms end at the longest name
            target = merged_into[target]
        n, aliases = out.get(target, (0, []))
        out[target] = (max(n, count), aliases + ([value] if value != target else []))
    return [(v, n, tuple(a)) for v, (n, a) in out.items()]


def _leaf(path: str) -> str:
    return path.rsplit(REGION_SEP, 1)[-1]


def _parent(path: str) -> str:
    return path.rsplit(REGION_SEP, 1)[0] if REGION_SEP in path else ""


def region_tree(values: list[tuple[str, int]]) -> list[tuple[str, int, int, tuple[str, ...]]]:
    """Region paths ("贵州省", "贵州省 › 贵阳市", ...) as (path, count, depth, aliases) in tree order.

    Each place comes once, under its parent, siblings in the order given (most passages first). A
    zone listed under a short and a full name among its siblings is one row (``merge_zone_names``).
    Values without a path (an index written before region chains) stay a flat, merged list.
    """
    if not any(REGION_SEP in v for v, _ in values):
        return [(v, n, 0, a) for v, n, a in merge_zone_names(values)]
    counts = dict(values)
    children: dict[str, list[str]] = {}
    for path, _n in values:
        parent = _parent(path)
        children.setdefault(parent if parent in counts else "", []).append(path)
    out: list[tuple[str, int, int, tuple[str, ...]]] = []

    def walk(parent: str, depth: int) -> None:
        paths = children.get(parent, [])
        context = [(_leaf(parent), 0)] if parent else []
        merged = merge_zone_names(context + [(_leaf(p), counts[p]) for p in paths])
        by_leaf = {_leaf(p): p for p in paths}
        for leaf, n, aliases in merged:
            if leaf not in by_leaf:
                continue  # the parent, given only as context for the merge
            path = by_leaf[leaf]
            alias_paths = tuple(by_leaf[a] for a in aliases if a in by_leaf)
            for a in alias_paths:  # places under the short name go under the full one
                children.setdefault(path, []).extend(children.pop(a, []))
            out.append((path, n, depth, alias_paths))
            walk(path, depth + 1)

    walk("", 0)
    return out


def _year_order(values: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Undated documents last: a year list reads as years."""
    return [v for v in values if v[0] != UNDATED] + [v for v in values if v[0] == UNDATED]


_VALUE_LABELS = {"kind": "kind", "entity_type": "entity_type"}


class FacetModel(QAbstractListModel):
    """Flat list: a header row per facet, then its values (regions as an indented tree); headers are not selectable."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[FacetRow] = []
        self._titles: dict[str, str] = {}

    def set_facets(self, facets: dict[str, Any], active: dict[str, str] | None = None,
                   titles: dict[str, str] | None = None) -> None:
        """Fill from ``SearchResult.facets``; ``active`` filters are marked (and kept even at 0).

        ``titles`` maps document file names to titles, shown instead of the file name. A facet
        without values (no document has an issuer, say) is left out.
        """
        active = active or {}
        self._titles = dict(titles or {})
        rows: list[FacetRow] = []
        keys = [k for k in FACET_ORDER if k in facets or k in active]
        keys += sorted(k for k in facets if k not in FACET_ORDER)
        for key in keys:
            pairs = [(str(v), int(n)) for v, n in facets.get(key, ()) if str(v)]
            if key == "region":
                values = region_tree(pairs)
            else:
                values = [(v, n, 0, ()) for v, n in (_year_order(pairs) if key == "year" else pairs)]
            if key in active and all(active[key] != v and active[key] not in a for v, _, _d, a in values):
                values.insert(0, (active[key], 0, 0, ()))
            if not values:
                continue
            rows.append(FacetRow(key, "", 0, header=True))
            for v, n, depth, aliases in values:
                on = active.get(key)
                value = on if on is not None and on in aliases else v  # a click on it must clear that filter
                rows.append(FacetRow(key, value, n, active=on == value, depth=depth,
                                     aliases=tuple(a for a in (v, *aliases) if a != value)))
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
            name, count = self._label(row)
            return f"{name}  {count}"
        if role == LABEL_ROLE:
            return (label("facet", row.key), "") if row.header else self._label(row)
        if role == Qt.ItemDataRole.ToolTipRole and not row.header:
            title = self._titles.get(row.value) if row.key == "doc" else None
            text = f"{title}\n{row.value}" if title else row.value
            return tip("\n".join([text, *(f"= {a}" for a in row.aliases)]))
        if role == Qt.ItemDataRole.FontRole and (row.header or row.active):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _label(self, row: FacetRow) -> tuple[str, str]:
        mark = "✓ " if row.active else "   "
        return f"{mark}{'    ' * row.depth}{self._shown(row)}", f"({row.count})"

    def _shown(self, row: FacetRow) -> str:
        """The whole title: the list elides it to its width (``FacetDelegate``), the tooltip has it all."""
        if row.key in _VALUE_LABELS:
            return label(_VALUE_LABELS[row.key], row.value)
        if row.key == "doc" and row.value in self._titles:
            return self._titles[row.value]
        if row.key == "year" and row.value == UNDATED:
            return QCoreApplication.translate("FacetModel", "Undated")
        if row.key == "region":  # a merged row shows its full name, whichever is the filter; a place its own name
            name = max((row.value, *row.aliases), key=len)
            return _leaf(name) if row.depth else name
        return row.value

    def retranslate(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

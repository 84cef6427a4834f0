"""Cross-region comparison: a theme × region matrix of passages and measures, plus numbers.

Why themes are stored queries: a user reads "招商引资 in one city vs another" as the passages that
a query finds in each region's documents, so a theme is a saved search (editable by the user)
plus the measure themes/kinds that belong to it. A region column covers everything beneath it.
Default columns come from the library itself (``default_regions``), never from a list in code.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kb.errors import NotFoundError, QueryError, ZhikuError
from kb.library import Library
from kb.models import (
    MAX_REGIONS,
    MEASURE_KINDS,
    MIN_REGIONS,
    POLICY_TOOLS,
    THEMES,
    Changes,
    CompareCell,
    CompareColumn,
    CompareRow,
    Comparison,
    Document,
    Measure,
    NumberRow,
    SearchHit,
    Theme,
)
from kb.notes import Notes
from kb.store import Store
from kb.store.rows import theme_from_row

log = logging.getLogger(__name__)

THEMES_FILE = Path(__file__).resolve().parent / "resources" / "themes.json"
NUMBER_KINDS = ("target", "subsidy", "award", "fund", "rent_support", "tax")
DEFAULT_COLUMNS = 4
_SEARCH_LIMIT = 300
HEADING_CHARS = 16  # a passage shorter than this is usually a heading


def default_themes() -> list[Theme]:
    data = json.loads(THEMES_FILE.read_text(encoding="utf-8"))
    return [Theme(t["key"], t["label_zh"], t["query"], tuple(t["measure_themes"]), t.get("label_en", ""), i)
            for i, t in enumerate(data["themes"])]


def default_regions(docs: Sequence[Document], limit: int = DEFAULT_COLUMNS) -> tuple[str, ...]:
    """The library's own regions: the coarsest level at which its documents fall into two or more
    regions, with the largest of them split into its parts while there is room.

    A library of several provinces opens on its provinces; one of a single province opens on its
    cities; a region is split only when every one of its documents names a part of it (otherwise
    some documents would drop out of the comparison). Most documents first; ties by name.
    """
    chains = [d.region_chain for d in docs if d.region_chain]
    if not chains:
        return ()
    columns: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    level = 1
    while True:
        columns = _group(chains, level, ())
        deeper = any(len(c) > level for c in chains)
        if len(columns) >= MIN_REGIONS or not deeper:
            break
        level += 1
    while len(columns) < limit:
        for key, members in sorted(columns.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            parts = _group(members, len(key) + 1, key) if all(len(c) > len(key) for c in members) else {}
            if len(parts) >= 2 and len(columns) - 1 + len(parts) <= limit:
                del columns[key]
                columns.update(parts)
                break
        else:
            break
    ranked = sorted(columns.items(), key=lambda kv: (-len(kv[1]), kv[0][-1]))
    return tuple(key[-1] for key, _ in ranked[:limit])


def _group(chains: Sequence[tuple[str, ...]], level: int, prefix: tuple[str, ...]
           ) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    """Chains with at least ``level`` parts under ``prefix``, by their first ``level`` parts."""
    out: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for c in chains:
        if len(c) >= level and c[:len(prefix)] == prefix:
            out.setdefault(tuple(c[:level]), []).append(c)
    return out


def check_regions(regions: Sequence[str]) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(r.strip() for r in regions if r and r.strip()))
    if not MIN_REGIONS <= len(names) <= MAX_REGIONS:
        raise ZhikuError(f"compare needs {MIN_REGIONS} to {MAX_REGIONS} different regions, got {len(names)}")
    return names


def check_measure_themes(values: Sequence[str]) -> tuple[str, ...]:
    if isinstance(values, str):
        values = [v for v in re.split(r"[,\s]+", values) if v]
    out = []
    for v in values:
        if v in THEMES or (v.startswith("kind:") and v[5:] in MEASURE_KINDS):
            out.append(v)
        else:
            raise ZhikuError(f"unknown measure theme {v!r}; use one of {', '.join(THEMES)} or kind:<{'|'.join(MEASURE_KINDS)}>")
    return tuple(dict.fromkeys(out))


def measure_matches(m: Measure, measure_themes: Sequence[str]) -> bool:
    return any(m.theme == t or (t.startswith("kind:") and m.kind == t[5:]) for t in measure_themes)


def short_clause(text: str, amount: float | None = None, limit: int = 40) -> str:
    """The clause of a sentence that carries its number (what a numbers table row is about)."""
    parts = [p.strip() for p in re.split(r"[，,；;。！？\n]", text) if p.strip()] or [text.strip()]
    wanted = f"{amount:g}" if amount is not None else None
    clause = next((p for p in parts if wanted and wanted in p), None) \
        or next((p for p in parts if re.search(r"[0-9０-９]", p)), None) \
        or next((p for p in parts if re.search(r"[一二三四五六七八九十百千万亿]", p)), parts[0])
    return clause if len(clause) <= limit else clause[: limit - 1] + "…"


class Comparer:
    """Themes and the comparison of regions over them (numbers and policy-instrument mix too)."""

    def __init__(self, store: Store, library: Library, notes: Notes, require_writable: Callable[[], None]) -> None:
        self.store = store
        self.library = library
        self.notes = notes
        self._writable = require_writable

    # themes ---------------------------------------------------------------------------------

    def themes(self) -> list[Theme]:
        """The saved themes in order; the defaults are seeded on first use."""
        rows = self.store.themes.rows()
        if not rows and not self.store.readonly:
            self.store.themes.seed(default_themes())
            rows = self.store.themes.rows()
        if not rows:
            return default_themes()
        # The English label belongs to the shipped wording: a theme the user renamed keeps its own label.
        shipped = {t.key: (t.label, t.label_en) for t in default_themes()}
        return [theme_from_row(r, shipped[r["key"]][1] if shipped.get(r["key"], ("",))[0] == r["label"] else "")
                for r in rows]

    def theme(self, ref: str) -> Theme:
        """A theme by key or label."""
        for t in self.themes():
            if ref in (t.key, t.label, t.label_en):
                return t
        raise NotFoundError(f"no theme {ref!r}; known: {', '.join(t.label for t in self.themes())}")

    def add_theme(self, label: str, query: str, measure_themes: Sequence[str] = (), *, key: str | None = None) -> Changes:
        self._writable()
        label, query = label.strip(), query.strip()
        if not label or not query:
            raise ZhikuError("a theme needs a label and a query")
        existing = self.themes()
        if any(label == t.label for t in existing):
            raise ZhikuError(f"a theme called {label!r} already exists")
        self._check_query(query)
        mts = check_measure_themes(measure_themes)
        keys = {t.key for t in existing}
        key = key or _slug(label)
        base, n = key, 2
        while key in keys:
            key, n = f"{base}_{n}", n + 1
        position = max((t.position for t in existing), default=-1) + 1
        self.store.themes.insert(key, label, query, mts, position)
        return Changes(themes=True, theme=self.theme(key))

    def update_theme(self, key: str, *, label: str | None = None, query: str | None = None,
                     measure_themes: Sequence[str] | None = None, position: int | None = None) -> Changes:
        self._writable()
        current = self.theme(key)
        values: dict[str, Any] = {}
        if label is not None:
            if not label.strip():
                raise ZhikuError("a theme needs a label")
            if any(t.label == label.strip() and t.key != current.key for t in self.themes()):
                raise ZhikuError(f"a theme called {label.strip()!r} already exists")
            values["label"] = label.strip()
        if query is not None:
            self._check_query(query.strip())
            values["query"] = query.strip()
        if measure_themes is not None:
            values["measure_themes"] = check_measure_themes(measure_themes)
        if position is not None:
            values["position"] = int(position)
        if values:
            self.store.themes.update(current.key, values)
        return Changes(themes=True, theme=self.theme(current.key))

    def remove_theme(self, key: str) -> Changes:
        self._writable()
        current = self.theme(key)
        if len(self.themes()) <= 1:
            raise ZhikuError("the last theme cannot be removed: a comparison needs at least one")
        self.store.themes.delete(current.key)
        return Changes(themes=True)

    def reset_themes(self) -> Changes:
        """Back to the shipped default themes (user themes are dropped)."""
        self._writable()
        self.store.themes.clear()
        self.themes()
        return Changes(themes=True)

    def _check_query(self, query: str) -> None:
        if not query:
            raise ZhikuError("a theme needs a query")
        try:
            self.library.search(query, limit=1)
        except QueryError as exc:
            raise QueryError(f"theme query {query!r}: {exc}") from exc

    # the matrix -----------------------------------------------------------------------------

    def default_regions(self) -> tuple[str, ...]:
        return default_regions(self.library.documents())

    def _regions(self, regions: Sequence[str] | None) -> tuple[str, ...]:
        if regions:
            return check_regions(regions)
        found = self.default_regions()
        if len(found) < MIN_REGIONS:
            raise ZhikuError(f"the library holds documents about {len(found)} region(s); "
                             f"a comparison needs {MIN_REGIONS} to {MAX_REGIONS}: import more or name them")
        return found

    def compare(self, regions: Sequence[str] | None = None, themes: Sequence[str] | None = None,
                per_cell: int = 3) -> Comparison:
        """Theme rows × region columns; each cell holds its top passages and measures."""
        names = self._regions(regions)
        chosen = self.themes() if not themes else [self.theme(t) for t in themes]
        columns = tuple(CompareColumn(r, tuple(self.library.region_documents(r))) for r in names)
        overrides = self._cell_overrides()
        region_measures = {c.region: self.library.measures(region=c.region) if c.docs else [] for c in columns}
        rows = []
        for theme in chosen:
            cells = []
            for col in columns:
                count, hits = self._cell_hits(theme.query, col, per_cell)
                ms = tuple(m for m in region_measures[col.region] if measure_matches(m, theme.measure_themes))
                note = overrides.get(f"{col.region}|{theme.key}")
                cells.append(CompareCell(col.region, theme.key, count, hits, ms,
                                         note[1] if note else None, note[0] if note else None))
            rows.append(CompareRow(theme, tuple(cells)))
        return Comparison(names, columns, tuple(rows))

    def _cell_hits(self, query: str, col: CompareColumn, per_cell: int) -> tuple[int, tuple[SearchHit, ...]]:
        if not col.docs:
            return 0, ()
        ids = {d.id for d in col.docs}
        result = self.library.search(query, limit=_SEARCH_LIMIT, filters={"region": col.region})
        hits = [h for h in result.hits if h.doc_id in ids]
        if not result.hits and result.total == 0:
            # The index may spell the region differently: fall back to the column's documents.
            result = self.library.search(query, limit=_SEARCH_LIMIT)
            hits = [h for h in result.hits if h.doc_id in ids]
            return len(hits), tuple(_evidence_first(hits)[:per_cell])
        count = result.total - (len(result.hits) - len(hits))
        return max(count, len(hits)), tuple(_evidence_first(hits)[:per_cell])

    # cell overrides -------------------------------------------------------------------------

    def set_cell_override(self, region: str, theme_key: str, text: str) -> Changes:
        """The user's own text for a cell (a note of kind "cell"); empty text removes it."""
        self._writable()
        ref = f"{region}|{self.theme(theme_key).key}"
        current = self._cell_overrides().get(ref)
        if not text.strip():
            return self.notes.remove(current[0]) if current else Changes()
        if current:
            return self.notes.update(current[0], comment=text)
        return self.notes.add(doc=None, comment=text, target_kind="cell", target_ref=ref)

    def _cell_overrides(self) -> dict[str, tuple[int, str]]:
        return {n.target_ref: (n.id, n.comment) for n in self.notes.find(target_kind="cell") if n.target_ref}

    # numbers --------------------------------------------------------------------------------

    def compare_numbers(self, regions: Sequence[str] | None = None, kinds: Sequence[str] = NUMBER_KINDS) -> list[NumberRow]:
        """Targets and incentive amounts with a number, per region, largest first within a kind."""
        out = []
        for region in self._regions(regions):
            for m in self.library.measures(region=region):
                if m.kind not in kinds:
                    continue
                if m.amount is not None or m.cap is not None:
                    amount, unit = (m.amount if m.amount is not None else m.cap), m.unit
                elif m.rate is not None:
                    amount, unit = m.rate, "%"
                else:
                    continue
                out.append(NumberRow(region, m.kind, short_clause(m.text, amount), amount, unit, m.year, m.theme,
                                     m.policy_tool, m.doc_id, m.doc, m.start, m.end, m.text))
        return sorted(out, key=lambda r: (r.region, r.kind, -(r.amount or 0)))

    def tool_mix(self, regions: Sequence[str] | None = None) -> dict[str, dict[str, int]]:
        """How many measures of each policy instrument (supply/environment/demand) each region uses."""
        mix = {}
        for region in self._regions(regions):
            counts = dict.fromkeys(POLICY_TOOLS, 0)
            for m in self.library.measures(region=region):
                if m.policy_tool in counts:
                    counts[m.policy_tool] += 1
            mix[region] = counts
        return mix


def _evidence_first(hits: list[SearchHit]) -> list[SearchHit]:
    """A bare heading ("（二）推进招商引资") matches a theme but says nothing: show sentences first."""
    return sorted(hits, key=lambda h: len(h.text.strip()) < HEADING_CHARS)


def _slug(label: str) -> str:
    ascii_part = re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")
    if ascii_part:
        return ascii_part[:40]
    return "theme_" + "_".join(f"{ord(c):x}" for c in label[:4])

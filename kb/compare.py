"""Cross-region comparison: a theme × region matrix of passages and measures, plus numbers.

Why themes are stored queries: a user reads "招商引资 in 赣州 vs 张家港" as the passages that a
query finds in each region's documents, so a theme is a saved search (editable by the user) plus
the measure themes/kinds that belong to it. A region column covers everything beneath it.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kb.errors import NotFoundError, QueryError, ZhikuError
from kb.models import MEASURE_KINDS, POLICY_TOOLS, THEMES, Document, Measure, SearchHit
from kb.notes import require_writable

log = logging.getLogger(__name__)

DEFAULT_REGIONS = ("赣州", "张家港", "宁夏", "江西")
MIN_REGIONS, MAX_REGIONS = 2, 5
THEMES_FILE = Path(__file__).resolve().parent / "resources" / "themes.json"
NUMBER_KINDS = ("target", "subsidy", "award", "fund", "rent_support", "tax")
_SEARCH_LIMIT = 300
HEADING_CHARS = 16  # a passage shorter than this is usually a heading


@dataclass(frozen=True)
class Theme:
    key: str
    label: str
    query: str
    measure_themes: tuple[str, ...]  # kb.models.THEMES values, or "kind:<measure kind>"
    label_en: str = ""
    position: int = 0


@dataclass(frozen=True)
class CompareColumn:
    region: str
    docs: tuple[Document, ...]  # the documents that feed this column


@dataclass(frozen=True)
class CompareCell:
    region: str
    theme_key: str
    count: int  # passages matching the theme in the region's documents
    hits: tuple[SearchHit, ...]  # the top passages
    measures: tuple[Measure, ...]
    override: str | None = None  # the user's own text for this cell
    override_note_id: int | None = None

    @property
    def empty(self) -> bool:
        return not self.hits and not self.measures and not self.override


@dataclass(frozen=True)
class CompareRow:
    theme: Theme
    cells: tuple[CompareCell, ...]  # one per column, in column order


@dataclass(frozen=True)
class Comparison:
    regions: tuple[str, ...]
    columns: tuple[CompareColumn, ...]
    rows: tuple[CompareRow, ...]

    def cell(self, region: str, theme_key: str) -> CompareCell:
        col = self.regions.index(region)
        for row in self.rows:
            if row.theme.key == theme_key:
                return row.cells[col]
        raise NotFoundError(f"no theme {theme_key!r} in this comparison")


@dataclass(frozen=True)
class NumberRow:
    """One target or incentive amount of a region, for the sortable numbers table."""

    region: str
    kind: str
    what: str  # the clause that holds the number
    amount: float | None
    unit: str | None
    year: int | None
    theme: str | None
    policy_tool: str | None
    doc_id: str
    doc: str
    start: int
    end: int
    text: str


def default_themes() -> list[Theme]:
    data = json.loads(THEMES_FILE.read_text(encoding="utf-8"))
    return [Theme(t["key"], t["label_zh"], t["query"], tuple(t["measure_themes"]), t.get("label_en", ""), i)
            for i, t in enumerate(data["themes"])]


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


class CompareMixin:
    """Comparison of ``KnowledgeBase``; needs ``store``, ``_lock``, ``search``, ``measures``, ``region_documents``."""

    store: Any
    _lock: Any

    # themes ---------------------------------------------------------------------------------

    def themes(self) -> list[Theme]:
        """The saved themes in order; the defaults are seeded on first use."""
        with self._lock:
            rows = self.store.query("SELECT key, label, query, measure_themes, position FROM themes ORDER BY position, id")
            if not rows and not getattr(self.store, "readonly", False):
                self._seed_themes()
                rows = self.store.query("SELECT key, label, query, measure_themes, position FROM themes ORDER BY position, id")
        if not rows:
            return default_themes()
        english = {t.key: t.label_en for t in default_themes()}
        return [Theme(r["key"], r["label"], r["query"], tuple(json.loads(r["measure_themes"] or "[]")),
                      english.get(r["key"], ""), int(r["position"])) for r in rows]

    def _seed_themes(self) -> None:
        with self.store.transaction() as conn:
            for t in default_themes():
                conn.execute("INSERT OR IGNORE INTO themes (key, label, query, measure_themes, position) VALUES (?, ?, ?, ?, ?)",
                             (t.key, t.label, t.query, json.dumps(list(t.measure_themes)), t.position))

    def theme(self, ref: str) -> Theme:
        """A theme by key or label."""
        for t in self.themes():
            if ref in (t.key, t.label, t.label_en):
                return t
        raise NotFoundError(f"no theme {ref!r}; known: {', '.join(t.label for t in self.themes())}")

    def add_theme(self, label: str, query: str, measure_themes: Sequence[str] = (), *, key: str | None = None) -> Theme:
        require_writable(self)
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
        with self._lock, self.store.transaction() as conn:
            conn.execute("INSERT INTO themes (key, label, query, measure_themes, position) VALUES (?, ?, ?, ?, ?)",
                         (key, label, query, json.dumps(list(mts)), position))
        return self.theme(key)

    def update_theme(self, key: str, *, label: str | None = None, query: str | None = None,
                     measure_themes: Sequence[str] | None = None, position: int | None = None) -> Theme:
        require_writable(self)
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
            values["measure_themes"] = json.dumps(list(check_measure_themes(measure_themes)))
        if position is not None:
            values["position"] = int(position)
        if values:
            sets = ", ".join(f"{k} = ?" for k in values)
            with self._lock, self.store.transaction() as conn:
                conn.execute(f"UPDATE themes SET {sets} WHERE key = ?", [*values.values(), current.key])
        return self.theme(current.key)

    def remove_theme(self, key: str) -> None:
        require_writable(self)
        current = self.theme(key)
        if len(self.themes()) <= 1:
            raise ZhikuError("the last theme cannot be removed: a comparison needs at least one")
        with self._lock, self.store.transaction() as conn:
            conn.execute("DELETE FROM themes WHERE key = ?", (current.key,))

    def reset_themes(self) -> list[Theme]:
        """Back to the shipped default themes (user themes are dropped)."""
        require_writable(self)
        with self._lock, self.store.transaction() as conn:
            conn.execute("DELETE FROM themes")
        return self.themes()

    def _check_query(self, query: str) -> None:
        if not query:
            raise ZhikuError("a theme needs a query")
        try:
            self.search(query, limit=1)  # type: ignore[attr-defined]
        except QueryError as exc:
            raise QueryError(f"theme query {query!r}: {exc}") from exc

    # the matrix -----------------------------------------------------------------------------

    def compare(self, regions: Sequence[str] = DEFAULT_REGIONS, themes: Sequence[str] | None = None,
                per_cell: int = 3) -> Comparison:
        """Theme rows × region columns; each cell holds its top passages and measures."""
        names = check_regions(regions)
        chosen = self.themes() if not themes else [self.theme(t) for t in themes]
        columns = tuple(CompareColumn(r, tuple(self.region_documents(r))) for r in names)  # type: ignore[attr-defined]
        overrides = self._cell_overrides()
        region_measures = {c.region: self.measures(region=c.region) if c.docs else [] for c in columns}  # type: ignore[attr-defined]
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
        result = self.search(query, limit=_SEARCH_LIMIT, filters={"region": col.region})  # type: ignore[attr-defined]
        hits = [h for h in result.hits if h.doc_id in ids]
        if not result.hits and result.total == 0:
            # The index may spell the region differently: fall back to the column's documents.
            result = self.search(query, limit=_SEARCH_LIMIT)  # type: ignore[attr-defined]
            hits = [h for h in result.hits if h.doc_id in ids]
            return len(hits), tuple(_evidence_first(hits)[:per_cell])
        count = result.total - (len(result.hits) - len(hits))
        return max(count, len(hits)), tuple(_evidence_first(hits)[:per_cell])

    # cell overrides -------------------------------------------------------------------------

    def set_cell_override(self, region: str, theme_key: str, text: str) -> int | None:
        """The user's own text for a cell (a note of kind "cell"); empty text removes it."""
        require_writable(self)
        ref = f"{region}|{self.theme(theme_key).key}"
        current = self._cell_overrides().get(ref)
        if not text.strip():
            if current:
                self.remove_note(current[0])  # type: ignore[attr-defined]
            return None
        if current:
            return int(self.update_note(current[0], comment=text).id)  # type: ignore[attr-defined]
        return int(self.add_note(doc=None, comment=text, target_kind="cell", target_ref=ref).id)  # type: ignore[attr-defined]

    def _cell_overrides(self) -> dict[str, tuple[int, str]]:
        notes = self.notes(target_kind="cell")  # type: ignore[attr-defined]
        return {n.target_ref: (n.id, n.comment) for n in notes if n.target_ref}

    # numbers --------------------------------------------------------------------------------

    def compare_numbers(self, regions: Sequence[str] = DEFAULT_REGIONS, kinds: Sequence[str] = NUMBER_KINDS) -> list[NumberRow]:
        """Targets and incentive amounts with a number, per region, largest first within a kind."""
        out = []
        for region in check_regions(regions):
            for m in self.measures(region=region):  # type: ignore[attr-defined]
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

    def tool_mix(self, regions: Sequence[str] = DEFAULT_REGIONS) -> dict[str, dict[str, int]]:
        """How many measures of each policy instrument (supply/environment/demand) each region uses."""
        mix = {}
        for region in check_regions(regions):
            counts = dict.fromkeys(POLICY_TOOLS, 0)
            for m in self.measures(region=region):  # type: ignore[attr-defined]
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

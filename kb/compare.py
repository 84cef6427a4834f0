"""Cross-region comparison: a theme × region matrix of passages and measures, plus numbers.

Why themes are stored queries: a user reads "招商引资 in one city vs another" as what a query finds
in each region's documents, so a theme is a saved search (editable by the user) plus the measure
themes/kinds that belong to it. A cell's evidence is the sentences of those finds that really speak
of the theme (``kb.evidence``), each serving one theme unless it clearly speaks of two. A region
column covers everything beneath it, except a region that has its own column ("不含X市"). Default
columns come from the library itself (``default_regions``), never from a list in code.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from kb.errors import NotFoundError, QueryError, ZhikuError
from kb.evidence import (
    Candidate,
    MeasureIndex,
    Sentence,
    ThemeRule,
    assign,
    measure_matches,
    split_sentences,
    strongest,
    support,
    theme_rule,
)
from kb.extract.gazetteer import Gazetteer
from kb.indicators import indicator_rows
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
    Evidence,
    Measure,
    NumberRow,
    SearchHit,
    Theme,
)
from kb.notes import Notes
from kb.store import Store
from kb.store.rows import theme_from_row
from kb.text import sentence_around

log = logging.getLogger(__name__)

THEMES_FILE = Path(__file__).resolve().parent / "resources" / "themes.json"
NUMBER_KINDS = ("target", "subsidy", "award", "fund", "rent_support", "tax")
DEFAULT_COLUMNS = 4
_SEARCH_LIMIT = 300
HEADING_CHARS = 16  # a passage shorter than this is usually a heading


def default_themes() -> list[Theme]:
    return list(_shipped_themes())


@lru_cache(maxsize=1)
def _shipped_themes() -> tuple[Theme, ...]:
    """The shipped file, read once: every comparison consults it (labels, which themes are the user's)."""
    data = json.loads(THEMES_FILE.read_text(encoding="utf-8"))
    return tuple(Theme(t["key"], t["label_zh"], t["query"], tuple(t["measure_themes"]), t.get("label_en", ""), i)
                 for i, t in enumerate(data["themes"]))


def own_themes(themes: Sequence[Theme]) -> frozenset[str]:
    """Keys of the themes the user added or whose query they rewrote (not a shipped theme as shipped)."""
    shipped = {t.key: " ".join(t.query.split()) for t in default_themes()}
    return frozenset(t.key for t in themes if shipped.get(t.key) != " ".join(t.query.split()))


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


def region_key(name: str) -> str:
    """One key per place: "贵阳" and "贵阳市" are the same region (the gazetteer's code), else the name."""
    found = Gazetteer.default().lookup(name)
    return found.code if found is not None else name


def check_regions(regions: Sequence[str]) -> tuple[str, ...]:
    """The regions in the order given, each place once (the first spelling kept), 2 to 5 of them."""
    seen: dict[str, str] = {}
    for r in regions:
        name = (r or "").strip()
        if name and region_key(name) not in seen:
            seen[region_key(name)] = name
    names = tuple(seen.values())
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
                per_cell: int = 3, *, contained: bool = False) -> Comparison:
        """Theme rows × region columns; each cell holds its evidence sentences, passages and measures.

        Every theme is scored even when only some are shown, so a sentence lands in the same cell
        whichever rows the user asked for. The comparison also carries the figures side by side
        (``indicators``) and each region's measures by policy instrument (``tool_measures``).
        ``contained=False`` (不含下级): a column leaves out what another column's region, lying inside
        its own, already shows; ``True`` (含下级): every column holds all its documents.
        """
        names = self._regions(regions)
        every = self.themes()
        chosen = every if not themes else [self.theme(t) for t in themes]
        columns = self.columns(names, contained=contained)
        overrides = self._cell_overrides()
        rules = [theme_rule(t.key, t.label, t.query, t.measure_themes) for t in every]
        vocab = tuple(dict.fromkeys(term for r in rules for term, _ in r.terms))
        measures = {c.region: self._column_measures(c) for c in columns}
        bodies = _Bodies(self.store)
        own = own_themes(every)
        built = {c.region: self._column_cells(c, every, rules, vocab, measures[c.region], bodies, per_cell, own)
                 for c in columns}
        rows = []
        for theme in chosen:
            cells = []
            for col in columns:
                note = overrides.get(f"{col.region}|{theme.key}")
                cells.append(replace(built[col.region][theme.key], override=note[1] if note else None,
                                     override_note_id=note[0] if note else None))
            rows.append(CompareRow(theme, tuple(cells)))
        indicators = indicator_rows(names, measures, bodies.sentence_of)
        tools = {c.region: {t: tuple(m for m in measures[c.region] if m.policy_tool == t) for t in POLICY_TOOLS}
                 for c in columns}
        return Comparison(names, tuple(columns), tuple(rows), indicators, tools)

    def columns(self, names: Sequence[str], *, contained: bool = False) -> list[CompareColumn]:
        """Each region's documents, less those of another column's region that it contains (unless
        ``contained``: then all of them)."""
        docs = {r: self.library.region_documents(r) for r in names}
        if contained:
            return [CompareColumn(r, tuple(docs[r]), ()) for r in names]
        ids = {r: {d.id for d in docs[r]} for r in names}
        out = []
        for r in names:
            inner = tuple(o for o in names if o != r and _contains(r, o, ids[r], ids[o]))
            drop = set().union(*(ids[o] for o in inner)) if inner else set()
            out.append(CompareColumn(r, tuple(d for d in docs[r] if d.id not in drop), inner))
        return out

    def _column_measures(self, col: CompareColumn) -> list[Measure]:
        if not col.docs:
            return []
        ids = {d.id for d in col.docs}
        return [m for m in self.library.measures(region=col.region) if m.doc_id in ids]

    def _column_cells(self, col: CompareColumn, themes: Sequence[Theme], rules: Sequence[ThemeRule],
                      vocab: Sequence[str], measures: Sequence[Measure], bodies: _Bodies,
                      per_cell: int, own: frozenset[str] = frozenset()) -> dict[str, CompareCell]:
        """Every theme's cell of one column: candidates from searches and measures, scored, assigned."""
        if not col.docs:
            return {t.key: CompareCell(col.region, t.key, 0, (), ()) for t in themes}
        docs = {d.id: d for d in col.docs}
        index = MeasureIndex(measures)
        cands: dict[tuple[str, int], Candidate] = {}
        for theme, rule in zip(themes, rules, strict=True):
            for hit in self._theme_hits(theme.query, col, bool(col.excludes)):
                for sent in split_sentences(hit.doc_id, hit.text, hit.start):
                    cands.setdefault((sent.doc_id, sent.start), Candidate(
                        sent, hit.doc, hit.title, hit.section, index.within(sent), {}, hit))
            for m in measures:
                if measure_matches(m, rule.measure_themes) and m.doc_id in docs:
                    sent = bodies.sentence(m)
                    if (sent.doc_id, sent.start) not in cands:
                        d = docs[m.doc_id]
                        cands[(sent.doc_id, sent.start)] = Candidate(
                            sent, d.name, d.title, self.store.documents.section_at(d.id, sent.start),
                            index.within(sent), {})
        for c in cands.values():
            c.scores = {r.key: support(c.sentence.text, r, c.measures, vocab) for r in rules}
        assigned = assign(cands.values(), [r.key for r in rules], own)
        out = {}
        for theme, rule in zip(themes, rules, strict=True):
            kept = strongest(assigned[rule.key], rule.key)
            keys = {(c.sentence.doc_id, c.sentence.start) for c in assigned[rule.key]}
            ms = tuple(m for m in measures if measure_matches(m, rule.measure_themes)
                       and (m.doc_id, bodies.sentence(m).start) in keys)
            evidence = tuple(Evidence(c.sentence.doc_id, c.doc, c.title, c.section, c.sentence.start, c.sentence.end,
                                      c.sentence.text, c.measures, round(c.scores[rule.key], 2)) for c in kept)
            hits: list[SearchHit] = []
            for c in kept:
                if isinstance(c.passage, SearchHit) and all(h.passage_id != c.passage.passage_id for h in hits):
                    hits.append(c.passage)
            out[theme.key] = CompareCell(col.region, theme.key, len(evidence), tuple(hits[:per_cell]), ms,
                                         evidence=evidence)
        return out

    def _theme_hits(self, query: str, col: CompareColumn, narrowed: bool) -> list[SearchHit]:
        """The theme's passages in the column's documents (a wider net when sub-regions are left out)."""
        ids = {d.id for d in col.docs}
        limit = _SEARCH_LIMIT * (2 if narrowed else 1)
        result = self.library.search(query, limit=limit, filters={"region": col.region})
        if not result.hits and result.total == 0:  # the index may spell the region differently
            result = self.library.search(query, limit=limit)
        return _evidence_first([h for h in result.hits if h.doc_id in ids])

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


class _Bodies:
    """Document bodies read once per comparison, for the sentence around each measure."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._bodies: dict[str, str] = {}

    def body(self, doc_id: str) -> str:
        if doc_id not in self._bodies:
            self._bodies[doc_id] = self.store.documents.body(doc_id)
        return self._bodies[doc_id]

    def sentence(self, m: Measure) -> Sentence:
        """The measure's sentence, bounded as ``kb.evidence.split_sentences`` bounds it."""
        body = self.body(m.doc_id)
        s, e = sentence_around(body, m.start, m.end) if body else (m.start, m.end)
        while e > s and body and body[e - 1] == "\n":
            e -= 1
        return Sentence(m.doc_id, s, e, body[s:e] if body else m.text)

    def sentence_of(self, m: Measure) -> str:
        return str(self.sentence(m).text).strip()


def _contains(outer: str, inner: str, outer_ids: set[str], inner_ids: set[str]) -> bool:
    """``inner`` lies within ``outer`` (the gazetteer says so, or its documents are a strict subset)."""
    if not inner_ids or not inner_ids <= outer_ids:
        return False
    g = Gazetteer.default()
    a, b = g.lookup(outer), g.lookup(inner)
    if a is not None and b is not None:
        return g.is_ancestor(a, b)
    return inner_ids < outer_ids


def _evidence_first(hits: list[SearchHit]) -> list[SearchHit]:
    """A bare heading ("（二）推进招商引资") matches a theme but says nothing: show sentences first."""
    return sorted(hits, key=lambda h: len(h.text.strip()) < HEADING_CHARS)


def _slug(label: str) -> str:
    ascii_part = re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")
    if ascii_part:
        return ascii_part[:40]
    return "theme_" + "_".join(f"{ord(c):x}" for c in label[:4])

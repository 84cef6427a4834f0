"""One query over the current segments: exact first, then the thesaurus, ranked and grouped.

The exact query runs first. When it finds nothing, the relaxed levels (``kb.search.relax``) become
the result, marked ``relaxed``: synonyms and related terms, and the split-into-words level only
when those find nothing either. When it finds fewer passages than the page holds, the thesaurus
expansions' other passages come after it as ``more`` (the exact hits and total stay what the query
matched as typed). Each passage keeps the first level that found it; within a list hits are
ordered by level, then by score. ``by_document`` returns the best passages of the best documents.
"""

from __future__ import annotations

import heapq
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from itertools import compress, islice, repeat
from operator import ge

from kb.search.engine import Evaluator, Leaf, Scores, count_facets, substantive
from kb.search.query import Node, positive_terms
from kb.search.records import IndexResult, RawHit
from kb.search.relax import loose_terms, plan
from kb.search.termcache import TermCache
from kb.search.thesaurus import Thesaurus

LEVEL = 1.0e6  # above any BM25 sum: one level never overtakes another
RELAX_MODES = ("auto", "off")
LOOSE = ("words", "document")  # levels tried only while the page is not full


@dataclass(frozen=True)
class Options:
    limit: int = 20
    thesaurus: Thesaurus | None = None
    relax: str = "auto"  # auto: expansions when the exact hits do not fill the page (see module docstring); off
    by_document: bool = False
    per_doc: int = 3  # passages under each document when grouped
    region_keys: frozenset[str] | None = None  # of the view (cached by the index per generation)
    cache: TermCache | None = None  # term matches kept by the index for this generation


def region_keys(leaves: Iterable[Leaf]) -> set[str]:
    """Every region key some document of the view is about (the words a region filter accepts)."""
    return {k for leaf in leaves for base in leaf.seg.bases for k in base[1]}


def run(leaves: list[Leaf], names: list[str], node: Node, opts: Options) -> IndexResult:
    ev = Evaluator(leaves, opts.cache)
    exact = ev.run(node)
    levels: list[tuple[str, list[Scores]]] = [("exact", exact)]
    terms = positive_terms(node)
    found = sum(map(len, exact))
    limit = max(opts.limit, 0)
    if opts.relax == "off" or (found and found >= limit):
        return _result(leaves, names, levels, ev, node, opts, terms)
    ev.boost_words = False
    p = plan(node, opts.thesaurus, opts.region_keys if opts.region_keys is not None else region_keys(leaves))
    extra: list[tuple[str, list[Scores]]] = []
    seen = [set(scores) for scores in exact]
    total = found
    contributed: list[str] = []
    for kind, relaxed_node in (("synonym", p.synonym), ("related", p.related), ("words", p.words),
                               ("document", p.document)):
        if relaxed_node is None or (kind in LOOSE and total >= limit):
            continue
        scores = ev.run(relaxed_node)
        extra.append((kind, scores))
        before = total
        for have, new in zip(seen, scores, strict=True):
            total += len(new.keys() - have)
            have.update(new)
        if total > before:
            contributed.append(kind)
    ran = {"synonym": p.synonym, "related": p.related, "words": p.words, "document": p.document}
    level_terms = {"exact": terms, **{k: positive_terms(n) for k, n in ran.items() if n is not None}}
    variants = tuple(dict.fromkeys(t for k in contributed if (n := ran[k]) is not None
                                   for t in positive_terms(n) if t not in terms))
    if found:  # exact hits stay the result; expansions beyond them come as ``more``
        empty: list[Scores] = [{} for _ in leaves]
        more = _minus(_union([s for _k, s in extra]), exact) if extra else empty
        result = _result(leaves, names, levels, ev, node, opts, terms)
        hits = _rank(leaves, more, [("exact", exact), *extra], limit, opts, level_terms)
        return replace(result, more=hits, more_total=sum(map(len, more)), variant_terms=variants if hits else (),
                       expansions=dict(p.expansions))
    result = _result(leaves, names, levels + extra, ev, node, opts, terms, level_terms)
    if not contributed:
        return replace(result, expansions=dict(p.expansions))
    return replace(result, relaxed=contributed[-1], relaxed_from=tuple(_not_found(ev, node)), variant_terms=variants,
                   expansions=dict(p.expansions))


def _result(leaves: list[Leaf], names: list[str], levels: list[tuple[str, list[Scores]]], ev: Evaluator,
            node: Node, opts: Options, terms: tuple[str, ...], level_terms: dict[str, tuple[str, ...]] | None = None
            ) -> IndexResult:
    union = _union([s for _k, s in levels])
    hits = _rank(leaves, union, levels, max(opts.limit, 0), opts, level_terms or {"exact": terms})
    return IndexResult(hits, sum(map(len, union)), count_facets(leaves, union, names), terms,
                       by_document=opts.by_document)


def _rank(leaves: list[Leaf], union: list[Scores], levels: list[tuple[str, list[Scores]]], limit: int,
          opts: Options, level_terms: dict[str, tuple[str, ...]]) -> list[RawHit]:
    ranker = _Ranker(leaves, levels, level_terms)
    if opts.by_document:
        return ranker.by_document(union, limit, max(opts.per_doc, 1))
    return [ranker.hit(i, d) for i, d in ranker.top(union, limit)]


class _Ranker:
    """Orders candidates by (level, substance, score): a passage whose every match lies in a noise
    span (a responsibility bracket, an addressee line, a title, a body's name) comes after every
    passage of its level that discusses the terms. Checked lazily, best candidates first."""

    def __init__(self, leaves: list[Leaf], levels: list[tuple[str, list[Scores]]],
                 level_terms: dict[str, tuple[str, ...]]) -> None:
        self.leaves, self.levels, self.level_terms = leaves, levels, level_terms
        self._noise: dict[tuple[int, int], bool] = {}

    def level(self, i: int, d: int) -> int:
        for rank, (_kind, per_leaf) in enumerate(self.levels):
            if d in per_leaf[i]:
                return rank
        return len(self.levels)

    def noise(self, i: int, d: int) -> bool:
        key = (i, d)
        if key not in self._noise:
            terms = self.level_terms.get(self.levels[min(self.level(i, d), len(self.levels) - 1)][0], ())
            self._noise[key] = bool(terms) and not substantive(self.leaves[i], d, terms)
        return self._noise[key]

    def key(self, s: float, i: int, d: int) -> tuple[int, bool, float, int]:
        return self.level(i, d), self.noise(i, d), -s, self.leaves[i].offset + d

    def top(self, union: list[Scores], limit: int) -> list[tuple[int, int]]:
        """The ``limit`` best (leaf, docnum) pairs; widens the candidate pool while the last is noise."""
        total = sum(map(len, union))
        pool = min(total, 2 * limit + 16)
        while True:
            ordered = self._first(_top(self.leaves, union, pool), limit)
            if pool >= total or not ordered or not self.noise(ordered[-1][1], ordered[-1][2]):
                return [(i, d) for _s, i, d in ordered]
            pool = min(total, pool * 4)

    def _first(self, cands: list[tuple[float, int, int]], limit: int) -> list[tuple[float, int, int]]:
        """``sorted(cands, key=self.key)[:limit]``, asking whether a passage is noise only until the
        first ``limit`` are known: within a level, the passages that discuss the terms come first,
        so once enough of them are found the rest of the level cannot enter."""
        ordered = sorted(cands, key=lambda c: (self.level(c[1], c[2]), -c[0], self.leaves[c[1]].offset + c[2]))
        out: list[tuple[float, int, int]] = []
        good: list[tuple[float, int, int]] = []
        bad: list[tuple[float, int, int]] = []
        current = None
        for c in ordered:
            level = self.level(c[1], c[2])
            if level != current:
                out += good + bad
                good, bad, current = [], [], level
                if len(out) >= limit:
                    break
            (bad if self.noise(c[1], c[2]) else good).append(c)
            if len(out) + len(good) >= limit:
                break
        return (out + good + bad)[:limit]

    def hit(self, i: int, d: int, doc_total: int = 0) -> RawHit:
        seg = self.leaves[i].seg
        rank = self.level(i, d)
        kind, raw = self.levels[rank][0], self.levels[rank][1][i][d]
        return RawHit(seg.pid[d], seg.doc_ids[seg.pdoc[d]], round(raw, 6), kind, doc_total)

    def by_document(self, union: list[Scores], limit: int, per_doc: int) -> list[RawHit]:
        """The ``limit`` best documents, each with its ``per_doc`` best passages (same order of keys)."""
        docs: dict[str, list[tuple[float, int, int]]] = {}
        for i, (leaf, scores) in enumerate(zip(self.leaves, union, strict=True)):
            seg = leaf.seg
            for d, s in scores.items():
                docs.setdefault(seg.doc_ids[seg.pdoc[d]], []).append((s, i, d))
        best = heapq.nlargest(2 * limit + 16, docs.items(), key=lambda kv: (max(kv[1])[0], len(kv[1])))
        ranked = []
        for doc, found in best:
            top = sorted(heapq.nlargest(per_doc + 2, found), key=lambda c: self.key(*c))[:per_doc]
            ranked.append((self.key(*top[0])[:2], -top[0][0], -len(found), doc, top, len(found)))
        ranked.sort(key=lambda r: r[:4])
        return [self.hit(i, d, n) for *_k, top, n in ranked[:limit] for _s, i, d in top]


def _minus(per_leaf: list[Scores], exact: list[Scores]) -> list[Scores]:
    return [{d: s for d, s in scores.items() if d not in ex} for scores, ex in zip(per_leaf, exact, strict=True)]


def _union(levels: list[list[Scores]]) -> list[Scores]:
    """Per leaf, every passage once, scored ``score - rank * LEVEL`` by the first level that found it."""
    if len(levels) == 1:
        return levels[0]
    out: list[Scores] = []
    for per_leaf in zip(*levels, strict=True):
        acc: Scores = {}
        for rank, scores in enumerate(per_leaf):
            shift = rank * LEVEL
            for d, s in scores.items():
                if d not in acc:
                    acc[d] = s - shift
        out.append(acc)
    return out


def _top(leaves: list[Leaf], per_leaf: list[Scores], limit: int) -> list[tuple[float, int, int]]:
    best: list[tuple[float, int, int, int]] = []
    for i, (leaf, scores) in enumerate(zip(leaves, per_leaf, strict=True)):
        best.extend((s, leaf.offset + d, i, d) for d, s in _best(scores, limit))
    best.sort(key=lambda x: (-x[0], x[1]))
    return [(s, i, d) for s, _g, i, d in best[:limit]]


def _best(scores: Scores, limit: int) -> Iterable[tuple[int, float]]:
    """``heapq.nlargest(limit, scores.items(), key=score)`` as a set, in C-level passes: the
    limit-th best score by a sort of bare floats, then the passages that reach it (of those
    equal to it, the first ones, as ``nlargest`` keeps them)."""
    if limit >= len(scores):
        return scores.items()
    if limit <= 0:
        return ()
    values = scores.values()
    floor = sorted(values)[-limit]
    keys = list(compress(scores, map(ge, values, repeat(floor))))
    if len(keys) > limit:  # ties at the floor
        above = [d for d in keys if scores[d] > floor]
        keys = above + list(islice((d for d in keys if scores[d] == floor), limit - len(above)))
    return zip(keys, map(scores.__getitem__, keys), strict=True)


def _not_found(ev: Evaluator, node: Node) -> list[str]:
    """The loose terms with no verbatim match anywhere; all of them when each occurs but never together."""
    terms = loose_terms(node)
    missing = [t for t in terms if not any(ev.term(t))]
    return missing or terms


def known_terms(ev: Evaluator, texts: Collection[str]) -> dict[str, int]:
    """Passages holding each text verbatim, over the whole view (no filters)."""
    return {t: sum(map(len, ev.term(t))) for t in texts}

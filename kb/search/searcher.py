"""One query over the current segments: exact first, then the relaxed levels, ranked and grouped.

The exact query runs first; only when it finds nothing (or when asked, ``relax="always"``) do the
thesaurus levels run, and the split-into-words level only when those find nothing either. Each
passage keeps the first level that found it; hits are ordered by level, then by score, so exact
hits always come first. ``by_document`` returns the best passages of the best documents instead.
"""

from __future__ import annotations

import heapq
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from operator import itemgetter

from kb.search.engine import Evaluator, Leaf, Scores, count_facets, display_score
from kb.search.query import Node, positive_terms
from kb.search.records import IndexResult, RawHit
from kb.search.relax import loose_terms, plan
from kb.search.thesaurus import Thesaurus

LEVEL = 1.0e6  # above any tiered score (kb.search.engine.TIER * terms): one level never overtakes another
RELAX_MODES = ("auto", "always", "off")


@dataclass(frozen=True)
class Options:
    limit: int = 20
    thesaurus: Thesaurus | None = None
    relax: str = "auto"  # auto: only when nothing is found as typed; always: append expansions; off
    by_document: bool = False
    per_doc: int = 3  # passages under each document when grouped


def region_keys(leaves: Iterable[Leaf]) -> set[str]:
    """Every region key some document of the view is about (the words a region filter accepts)."""
    return {k for leaf in leaves for base in leaf.seg.bases for k in base[1]}


def run(leaves: list[Leaf], names: list[str], node: Node, opts: Options) -> IndexResult:
    ev = Evaluator(leaves)
    levels: list[tuple[str, list[Scores]]] = [("exact", ev.run(node))]
    terms = list(positive_terms(node))
    relaxed, expansions = "", {}
    if opts.relax != "off" and (opts.relax == "always" or not any(levels[0][1])):
        p = plan(node, opts.thesaurus, region_keys(leaves) if not any(levels[0][1]) else ())
        expansions = dict(p.expansions)
        for kind, relaxed_node in (("synonym", p.synonym), ("related", p.related)):
            if relaxed_node is not None:
                levels.append((kind, ev.run(relaxed_node)))
                terms += [t for t in positive_terms(relaxed_node) if t not in terms]
        if p.words is not None and not any(any(s) for _k, s in levels):
            levels.append(("words", ev.run(p.words)))
            terms += [t for t in positive_terms(p.words) if t not in terms]
        found = [k for k, s in levels[1:] if any(s)]
        relaxed = found[-1] if found and not any(levels[0][1]) else ""
    union = _union([s for _k, s in levels])
    limit = max(opts.limit, 0)
    if opts.by_document:
        hits = _by_document(leaves, union, levels, limit, max(opts.per_doc, 1))
    else:
        hits = [_hit(leaves, levels, i, d, s) for s, i, d in _top(leaves, union, limit)]
    relaxed_from = tuple(_not_found(ev, node)) if relaxed else ()
    facets = count_facets(leaves, union, names)
    total = sum(map(len, union))
    return IndexResult(hits, total, facets, tuple(terms), relaxed, relaxed_from, expansions,
                       by_document=opts.by_document)


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
        top = heapq.nlargest(limit, scores.items(), key=itemgetter(1)) if limit < len(scores) else scores.items()
        best.extend((s, leaf.offset + d, i, d) for d, s in top)
    best.sort(key=lambda x: (-x[0], x[1]))
    return [(s, i, d) for s, _g, i, d in best[:limit]]


def _hit(leaves: list[Leaf], levels: list[tuple[str, list[Scores]]], i: int, d: int, score: float,
         doc_total: int = 0) -> RawHit:
    seg = leaves[i].seg
    kind, raw = "exact", score
    for k, per_leaf in levels:
        if d in per_leaf[i]:
            kind, raw = k, per_leaf[i][d]
            break
    return RawHit(seg.pid[d], seg.doc_ids[seg.pdoc[d]], display_score(raw), kind, doc_total)


def _by_document(leaves: list[Leaf], union: list[Scores], levels: list[tuple[str, list[Scores]]],
                 limit: int, per_doc: int) -> list[RawHit]:
    """The ``limit`` best documents (by their best passage), each with its ``per_doc`` best passages."""
    docs: dict[str, list[tuple[float, int, int]]] = {}
    for i, (leaf, scores) in enumerate(zip(leaves, union, strict=True)):
        seg = leaf.seg
        for d, s in scores.items():
            docs.setdefault(seg.doc_ids[seg.pdoc[d]], []).append((s, i, d))
    ranked = heapq.nlargest(limit, docs.items(), key=lambda kv: (max(kv[1])[0], len(kv[1])))
    out: list[RawHit] = []
    for _doc, found in ranked:
        for s, i, d in heapq.nlargest(per_doc, found):
            out.append(_hit(leaves, levels, i, d, s, len(found)))
    return out


def _not_found(ev: Evaluator, node: Node) -> list[str]:
    """The loose terms with no verbatim match anywhere; all of them when each occurs but never together."""
    terms = loose_terms(node)
    missing = [t for t in terms if not any(ev.term(t))]
    return missing or terms


def known_terms(ev: Evaluator, texts: Collection[str]) -> dict[str, int]:
    """Passages holding each text verbatim, over the whole view (no filters)."""
    return {t: sum(map(len, ev.term(t))) for t in texts}

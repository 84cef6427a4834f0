"""Evaluate a parsed query over the segments' sidecars with C-level loops (map, compress, Counter).

A term T matches a passage iff T occurs verbatim in its normalised text. The sidecar's gram
index lists, per character and per character pair, the passages holding it: for 1–2
characters that list *is* the answer (with counts); a longer term intersects its two rarest
pairs and confirms each candidate with ``str.find`` on the segment text, except where the term
is itself one of the passage's jieba words (its word postings say so without a look). Whole jieba word(s)
(the sidecar's word postings) earn ``WORD_BOOST``. Scores are BM25-like; facets are
counted per document and per facet combination, never per (facet, value) pair.
"""

from __future__ import annotations

import logging
import math
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain, compress, repeat
from operator import getitem, itemgetter, mul, not_, or_
from typing import Any

from kb.search.analyzer import normalise, ranking_words
from kb.search.query import And, Filter, Node, Not, Or, SameDoc, Term
from kb.search.records import UNDATED, docno_key
from kb.search.segdata import K1, Base, SegData, find_gram, find_key, word_key
from kb.search.termcache import TermCache
from kb.search.zones import inside

log = logging.getLogger(__name__)

WORD_BOOST = 3.0
UBIQUITOUS = 0.3  # a ranking word in more than this share of a segment's passages is not read
INTERSECT_MIN = 512  # fewer candidates than this: confirm them all
LOOKUP_RATIO = 16  # a filter's passages are looked up in a term's postings when this many times fewer
TOKEN_SET_RATIO = 16  # a word's postings are read to spare look-ups when at most this many per candidate

Scores = dict[int, float]  # local docnum -> score


@dataclass
class FacetIds:
    """Per passage of one leaf, its document's ordinal in the view (``facet_tables``): a match list
    is counted by two C-level Counters (documents, entity-type sets), whatever its length, and
    only the matched documents are then spread over their facet values in Python."""

    doc: list[int]  # per passage: its document's ordinal in the view
    types: list[int]  # per passage: its entity-type set, interned over the view
    view: FacetView  # shared by every leaf of the view


@dataclass
class FacetView:
    """The view's documents (name rank, facet combination) and distinct facet values."""

    rank: list[int] = field(default_factory=list)  # per view document
    base: list[int] = field(default_factory=list)  # per view document: index into ``bases``
    bases: list[Base] = field(default_factory=list)
    type_sets: list[tuple[str, ...]] = field(default_factory=list)
    unique_names: bool = True  # no two documents share a name rank


@dataclass
class Leaf:
    """One segment at query time: sidecar, deletions, global docnum offset."""

    seg: SegData
    offset: int
    deleted: frozenset[int] | None
    doc_rank: list[int] = field(default_factory=list)  # per document: rank of its name in the view
    _live: list[int] | None = field(default=None, repr=False)
    facet_ids: FacetIds | None = field(default=None, repr=False)  # built by the view's first facet count
    filters: dict[tuple[str, str], tuple[memoryview, set[int]]] = field(default_factory=dict, repr=False)
    narrowed: dict[int, tuple[set[int], list[int]]] = field(default_factory=dict, repr=False)  # id(doc set) ->

    @property
    def live(self) -> list[int]:
        if self._live is None:
            dead = self.deleted or frozenset()
            self._live = [d for d in range(self.seg.n) if d not in dead]
        return self._live

    @property
    def n_live(self) -> int:
        return self.seg.n - len(self.deleted or ())


Gate = tuple["memoryview | None", "set[int] | dict[int, float]"]  # (per-passage array or None, allowed)


def _gate(ids: Sequence[int], tfs: Sequence[int], gates: Iterable[Gate]) -> tuple[Sequence[int], Sequence[int]]:
    for arr, allowed in gates:
        if not ids:
            break
        keys = ids if arr is None else map(arr.__getitem__, ids)
        mask = list(map(allowed.__contains__, keys))
        ids, tfs = list(compress(ids, mask)), list(compress(tfs, mask))
    return ids, tfs


def rarest_gram(seg: SegData, text: str) -> tuple[tuple[int, int], tuple[int, int] | None]:
    """Posting ranges of the term itself (1–2 chars) or of its two rarest character pairs."""
    if len(text) <= 2:
        return find_gram(seg, text), None
    # ties go to the smaller pair, not to the set's (hash-seeded) order: the rarest pair's counts
    # are the term's tf, so a tie broken differently in another process changed the ranking
    grams = sorted({text[i : i + 2] for i in range(len(text) - 1)})
    ranges = sorted((find_gram(seg, g) for g in grams), key=lambda r: r[1] - r[0])
    return ranges[0], (ranges[1] if len(ranges) > 1 else None)


def term_matches(leaf: Leaf, text: str, gates: Iterable[Gate] = (),
                 tokens: Collection[int] = ()) -> tuple[Sequence[int], Sequence[int]]:
    """Live local docnums where ``text`` occurs verbatim, and its count there (ascending docnums).

    ``gates`` (filters, or the matches of a rarer AND-ed term) drop candidates before the
    costly confirmation against the text. ``tokens``: the passages where ``text`` is itself a
    jieba word (its word postings), which hold it verbatim and need no look at their text.
    """
    seg = leaf.seg
    (a, b), second = rarest_gram(seg, text)
    if a == b:
        return [], []
    gates = list(gates)
    few = _few_passages(leaf, gates, b - a)
    if few is None:
        ids, tfs = _gate(list(seg.post[a:b]), list(seg.tf[a:b]), gates)
    else:  # a selective filter: look its passages up in the postings instead of reading them all
        ids, tfs = _gate(*_look_up(seg, a, b, few), gates)
    if len(text) > 2 and ids:
        tokens = tokens if len(tokens) <= TOKEN_SET_RATIO * len(ids) else ()
        # a second pair list helps only if it is about as rare (building its set costs per entry)
        # and most candidates are to be looked at
        if not tokens and second is not None and len(ids) >= INTERSECT_MIN and second[1] - second[0] <= 1.5 * (b - a):
            ids, tfs = _gate(ids, tfs, [(None, set(seg.post[second[0] : second[1]]))])
        ids, tfs = _confirm(seg, text, ids, tfs, tokens)
    if leaf.deleted and ids:
        mask = list(map(not_, map(leaf.deleted.__contains__, ids)))
        ids, tfs = list(compress(ids, mask)), list(compress(tfs, mask))
    return ids, tfs


def _few_passages(leaf: Leaf, gates: list[Gate], span: int) -> list[int] | None:
    """The passages a document filter among ``gates`` allows, when they are few next to ``span``
    postings (a region or document filter over a common term); None otherwise."""
    seg = leaf.seg
    for arr, allowed in gates:
        if arr is not seg.pdoc or not isinstance(allowed, set) or len(allowed) * LOOKUP_RATIO > span:
            continue
        kept = leaf.narrowed.get(id(allowed))
        if kept is None or kept[0] is not allowed:
            kept = leaf.narrowed[id(allowed)] = (allowed, _passages_of_docs(seg, allowed))
        if len(kept[1]) * LOOKUP_RATIO <= span:
            return kept[1]
    return None


def _passages_of_docs(seg: SegData, docs: set[int]) -> list[int]:
    """Ascending local docnums of the passages of ``docs`` (a document's passages are contiguous)."""
    pdoc = seg.pdoc
    if not seg.doc_order:
        return list(compress(range(seg.n), map(docs.__contains__, pdoc)))
    return sorted(chain.from_iterable(range(bisect_left(pdoc, d), bisect_right(pdoc, d)) for d in docs))


def _look_up(seg: SegData, a: int, b: int, passages: list[int]) -> tuple[list[int], list[int]]:
    """Which of ``passages`` the postings ``a:b`` hold, with their counts (bisection per passage)."""
    post, tf = seg.post, seg.tf
    ids: list[int] = []
    tfs: list[int] = []
    for p in passages:
        j = bisect_left(post, p, a, b)
        if j < b and post[j] == p:
            ids.append(p)
            tfs.append(tf[j])
    return ids, tfs


def _confirm(seg: SegData, text: str, ids: Sequence[int], tfs: Sequence[int],
             tokens: Collection[int] = ()) -> tuple[list[int], list[int]]:
    """Keep the candidates whose UTF-16 bytes contain ``text`` at an even (character) offset;
    those in ``tokens`` (passages where it is a jieba word) are kept without a look."""
    known = tokens if isinstance(tokens, (set, frozenset)) else set(tokens)
    in_tokens = list(map(known.__contains__, ids)) if known else []
    rest = list(compress(ids, map(not_, in_tokens))) if known else ids
    needle = text.encode("utf-16-le")
    found = list(map(seg.mm.find, repeat(needle), map(seg.off.__getitem__, rest), map(seg.off_end.__getitem__, rest)))
    mask = list(map(not_, map((1).__and__, found)))  # even position; -1 (absent) is odd
    if found.count(-1) != len(found) - sum(mask):  # a hit at an odd byte: look again, aligned
        for i, pos in enumerate(found):
            if pos >= 0 and pos & 1:
                mask[i] = text in seg.passage_text(rest[i])
    if known:
        if all(mask):  # every candidate holds the term
            return list(ids), list(tfs)
        seen = set(compress(rest, mask))
        mask = list(map(or_, in_tokens, map(seen.__contains__, ids)))
    return list(compress(ids, mask)), list(compress(tfs, mask))


def whole_words(leaf: Leaf, words: list[str]) -> set[int] | None:
    """Local docnums where every word of the term is a jieba token (None: no words).

    A word that is a token of most passages of the segment (发展, 建设) barely tells passages
    apart and costs the most to read: it is taken as present.
    """
    if not words:
        return None
    seg = leaf.seg
    common = UBIQUITOUS * seg.n
    ranges = sorted((b - a, w, a, b) for w in set(words) for a, b in (find_key(seg, word_key(w)),))
    hit: set[int] | None = None
    for df, _w, a, b in ranges:
        if df > common and hit is not None:
            break
        ids = seg.post[a:b]
        hit = set(ids) if hit is None else hit.intersection(ids)
        if not hit:
            return set()
    return hit


class Evaluator:
    """Scores one query: a dict of local docnum -> score per leaf."""

    def __init__(self, leaves: list[Leaf], cache: TermCache | None = None) -> None:
        self.leaves = leaves
        self.cache = cache  # matches kept across queries of this generation (``kb.search.termcache``)
        self.n = max(sum(leaf.n_live for leaf in leaves), 1)
        self._terms: dict[tuple[str, int], Scores] = {}
        self._df: dict[str, int] = {}
        self._whole: dict[tuple[str, int], set[int] | None] = {}
        self._words: dict[str, tuple[str, ...]] = {}
        self.boost_words = True  # off for relaxed levels: the whole-word bonus costs Whoosh reads per term

    def run(self, node: Node) -> list[Scores]:
        return [self._eval(node, i) for i in range(len(self.leaves))]

    def _eval(self, node: Node, i: int, gates: list[Gate] | None = None) -> Scores:
        """Scores of ``node`` in leaf ``i``. ``gates`` (from an enclosing AND) may drop passages
        early: terms, ORs and ANDs then return only what passes them, which the caller keeps anyway."""
        if isinstance(node, Term):
            return self.term_leaf(node.text, i, gates)
        leaf = self.leaves[i]
        if isinstance(node, Filter):
            arr, allowed = leaf_filter(leaf, node)
            return dict.fromkeys(compress(leaf.live, map(allowed.__contains__, map(arr.__getitem__, leaf.live))), 0.0)
        if isinstance(node, Not):
            out = dict.fromkeys(leaf.live, 0.0)
            for d in self._eval(node.child, i):
                out.pop(d, None)
            return out
        if isinstance(node, And):
            return self._and(node, i, gates)
        if isinstance(node, SameDoc):
            return self._same_doc(node, i)  # its children need every passage of their documents
        assert isinstance(node, Or)
        acc: Scores = {}
        for c in node.children:
            part = self._eval(c, i, gates)
            if not acc:
                acc = dict(part)
                continue
            for d, s in part.items():
                acc[d] = acc.get(d, 0.0) + s
        return acc

    def _same_doc(self, node: SameDoc, i: int) -> Scores:
        """Passages matching any child, in documents where every child matches (a document lives in one segment)."""
        seg = self.leaves[i].seg
        pdoc = seg.pdoc
        parts = [self._eval(c, i) for c in node.children]
        docs: set[int] | None = None
        for child, part in zip(node.children, parts, strict=True):
            mine = set(map(pdoc.__getitem__, part)) | titled(seg, child)
            docs = mine if docs is None else docs & mine
            if not docs:
                return {}
        acc: Scores = {}
        for part in parts:
            for d, s in part.items():
                if pdoc[d] in docs:  # type: ignore[operator]
                    acc[d] = acc.get(d, 0.0) + s
        return acc

    def _and(self, node: And, i: int, outer: list[Gate] | None = None) -> Scores:
        """Rarest term first; later terms and sub-queries (the thesaurus' ORs of variants) are only
        confirmed and scored where the earlier ones, the filters and the ``outer`` gates hold."""
        leaf = self.leaves[i]
        filters = [c for c in node.children if isinstance(c, Filter)]
        neg = [c.child for c in node.children if isinstance(c, Not)]
        terms = sorted((c for c in node.children if isinstance(c, Term)), key=lambda t: self.df(t.text))
        others = [c for c in node.children if not isinstance(c, (Not, Filter, Term))]
        gates: list[Gate] = [leaf_filter(leaf, f) for f in filters]
        narrow = [*(outer or ()), *gates]
        acc: Scores | None = None
        for t in terms:
            part = self.term_leaf(t.text, i, narrow if acc is None else [*narrow, (None, acc)])
            acc = part if acc is None else {d: s + part[d] for d, s in acc.items() if d in part}
            if not acc:
                return {}
        for c in others:
            part = self._eval(c, i, narrow if acc is None else [*narrow, (None, acc)])
            acc = part if acc is None else {d: s + part[d] for d, s in acc.items() if d in part}
            if not acc:
                return {}
        if acc is None:  # filters (and exclusions) only
            acc = dict.fromkeys(leaf.live, 0.0)
        for arr, allowed in gates:
            acc = {d: s for d, s in acc.items() if arr[d] in allowed}  # type: ignore[index]
        for c in neg:  # type: ignore[assignment]
            if not acc:
                break
            drop = self._eval(c, i)
            acc = {d: s for d, s in acc.items() if d not in drop}
        return acc

    def df(self, text: str) -> int:
        """Passages holding the term's rarest gram (exact for 1–2 characters): the idf's df.

        Known before any confirmation, so a term scores the same whether or not an AND or a
        filter narrowed its candidates.
        """
        n = self._df.get(text)
        if n is None:
            n = sum(r[1] - r[0] for r in (rarest_gram(leaf.seg, text)[0] for leaf in self.leaves))
            self._df[text] = n
        return n

    def count(self, text: str) -> int:
        """Passages holding ``text`` verbatim (no scoring: for suggestions)."""
        if any((text, i) in self._terms for i in range(len(self.leaves))):
            return sum(map(len, self.term(text)))
        return sum(len(self.matches(text, i)[0]) for i in range(len(self.leaves)))

    def matches(self, text: str, i: int, gates: Iterable[Gate] = ()) -> tuple[Sequence[int], Sequence[int]]:
        """``term_matches`` of leaf ``i``, through the cache: kept matches are gated here (the same
        docnums in the same order, since gates, confirmation and deletions are all filters); a
        gated term not kept yet is confirmed only where the gates let it (cheaper than all of it)."""
        leaf = self.leaves[i]
        gates = list(gates)
        hit = None if self.cache is None else self.cache.get(text, i)
        if hit is None:
            if gates or self.cache is None:
                return term_matches(leaf, text, gates)
            tokens = self.whole(text, i) if len(text) > 2 and self.words(text) == (text,) else None
            hit = self.cache.put(text, i, *term_matches(leaf, text, (), tokens or ()))
        ids, tfs = hit
        return _gate(ids, tfs, gates) if gates and len(ids) else (ids, tfs)

    def term(self, text: str) -> list[Scores]:
        return [self.term_leaf(text, i) for i in range(len(self.leaves))]

    def words(self, text: str) -> tuple[str, ...]:
        """``ranking_words`` of a term, segmented once per query (the tokenizer learns words
        during imports, so not kept longer)."""
        found = self._words.get(text)
        if found is None:
            found = self._words[text] = tuple(ranking_words(text))
        return found

    def whole(self, text: str, i: int) -> set[int] | None:
        """``whole_words`` of the term's words in leaf ``i``, read once per query: confirmation
        and the whole-word bonus both use it."""
        key = (text, i)
        if key not in self._whole:
            self._whole[key] = whole_words(self.leaves[i], list(self.words(text)))
        return self._whole[key]

    def term_leaf(self, text: str, i: int, gates: list[Gate] | None = None) -> Scores:
        """Scores of one term in leaf ``i`` (cached per query when not narrowed by gates)."""
        if not gates and (text, i) in self._terms:
            return self._terms[(text, i)]
        leaf = self.leaves[i]
        ids, tfs = self.matches(text, i, gates or ())
        out: Scores = {}
        if ids:
            df = max(self.df(text), 1)
            idf = math.log(1.0 + max(self.n - df + 0.5, 0.0) / (df + 0.5)) * (K1 + 1)
            # idf * tf / (tf + norm) [* WORD_BOOST], all in C-level maps
            tables = ratio_tables(leaf.seg, tfs)
            scores = map(getitem, map(tables.__getitem__, tfs), ids)
            whole = self.whole(text, i) if self.boost_words else None
            if whole:
                boosts = (idf, idf * WORD_BOOST)  # indexed by "is a whole word"
                scores = map(mul, scores, map(boosts.__getitem__, map(whole.__contains__, ids)))
            else:
                scores = map(mul, scores, repeat(idf))
            out = dict(zip(ids, scores, strict=True))
        if not gates:
            self._terms[(text, i)] = out
        return out


RATIO_TABLES = 4  # counts up to this (most matches) have a table per segment, built at warm-up
# (``SegData.ratios``, ~6 ms per table at 60,000 passages); higher ones are computed per match


class _Ratio:
    """``tf / (tf + norm)`` of passage ``d`` for a count too rare to keep a table for."""

    def __init__(self, tf: int, norms: list[float]) -> None:
        self.tf, self.norms = tf, norms

    def __getitem__(self, d: int) -> float:
        return self.tf / (self.tf + self.norms[d])


def ratio_tables(seg: SegData, tfs: Iterable[int]) -> list[Any]:
    """Indexed by a match's count: the table its score ratio is read from (None: no such count)."""
    present = set(tfs)
    tables: list[Any] = [None] * (max(present) + 1)
    for tf in present:
        tables[tf] = seg.ratios(tf) if tf <= RATIO_TABLES else _Ratio(tf, seg.norms)
    return tables


def titled(seg: SegData, node: Node) -> set[int]:
    """Documents whose title holds the term (or one of an OR of terms)."""
    texts = [node.text] if isinstance(node, Term) else [c.text for c in node.children if isinstance(c, Term)] \
        if isinstance(node, Or) else []
    return {d for d, title in enumerate(seg.titles) if any(t in title for t in texts)} if texts else set()


def substantive(leaf: Leaf, d: int, terms: Iterable[str]) -> bool:
    """Does one of ``terms`` occur in passage ``d`` outside its noise spans (``kb.search.zones``)?

    Read in place from the mapped text (no decoding): most passages have no spans at all.
    """
    seg = leaf.seg
    if seg.zoff[d] == seg.zoff_end[d]:
        return True
    spans = seg.zones(d)
    base, end = seg.off[d], seg.off_end[d]
    find = seg.mm.find
    for t in terms:
        needle, n = t.encode("utf-16-le"), len(t)
        pos = find(needle, base, end)
        while pos >= 0:
            rel = pos - base
            if not rel & 1 and not inside(spans, rel >> 1, (rel >> 1) + n):
                return True
            pos = find(needle, pos + 1, end)
    return False


def leaf_filter(leaf: Leaf, f: Filter) -> tuple[memoryview, set[int]]:
    """``filter_set`` kept on the leaf for its generation: a relaxed or filtered query asks for
    the same filter once per level and per term, and the sets are never modified."""
    key = (f.field, f.value)
    found = leaf.filters.get(key)
    if found is None:
        found = leaf.filters[key] = filter_set(leaf.seg, f)
    return found


def filter_set(seg: SegData, f: Filter) -> tuple[memoryview, set[int]]:
    """(per-passage array, allowed values) for a filter: document ordinals or entity-type set ids."""
    if f.field == "entity_type":
        return seg.pet, {i for i, e in enumerate(seg.ets) if f.value in e[1]}
    if f.field == "doc":
        v = f.value
        return seg.pdoc, {i for i, (a, b) in enumerate(zip(seg.name_norms, seg.doc_ids, strict=True)) if v in (a, b)}
    if f.field == "region":
        parts = f.value.split("›")
        ok = {i for i, b in enumerate(seg.bases) if all(p in b[1] for p in parts)}
    elif f.field == "year" and f.value == "none":
        ok = {i for i, b in enumerate(seg.bases) if not b[2]}
    elif f.field == "year":
        if "-" in f.value:
            lo, hi = sorted(int(p) for p in f.value.split("-"))
            ok = {i for i, b in enumerate(seg.bases) if b[2].isdigit() and lo <= int(b[2]) <= hi}
        else:
            ok = {i for i, b in enumerate(seg.bases) if b[2] == f.value}
    elif f.field == "kind":
        ok = {i for i, b in enumerate(seg.bases) if b[3].lower() == f.value}
    elif f.field == "issuer":
        ok = {i for i, b in enumerate(seg.bases) if b[4] and f.value in normalise(b[4])}
    elif f.field == "doc_number":
        ok = {i for i, b in enumerate(seg.bases) if b[5] and f.value in docno_key(b[5])}
    else:  # pragma: no cover - the parser only makes the fields above
        ok = set()
    return seg.pdoc, {d for d, b in enumerate(seg.dbase) if b in ok}


def rank_names(leaves: list[Leaf]) -> list[str]:
    """Sort every document name of the view once; each leaf gets its documents' ranks.

    The doc facet (one row per matching document) is then ordered by integer ranks.
    """
    names = sorted({n for leaf in leaves for n in leaf.seg.names})
    rank = {n: i for i, n in enumerate(names)}
    for leaf in leaves:
        leaf.doc_rank = list(map(rank.__getitem__, leaf.seg.names))
    return names


def facet_tables(leaves: list[Leaf]) -> None:
    """Give every leaf its ``FacetIds`` (after ``rank_names``): C-level maps over its passages.

    When no two documents share a name, a document's ordinal in the view *is* its name rank, so
    the per-document counts are the doc facet's counts as they come.
    """
    view = FacetView()
    bases: dict[Base, int] = {}
    types: dict[tuple[str, ...], int] = {}
    docs: list[list[int]] = []
    for leaf in leaves:
        seg = leaf.seg
        bmap = [bases.setdefault(b, len(bases)) for b in seg.bases]
        tmap = [types.setdefault(e[0], len(types)) for e in seg.ets]
        first = len(view.rank)
        view.rank += leaf.doc_rank
        view.base += map(bmap.__getitem__, seg.dbase)
        docs.append(list(map(first.__add__, range(len(leaf.doc_rank)))))
        leaf.facet_ids = FacetIds([], list(map(tmap.__getitem__, seg.pet)), view)
    view.bases += bases
    view.type_sets += types
    view.unique_names = len(set(view.rank)) == len(view.rank)
    if view.unique_names:  # renumber the view's documents by name rank
        base = [0] * len(view.rank)
        for r, b in zip(view.rank, view.base, strict=True):
            base[r] = b
        view.base, view.rank = base, list(range(len(base)))
        docs = [leaf.doc_rank for leaf in leaves]
    for leaf, ordinal in zip(leaves, docs, strict=True):
        leaf.facet_ids.doc = list(map(ordinal.__getitem__, leaf.seg.pdoc))  # type: ignore[union-attr]


def _per_type(facet_ids: FacetIds, scores: Scores, n_types: int) -> dict[int, int]:
    """Matched passages per entity-type set: few distinct sets, so a byte string of the matches'
    set ids is counted once per set instead of hashing every match."""
    if n_types > 256:
        return Counter(map(facet_ids.types.__getitem__, scores))
    ids = bytes(map(facet_ids.types.__getitem__, scores))
    return {t: n for t in range(n_types) if (n := ids.count(t))}


def count_facets(leaves: list[Leaf], per_leaf: list[Scores], names: list[str]) -> dict[str, list[tuple[str, int]]]:
    """Facet rows (value, matching passages), most first, over every match of every leaf.

    Each match is counted once by document and once by entity-type set (C-level Counters over
    per-passage ids); region, year, kind, issuer and number are properties of the document, so
    only the matched documents are then spread over their values in Python.
    """
    pairs = [(leaf, scores) for leaf, scores in zip(leaves, per_leaf, strict=True) if scores]
    if pairs and pairs[0][0].facet_ids is None:
        facet_tables(leaves)
    ids = [(leaf.facet_ids, scores) for leaf, scores in pairs]
    view = ids[0][0].view if ids else FacetView()  # type: ignore[union-attr]
    per_doc: dict[int, int] = {}
    per_type: Counter[int] = Counter()
    for f, s in ids:
        assert f is not None
        per_doc.update(Counter(map(f.doc.__getitem__, s)))  # a document lives in one segment
        per_type.update(_per_type(f, s, len(view.type_sets)))
    by_rank: dict[int, int]
    if view.unique_names:
        by_rank = per_doc
    else:
        by_rank = {}
        for d, n in per_doc.items():
            r = view.rank[d]
            by_rank[r] = by_rank.get(r, 0) + n
    per_base: dict[int, int] = {}
    base_of = view.base
    for d, n in per_doc.items():
        b = base_of[d]
        per_base[b] = per_base.get(b, 0) + n
    region: dict[str, int] = {}
    year: dict[str, int] = {}
    kind: dict[str, int] = {}
    etype: dict[str, int] = {}
    issuer: dict[str, int] = {}
    docno: dict[str, int] = {}
    bases, type_sets = view.bases, view.type_sets
    for b, n in per_base.items():
        regions, _keys, y, k, iss, dn = bases[b]
        for r in regions:
            region[r] = region.get(r, 0) + n
        y = y or UNDATED
        year[y] = year.get(y, 0) + n
        kind[k] = kind.get(k, 0) + n
        if iss:
            issuer[iss] = issuer.get(iss, 0) + n
        if dn:
            docno[dn] = docno.get(dn, 0) + n
    for e, n in per_type.items():
        for t in type_sets[e]:
            etype[t] = etype.get(t, 0) + n
    order = sorted(by_rank)
    order.sort(key=by_rank.__getitem__, reverse=True)  # stable: equal counts stay in name order
    docs = list(zip(map(names.__getitem__, order), map(by_rank.__getitem__, order), strict=True))
    return {"region": sorted_counts(region), "doc": docs, "year": sorted_counts(year),
            "kind": sorted_counts(kind), "entity_type": sorted_counts(etype),
            "issuer": sorted_counts(issuer), "doc_number": sorted_counts(docno)}


def sorted_counts(counts: dict[str, int]) -> list[tuple[str, int]]:
    """By count descending, then value: two stable C-level sorts instead of a key lambda."""
    items = sorted(counts.items(), key=itemgetter(0))
    items.sort(key=itemgetter(1), reverse=True)
    return items

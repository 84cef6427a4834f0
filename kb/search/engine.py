"""Evaluate a parsed query over the Whoosh segments with plain sets and dicts.

Whoosh stores the postings, segments, deletions and the lock; matching is done
here because Whoosh's phrase machinery (spans, per-document position decoding)
costs ~40 µs per candidate. A term T matches a passage iff T occurs verbatim in
the passage's normalised text: candidates are the passages holding T's two rarest
characters, confirmed against the text column (cached per segment, segments are
immutable). Passages where T is also whole jieba word(s) get ``WORD_BOOST``.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import IndexReader

from kb.search.analyzer import ranking_words
from kb.search.query import And, Filter, Node, Not, Or, Term

log = logging.getLogger(__name__)

WORD_BOOST = 3.0
K1 = 1.2
B = 0.75
SEP_FIELD = "\x1e"


@dataclass
class Leaf:
    """One segment: its reader, global docnum offset and cached column values."""

    reader: IndexReader
    offset: int
    texts: list[str]
    meta: list[tuple[str, ...]]
    avg_len: float
    facets: list[tuple[tuple[str, str], ...]]  # per docnum: (facet, value) pairs
    norms: list[float]  # per docnum: BM25 length normalisation K1 * (1 - B + B * len / avg)


Scores = dict[int, float]  # global docnum -> score


def posting_ids(reader: IndexReader, field: str, term: str) -> list[int]:
    """Live local docnums of ``field:term``, read block by block (no per-id calls)."""
    try:
        m = reader.postings(field, term)
    except Exception:  # TermNotFound and friends: the term is simply absent
        return []
    deleted: frozenset[int] = frozenset()
    if isinstance(m, FilterMatcher):
        deleted = frozenset(m._ids) if m._exclude else frozenset()
        m = m.child
    ids: list[int] = []
    if hasattr(m, "_read_ids") and hasattr(m, "_next_block"):
        while m.is_active():
            if m._ids is None:
                m._read_ids()
            ids.extend(m._ids)
            m._next_block()
    else:
        ids.extend(m.all_ids())
    if deleted:
        ids = [d for d in ids if d not in deleted]
    return ids


def _doc_freq(reader: IndexReader, field: str, term: str) -> int:
    try:
        return reader.doc_frequency(field, term)
    except Exception:
        return 0


def _candidates(reader: IndexReader, text: str) -> Iterable[int]:
    """Local docnums holding the two rarest characters of ``text`` (a superset of matches)."""
    chars = sorted({c for c in text if not c.isspace()}, key=lambda c: _doc_freq(reader, "grams", c))
    if not chars:
        return []
    first = posting_ids(reader, "grams", chars[0])
    if len(chars) == 1 or not first:
        return first
    other = set(posting_ids(reader, "grams", chars[1]))
    return [d for d in first if d in other]


def _whole_words(reader: IndexReader, words: list[str], among: Iterable[int]) -> set[int]:
    """Local docnums (of ``among``) where every word of the term is a jieba token."""
    hit = set(among)
    for w in sorted(set(words), key=lambda w: _doc_freq(reader, "words", w)):
        if not hit:
            break
        hit &= set(posting_ids(reader, "words", w))
    return hit


class Evaluator:
    """Scores one query over all leaves; ``universe`` is only built for nested NOTs."""

    def __init__(self, leaves: list[Leaf], doc_count: int) -> None:
        self.leaves = leaves
        self.n = max(doc_count, 1)

    def run(self, node: Node) -> Scores:
        if isinstance(node, Term):
            return self.term(node.text)
        if isinstance(node, Filter):
            return dict.fromkeys(self.filter_ids(node), 0.0)
        if isinstance(node, Not):
            out = self.universe()
            for d in self.run(node.child):
                out.pop(d, None)
            return out
        if isinstance(node, And):
            pos = [c for c in node.children if not isinstance(c, Not)]
            neg = [c.child for c in node.children if isinstance(c, Not)]
            parts = sorted((self.run(c) for c in pos), key=len)
            if parts:
                acc = dict(parts[0])
                for p in parts[1:]:
                    acc = {d: s + p[d] for d, s in acc.items() if d in p}
            else:
                acc = self.universe()
            for c in neg:
                if not acc:
                    break
                for d in self.run(c):
                    acc.pop(d, None)
            return acc
        assert isinstance(node, Or)
        acc = {}
        for c in node.children:
            for d, s in self.run(c).items():
                acc[d] = acc.get(d, 0.0) + s
        return acc

    def universe(self) -> Scores:
        out: Scores = {}
        for leaf in self.leaves:
            out.update((leaf.offset + d, 0.0) for d in leaf.reader.all_doc_ids())
        return out

    def filter_ids(self, f: Filter) -> list[int]:
        out: list[int] = []
        for leaf in self.leaves:
            ids: Iterable[int]
            if f.field == "doc":
                ids = set(posting_ids(leaf.reader, "doc", f.value)) | set(
                    posting_ids(leaf.reader, "doc_id", f.value)
                )
            elif f.field == "year" and "-" in f.value:
                a, b = sorted(int(p) for p in f.value.split("-"))
                ids = set()
                for y in range(a, min(b, a + 300) + 1):
                    ids.update(posting_ids(leaf.reader, "year", str(y)))
            else:
                ids = posting_ids(leaf.reader, f.field, f.value)
            out.extend(leaf.offset + d for d in ids)
        return out

    def term(self, text: str) -> Scores:
        words = ranking_words(text)
        per_leaf: list[tuple[Leaf, dict[int, int], set[int]]] = []
        found = 0
        for leaf in self.leaves:
            texts = leaf.texts
            tfs = {d: c for d in _candidates(leaf.reader, text) if (c := texts[d].count(text))}
            whole = _whole_words(leaf.reader, words, tfs) if words and tfs else set()
            per_leaf.append((leaf, tfs, whole))
            found += len(tfs)
        out: Scores = {}
        if not found:
            return out
        idf = math.log(1.0 + (self.n - found + 0.5) / (found + 0.5)) * (K1 + 1)
        for leaf, tfs, whole in per_leaf:
            norms, off = leaf.norms, leaf.offset
            for d, tf in tfs.items():
                sc = idf * tf / (tf + norms[d])
                out[off + d] = sc * WORD_BOOST if d in whole else sc
        return out


def load_leaf(
    reader: IndexReader,
    offset: int,
    decode: Callable[[bytes], tuple[str, ...]],
    facet_pairs: Callable[[tuple[str, ...]], tuple[tuple[str, str], ...]],
) -> Leaf:
    """Read a segment's text and meta columns into memory (done once per segment)."""
    texts = [b.decode("utf-8") for b in reader.column_reader("text")] if reader.has_column("text") else []
    meta = [decode(b) for b in reader.column_reader("meta")] if reader.has_column("meta") else []
    avg = (sum(map(len, texts)) / len(texts)) if texts else 1.0
    norms = [K1 * (1 - B + B * len(t) / avg) for t in texts]
    return Leaf(reader, offset, texts, meta, avg, [facet_pairs(m) for m in meta], norms)

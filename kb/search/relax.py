"""Relaxed forms of a query that found nothing as typed, loosest last.

1. ``synonym``: each unquoted positive term OR its thesaurus synonyms (资金补贴 | 补助资金 | 资金奖补);
2. ``related``: the same plus related terms;
3. ``words``: each term split into its words, all in the same passage, each word OR its synonyms
   (房租补贴 -> (房租 | 租金) AND (补贴 | 补助 | …)); a term that names a region some document is
   about (甘肃) may instead be met by the document's region;
4. ``document``: the terms of a multi-term query (each OR its synonyms) in the same document
   rather than the same passage (租金补贴 深圳: a rent clause in a document whose title names the city).

Quoted phrases are never touched, and NOT and filters stay as they are, so every relaxed form
still honours them. The evaluator marks each hit with the first level that found it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from kb.search.analyzer import ranking_words
from kb.search.query import And, Filter, Node, Not, Or, SameDoc, Term
from kb.search.thesaurus import Thesaurus

MAX_WORDS = 6  # a longer term (a pasted sentence) is split into at most this many words


@dataclass
class Plan:
    """The relaxed nodes (None where a level changes nothing) and what each term became."""

    synonym: Node | None = None
    related: Node | None = None
    words: Node | None = None
    document: Node | None = None
    expansions: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)


def loose_terms(node: Node) -> list[str]:
    """Texts of the positive, unquoted terms: the ones relaxation may change."""
    out: list[str] = []

    def walk(n: Node) -> None:
        if isinstance(n, Term):
            if not n.quoted and n.text not in out:
                out.append(n.text)
        elif isinstance(n, (And, Or)):
            for c in n.children:
                walk(c)

    walk(node)
    return out


def rewrite(node: Node, fn: Callable[[Term], Node]) -> Node:
    """``node`` with each positive unquoted term replaced by ``fn(term)`` (NOT subtrees untouched)."""
    if isinstance(node, Term):
        return node if node.quoted else fn(node)
    if isinstance(node, (Filter, Not)):
        return node
    kids = tuple(rewrite(c, fn) for c in node.children)
    return And(kids) if isinstance(node, And) else SameDoc(kids) if isinstance(node, SameDoc) else Or(kids)


def _either(term: Term, others: list[Node]) -> Node:
    return Or((term, *others)) if others else term


def plan(node: Node, thesaurus: Thesaurus | None, region_keys: Collection[str] = ()) -> Plan:
    """The three relaxed forms of ``node`` (see the module docstring)."""
    out = Plan()
    terms = loose_terms(node)
    if not terms:
        return out
    variants = {t: thesaurus.variants(t) if thesaurus else [] for t in terms}
    out.expansions = {t: tuple(v) for t, v in variants.items() if v}
    syn = {t: [Term(v) for v, rel in vs if rel == "synonym"] for t, vs in variants.items()}
    allv = {t: [Term(v) for v, _rel in vs] for t, vs in variants.items()}
    if any(syn.values()):
        out.synonym = rewrite(node, lambda t: _either(t, syn[t.text]))  # type: ignore[arg-type]
    if any(len(allv[t]) > len(syn[t]) for t in terms):
        out.related = rewrite(node, lambda t: _either(t, allv[t.text]))  # type: ignore[arg-type]
    changed = False

    def split(t: Term) -> Node:
        nonlocal changed
        if t.text in region_keys:
            changed = True
            return Or((t, Filter("region", t.text)))
        words = split_words(t.text, thesaurus)
        if len(words) < 2:
            return t
        changed = True
        parts: list[Node] = []
        for w in words:
            ws = [Term(v) for v, rel in (thesaurus.variants(w) if thesaurus else []) if rel == "synonym"]
            parts.append(_either(Term(w), ws))  # type: ignore[arg-type]
        return And(tuple(parts))

    words_node = rewrite(node, split)
    if changed:
        out.words = words_node
    out.document = _same_document(node, lambda t: _either(t, syn[t.text] + _region(t, region_keys)))
    return out


def split_words(text: str, thesaurus: Thesaurus | None) -> list[str]:
    """The words of a term: thesaurus words where they occur (jieba cuts 首台套奖补 as 首台/套奖/补), jieba's between."""
    parts = thesaurus.parts(text) if thesaurus else []
    words: list[str] = []
    pos = 0
    for s, e, w in [*parts, (len(text), len(text), "")]:
        words += ranking_words(text[pos:s]) if s > pos else []
        if w:
            words.append(w)
        pos = e
    return list(dict.fromkeys(words))[:MAX_WORDS]


def _region(t: Term, region_keys: Collection[str]) -> list[Node]:
    return [Filter("region", t.text)] if t.text in region_keys else []


def _same_document(node: Node, widen: Callable[[Term], Node]) -> Node | None:
    """A top-level AND of two or more positive parts, as "all in the same document"."""
    if not isinstance(node, And):
        return None
    positive = [c for c in node.children if not isinstance(c, (Filter, Not))]
    if len(positive) < 2:
        return None
    rest = tuple(c for c in node.children if isinstance(c, (Filter, Not)))
    same = SameDoc(tuple(rewrite(c, widen) for c in positive))
    return And((same, *rest)) if rest else same

"""What to offer when a search finds nothing: a filter to drop, thesaurus terms, words that do occur.

Each suggestion is ``(kind, value, hits)``: ``drop_filter`` with ``"field:value"`` and the hits the
query would have without it; ``thesaurus`` with a variant of a query term and the passages holding
it; ``similar`` with a word of the library's vocabulary close to a query term (1-2 characters
differ: a typo, a short or long form) and the passages holding it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

from kb.search.engine import Evaluator
from kb.search.query import And, Filter, Node
from kb.search.relax import loose_terms, plan
from kb.search.thesaurus import Thesaurus

MAX_THESAURUS = 6
MAX_SIMILAR = 5
CANDIDATES = 60  # words most alike by shared character pairs, compared in full


class Vocabulary:
    """The library's words (jieba tokens of 2+ characters) with document frequencies, by character."""

    def __init__(self, words: Iterable[tuple[str, int]]) -> None:
        freq: dict[str, int] = {}
        for w, n in words:
            freq[w] = freq.get(w, 0) + n
        self.freq = freq
        self.by_gram: dict[str, list[str]] = {}
        for w in freq:
            for g in _grams(w):
                self.by_gram.setdefault(g, []).append(w)

    def closest(self, term: str, n: int = MAX_SIMILAR) -> list[str]:
        """Words sharing a character pair with ``term`` and alike to it, most alike first, then the most frequent."""
        shared = Counter(w for g in _grams(term) for w in self.by_gram.get(g, ()) if w != term
                         and abs(len(w) - len(term)) <= 2)
        scored = []
        for w, _k in shared.most_common(CANDIDATES):
            ratio = SequenceMatcher(None, term, w).ratio()
            if ratio >= 0.5:
                scored.append((-ratio, -self.freq[w], w))
        return [w for _r, _f, w in sorted(scored)[:n]]


def _grams(word: str) -> set[str]:
    return {word[i : i + 2] for i in range(len(word) - 1)} if len(word) > 1 else {word}


def _filters(node: Node) -> list[Filter]:
    if isinstance(node, Filter):
        return [node]
    if isinstance(node, And):
        return [c for c in node.children if isinstance(c, Filter)]
    return []


def _count(ev: Evaluator, node: Node, thesaurus: Thesaurus | None) -> int:
    """Passages the query would find, relaxed as the search would relax it."""
    n = sum(map(len, ev.run(node)))
    if n or thesaurus is None:
        return n
    p = plan(node, thesaurus)
    found: list[set[int]] = [set() for _ in ev.leaves]
    for relaxed in (p.synonym, p.related, p.words, p.document):
        if relaxed is not None:
            for have, scores in zip(found, ev.run(relaxed), strict=True):
                have.update(scores)
    return sum(map(len, found))


def suggestions(ev: Evaluator, node: Node, thesaurus: Thesaurus | None,
                vocabulary: Vocabulary | None) -> tuple[tuple[str, str, int], ...]:
    """Suggestions for a query ``node`` (filters included) that found nothing."""
    out: list[tuple[str, str, int]] = []
    for f in _filters(node):
        assert isinstance(node, And)
        rest = tuple(c for c in node.children if c is not f)
        if rest:
            n = _count(ev, rest[0] if len(rest) == 1 else And(rest), thesaurus)
            if n:
                out.append(("drop_filter", f"{f.field}:{f.value}", n))
    terms = loose_terms(node)
    seen = set(terms)
    if thesaurus is not None:
        for t in terms:
            cands = [v for v, _rel in thesaurus.variants(t)[:MAX_THESAURUS]]
            for _s, _e, part in thesaurus.parts(t):  # its words and their synonyms, which may occur on their own
                cands += [part, *[v for v, rel in thesaurus.variants(part) if rel == "synonym"][:MAX_THESAURUS]]
            counted = [(v, ev.count(v)) for v in dict.fromkeys(cands)]
            counted.sort(key=lambda x: -x[1])
            for v, n in counted[:MAX_THESAURUS]:
                if v not in seen:
                    seen.add(v)
                    out.append(("thesaurus", v, n))
    if vocabulary is not None:
        for t in terms:
            for w in _present(ev, vocabulary.closest(t), seen):
                out.append(("similar", w[0], w[1]))
    return tuple(out)


def _present(ev: Evaluator, words: Sequence[str], seen: set[str]) -> list[tuple[str, int]]:
    found = []
    for w in words:
        if w in seen:
            continue
        n = ev.count(w)
        if n:
            seen.add(w)
            found.append((w, n))
    return found

"""What to offer when a search finds nothing: a filter to drop, thesaurus terms, words that do occur.

Each suggestion is ``(kind, value, hits)``: ``drop_filter`` with ``"field:value"`` and the hits the
query would have without it; ``thesaurus`` with a variant of a query term and the passages holding
it; ``similar`` with a word of the library's vocabulary close to a query term (1-2 characters
differ: a typo, a short or long form) and the passages holding it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher

from kb.search.analyzer import ranking_words
from kb.search.engine import Evaluator
from kb.search.query import And, Filter, Node
from kb.search.relax import loose_terms, plan
from kb.search.segdata import find_gram
from kb.search.thesaurus import Thesaurus

MAX_THESAURUS = 6
MAX_SIMILAR = 5
CANDIDATES = 60  # the most frequent candidate words, compared in full
SAMPLE = 12  # passages read per character pair of the term
GRAMS = 3  # the term's rarest character pairs sampled


def closest_words(ev: Evaluator, term: str, n: int = MAX_SIMILAR) -> list[str]:
    """Words of the library alike to ``term`` (a typo, a short or long form), most alike first.

    Candidates come from a sample of the passages sharing a character pair with the term, cut
    into words by jieba: bounded work, no vocabulary to build.
    """
    grams = sorted({term[i : i + 2] for i in range(len(term) - 1)}, key=ev.df)[:GRAMS]  # a typo spares the rarest
    found: Counter[str] = Counter()
    for g in grams:
        taken = 0
        for leaf in ev.leaves:
            a, b = find_gram(leaf.seg, g)
            for d in leaf.seg.post[a : min(b, a + SAMPLE - taken)]:
                found.update(w for w in ranking_words(leaf.seg.passage_text(d))
                             if g in w and w not in term and abs(len(w) - len(term)) <= 2)
            taken += min(b - a, SAMPLE - taken)
            if taken >= SAMPLE:
                break
    scored = []
    for w, k in found.most_common(CANDIDATES):
        ratio = SequenceMatcher(None, term, w).ratio()
        if ratio >= 0.5:
            scored.append((-ratio, -k, w))
    return [w for _r, _k, w in sorted(scored)[:n]]


def _filters(node: Node) -> list[tuple[Filter, Node]]:
    """Each top-level filter with the query it leaves when dropped (a lone filter leaves nothing)."""
    if not isinstance(node, And):
        return []
    out: list[tuple[Filter, Node]] = []
    for f in node.children:
        rest = tuple(c for c in node.children if c is not f)
        if isinstance(f, Filter) and any(not isinstance(c, Filter) for c in rest):
            out.append((f, rest[0] if len(rest) == 1 else And(rest)))
    return out


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


def suggestions(ev: Evaluator, node: Node, thesaurus: Thesaurus | None) -> tuple[tuple[str, str, int], ...]:
    """Suggestions for a query ``node`` (filters included) that found nothing."""
    out: list[tuple[str, str, int]] = []
    for f, rest in _filters(node):
        n = _count(ev, rest, thesaurus)
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
    for t in terms:
        for w in _present(ev, closest_words(ev, t), seen):
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

"""Verbatim matches of terms, kept across the queries of one index generation.

A search re-runs its terms more often than it seems: a facet click, the grouped view, paging, the
suggestions of an empty result and an AND of words searched alone a moment ago all evaluate the
same terms again, and confirming a common term against every candidate passage is the costliest
part of a query. The matches of a term in a segment depend only on the segment and its
deletions, both fixed within a generation, so they are kept (least recently used first out)
until the index changes.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Sequence

Matches = tuple[array, bytes]  # ascending local docnums, and the count of the term's rarest gram in each

LIMIT = 2_000_000  # docnums kept in all (~10 MB); a term with more matches than this is not kept


class TermCache:
    """``(term, leaf number) -> Matches`` for one generation of the index."""

    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self.generation: object = None
        self._items: OrderedDict[tuple[str, int], Matches] = OrderedDict()
        self._size = 0

    def use(self, generation: object) -> None:
        """Start over when the index has changed since the cache was filled."""
        if generation != self.generation:
            self._items.clear()
            self._size = 0
            self.generation = generation

    def get(self, term: str, leaf: int) -> Matches | None:
        hit = self._items.get((term, leaf))
        if hit is not None:
            self._items.move_to_end((term, leaf))
        return hit

    def put(self, term: str, leaf: int, ids: Sequence[int], tfs: Sequence[int]) -> Matches:
        """Keep a term's matches in a leaf (unless they alone pass the limit); returns them as kept."""
        hit = (array("I", ids), bytes(tfs))
        if len(hit[0]) <= self.limit:
            self._items[(term, leaf)] = hit
            self._size += len(hit[0])
            while self._size > self.limit:
                _k, (old, _t) = self._items.popitem(last=False)
                self._size -= len(old)
        return hit

    def __len__(self) -> int:
        return len(self._items)

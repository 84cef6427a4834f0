"""The search backend interface the service holds (the architecture note's promise).

``kb.search.index.SearchIndex`` (Whoosh segments + Zhiku sidecars) is the one implementation; a
shared library served by another engine with a Chinese analyzer would implement the same methods.
Relaxation through the thesaurus is part of ``search`` because it needs the engine's own matching.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol, runtime_checkable

from kb.search.records import IndexedPassage, IndexResult
from kb.search.thesaurus import Thesaurus


@runtime_checkable
class SearchBackend(Protocol):
    readonly: bool  # opened without the write lock
    reset: bool  # an unreadable or old index was replaced by an empty one: re-index the store

    def add(self, passages: Iterable[IndexedPassage]) -> None:
        """Buffer passages in the one writer (visible after ``commit``)."""

    def delete_doc(self, doc_id: str) -> None:
        """Remove a document's passages, committed or still buffered."""

    def commit(self, *, merge: bool = True) -> None:
        """Make buffered changes visible."""

    def cancel(self) -> None:
        """Drop buffered changes."""

    def clear(self) -> None:
        """Remove every passage."""

    def search(self, query: str, *, limit: int = 20, filters: Mapping[str, str] | None = None,
               thesaurus: Thesaurus | None = None, relax: str = "auto", by_document: bool = False,
               per_doc: int = 3) -> IndexResult:
        """Ranked passages for a query in the search-box language (``QueryError`` on nonsense)."""

    def facets(self, filters: Mapping[str, str] | None = None) -> dict[str, list[tuple[str, int]]]:
        """Facet counts over the (filtered) library."""

    def doc_ids(self) -> set[str]:
        """Every indexed document (consistency checks)."""

    def passage_count(self) -> int:
        """Every indexed passage (consistency checks)."""

    def close(self) -> None:
        """Drop buffered changes and release files and locks."""

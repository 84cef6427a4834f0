"""Full-text search over passages (the only package that imports whoosh).

See docs/INTERFACES.md (kb/search) for the contract.
"""

from kb.search.analyzer import add_words, normalise
from kb.search.index import IndexedPassage, IndexResult, RawHit, SearchIndex
from kb.search.snippets import highlight_spans, make_snippet

__all__ = [
    "IndexResult",
    "IndexedPassage",
    "RawHit",
    "SearchIndex",
    "add_words",
    "highlight_spans",
    "make_snippet",
    "normalise",
]

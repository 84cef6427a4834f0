"""Full-text search over passages (only ``kb.search.whoosh_io`` imports whoosh).

See docs/INTERFACES.md (kb/search) for the contract: ``SearchBackend`` (``kb.search.backend``) is the
interface, ``SearchIndex`` its Whoosh implementation, ``build_result`` turns an index answer and
the store's rows into the ``SearchResult`` the UI shows.
"""

from kb.search.analyzer import add_words, normalise
from kb.search.backend import SearchBackend
from kb.search.index import SearchIndex
from kb.search.present import build_result
from kb.search.records import FACETS, MATCH_KINDS, REGION_SEP, UNDATED, IndexedPassage, IndexResult, RawHit
from kb.search.snippets import highlight_spans, make_snippet
from kb.search.thesaurus import Thesaurus, ThesaurusGroup

__all__ = [
    "FACETS",
    "MATCH_KINDS",
    "REGION_SEP",
    "UNDATED",
    "IndexResult",
    "IndexedPassage",
    "RawHit",
    "SearchBackend",
    "SearchIndex",
    "Thesaurus",
    "ThesaurusGroup",
    "add_words",
    "build_result",
    "highlight_spans",
    "make_snippet",
    "normalise",
]

"""Entity, link and region extraction (pure functions, no store)."""

from kb.extract.entities import extract_entities
from kb.extract.found import FoundEntity, FoundLink
from kb.extract.gazetteer import Gazetteer, Region, doc_region, region_keys
from kb.extract.lexicon import is_known_firm, lexicon_words

__all__ = [
    "FoundEntity",
    "FoundLink",
    "Gazetteer",
    "Region",
    "doc_region",
    "extract_entities",
    "is_known_firm",
    "lexicon_words",
    "region_keys",
]

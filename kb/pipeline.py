"""One file → everything the store and the index need, as a pure function.

Kept free of the store and the index so that it can run in a worker process: the parent only
writes. Extraction failures never lose the document: it is stored without entities and the
problem is logged.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from kb.errors import IngestError, ZhikuError
from kb.ingest import PreparedDoc, prepare

log = logging.getLogger(__name__)


@dataclass
class Processed:
    """A prepared document plus what extraction found in it."""

    doc: PreparedDoc
    region_chain: tuple[str, ...]
    region_keys: tuple[str, ...]
    entities: list = field(default_factory=list)  # kb.extract.entities.FoundEntity
    links: list = field(default_factory=list)  # kb.extract.entities.FoundLink
    measures: list = field(default_factory=list)  # kb.extract.measures.FoundMeasure
    extract_seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)


def region_of(doc: PreparedDoc) -> tuple[tuple[str, ...], tuple[str, ...]]:
    from kb.extract.gazetteer import doc_region, region_keys

    chain = tuple(doc_region(doc.title, doc.body, doc.source))
    return chain, tuple(region_keys(chain))


def extract_all(doc: PreparedDoc, chain: tuple[str, ...]) -> tuple[list, list, list, list[str]]:
    """Entities, links and measures; each extractor's failure is a warning, not a lost import."""
    warnings: list[str] = []
    entities: list = []
    links: list = []
    measures: list = []
    try:
        from kb.extract.entities import extract_entities

        entities, links = extract_entities(doc.body, chain)
    except Exception as exc:  # an extractor bug must not cost the user the document
        log.exception("entity extraction failed for %s", doc.name)
        warnings.append(f"entity extraction failed: {exc}")
    try:
        from kb.extract.measures import extract_measures

        measures = extract_measures(doc.body, chain)
    except Exception as exc:
        log.exception("measure extraction failed for %s", doc.name)
        warnings.append(f"measure extraction failed: {exc}")
    return list(entities), list(links), list(measures), warnings


def process_doc(doc: PreparedDoc) -> Processed:
    chain, keys = region_of(doc)
    t0 = time.perf_counter()
    entities, links, measures, warnings = extract_all(doc, chain)
    return Processed(doc, chain, keys, entities, links, measures, time.perf_counter() - t0, warnings)


def process_path(path: Path) -> Processed | IngestError:
    """The unit of work of an import; returns the error instead of raising so pools carry it."""
    try:
        return process_doc(prepare(path))
    except ZhikuError as exc:
        if isinstance(exc, IngestError):
            return exc
        return IngestError(str(path), str(exc))
    except MemoryError:
        return IngestError(str(path), "file too large to process")
    except Exception as exc:  # unknown reader failure: still one line, still the next file
        log.exception("unexpected failure importing %s", path)
        return IngestError(str(path), f"unexpected error: {type(exc).__name__}: {exc}")

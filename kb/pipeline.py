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
from typing import Any

from kb.errors import IngestError, ZhikuError
from kb.ingest import PreparedDoc, prepare, prepare_bytes

log = logging.getLogger(__name__)

MEMORY_LIMIT_MB: int | None = None  # set in an import worker whose address space is capped


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
    forms: list | None = None  # kb.search.forms.PassageForm per passage of doc.passages (None: the index makes them)


REGION_SAMPLE = 60_000  # characters of the body that decide a document's region


def region_of(doc: PreparedDoc) -> tuple[tuple[str, ...], tuple[str, ...]]:
    from kb.extract.gazetteer import doc_region, region_keys

    # The head of a document says what region it is about; the whole of a huge one costs quadratic time.
    chain = tuple(doc_region(doc.title, doc.body[:REGION_SAMPLE], doc.source, (doc.issuer, doc.site)))
    return chain, tuple(region_keys(chain))


EXTRACT_WINDOW = 20_000  # characters: the extractors grow faster than linearly with a document's mentions


def windows(body: str, size: int = EXTRACT_WINDOW) -> list[tuple[int, int]]:
    """Cut a long body at line ends into pieces of at most ``size`` characters (one piece if short)."""
    out, start = [], 0
    while len(body) - start > size:
        cut = body.rfind("\n", start + size // 2, start + size)
        cut = start + size if cut < 0 else cut + 1
        out.append((start, cut))
        start = cut
    out.append((start, len(body)))
    return out


def _shifted(entities: list, links: list, measures: list, offset: int) -> tuple[list, list, list]:
    from dataclasses import replace

    if not offset:
        return entities, links, measures
    ents = [replace(e, mentions=tuple((s + offset, t + offset) for s, t in e.mentions)) for e in entities]
    return (ents, [replace(x, start=x.start + offset, end=x.end + offset) for x in links],
            [replace(m, start=m.start + offset, end=m.end + offset) for m in measures])


def _merge_entities(entities: list) -> list:
    """One entity per (type, name) across windows: aliases and mentions united."""
    from dataclasses import replace

    merged: dict[tuple[str, str], Any] = {}
    for e in entities:
        key = (e.type, e.name)
        old = merged.get(key)
        if old is None:
            merged[key] = e
            continue
        chain = e.region_chain if len(e.region_chain) > len(old.region_chain) else old.region_chain
        merged[key] = replace(old, aliases=tuple(dict.fromkeys((*old.aliases, *e.aliases))),
                              region_chain=chain, mentions=(*old.mentions, *e.mentions))
    return list(merged.values())


def extract_all(doc: PreparedDoc, chain: tuple[str, ...]) -> tuple[list, list, list, list[str]]:
    """Entities, links and measures, window by window for long bodies (bounded time per window).

    A 繁體 body is read in Simplified, one character for one (the offsets stay), since the gazetteer
    and the lexicons are Simplified: converted once here, not per window."""
    from kb.extract.gazetteer import simplified

    body = simplified(doc.body)
    pieces = windows(body, EXTRACT_WINDOW)
    if len(pieces) == 1:
        return _extract_window(doc, body, chain)
    entities: list = []
    links: list = []
    measures: list = []
    warnings: list[str] = []
    for start, end in pieces:
        e, lk, m, w = _extract_window(doc, body[start:end], chain)
        e, lk, m = _shifted(e, lk, m, start)
        entities += e
        links += lk
        measures += m
        warnings += [x for x in w if x not in warnings]
    return _merge_entities(entities), links, measures, warnings


def _extract_window(doc: PreparedDoc, body: str, chain: tuple[str, ...]) -> tuple[list, list, list, list[str]]:
    """Each extractor's failure is a warning, not a lost import."""
    warnings: list[str] = []
    entities: list = []
    links: list = []
    measures: list = []
    try:
        from kb.extract.entities import extract_entities

        entities, links = extract_entities(body, chain)
    except Exception as exc:  # an extractor bug must not cost the user the document
        log.exception("entity extraction failed for %s", doc.name)
        warnings.append(f"entity extraction failed: {exc}")
    try:
        from kb.extract.measures import extract_measures

        measures = extract_measures(body, chain, doc_date=doc.date)
    except Exception as exc:
        log.exception("measure extraction failed for %s", doc.name)
        warnings.append(f"measure extraction failed: {exc}")
    return list(entities), list(links), list(measures), warnings


def process_doc(doc: PreparedDoc, *, forms: bool = True) -> Processed:
    """Extraction, then (``forms``) the passages' index forms: here, so that an import worker
    makes them and the importing process only writes."""
    chain, keys = region_of(doc)
    t0 = time.process_time()
    entities, links, measures, warnings = extract_all(doc, chain)
    seconds = time.process_time() - t0
    made = None
    try:
        from kb.search.forms import passage_forms

        made = None if not forms else passage_forms([doc.body[p.start:p.end] for p in doc.passages], doc.title,
                              [e.name for e in entities])
    except Exception:  # the index makes them itself
        log.exception("could not prepare the passages of %s for the index", doc.name)
    return Processed(doc, chain, keys, entities, links, measures, seconds, warnings, made)


def process_path(path: Path) -> Processed | IngestError:
    """The unit of work of an import; returns the error instead of raising so pools carry it."""
    try:
        return process_doc(prepare(path))
    except ZhikuError as exc:
        if isinstance(exc, IngestError):
            return exc
        return IngestError(str(path), str(exc))
    except MemoryError:
        reason = f"used more than {MEMORY_LIMIT_MB} MB" if MEMORY_LIMIT_MB else "file too large to process"
        return IngestError(str(path), reason)
    except Exception as exc:  # unknown reader failure: still one line, still the next file
        log.exception("unexpected failure importing %s", path)
        return IngestError(str(path), f"unexpected error: {type(exc).__name__}: {exc}")


# A short plan in the usual shape (a province, a city, an amount, a cap, a year, a platform): enough
# to load every dictionary and table the readers and extractors build on first use.
_WARM_TEXT = """关于印发贵州省遵义市加快数字经济发展实施方案的通知
发布日期：2023-03-15　来源：遵义市人民政府办公室
一、主要目标
到2025年，全市数字经济增加值突破1000亿元，建成5G基站8000个。
二、重点任务
（一）支持遵义经济技术开发区建设工业互联网平台，对新认定的省级平台给予最高100万元奖励。
（责任单位：市工业和信息化局、市财政局）
"""


def warm() -> None:
    """Process a built-in sample once, so that workers forked afterwards share the loaded
    dictionaries (copy-on-write) instead of each building its own (~0.4 s and ~60 MB apiece)."""
    # No forms: they would teach this process's tokenizer the sample's names.
    process_doc(prepare_bytes("warm.txt", _WARM_TEXT.encode("utf-8")), forms=False)


@dataclass(frozen=True)
class Failed:
    """An IngestError as it crosses the process boundary: ``IngestError(path, reason)`` does not
    survive pickling (its args are the joined message), which broke the whole pool."""

    path: str
    reason: str

    def error(self) -> IngestError:
        return IngestError(self.path, self.reason)

"""Reading the library: documents, search, entities and measures, as ``kb.models`` dataclasses.

Reads take no lock of their own: the store gives each thread its own connection and the search
index guards its view, so the app can read while an import writes.
"""

from __future__ import annotations

import gc
import json
import re
import threading
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from kb.errors import NotFoundError
from kb.extract.gazetteer import ZONE_SUFFIXES, is_park_zone, region_keys
from kb.extract.lexicon import domain_terms, lexicon_words
from kb.models import (
    Document,
    DocumentMentions,
    DocumentSummary,
    DocumentText,
    Entity,
    EntityPage,
    Measure,
    Mention,
    SearchResult,
    Stats,
)
from kb.search import SearchIndex, Thesaurus, add_words, build_result
from kb.search.present import passage_ids
from kb.store import Store
from kb.store.rows import doc_from_row, measure_from_row, removed_from_json
from kb.text import sentence_around

WARM_QUERY = "发展"  # in nearly every policy text: the warm-up search opens every segment's data


def mention_regions(documents: list[DocumentMentions]) -> tuple[str, ...]:
    """The most specific region of each document (a development zone's region, not the zone)."""
    out = []
    for d in documents:
        regions = [r for r in d.region_chain if not (r.endswith(ZONE_SUFFIXES) and is_park_zone(r))]
        if regions:
            out.append(regions[-1])
    return tuple(dict.fromkeys(out))


class Library:
    """Everything a user reads, over the store and the search index."""

    def __init__(self, store: Store, index: SearchIndex, kb_dir: Path) -> None:
        self.store = store
        self.index = index
        self.kb_dir = kb_dir
        self.thesaurus = Thesaurus.load(kb_dir)  # shipped groups + the user's <kb_dir>/thesaurus.json
        self._words_lock = threading.Lock()
        self._words_loaded = False

    def ensure_words(self) -> None:
        """Teach the tokenizer the domain lexicon and every known entity name (once per process)."""
        with self._words_lock:
            if self._words_loaded:
                return
            add_words([*lexicon_words(), *self.store.entities.names()])
            self._words_loaded = True
        # The dictionaries are large and live for the whole process: keep them out of every later
        # garbage collection (a full one cost ~25 ms in the middle of a search).
        gc.collect()
        gc.freeze()

    def warm(self) -> None:
        """Load everything the first search needs, so that it is as fast as later ones.

        The first search after opening used to pay for teaching the tokenizer every known word
        (~0.5 s at 10,000 documents), opening each index segment's data and word postings, and
        this thread's store connection. The app calls this in the background right after opening.
        """
        self.ensure_words()
        self.search(WARM_QUERY, limit=1)
        self.index.warm()

    # documents ----------------------------------------------------------------------------

    def documents(self) -> list[Document]:
        return self.store.documents.all()

    def document_summaries(self) -> list[DocumentSummary]:
        """Every document with its entity and measure counts (the library view's rows), counted in SQL."""
        entities = self.store.entities.per_document()
        measures = self.store.measures.per_document()
        return [DocumentSummary(d, entities.get(d.id, 0), measures.get(d.id, 0)) for d in self.documents()]

    def example_queries(self, limit: int = 2) -> list[str]:
        """Queries that find something in this library, for the search box's placeholder.

        Why from the library: a shipped example ("数据中心 region:贵州") finds nothing in a library
        of other provinces. The words are the domain terms its titles use most that do not occur in
        nearly every title; the region filter is the province most documents are about.
        """
        docs = self.documents()
        if not docs:
            return []
        docs = docs[:: max(1, len(docs) // 2000)]  # a sample is enough to find the common words
        found: dict[str, set[int]] = {}
        for i, d in enumerate(docs):  # one pass of one pattern over the titles, not every term × title
            for m in _domain_pattern().finditer(d.title):
                found.setdefault(m.group(), set()).add(i)
        counts = {t: len(ids) for t, ids in found.items() if len(ids) <= max(1, int(len(docs) * 0.8))}
        words = sorted(counts, key=lambda t: (-counts[t], -len(t), t))
        provinces: dict[str, int] = {}
        for d in docs:
            if d.region_chain:
                provinces[d.region_chain[0]] = provinces.get(d.region_chain[0], 0) + 1
        region = max(provinces, key=lambda r: (provinces[r], r)) if provinces else ""
        short = next((k for k in region_keys((region,)) if k != region), region) if region else ""
        out: list[str] = []
        for word in words:
            for query in ((f"{word} region:{short}",) if short and not out else ()) + (word,):
                if query not in out and self.search(query, limit=1).hits:
                    out.append(query)
                    break
            if len(out) >= limit:
                break
        return out

    def document(self, ref: str) -> Document | None:
        row = self.store.documents.row(ref)
        return doc_from_row(row) if row and row["status"] == "ok" else None

    def document_text(self, ref: str) -> DocumentText:
        row = self.store.documents.row(ref, with_text=True)
        if not row or row["status"] != "ok":
            raise NotFoundError(f"no document {ref!r}")
        passages = self.store.documents.passages(row["id"], row["body"])
        doc = doc_from_row(row | {"n_passages": len(passages)})
        headings = tuple((int(s), int(lv), str(t)) for s, lv, t in json.loads(row["headings"] or "[]"))
        return DocumentText(doc, row["body"], row["raw"], removed_from_json(row["removed"]), tuple(passages), headings)

    def region_documents(self, region: str) -> list[Document]:
        """Documents about ``region`` or anything beneath it (a city covers its districts)."""
        return [d for d in self.documents() if region in d.region_chain or region in region_keys(d.region_chain)]

    def stats(self) -> Stats:
        c = self.store.documents.counts()
        return Stats(c["documents"], c["passages"], c["chars"], self.store.entities.counts(),
                     self.store.measures.count(), self.store.notes.count(), str(self.kb_dir))

    # search -------------------------------------------------------------------------------

    def search(self, query: str, *, limit: int = 20, filters: Mapping[str, str] | None = None,
               by_document: bool = False, relax: str = "auto") -> SearchResult:
        """Ranked passages (or documents, ``by_document``) for ``query``; when nothing is found as typed,
        thesaurus and related matches, each hit saying how it matched (``relax="off"``: exact only)."""
        self.ensure_words()
        result = self.index.search(query, limit=limit, filters=filters, thesaurus=self.thesaurus, relax=relax,
                                   by_document=by_document)
        return build_result(query, result, self.store.documents.passage_rows(passage_ids(result)))

    # entities and measures ----------------------------------------------------------------

    def entities(self, *, type: str | None = None, region: str | None = None, text: str | None = None) -> list[Entity]:
        return self.store.entities.all(etype=type, region=region, text=text)

    def entity(self, ref: int | str) -> EntityPage | None:
        row = self.store.entities.row(ref)
        if row is None:
            return None
        ent = self.store.entities.get(row["id"])
        if ent is None:  # removed meanwhile
            return None
        links = self.store.entities.links(row["id"])
        mentions = self._with_sentences(self.store.entities.mentions(entity_id=row["id"]))
        names = {ent.name, *ent.aliases}
        rows = self.store.measures.rows(doc_ids={m.doc_id for m in mentions})
        measures = [m for m in map(measure_from_row, rows) if any(n in m.text for n in names)]
        documents = self._by_document(mentions)
        return EntityPage(ent, tuple(links), tuple(mentions), tuple(measures), tuple(documents),
                          mention_regions(documents))

    def entity_documents(self, ref: int | str) -> list[DocumentMentions]:
        """The documents that mention an entity, most mentions first (NotFoundError: no such entity)."""
        row = self.store.entities.row(ref)
        if row is None:
            raise NotFoundError(f"no entity {ref!r}")
        return self._by_document(self._with_sentences(self.store.entities.mentions(entity_id=row["id"])))

    def _by_document(self, mentions: list[Mention]) -> list[DocumentMentions]:
        groups: dict[str, list[Mention]] = {}
        for m in mentions:
            groups.setdefault(m.doc_id, []).append(m)
        out = []
        for doc_id, ms in groups.items():
            doc = self.document(doc_id)
            first = min(ms, key=lambda m: m.start)
            out.append(DocumentMentions(doc_id, ms[0].doc, doc.title if doc else ms[0].doc, doc.date if doc else None,
                                        doc.region_chain if doc else (), len(ms), first))
        out.sort(key=lambda d: (d.date or "", d.doc), reverse=True)  # newest first among equals
        return sorted(out, key=lambda d: -d.count)

    def _with_sentences(self, mentions: list[Mention]) -> list[Mention]:
        """Each mention with the sentence it stands in (one body read per document)."""
        bodies: dict[str, str] = {}
        out = []
        for m in mentions:
            if m.doc_id not in bodies:
                bodies[m.doc_id] = self.store.documents.body(m.doc_id)
            body = bodies[m.doc_id]
            s, e = sentence_around(body, m.start, m.end) if body else (m.start, m.end)
            out.append(Mention(m.entity_id, m.entity_type, m.entity_name, m.doc_id, m.doc, m.start, m.end, m.text,
                               body[s:e], s))
        return out

    def mentions_in(self, doc_ref: str) -> list[Mention]:
        row = self.store.documents.row(doc_ref)
        if not row:
            raise NotFoundError(f"no document {doc_ref!r}")
        return self.store.entities.mentions(doc_id=row["id"])

    def measures(self, *, region: str | None = None, kind: str | None = None, theme: str | None = None,
                 doc: str | None = None) -> list[Measure]:
        doc_ids: set[str] | None = {d.id for d in self.region_documents(region)} if region else None
        if doc:
            found = self.document(doc)
            if found is None:
                raise NotFoundError(f"no document {doc!r}")
            doc_ids = {found.id} if doc_ids is None else doc_ids & {found.id}
        return [measure_from_row(r) for r in self.store.measures.rows(doc_ids=doc_ids, kind=kind, theme=theme)]


@lru_cache(maxsize=1)
def _domain_pattern() -> re.Pattern[str]:
    """The domain lexicon's terms of two characters or more, longest first, as one alternation."""
    terms = sorted({t for t in domain_terms() if len(t) >= 2}, key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in terms))

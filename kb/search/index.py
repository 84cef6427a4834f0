"""The search index: Whoosh segments plus one Zhiku sidecar per segment.

Whoosh owns the segments (a passage is an empty Whoosh document: its docnum), deletions,
generations and the writer lock; ids live in the sidecars, and ``delete_doc`` finds a document's
docnums there. Matching, whole-word ranking, facets and filters run on the sidecars (``kb.search.segdata``): written inside Whoosh's commit, just before the
TOC, by our merge policy, which knows the new segment's docnum order (added passages, then the
live passages of each merged segment). Sidecars are mapped lazily and cached by segment id.
"""

from __future__ import annotations

import gc
import json
import logging
import struct
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from itertools import compress
from pathlib import Path

from kb.errors import QueryError, ReadOnlyError, ZhikuError
from kb.search import whoosh_io as wio
from kb.search.analyzer import normalise
from kb.search.engine import RATIO_TABLES, Evaluator, Leaf, count_facets, facet_tables, rank_names
from kb.search.forms import matching_form, passage_form
from kb.search.query import And, Node, make_filter, parse, positive_terms
from kb.search.records import (
    FACETS,
    FILTER_KEYS,
    IndexedPassage,
    IndexResult,
    facet_regions,
    filter_keys,
    region_paths,
)
from kb.search.searcher import RELAX_MODES, Options, region_keys, run
from kb.search.segdata import Batch, DocRec, SegData, doc_rec, sidecar_ok, sidecar_path, write_segment
from kb.search.suggest import suggestions
from kb.search.termcache import TermCache
from kb.search.textform import squeeze
from kb.search.thesaurus import Thesaurus

log = logging.getLogger(__name__)

SCHEMA_VERSION = 5  # 3: sidecar segments, no grams/text/meta in Whoosh; 4: squeezed text, noise spans, issuer;
# 5: word postings in the sidecar, not in Whoosh
_VERSION_FILE = "zhiku_search.json"
_LOCK_TIMEOUT = 3.0
@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic GC while a query runs: its many short-lived lists would trigger collections
    that promote them and soon force a full collection (tens of ms in a big process).
    They are all freed by reference counting before GC is switched back on."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


class SearchIndex:
    """Whoosh index + sidecars in ``directory``: one buffered writer, fresh view after commits.

    Writes must be serialised by the caller (the service has one writer thread).
    ``readonly=True`` never takes the write lock. ``reset`` is True when an index of an older
    format (or with a missing sidecar) was found and replaced by an empty one: re-index.
    """

    def __init__(self, directory: Path, *, readonly: bool = False) -> None:
        self.directory = Path(directory)
        self.readonly = readonly
        self.reset = False
        self._writer: wio.Writer | None = None
        self._batch = Batch()
        self._pending: dict[str, set[int]] = {}  # doc_id -> passage ids added in this batch
        self._late_deletes: set[int] = set()  # passage ids added then deleted in this batch
        self._docrecs: dict[tuple, DocRec] = {}
        self._ets: dict[tuple[str, ...], tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._segs: dict[str, SegData] = {}  # segment id -> mapped sidecar
        self._gen = -2
        self._view: list[Leaf] = []
        self._names: list[str] = []  # every document name of the view, sorted (doc facet order)
        self._regions: tuple[int, frozenset[str]] | None = None
        self._cache = TermCache()  # term matches of the current generation, across queries
        self._lock = threading.RLock()
        self._ix = self._open()

    # ------------------------------------------------------------ open / close

    def _version_ok(self) -> bool:
        try:
            data = json.loads((self.directory / _VERSION_FILE).read_text("utf-8"))
        except (OSError, ValueError):
            return False
        return isinstance(data, dict) and data.get("schema") == SCHEMA_VERSION

    def _complete(self, ix: wio.Index) -> bool:
        """Every segment of the current generation has its sidecar."""
        return all(sidecar_ok(sidecar_path(self.directory, s.segment_id())) for s in wio.segments(ix))

    def _open(self) -> wio.Index | None:
        d = self.directory
        exists = wio.exists(d)
        if exists and self._version_ok():
            try:
                ix = wio.open_index(d, readonly=self.readonly)
                if self._complete(ix):
                    return ix
                log.warning("search index %s lacks segment data", d)
            except Exception as exc:  # corrupt or foreign TOC: rebuild below
                log.warning("cannot open search index %s: %s", d, exc)
        if self.readonly:
            return None
        if exists:
            log.warning("search index in %s has an old format; it is rebuilt empty", d)
            self.reset = True
        try:
            d.mkdir(parents=True, exist_ok=True)
            ix = wio.create_index(d)
            (d / _VERSION_FILE).write_text(json.dumps({"schema": SCHEMA_VERSION}), "utf-8")
        except OSError as exc:
            raise ZhikuError(f"无法创建检索索引 / cannot create the search index in {d}: {exc}") from exc
        return ix

    def close(self) -> None:
        """Drop uncommitted changes and release files and the lock."""
        with self._lock:
            self.cancel()
            self._drop_view()
            if self._ix is not None:
                self._ix.close()

    def _drop_view(self) -> None:
        self._segs.clear()
        self._view = []
        self._gen = -2

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ writing

    def _w(self) -> wio.Writer:
        if self.readonly or self._ix is None:
            raise ReadOnlyError("检索索引以只读方式打开 / the search index is open read-only")
        if self._writer is None:
            try:
                self._writer = wio.open_writer(self._ix, _LOCK_TIMEOUT)
            except wio.LockError as exc:
                raise ReadOnlyError(
                    "检索索引正被另一个运行中的程序写入 / the search index is locked by another "
                    f"running process ({self.directory})"
                ) from exc
        return self._writer

    def _doc_rec(self, p: IndexedPassage) -> DocRec:
        key = (p.doc_id, p.doc_name, p.region_keys, p.year, p.kind, p.region_chain, p.issuer, p.doc_number)
        rec = self._docrecs.get(key)
        if rec is None:
            year = "" if p.year is None else str(p.year)
            regions = region_paths(p.region_chain) if p.region_chain else facet_regions(p.region_keys)
            rec = doc_rec(p.doc_id, p.doc_name, normalise(p.doc_name), regions,
                          filter_keys((*p.region_keys, *p.region_chain)), year, p.kind,
                          (p.issuer or "").strip(), (p.doc_number or "").strip(), squeeze(normalise(p.title)))
            self._docrecs[key] = rec
        return rec

    def _types(self, entity_types: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """A passage's entity types and their filter keys (few distinct sets: cached)."""
        ets = self._ets.get(entity_types)
        if ets is None:
            types = tuple(t for t in dict.fromkeys(entity_types) if t)
            ets = self._ets[entity_types] = (types, filter_keys(types))
        return ets

    def add(self, passages: Iterable[IndexedPassage]) -> None:
        """Analyse and buffer passages in the open writer (visible after ``commit``)."""
        with self._lock:
            w = self._w()
            titles: dict[str, str] = {}
            for p in passages:
                pid = p.passage_id
                form = p.form
                if form is None:
                    title = titles.get(p.title)
                    if title is None:
                        title = titles[p.title] = matching_form(p.title)
                    form = passage_form(p.text, title)
                wio.add_passage(w)
                self._batch.add(p.passage_id, form.text, self._doc_rec(p), self._types(p.entity_types), form.noise,
                                form.words)
                self._pending.setdefault(p.doc_id, set()).add(pid)
                self._late_deletes.discard(pid)

    def delete_doc(self, doc_id: str) -> None:
        """Remove a document's passages: committed ones and ones added earlier in this batch."""
        with self._lock:
            w = self._w()
            for docnum in self._committed(w, lambda seg: _passages_of(seg, doc_id)):
                wio.delete_docnum(w, docnum)
            # Whoosh cannot delete documents still in the writer's pool: do it after commit.
            self._late_deletes.update(self._pending.pop(doc_id, set()))

    def _committed(self, w: wio.Writer, find: Callable[[SegData], Iterable[int]]) -> Iterator[int]:
        """Whoosh docnums, in the writer's committed segments, of the local docnums ``find`` picks
        in each sidecar (Whoosh holds no ids since schema 5's passages became empty documents)."""
        offset = 0
        for seg in wio.writer_segments(w):
            for d in find(self._seg(seg.segment_id())):
                yield offset + d
            offset += seg.doc_count_all()

    def _write_sidecar(self, segment_id: str, olds: Sequence[tuple[str, list[int] | None]], docnum: int) -> None:
        """Write the new segment's sidecar inside Whoosh's commit, before its TOC names the segment."""
        batch = self._batch
        if not len(batch) and not olds:
            return
        parts = [(self._seg(sid), live) for sid, live in olds]
        n = write_segment(sidecar_path(self.directory, segment_id), batch, parts)
        if n != docnum:
            raise ZhikuError(f"search index segment mismatch: {n} passages vs {docnum} documents")

    def _forget(self, segment_id: str) -> None:
        self._segs.pop(segment_id, None)  # merged away: its decoded text is no longer needed

    def commit(self, *, merge: bool = True) -> None:
        """Make the batch visible. ``merge=False`` skips merging small segments (faster now, slower later)."""
        with self._lock:
            if self._writer is None:
                return
            w, self._writer = self._writer, None
            late, self._late_deletes = self._late_deletes, set()
            try:
                self._commit(w, merge)
            finally:
                self._batch = Batch()
                self._pending = {}
            if late:
                w2 = self._w()
                for docnum in self._committed(w2, lambda seg: compress(range(seg.n), map(late.__contains__, seg.pid))):
                    wio.delete_docnum(w2, docnum)
                self._writer = None
                self._commit(w2, merge)

    def _commit(self, w: wio.Writer, merge: bool) -> None:
        try:
            wio.commit(w, wio.merge_policy(merge, self._write_sidecar, self._forget))
        finally:
            self._gen, self._view = -2, []  # the next read takes the new generation

    def cancel(self) -> None:
        """Drop everything added or deleted since the last commit."""
        with self._lock:
            if self._writer is not None:
                w, self._writer = self._writer, None
                w.cancel()
            self._batch = Batch()
            self._pending = {}
            self._late_deletes = set()

    def clear(self) -> None:
        """Remove every passage (committed at once)."""
        with self._lock:
            self.cancel()
            w = self._w()
            self._writer = None
            wio.commit_cleared(w)

    # ------------------------------------------------------------ reading

    def _seg(self, segment_id: str) -> SegData:
        data = self._segs.get(segment_id)
        if data is None:
            path = sidecar_path(self.directory, segment_id)
            try:
                data = SegData(path)
            except (KeyError, TypeError, IndexError, struct.error) as exc:  # damaged header
                raise ValueError(f"{path.name}: damaged segment data ({exc})") from exc
            self._segs[segment_id] = data
        return data

    def _refresh(self) -> list[Leaf]:
        """The current generation's segments as leaves (sidecars cached by segment id)."""
        if self._ix is None:
            if not self.readonly:
                return []
            self._ix = self._open()  # a writer may have created it since
            if self._ix is None:
                return []
        gen = self._ix.latest_generation()
        if gen == self._gen:
            return self._view
        for attempt in range(3):
            try:
                segments = wio.segments(self._ix)
                leaves, offset = [], 0
                for seg in segments:
                    leaves.append(Leaf(self._seg(seg.segment_id()), offset, wio.deleted_set(seg)))
                    offset += seg.doc_count_all()
                break
            except (OSError, ValueError) as exc:  # a writer replaced the generation meanwhile
                if attempt == 2:
                    raise ZhikuError(f"检索索引无法读取 / cannot read the search index: {exc}") from exc
                gen = self._ix.latest_generation()
        current = {s.segment_id() for s in segments}
        for sid in [s for s in self._segs if s not in current]:
            del self._segs[sid]
        self._names = rank_names(leaves)
        self._gen, self._view = gen, leaves
        return leaves

    def warm(self) -> None:
        """Build now what the first searches would otherwise build: every segment's score tables
        for the commonest counts (``SegData.ratios``) and the view's facet tables."""
        with self._lock:
            leaves = self._refresh()
            for leaf in leaves:
                for tf in range(1, RATIO_TABLES + 1):
                    leaf.seg.ratios(tf)
            if leaves and leaves[0].facet_ids is None:
                facet_tables(leaves)

    def search(
        self, query: str, *, limit: int = 20, filters: Mapping[str, str] | None = None,
        thesaurus: Thesaurus | None = None, relax: str = "auto", by_document: bool = False, per_doc: int = 3,
    ) -> IndexResult:
        """Top ``limit`` passages (or documents, ``by_document``), the total, facets over all matches,
        and terms to highlight; relaxed through ``thesaurus`` when nothing is found as typed
        (``kb.search.searcher``), with suggestions when even that finds nothing."""
        if relax not in RELAX_MODES:
            raise QueryError(f"未知的放宽方式：{relax} / relax must be one of {RELAX_MODES}")
        node = self._with_filters(parse(query), filters)
        assert node is not None
        with self._lock, _gc_paused():
            leaves = self._refresh()
            if not leaves:
                return IndexResult([], 0, {f: [] for f in FACETS}, positive_terms(node), by_document=by_document)
            if self._regions is None or self._regions[0] != self._gen:
                self._regions = (self._gen, frozenset(region_keys(leaves)))
            self._cache.use(self._gen)
            opts = Options(limit, thesaurus, relax, by_document, per_doc, self._regions[1], self._cache)
            result = run(leaves, self._names, node, opts)
            if result.total == 0 and relax != "off":
                tips = suggestions(Evaluator(leaves, self._cache), node, thesaurus)
                result = replace(result, suggestions=tips)
        return result

    def facets(self, filters: Mapping[str, str] | None = None) -> dict[str, list[tuple[str, int]]]:
        """Facet counts over every passage (of the filtered library): the library view's sidebar."""
        node = self._with_filters(None, filters)
        with self._lock, _gc_paused():
            leaves = self._refresh()
            if not leaves:
                return {f: [] for f in FACETS}
            if node is None:
                per_leaf = [dict.fromkeys(leaf.live, 0.0) for leaf in leaves]
            else:
                self._cache.use(self._gen)
                per_leaf = Evaluator(leaves, self._cache).run(node)
            return count_facets(leaves, per_leaf, self._names)

    @staticmethod
    def _with_filters(node: Node | None, filters: Mapping[str, str] | None) -> Node | None:
        extra: list[Node] = []
        for key, value in (filters or {}).items():
            if key not in FILTER_KEYS:
                raise QueryError(f"未知筛选条件：{key} / unknown filter {key!r}")
            if value is None or str(value).strip() == "":
                continue
            extra.append(make_filter(key, str(value)))
        if not extra:
            return node
        parts = (node, *extra) if node is not None else tuple(extra)
        return parts[0] if len(parts) == 1 else And(parts)

    def doc_ids(self) -> set[str]:
        with self._lock:
            out: set[str] = set()
            for leaf in self._refresh():
                ids = leaf.seg.doc_ids
                if leaf.deleted:
                    out.update(map(ids.__getitem__, set(map(leaf.seg.pdoc.__getitem__, leaf.live))))
                else:
                    out.update(ids)
            return out

    def passage_count(self) -> int:
        with self._lock:
            return sum(leaf.n_live for leaf in self._refresh())

    def segment_count(self) -> int:
        """Number of segments (merging keeps it small; tests and diagnostics)."""
        with self._lock:
            return len(self._refresh())


def _passages_of(seg: SegData, doc_id: str) -> Iterable[int]:
    """Local docnums of a document's passages in one segment (none: most segments)."""
    ords = {i for i, d in enumerate(seg.doc_ids) if d == doc_id}
    if not ords:
        return ()
    return compress(range(seg.n), map(ords.__contains__, seg.pdoc))

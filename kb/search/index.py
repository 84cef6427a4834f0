"""The Whoosh index over passages: one Whoosh document per passage.

Besides the postings, each passage keeps two columns: its normalised text
(``text``, to confirm verbatim matches) and ``meta`` (ids and facet values).
Both are loaded once per segment into memory, so confirming a candidate or
counting facets over all matches is a list lookup, never a stored-field read.
"""

from __future__ import annotations

import heapq
import json
import logging
import threading
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from whoosh import columns, fields, index, writing
from whoosh.codec.whoosh3 import W3Codec
from whoosh.index import LockError
from whoosh.searching import Searcher

from kb.errors import QueryError, ReadOnlyError, ZhikuError
from kb.search.analyzer import GramsField, WordsField, normalise
from kb.search.engine import Evaluator, Leaf, load_leaf
from kb.search.query import And, Node, make_filter, parse, positive_terms

log = logging.getLogger(__name__)

SCHEMA_VERSION = 2
_VERSION_FILE = "zhiku_search.json"
_SEP_FIELD = "\x1e"
_SEP_VALUE = "\x1f"
FACETS = ("region", "doc", "year", "kind", "entity_type")
FILTER_KEYS = FACETS
_LOCK_TIMEOUT = 3.0
_WRITER_LIMITMB = 192


class FastCodec(W3Codec):
    """Whoosh's codec minus per-posting length statistics.

    Those feed block-max BM25 skipping, which the engine does not use, and cost
    a column lookup per posting at commit (a quarter of the indexing time).
    """

    length_stats = False

    def __init__(self) -> None:
        super().__init__(blocklimit=256)


@dataclass(frozen=True)
class IndexedPassage:
    passage_id: int
    doc_id: str
    text: str  # passage text from the body; normalised here
    doc_name: str
    title: str
    section: str
    region_keys: tuple[str, ...]
    year: int | None
    kind: str
    entity_types: tuple[str, ...]


@dataclass(frozen=True)
class RawHit:
    passage_id: int
    doc_id: str
    score: float


@dataclass(frozen=True)
class IndexResult:
    hits: list[RawHit]
    total: int
    facets: dict[str, list[tuple[str, int]]]
    terms: tuple[str, ...]


def _schema() -> fields.Schema:
    return fields.Schema(
        passage_id=fields.ID(stored=True, unique=True),
        doc_id=fields.ID(stored=True),
        words=WordsField(),
        grams=GramsField(),
        region=fields.KEYWORD(commas=True),
        doc=fields.ID,
        year=fields.ID,
        kind=fields.ID,
        entity_type=fields.KEYWORD(commas=True),
        text=fields.COLUMN(columns.VarBytesColumn()),
        meta=fields.COLUMN(columns.VarBytesColumn()),
    )


def facet_regions(keys: Iterable[str]) -> list[str]:
    """Region keys worth a facet row: drop short forms of a longer key (江西 of 江西省)."""
    keys = [k for k in dict.fromkeys(keys) if k]
    return [k for k in keys if not any(o != k and o.startswith(k) for o in keys)]


def _clean(v: str) -> str:
    return v.replace(_SEP_FIELD, " ").replace(_SEP_VALUE, " ")


def _meta(p: IndexedPassage) -> bytes:
    parts = [
        str(p.passage_id),
        _clean(p.doc_id),
        _SEP_VALUE.join(_clean(r) for r in facet_regions(p.region_keys)),
        _clean(p.doc_name),
        "" if p.year is None else str(p.year),
        _clean(p.kind),
        _SEP_VALUE.join(_clean(t) for t in dict.fromkeys(p.entity_types) if t),
    ]
    return _SEP_FIELD.join(parts).encode("utf-8")


def _decode_meta(b: bytes) -> tuple[str, ...]:
    return tuple(b.decode("utf-8").split(_SEP_FIELD))


def _facet_pairs(row: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The (facet, value) pairs one passage contributes to the facet counts."""
    pairs: list[tuple[str, str]] = [("region", r) for r in row[2].split(_SEP_VALUE) if r]
    pairs.append(("doc", row[3]))
    if row[4]:
        pairs.append(("year", row[4]))
    pairs.append(("kind", row[5]))
    pairs.extend(("entity_type", t) for t in row[6].split(_SEP_VALUE) if t)
    return tuple(pairs)


def _keywords(values: Iterable[str]) -> str:
    return ",".join(normalise(v).replace(",", " ").strip() for v in dict.fromkeys(values) if v.strip())


class SearchIndex:
    """Whoosh index in ``directory``: one buffered writer, fresh searcher after commits.

    Writes must be serialised by the caller (the service has one writer thread).
    ``readonly=True`` never takes the write lock. ``reset`` is True when an index
    of an older schema was found and replaced by an empty one: the caller must
    re-index.
    """

    def __init__(self, directory: Path, *, readonly: bool = False) -> None:
        self.directory = Path(directory)
        self.readonly = readonly
        self.reset = False
        self._writer: writing.SegmentWriter | None = None
        self._pending: dict[str, set[str]] = {}  # doc_id -> passage ids added in this batch
        self._late_deletes: set[str] = set()  # passage ids added then deleted in this batch
        self._searcher: Searcher | None = None
        self._leaves: dict[object, Leaf] = {}  # segment id -> loaded columns
        self._lock = threading.RLock()
        self._ix = self._open()

    # ------------------------------------------------------------ open / close

    def _version_ok(self) -> bool:
        try:
            data = json.loads((self.directory / _VERSION_FILE).read_text("utf-8"))
        except (OSError, ValueError):
            return False
        return isinstance(data, dict) and data.get("schema") == SCHEMA_VERSION

    def _open(self) -> index.Index | None:
        d = self.directory
        exists = d.is_dir() and index.exists_in(str(d))
        if self.readonly:
            if exists and self._version_ok():
                try:
                    return index.open_dir(str(d), readonly=True)
                except Exception as exc:  # unreadable TOC: treat as absent
                    log.warning("cannot open search index %s read-only: %s", d, exc)
            return None
        if exists and self._version_ok():
            try:
                return index.open_dir(str(d))
            except Exception as exc:  # corrupt or foreign TOC: rebuild below
                log.warning("cannot open search index %s (%s); it is rebuilt empty", d, exc)
        if exists:
            log.warning("search index in %s has an old schema; it is rebuilt empty", d)
            self.reset = True
        try:
            d.mkdir(parents=True, exist_ok=True)
            ix = index.create_in(str(d), _schema())
            (d / _VERSION_FILE).write_text(json.dumps({"schema": SCHEMA_VERSION}), "utf-8")
        except OSError as exc:
            raise ZhikuError(f"无法创建检索索引 / cannot create the search index in {d}: {exc}") from exc
        return ix

    def close(self) -> None:
        """Drop uncommitted changes and release files and the lock."""
        with self._lock:
            self.cancel()
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
            if self._ix is not None:
                self._ix.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ writing

    def _w(self) -> writing.SegmentWriter:
        if self.readonly or self._ix is None:
            raise ReadOnlyError("检索索引以只读方式打开 / the search index is open read-only")
        if self._writer is None:
            try:
                # procs=1: a killed multi-process writer leaves workers holding the lock.
                self._writer = self._ix.writer(
                    procs=1,
                    limitmb=_WRITER_LIMITMB,
                    timeout=_LOCK_TIMEOUT,
                    delay=0.1,
                    codec=FastCodec(),
                )
            except LockError as exc:
                raise ReadOnlyError(
                    "检索索引正被另一个运行中的程序写入 / the search index is locked by another "
                    f"running process ({self.directory})"
                ) from exc
        return self._writer

    def add(self, passages: Iterable[IndexedPassage]) -> None:
        """Analyse and buffer passages in the open writer (visible after ``commit``)."""
        with self._lock:
            w = self._w()
            for p in passages:
                pid = str(p.passage_id)
                text = normalise(p.text)
                w.add_document(
                    passage_id=pid,
                    doc_id=p.doc_id,
                    words=text,
                    grams=text,
                    text=text.encode("utf-8"),
                    region=_keywords(p.region_keys),
                    doc=normalise(p.doc_name),
                    year="" if p.year is None else str(p.year),
                    kind=p.kind.lower(),
                    entity_type=_keywords(p.entity_types),
                    meta=_meta(p),
                )
                self._pending.setdefault(p.doc_id, set()).add(pid)
                self._late_deletes.discard(pid)

    def delete_doc(self, doc_id: str) -> None:
        """Remove a document's passages: committed ones and ones added earlier in this batch."""
        with self._lock:
            w = self._w()
            w.delete_by_term("doc_id", doc_id)
            # Whoosh cannot delete documents still in the writer's pool: do it after commit.
            self._late_deletes.update(self._pending.pop(doc_id, set()))

    def commit(self, *, merge: bool = True) -> None:
        """Make the batch visible. ``merge=False`` skips merging small segments (faster now, slower later)."""
        with self._lock:
            if self._writer is None:
                return
            w, self._writer = self._writer, None
            late, self._late_deletes = self._late_deletes, set()
            self._pending = {}
            w.commit(merge=merge)
            if late:
                w2 = self._w()
                for pid in late:
                    w2.delete_by_term("passage_id", pid)
                self._writer = None
                w2.commit(merge=merge)

    def cancel(self) -> None:
        """Drop everything added or deleted since the last commit."""
        with self._lock:
            if self._writer is not None:
                w, self._writer = self._writer, None
                w.cancel()
            self._pending = {}
            self._late_deletes = set()

    def clear(self) -> None:
        """Remove every passage (committed at once)."""
        with self._lock:
            self.cancel()
            w = self._w()
            self._writer = None
            w.commit(mergetype=writing.CLEAR)
            self._leaves.clear()

    # ------------------------------------------------------------ reading

    def _get_searcher(self) -> Searcher | None:
        if self._ix is None:
            if not self.readonly:
                return None
            self._ix = self._open()  # a writer may have created it since
            if self._ix is None:
                return None
        s = self._searcher
        if s is not None and self._ix.latest_generation() == s.reader().generation():
            return s
        if s is not None:
            s.close()
        # Not Searcher.refresh(): a fresh reader is simple and correct after merges.
        self._searcher = self._ix.searcher()
        return self._searcher

    def _load_leaves(self, s: Searcher) -> list[Leaf]:
        """Per segment: its reader, docnum offset and columns (cached by segment id)."""
        out: list[Leaf] = []
        keep: dict[object, Leaf] = {}
        for sub, offset in s.leaf_searchers():
            r = sub.reader()
            seg = r.segment() if hasattr(r, "segment") else None
            if seg is None:
                continue  # an empty index
            key = seg.segment_id()
            cached = self._leaves.get(key)
            if cached is None:
                cached = load_leaf(r, offset, _decode_meta, _facet_pairs)
            leaf = Leaf(r, offset, cached.texts, cached.meta, cached.avg_len, cached.facets, cached.norms)
            keep[key] = leaf
            out.append(leaf)
        self._leaves = keep
        return out

    def search(
        self, query: str, *, limit: int = 20, filters: Mapping[str, str] | None = None
    ) -> IndexResult:
        """Top ``limit`` passages, the total, facets over all matches, and terms to highlight."""
        node = parse(query)
        extra: list[Node] = []
        for key, value in (filters or {}).items():
            if key not in FILTER_KEYS:
                raise QueryError(f"未知筛选条件：{key} / unknown filter {key!r}")
            if value is None or str(value).strip() == "":
                continue
            extra.append(make_filter(key, str(value)))
        if extra:
            node = And((node, *extra))
        terms = positive_terms(node)
        with self._lock:
            s = self._get_searcher()
            leaves = self._load_leaves(s) if s is not None else []
            if s is None or not leaves:
                return IndexResult([], 0, {f: [] for f in FACETS}, terms)
            scores = Evaluator(leaves, s.doc_count()).run(node)
            top = heapq.nlargest(max(limit, 0), scores.items(), key=lambda kv: (kv[1], -kv[0]))
            return IndexResult(
                hits=[self._hit(leaves, d, sc) for d, sc in top],
                total=len(scores),
                facets=self._facets(leaves, scores),
                terms=terms,
            )

    @staticmethod
    def _row(leaves: list[Leaf], docnum: int) -> tuple[str, ...]:
        for leaf in reversed(leaves):
            if docnum >= leaf.offset:
                return leaf.meta[docnum - leaf.offset]
        raise IndexError(docnum)  # pragma: no cover

    def _hit(self, leaves: list[Leaf], docnum: int, score: float) -> RawHit:
        row = self._row(leaves, docnum)
        return RawHit(passage_id=int(row[0]), doc_id=row[1], score=round(float(score), 6))

    def _facets(self, leaves: list[Leaf], docnums: Iterable[int]) -> dict[str, list[tuple[str, int]]]:
        if len(leaves) == 1:
            rows = leaves[0].facets
            pairs = chain.from_iterable(rows[d] for d in docnums)
        else:
            pairs = chain.from_iterable(self._facet_row(leaves, d) for d in docnums)
        counts = Counter(pairs)
        out: dict[str, list[tuple[str, int]]] = {f: [] for f in FACETS}
        for (facet, value), n in counts.items():
            out[facet].append((value, n))
        for rows_ in out.values():
            rows_.sort(key=lambda kv: (-kv[1], kv[0]))
        return out

    @staticmethod
    def _facet_row(leaves: list[Leaf], docnum: int) -> tuple[tuple[str, str], ...]:
        for leaf in reversed(leaves):
            if docnum >= leaf.offset:
                return leaf.facets[docnum - leaf.offset]
        raise IndexError(docnum)  # pragma: no cover

    def doc_ids(self) -> set[str]:
        with self._lock:
            s = self._get_searcher()
            if s is None:
                return set()
            leaves = self._load_leaves(s)
            return {self._row(leaves, d)[1] for d in s.reader().all_doc_ids()}

    def passage_count(self) -> int:
        with self._lock:
            s = self._get_searcher()
            return 0 if s is None else s.doc_count()

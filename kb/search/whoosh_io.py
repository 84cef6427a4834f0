"""Everything that touches Whoosh, public or private, lives here and nowhere else.

Whoosh keeps the segments, deletions (by docnum), generations and the writer lock;
the rest of ``kb.search`` sees plain functions over opaque ``Index``, ``Writer`` and ``Segment``
objects. The private parts used (``Index._segments``, a merge policy's view of
``writer.newsegment``/``writer.docnum``, ``writer.segments``) are pinned by the ``whoosh`` version in pyproject and
checked by tests/search. Word postings live in the sidecars (``kb.search.segdata``) since
schema 5: Whoosh's per-posting pool and writer cost the import more than anything else.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from whoosh import fields, index, writing
from whoosh.analysis import Tokenizer
from whoosh.codec.whoosh3 import W3Codec
from whoosh.index import Index, LockError
from whoosh.reading import SegmentReader
from whoosh.util import fib
from whoosh.writing import SegmentWriter as Writer

log = logging.getLogger(__name__)

Segment = Any  # whoosh.codec.base.Segment: segment_id(), doc_count_all(), deleted_count(), deleted_docs()
__all__ = ["Index", "LockError", "Segment", "Writer"]

# Whoosh spills its posting pool to sorted temp runs past this size. A 200-document batch needs
# ~14 MB; merges of big segments go past it. 10,000-document import: 24 vs 64 MB cut the
# parent peak 272 -> 232 MB RSS for ~3% docs/s (bench, 2 cores).
_WRITER_LIMITMB = 24


class FastCodec(W3Codec):
    """Whoosh's codec minus per-posting length statistics (block-max BM25 is not used)."""

    length_stats = False

    def __init__(self) -> None:
        super().__init__(blocklimit=256)


class PlainID(fields.ID):
    """Whoosh's ID field without its per-value tokenizer pipeline: the same single posting."""

    def index(self, value, **kwargs):  # type: ignore[no-untyped-def]
        return [(value.encode("utf-8"), 1, 1.0, b"")]


class WordsField(fields.FieldType):
    """Schema 4's word field, kept only so that an old index's pickled schema can be read
    (it is then replaced by an empty index of the current schema and re-indexed)."""


class JiebaTokenizer(Tokenizer):
    """Schema 4's tokenizer of ``WordsField``: unpickling only, as above."""


def schema() -> fields.Schema:
    # The fields stay so that indexes written before passages became empty documents open
    # unchanged (their id postings are never read); new passages index nothing in them.
    return fields.Schema(passage_id=PlainID(unique=True), doc_id=PlainID())


# ---------------------------------------------------------------- index and segments


def exists(directory: Path) -> bool:
    """An index (of any schema) is there; one whose table of contents cannot be read counts."""
    if not directory.is_dir():
        return False
    try:
        return index.exists_in(str(directory))
    except Exception:  # an unreadable TOC of another version: replaced by the caller
        return any(directory.glob("_*.toc"))


def open_index(directory: Path, *, readonly: bool) -> Index:
    return index.open_dir(str(directory), readonly=readonly)


def create_index(directory: Path) -> Index:
    return index.create_in(str(directory), schema())


def segments(ix: Index) -> list[Segment]:
    """The current generation's segments (Whoosh has no public accessor)."""
    return list(ix._segments())


def deleted_set(seg: Segment) -> frozenset[int] | None:
    return frozenset(seg.deleted_docs()) if seg.deleted_count() else None


def open_writer(ix: Index, timeout: float) -> Writer:
    """One process (a killed multi-process writer leaves workers holding the lock), no compound
    files (Whoosh copies a compound segment's parts into memory on open)."""
    return ix.writer(procs=1, limitmb=_WRITER_LIMITMB, timeout=timeout, delay=0.1, codec=FastCodec(),
                     compound=False)


def add_passage(w: Writer) -> None:
    """One passage: an empty Whoosh document. Its docnum is all Whoosh needs to know; ids live
    in the sidecar. Indexing its ids cost ~0.85 ms of the import's writing process per
    document (a term, a posting block and a hash entry per passage id)."""
    w.add_document()


def writer_segments(w: Writer) -> list[Segment]:
    """The committed segments the writer started from, in docnum order."""
    return list(w.segments)


def delete_docnum(w: Writer, docnum: int) -> None:
    w.delete_document(docnum)


def commit_cleared(w: Writer) -> None:
    w.commit(mergetype=writing.CLEAR)


# A new segment's sidecar writer: (new segment id, [(old segment id, its live docnums or None)],
# documents Whoosh put in the new segment) -> None; raise to abort the commit.
SidecarWriter = Callable[[str, Sequence[tuple[str, "list[int] | None"]], int], None]


def merge_policy(merge: bool, on_segment: SidecarWriter, forget: Callable[[str], None]
                 ) -> Callable[[Writer, list[Segment]], list[Segment]]:
    """Whoosh merge policy (MERGE_SMALL or none) that reports the new segment's make-up.

    The new segment's docnums are the added documents, then the live documents of each merged
    segment in order: exactly what ``on_segment`` needs to write its sidecar before the TOC.
    """

    def policy(writer: Writer, segs: list[Segment]) -> list[Segment]:
        keep, merged = list(segs), []
        if merge:
            ordered = sorted(segs, key=lambda s: s.doc_count_all())
            total, point = 0, -1
            for i, seg in enumerate(ordered):
                total += seg.doc_count_all()
                if i > 3 and total < fib(i + 5):
                    point = i
                    break
            if point >= 1:
                merged, keep = ordered[: point + 1], ordered[point + 1 :]
        olds: list[tuple[str, list[int] | None]] = []
        for seg in merged:
            reader = SegmentReader(writer.storage, writer.schema, seg)
            live = list(reader.all_doc_ids()) if seg.deleted_count() else None
            writer.add_reader(reader)
            reader.close()
            olds.append((seg.segment_id(), live))
        on_segment(writer.newsegment.segment_id(), olds, writer.docnum)
        for seg in merged:
            forget(seg.segment_id())
        return keep

    return policy


def commit(w: Writer, policy: Callable[[Writer, list[Segment]], list[Segment]]) -> None:
    try:
        w.commit(mergetype=policy)
    except BaseException:
        try:
            w.cancel()  # release the lock; the TOC was not written
        except Exception:  # pragma: no cover - already closed
            pass
        raise

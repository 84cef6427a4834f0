"""Everything that touches Whoosh, public or private, lives here and nowhere else.

Whoosh keeps the segments, passage/document ids, deletions, the ``words`` postings, generations
and the writer lock; the rest of ``kb.search`` sees plain functions over opaque ``Index``,
``Writer``, ``Reader`` and ``Segment`` objects. The private parts used (``Index._segments``, the
W3 block matcher's ``_data``/``_read_data``/``_next_block``/``_byteids``, a merge policy's view of
``writer.newsegment``/``writer.docnum``) are pinned by the ``whoosh`` version in pyproject and
checked by tests/search.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from itertools import accumulate
from pathlib import Path
from typing import Any

from whoosh import fields, formats, index, writing
from whoosh.analysis import Token, Tokenizer
from whoosh.codec.whoosh3 import W3Codec
from whoosh.index import Index, LockError
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import IndexReader as Reader
from whoosh.reading import SegmentReader
from whoosh.system import pack_uint
from whoosh.util import fib
from whoosh.writing import SegmentWriter as Writer

from kb.search.analyzer import normalise, word_postings, word_tokens

log = logging.getLogger(__name__)

Segment = Any  # whoosh.codec.base.Segment: segment_id(), doc_count_all(), deleted_count(), deleted_docs()
__all__ = ["Index", "LockError", "Reader", "Segment", "Writer"]

# Whoosh spills its posting pool to sorted temp runs past this size. A 200-document batch needs
# ~14 MB; merges of big segments go past it. 10,000-document import: 24 vs 64 MB cut the
# parent peak 272 -> 232 MB RSS for ~3% docs/s (bench, 2 cores).
_WRITER_LIMITMB = 24


class FastCodec(W3Codec):
    """Whoosh's codec minus per-posting length statistics (block-max BM25 is not used)."""

    length_stats = False

    def __init__(self) -> None:
        super().__init__(blocklimit=256)


class JiebaTokenizer(Tokenizer):
    """Whoosh tokenizer over rjieba: positions +1 per token, char offsets set."""

    def __call__(  # type: ignore[override]
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        mode: str = "",
        **kwargs: object,
    ) -> Iterator[Token]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for tok, pos, start, end in word_tokens(normalise(value)):
            t.text = tok
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = tok
            if positions:
                t.pos = start_pos + pos
            if chars:
                t.startchar = start_char + start
                t.endchar = start_char + end
            yield t


class WordsField(fields.FieldType):
    """jieba words of 2+ characters with frequencies, for the whole-word bonus.

    No positions: verbatim checks use the sidecar text. ``index`` skips Whoosh's Token
    pipeline; the value is the text in search form, or its word frequencies already counted
    (``kb.search.forms``, done in the import worker).
    """

    def __init__(self) -> None:
        super().__init__(formats.Frequency(), JiebaTokenizer(), scorable=False)

    def index(self, value, **kwargs):  # type: ignore[no-untyped-def]
        freqs = value if isinstance(value, dict) else word_postings(value)
        for w, freq in freqs.items():
            yield (w.encode("utf-8"), freq, float(freq), pack_uint(freq))


class PlainID(fields.ID):
    """Whoosh's ID field without its per-value tokenizer pipeline: the same single posting."""

    def index(self, value, **kwargs):  # type: ignore[no-untyped-def]
        return [(value.encode("utf-8"), 1, 1.0, b"")]


def schema() -> fields.Schema:
    return fields.Schema(passage_id=PlainID(unique=True), doc_id=PlainID(), words=WordsField())


# ---------------------------------------------------------------- index and segments


def exists(directory: Path) -> bool:
    return directory.is_dir() and index.exists_in(str(directory))


def open_index(directory: Path, *, readonly: bool) -> Index:
    return index.open_dir(str(directory), readonly=readonly)


def create_index(directory: Path) -> Index:
    return index.create_in(str(directory), schema())


def segments(ix: Index) -> list[Segment]:
    """The current generation's segments (Whoosh has no public accessor)."""
    return list(ix._segments())


def deleted_set(seg: Segment) -> frozenset[int] | None:
    return frozenset(seg.deleted_docs()) if seg.deleted_count() else None


def open_reader(ix: Index, seg: Segment) -> Reader:
    return SegmentReader(ix.storage, ix.schema, seg)


def open_writer(ix: Index, timeout: float) -> Writer:
    """One process (a killed multi-process writer leaves workers holding the lock), no compound
    files (Whoosh copies a compound segment's parts into memory on open)."""
    return ix.writer(procs=1, limitmb=_WRITER_LIMITMB, timeout=timeout, delay=0.1, codec=FastCodec(),
                     compound=False)


def add_passage(w: Writer, passage_id: str, doc_id: str, words: str | dict[str, int]) -> None:
    """``words``: the passage in search form, or its word frequencies."""
    w.add_document(passage_id=passage_id, doc_id=doc_id, words=words)


def delete_term(w: Writer, field_name: str, value: str) -> None:
    w.delete_by_term(field_name, value)


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


# ---------------------------------------------------------------- postings


def posting_ids(reader: Reader, field_name: str, term: str) -> list[int]:
    """Local docnums of ``field:term``, read block by block (no per-id calls)."""
    try:
        m = reader.postings(field_name, term)
    except Exception:  # TermNotFound and friends: the term is simply absent
        return []
    if isinstance(m, FilterMatcher):
        m = m.child  # deletions are applied by the caller
    ids: list[int] = []
    if hasattr(m, "_read_data") and hasattr(m, "_next_block") and hasattr(m, "_byteids"):
        # W3 blocks hold delta-coded ids: decode with accumulate (C) instead of Whoosh's generator
        while m.is_active():
            if m._data is None:
                m._read_data()
            raw = m._data[0]
            ids.extend(raw if m._byteids else accumulate(raw))
            m._next_block()
    else:
        ids.extend(m.all_ids())
    return ids


def doc_frequency(reader: Reader, term: str) -> int:
    try:
        return int(reader.doc_frequency("words", term))
    except Exception:
        return 0

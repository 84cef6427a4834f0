"""Per-segment sidecar files: the decoded data the engine needs, written once at commit.

Whoosh keeps the segments, ids, deletions, the ``words`` postings and the lock. Next to each
Whoosh segment ``MAIN_x`` lies ``MAIN_x.zks`` (same name, so Whoosh's own cleanup removes it
with the segment) holding, in the segment's docnum order:

* ``pid`` / ``pdoc`` / ``pet``: passage id, document ordinal, id of its set of entity types
  (documents and their region/year/kind sets are tables in the JSON header);
* ``text`` + ``off``: every passage's normalised text, UTF-16-LE, and each passage's absolute
  byte offset in the file (searched in place with ``mmap.find``: no text on the heap);
* ``norm``: BM25 length normalisation per passage;
* ``zoff`` / ``zsp``: per passage, its noise spans (``kb.search.zones``) as start/end pairs;
* ``gkey`` / ``gstart`` / ``post`` / ``tf``: a gram index, every distinct character and every
  distinct adjacent character pair of each passage -> passage ordinals (+ counts, capped at 255).
  A 1–2 character term's matches are exactly its posting list; longer terms intersect pairs and
  are confirmed against the text. The same table holds the passage's jieba words of 2+
  characters (``word_key``: a 63-bit hash with the top bit set, above every gram key) for the
  whole-word ranking bonus; they were Whoosh postings up to format 3 and cost the import's
  writing process more than anything else.

The file is mapped, never parsed as a whole: opening costs a JSON header, the arrays are views.
It is written to a temporary name and renamed, before Whoosh writes the TOC that names the
segment, so a committed segment always has its sidecar.
"""

from __future__ import annotations

import heapq
import json
import logging
import mmap
import os
import shutil
import struct
import sys
import tempfile
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from hashlib import blake2b
from itertools import accumulate, chain, compress, repeat
from operator import add, gt, sub, truediv
from pathlib import Path
from typing import Any, BinaryIO

from kb.errors import ZhikuError

log = logging.getLogger(__name__)

FORMAT = 4  # 3: noise spans, issuer and document number per document; 4: word postings
MAGIC = b"ZKSEG\x00\x01\x00"
SUFFIX = ".zks"
K1 = 1.2
B = 0.75
_PRE = struct.Struct("<8sIIQQ")  # magic, format, reserved, header offset, header length
_TF_MAX = 255
CHUNK = 1 << 15  # passages per in-memory gram index (< 2**24): ~8 bytes an occurrence while it is built


def gram_key(g: str) -> int:
    """A character or character pair as one integer (sorts like the pair)."""
    return (ord(g[0]) << 21) | (ord(g[1]) if len(g) > 1 else 0)


_WORD_BIT = 1 << 63  # gram keys stay below 2**42


@lru_cache(maxsize=1 << 16)  # a library's words recur in passage after passage: hash each once
def word_key(word: str) -> int:
    """A jieba word as a key of the gram table: a stable 63-bit hash with the top bit set.

    Two of a library's words share a key with a chance of about 1 in 10**7 at a million
    distinct words; the price would be a whole-word bonus for the wrong word, never a lost match (and, for
    a one-word term, a passage that holds its rarest character pairs taken as a match unread).
    """
    h = int.from_bytes(blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")
    return _WORD_BIT | (h >> 1)


def word_keys(freqs: Mapping[str, int]) -> dict[int, int]:
    """Word frequencies keyed by ``word_key``."""
    return {word_key(w): n for w, n in freqs.items()}


# region facet values, region keys (filter forms), year ("" undated), kind, issuer, document number
Base = tuple[tuple[str, ...], tuple[str, ...], str, str, str, str]


@dataclass(frozen=True)
class DocRec:
    """Per-document values: id, display name, name for the doc: filter, facet ids."""

    doc_id: str
    name: str
    name_norm: str
    base: Base
    title: str = ""  # matching form of the title (a relaxed query may meet a term in the title)


@dataclass
class Part:
    """One source of a new segment: a fresh batch or a live subset of an old segment."""

    data: SegData | MemGrams
    live: Sequence[int] | None  # local docnums kept, ascending; None = all


class MemGrams:
    """The gram index of a fresh batch, built in memory (same interface as SegData).

    ``words``: per passage, its word keys -> frequencies (``word_keys``), appended after the grams.
    """

    def __init__(self, texts: Sequence[str], words: Sequence[Mapping[int, int]] = ()) -> None:
        self.n = len(texts)
        if sys.byteorder != "little":  # pragma: no cover - code points and postings are read little-endian
            raise ZhikuError("the search index needs a little-endian machine")
        # acc[g].append(i) for every occurrence of every character and character pair, in C; a
        # gram's list is then its passages, ascending, each as often as it occurs there. Counting
        # per passage first and appending (count << 24 | passage) per distinct gram cost ~30% more.
        # The text is read as UTF-32 code points: a character is an int, a pair the two code points
        # as one 64-bit int (two views, at even and odd offsets), so no string is made per gram.
        chars: defaultdict[int, list[int]] = defaultdict(list)
        pairs: defaultdict[int, list[int]] = defaultdict(list)
        get_c, get_p, append = chars.__getitem__, pairs.__getitem__, list.append
        for i, t in enumerate(texts):
            codes = memoryview(t.encode("utf-32-le", "surrogatepass"))  # every code point, as ord() gives it
            n = len(t)
            deque(map(append, map(get_c, codes.cast("I")), repeat(i)), maxlen=0)
            for view in (codes[: 8 * (n // 2)], codes[4 : 4 + 8 * ((n - 1) // 2)]) if n > 1 else ():
                deque(map(append, map(get_p, view.cast("Q")), repeat(i)), maxlen=0)
        # gram_key order; a character before a pair with the same key (only a pair ending in NUL)
        grams = sorted([(c << 21, 0, c) for c in chars] + [((p & 0xFFFFFFFF) << 21 | p >> 32, 1, p) for p in pairs])
        self.gstart = array("I", [0])
        self.post = array("I")
        tf = bytearray()
        for _key, is_pair, g in grams:  # one gram at a time: only one Counter alive, the lists freed as they go
            c = Counter((pairs if is_pair else chars).pop(g))  # passage -> count, passages ascending
            self.post.extend(c)
            try:
                tf += bytes(c.values())
            except ValueError:  # a count over 255 (a passage repeating one character): capped
                tf += bytes(map(min, c.values(), repeat(_TF_MAX)))
            self.gstart.append(len(self.post))
        keyed = _word_postings(words)
        self.gkey = array("Q", (key for key, _is_pair, _g in grams))
        self.gkey.extend(k for k, _lst in keyed)
        self.gstart.extend(accumulate((len(lst) for _k, lst in keyed), initial=len(self.post)))
        del self.gstart[len(grams) + 1]  # accumulate repeats its initial value
        # word postings are (count << 24 | passage), little-endian: bytes 0-2 the passage, byte 3 the count
        raw = bytearray(array("I", chain.from_iterable(lst for _k, lst in keyed)).tobytes())
        self.tf = array("B", tf)
        self.tf.frombytes(bytes(raw[3::4]))
        raw[3::4] = bytes(len(raw) // 4)
        self.post.frombytes(raw)


def _word_postings(words: Sequence[Mapping[int, int]]) -> list[tuple[int, list[int]]]:
    """(word key, [count << 24 | passage]) sorted by key; every word key sorts after every gram."""
    acc: defaultdict[int, list[int]] = defaultdict(list)
    get, append = acc.__getitem__, list.append
    for i, freqs in enumerate(words):
        if not freqs:
            continue
        vals: Iterable[int] = freqs.values()
        if max(vals) > _TF_MAX:
            vals = map(min, vals, repeat(_TF_MAX))
        deque(map(append, map(get, freqs), map(i.__add__, map((24).__rlshift__, vals))), maxlen=0)
    return sorted(acc.items())


class SegData:
    """A mapped sidecar: arrays are memoryviews into the file, texts are searched in place."""

    def __init__(self, path: Path) -> None:
        self.path = path
        with open(path, "rb") as fh:
            self._mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        magic, fmt, _r, hoff, hlen = _PRE.unpack_from(self._mm, 0)
        if magic != MAGIC or fmt != FORMAT:
            raise ValueError(f"{path.name}: not a Zhiku segment file of format {FORMAT}")
        head: dict[str, Any] = json.loads(bytes(self._mm[hoff : hoff + hlen]))
        self.n: int = head["n"]
        self.bases: list[Base] = [(tuple(b[0]), tuple(b[1]), b[2], b[3], b[4], b[5]) for b in head["bases"]]
        # per document, as parallel lists of str/int: few objects for the garbage collector
        docs = head["docs"]
        self.doc_ids: list[str] = [d[0] for d in docs]
        self.names: list[str] = [d[1] for d in docs]
        self.name_norms: list[str] = [d[2] for d in docs]
        self.dbase: list[int] = [d[3] for d in docs]  # its base id
        self.titles: list[str] = [d[4] for d in docs]
        self.names_unique = len(set(self.names)) == len(self.names)
        self.ets: list[tuple[tuple[str, ...], tuple[str, ...]]] = [(tuple(e[0]), tuple(e[1])) for e in head["ets"]]
        mv = memoryview(self._mm)
        self._secs = head["sections"]

        def sec(name: str) -> memoryview:
            start, nbytes, code = self._secs[name]
            return mv[start : start + nbytes].cast(code)

        self.pid = sec("pid")
        self.pdoc = sec("pdoc")
        self.pet = sec("pet")
        self.off = sec("off")  # absolute byte offsets into the file, n + 1 of them
        self.off_end = self.off[1:]
        self.norm = sec("norm")
        self.gkey = sec("gkey")
        self.gstart = sec("gstart")
        self.post = sec("post")
        self.tf = sec("tf")
        self.zoff = sec("zoff")  # n + 1 offsets into zsp, in pairs
        self.zoff_end = self.zoff[1:]
        self.zsp = sec("zsp")
        self._norms: list[float] | None = None
        self._ratios: dict[int, array] = {}
        self._doc_order: bool | None = None
        self.mm = self._mm  # ``mm.find(term_utf16, off[d], off_end[d])`` confirms a candidate

    @property
    def norms(self) -> list[float]:
        """``norm`` as Python floats: scoring reads one per match, and a list hands out the same
        objects where the mapped array makes a new float each time."""
        norms = self._norms
        if norms is None:
            norms = self._norms = list(map(float, self.norm))
        return norms

    @property
    def doc_order(self) -> bool:
        """Do the passages lie in document order (each document's contiguous)? Checked once."""
        if self._doc_order is None:
            pdoc = self.pdoc
            self._doc_order = not any(map(gt, pdoc, pdoc[1:]))
        return self._doc_order

    def ratios(self, tf: int) -> array:
        """``tf / (tf + norm)`` of every passage, built the first time a term occurs ``tf`` times
        somewhere: scoring then reads one number per match instead of adding and dividing."""
        table = self._ratios.get(tf)
        if table is None:
            table = self._ratios[tf] = array("d", map(truediv, repeat(tf), map(add, repeat(tf), self.norms)))
        return table

    def doc(self, d: int) -> DocRec:
        return DocRec(self.doc_ids[d], self.names[d], self.name_norms[d], self.bases[self.dbase[d]], self.titles[d])

    def passage_bytes(self, d: int) -> bytes:
        return self._mm[self.off[d] : self.off[d + 1]]

    def passage_text(self, d: int) -> str:
        return self.passage_bytes(d).decode("utf-16-le")

    def zones(self, d: int) -> list[tuple[int, int]]:
        """The passage's noise spans (character offsets in its matching form)."""
        a, b = 2 * self.zoff[d], 2 * self.zoff[d + 1]
        z = self.zsp[a:b]
        return list(zip(z[0::2], z[1::2], strict=True))


# ---------------------------------------------------------------- lookup


def find_gram(data: SegData | MemGrams, g: str) -> tuple[int, int]:
    """``(start, end)`` of gram ``g``'s postings; empty range when absent."""
    return find_key(data, gram_key(g))


def find_key(data: SegData | MemGrams, k: int) -> tuple[int, int]:
    """``(start, end)`` of key ``k``'s postings (a gram or a word key); empty range when absent."""
    keys = data.gkey
    i = bisect_left(keys, k)
    if i < len(keys) and keys[i] == k:
        return data.gstart[i], data.gstart[i + 1]
    return 0, 0


# ---------------------------------------------------------------- writing


@dataclass
class Batch:
    """Passages added since the last commit, in Whoosh docnum order."""

    texts: list[str] = field(default_factory=list)
    pids: array = field(default_factory=lambda: array("q"))
    pdoc: array = field(default_factory=lambda: array("I"))
    pets: list[tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)
    docs: dict[DocRec, int] = field(default_factory=dict)
    zones: list[list[tuple[int, int]]] = field(default_factory=list)
    words: list[Mapping[int, int]] = field(default_factory=list)  # word key -> frequency, per passage

    def add(self, pid: int, text: str, doc: DocRec, ets: tuple[tuple[str, ...], tuple[str, ...]],
            zones: list[tuple[int, int]] | None = None, words: Mapping[int, int] | None = None) -> None:
        d = self.docs.setdefault(doc, len(self.docs))
        self.zones.append(zones or [])
        self.words.append(words or {})
        self.texts.append(text)
        self.pids.append(pid)
        self.pdoc.append(d)
        self.pets.append(ets)

    def __len__(self) -> int:
        return len(self.texts)


class _Tables:
    """Interned docs / facet combinations of the segment being written."""

    def __init__(self) -> None:
        self.docs: dict[DocRec, int] = {}
        self.bases: dict[tuple, int] = {}
        self.ets: dict[tuple, int] = {}

    def doc(self, rec: DocRec) -> int:
        if rec not in self.docs:
            self.bases.setdefault(rec.base, len(self.bases))
        return self.docs.setdefault(rec, len(self.docs))

    def et(self, ets: tuple) -> int:
        return self.ets.setdefault(ets, len(self.ets))


def write_segment(path: Path, batch: Batch | None, olds: Sequence[tuple[SegData, Sequence[int] | None]]) -> int:
    """Write the sidecar of a new segment: ``batch`` first, then each old segment's live docs.

    That is the order Whoosh gives the new segment's docnums (added documents, then
    ``add_reader`` of each merged segment). Returns the number of passages written.
    """
    tables = _Tables()
    cols = _Columns()
    parts = _gather(batch, olds, tables, cols)
    pid, pdoc, pet, lengths, zoff, zsp = cols.pid, cols.pdoc, cols.pet, cols.lengths, cols.zoff, cols.zsp
    n = len(pid)
    avg = (sum(lengths) / n) if n else 1.0
    norm = array("f", (K1 * (1 - B + B * x / avg) for x in lengths))
    head: dict[str, Any] = {
        "format": FORMAT,
        "n": n,
        "docs": [[r.doc_id, r.name, r.name_norm, tables.bases[r.base], r.title] for r in tables.docs],
        "bases": [[list(b[0]), list(b[1]), *b[2:]] for b in tables.bases],
        "ets": [[list(e[0]), list(e[1])] for e in tables.ets],
        "sections": {},
    }
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as fh:
        fh.write(_PRE.pack(MAGIC, 0, 0, 0, 0))
        secs = head["sections"]

        def put(name: str, data: bytes | array, code: str) -> None:
            _put(fh, secs, name, data, code)

        put("pid", pid, "q")
        put("pdoc", pdoc, "I")
        put("pet", pet, "I")
        put("norm", norm, "f")
        put("zoff", zoff, "I")
        put("zsp", zsp, "I")
        _write_text(fh, secs, batch, olds)
        base = secs["text"][0]
        off = array("Q", accumulate((2 * x for x in lengths), initial=base))
        put("off", off, "Q")
        with tempfile.TemporaryFile(dir=path.parent) as tf_file:
            gkey, gstart = _write_grams(fh, parts, secs, tf_file)
            put("gkey", gkey, "Q")
            put("gstart", gstart, "I")
            tf_file.seek(0)
            put("tf", b"", "B")
            shutil.copyfileobj(tf_file, fh, 1 << 20)
            secs["tf"][1] = fh.tell() - secs["tf"][0]
        hdr = json.dumps(head, ensure_ascii=False).encode("utf-8")
        hoff = fh.tell()
        fh.write(hdr)
        fh.seek(0)
        fh.write(_PRE.pack(MAGIC, FORMAT, 0, hoff, len(hdr)))
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return n


def _put(fh: BinaryIO, secs: dict[str, list[Any]], name: str, data: bytes | array, code: str) -> None:
    """Append one section, 8-byte aligned, and note where it is in the header's ``sections``."""
    pos = fh.tell()
    pad = (-pos) % 8
    if pad:
        fh.write(b"\x00" * pad)
        pos += pad
    raw = data if isinstance(data, bytes) else data.tobytes()
    fh.write(raw)
    secs[name] = [pos, len(raw), code]


@dataclass
class _Columns:
    """A new segment's per-passage columns, gathered before the file is written."""

    pid: array = field(default_factory=lambda: array("q"))
    pdoc: array = field(default_factory=lambda: array("I"))
    pet: array = field(default_factory=lambda: array("I"))
    lengths: array = field(default_factory=lambda: array("I"))  # UTF-16 code units per passage
    zoff: array = field(default_factory=lambda: array("I", [0]))
    zsp: array = field(default_factory=lambda: array("I"))


def _gather(batch: Batch | None, olds: Sequence[tuple[SegData, Sequence[int] | None]], tables: _Tables,
            cols: _Columns) -> list[Part]:
    """Fill ``cols`` with the batch's passages, then each old segment's live ones; their gram sources."""
    pid, pdoc, pet, lengths, zoff, zsp = cols.pid, cols.pdoc, cols.pet, cols.lengths, cols.zoff, cols.zsp
    parts: list[Part] = []
    if batch is not None and len(batch):
        docs = list(batch.docs)
        batch_map = [tables.doc(rec) for rec in docs]
        pid.extend(batch.pids)
        pdoc.extend(batch_map[d] for d in batch.pdoc)
        pet.extend(map(tables.et, batch.pets))
        lengths.extend(len(t.encode("utf-16-le")) // 2 for t in batch.texts)
        for spans in batch.zones:
            for a, b in spans:
                zsp.extend((a, b))
            zoff.append(len(zsp) // 2)
        for i in range(0, len(batch.texts), CHUNK):  # bounded memory for a big batch (repair)
            parts.append(Part(MemGrams(batch.texts[i : i + CHUNK], batch.words[i : i + CHUNK]), None))
    for seg, live in olds:
        keep = range(seg.n) if live is None else live
        dmap = {d: tables.doc(seg.doc(d)) for d in sorted(set(map(seg.pdoc.__getitem__, keep)))}
        emap = {e: tables.et(seg.ets[e]) for e in sorted(set(map(seg.pet.__getitem__, keep)))}
        pid.extend(map(seg.pid.__getitem__, keep))
        pdoc.extend(map(dmap.__getitem__, map(seg.pdoc.__getitem__, keep)))
        pet.extend(map(emap.__getitem__, map(seg.pet.__getitem__, keep)))
        lengths.extend(map((1).__rrshift__, map(sub, map(seg.off_end.__getitem__, keep), map(seg.off.__getitem__, keep))))
        _copy_zones(seg, keep, zoff, zsp)
        parts.append(Part(seg, None if live is None or len(live) == seg.n else live))
    return parts


def _copy_zones(seg: SegData, keep: Iterable[int], zoff: array, zsp: array) -> None:
    """Append the noise spans of an old segment's kept passages (most have none)."""
    starts, ends = seg.zoff, seg.zoff_end
    for d in keep:
        a, b = starts[d], ends[d]
        if a != b:
            zsp.extend(seg.zsp[2 * a : 2 * b])
        zoff.append(len(zsp) // 2)


def _write_text(fh: Any, secs: dict[str, list], batch: Batch | None,
                olds: Sequence[tuple[SegData, Sequence[int] | None]]) -> None:
    """Section ``text``: the batch's passages, then each old segment's live ones, read from its
    file (not the mapping: a merge would otherwise count every page of it as resident)."""
    pos = fh.tell()
    pad = (-pos) % 8
    fh.write(b"\x00" * pad)
    pos += pad
    if batch is not None:
        for t in batch.texts:
            fh.write(t.encode("utf-16-le"))
    for seg, live in olds:
        with open(seg.path, "rb", buffering=0) as src:
            if live is None:
                src.seek(seg.off[0])
                left = seg.off[seg.n] - seg.off[0]
                while left > 0:
                    chunk = src.read(min(left, 1 << 20))
                    fh.write(chunk)
                    left -= len(chunk)
            else:
                for d in live:
                    fh.write(os.pread(src.fileno(), seg.off[d + 1] - seg.off[d], seg.off[d]))
    secs["text"] = [pos, fh.tell() - pos, "B"]


class _Postings:
    """Sequential reader of one part's postings and counts, key by key (files, not the mapping)."""

    def __init__(self, data: SegData | MemGrams) -> None:
        self.data = data
        self._files: tuple[Any, Any] | None = None
        if isinstance(data, SegData):
            pf = open(data.path, "rb", buffering=1 << 20)
            tf = open(data.path, "rb", buffering=1 << 18)
            pf.seek(data._secs["post"][0])
            tf.seek(data._secs["tf"][0])
            self._files = (pf, tf)

    def read(self, a: int, b: int) -> tuple[Any, Any]:  # (ids, tf): arrays, or views of the mapped file
        if self._files is None:
            return self.data.post[a:b], self.data.tf[a:b]
        ids = array("I")
        ids.frombytes(self._files[0].read(4 * (b - a)))
        return ids, self._files[1].read(b - a)

    def close(self) -> None:
        if self._files is not None:
            for f in self._files:
                f.close()


def _docnum_maps(parts: Sequence[Part]) -> tuple[list[int], list[array | None]]:
    """Each part's first docnum in the new segment, and for a part with deletions the new docnum
    of each old one (-1: deleted)."""
    bases: list[int] = []
    maps: list[array | None] = []
    base = 0
    for p in parts:
        bases.append(base)
        if p.live is None:
            maps.append(None)
            base += p.data.n
        else:
            m = array("i", [-1]) * p.data.n
            for i, d in enumerate(p.live):
                m[d] = base + i
            maps.append(m)
            base += len(p.live)
    return bases, maps


def _write_grams(fh: Any, parts: Sequence[Part], secs: dict[str, list], tf_out: Any) -> tuple[array, array]:
    """Stream the merged postings to ``fh`` (section ``post``) and counts to ``tf_out``.

    Every part's postings are read once, in key order, so old segments are read sequentially.
    Returns the keys and their start offsets.
    """
    pos = fh.tell()
    pad = (-pos) % 8
    fh.write(b"\x00" * pad)
    pos += pad
    if len(parts) == 1 and parts[0].live is None and isinstance(parts[0].data, MemGrams):
        src = parts[0].data  # the common case: one small batch, no merge
        fh.write(src.post.tobytes())
        tf_out.write(src.tf.tobytes())
        secs["post"] = [pos, len(src.post) * 4, "I"]
        return src.gkey, src.gstart
    gkey, gstart = array("Q"), array("I", [0])
    bases, maps = _docnum_maps(parts)
    readers = [_Postings(p.data) for p in parts]
    cursors = [0] * len(parts)
    written = 0
    current = -1
    try:
        # every (key, part) pair once, keys ascending, parts in docnum order for equal keys
        for k, j in heapq.merge(*(zip(p.data.gkey, repeat(j)) for j, p in enumerate(parts))):
            if k != current:
                if written != gstart[-1]:
                    gkey.append(current)
                    gstart.append(written)
                current = k
            data = parts[j].data
            c = cursors[j]
            cursors[j] = c + 1
            ids, tf = readers[j].read(data.gstart[c], data.gstart[c + 1])
            m = maps[j]  # type: ignore[assignment]
            if m is None:
                out = array("I", map(bases[j].__add__, ids)) if bases[j] else array("I", ids)
                tf_out.write(bytes(tf))
            else:
                new = list(map(m.__getitem__, ids))
                mask = list(map((-1).__ne__, new))
                out = array("I", compress(new, mask))
                tf_out.write(bytes(compress(tf, mask)))
            if out:
                fh.write(out.tobytes())
                written += len(out)
    finally:
        for r in readers:
            r.close()
    if written != gstart[-1]:
        gkey.append(current)
        gstart.append(written)
    secs["post"] = [pos, written * 4, "I"]
    return gkey, gstart


def sidecar_path(directory: Path, segment_id: str) -> Path:
    return directory / f"{segment_id}{SUFFIX}"


def sidecar_ok(path: Path) -> bool:
    """The file exists and was written completely in the current format (a cheap check)."""
    try:
        with open(path, "rb") as fh:
            magic, fmt, _r, hoff, hlen = _PRE.unpack(fh.read(_PRE.size))
            size = os.fstat(fh.fileno()).st_size
    except (OSError, struct.error):
        return False
    return magic == MAGIC and fmt == FORMAT and hoff > 0 and hoff + hlen == size


def doc_rec(doc_id: str, name: str, name_norm: str, region_facets: Iterable[str], region_keys: Iterable[str],
            year: str, kind: str, issuer: str = "", doc_number: str = "", title: str = "") -> DocRec:
    return DocRec(doc_id, name, name_norm, (tuple(region_facets), tuple(region_keys), year, kind, issuer, doc_number),
                  title)

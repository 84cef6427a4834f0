"""PDF text layers, page by page, within the file's budget.

pypdf parses a content stream at well under 1 MB/s and re-parses a stream once for every page
that uses it: an 11 KB file whose pages share one Flate stream took 90 s, a 331 KB one hours. So
before pypdf sees a page, the decoded size of its content is measured with a bounded inflate
(shared streams once); a page repeating an earlier page's content is read once; a page past
``MAX_PAGE_CONTENT`` is skipped, and reading stops at ``MAX_CONTENT`` in all. Lines stay as the
text layer has them; the cleaner joins hard-wrapped lines and drops layout spaces.
"""

from __future__ import annotations

import io
import logging
import zlib
from typing import Any

from kb.errors import IngestError
from kb.ingest.budget import Budget
from kb.ingest.raw import RawText

log = logging.getLogger(__name__)

MB = 1024 * 1024
_NO_AES = "encrypted PDF (AES): reading it needs the 'cryptography' package, which is not installed"
# Decoded content bytes pypdf may parse in one file. pypdf needs ~2 CPU s per MB of operators, so
# this stays inside the reading deadline; a text page holds 5-50 KB, a 500-page report ~15 MB.
MAX_CONTENT = 16 * MB
MAX_PAGE_CONTENT = 4 * MB  # a page past this is a drawing (a vector map), not text: skipped


def read_pdf(data: bytes, path: str, budget: Budget | None = None) -> RawText:
    """The PDF's text layer, one page after another (see module docstring)."""
    budget = budget or Budget(path)
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise IngestError(path, "not a valid PDF (no %PDF header)")
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        _decrypt(reader, path)
        pages = _pages(reader, path, budget)
    except IngestError:
        raise
    except Exception as exc:  # pypdf raises many types on damaged files
        if type(exc).__name__ == "DependencyError":  # AES without a crypto provider installed
            raise IngestError(path, _NO_AES) from None
        raise IngestError(path, f"not a valid PDF (damaged or truncated: {type(exc).__name__})") from None
    text = budget.cap("\n".join(pages))
    if not text.strip():
        raise IngestError(path, "no text layer (scanned PDF?)")
    return RawText(text, source="pdf")


def _decrypt(reader: Any, path: str) -> None:
    """Open PDFs protected by an owner password only (any viewer shows them); refuse the rest.

    AES needs the ``cryptography`` package, which pypdf imports itself when present.
    """
    if not reader.is_encrypted:
        return
    ok = reader.decrypt("")
    if not ok:
        raise IngestError(path, "encrypted PDF (password required)")


def _pages(reader: Any, path: str, budget: Budget) -> list[str]:
    """Text of each page within the content budget; notes what was skipped."""
    sizes: dict[Any, tuple[int, int]] = {}
    seen: set[tuple[Any, ...]] = set()
    out: list[str] = []
    work = repeats = too_big = 0
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, 1):
        budget.check(f"reading page {number} of {total}")
        key, size = _content(page, sizes, path)
        if key in seen:
            repeats += 1
            continue
        seen.add(key)
        if size > MAX_PAGE_CONTENT:
            budget.note(f"page {number} skipped: its content expands past {MAX_PAGE_CONTENT // MB} MB")
            too_big += 1
            continue
        work += size
        if work > MAX_CONTENT:
            if not any(t.strip() for t in out):
                raise IngestError(path, f"PDF content streams expand past {MAX_CONTENT // MB} MB")
            budget.note(f"read pages 1-{number - 1} of {total}: content streams expand past {MAX_CONTENT // MB} MB")
            break
        text = page.extract_text() or ""
        out.append(text)
        if not budget.take(len(text) + 1):
            break
    if too_big and not any(t.strip() for t in out):
        raise IngestError(path, f"PDF content streams expand past {MAX_PAGE_CONTENT // MB} MB a page")
    if repeats:
        budget.note(f"{repeats} page{'s' if repeats > 1 else ''} repeating an earlier page's content read once")
    return out


def _content(page: Any, sizes: dict[Any, tuple[int, int]], path: str) -> tuple[tuple[Any, ...], int]:
    """(identity of the page's content streams and form XObjects, decoded bytes pypdf would parse)."""
    from pypdf.generic import ArrayObject, IndirectObject

    refs = page.get("/Contents")
    items = list(refs) if isinstance(refs, ArrayObject) else [refs] if refs is not None else []
    key: list[Any] = []
    size = dos = 0
    for item in items:
        ident = (item.idnum, item.generation) if isinstance(item, IndirectObject) else id(item)
        key.append(ident)
        if ident not in sizes:
            sizes[ident] = _measure(item.get_object(), path)
        size += sizes[ident][0]
        dos += sizes[ident][1]
    forms = _form_sizes(page, sizes, path)
    if forms and dos:
        key.append(tuple(sorted(forms, key=str)))
        size += min(dos, 5000) * max(forms.values())  # each Do re-parses a form; pypdf stops at 5000
    return tuple(key), size


def _form_sizes(page: Any, sizes: dict[Any, tuple[int, int]], path: str) -> dict[Any, int]:
    from pypdf.generic import IndirectObject

    try:
        xobjects = page["/Resources"]["/XObject"].get_object()
    except (KeyError, TypeError, AttributeError):
        return {}
    out = {}
    for ref in xobjects.values():
        obj = ref.get_object()
        if obj.get("/Subtype") != "/Form":
            continue
        ident = (ref.idnum, ref.generation) if isinstance(ref, IndirectObject) else id(obj)
        if ident not in sizes:
            sizes[ident] = _measure(obj, path)
        out[ident] = sizes[ident][0]
    return out


def _measure(stream: Any, path: str) -> tuple[int, int]:
    """(decoded length, number of Do operators) of a stream, inflating Flate data in bounded steps."""
    if stream is None or not hasattr(stream, "get_data"):
        return 0, 0
    filters = stream.get("/Filter")
    names = [filters] if isinstance(filters, str) else list(filters or [])
    if names == ["/FlateDecode"] and not stream.get("/DecodeParms"):
        return _inflated(getattr(stream, "_data", b""))
    try:
        data = stream.get_data()  # other filters: pypdf's own output limits apply
    except Exception as exc:
        log.info("%s: undecodable content stream (%s)", path, type(exc).__name__)
        return 0, 0
    return len(data), data.count(b"Do")


def _inflated(packed: bytes) -> tuple[int, int]:
    """Size of the inflated data and its Do count, stopping once past the per-page limit."""
    inflater = zlib.decompressobj()
    size = dos = 0
    data = packed
    try:
        while data and size <= MAX_PAGE_CONTENT:
            chunk = inflater.decompress(data, 1 << 20)
            size += len(chunk)
            dos += chunk.count(b"Do")
            data = inflater.unconsumed_tail
            if not chunk:
                break
    except zlib.error:
        pass  # pypdf recovers what it can from damaged streams; count what inflated
    return size, dos

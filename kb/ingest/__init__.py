"""Import front end: file bytes → decoded text → cleaned body + passages + metadata.

Pure functions, no store: ``prepare(path)`` is all a caller needs. Every failure is an
``IngestError`` naming the file and the reason.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kb.errors import IngestError
from kb.ingest import clean as _clean
from kb.ingest import encoding
from kb.ingest.budget import DEFAULT_SECONDS, MAX_CHARS, Budget
from kb.ingest.metadata import extract
from kb.ingest.normalise import normalise
from kb.ingest.original import pack_original, unpack_original
from kb.ingest.passages import PassageSpan, split_passages
from kb.ingest.readers import SUPPORTED, read
from kb.models import RemovedSpan

__all__ = [
    "DEFAULT_SECONDS",
    "MAX_CHARS",
    "SUPPORTED",
    "PassageSpan",
    "PreparedDoc",
    "IngestError",
    "iter_files",
    "normalise",
    "prepare",
    "prepare_bytes",
    "unpack_original",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PreparedDoc:
    name: str  # file name, e.g. "001_a1aa.txt"
    path: str
    sha256: str  # of the file's bytes: the document's identity
    raw: str  # decoded text (HTML: its text rendering, one block per line)
    body: str  # cleaned article text, as displayed
    removed: tuple[RemovedSpan, ...]  # spans of `raw`
    title: str
    date: str | None  # ISO, from the text (not the file name)
    source: str | None
    kind: str  # kb.models.DOC_KINDS
    issuer: str | None
    doc_number: str | None
    passages: tuple[PassageSpan, ...]
    headings: tuple[tuple[int, int, str], ...]  # (start in body, level 1.., heading text)
    date_written: str | None = None  # 成文日期 / 印发日期 when the page states one (``date`` is 发布日期)
    url: str | None = None  # the page's own address (原文链接, canonical, og:url, saved-from); None for a local file
    accessed: str | None = None  # ISO day the page says it was read or saved; None: the import date stands in
    # What the import report should show: text cut at the budget, bytes replaced, text the page hid.
    warnings: tuple[str, ...] = ()
    # The file's bytes, compressed (``unpack_original``): ``prepare_bytes(name, unpack_original(original))``
    # gives this document again, so it can be re-read after a reader fix.
    original: bytes = b""
    site: str | None = None  # the site's name (kb.ingest.metadata): where the region is when nothing else says


def prepare(path: Path, *, max_bytes: int | None = None, seconds: float | None = DEFAULT_SECONDS) -> PreparedDoc:
    """Read and prepare one file; IngestError if it cannot be imported (or takes over ``seconds``)."""
    path = Path(path)
    shown = str(path)
    if path.suffix.lower() not in SUPPORTED:
        read(path.suffix, b"", shown)  # raises the "unsupported" error
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode):
            # Reading a pipe or a device would block or never end.
            raise IngestError(shown, "not a regular file (pipe, socket or device)")
        encoding.check_size(shown, st.st_size, max_bytes)
        with path.open("rb") as fh:  # never more than the cap, whatever stat said
            data = fh.read((encoding.DEFAULT_MAX_BYTES if max_bytes is None else max_bytes) + 1)
    except IngestError:
        raise
    except FileNotFoundError:
        raise IngestError(shown, "file not found") from None
    except IsADirectoryError:
        raise IngestError(shown, "is a folder, not a file") from None
    except PermissionError:
        raise IngestError(shown, "permission denied") from None
    except OSError as exc:
        raise IngestError(shown, f"cannot read ({exc.strerror or exc})") from None
    return prepare_bytes(path.name, data, shown, max_bytes=max_bytes, seconds=seconds)


def prepare_bytes(
    name: str, data: bytes, path: str = "", *, max_bytes: int | None = None, seconds: float | None = DEFAULT_SECONDS
) -> PreparedDoc:
    """Prepare a document from its bytes; ``name`` (its file name) picks the reader.

    Readers stop at ``MAX_CHARS`` characters (the text is cut, with a warning) and give up after
    ``seconds`` (None: no deadline) with an IngestError.
    """
    shown = path or name
    ext = os.path.splitext(name)[1].lower()
    encoding.check_size(shown, len(data), max_bytes)
    budget = Budget(shown, seconds=seconds)
    text = read(ext, data, shown, budget)
    cleaned = _clean.clean(text.raw, text.article_lines, text.title_hint, text.source)
    if not cleaned.body.strip():
        raise IngestError(shown, "no text found")
    budget.check("cleaning")
    meta = extract(cleaned.lines, cleaned.body, name, text.title_hint, text.url_hint, text.accessed_hint,
                   text.site_hint)
    passages, headings = split_passages(cleaned.body, meta.title)
    log.debug(
        "%s: %d chars, %d passages, %d removed spans", shown, len(cleaned.body), len(passages), len(cleaned.removed)
    )
    return PreparedDoc(
        name=name,
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        raw=text.raw,
        body=cleaned.body,
        removed=cleaned.removed,
        title=meta.title,
        date=meta.date,
        source=meta.source,
        kind=meta.kind,
        issuer=meta.issuer,
        doc_number=meta.doc_number,
        passages=passages,
        headings=headings,
        date_written=meta.date_written,
        url=meta.url,
        accessed=meta.accessed,
        warnings=text.warnings,
        original=pack_original(data),
        site=meta.site,
    )


def iter_files(paths: Iterable[Path]) -> Iterator[Path | IngestError]:
    """Supported files under ``paths`` (folders recursively, sorted), errors for unreadable ones.

    A folder is entered once per real path, so symlink loops end. Hidden entries and Office
    lock files (~$x.docx) inside folders are skipped; a file named explicitly is always yielded
    (an unsupported one as an error).
    """
    seen: set[str] = set()  # real paths of folders entered and files yielded
    for given in paths:
        path = Path(given)
        if not path.exists() and not path.is_symlink():
            yield IngestError(str(path), "not found")
        elif path.is_dir():
            yield from _walk(path, seen)
        elif not path.exists():
            yield IngestError(str(path), "broken link")
        elif path.suffix.lower() not in SUPPORTED:
            yield IngestError(str(path), f"unsupported file type {path.suffix or '(none)'}")
        elif _first_time(path, seen):
            yield path


def _first_time(path: Path, seen: set[str]) -> bool:
    real = "file:" + os.path.realpath(path)
    if real in seen:
        return False
    seen.add(real)
    return True


def _walk(folder: Path, seen: set[str]) -> Iterator[Path | IngestError]:
    real = os.path.realpath(folder)
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield IngestError(str(folder), f"cannot read folder ({exc.strerror or exc})")
        return
    for entry in entries:
        if entry.name.startswith((".", "~$")):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()  # follows symlinks; loops end at `seen`
            is_file = entry.is_file()
        except OSError as exc:
            yield IngestError(str(path), f"cannot read ({exc.strerror or exc})")
            continue
        if is_dir:
            yield from _walk(path, seen)
        elif is_file and path.suffix.lower() in SUPPORTED and _first_time(path, seen):
            yield path
        elif not is_file and path.suffix.lower() in SUPPORTED:  # say why it is not imported
            yield IngestError(str(path), "not a regular file (pipe, socket or device)" if os.path.exists(path)
                              else "broken link")

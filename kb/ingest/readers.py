"""One reader per file format: bytes → ``RawText`` (the whole text, one block per line).

Readers never fetch anything remote, never trust a file's claims about its own size, and spend
no more than the file's ``Budget`` (characters and time) — see ``kb.ingest.budget``.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable

from kb.errors import IngestError
from kb.ingest.budget import Budget
from kb.ingest.docx_reader import MAX_UNZIPPED, MAX_ZIP_RATIO, read_docx
from kb.ingest.encoding import decode
from kb.ingest.html_reader import read_html
from kb.ingest.pdf_reader import read_pdf
from kb.ingest.raw import RawText

__all__ = ["MAX_UNZIPPED", "MAX_ZIP_RATIO", "READERS", "SUPPORTED", "RawText", "read", "read_html", "read_text"]

log = logging.getLogger(__name__)


def read_text(data: bytes, path: str, budget: Budget | None = None) -> RawText:
    """Plain text and Markdown: the decoded text as is (cut to the character budget)."""
    budget = budget or Budget(path)
    text = decode(data, path, budget.notes)
    budget.take(len(text))
    return RawText(budget.cap(text), source="text")


READERS: dict[str, Callable[[bytes, str, Budget], RawText]] = {
    ".txt": read_text,
    ".md": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".docx": read_docx,
    ".pdf": read_pdf,
}
SUPPORTED = tuple(READERS)


def read(ext: str, data: bytes, path: str, budget: Budget | None = None) -> RawText:
    """Dispatch on the (lower-case) extension; unknown formats are refused."""
    reader = READERS.get(ext.lower())
    if reader is None:
        shown = ext or "(none)"
        raise IngestError(path, f"unsupported file type {shown}; supported: {', '.join(SUPPORTED)}")
    budget = budget or Budget(path)
    text = reader(data, path, budget)
    return dataclasses.replace(text, warnings=(*text.warnings, *budget.notes))

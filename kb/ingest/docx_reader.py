""".docx: paragraphs and table rows in document order, streamed from the main part's XML.

python-docx loads the whole XML tree (a 4 MB file expanding to 200 MB of XML took 2.4 GB and four
minutes), so the main part is read with ``iterparse`` through a byte counter, each paragraph is
freed once read, and reading stops at the XML or character budget. Streaming also reads text
python-docx skips: runs inside tracked insertions, smart tags, fields and content controls,
and text boxes (their VML fallback copy is skipped).
"""

from __future__ import annotations

import io
import logging
import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import IO, Any

from kb.errors import IngestError
from kb.ingest.budget import Budget
from kb.ingest.raw import RawText

log = logging.getLogger(__name__)

MAX_UNZIPPED = 200 * 1024 * 1024
MAX_ZIP_RATIO = 100
# The main part's XML: a 500-page report is ~30 MB; past this the file is refused, not parsed.
MAX_XML_BYTES = 64 * 1024 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_OFFICE_DOC = "/officeDocument"
_CHARS = {_W + "tab": "\t", _W + "ptab": "\t", _W + "br": "\n", _W + "cr": "\n", _W + "noBreakHyphen": "-"}
_T, _P, _BR = _W + "t", _W + "p", _W + "br"
_TEXT_TAGS = (_T, *_CHARS)
_TAGS = (_FALLBACK, *(_W + t for t in ("p", "tbl", "tr", "tc", "gridSpan", "vMerge")))


class _TooBig(Exception):
    pass


class _Capped(io.RawIOBase):
    """A read-only stream that raises once more than ``cap`` bytes were read through it."""

    def __init__(self, fh: IO[bytes], cap: int, budget: Budget) -> None:
        self.fh, self.cap, self.budget, self.count = fh, cap, budget, 0

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        data = self.fh.read(1 << 16 if n is None or n < 0 else min(n, 1 << 16))
        self.count += len(data)
        if self.count > self.cap:
            raise _TooBig
        self.budget.check("reading the document XML")
        return data


@dataclass
class _Table:
    rows: list[str] = field(default_factory=list)
    cells: list[str] = field(default_factory=list)
    paras: list[str] = field(default_factory=list)  # of the current cell
    col: int = 0
    span: int = 1
    merge: str | None = None  # vMerge of the current cell: "restart", "continue" or None
    merged: dict[int, str] = field(default_factory=dict)  # text of vertically merged cells by column


def read_docx(data: bytes, path: str, budget: Budget | None = None) -> RawText:
    """Paragraphs and tables in document order; table rows become tab-separated lines."""
    budget = budget or Budget(path)
    check_zip(data, path, ".docx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            part = _main_part(zf)
            with zf.open(part) as fh:  # the lying sizes of a damaged member raise here (CRC)
                lines, complete = _parse(_Capped(fh, MAX_XML_BYTES, budget), budget)
    except IngestError:
        raise
    except (zipfile.BadZipFile, EOFError, zlib.error) as exc:
        raise IngestError(path, f"not a valid .docx file (damaged or truncated: {type(exc).__name__})") from None
    except Exception as exc:  # lxml syntax errors, a missing part, odd XML
        raise IngestError(path, f"not a valid .docx file ({type(exc).__name__})") from None
    raw = budget.cap("\n".join(line.replace("\r", "") for line in lines))
    if not complete:
        if not raw.strip():
            raise IngestError(path, f"document XML expands past {MAX_XML_BYTES / (1 << 20):g} MB")
        budget.note(f"read the first {MAX_XML_BYTES / (1 << 20):g} MB of the document XML; the rest expands past the limit")
    if not raw.strip():
        raise IngestError(path, "empty file")
    return RawText(raw)


def check_zip(data: bytes, path: str, kind: str) -> None:
    """Refuse archives whose directory already admits they are bombs (cheap, nothing inflated)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise IngestError(path, f"not a valid {kind} file (damaged or truncated)") from None
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if total > MAX_UNZIPPED or (total > 1024 * 1024 and total / packed > MAX_ZIP_RATIO):
        raise IngestError(path, f"refused: archive expands to {total:,} bytes (zip bomb?)")


def _main_part(zf: zipfile.ZipFile) -> str:
    """The officeDocument part named by the package relationships (word/document.xml usually)."""
    from lxml import etree

    try:
        info = zf.getinfo("_rels/.rels")
    except KeyError:
        return "word/document.xml"
    if info.file_size > 1 << 20:
        return "word/document.xml"
    rels = etree.fromstring(zf.read(info), parser=etree.XMLParser(resolve_entities=False, no_network=True))
    for rel in rels:
        if str(rel.get("Type", "")).endswith(_OFFICE_DOC):
            target = posixpath.normpath(str(rel.get("Target", "")).lstrip("/"))
            if target in zf.NameToInfo:
                return target
    return "word/document.xml"


def _parse(stream: _Capped, budget: Budget) -> tuple[list[str], bool]:
    """Lines of the document, and whether the XML was read to its end (not stopped at its budget)."""
    from lxml import etree

    lines: list[str] = []
    events = etree.iterparse(
        stream,
        events=("start", "end"),
        tag=_TAGS,  # filtered in C: runs, text and formatting never reach this loop one by one
        huge_tree=True,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
    )
    try:
        _walk(events, lines, budget)
    except _TooBig:
        return lines, False
    return lines, True


def _walk(events: Any, lines: list[str], budget: Budget) -> None:
    tables: list[_Table] = []
    skip = 0  # depth inside mc:Fallback (a second copy of text-box content)
    for event, el in events:
        tag = el.tag
        if tag == _FALLBACK:
            skip += 1 if event == "start" else -1
            if event == "end":
                el.clear()  # or the paragraph around it would read the copy
        elif skip:
            continue
        elif event == "start":
            _start(tag, tables)
        elif tag == _P:
            text = _paragraph_text(el)
            _emit(text, tables, lines)
            _free(el)  # a text box's paragraphs are gone before the paragraph holding them ends
            if not budget.take(len(text) + 1):
                break
        elif tables:
            _end_table_part(el, tag, tables, lines)


def _start(tag: str, tables: list[_Table]) -> None:
    if tag == _W + "tbl":
        tables.append(_Table())
    elif tag == _W + "tr" and tables:
        tables[-1].cells, tables[-1].col = [], 0
    elif tag == _W + "tc" and tables:
        tables[-1].paras, tables[-1].span, tables[-1].merge = [], 1, None


def _paragraph_text(el: Any) -> str:
    """Runs' text with tabs and line breaks, as python-docx's ``Paragraph.text`` gives it."""
    parts = []
    for node in el.iter(*_TEXT_TAGS):
        tag = node.tag
        if tag == _T:
            parts.append(node.text or "")
        elif tag != _BR or node.get(_W + "type") in (None, "textWrapping"):  # page breaks are no text
            parts.append(_CHARS[tag])
    return "".join(parts)


def _emit(text: str, tables: list[_Table], lines: list[str]) -> None:
    if tables:
        tables[-1].paras.append(text)
    else:
        lines.append(text)


def _end_table_part(el: object, tag: str, tables: list[_Table], lines: list[str]) -> None:
    table = tables[-1]
    if tag == _W + "gridSpan":
        val = str(el.get(_W + "val", "1"))  # type: ignore[attr-defined]
        table.span = int(val) if val.isdigit() else 1
    elif tag == _W + "vMerge":
        table.merge = str(el.get(_W + "val") or "continue")  # type: ignore[attr-defined]
    elif tag == _W + "tc":
        text = " ".join("\n".join(table.paras).split())
        if table.merge == "continue":
            text = table.merged.get(table.col, "")
        elif table.merge == "restart":
            table.merged[table.col] = text
        if text and (not table.cells or table.cells[-1] != text):  # merged cells repeat
            table.cells.append(text)
        table.col += max(table.span, 1)
    elif tag == _W + "tr":
        if table.cells:
            table.rows.append("\t".join(table.cells))
        _free(el)
    elif tag == _W + "tbl":
        tables.pop()
        for row in table.rows:  # a nested table's rows belong to the cell around it
            _emit(row, tables, lines)
        _free(el)


def _free(el: object) -> None:
    """Release a finished element and the siblings before it (iterparse keeps the tree)."""
    el.clear()  # type: ignore[attr-defined]
    parent = el.getparent()  # type: ignore[attr-defined]
    if parent is not None:
        while el.getprevious() is not None:  # type: ignore[attr-defined]
            del parent[0]

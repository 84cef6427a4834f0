"""One reader per file format: bytes → ``RawText`` (the whole text, one block per line).

Readers never fetch anything remote and never trust a file's claims about its own size.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from kb.errors import IngestError
from kb.ingest.encoding import decode

log = logging.getLogger(__name__)

MAX_UNZIPPED = 200 * 1024 * 1024
MAX_ZIP_RATIO = 100


@dataclass(frozen=True)
class RawText:
    """What a reader found: the full text plus optional hints for the cleaner."""

    raw: str
    title_hint: str | None = None
    # Lines of the article as an extractor (readability) sees it; bounds the article in `raw`.
    article_lines: tuple[str, ...] = ()
    source: str = "blocks"  # kb.ingest.layout.SOURCES: how much layout the cleaner undoes


def read_text(data: bytes, path: str) -> RawText:
    """Plain text and Markdown: the decoded text as is."""
    return RawText(decode(data, path), source="text")


# ---------------------------------------------------------------- HTML

_DROP_TAGS = (
    "head",
    "script",
    "style",
    "iframe",
    "noscript",
    "template",
    "object",
    "embed",
    "svg",
    "canvas",
    "select",
    "button",
    "input",
    "textarea",
    "video",
    "audio",
)
_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "tbody",
    "thead",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "dd",
    "dt",
    "dl",
    "blockquote",
    "pre",
    "hr",
    "title",
    "center",
    "figure",
    "figcaption",
    "address",
    "td",
    "th",
}
_CELL_TAGS = {"td", "th"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.I)
_WS = re.compile(r"[ \t\r\n\f\v]+")


def _html_text(root: object) -> str:
    """Text of an lxml tree, one block per line; table cells on one row joined by a tab."""
    from lxml import etree

    pieces: list[str] = []
    # Iterative walk: scraped pages nest unclosed tags thousands deep, past Python's recursion limit.
    stack: list[tuple[etree._Element, bool]] = [(root, False)]  # type: ignore[list-item]
    while stack:
        el, closing = stack.pop()
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if closing:
            if tag in _BLOCK_TAGS and tag not in _CELL_TAGS:
                pieces.append("\n")
            if el.tail:
                pieces.append(el.tail)
            elif tag == "a":
                pieces.append(" ")  # menus are runs of adjacent links
            continue
        if tag in _DROP_TAGS or not isinstance(el.tag, str):
            if el.tail:
                pieces.append(el.tail)
            continue
        if tag in _BLOCK_TAGS:
            pieces.append("\t" if tag in _CELL_TAGS else "\n")
        if el.text:
            pieces.append(el.text)
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))

    lines = []
    for line in "".join(pieces).split("\n"):
        cells = [_WS.sub(" ", c).strip() for c in line.split("\t")]
        line = "\t".join(c for c in cells if c)
        if line:
            lines.append(line)
    return "\n".join(lines)


_DROP_BLOCKS = re.compile(r"<(script|style|iframe|noscript|template|svg)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_BLOCK_TAG = re.compile(r"</?(p|div|br|li|tr|h[1-6]|table|section|article|ul|ol|dd|dt)\b[^>]*>", re.I)


def _html_text_by_tags(html_text: str) -> str:
    """Fallback for pages the parser gives up on: drop non-text blocks, break at block tags."""
    import html as html_lib

    text = _DROP_BLOCKS.sub(" ", html_text)
    text = _BLOCK_TAG.sub("\n", text)
    text = html_lib.unescape(re.sub(r"<[^>]*>", "", text))
    return "\n".join(line for line in (_WS.sub(" ", x).strip() for x in text.split("\n")) if line)


def _decode_html(data: bytes, path: str) -> str:
    match = _META_CHARSET.search(data[:4096])
    if match:
        enc = match.group(1).decode("ascii", "ignore").lower()
        if enc in ("gb2312", "gbk", "gb_2312-80"):
            enc = "gb18030"
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            log.info("%s: declared charset %s is wrong; detecting", path, enc)
    return decode(data, path)


def read_html(data: bytes, path: str) -> RawText:
    """Whole page as text (scripts, styles, iframes dropped); readability marks the article."""
    import lxml.html
    from lxml import etree

    text = _decode_html(data, path)
    if not text.strip():
        raise IngestError(path, "empty file")
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        root = lxml.html.document_fromstring(text, parser=lxml.html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError) as exc:
        raise IngestError(path, f"not a readable HTML page ({exc})") from None
    raw = _html_text(root)
    if not raw.strip():
        raw = _html_text_by_tags(text)  # libxml2 drops text nested deeper than it will parse
    if not raw.strip():
        raise IngestError(path, "empty page (no text)")
    title_hint = None
    h1 = root.xpath("//h1")
    if h1:
        title_hint = _WS.sub(" ", h1[0].text_content()).strip() or None
    if not title_hint:
        t = root.xpath("//title")
        if t:
            title_hint = re.split(r"\s*[_|｜—-]{1,2}\s*", _WS.sub(" ", t[0].text_content()).strip())[0]
            title_hint = title_hint or None
    return RawText(raw, title_hint, _readability_lines(text, path))


def _readability_lines(html: str, path: str) -> tuple[str, ...]:
    try:
        import lxml.html
        from readability import Document

        summary = Document(html).summary(html_partial=True)
        article = _html_text(lxml.html.fragment_fromstring(summary, create_parent="div"))
    except Exception as exc:  # readability raises bare Exceptions on odd pages
        log.info("%s: readability failed (%s); cleaning by rules only", path, exc)
        return ()
    return tuple(line for line in article.split("\n") if line.strip())


# ---------------------------------------------------------------- DOCX


def _check_zip(data: bytes, path: str, kind: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise IngestError(path, f"not a valid {kind} file (damaged or truncated)") from None
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if total > MAX_UNZIPPED or (total > 1024 * 1024 and total / packed > MAX_ZIP_RATIO):
        raise IngestError(path, f"refused: archive expands to {total:,} bytes (zip bomb?)")
    _verify_sizes(data, path, kind)


def _verify_sizes(data: bytes, path: str, kind: str) -> None:
    """Inflate every member in small steps: a member whose directory entry understates its size
    would otherwise be inflated in one go (zipfile bounds output only after each input chunk)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            for info in zf.infolist():
                with zf.open(info) as fh:
                    while fh.read(1 << 16):
                        pass
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise IngestError(path, f"not a valid {kind} file (damaged or truncated: {type(exc).__name__})") from None


def read_docx(data: bytes, path: str) -> RawText:
    """Paragraphs and tables in document order; table rows become tab-separated lines."""
    _check_zip(data, path, ".docx")
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Paragraph):
                lines.append(block.text)
            elif isinstance(block, Table):
                lines.extend(_table_lines(block))
    except IngestError:
        raise
    except Exception as exc:  # python-docx raises KeyError/ValueError/lxml errors on bad parts
        raise IngestError(path, f"not a valid .docx file ({type(exc).__name__})") from None
    raw = "\n".join(line.replace("\r", "") for line in lines)
    if not raw.strip():
        raise IngestError(path, "empty file")
    return RawText(raw)


def _table_lines(table: object) -> list[str]:
    out = []
    for row in table.rows:  # type: ignore[attr-defined]
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if text and (not cells or cells[-1] != text):  # merged cells repeat
                cells.append(text)
        if cells:
            out.append("\t".join(cells))
    return out


# ---------------------------------------------------------------- PDF


def read_pdf(data: bytes, path: str) -> RawText:
    """The PDF's text layer as it is; the cleaner joins hard-wrapped lines and drops layout spaces."""
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise IngestError(path, "not a valid PDF (no %PDF header)")
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(path, "encrypted PDF (password required)")
        pages = [page.extract_text() or "" for page in reader.pages]
    except IngestError:
        raise
    except Exception as exc:  # pypdf raises many types on damaged files
        raise IngestError(path, f"not a valid PDF (damaged or truncated: {type(exc).__name__})") from None
    text = "\n".join(pages)
    if not text.strip():
        raise IngestError(path, "no text layer (scanned PDF?)")
    return RawText(text, source="pdf")


READERS: dict[str, Callable[[bytes, str], RawText]] = {
    ".txt": read_text,
    ".md": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".docx": read_docx,
    ".pdf": read_pdf,
}
SUPPORTED = tuple(READERS)


def read(ext: str, data: bytes, path: str) -> RawText:
    """Dispatch on the (lower-case) extension; unknown formats are refused."""
    reader = READERS.get(ext.lower())
    if reader is None:
        shown = ext or "(none)"
        raise IngestError(path, f"unsupported file type {shown}; supported: {', '.join(SUPPORTED)}")
    return reader(data, path)

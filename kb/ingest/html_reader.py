"""HTML pages: the whole page as text, one block per line, and the article as readability sees it.

Scripts, styles and media payloads are dropped; text that a half-closed tag hid is given back first
(``html_repair``). A page whose rendered text is much shorter than its visible text gets a note.
"""

from __future__ import annotations

import bisect
import html as html_lib
import logging
import re

from kb.errors import IngestError
from kb.ingest.budget import Budget
from kb.ingest.encoding import decode
from kb.ingest.html_repair import CONTAINERS, RAW_TEXT, repair
from kb.ingest.htmlmeta import page_accessed, page_site, page_url
from kb.ingest.raw import RawText

log = logging.getLogger(__name__)

_DROP_TAGS = frozenset(("head", "input", "option", "optgroup", *CONTAINERS, *RAW_TEXT)) - {"title"}
_BLOCK_TAGS = frozenset(
    "p div br li ul ol tr table tbody thead h1 h2 h3 h4 h5 h6 section article header footer nav aside main dd dt "
    "dl blockquote pre hr title center figure figcaption address td th".split()
)
_CELL_TAGS = {"td", "th"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.I)
_WS = re.compile(r"[ \t\r\n\f\v]+")
# readability scores every node several times: ~10 s for a 5 MB page. Past this size the cleaner's
# rules alone bound the article.
READABILITY_MAX_BYTES = 2_000_000
_LOSS_SHARE = 0.6  # rendered text under this share of the visible text: something hid it
_LOSS_MIN = 100


def _html_text(root: object, budget: Budget | None = None) -> str:
    """Text of an lxml tree, one block per line; table cells on one row joined by a tab."""
    from lxml import etree

    pieces: list[str] = []
    size = 0
    limit = budget.left() + 1 if budget else None
    # Iterative walk: scraped pages nest unclosed tags thousands deep, past Python's recursion limit.
    stack: list[tuple[etree._Element, bool]] = [(root, False)]  # type: ignore[list-item]
    steps = 0
    while stack:
        steps += 1
        if budget and steps % 4096 == 0:
            budget.check("rendering the page")
            if limit is not None and size > limit:
                budget.take(size)
                break
        el, closing = stack.pop()
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        before = len(pieces)
        if closing:
            if tag in _BLOCK_TAGS and tag not in _CELL_TAGS:
                pieces.append("\n")
            if el.tail:
                pieces.append(el.tail)
            elif tag == "a":
                pieces.append(" ")  # menus are runs of adjacent links
        elif tag in _DROP_TAGS or not isinstance(el.tag, str):
            if el.tail:
                pieces.append(el.tail)
        else:
            if tag in _BLOCK_TAGS:
                pieces.append("\t" if tag in _CELL_TAGS else "\n")
            if el.text:
                pieces.append(el.text)
            stack.append((el, True))
            stack.extend((child, False) for child in reversed(el))
        size += sum(len(p.strip()) for p in pieces[before:])
    return _lines("".join(pieces))


def _lines(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        cells = [_WS.sub(" ", c).strip() for c in line.split("\t")]
        line = "\t".join(c for c in cells if c)
        if line:
            lines.append(line)
    return "\n".join(lines)


_HIDDEN = "script|style|iframe|noscript|template|svg|object|video|audio|canvas|select|button|textarea|math"
_HIDDEN_TAG = re.compile(rf"<(/?)({_HIDDEN}|head)\b[^<>]*>|<!--", re.I)
_COMMENT_END = re.compile(r"-->")
_BLOCK_TAG = re.compile(r"</?(p|div|br|li|tr|h[1-6]|table|section|article|ul|ol|dd|dt)\b[^<>]*>", re.I)
_ANY_TAG = re.compile(r"<[^<>]*>")  # never spans a "<": linear on pages full of stray brackets


def _strip_hidden(html_text: str) -> str:
    """The page without its head, script, style, media and form blocks and comments.

    One pass: each opening tag is matched to the next closing tag of its name (found by bisection
    in a list of closing tags), so a page of unclosed tags costs no more than a closed one. An
    unclosed tag loses only itself, its text stays.
    """
    closes: dict[str, list[tuple[int, int]]] = {"--": [(m.start(), m.end()) for m in _COMMENT_END.finditer(html_text)]}
    for m in _HIDDEN_TAG.finditer(html_text):
        if m.group(1):
            closes.setdefault(m.group(2).lower(), []).append((m.start(), m.end()))
    out, pos = [], 0
    for m in _HIDDEN_TAG.finditer(html_text):
        if m.start() < pos or m.group(1):
            continue
        ends = closes.get("--" if m.group(0) == "<!--" else m.group(2).lower(), [])
        k = bisect.bisect_left(ends, (m.end(), 0))
        out.append(html_text[pos : m.start()])
        out.append(" ")
        pos = ends[k][1] if k < len(ends) else m.end()
    out.append(html_text[pos:])
    return "".join(out)


def _html_text_by_tags(html_text: str) -> str:
    """Fallback for pages the parser gives up on: drop non-text blocks, break at block tags."""
    text = _BLOCK_TAG.sub("\n", _strip_hidden(html_text))
    text = html_lib.unescape(_ANY_TAG.sub("", text))
    return "\n".join(line for line in (_WS.sub(" ", x).strip() for x in text.split("\n")) if line)


def _visible_chars(html_text: str) -> int:
    """Characters a browser would show, roughly: tags, head, scripts, media and comments removed."""
    text = html_lib.unescape(_ANY_TAG.sub("", _strip_hidden(html_text)))
    return sum(1 for ch in text if not ch.isspace())


def _decode_html(data: bytes, path: str, notes: list[str]) -> str:
    match = _META_CHARSET.search(data[:4096])
    if match:
        enc = match.group(1).decode("ascii", "ignore").lower()
        if enc in ("gb2312", "gbk", "gb_2312-80"):
            enc = "gb18030"
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            log.info("%s: declared charset %s is wrong; detecting", path, enc)
    return decode(data, path, notes)


def read_html(data: bytes, path: str, budget: Budget | None = None) -> RawText:
    """Whole page as text (scripts, styles, payloads dropped); readability marks the article."""
    import lxml.html
    from lxml import etree

    budget = budget or Budget(path)
    text = _decode_html(data, path, budget.notes)
    if not text.strip():
        raise IngestError(path, "empty file")
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        root = lxml.html.document_fromstring(text, parser=lxml.html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError) as exc:
        raise IngestError(path, f"not a readable HTML page ({exc})") from None
    budget.check("parsing the page")
    title_hint = _title_hint(root)
    url, accessed, site = page_url(root, text), page_accessed(text), page_site(root)
    repair(root)
    raw = _html_text(root, budget)
    if not raw.strip():
        raw = _html_text_by_tags(text)  # libxml2 drops text nested deeper than it will parse
    if not raw.strip():
        raise IngestError(path, "empty page (no text)")
    if not budget.cut:  # a cut page is short of its visible text by design
        raw = _recover(raw, text, budget)
    raw = budget.cap(raw)
    budget.check("rendering the page")
    article = _readability_lines(root, path) if len(data) <= READABILITY_MAX_BYTES else ()
    return RawText(raw, title_hint, article, url_hint=url, accessed_hint=accessed, site_hint=site)


def _title_hint(root: object) -> str | None:
    h1 = root.xpath("//h1")  # type: ignore[attr-defined]
    if h1:
        hint = _WS.sub(" ", h1[0].text_content()).strip()
        if hint:
            return hint
    t = root.xpath("//title")  # type: ignore[attr-defined]
    if t:
        return title_of_page(_WS.sub(" ", t[0].text_content()).strip())
    return None


# The parts of a page's <title> that name the site or its column, not the article: 某某官网, 某某门户网站,
# 某某人民政府, 新闻中心, 首页, 公司动态.
_SITE_PART = re.compile(r"(?:官网|官方网站|网站|门户|网|政府|首页|频道|在线|客户端|中心|动态|新闻|资讯|公告|要闻)$")


def title_of_page(text: str) -> str | None:
    """The article's part of a <title> such as "某某官网_公司动态_新区数字产业园首批企业签约入驻":
    the longest part that does not name the site or a column (sites put their name first or last)."""
    parts = [p for p in re.split(r"\s*(?:[_|｜]|—{1,2}|--)\s*|\s+-\s+", text) if p]
    if not parts:
        return None
    article = [p for p in parts if not _SITE_PART.search(p)]
    return max(article or parts, key=len)  # all site-like (新闻中心_某区大数据中心揭牌): the longest


def _recover(raw: str, html_text: str, budget: Budget) -> str:
    """The rendering, or the page read by its tags when markup hid much of the visible text
    (libxml2 drops what is nested past its depth limit); a note either way."""
    shown = _chars(raw)
    visible = _visible_chars(html_text)
    if shown >= _LOSS_SHARE * visible or visible - shown <= _LOSS_MIN:
        return raw
    by_tags = _html_text_by_tags(html_text)
    if _chars(by_tags) >= 0.9 * visible:
        budget.note(f"the page's markup hid {visible - shown:,} of its {visible:,} characters; read by tags instead")
        return by_tags
    budget.note(f"only {shown:,} of the page's {visible:,} visible characters could be read")
    return raw


def _chars(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def _readability_lines(root: object, path: str) -> tuple[str, ...]:
    try:
        import lxml.html
        from readability import Document

        summary = Document(root).summary(html_partial=True)  # its clean-up works on a copy
        article = _html_text(lxml.html.fragment_fromstring(summary, create_parent="div"))
    except Exception as exc:  # readability raises bare Exceptions on odd pages
        log.info("%s: readability failed (%s); cleaning by rules only", path, exc)
        return ()
    return tuple(line for line in article.split("\n") if line.strip())

"""Citations in GB/T 7714-2015 form, plus the nested book-title marks they need.

Why these forms (GB/T 7714-2015, 4.4 and 4.8, with the standard's punctuation ". " ", " ": "):

- web page or policy document online:
  ``主要责任者. 题名: 其他题名信息[EB/OL]. (发布日期)[引用日期]. 获取和访问路径.``
- newspaper article (the 来源 is a paper, e.g. 云南日报) online:
  ``主要责任者. 题名[N/OL]. 报纸名, 出版日期[引用日期]. 获取和访问路径.``

The issuer (发文机关) is the 主要责任者; a joint issue (联合发文) lists up to three issuers separated by
", " and then ", 等". Without an issuer the 来源 stands in (unless it is only a host name); a
newspaper article without a known author starts with its title, as 顺序编码制 allows. The 文号 is
其他题名信息 after ": ", where the standard puts a standard's or report's number
(``…: GB/T 7714—2015[S]``). The title carries no 《》; book marks inside it become 〈〉.

A publication date missing on the page is left out, as in the standard's example
``…History of OCLC[EB/OL]. [2000-01-08]. http://…``. A local file without a known URL has no online
access path: it is cited without the carrier code /OL, without 引用日期 and without a path (the
form of a resource not consulted online); the reader still shows the file's path.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Protocol
from urllib.parse import urlparse

__all__ = [
    "Citable",
    "access_date",
    "authors",
    "book_title",
    "doc_url",
    "format_gbt7714",
    "is_newspaper",
    "nest_title_marks",
    "plain_title",
    "type_code",
]

MAX_AUTHORS = 3
_OPEN = "《〈<"
_CLOSE = "》〉>"
_AUTHOR_SPLIT = re.compile(r"[\s\u3000、，,;；/]+")
# A paper's name ends in 报 (日报, 晚报, 时报, 商报, 电子报); 公报/简报/学报/通报 are not papers.
_NEWSPAPER = re.compile(r"^[\u4e00-\u9fff]{1,12}(?<![公简学通情汇快周月年])报$")
_ISO_DAY = re.compile(r"^\d{4}(-\d{1,2}){0,2}")
_HOST = re.compile(r"^(https?://)?[\w.-]+\.[a-z]{2,}(/\S*)?$", re.I)


class Citable(Protocol):
    """What a citation needs of a document (``kb.models.Document`` and ``PreparedDoc`` have it)."""

    @property
    def title(self) -> str: ...

    @property
    def date(self) -> str | None: ...

    @property
    def source(self) -> str | None: ...

    @property
    def kind(self) -> str: ...

    @property
    def issuer(self) -> str | None: ...

    @property
    def doc_number(self) -> str | None: ...


def nest_title_marks(text: str, depth: int = 1) -> str:
    """Book-title marks inside ``text`` alternate 〈〉 and 《》 by depth, starting at ``depth``.

    Scraped titles write a nested title with 《》, 〈〉 or ASCII <>, in any mix; a nested title is
    written 〈〉 inside 《》 (and 《》 again inside that). Unbalanced marks are left as they are.
    """
    if not _balanced(text):
        return text
    out, level = [], depth
    for ch in text:
        if ch in _OPEN:
            out.append("〈" if level % 2 else "《")
            level += 1
        elif ch in _CLOSE:
            level -= 1
            out.append("〉" if level % 2 else "》")
        else:
            out.append(ch)
    return "".join(out)


def _balanced(text: str) -> bool:
    level = 0
    for ch in text:
        if ch in _OPEN:
            level += 1
        elif ch in _CLOSE:
            level -= 1
            if level < 0:
                return False
    return level == 0


def _unwrap(title: str) -> str:
    """The title without 《》 around the whole of it (a page may show its title so)."""
    title = " ".join(title.split())
    while len(title) > 2 and title[0] in "《〈" and title[-1] in "》〉" and _balanced(title[1:-1]):
        title = title[1:-1].strip()
    return title


def plain_title(title: str) -> str:
    """The title as GB/T 7714 prints it: no outer marks, a nested title in 〈〉."""
    return nest_title_marks(_unwrap(title))


def book_title(title: str) -> str:
    """``title`` in 《》 with nested titles in 〈〉, e.g. 《关于印发〈某省数据条例〉的通知》."""
    inner = plain_title(title)
    return f"《{inner}》" if inner else ""


def is_newspaper(name: str | None) -> bool:
    """Whether a 来源 names a newspaper (人民日报, 贵州日报, 中国电子报), not a site or an office."""
    return bool(name) and bool(_NEWSPAPER.match(name.strip()))  # type: ignore[union-attr]


def authors(doc: Citable) -> list[str]:
    """主要责任者: the issuers (split at spaces, 、 and commas), else the 来源 if it is no host."""
    names = [n for n in _AUTHOR_SPLIT.split(doc.issuer or "") if n]
    if not names and doc.source and not _HOST.match(doc.source.strip()):
        if not (doc.kind == "news" and is_newspaper(doc.source)):
            names = [doc.source.strip()]
    unique = list(dict.fromkeys(names))
    return unique[:MAX_AUTHORS] + (["等"] if len(unique) > MAX_AUTHORS else [])


def type_code(doc: Citable, url: str | None) -> str:
    """文献类型/载体: N for a newspaper article, EB otherwise; /OL when read online."""
    code = "N" if doc.kind == "news" and is_newspaper(doc.source) else "EB"
    return code + ("/OL" if url else "")


def format_gbt7714(
    doc: Citable, *, accessed: date | str | None, url: str | None, section: str | None = None
) -> str:
    """The GB/T 7714-2015 reference of ``doc`` (see the module docstring for the form).

    ``accessed`` is the 引用日期 (the import date unless the page states one); ``section``, the
    passage's place in the document, follows the reference in （） since the standard gives a
    reference no place for it.
    """
    url = _clean_url(url)
    code = type_code(doc, url)
    title = plain_title(doc.title)
    if doc.doc_number and not code.startswith("N"):
        title += f": {doc.doc_number.strip()}"
    head = ", ".join(authors(doc))
    parts = [f"{head}. " if head else "", f"{title}[{code}]. "]
    when = (doc.date or "").strip()
    seen = _iso(accessed) if url else ""
    if code.startswith("N"):
        paper = (doc.source or "").strip()
        parts.append(f"{paper}, {when}" if when else paper)
        parts.append(f"[{seen}]. " if seen else ". ")
    else:
        dated = f"({when})" if when else ""
        tail = dated + (f"[{seen}]" if seen else "")
        parts.append(f"{tail}. " if tail else "")
    if url:
        parts.append(f"{url}. ")
    text = "".join(parts).strip()
    if section and section.strip():
        text += f"（{section.strip()}）"
    return text


def doc_url(doc: object) -> str | None:
    """The document's URL, if it has one (``Document.url`` once the store keeps it)."""
    url = getattr(doc, "url", None)
    return url.strip() if isinstance(url, str) and url.strip() else None


def access_date(doc: object) -> str | None:
    """引用日期: the date the page states, else the import date (ISO day)."""
    for attr in ("accessed", "imported_at"):
        value = getattr(doc, attr, None)
        if isinstance(value, str) and _ISO_DAY.match(value.strip()):
            return value.strip()[:10]
    return None


def _iso(value: date | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return value.strip()[:10]


def _clean_url(url: str | None) -> str | None:
    """An http(s) URL, or None (a file path or a bare word is no online access path)."""
    if not url:
        return None
    url = url.strip()
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        return None
    return url

"""Where a document was published online, and when it was read: for its citation.

Scraped pages and their text dumps name their own address in a labelled line (原文链接: http://…,
本文链接, 原文地址, 网址, a 来源 that is a link) or a bare URL line; the cleaner removes those lines from
the body but keeps them with a reason, so they are read here. A page's own statement of when it was
read (访问日期, 采集时间, 保存时间) is the access date; otherwise the importer's date stands in.

A site's bare host (网址：www.某某.gov.cn in a footer) is the site, not the document, and is not
taken; nor is a link inside the article body, which points elsewhere (申报网址, 详见…).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from urllib.parse import urlparse, urlunparse

from kb.ingest.clean import Line

__all__ = ["accessed_from_lines", "clean_url", "has_path", "url_from_lines"]

_URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+", re.I)
# Labels that name the document's own address, strongest first.
_OWN_LABEL = re.compile(
    r"^[\[【(（]?\s*(原文链接|原文地址|原文网址|本文链接|本文地址|本文网址|文章链接|文章地址|页面地址|网页地址|"
    r"原始链接|来源链接|来源网址|转载自|原文|URL|Source|Link)\s*[】\])）]?(?:\s*[:：]\s*|\s*(?=https?://|www\.))",
    re.I,
)
_WEAK_LABEL = re.compile(r"^[\[【]?\s*(网址|链接|地址|来源|信息来源|文章来源|出处)\s*[】\]]?\s*[:：]\s*")
_ACCESS_LABEL = re.compile(
    r"^[\[【(（]?\s*(访问日期|访问时间|引用日期|检索日期|检索时间|获取日期|获取时间|采集日期|采集时间|抓取日期|"
    r"抓取时间|爬取时间|保存日期|保存时间|下载日期|下载时间|存档日期|存档时间)\s*[】\])）]?\s*[:：]?\s*(.{6,40})$"
)
_TRAILING = "。，,；;、)）]】>》\"'"


def clean_url(text: str | None) -> str | None:
    """An absolute http(s) URL without trailing punctuation, or None; "www." gets http://."""
    if not text:
        return None
    text = text.strip().rstrip(_TRAILING)
    if text.lower().startswith("www."):
        text = "http://" + text
    parsed = urlparse(text)
    if parsed.scheme.lower() not in ("http", "https") or "." not in parsed.netloc or " " in text:
        return None
    return urlunparse(parsed._replace(scheme=parsed.scheme.lower(), netloc=parsed.netloc.lower()))


def has_path(url: str) -> bool:
    """Whether a URL names a page rather than a site's home (/, /index.html)."""
    path = urlparse(url).path
    return bool(re.sub(r"^/+|/*(index|default)\.s?html?$|/+$", "", path, flags=re.I)) or bool(urlparse(url).query)


def url_from_lines(lines: Sequence[Line]) -> str | None:
    """The document's own URL from the page's removed lines (see the module docstring)."""
    for line in lines:  # 原文链接: … names the page wherever it stands, even a site's home
        text = line.text
        m = _OWN_LABEL.match(text)
        if m:
            url = _first_url(text[m.end():])
            if url:
                return url
    removed = [line.text for line in lines if line.reason is not None]
    for text in removed:  # weaker labels and bare lines must be removed ones and name a page
        m = _WEAK_LABEL.match(text)
        rest = text[m.end():] if m else (text if _URL.fullmatch(text.strip()) else "")
        url = _first_url(rest)
        if url and has_path(url):
            return url
    return None


def _first_url(text: str) -> str | None:
    m = _URL.search(text)
    return clean_url(m.group(0)) if m else None


def accessed_from_lines(lines: Sequence[Line], parse_date: Callable[[str], str | None]) -> str | None:
    """The access date a page states (访问日期：2024-05-06, 采集时间 …), as ISO, else None."""
    for line in lines:
        m = _ACCESS_LABEL.match(line.text.strip())
        if m:
            found = parse_date(m.group(2))
            if found:
                return found
    return None

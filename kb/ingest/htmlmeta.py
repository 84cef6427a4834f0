"""A saved HTML page's own address and save date, from its head and the browser's marks.

Why several sources: a page declares its address (``<link rel="canonical">``, ``og:url``, the
``<meta name="Url">`` that Chinese government site templates carry), and a browser that saved it
leaves one too (``<!-- saved from url=(0042)http://… -->``; SingleFile's ``url:`` and
``saved date:``). Some templates point every page's canonical at the site's home, so an address
that names a page wins over one that names only a site.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

from kb.ingest.pageurl import clean_url, has_path

__all__ = ["page_accessed", "page_site", "page_url"]

_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.I)
_SINGLEFILE = re.compile(r"Page saved with SingleFile\s*(?:\n|\s)*url:\s*(\S+)(?:\s*saved date:\s*([^\n]+))?", re.I)
_HEAD_BYTES = 200_000
_TITLE_SPLIT = re.compile(r"\s*(?:[_|｜]|\s[-—–]+\s|——)\s*")


def page_url(root: Any, html: str) -> str | None:
    """The page's address: declared in its head, else where the browser saved it from."""
    head = html[:_HEAD_BYTES]
    saved = _saved_url(head)
    declared = [
        *root.xpath('//link[translate(@rel,"CANONICAL","canonical")="canonical"]/@href'),
        *root.xpath('//meta[translate(@property,"OGURL","ogurl")="og:url"]/@content'),
        *root.xpath('//meta[translate(@name,"URL","url")="url"]/@content'),
    ]
    base = saved or next((u for u in map(clean_url, declared) if u), None)
    candidates = [clean_url(urljoin(base, d.strip()) if base else d) for d in declared] + [saved]
    found = [u for u in candidates if u]
    return next((u for u in found if has_path(u)), found[0] if found else None)


def page_site(root: Any) -> str | None:
    """The site's name: declared (``SiteName``, ``og:site_name``) or the last part of the ``<title>``
    ("关于印发…的通知_某某市人民政府"); government templates name the issuing government there."""
    declared = [*root.xpath('//meta[translate(@name,"SITENAME","sitename")="sitename"]/@content'),
                *root.xpath('//meta[translate(@property,"OGSITENAME","ogsitename")="og:site_name"]/@content')]
    for value in declared:
        if value.strip():
            return " ".join(value.split())[:60]
    titles = root.xpath("//title")
    if titles:
        parts = [p.strip() for p in _TITLE_SPLIT.split(" ".join(titles[0].text_content().split())) if p.strip()]
        if len(parts) > 1 and len(parts[-1]) <= 30:
            return parts[-1]
    return None


def _saved_url(head: str) -> str | None:
    m = _SAVED_FROM.search(head) or _SINGLEFILE.search(head)
    return clean_url(m.group(1)) if m else None


def page_accessed(html: str) -> str | None:
    """The day SingleFile saved the page ("saved date: Tue Mar 05 2024 10:11:12 GMT+0800"), ISO."""
    m = _SINGLEFILE.search(html[:_HEAD_BYTES])
    if not m or not m.group(2):
        return None
    words = m.group(2).split()
    try:
        return datetime.strptime(" ".join(words[1:4]), "%b %d %Y").date().isoformat()
    except ValueError:
        return None

"""A saved page's own address and save date, from its head and the browser's marks."""

from __future__ import annotations

import lxml.html
import pytest

from kb.ingest.htmlmeta import page_accessed, page_url
from kb.ingest.pageurl import clean_url, has_path


def _url(html: str) -> str | None:
    return page_url(lxml.html.document_fromstring(html), html)


@pytest.mark.parametrize(
    "head,expected",
    [
        ('<link rel="canonical" href="https://www.zj.gov.cn/art/2023/7/1/art_1.html">', "https://www.zj.gov.cn/art/2023/7/1/art_1.html"),
        ('<meta property="og:url" content="http://www.henan.gov.cn/2023/07-01/1.html">', "http://www.henan.gov.cn/2023/07-01/1.html"),
        ('<meta name="Url" content="http://www.sd.gov.cn/art/2023/6/15/art_1.html">', "http://www.sd.gov.cn/art/2023/6/15/art_1.html"),
        # a template that points every canonical at the home page loses to an address of the page
        ('<link rel="Canonical" href="http://www.hebei.gov.cn/"><meta property="og:url" content="http://www.hebei.gov.cn/columns/1/202307/t1.html">',
         "http://www.hebei.gov.cn/columns/1/202307/t1.html"),
        ('<link rel="canonical" href="javascript:void(0)">', None),
        ("<title>无地址</title>", None),
    ],
)
def test_declared_address(head: str, expected: str | None) -> None:
    assert _url(f"<html><head>{head}</head><body><p>正文</p></body></html>") == expected


def test_saved_from_comment_and_relative_canonical() -> None:
    html = ("<!-- saved from url=(0049)http://www.ln.gov.cn/zwgkx/zfwj/202307/t1.html -->\n"
            '<html><head><link rel="canonical" href="../202307/t1.html"></head><body><p>正文</p></body></html>')
    assert _url(html) == "http://www.ln.gov.cn/zwgkx/zfwj/202307/t1.html"
    assert _url(html.replace('<link rel="canonical" href="../202307/t1.html">', "")) == (
        "http://www.ln.gov.cn/zwgkx/zfwj/202307/t1.html"
    )


def test_singlefile_save_date() -> None:
    html = ("<!--\n Page saved with SingleFile \n url: https://www.nx.gov.cn/zwgk/t1.html \n"
            " saved date: Sat Feb 03 2024 09:00:00 GMT+0800 (China Standard Time)\n-->\n<html></html>")
    assert page_accessed(html) == "2024-02-03"
    assert _url(html + "<body><p>x</p></body>") == "https://www.nx.gov.cn/zwgk/t1.html"
    assert page_accessed("<html><head></head></html>") is None


@pytest.mark.parametrize(
    "text,expected",
    [
        ("HTTP://WWW.GZ.GOV.CN/a.html。", "http://www.gz.gov.cn/a.html"),
        ("www.gz.gov.cn/a.html）", "http://www.gz.gov.cn/a.html"),
        ("ftp://files.gz.gov.cn/a.pdf", None),
        ("/home/user/a.html", None),
        ("http://localhost/a", None),
        (None, None),
    ],
)
def test_clean_url(text: str | None, expected: str | None) -> None:
    assert clean_url(text) == expected


def test_has_path() -> None:
    assert has_path("http://www.gz.gov.cn/zwgk/t1.html") and has_path("http://www.gz.gov.cn/?id=5")
    assert not has_path("http://www.gz.gov.cn/") and not has_path("http://www.gz.gov.cn/index.html")

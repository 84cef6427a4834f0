"""Half-closed and HTML5-only tags never take the text after them with them."""

from __future__ import annotations

import pytest

from kb.ingest import prepare_bytes
from kb.ingest.html_reader import read_html

PARAS = [
    "为加快推进数字经济高质量发展，结合本省实际，制定本实施方案，请各地认真贯彻落实。",
    "到2025年，全省数字经济规模突破一万亿元，数字经济核心产业增加值占比达到百分之十。",
    "对新建的省级工业互联网平台，按照项目总投资的百分之二十给予补助，最高不超过五百万元。",
    "各市州要建立工作推进机制，明确责任分工，加强督促检查，确保各项任务落到实处。",
]


def _page(middle: str) -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in PARAS[1:])
    return f"<html><body><div class='content'><p>{PARAS[0]}</p>{middle}{paras}</div></body></html>".encode()


@pytest.mark.parametrize(
    "tag",
    ['<embed src="x.swf">', '<source src="a.mp4">', '<track src="a.vtt">', "<wbr>", "<keygen>", "<video src='a.mp4'>",
     "<audio controls>", "<canvas>", '<object data="a.swf">', "<svg>", "<select name='s'>", "<button>", "<noscript>",
     "<template>"],
)
def test_unclosed_or_void_tag_keeps_the_paragraphs_after_it(tag):
    raw = read_html(_page(tag), "page.html").raw
    assert raw.split("\n") == PARAS


@pytest.mark.parametrize("tag", ["<iframe src='x.html'>", "<textarea>", "<xmp>", "<noembed>"])
def test_unclosed_raw_text_element_gives_back_the_markup_it_swallowed(tag):
    raw = read_html(_page(tag), "page.html").raw
    assert raw.split("\n") == PARAS
    assert "<p>" not in raw


def test_unclosed_script_at_the_end_of_the_head_gives_back_the_page():
    html = f"<html><head><title>方案</title><script>var a = 1;</head><body><p>{PARAS[0]}</p><p>{PARAS[1]}</p></body></html>"
    raw = read_html(html.encode(), "page.html").raw
    assert PARAS[0] in raw and PARAS[1] in raw and "var a" not in raw


def test_closed_payloads_and_widgets_stay_out():
    middle = (
        "<object data='x.swf'>OBJECT_FALLBACK</object><video src='v.mp4'>您的浏览器不支持视频播放</video>"
        "<select><option>北京</option><option>上海</option></select><button>登录</button>"
        "<svg><text>图表标签</text></svg><noscript>请启用脚本</noscript><template><div>{{ title }}</div></template>"
        "<iframe src='x'>IFRAME_TEXT</iframe><textarea>留言内容</textarea>"
    )
    raw = read_html(_page(middle), "page.html").raw
    assert raw.split("\n") == PARAS


def test_many_nested_unclosed_tags_end_quickly_and_keep_the_text():
    middle = "<button><embed src='x'><video>" * 3000
    raw = read_html(_page(middle), "page.html").raw
    assert raw.split("\n") == PARAS


def test_bare_text_after_an_unclosed_select_comes_back():
    hidden = "对新建项目按投资额的百分之十给予补助。" * 10
    html = f"<html><body><p>{PARAS[0]}</p><select><option>一</option><option>二</option>{hidden}</body></html>"
    raw = read_html(html.encode(), "page.html").raw
    assert hidden in raw and "一" not in raw


def test_text_nested_past_the_parser_depth_is_read_by_tags_with_a_warning():
    """libxml2 drops what is nested past ~2,000 levels; the text is read by its tags instead."""
    html = f"<html><body><p>{PARAS[0]}</p>{'<font><span>' * 1500}" + "".join(f"<p>{p}</p>" for p in PARAS[1:] * 3)
    doc = prepare_bytes("deep.html", html.encode())
    assert all(p in doc.body for p in PARAS)
    assert [w for w in doc.warnings if "read by tags instead" in w], doc.warnings


def test_text_the_reader_cannot_place_is_reported(monkeypatch):
    from kb.ingest import html_reader

    html = f"<html><body><p>{PARAS[0]}</p>{'<font><span>' * 1500}" + "".join(f"<p>{p}</p>" for p in PARAS[1:] * 3)
    monkeypatch.setattr(html_reader, "_html_text_by_tags", lambda text: "")  # the fallback fails as well
    doc = prepare_bytes("deep.html", html.encode())
    assert [w for w in doc.warnings if "visible characters could be read" in w], doc.warnings


def test_an_ordinary_page_has_no_warning():
    doc = prepare_bytes("plain.html", _page(""))
    assert doc.warnings == ()


def test_pages_of_unclosed_tags_and_stray_brackets_are_read_in_one_pass():
    """Thousands of unclosed hidden tags and bare '<' once made the text estimate quadratic."""
    junk = "<button>" * 20_000 + "a < b " * 20_000 + "<!-- " * 5_000 + "<head>" * 5_000
    doc = prepare_bytes("junk.html", _page(junk))
    assert all(p in doc.body for p in PARAS)

"""Give back the text that libxml2's HTML parser hides inside the wrong element.

libxml2 parses HTML 4: it does not know that ``<embed>``, ``<source>``, ``<track>`` or ``<wbr>``
are void, so everything after one becomes its child; an unclosed ``<video>``, ``<button>``,
``<select>``, ``<svg>`` or ``<object>`` owns the rest of its container; an unclosed ``<iframe>``,
``<textarea>`` or ``<script>`` turns the rest of the page into its raw text. The renderer drops
those elements (their own content is payload or fallback), and with them the article. Here the
tree is mended first: void elements give up their children, media and form containers that hold
real paragraphs give them up too, and raw-text elements that swallowed markup have it parsed.
"""

from __future__ import annotations

import logging
import re

from lxml import etree

log = logging.getLogger(__name__)

VOID = frozenset(
    "area base basefont bgsound br col command embed frame hr image img input isindex keygen link meta "
    "nextid param source track wbr".split()
)
# Elements whose own content is fallback, options, labels or drawings, not article text.
CONTAINERS = frozenset(
    "applet audio button canvas datalist map math noscript object picture select svg template video".split()
)
RAW_TEXT = frozenset("iframe noembed noframes plaintext script style textarea title xmp".split())
_BLOCKS = frozenset(
    "p div section article table tbody tr td th ul ol li dl dd dt h1 h2 h3 h4 h5 h6 blockquote pre center".split()
)
_NOT_TEXT = frozenset(("option", "optgroup", "script", "style"))
_ARTICLE_CHARS = 60
_INNER_CHARS = 8  # a paragraph inside a container that swallowed the page
_MAX_REPARSE = 20  # nested unclosed iframes would otherwise re-parse the page once per level
_PAGE_END = re.compile(r"</(body|html)\s*>", re.I)
_MARKUP_END = re.compile(r"</(p|div|td|tr|li|table|h[1-6]|span|section|article|body|html)\s*>", re.I)
_BLOCK_START = re.compile(r"<(p|div|td|tr|li|table|h[1-6]|section|article|span|br)\b", re.I)


def repair(root: etree._Element) -> int:
    """Mend ``root`` in place (see module docstring); returns how many elements were mended."""
    mended = reparsed = 0
    pending = [root]
    while pending:
        top = pending.pop()
        mended += _unwrap_all([el for el in top.iter(*VOID) if len(el) or el.text])
        containers = list(top.iter(*CONTAINERS))
        mended += _unwrap_all(_swallowing(containers))
        for el in list(top.iter(*RAW_TEXT)):
            tag = str(el.tag).lower()
            if reparsed < _MAX_REPARSE and _swallowed(tag, el.text or ""):
                pending.extend(_reparse(el, tag, root))
                reparsed += 1
                mended += 1
    if mended:
        log.info("mended %d elements that hid text", mended)
    return mended


def _unwrap_all(elements: list[etree._Element]) -> int:
    for el in elements:  # document order: an outer element hands its children up first
        _unwrap(el)
    return len(elements)


def _unwrap(el: etree._Element) -> None:
    """Move ``el``'s text and children out, right after it, in order."""
    if el.getparent() is None:
        return
    text, tail = el.text, el.tail
    children = list(el)
    el.text = None
    for child in reversed(children):
        el.addnext(child)  # the child's tail moves with it
    if children:
        last = children[-1]
        last.tail = (last.tail or "") + (tail or "") or None
        el.tail = text
    else:
        el.tail = (text or "") + (tail or "") or None


def _swallowing(containers: list[etree._Element]) -> list[etree._Element]:
    """The containers (in document order) that hold article text rather than their own content.

    One holding enough text is an unclosed tag that swallowed the page; the containers nested in
    it (the next unclosed tags) need only hold some paragraph text.
    """
    scores: dict[etree._Element, tuple[int, int]] = {}
    outer: dict[etree._Element, etree._Element] = {}
    for el in reversed(containers):  # inner ones first: an outer one reuses their scores
        scores[el] = _text_score(el, scores, outer)
    chosen: set[etree._Element] = set()
    for el in containers:
        score, in_blocks = scores[el]
        if score >= _ARTICLE_CHARS or (outer.get(el) in chosen and in_blocks >= _INNER_CHARS):
            chosen.add(el)
    return [el for el in containers if el in chosen]


def _text_score(
    el: etree._Element, scores: dict[etree._Element, tuple[int, int]], outer: dict[etree._Element, etree._Element]
) -> tuple[int, int]:
    """(weighted characters, characters inside blocks) of the text under a container.

    Text in paragraphs, cells and other blocks counts fully, bare text a third (a button's label,
    a player's fallback line stay under the bar). Containers inside were scored already: their
    subtrees are not walked again, so nested unclosed tags cost one pass in all.
    """
    score, in_blocks = len((el.text or "").strip()) // 3, 0
    stack = [(child, False) for child in reversed(el)]
    while stack:
        node, in_block = stack.pop()
        tail = len((node.tail or "").strip())
        score += tail if in_block else tail // 3
        in_blocks += tail if in_block else 0
        if node in scores:
            outer[node] = el
            score, in_blocks = score + scores[node][0], in_blocks + scores[node][1]
            continue
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag in _NOT_TEXT or not tag:
            continue
        block = in_block or tag in _BLOCKS
        text = len((node.text or "").strip())
        score += text if block else text // 3
        in_blocks += text if block else 0
        stack.extend((child, block) for child in reversed(node))
    return score, in_blocks


def _swallowed(tag: str, text: str) -> bool:
    """Raw text that runs to the end of the page, or (outside scripts) holds closed blocks."""
    if tag in ("script", "style"):
        return bool(_PAGE_END.search(text))  # scripts legitimately hold markup in strings
    return bool(_MARKUP_END.search(text))


def _reparse(el: etree._Element, tag: str, root: etree._Element) -> list[etree._Element]:
    """Parse the markup ``el`` swallowed and put it where the browser-visible page continues."""
    import lxml.html

    text = el.text or ""
    if tag in ("script", "style"):
        start = _BLOCK_START.search(text)
        text = text[start.start() :] if start else ""
    el.text = None
    try:
        frags = lxml.html.fragments_fromstring(text, parser=lxml.html.HTMLParser(huge_tree=True)) if text else []
    except (etree.ParserError, ValueError):
        return []
    lead = frags.pop(0) if frags and isinstance(frags[0], str) else ""
    elements = [f for f in frags if isinstance(f, etree._Element)]
    in_head = any(isinstance(a.tag, str) and a.tag.lower() == "head" for a in el.iterancestors())
    if in_head:
        body = root.find("body")
        if body is None:
            body = etree.SubElement(root, "body")
        holder = etree.Element("div")
        holder.text = lead or None
        holder.extend(elements)
        body.insert(0, holder)
        return [holder]
    tail = el.tail
    for frag in reversed(elements):
        el.addnext(frag)
    if elements:
        elements[-1].tail = (elements[-1].tail or "") + (tail or "") or None
        el.tail = lead or None
    else:
        el.tail = (lead or "") + (tail or "") or None
    return elements

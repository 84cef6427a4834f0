"""Separate the article from the web page around it, line by line.

Scraped government and news pages share a handful of templates: a head of menus, breadcrumbs and
metadata; the article; then a tail of source/disclaimer lines, previous/next links, related or hot
lists, share prompts and a copyright/ICP footer. Each line is first classified on its own
(``rules.classify``), then by position: a label alone takes its value line along; short lines
repeated beside PDF page numbers are running headers; menus before the first real paragraph, and
the site chrome above them, are navigation; everything from the first boilerplate line after the
last real paragraph is page, not article (page numbers and captions do not end the article).
Nothing is deleted: the removed lines come back as spans of the raw text with a reason.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from kb.ingest.layout import detect, join_wrapped, tidy
from kb.ingest.lines import Line
from kb.ingest.normalise import to_simplified
from kb.ingest.rules import (
    DOCNO_LINE,
    PUNCT_ANY,
    SENT_END,
    STRIP,
    classify,
    headline_kind,
    is_headline,
    is_label_only,
    is_menu,
    is_signature,
    is_strong,
)
from kb.models import RemovedSpan

__all__ = ["STRIP", "Cleaned", "Line", "classify", "clean", "is_headline", "is_signature", "is_strong"]

log = logging.getLogger(__name__)
_BARE_NUMBER = re.compile(r"\d{1,4}")
_SAMPLE = 3000  # characters that tell a 繁體 page from a Simplified one
_MENU_ITEM = {"navigation", "related"}
_IN_FLOW = {"page_number", "header", "caption"}  # page furniture inside the article: no end of it
_SENTENCE = re.compile(r".{19,}[。！？；]")
_NUMBERED_HEAD = re.compile(
    r"^(第.{1,3}[章节条]|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d{1,2}[.．、](?!\d))"
)
# A document's own title line above a menu must survive the "chrome above the menu" rule.
_TITLE_LIKE = re.compile(
    r"^关于.{4,}的(通知|通报|决定|意见|公告|通告|批复|函|报告|请示|答复)$|"
    r"^.{6,}(方案|计划|规划|意见|办法|通知|措施|细则|纲要|要点|报告|决定|公告|通报|条例|规定|答复)([(（].{2,20}[)）])?$"
)


@dataclass(frozen=True)
class Cleaned:
    body: str
    removed: tuple[RemovedSpan, ...]
    lines: tuple[Line, ...]  # every non-blank raw line, kept or not (metadata reads them)


def _read_lines(raw: str, lines: Sequence[Line]) -> list[str]:
    """The lines as the rules read them, which are written in Simplified: a 繁體 page's lines
    (來源：, 責任編輯：, 跳至主要內容) are read converted, one character for one. The raw text is
    converted once: no conversion entry holds a character outside the ideographs, so a line
    bounded by spaces or breaks converts as the same piece of the whole."""
    sample = raw[:_SAMPLE]
    if to_simplified(sample) == sample:
        return [line.text for line in lines]
    folded = to_simplified(raw)
    return [
        folded[line.start : line.end] if not line.cuts and raw[line.start : line.end] == line.text
        else to_simplified(line.text)
        for line in lines
    ]


def _split(raw: str) -> list[Line]:
    out, pos = [], 0
    for piece in raw.split("\n"):
        text = piece.strip(STRIP)
        if text:
            lead = len(piece) - len(piece.lstrip(STRIP))
            out.append(Line(pos + lead, pos + lead + len(text), text, None))
        pos += len(piece) + 1
    return out


def clean(
    raw: str, article_lines: Sequence[str] = (), title_hint: str | None = None, source: str = "blocks"
) -> Cleaned:
    """Split ``raw`` into the article body and removed spans (see module docstring).

    ``source`` says what the reader made (``kb.ingest.layout.SOURCES``): how much layout to undo.
    """
    lines = _split(raw)
    layout = detect(source, lines)
    lines = join_wrapped(lines, raw, layout)
    reasons: list[str | None] = [classify(text) for text in _read_lines(raw, lines)]
    _mark_values(lines, reasons)
    _mark_running_headers(lines, reasons)
    n = len(lines)
    strong = [i for i in range(n) if reasons[i] is None and is_strong(lines[i].text)]
    first, last = (strong[0], strong[-1]) if strong else (n, n - 1)
    # Plans written in short sentences: a full sentence of 20+ characters also opens the article.
    # (only below the last menu line: a welcome sentence in the site header opens nothing)
    floor = max((i for i in range(first) if reasons[i] == "navigation" or _is_link_row(lines[i].text)), default=-1)
    first = next(
        (i for i in range(floor + 1, first) if reasons[i] is None and _SENTENCE.fullmatch(lines[i].text)), first
    )

    bounds = _article_bounds(lines, article_lines, strong)
    if bounds:
        lo, hi = bounds
        for i in range(lo):
            text = lines[i].text
            if reasons[i] is None and not _is_title(text, title_hint) and not DOCNO_LINE.match(text):
                reasons[i] = "navigation"
        inside = [i for i in strong if lo <= i <= hi]
        # readability often takes the whole page: trust it only as far as the paragraphs go
        first, last = (inside[0], inside[-1]) if inside else (lo, hi)

    _mark_head(lines, reasons, first, title_hint)
    _mark_runs(lines, reasons, first, last)
    if strong or bounds:
        _mark_tail(lines, reasons, first, last)
    _mark_duplicate_title(lines, reasons, first)

    if all(r is not None for r in reasons) and lines:
        log.warning("cleaning removed every line; keeping the whole text")
        reasons = [None] * n
    final = tuple(
        tidy(line, layout) if r is None else Line(line.start, line.end, line.text, r, line.cuts)
        for line, r in zip(lines, reasons, strict=True)
    )
    body = "\n".join(line.text for line in final if line.reason is None)
    return Cleaned(body, _spans(final), final)


def _mark_values(lines: list[Line], reasons: list[str | None]) -> None:
    """A label alone on its line ("发布日期：") takes the next short line as its value."""
    for i in range(len(lines) - 1):
        nxt = lines[i + 1].text
        if reasons[i] == "meta" and is_label_only(lines[i].text) and reasons[i + 1] is None:
            if len(nxt) <= 80 and not is_strong(nxt):
                reasons[i + 1] = "meta"


def _mark_running_headers(lines: list[Line], reasons: list[str | None]) -> None:
    """PDF text: a short line repeated next to page numbers is a running header; bare numbers
    next to such headers are page numbers."""
    n = len(lines)
    markers = [
        i
        for i in range(n)
        if reasons[i] == "page_number" or (reasons[i] is None and _BARE_NUMBER.fullmatch(lines[i].text))
    ]
    if not markers:
        return
    near = {j for i in markers for j in range(i - 2, i + 3) if 0 <= j < n and j != i}
    hits: dict[str, list[int]] = {}
    for j in sorted(near):
        text = lines[j].text
        if reasons[j] is None and len(text) <= 40 and not SENT_END.search(text) and not _BARE_NUMBER.fullmatch(text):
            hits.setdefault(text, []).append(j)
    beside = {j for i in markers if reasons[i] == "page_number" for j in (i - 1, i + 1)}
    for found in hits.values():
        if len(found) >= 2 and beside.intersection(found):  # repeated, and once right by "— 12 —"
            for j in found:
                reasons[j] = "header"
    for i in markers:
        if reasons[i] is None and any(reasons[j] == "header" for j in (i - 1, i + 1) if 0 <= j < n):
            reasons[i] = "page_number"


def _article_bounds(lines: list[Line], article: Sequence[str], strong: list[int]) -> tuple[int, int] | None:
    """First/last raw line of the readability article, if it holds most of the real text."""
    if not article:
        return None
    wanted = {a.strip(STRIP) for a in article if len(a.strip(STRIP)) >= 8}
    inside = [i for i, line in enumerate(lines) if line.text in wanted]
    if not inside:
        return None
    lo, hi = inside[0], inside[-1]
    covered = sum(len(lines[i].text) for i in range(lo, hi + 1))
    outside = sum(len(lines[i].text) for i in strong if not lo <= i <= hi)
    return (lo, hi) if covered >= 1.5 * outside else None


def _core(text: str) -> str:
    return re.sub(r"\s+", "", re.sub(r"^[【\[][^】\]]{1,12}[】\]]", "", text))


def _is_title(text: str, hint: str | None) -> bool:
    return bool(hint) and _core(text) == _core(hint or "")


def _mark_head(lines: list[Line], reasons: list[str | None], first: int, hint: str | None = None) -> None:
    """Before the first paragraph: menus and runs of very short items are navigation, and so is
    whatever stands above the last menu or breadcrumb (site name, date bar, login links)."""
    run: list[int] = []
    end = min(first, len(lines))
    menus = [i for i in range(end) if reasons[i] == "navigation"]  # breadcrumbs, "当前位置", 无障碍 …
    for i in range(end):
        text = lines[i].text
        if reasons[i] is None and is_menu(text):
            reasons[i] = "navigation"
            if _is_link_row(text):
                menus.append(i)
    menus.sort()
    for i in range(end):  # recognised menu items (首页, 无障碍, 政策解读) count towards a run too
        text = lines[i].text
        short = len(text) <= 8 and not PUNCT_ANY.search(text) and not is_signature(text)
        if short and (reasons[i] is None or reasons[i] in _MENU_ITEM):
            run.append(i)
            continue
        _flush_unjudged(run, reasons)
        run = []
    _flush_unjudged(run, reasons)
    for i in range(1, end - 1):  # the last item of a sidebar list ("政策解读" …) left over
        text = lines[i].text
        if (
            reasons[i] is None
            and reasons[i - 1] == "related"
            and reasons[i + 1] not in (None, "duplicate")
            and len(text) <= 30
            and not _article_like(text)
            and not _is_title(text, hint)
            and not DOCNO_LINE.match(text)
        ):
            reasons[i] = "related"
    for i in range(menus[-1] if menus else 0):  # site chrome above the menus, down to the article
        text = lines[i].text
        if reasons[i] is None:
            if _is_title(text, hint) or _article_like(text):
                break
            reasons[i] = "navigation"


def _flush_unjudged(run: list[int], reasons: list[str | None]) -> None:
    """Four or more short items in a row are a menu: its unrecognised items are navigation."""
    if len(run) >= 4:
        for i in run:
            reasons[i] = reasons[i] or "navigation"


def _is_link_row(text: str) -> bool:
    """A menu of links; a tab row of short cells may as well be an article table's header."""
    return "\t" not in text and is_menu(text)


def _article_like(text: str) -> bool:
    """Lines that are never site chrome: sentences, long lines, numbered headings, document titles."""
    return bool(
        len(text) > 40 or SENT_END.search(text) or _NUMBERED_HEAD.match(text) or _TITLE_LIKE.search(_core(text))
    )


def _mark_runs(lines: list[Line], reasons: list[str | None], first: int, last: int) -> None:
    """Runs of headline-like lines are related/hot lists; inside the article only dated ones
    (bullet points are the article's own lists there)."""
    run: list[int] = []
    for i, line in enumerate(lines):
        kind = headline_kind(line.text) if reasons[i] is None else None  # None for any line over 60 characters
        kind = None if kind and is_signature(line.text) else kind
        if kind == "dated" or (kind == "bullet" and not first <= i <= last):
            run.append(i)
            continue
        if reasons[i] is not None and run and reasons[i] == "related":
            continue  # a list header inside the run
        _flush(run, reasons, 2 if (run and (run[0] < first or run[0] > last)) else 4, "related")
        run = []
    _flush(run, reasons, 2, "related")


def _mark_tail(lines: list[Line], reasons: list[str | None], first: int, last: int) -> None:
    """From the first boilerplate line after the last paragraph to the end: page footer.

    Bullet items right after the last paragraph stay when the article itself uses that bullet."""
    n = len(lines)
    own = {
        lines[i].text[0]
        for i in range(max(first, 0), last + 1)
        if reasons[i] is None and headline_kind(lines[i].text) == "bullet"
    }

    def listy(i: int) -> bool:
        text = lines[i].text
        kind = headline_kind(text)
        return bool(kind) and not is_signature(text) and not (kind == "bullet" and text[0] in own)

    cut = next(
        (i for i in range(last + 1, n) if (reasons[i] is not None and reasons[i] not in _IN_FLOW) or listy(i)), None
    )
    if cut is None:
        return
    j = cut - 1
    while (
        j > last
        and reasons[j] is None
        and len(lines[j].text) <= 10
        and not PUNCT_ANY.search(lines[j].text)
        and not is_signature(lines[j].text)
    ):
        reasons[j] = "related"
        j -= 1
    for i in range(cut, n):
        if reasons[i] is None:
            reasons[i] = "related" if is_headline(lines[i].text) else "footer"


def _mark_duplicate_title(lines: list[Line], reasons: list[str | None], first: int) -> None:
    """A page header repeating the article's own title line: keep the article's copy."""
    head = [i for i in range(min(first, len(lines))) if reasons[i] is None]
    for a, i in enumerate(head):
        core = _core(lines[i].text)
        if len(core) >= 6 and any(_core(lines[j].text) == core for j in head[a + 1 :]):
            reasons[i] = "duplicate"


def _flush(run: list[int], reasons: list[str | None], minimum: int, reason: str) -> None:
    if len(run) >= minimum:
        for i in run:
            reasons[i] = reason


def _spans(lines: tuple[Line, ...]) -> tuple[RemovedSpan, ...]:
    """Removed lines (a run with one reason as one span) and the layout cuts inside kept lines."""
    spans: list[RemovedSpan] = []
    prev_kept = True
    for line in lines:
        if line.reason is None:
            spans.extend(RemovedSpan(s, e, "layout") for s, e in line.cuts)
            prev_kept = True
            continue
        if spans and not prev_kept and spans[-1].reason == line.reason:
            spans[-1] = RemovedSpan(spans[-1].start, line.end, line.reason)
        else:
            spans.append(RemovedSpan(line.start, line.end, line.reason))
        prev_kept = False
    return tuple(spans)

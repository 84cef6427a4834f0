"""Body → passages (paragraphs, long ones split at sentence ends) with section paths.

Chinese policy documents number their sections in a fixed order — 第X章 > 一、 > (一) > 1. > (1) —
and scraped copies often lose a number, leaving a bare short title line. A bare title takes its
level from the next numbered heading: the parent of a first item (一/(一)/1), a sibling otherwise.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

log = logging.getLogger(__name__)

MAX_PASSAGE = 300
CN_NUM = "〇零一二三四五六七八九十百两"
_SENT_END = "。！？；!?;"
_CLOSERS = "”’」』）)】"

# rank: 0 第X章/编/部分, 1 第X节, 2 一、, 3 (一), 4 1., 5 (1)
_NUMBERED: list[tuple[int, re.Pattern[str]]] = [
    (0, re.compile(rf"^#*\s*第\s*([{CN_NUM}\d]+)\s*(章|编|部分|篇)")),
    (1, re.compile(rf"^#*\s*第\s*([{CN_NUM}\d]+)\s*节")),
    (2, re.compile(rf"^#*\s*([{CN_NUM}]+)\s*[、.．]")),
    (3, re.compile(rf"^#*\s*[(（]\s*([{CN_NUM}]+)\s*[)）]")),
    (4, re.compile(r"^#*\s*(\d{1,2})\s*(?:[.．、](?!\d)|\s)")),
    (5, re.compile(r"^#*\s*[(（]\s*(\d{1,2})\s*[)）]|^([①-⑳])")),
]
# Numbers lost in scraping: "、组织保障" (was 五、), ")人才引进政策" (was (三)).
_DAMAGED = [(2, re.compile(r"^、\s*\S")), (3, re.compile(r"^[)）]\s*\S"))]
_FINAL_PUNCT = re.compile(r"[。！？；，,、:：;!?…]$")
_DOC_SUFFIX = re.compile(r"(方案|计划|规划|意见|办法|通知|措施|细则|纲要|报告|决定|公告|通报|条例|规定|函)$")
_DATE_LINE = re.compile(r"^(19|20)\d{2}\s*[-/.年]?\s*\d{0,4}")
_DOCNO_LINE = re.compile(r"[〔\[［(（【]\s*(19|20)\d{2}\s*[〕\]］)）】]\s*\d+\s*号$|号$")
_ORG_LINE = re.compile(r"(委员会|人民政府|政府|办公厅|办公室|管委会|工委|党委|局|厅)$")
_BULLET_LINE = re.compile(r"^([•·●○◆◇■□▪▫►▶▷▲△※√✓✔☆★>»*]|[—–-]{1,2})\s*\S")
_NUMBER_ONLY = re.compile(r"^(part|no)?[.\s]*\d{1,3}$", re.I)
# Notes under a table or chapter: "①数据来源：…", "注：…" are not section titles.
_FOOTNOTE = re.compile(
    r"^[①-⑳]\s*(数据|资料|图片|图表)?(来源|出处)|^[①-⑳]\s*(参见|引自|详见|见《|注\s*[:：])|^注\s*\d*\s*[:：]"
)


@dataclass(frozen=True)
class PassageSpan:
    start: int  # offsets in body
    end: int
    section: str  # "四、政策激励 > (一)产业发展政策 > 2.支持核心产业做优做强" ("" if none)


def _cn_value(token: str) -> int:
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    digits["〇"] = 0
    digits["两"] = 2
    if token.isdecimal():
        return int(token)
    if token.startswith("十"):
        token = "一" + token
    if "十" in token:
        tens, _, ones = token.partition("十")
        return digits.get(tens, 1) * 10 + (digits.get(ones, 0) if ones else 0)
    return digits.get(token[-1:], 0) if token else 0


def _heading_clause(line: str) -> str | None:
    """The title clause of a numbered line, or None when the line is just a numbered sentence."""
    cut = re.search(r"[。！？；:：;!?]", line)
    clause = line[: cut.start()] if cut else line
    clause = clause.strip()
    limit = 40 if cut else 36
    if len(clause) > limit or len(re.findall(r"[，,]", clause)) > 2:
        return None
    return clause


def _numbered(line: str) -> tuple[int, int, str] | None:
    """(rank, value, heading text) of a numbered heading line."""
    if _FOOTNOTE.match(line):
        return None
    for rank, pattern in _NUMBERED:
        m = pattern.match(line)
        if m:
            clause = _heading_clause(line)
            if clause is None or len(clause) <= m.end() - m.start():
                return None
            token = next((g for g in m.groups() if g), "1")
            circled = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
            value = circled.index(token) + 1 if token in circled else _cn_value(token)
            return rank, value, clause.lstrip("# ")
    for rank, pattern in _DAMAGED:
        if pattern.match(line):
            clause = _heading_clause(line)
            if clause and len(clause) <= 24:
                return rank, 0, clause
    return None


def _bare_title(lines: list[str], i: int, title: str) -> bool:
    """A short unnumbered line without final punctuation, standing before a paragraph."""
    line = lines[i]
    if not 2 <= len(line) <= 30 or _FINAL_PUNCT.search(line) or i + 1 >= len(lines):
        return False
    if (
        _DATE_LINE.match(line)
        or _ORG_LINE.search(line)
        or _DOCNO_LINE.search(line)
        or line.startswith(("附件", "(", "（", "《"))
    ):
        return False
    if _BULLET_LINE.match(line) or _NUMBER_ONLY.match(line):
        return False  # a list item, or the "01" ornament above a WeChat section title
    flat, flat_title = re.sub(r"\s+", "", line), re.sub(r"\s+", "", title)
    if flat_title and (flat in flat_title or flat_title in flat):
        return False
    if re.search(r"\s{2,}|\t", line):
        return False
    nxt = lines[i + 1]
    return len(nxt) > len(line) or _numbered(nxt) is not None


def find_headings(body: str, title: str = "") -> list[tuple[int, int, int, str]]:
    """(line index, start offset, rank, text) of every heading line in ``body``."""
    lines = body.split("\n")
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    found: list[tuple[int, int, int | None, int, str]] = []  # (idx, start, rank|None, value, text)
    seen_numbered = False
    listing = None  # "items" after a line ending in a colon, "attachments" after 附件
    for i, line in enumerate(lines):
        num = _numbered(line)
        if listing and (len(line) > 40 or re.search(r"[。！？；;!?]", line) or (num and num[0] <= 3)):
            listing = None
        if listing == "attachments" and num and num[0] >= 4:
            num = None  # 附件：1.… / 2.…: file names, not sections
        if line.startswith("附件"):
            listing = "attachments"
        elif line.endswith(("：", ":")) and not num:
            listing = "items"
        if num:
            found.append((i, starts[i], num[0], num[1], num[2]))
            seen_numbered = True
        elif not listing and _bare_title(lines, i, title):
            bare = re.sub(r"[(（][^)）]*[)）]$", "", line)
            if not seen_numbered and (_DOC_SUFFIX.search(bare) or i == 0):
                continue  # the document's own title, not a section
            found.append((i, starts[i], None, 0, line))
    ranks_present = sorted({r for _, _, r, _, _ in found if r is not None})
    deepest = max([r for r in ranks_present if r <= 3] or ranks_present[:1] or [2])
    out: list[tuple[int, int, int, str]] = []
    last: dict[int, int] = {}  # last number seen per rank, to tell whether a lost number fits
    prev_section: int | None = None
    for k, (i, start, rank, value, text) in enumerate(found):
        if rank is None or value == 0:
            if rank is None:
                rank = _bare_rank(found, k, deepest, last, prev_section)
            value = last.get(rank, 0) + 1
        last = {r: v for r, v in last.items() if r < rank}
        last[rank] = value
        if rank <= deepest:
            prev_section = rank
        out.append((i, start, rank, text.lstrip(_STRAY) or text))
    return out


# What is left of a heading's number when scraping dropped it: ")推动…", "、组织保障".
_STRAY = ")）]】、.．,，:：;； \u3000"


def _bare_rank(found: list, k: int, deepest: int, last: dict[int, int], prev: int | None) -> int:
    """Level of a heading whose number was lost (see module docstring)."""
    nxt = next(((r, v) for _, _, r, v, _ in found[k + 1 :] if r is not None and v), None)
    if nxt is None:
        return prev if prev is not None else deepest if deepest < 2 else 2
    rank, value = nxt
    if value == 1:
        return max(rank - 1, 0)
    if rank > deepest:
        return deepest
    if last.get(rank, 0) + 1 >= value:  # no number left between the last sibling and the next
        return prev if prev is not None and prev > rank else rank + 1
    return rank


def split_passages(body: str, title: str = "") -> tuple[tuple[PassageSpan, ...], tuple[tuple[int, int, str], ...]]:
    """Passages (one per paragraph, long ones split) and the outline (start, level, text)."""
    headings = find_headings(body, title)
    ranks = sorted({r for _, _, r, _ in headings})
    level_of = {r: i + 1 for i, r in enumerate(ranks)}
    by_line = {i: (rank, text) for i, _, rank, text in headings}
    outline = tuple((start, level_of[rank], text) for _, start, rank, text in headings)

    stack: list[tuple[int, str]] = []
    passages: list[PassageSpan] = []
    pos = 0
    for i, line in enumerate(body.split("\n")):
        if i in by_line:
            rank, text = by_line[i]
            while stack and stack[-1][0] >= rank:
                stack.pop()
            stack.append((rank, text))
        section = " > ".join(t for _, t in stack)
        for s, e in _split_long(line):
            passages.append(PassageSpan(pos + s, pos + e, section))
        pos += len(line) + 1
    return tuple(passages), outline


def _split_long(line: str) -> list[tuple[int, int]]:
    """Sentence-end cuts so that no piece exceeds MAX_PASSAGE (unless one sentence does)."""
    stripped = line.strip()
    if not stripped:
        return []
    lead = len(line) - len(line.lstrip())
    end_all = lead + len(stripped)
    if len(stripped) <= MAX_PASSAGE:
        return [(lead, end_all)]
    cuts = _sentence_ends(line, lead, end_all)
    pieces: list[tuple[int, int]] = []
    start = lead
    last_ok = None
    for cut in cuts + [end_all]:
        if cut - start <= MAX_PASSAGE:
            last_ok = cut
            continue
        if last_ok is None or last_ok <= start:
            last_ok = _hard_cut(line, start, cut)
        pieces.append((start, last_ok))
        start = _skip_space(line, last_ok)
        while cut - start > MAX_PASSAGE:
            hard = _hard_cut(line, start, cut)
            pieces.append((start, hard))
            start = _skip_space(line, hard)
        last_ok = cut if cut > start else None
    if start < end_all:
        pieces.append((start, end_all))
    return [(s, _rstrip(line, s, e)) for s, e in pieces if line[s:e].strip()]


def _sentence_ends(line: str, lo: int, hi: int) -> list[int]:
    cuts = []
    i = lo
    while i < hi:
        if line[i] in _SENT_END:
            j = i + 1
            while j < hi and line[j] in _CLOSERS:
                j += 1
            cuts.append(j)
            i = j
        else:
            i += 1
    return [c for c in cuts if c < hi]


def _hard_cut(line: str, start: int, stop: int) -> int:
    """No sentence end in reach: cut at the last comma before the limit, else at the limit."""
    limit = min(stop, start + MAX_PASSAGE)
    window = line[start:limit]
    k = max(window.rfind("，"), window.rfind(","), window.rfind("、"), window.rfind(" "))
    return start + k + 1 if k >= MAX_PASSAGE // 3 else limit


def _skip_space(line: str, i: int) -> int:
    while i < len(line) and line[i].isspace():
        i += 1
    return i


def _rstrip(line: str, s: int, e: int) -> int:
    while e > s and line[e - 1].isspace():
        e -= 1
    return e

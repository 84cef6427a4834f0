"""Towns and sub-district streets (…镇, …乡, …街道): a rule-based recogniser.

The gazetteer stops at county level, and there are ~40,000 towns, so they are found by shape
and context instead of a list: a short name (2–4 characters) + 镇/乡/街道 that either follows a
region name ("晋江市陈埭镇", "九台区营城街道") or sits in a list of such names ("苏桥镇、六塘镇").
A town's parent is the nearest county-level region named before it in the sentence, else the
deepest county of the document's own chain; without either, the document's chain is used.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kb.extract import lexicon as lx
from kb.extract.gazetteer import Region
from kb.extract.names import tag

_SUFFIX = re.compile("街道|镇|乡")
_CJK = re.compile(r"[\u4e00-\u9fff]+")
# Words that end in 镇/乡 or precede them without naming a place: 城镇, 乡镇, 特色小镇, 城乡, 下乡.
_BAD_LAST = set("乡村集重名强古小特各全本该每农市县区省")
_BAD_CHARS = set("的和与及在为是等将把对从向以了着个各类一该本我全")
_BAD_NEXT = ("村", "镇", "级", "长", "政府", "党委", "干部", "企业", "居民", "人民")
_GENERIC_HEADS = frozenset("城市 城关 乡村 重点 特色 美丽 中心 全国 全省 全市 工业 商贸 旅游 农业 文化 历史 边境 生态".split())


@dataclass(frozen=True)
class Town:
    start: int
    end: int
    name: str
    parent: Region | None  # county-level (or higher) region it belongs to, when known


def _head_ok(head: str) -> bool:
    return (2 <= len(head) <= 4 and bool(_CJK.fullmatch(head)) and head not in _GENERIC_HEADS
            and head not in lx.LEFT_STOPS and head[-1] not in _BAD_LAST and not (set(head) & _BAD_CHARS))


def find_towns(text: str, regions: Sequence[tuple[int, int, Region]],
               default: Region | None = None, offset: int = 0) -> list[Town]:
    """Towns in one sentence ``text``; ``regions`` are its region mentions (sentence offsets)."""
    out: list[Town] = []
    ends = {e: r for _, e, r in regions}
    for m in _SUFFIX.finditer(text):
        p, e = m.start(), m.end()
        if text.startswith(_BAD_NEXT, e) or any(s <= p < z for s, z, _ in regions):
            continue
        prev = out[-1] if out else None
        head, parent = None, None
        for ln in (2, 3, 4):  # right after a region: 晋江市陈埭镇
            r = ends.get(p - ln)
            if r is not None and r.level >= 2:
                head, parent = text[p - ln:p], r
                break
        if head is None and prev is not None and prev.end - offset + 1 < p and text[prev.end - offset] == "、":
            head, parent = text[prev.end - offset + 1:p], prev.parent  # 陈埭镇、磁灶镇
        if head is None and _SUFFIX.match(_next_item(text, e)):
            head = text[max(0, p - 2):p]  # the first item of a list: 苏桥镇、六塘镇
        if head is not None and len(head) > 2:
            head = _drop_verb(head)
        if head is None or not _head_ok(head) or head[-1] == "城" and m.group(0) == "镇":
            continue
        if parent is None:
            parent = _nearest_county(regions, p) or default
        out.append(Town(offset + p - len(head), offset + e, head + m.group(0), parent))
    return out


def _drop_verb(head: str) -> str:
    """临桂区统筹苏桥镇: a verb between the region and the town is not part of its name."""
    toks = tag(head)
    if len(toks) > 1 and (toks[0][3].startswith("v") or toks[0][2] in lx.LEFT_STOPS):
        return head[toks[0][1]:]
    return head


def _next_item(text: str, e: int) -> str:
    """What follows the list comma after position ``e``, from its suffix onwards (or '')."""
    if e >= len(text) or text[e] != "、":
        return ""
    m = re.match(r"[\u4e00-\u9fff]{2,4}?(?=街道|镇|乡)", text[e + 1:])
    return text[e + 1 + m.end():] if m else ""


def _nearest_county(regions: Sequence[tuple[int, int, Region]], p: int) -> Region | None:
    before = [r for s, e, r in regions if e <= p and r.level == 3]
    return before[-1] if before else None

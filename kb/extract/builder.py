"""The working state of one extraction: entities keyed by (type, name) with forms, spans, chains.

Shared by the extractor and its late refinements (:mod:`kb.extract.refine`), so it lives in its
own module and neither has to import the other.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from kb.extract import names as nm
from kb.extract.gazetteer import ZONE_SUFFIXES, Gazetteer, is_park_zone

LEGAL = re.compile(r"(股份有限公司|有限责任公司|有限公司|集团公司|集团|公司)$")
ABBREV = (("经济技术开发区", "经开区"), ("高新技术产业开发区", "高新区"))
_STOCK_OR_PAREN = re.compile(r"股份$|[（(][^（()）]{2,8}[）)]$")
_NUMBERED = re.compile(r"[0-9]+所$")
_PAREN_TAIL = re.compile(r"[（(][^（()）]{2,8}[）)]$")
_PARK_WRAP = re.compile("(产业园区|产业园|园区)$")
_INNER_SUFFIX = re.compile("(谷|港|城|湖)$")


@lru_cache(maxsize=8192)
def aliases_of(name: str, etype: str) -> frozenset[str]:
    """Shorter forms the text may use for ``name``: the stem of a firm, the abbreviated zone."""
    out: set[str] = set()
    if etype == "enterprise" and name in nm.firm_names():
        return frozenset()
    if etype == "enterprise" and not name.endswith(("分公司", "子公司")):
        stem = LEGAL.sub("", name)
        stem = _STOCK_OR_PAREN.sub("", stem)
        if len(stem) >= 2 and stem != name:
            out.add(stem)
        bare = nm.TRADE_RE.sub("", stem)
        if stem == name and len(bare) >= 2 and bare != stem and not Gazetteer.default().lookup(bare):
            out.add(bare)
    numbered = _NUMBERED.search(name)
    if etype == "enterprise" and numbered and numbered.start() > 0:
        out.add(numbered.group(0))  # 中国电科38所: 38所
    for full, short in ABBREV:
        if name.endswith(full):
            out.add(name[: -len(full)] + short)
    inner = _PARK_WRAP.sub("", name) if etype == "park" else ""
    if len(inner) >= 4 and _INNER_SUFFIX.search(inner):
        out.add(inner)  # 某某智谷产业园 is also called 某某智谷
    if etype in ("park", "platform") and _PAREN_TAIL.search(name):
        out.add(_PAREN_TAIL.sub("", name))  # 国家超高清视频创新中心（四川）
    if etype in ("park", "platform") and "·" in name:
        out.add(name.replace("·", ""))  # 世界计算·长沙智谷 is also written without its dot
        tail = name.rsplit("·", 1)[1]
        if len(tail) >= 4:
            out.add(tail)  # 某U谷·某合作数字经济产业园: the brand before the dot may be left out
    inside = _after_zone(name)
    if len(inside) >= 4:
        out.add(inside)  # 株洲高新区株洲中车时代数字产业园 is also written 株洲中车时代数字产业园
    return frozenset(a for a in out if len(a) >= 2)


def _after_zone(name: str) -> str:
    """What follows a development zone that opens ``name`` (the zone written before what it holds)."""
    hits = Gazetteer.default().find_all(name)
    if not hits or hits[0][0] != 0:
        return ""
    zone = hits[0][2]
    if zone.level != 4 or not zone.name.endswith(ZONE_SUFFIXES) or not is_park_zone(zone.name):
        return ""
    return name[hits[0][1]:]


class EntityBuilder:
    """Collects entities keyed by (type, canonical) with their surface forms."""

    def __init__(self, body: str, chain: tuple[str, ...], zone: str | None = None) -> None:
        self.body, self.doc_chain, self.zone = body, chain, zone  # doc_chain: regions only
        self.forms: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.chain: dict[tuple[str, str], tuple[str, ...]] = {}
        self.spans: dict[tuple[str, str], set[tuple[int, int]]] = defaultdict(set)
        self.owner: dict[tuple[str, str], str] = {}
        self.keep: set[tuple[int, int]] = set()  # nested spans that stay mentions (an owner's name)
        self.merged: dict[tuple[str, str], tuple[str, str]] = {}
        self.defaulted: set[tuple[str, str]] = set()  # placed at the document's place for want of a better one

    def add(self, etype: str, name: str, chain: tuple[str, ...], forms: set[str], span: tuple[int, int],
            default: bool = False) -> tuple[str, str]:
        key = (etype, name)
        self.forms[key] |= forms | {name} | aliases_of(name, etype)
        if key not in self.chain:
            self.chain[key] = chain
            if default:
                self.defaulted.add(key)
        self.spans[key].add(span)
        return key

"""The region a measure is about: the place named nearest before its number.

A mention counts when it stands in the number's clause, the clause before, or the sentence's
opening clause (the subject); not when it is an object (依托郑州…, 与…合作), one of the places
visited in a list (赴北京、深圳等地招商) or part of an organisation's name (重庆某某有限公司).
A park named after its region (海南生态软件园, 永川大数据产业园) is a region of its own.
A list of places (北京、上海…分别达到X和Y) is distributed over its numbers; without 分别 the
list's head stands for it, and sibling zones stand for their parent. Regions of the document's
own chain give the document's deepest region. Split from :mod:`kb.extract.measures`.
"""

from __future__ import annotations

import logging
import re

from kb.extract.gazetteer import Gazetteer, Region

log = logging.getLogger(__name__)

_CLAUSE_CUT = re.compile(r"[，：:]|,(?![0-9]{3}(?![0-9]))")
_REGION_OBJECT = re.compile(r"(?:依托|借助|围绕|联合|会同|对接|面向|学习|借鉴|与|同|向)$")  # 依托郑州数据交易中心
_SUBJECT_OBJECT = re.compile(r"(?:推动|支持|鼓励|引导|指导|帮助|协助)$")  # 推动呼和浩特市建设…: not the subject
_PLACES_VISITED = re.compile(r"(?:、[\u4e00-\u9fff]{2,8}?)*等(?:地|省市|城市)")  # 赴北京、深圳等地招商
_ORG_NAME = re.compile(  # 重庆天擎智算科技有限公司, 西南大学, 海南自由贸易港数字经济产业投资基金
    r"(?:(?![与和及同向对在为将的、，,。；])[\u4e00-\u9fff（）()]){0,12}?"
    r"(?:有限(?:责任)?公司|股份公司|集团|大学|学院|基金)"
)
_PARK = re.compile(  # 海南生态软件园, 海口复兴城互联网信息产业园, 永川科技生态城
    r"(?:(?![的与及在为是等将把对从向以了着各该本我、，,。；：])[\u4e00-\u9fff]){2,12}?"
    r"(?:产业园区|产业园|软件园|科技园|创业园|工业园|园区|(?:科技|生态|软件|数字|智慧)城)"
)
_PARK_VERB = re.compile(r"建设|打造|建成|支持|推动|落户|入驻|依托|围绕|引进|设立|共建|加快|发展|培育")
_PARK_AFTER = re.compile(r"(?:落户|入驻|进驻)$")  # 6家企业签约落户永川大数据产业园
_LIST_SEP = frozenset(("、", "和", "及", "与"))
_WHOLE = re.compile(r"(?:全|我|本)([省市])(?!场)")  # not 全市场  # 三市营收占全省的85%: the document's own province
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_ZONE_END = ("开发区", "高新区", "经开区", "新区", "工业园区", "保税区", "自贸区", "试验区")

Mention = tuple[int, int, str, str | None]  # start, end, name, parent region's code (zones and parks)


class MeasureRegion:
    """Region per span: the gazetteer's mention if any, else the document's."""

    def __init__(self, body: str, chain: tuple[str, ...]) -> None:
        self.chain = chain
        self.default = chain[-1] if chain else None
        self.body = body
        self.cache: dict[int, list[Mention]] = {}
        self.cuts: dict[int, list[int]] = {}
        self.gazetteer: Gazetteer | None = None
        self.context: list[Region] = []
        self.parks: set[str] = set()
        try:
            self.gazetteer = Gazetteer.default()
            looked = (self.gazetteer.lookup(n) for n in chain)
            self.context = [r for r in looked if r is not None]  # 永川 alone is 永川区 in a 重庆 document
        except Exception:  # a damaged gazetteer file must never break measure extraction
            log.warning("gazetteer failed; measures keep the document region", exc_info=True)

    def _common_parent(self, codes: set[str | None]) -> str | None:
        """The deepest city or county holding every zone (长沙高新区 in 长沙市, 长沙经开区 in 长沙县)."""
        g = self.gazetteer
        if g is None or None in codes:
            return None
        chains = [g.chain(r) for r in (g.get(c) for c in codes) if r is not None]
        if len(chains) != len(codes):
            return None
        common = None
        for level in zip(*chains, strict=False):
            if any(r.code != level[0].code for r in level):
                break
            common = level[0]
        return common.name if common is not None and common.level >= 2 else None

    def _mentions(self, start: int, end: int) -> list[Mention]:
        """Region mentions in one sentence (only sentences that hold measures are looked up)."""
        if start not in self.cache:
            found: list[Mention] = []
            if self.gazetteer is not None:
                try:
                    raw = self.gazetteer.find_all(self.body[start:end], self.context)
                except Exception:
                    log.warning("gazetteer failed on a sentence", exc_info=True)
                    raw = []
                for s, e, r in raw:
                    s, e = start + s, start + e
                    if _ORG_NAME.match(self.body, e, end):
                        continue  # 重庆某某有限公司: part of a name
                    park = _PARK.match(self.body, e, end)
                    if park and not _PARK_VERB.search(self.body, e, park.end()):
                        found.append((s, park.end(), self.body[s : park.end()], r.code))
                        self.parks.add(self.body[s : park.end()])
                    else:
                        found.append((s, e, r.name, r.parent if r.level == 4 else None))
            self.cache[start] = found
        return self.cache[start]

    def at(self, start: int, end: int, pos: int) -> str | None:
        """The last region named before ``pos`` near it (its clause, the one before) or in the opening clause."""
        body = self.body
        cut = self.cuts.get(start)
        if cut is None:
            cut = self.cuts[start] = [m.start() for m in _CLAUSE_CUT.finditer(body, start, end)]
        first = cut[0] if cut else end
        own = max((c for c in cut if c < pos - 1), default=start)
        here = max((c for c in cut if c < own), default=start)  # its clause and the one before
        own_end = min((c for c in cut if c >= pos), default=end)
        mentions = self._mentions(start, end)
        best = None
        dropped = -1  # a list continues its head's role: 推动呼和浩特市、包头市建设…
        for i, (s, e, name, _) in enumerate(mentions):
            if _REGION_OBJECT.search(body, max(0, s - 3), s) or _PLACES_VISITED.match(body, e) or (
                    dropped == i - 1 and i and body[mentions[i - 1][1] : s] in _LIST_SEP):
                dropped = i
                continue
            if s > pos:
                if s < own_end and name in self.parks and _PARK_AFTER.search(body, max(0, s - 2), s):
                    best = i  # 等6家企业签约落户永川大数据产业园
                break
            if s >= here:
                best = i
            elif s < first:
                if _SUBJECT_OBJECT.search(body, max(0, s - 2), s):
                    dropped = i
                else:
                    best = i
        if best is None:
            return self.default
        s, e, name, _ = mentions[best]
        whole = _WHOLE.search(body, e, pos)
        if whole:  # 海口、三亚三市营收占全省的85%
            own_level = [c for c in self.chain if c.endswith(whole.group(1)) or whole.group(1) == "省" and c.endswith("自治区")]
            if own_level:
                return own_level[-1]
        name = self._from_list(mentions, best, pos) or name
        if name in self.chain:
            if self.default and self.default.endswith(_ZONE_END) and len(self.chain) >= 2 and name == self.chain[-2]:
                return name  # a zone's document naming its district speaks of the district
            return self.default
        return name

    def _from_list(self, mentions: list[Mention], best: int, pos: int) -> str | None:
        """For a mention in a list (A、B分别达到X和Y): the member this number belongs to."""
        body = self.body
        lo = hi = best
        while lo > 0 and body[mentions[lo - 1][1] : mentions[lo][0]] in _LIST_SEP:
            lo -= 1
        while hi + 1 < len(mentions) and mentions[hi + 1][0] < pos and body[mentions[hi][1] : mentions[hi + 1][0]] in _LIST_SEP:
            hi += 1
        if lo == hi:
            return None
        group = mentions[lo : hi + 1]
        each = body.find("分别", group[-1][1], pos)
        if each >= 0:
            idx = len(_NUMBER.findall(body[each:pos]))
            return group[min(idx, len(group) - 1)][2]
        if all(m[2].endswith(_ZONE_END) for m in group):  # 兰州高新区、兰州经开区: both zones, their city
            common = self._common_parent({m[3] for m in group})
            if common:
                return common
        return group[0][2]

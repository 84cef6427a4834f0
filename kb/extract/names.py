"""Find organisation and place names by their suffix, and decide where each name starts.

The right end of a name is its suffix (…产业园, …研究院, …有限公司); the hard part is the left
end. We walk jieba tokens leftwards from the suffix and stop at a verb or function word of policy
prose (依托, 加快, 的, 与…), at a numeral or time word, or at a length limit. A candidate is kept
only when its head (the part before the suffix) has a distinguishing part — a region, a known
firm, latin letters or digits, a quoted name, or a word that is not generic vocabulary —
so that "人才培养基地" or "数字经济产业园" are not taken for names.

This module holds the word tests, the firm lexicon's indexes and the token walk;
:mod:`kb.extract.suffix_names` turns each suffix match of a sentence into a candidate.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

import rjieba

from kb.extract import lexicon as lx
from kb.extract.gazetteer import Gazetteer, Region
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
        return len(w) < 2 or w in word_sets().known  # 芯至 (p): the tagger's guess at a word it does not know
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


TRADE_RE = re.compile("(" + "|".join(sorted(lx.TRADE_WORDS, key=len, reverse=True)) + ")+$")


_ZONE_STEM = re.compile("(?:高新技术产业开发区|经济技术开发区|经济开发区|高新区|经开区|开发区)$")


@lru_cache(maxsize=4096)
def zone_stem_region(name: str) -> Region | None:
    """The district or county a zone is named after by its stem alone (天心经开区, 金水高新区): the
    stem plus 区/县/市 names exactly one region. Such zones are missing from any catalogue often."""
    m = _ZONE_STEM.search(name)
    head = name[:m.start()] if m else ""
    if not 2 <= len(head) <= 3:
        return None
    g = Gazetteer.default()
    hits = [r for r in (g.lookup(head + tail) for tail in ("区", "县", "市")) if r is not None and r.level == 3]
    return hits[0] if len(hits) == 1 else None

"""Find organisation and place names by their suffix, and decide where each name starts.

The right end of a name is its suffix (…产业园, …研究院, …有限公司); the hard part is the left
end. We walk jieba tokens leftwards from the suffix and stop at a verb or function word of policy
prose (依托, 加快, 的, 与…), at a numeral or time word, or at a length limit. A candidate is kept
only when its head (the part before the suffix) has a distinguishing part — a region, a known
firm, latin letters or digits, a quoted name, or a word that is not generic vocabulary —
so that "人才培养基地" or "数字经济产业园" are not taken for names.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from functools import lru_cache

import rjieba

from kb.extract import lexicon as lx
from kb.extract.gazetteer import Gazetteer

log = logging.getLogger(__name__)

MAX_HEAD = {"park": 16, "platform": 20, "enterprise": 26}
_STOP_TAGS = {"p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "r", "d", "ad", "f", "q", "y", "e", "o", "zg"}
_NAME_VERBS = frozenset(
    "创新 应用 制造 孵化 引导 检测 研究 服务 设计 发展 计算 测试 评测 转化 融合 协同 交易 加速 育成 创业 共享 "
    "展示 体验 监测 治理 管理 运营 认证 合作 联合 互补 利用 创意 集成 控制 存储 驾驶 导航 定位".split()
)
_FUNC_CHARS = set("及与和在的将把对向从由为以等并或即了")
_SINGLE_STOPS = set("区市县省镇乡村")
_COMMON_ASCII = frozenset("5G 4G 6G VR AR AI XR MR IT ICT IOT IPV6 3D 5G+ APP".split())
CREATE_VERBS = ("发起成立", "成立", "组建", "设立", "揭牌", "挂牌", "获批建设", "获批")
_ASCII_RE = re.compile(r"[A-Za-z0-9]")
_OPEN_Q, _CLOSE_Q = "“「『\"", "”」』\""


@dataclass(frozen=True)
class Candidate:
    type: str
    name: str
    start: int
    end: int
    suffix: str
    owner: str | None = None  # a known firm that opens the name (联通工业互联网研究院 -> 中国联通)


def _all_suffixes() -> list[tuple[str, str]]:
    pairs = [(s, "park") for s in lx.PARK_SUFFIXES] + [(s, "platform") for s in lx.PLATFORM_SUFFIXES]
    pairs += [(s, "enterprise") for s in lx.ENTERPRISE_SUFFIXES]
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


_SUFFIX_TYPE = dict(reversed(_all_suffixes()))
_SUFFIX_RE = re.compile("|".join(re.escape(s) for s, _ in _all_suffixes()))


@lru_cache(maxsize=1)
def tokenizer() -> rjieba.Jieba:
    """A private jieba (adding words to it does not change the search tokenizer)."""
    j = rjieba.Jieba()
    for w in lx.lexicon_words():
        j.add_word(w, None, "nz")
    for s, _ in _all_suffixes():
        j.add_word(s, None, "n")
    return j


@lru_cache(maxsize=1)
def _dict_freq() -> dict[str, tuple[int, str]]:
    try:
        import jieba
    except ImportError:  # without word frequencies every dictionary word looks rare
        log.warning("jieba not installed: generic-word test falls back to the built-in lists")
        return {}
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    out: dict[str, tuple[int, str]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3 and int(parts[1]) >= 10:
                out[parts[0]] = (int(parts[1]), parts[2])
    return out


def tag(text: str) -> list[tuple[int, int, str, str]]:
    """Tokens as (start, end, word, pos); name-guess tokens split off a leading 及/与/和."""
    out, pos = [], 0
    for w, t in tokenizer().tag(text):
        if len(w) > 1 and w not in _dict_freq() and (
                (w[0] in _FUNC_CHARS or w[0] in _SINGLE_STOPS and len(w) > 2) and t in ("nr", "nrt", "ns", "nz", "n")
                or len(w) > 2 and _known(w[1:])):
            out.append((pos, pos + 1, w[0], "c"))
            out.append((pos + 1, pos + len(w), w[1:], t))
        else:
            out.append((pos, pos + len(w), w, t))
        pos += len(w)
    return out


def _known(w: str) -> bool:
    return w in firm_keys() or Gazetteer.default().lookup(w) is not None


def is_generic_word(w: str) -> bool:
    if w in lx.GENERIC_WORDS or w in lx.LEFT_STOPS or w in _domain_set():
        return True
    if len(w) >= 4 and not _ASCII_RE.match(w) and is_generic_word(w[:2]) and is_generic_word(w[2:]):
        return True
    if _ASCII_RE.match(w):
        return w.upper() in _COMMON_ASCII or w.isdigit() and len(w) == 4 and w.startswith("20")
    info = _dict_freq().get(w)
    return info is not None and info[1] not in ("ns", "nr", "nrt", "nz", "nt") and info[0] >= 10


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


def _key_kinds(head: str) -> list[str]:
    """Kinds of gazetteer keys (full/short/weak) found in ``head``; a county stem counts here."""
    return [kind for _, _, cands in Gazetteer.default()._raw_matches(head) for _, kind in cands]


def _is_brand(w: str, t: str) -> bool:
    """An unknown proper-looking word (迈迪, 嘉福): jieba's guess says a name, the dictionary lacks it."""
    return (len(w) >= 2 and t in ("nr", "nrt", "ns", "nz") and w not in _dict_freq()
            and not is_generic_word(w) and not any(w.startswith(x) for x in _LONG_STOPS()))


def _contains_firm(head: str) -> bool:
    keys = firm_keys()
    return any(head[i:i + n] in keys for n in range(3, min(len(head), 16) + 1) for i in range(len(head) - n + 1))


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

    A word unknown to the dictionary at the very start of the head (迈迪…, 数创智联…) counts as a
    brand; elsewhere a rare word only counts as 1.
    """
    if not head:
        return 0
    g = Gazetteer.default()
    if g.find_all(head) or any(k.startswith(("weak", "short")) for k in _key_kinds(head)):
        return 2
    if owner_firm(head) or _contains_firm(head) or re.search("..(大学|学院)", head):
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


def left_boundary(text: str, p: int, kind: str, toks: list[tuple[int, int, str, str]], floor: int = 0) -> int:
    """Where the name whose suffix starts at ``p`` begins (``p`` itself when nothing fits)."""
    left = p
    i = max((k for k, t in enumerate(toks) if t[0] < p), default=-1)
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
    if w in lx.LEFT_STOPS or w in _SINGLE_STOPS or re.search("[局委厅办]$", w):
        return True
    if len(w) >= 3 and any(w.startswith(x) for x in _LONG_STOPS()) and not _known(w):
        return True
    if len(w) >= 4 and t in ("l", "i"):
        return True
    if len(w) == 1 and t in ("v", "vn", "ad", "an"):
        return True
    if t == "x" or (t == "eng" and not _ASCII_RE.match(w)):
        return not _ASCII_RE.match(w)
    if t in _STOP_TAGS:
        return True
    if t in ("m", "mq"):
        return not re.fullmatch(r"[A-Za-z0-9]+|第[一二三四五六七八九十百零〇]+", w) and (
            w[0] in "0123456789一二三四五六七八九十百千万亿两几数多余半首每各第")
    if t == "t":
        return bool(re.search(r"[0-9年月日今近前后期时]", w))
    if t == "v":
        return w not in _NAME_VERBS and w not in lx.GENERIC_WORDS and (len(w) == 1 or w in _dict_freq())
    return False


@lru_cache(maxsize=1)
def _LONG_STOPS() -> tuple[str, ...]:
    return tuple(w for w in lx.LEFT_STOPS if len(w) >= 2)


_ZONE_WORDS = frozenset("高新区 经开区 开发区 园区".split())


def _institute_firm(head: str, firm: lx.Firm | None) -> bool:
    """Institutes that act as firms: 中国电科第九研究所, 中国电科38所, 中国工程物理研究院."""
    if re.search("大学|学院|学校", head):
        return False
    if firm is not None and re.search(r"(第[一二三四五六七八九十百零〇\d]+|\d+)$", head):
        return True
    return head.startswith("中国") and firm is None and len(head) >= 4


def _quoted(text: str, e: int) -> int | None:
    if e < len(text) and text[e] in _CLOSE_Q:
        for k in range(e - 1, max(-1, e - 40), -1):
            if text[k] in _OPEN_Q:
                return k + 1
            if text[k] in "。；;\n、，,":
                return None
    return None


def _in_book_title(text: str, s: int) -> bool:
    op, cl = text.rfind("《", 0, s), text.rfind("》", 0, s)
    return op > cl and text.find("》", s) >= 0


def suffix_candidates(text: str, offset: int = 0) -> list[Candidate]:
    """Park/platform/enterprise names ending in a suffix, in one sentence ``text``."""
    toks = tag(text)
    out: list[Candidate] = []
    prev_end = 0
    for m in _SUFFIX_RE.finditer(text):
        suffix, p, e = m.group(0), m.start(), m.end()
        kind = _SUFFIX_TYPE[suffix]
        floor = prev_end if kind != "enterprise" else 0
        if kind != "enterprise" and suffix not in _ZONE_WORDS:
            prev_end = e
        if _in_book_title(text, p):
            continue
        if suffix in lx.WEAK_SUFFIXES and floor == p and p > 0:
            continue  # 科技城平台: the inner name is the one
        q = _quoted(text, e)
        left = q if q is not None else left_boundary(text, p, kind, toks, floor)
        head = text[left:p]
        if len(head) < 2:
            continue
        need = 2 if suffix in lx.WEAK_SUFFIXES else 1
        created = need == 1 and any(text[:left].endswith(v) for v in CREATE_VERBS) and len(head) >= 4
        national = kind == "platform" and need == 1 and head.startswith("国家") and len(head) >= 6
        firm = owner_firm(head)
        institute = kind == "platform" and suffix in ("研究所", "研究院") and _institute_firm(head, firm)
        if institute:
            kind = "enterprise"
        elif not (created or national) and distinguishing(head) < need:
            continue
        if kind == "enterprise" and text[left:e] in firm_keys():
            firm = None
        if out and kind == "park" and out[-1].type == "park" and out[-1].end == offset + left and len(head) <= 5:
            prev = out.pop()  # 中关村贵阳科技园观山湖园区: a sub-park named after its parent
            left = prev.start - offset
        owner = firm.name if firm else None
        if kind != "enterprise" and re.search("(有限公司|有限责任公司|集团公司)$", head):
            owner = head
        out.append(Candidate(kind, text[left:e], offset + left, offset + e, suffix, owner))
    return out


_ENUM_TAIL = re.compile(r"等([^，。；、的和与及]{0,12}?)(龙头企业|企业|公司|厂商|产业园区|园区|产业园|平台|项目)")
_DESCRIPTOR = re.compile(r"^.*(?:的|品牌|公司|厂商|第一股|龙头|企业|商)")
TRADE_RE = re.compile("(" + "|".join(sorted(lx.TRADE_WORDS, key=len, reverse=True)) + ")+$")


def enumeration_items(text: str, offset: int = 0) -> list[Candidate]:
    """Items of "X、Y、Z等…企业/园区" lists that carry no suffix of their own."""
    out: list[Candidate] = []
    for m in _ENUM_TAIL.finditer(text):
        head_kind = m.group(2)
        if re.search("上下游|相关|配套|类型|领域", m.group(1)):
            continue
        kind = "park" if "园" in head_kind else "platform" if head_kind == "平台" else "enterprise"
        start = max(text.rfind(c, 0, m.start()) for c in "，。；:：,\n") + 1
        span = text[start:m.start()]
        if "、" not in span and kind != "enterprise":
            continue
        pos = start
        for item in span.split("、"):
            s0 = pos
            pos += len(item) + 1
            core = _DESCRIPTOR.sub("", item) if kind == "enterprise" else item
            s = s0 + len(item) - len(core)
            toks = tag(core)
            k = len(toks)
            while k > 0 and not _item_stop(toks[k - 1][2], toks[k - 1][3]):
                k -= 1
            core_start = toks[k][0] if k < len(toks) else len(core)
            s += core_start
            core = core[core_start:]
            if not 2 <= len(core) <= 10 or _SUFFIX_RE.search(core):
                continue
            if kind == "enterprise" and head_kind == "项目" and not TRADE_RE.search(core):
                continue
            if head_kind == "项目":
                kind = "enterprise"
            stem = TRADE_RE.sub("", core)
            trade_ok = kind == "enterprise" and stem != core and len(stem) >= 2 and stem not in lx.GENERIC_WORDS
            if trade_ok or distinguishing(stem or core) >= 1:
                out.append(Candidate(kind, core, offset + s, offset + s + len(core), ""))
    return out


def _item_stop(w: str, t: str) -> bool:
    return w in lx.LEFT_STOPS or t in ("x", "p", "c", "u", "uj", "ul", "r", "d", "f", "m")


_SHORT_FIRM_RE = re.compile(
    r"(?:^|(?<=[、，,：:（(“\s]))([\u4e00-\u9fff]{2,4}?(?:" + "|".join(lx.TRADE_WORDS) + r"){1,2})"
    r"(?=[、，,。；;）)”]|等|的|获|入|落|在|与|和|及|是|为|成功|签约|公司|集团)"
)


def short_firms(text: str, offset: int = 0) -> list[Candidate]:
    """Short firm names like 华灿光电 or 润盛科技, bounded by punctuation on both sides."""
    out = []
    for m in _SHORT_FIRM_RE.finditer(text):
        name, start = m.group(1), m.start(1)
        if name[0] in _FUNC_CHARS and len(name) >= 5:
            name, start = name[1:], start + 1
        stem = TRADE_RE.sub("", name)
        if len(stem) < 2 or not distinguishing(stem) or Gazetteer.default().lookup(stem):
            continue
        if any(stem.startswith(w) for w in lx.LEFT_STOPS if len(w) >= 2):
            continue
        out.append(Candidate("enterprise", name, offset + start, offset + start + len(name), ""))
    return out

"""Second opinions on where a name starts and ends, for the cases the token walk gets wrong.

:func:`kb.extract.names.left_boundary` stops at any verb, so names that carry one (山西建设投资集团
有限公司, 广西微电子封装测试工程研究中心) or a conjunction (智能感知与信息处理重点实验室) lose
their left part. Here the walk is anchored instead: it may pass verbs, but only keeps going left
to a region, firm or institution name (or, for a legal firm name, to the clause start), and it
still stops at punctuation, function words and the verbs of policy prose.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from operator import itemgetter

from kb.extract import lexicon as lx

Token = tuple[int, int, str, str]
_FUNC_TAGS = {"p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "r", "f", "y", "e", "o", "q"}
_CONJ = frozenset("与和及")
_LEAD = frozenset(("联合", "合作", "携手", "会同", "依托"))
_LAB = ("实验室", "研究中心", "研究院", "研究所")
_COUNT = re.compile(r"[0-9０-９.%]+.*|[一二三四五六七八九十百千万亿两几数多余半首每各第]+[个年月日家项批类种名位亿万元次期号]?")
_QUALIFIER = re.compile(r"(?:国家级|省级|市级|自治区级|全国|首批|第[一二三四五六七八九十]+批|[\u4e00-\u9fff]{2,4}省|"
                        r"[\u4e00-\u9fff]{2,4}市|自治区)*$")
_OPEN_Q, _CLOSE_Q = "“「『\"", "”」』\""
_BUREAU_END = re.compile("[局委厅办]$")
_PAREN_IN = re.compile(r"[（(]([\u4e00-\u9fff]{2,8})[）)]")


_NAME_NOUNS = frozenset("服务 信息 网络 数据 智能 科技 数字 能源 物流".split())  # nouns, not the verbs of FIRM_WORDS
_ALNUM = re.compile(r"[A-Za-z0-9]+")
_TIME_CHAR = re.compile(r"[0-9年月日今近前后期时]")
_SCHOOL = re.compile("大学|学院|学校")
_NUMBERED_TAIL = re.compile(r"(第[一二三四五六七八九十百零〇\d]+|\d+)$")


def _number_like(w: str) -> bool:
    return bool(_COUNT.fullmatch(w))


def anchored_left(text: str, p: int, suffix: str, kind: str, toks: Sequence[Token], floor: int,
                  is_anchor: Callable[[int, int, str], bool], max_head: int) -> int | None:
    """Left end of the name whose suffix starts at ``p``, or None when no anchor is reachable.

    For a legal firm name (…有限公司) the clause start also counts as an anchor, and a dictionary
    verb may open the name right after punctuation (启明信息技术股份有限公司).
    """
    legal = suffix in lx.LEGAL_SUFFIXES
    lab = suffix.endswith(_LAB) or suffix in lx.STRONG_SUFFIXES
    i = bisect.bisect_left(toks, p, key=itemgetter(0)) - 1  # the last token starting before p
    anchor: int | None = None
    crossed, cross_at = False, p
    last: int | None = None
    while i >= 0:
        s, e, w, t = toks[i]
        if s < floor or p - s > max_head:
            break
        if e > p:
            e, w = p, text[s:p]
        if w in (")", "）"):
            op = max(text.rfind("(", 0, s), text.rfind("（", 0, s))
            if op < 0 or s - op > 9:
                break
            while i >= 0 and toks[i][0] >= op:
                i -= 1
            continue
        if is_anchor(s, e, w) or w == "国家" and kind == "platform" or w == "中国" and legal and anchor == e:
            # 中国 + a known firm's short name opens its subsidiary's legal name (中国某工业新能源投资有限公司)
            if crossed and anchor is None and cross_at - e < 2:
                return None  # 华为与某研究院: a bare name joined by 与 is another name, not this one's head
            anchor = s
            i -= 1
            continue
        if anchor is not None:
            break  # only a chain of names (安溪县湖头镇) may stand left of the first anchor
        if w in _LEAD or _BUREAU_END.search(w):
            break
        if w in _CONJ and lab and not crossed and anchor is None:
            crossed, cross_at = True, s
            i -= 1
            continue
        if t == "x" or t in ("eng", "m") and not _ALNUM.fullmatch(w) and _number_like(w) and not (
                legal and len(w) == 1 and i + 1 < len(toks) and len(toks[i + 1][2]) == 1):
            break
        if t == "t" and _TIME_CHAR.search(w):
            break
        named_before = w in _NAME_NOUNS and i > 0 and is_anchor(*toks[i - 1][:3])  # 华为云服务数据中心
        if w in lx.LEFT_STOPS and not (legal and w in lx.FIRM_WORDS or named_before):
            break
        if t in _FUNC_TAGS and t != "r" or (t == "r" and len(w) == 1):
            break
        if kind == "park" and t == "v" and len(w) == 2 and w not in lx.NAME_VERBS and w not in lx.GENERIC_WORDS:
            break  # 某区举行某产业园签约仪式: only a registered firm name carries a verb of prose
        if legal and i > 0 and toks[i - 1][3] == "x" and s >= floor:
            return s  # a dictionary verb opening the name right after punctuation
        if legal and (i == 0 or toks[i - 1][0] < floor):
            return s
        last = s
        i -= 1
    if anchor is None and legal and i >= 0 and toks[i][3] == "x":
        return toks[i][1]
    if anchor is None and suffix in lx.STRONG_SUFFIXES:
        return last  # 汽车仿真与控制国家重点实验室: the whole descriptive head
    if anchor is None and crossed and suffix.endswith(_LAB) and last is not None and cross_at - last >= 4 and (
            i < 0 or toks[i][2] in ("的", "是", "为", "，", ",", "、")):
        return last  # 量子信息与量子科技创新研究院: two fields joined by 与 name one institute
    return anchor


def title_before(text: str, left: int) -> bool:
    """Whether the name starting at ``left`` follows an award verb: 获评X示范基地 is a title."""
    before = _QUALIFIER.sub("", text[max(0, left - 16):left])
    return before.endswith(lx.TITLE_VERBS)


def paren_after(text: str, e: int, is_region: Callable[[str], bool]) -> int:
    """End of a region in brackets right after a name (国家超高清视频创新中心（四川）), else ``e``."""
    m = _PAREN_IN.match(text, e)
    if m and is_region(m.group(1)):
        return m.end()
    return e


def school_ok(head: str, level: int) -> bool:
    """Whether ``head`` + 大学/学院 reads as a university's name (华侨大学, 泉州师范学院)."""
    if len(head) < 2 or head in lx.NOT_SCHOOL_HEADS or head in lx.LEFT_STOPS:
        return False
    return level >= 1 or bool(lx.SCHOOL_FIELDS.search(head)) or len(head) == 2


def quoted(text: str, e: int) -> int | None:
    """Start of a quoted name ending at ``e`` (“云谷智造”科技园), else None."""
    if e < len(text) and text[e] in _CLOSE_Q:
        for k in range(e - 1, max(-1, e - 40), -1):
            if text[k] in _OPEN_Q:
                return k + 1
            if text[k] in "。；;\n、，,":
                return None
    return None


def in_book_title(text: str, s: int) -> bool:
    op, cl = text.rfind("《", 0, s), text.rfind("》", 0, s)
    return op > cl and text.find("》", s) >= 0


def institute_firm(head: str, firm: lx.Firm | None) -> bool:
    """Institutes that act as firms: 中国电科第九研究所, 中国电科38所, 中国工程物理研究院."""
    if _SCHOOL.search(head):
        return False
    if firm is not None and _NUMBERED_TAIL.search(head):
        return True
    return head.startswith("中国") and firm is None and len(head) >= 4

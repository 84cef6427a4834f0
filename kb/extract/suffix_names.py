"""Names found by their suffix (…产业园, …研究院, …有限公司) in one sentence, and where each starts.

The token walk and the word tests live in :mod:`kb.extract.names`; here each suffix match is
turned into a candidate: its left end (token walk, anchored walk, a leading verb dropped), the
firm that operates or owns it, whether its head says enough to make it a name, and whether it
continues a name just before it (a sub-park, a sub-unit, a branch).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from kb.extract import bounds as bx
from kb.extract import lexicon as lx
from kb.extract.gazetteer import Gazetteer
from kb.extract.names import (
    _CLAUSE_SPLIT,
    _LEGAL_TAIL,
    _NUMBERED_INSTITUTE,
    _SUFFIX_RE,
    _SUFFIX_TYPE,
    _ZONE_WORDS,
    CREATE_VERBS,
    MAX_HEAD,
    TRADE_RE,
    Candidate,
    _contains_firm,
    _known_strong,
    distinguishing,
    firm_keys,
    is_generic_word,
    left_boundary,
    owner_firm,
    tag,
    zone_stem_region,
)

_PAREN_CENTRE = re.compile(r"(?<=[）)])中心")
# 光谷芯中心, 新创R&D中心: a bare 中心 ending a word; its head must name a place, firm or brand
_BARE_CENTRE = re.compile(r"(?<=[\u4e00-\u9fffA-Za-z])中心(?=[的和与及、，,。；;：:等内已将在是\s]|$)")
# 天开东丽园, 某高新区海西园: a sub-park named by its district's short form and a bare 园
_BARE_PARK = re.compile(r"(?<=[\u4e00-\u9fff]{2})园(?![区林艺博])")
_CITY_CENTRE = re.compile(r"(国家[^\s，,。；;、的和与及]{3,12}?)中心")  # 国家超级计算天津中心: 国家… + city + 中心
_CREATE_NEAR = re.compile("(?:" + "|".join(CREATE_VERBS + ("共建", "合作建设", "联合建设", "建成", "牵头建设")) + ")了?")
_SUB_UNITS = ("研究中心", "实验室", "研究所", "工程研究中心", "重点实验室", "创新中心", "分中心", "研究院", "分院")
_LEAD_VERBS = ("联合", "合作", "携手", "依托", "支持", "会同")
# A sum of money and what it pays for open a headline, never a name: "55亿建大数据产业园", "投资10亿元打造…".
_AMOUNT_LEAD = re.compile(r"(?:投资|总投资|投入)?[0-9０-９.．]+(?:多|余)?(?:万亿|亿|万|千万)元?(?:建设|打造|建成|建|投建|布局)?")
_LAB_TYPES = ("实验室", "研究院", "研究中心", "创新中心", "工程研究中心")


def _matches(text: str) -> list[tuple[str, int, int]]:
    found = [(m.group(0), m.start(), m.end()) for m in _SUFFIX_RE.finditer(text)
             if not (m.group(0) == "大学" and text.startswith("生", m.end()))]  # 大学生创业园: students
    if "所" in text:
        found += [("所", m.start(), m.end()) for m in _NUMBERED_INSTITUTE.finditer(text)]
    found += [("中心", m.start(), m.end()) for m in _PAREN_CENTRE.finditer(text)]
    if "园" in text:
        ends = {e for _, _, e in found}
        found += [("园", m.start(), m.end()) for m in _BARE_PARK.finditer(text) if m.end() not in ends
                  and (_is_region(text[m.start() - 2:m.start()]) or _is_region(text[m.start() - 3:m.start()]))]
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
        kind = _SUFFIX_TYPE.get(suffix, "park" if suffix == "园" else "platform")
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
        if kind == "park" and q is None:
            left = _joint_left(text, left, forms)
        if suffix == "园" and q is None:
            left = _brand_left(text, left)
        if kind == "park" and q is None:
            left = _dot_brand_left(text, left)
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
_AUXILIARY = frozenset("将要可能会并以来")
_RANKED = re.compile("(?:国家|全国|全省|全市)?[一二三四五六七八九十两百千]+大")


def _left_of(text: str, p: int, suffix: str, kind: str, toks: list[tuple[int, int, str, str]], floor: int,
             is_anchor: Callable[[int, int, str], bool]) -> int:
    """Where the name whose suffix starts at ``p`` begins: the token walk, else the anchored walk."""
    left = left_boundary(text, p, kind, toks, floor)
    alt = bx.anchored_left(text, p, suffix, kind, toks, floor, is_anchor, MAX_HEAD[kind])
    if alt is not None and (alt < left or suffix in lx.SCHOOL_SUFFIXES):
        left = alt
    if suffix in lx.LEGAL_SUFFIXES:
        left = _paren_region_left(text, left, p)
    amount = _AMOUNT_LEAD.match(text, left, p)
    if amount and amount.end() > left:
        left = amount.end()
    lead = max((text.rfind(v, left, p) for v in _LEAD_VERBS), default=-1)
    if lead >= left and p - lead >= 4 and distinguishing(text[lead + 2:p]) == 2:
        left = lead + 2  # 联合桂林理工大学: the verb is not part of the name
    return left


_DASHES = "—－–-"


def _joint_left(text: str, left: int, forms: frozenset[str]) -> int:
    """贵阳—遵义合作产业园, 某区—中关村科技园: a park two places run together is named by both, the
    first written before a single dash (a double dash is punctuation, never part of a name)."""
    if left < 3 or text[left - 1] not in _DASHES or text[left - 2] in _DASHES:
        return left
    for n in range(min(8, left - 1), 1, -1):
        head = text[left - 1 - n:left - 1]
        if re.fullmatch("[\u4e00-\u9fff]+", head) and _place_words(head, forms):
            return left - 1 - n
    return left


_PROSE_HEAD = re.compile("^(?:[这那该此每各哪][一两几]?[座个家片处所批类种]?|不[像是如同]|没有)$|[个座批类种]$")
_BRAND_RUN = re.compile("[\u4e00-\u9fffA-Za-z]{2,8}$")


def _dot_brand_left(text: str, left: int) -> int:
    """某集团·某县新一代信息技术科创产业园: a developer's brand joined to the park's name by a middle
    dot is part of it; the verbs and particles before the brand are not."""
    if left < 3 or text[left - 1] not in "·•・":
        return left
    m = _BRAND_RUN.search(text, max(0, left - 9), left - 1)
    if m is None:
        return left
    brand = m.group(0)
    cut = max((i + 1 for i, ch in enumerate(brand) if ch in _NAME_BREAK or ch in "区市县"), default=0)
    for w in sorted((w for w in lx.LEFT_STOPS | set(CREATE_VERBS) if brand[cut:].startswith(w)), key=len)[-1:]:
        cut += len(w)
    places = Gazetteer.default().find_all(brand[cut:])
    cut += max((e for _, e, _ in places), default=0)  # 某新区联东U谷: the place before the brand is prose
    return m.start() + cut if len(brand) - cut >= 2 else left


_SETTLE_VERBS = frozenset("落地 落户 入驻 进驻 位于 签约 签署 入园 选址 迁入".split())


def _brand_left(text: str, left: int) -> int:
    """天开东丽园: a bare-园 sub-park may open with a two-character brand before its district's
    name, when a particle, a verb's 于 or punctuation stands right before that brand."""
    if left < 2 or not re.fullmatch("[\u4e00-\u9fff]{2}", text[left - 2:left]):
        return left
    before = text[left - 3] if left >= 3 else ""
    settled = text[max(0, left - 4):left - 2] in _SETTLE_VERBS
    if before and before not in _NAME_BREAK and before != "于" and not _PUNCT.match(before) and not settled:
        return left
    word = text[left - 2:left]
    prose = word in lx.LEFT_STOPS or word in CREATE_VERBS or word in ("进驻", "入园", "建成", "开工")
    return left if prose or _is_region(word) else left - 2


def _place_words(head: str, forms: frozenset[str]) -> bool:
    """Whether ``head`` is a place name, or two written together (天津滨海)."""
    def one(w: str) -> bool:
        return w in forms or _is_region(w)
    return one(head) or any(one(head[:k]) and one(head[k:]) for k in range(2, len(head) - 1))


_REGION_PAREN = re.compile(r"([\u4e00-\u9fff]{1,6})[（(]([\u4e00-\u9fff]{2,6})[）)]")


def _paren_region_left(text: str, left: int, p: int) -> int:
    """中电（湖南）能源投资有限公司: a registered name that opens with a short name and its region in
    brackets starts at that short name: not after the bracket, and not before a particle or verb
    in front of it (与中电（湖南）…, 签约中电（湖南）…)."""
    m = _REGION_PAREN.search(text, max(0, left - 14), p)
    if m is None or not _is_region(m.group(2)):
        return left
    if m.end() != left and not any(ch in _NAME_BREAK for ch in text[left:m.start(2)]):
        return left  # the name already reaches past the bracket, with no particle to cut at
    cut = max((z for _, z, w, t in tag(m.group(1))
               if w in _NAME_BREAK or t.startswith(("v", "p", "c", "d", "u", "m", "t"))), default=0)
    head = m.group(1)[cut:]
    return m.end(1) - len(head) if len(head) >= 2 else left


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
    if _PROSE_HEAD.search(head):
        return None  # 这座产业园, 不像产业园, 长出个软件园: prose about a park, not its name
    verb = _verb_alias(text, left, head)
    if verb:  # 将联通大学城与…, 将联通光谷科学城: a carrier's short name used as the verb 联通
        left += verb
        head = text[left:p]
    end = bx.paren_after(text, e, _is_region) if kind != "enterprise" else e
    if len(head) < 2:
        bare = not head and len(suffix) >= 3 and kind == "park" and suffix not in _GENERIC_PLACES
        return Candidate(kind, text[left:end], offset + left, offset + end, suffix, weak=True) if bare else None
    if suffix == "数据中心" and not quoted and _is_region(head):
        return None  # 天津数据中心标准机架…: the city's data centres, not one named centre
    if _RANKED.match(head):
        return None  # 国家八大算力枢纽节点, 十大数据中心集群: a category counted, not one name
    need = 2 if suffix in lx.WEAK_SUFFIXES else 1
    named_builder = bool(out) and text[:left].endswith("建设") and out[-1].end == offset + left - 2 and (
        out[-1].type in ("platform", "enterprise"))  # 内蒙古科技大学建设稀土大数据应用工程研究中心
    created = (need == 1 or suffix.endswith("基金")) and (any(text[:left].endswith(v) for v in CREATE_VERBS) and len(head) >= 4
                             or kind == "platform" and (_created(text, left, suffix, head)
                                                        or named_builder and suffix.endswith(_LAB_TYPES)))
    national = kind == "platform" and need == 1 and head.startswith("国家") and len(head) >= 6
    strong = suffix in lx.STRONG_SUFFIXES or end > e or zone_stem_region(text[left:e]) is not None or (
        suffix in lx.BRAND_SUFFIXES and (head == "中国" or distinguishing(head) >= 1))
    sub_unit = bool(out) and kind == "platform" and out[-1].end == offset + left and (
        out[-1].type == "platform" or suffix == "分院" and out[-1].suffix in ("研究院", "研究所")) and (
        out[-1].suffix in lx.SCHOOL_SUFFIXES or out[-1].suffix != suffix and suffix in _SUB_UNITS)
    strong = strong or sub_unit or kind == "platform" and suffix.endswith(_LAB_TYPES) and "与" in head and len(head) >= 6
    firm = owner_firm(head)
    weak_head = firm_keys().get(head, (None, False))[1]
    if firm is not None and (firm.name in lx.INSTITUTIONS or weak_head and is_generic_word(head)):
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


def _verb_alias(text: str, left: int, head: str) -> int:
    """Length of a weak firm alias (联通, 移动) that opens ``head`` right after an auxiliary (将, 要)."""
    if left == 0 or text[left - 1] not in _AUXILIARY:
        return 0
    keys = firm_keys()
    return next((n for n in range(min(4, len(head)), 1, -1) if keys.get(head[:n], (None, False))[1]), 0)


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

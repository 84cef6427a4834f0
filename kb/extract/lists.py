"""Suffix-less names: items of "X、Y、Z等企业" lists and short firm names (华灿光电, 润盛科技).

Split from :mod:`kb.extract.names`, whose helpers (tagging, the generic-word test) they share.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from kb.extract import lexicon as lx
from kb.extract.gazetteer import Gazetteer
from kb.extract.names import (
    _FUNC_CHARS,
    _LONG_STOPS,
    _SUFFIX_RE,
    TRADE_RE,
    Candidate,
    _known,
    distinguishing,
    is_generic_word,
    tag,
)

_ENUM_TAIL = re.compile(r"(?:等|(?<=[^0-9])[0-9一二两三四五六七八九十]{1,3}家)([^，。；、的和与及]{0,12}?)"
                        r"(龙头企业|企业|公司|厂商|产业园区|园区|产业园|平台|项目)")
_DESCRIPTOR = re.compile(r"^.*(?:的|品牌|公司|厂商|第一股|龙头|企业|商)")


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
        if "、" not in span and (kind != "enterprise" or not m.group(0).startswith("等")):
            continue  # a single item counts only before 等…企业, never before "N家企业"
        pos = start
        industries = _industry_list(span.split("、"), m.group(1))
        listed: list[Candidate] = []
        spare: list[Candidate] = []  # items that look like names but say nothing that proves it
        for item in span.split("、"):
            s0 = pos
            pos += len(item) + 1
            core = _DESCRIPTOR.sub("", item) if kind == "enterprise" else item
            described = core != item  # 虹膜识别第一品牌X: a descriptor says a brand name follows
            s = s0 + len(item) - len(core)
            toks = [] if described else tag(core)
            k = len(toks)
            while k > 0 and not _item_stop(toks[k - 1][2], toks[k - 1][3]):
                k -= 1
            core_start = toks[k][0] if k < len(toks) else 0 if described else len(core)
            s += core_start
            core = core[core_start:]
            if not 2 <= len(core) <= 10:
                continue
            if _SUFFIX_RE.search(core):
                if kind == "enterprise" and _GROUP_END.search(core) and len(_GROUP_END.sub("", core)) >= 2 and (
                        not is_generic_word(_GROUP_END.sub("", core))):
                    listed.append(Candidate(kind, core, offset + s, offset + s + len(core), ""))  # 某某集团 in a list
                elif kind == "enterprise":
                    listed.append(Candidate(kind, core, offset + s, offset + s + len(core), "", weak=True))
                continue
            if industries:
                continue  # 智能制造、军工电子等战略新兴产业企业: industries, whatever their words
            if kind == "enterprise" and head_kind == "项目" and not TRADE_RE.search(core):
                continue
            if head_kind == "项目":
                kind = "enterprise"
            stem = TRADE_RE.sub("", core)
            trade_ok = kind == "enterprise" and stem != core and len(stem) >= 2 and stem not in lx.GENERIC_WORDS
            plain = len(core) <= 6 and not is_generic_word(core) and core[0] not in _FUNC_CHARS and (
                not core.startswith(_LONG_STOPS()))
            cand = Candidate(kind, core, offset + s, offset + s + len(core), "")
            if trade_ok or described and plain or distinguishing(stem or core) >= 1:
                listed.append(cand)
            elif plain and kind == "enterprise":
                spare.append(cand)
        out += [c for c in listed if not c.weak]  # a suffixed item is the suffix finder's; it still counts here
        if len(listed) >= 2 and len(spare) <= len(listed):
            out += spare  # X、Y、Z等企业 with two of them plainly firms: the third is one too
    return out


def _industry_list(items: Sequence[str], tail: str) -> bool:
    """"X、Y等…产业企业" whose items are mostly industry words lists industries, not firms: its
    suffix-less items (军工电子 beside 智能制造, 机械装备) are no names."""
    if not re.search("产业|行业", tail):
        return False
    cores = [re.sub("^(?:一批|一系列|包括|涵盖|覆盖|重点|引进|发展)+", "", x) for x in items]
    return 2 * sum(is_generic_word(x) for x in cores if x) >= len(items)


def _item_stop(w: str, t: str) -> bool:
    if len(w) >= 2 and _known(w):
        return False  # 大连机床: a region opens the name, whatever the tagger calls it
    return w in lx.LEFT_STOPS or t in ("x", "p", "c", "u", "uj", "ul", "r", "d", "f", "m")


_GROUP_END = re.compile("(集团|公司)$")


_SHORT_FIRM_RE = re.compile(
    r"(?:^|(?<=[、，,：:（(“\s和与及]))([\u4e00-\u9fff]{2,4}?(?:" + "|".join(lx.TRADE_WORDS) + r"){1,2})"
    r"(?=[、，,。；;）)”]|等|的|获|入|落|在|与|和|及|是|为|成功|签约|公司|集团)"
)

# the first item of a list right after its verb: 推动了华微电子、某某科技等项目落地
_LIST_HEAD_FIRM_RE = re.compile(
    r"(?:(?<=了)|(?<=引进)|(?<=包括)|(?<=例如)|(?<=比如)|(?<=其中))([\u4e00-\u9fff]{2,4}?(?:"
    + "|".join(lx.TRADE_WORDS) + r"){1,2})(?=、)"
)


def short_firms(text: str, offset: int = 0) -> list[Candidate]:
    """Short firm names like 华灿光电 or 润盛科技, bounded by punctuation on both sides (or, first in
    a list, by the verb that opens it)."""
    out = []
    heads = list(_LIST_HEAD_FIRM_RE.finditer(text)) if "、" in text else []
    for m in (*_SHORT_FIRM_RE.finditer(text), *heads):
        name, start = m.group(1), m.start(1)
        if name[0] in _FUNC_CHARS and len(name) >= 5:
            name, start = name[1:], start + 1
        stem = TRADE_RE.sub("", name)
        if len(stem) < 2:  # 华微电子: 华微 + 电子, not 华 + 微电子
            stem = max((name[:-len(w)] for w in lx.TRADE_WORDS if name.endswith(w)), key=len, default=stem)
        if len(stem) < 2 or not distinguishing(stem) or Gazetteer.default().lookup(stem):
            continue
        if stem.startswith(_LONG_STOPS()):  # a verb of policy prose opens it
            continue
        if any(len(w) == 1 and t in ("p", "c", "u", "uj", "d") for _, _, w, t in tag(stem)):
            continue  # 原为成都传媒: a preposition inside is prose, not a name
        out.append(Candidate("enterprise", name, offset + start, offset + start + len(name), ""))
    return out


_LIST_SEP = frozenset(("、", "和", "及", "以及", "与"))
_BUILT = re.compile("(?:建成|建设了|建有|打造了|设立了)$")


def listed_names(cands: list[Candidate], body: str, zones: Sequence[tuple[int, int]] = ()) -> list[Candidate]:
    """Keep a generic-headed park or platform (软件园, 电商园) only as an item of a list that also
    names one unmistakably (某湖科创园、软件动漫产业园、电子商务产业园等园区): the list names the
    place's own parks; a development zone named in the list (``zones``) counts as such a name.
    Weak candidates elsewhere are dropped."""
    cands = _joined_names(cands, body)
    if not any(c.weak for c in cands):
        return cands
    cands = [_from_separator(c, body) if c.weak else c for c in cands]
    cands = [replace(c, weak=False) if c.weak and _DECLARED_AFTER.match(body, c.end) else c for c in cands]
    names = [c for c in cands if c.type in ("park", "platform")]
    zones = [(a, z) for a, z in zones if not any(c.start <= a and z <= c.end for c in names)]  # not inside a name
    order = sorted(names + [Candidate("park", body[a:z], a, z, "") for a, z in zones], key=lambda c: c.start)
    keep: set[int] = set()
    run: list[Candidate] = []
    for c in order:
        if run and body[run[-1].end:c.start] not in _LIST_SEP:
            keep |= _named_run(run)
            run = []
        run.append(c)
    keep |= _named_run(run)
    ends = {c.end for c in order if not c.weak and c.type == "park"}
    places = ends | {z for _, z in zones}
    for c in cands:  # 喀什经济开发区建成某某服务中心, 位于某高新区的某软件城: what a park builds or holds is a name
        m = _BUILT.search(body, max(0, c.start - 4), c.start)
        held = body[:c.start].endswith("的") and any(body.startswith("位于", s - 2) for s in _starts_ending(places, c.start - 1, zones, order))
        if c.weak and (m is not None and m.start() in ends or held):
            keep.add(id(c))
    return [c for c in cands if not c.weak or id(c) in keep and not body[:c.start].endswith("等")]  # 等X园区: a category


_DECLARED_AFTER = re.compile("[（(](?:以下|下文)?简称")  # a name the text abbreviates is a name
_CLAUSE_START = re.compile("[，,。；;：:、（(“”\n]")
_HOLDER_END = frozenset("区园体地心城港谷镇")


def _joined_names(cands: list[Candidate], body: str) -> list[Candidate]:
    """"某试验区核心承载体暨某产业园" is one name: a park or platform right after 暨 reaches back to the
    start of its clause, and what it covers is no name of its own."""
    out = list(cands)
    for c in cands:
        if c.type not in ("park", "platform") or c.start < 2 or body[c.start - 1] != "暨" or body[c.start - 2] not in _HOLDER_END:
            continue  # 某试验区核心承载体暨…, not 某峰会暨…
        if any(x.end == c.start - 1 and not x.weak for x in cands):
            continue  # 某科创中心暨某院士工作站: two names on one plaque stay two
        k = max((m.end() for m in _CLAUSE_START.finditer(body, max(0, c.start - 40), c.start)), default=-1)
        if k < 0 or c.start - k < 4:
            continue
        whole = replace(c, name=body[k:c.end], start=k)
        out = [x for x in out if not (k <= x.start and x.end <= c.end)] + [whole]
    return sorted(out, key=lambda x: x.start) if len(out) != len(cands) or out != cands else out


def _from_separator(c: Candidate, body: str) -> Candidate:
    """An enumerated item starts right after its 、 (…、青年创业孵化基地、…): the words the name walk
    left out (a time word, an adjective) belong to it when none of them is a verb."""
    k = body.rfind("、", max(0, c.start - 4), c.start)
    head = body[k + 1:c.start] if k >= 0 else ""
    if not head or not all("\u4e00" <= ch <= "\u9fff" for ch in head):
        return c
    if any(t.startswith("v") or t in ("p", "c", "u", "uj", "m") for _, _, _, t in tag(head)):
        return c
    return replace(c, name=head + c.name, start=k + 1)


def _starts_ending(ends: set[int], at: int, zones: Sequence[tuple[int, int]], names: list[Candidate]) -> list[int]:
    """Starts of the zones and strong park names that end at ``at``."""
    return [a for a, z in zones if z == at] + [c.start for c in names if c.end == at and not c.weak]


def _named_run(run: list[Candidate]) -> set[int]:
    if len(run) >= 2 and any(not c.weak for c in run):
        return {id(c) for c in run if c.weak}
    return set()

"""Links between the entities of one document, each with the sentence that supports it.

Rules, in order of trust: a platform named after a known firm is built by it; sentence patterns
("X 在 Y 落地", "Y 引进 X", "与 X 合作建设 Y", "依托 X 成立 Y"); a park lies in the region its
name carries (else the document's region); regions are part of their parents. Anything else that
shares a sentence gets a ``co_mention`` link weighted by how many sentences they share.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from kb.extract.found import FoundEntity, FoundLink

_SETTLE = re.compile("落地|入驻|落户|注册|引进|签约|进驻|投产|选址|建设|建成")
_BUILD = re.compile("合作建设|共建|牵头|组建|成立|设立|揭牌|发起|合作|联合建设|建设|建成(?=的)")
_CLAUSE = re.compile("[，,：:]")
_JOINT = re.compile("双方|共同|合作建设|共建|联合建设|联合打造|合作打造")
_SCHOOL = re.compile("(大学|(?<!产业)学院|科学院|研究所)$")
_INSTITUTE = re.compile("(大学|(?<!产业)学院|科学院|研究所|研究院|分院)$")  # may build, and be built
_ZONE_TAIL = re.compile("(高新技术产业开发区|经济技术开发区|经济开发区|高新区|经开区|开发区|新区|产业园区|工业园区|园区|产业园)$")


def build_links(
    body: str,
    ents: Sequence[FoundEntity],
    owner: Mapping[tuple[str, str], str],
    merged: Mapping[tuple[str, str], tuple[str, str]],
    sents: Sequence[tuple[int, int]],
) -> list[FoundLink]:
    starts = [s for s, _ in sents]
    by_sent: dict[int, list[tuple[int, int, FoundEntity]]] = defaultdict(list)
    for ent in ents:
        for s, e in ent.mentions:
            k = bisect.bisect_right(starts, s) - 1
            if k >= 0:
                by_sent[k].append((s, e, ent))
    for k, items in by_sent.items():  # 华为 inside 华为（山西）人工智能创新中心 is not a separate actor
        by_sent[k] = [i for i in items if not any(
            o[0] <= i[0] and i[1] <= o[1] and (o[1] - o[0]) > (i[1] - i[0]) for o in items)]
    names = {(e.type, e.name): e for e in ents}
    links: dict[tuple, FoundLink] = {}

    def add(src: FoundEntity, dst: FoundEntity, kind: str, span: tuple[int, int]) -> None:
        if src is dst:
            return
        key = ((src.type, src.name), (dst.type, dst.name), kind)
        old = links.get(key)
        weight = old.weight + 1 if old else 1.0
        start, end = (old.start, old.end) if old else span
        links[key] = FoundLink(key[0], key[1], kind, weight, start, end)

    def first_sentence(ent: FoundEntity) -> tuple[int, int]:
        k = bisect.bisect_right(starts, ent.mentions[0][0]) - 1
        return sents[k] if k >= 0 else ent.mentions[0]

    firms_by_canon = {e.name: e for e in ents if e.type == "enterprise"}
    for key, firm_name in owner.items():
        key = merged.get(key, key)
        src, dst = names.get(key), firms_by_canon.get(firm_name)
        if src is not None and dst is not None:
            add(src, dst, "part_of" if src.type == "enterprise" else "built_by", first_sentence(src))
    regions = {e.name: e for e in ents if e.type == "region"}
    for ent in ents:
        if ent.type == "region":
            for parent in reversed(ent.region_chain[:-1]):
                if parent in regions:
                    add(ent, regions[parent], "part_of", first_sentence(ent))
                    break
        elif ent.type == "park":
            zone = _parent_park(ent, ents)
            if zone is not None:
                add(ent, zone, "located_in", first_sentence(ent))
                continue
            for r in reversed(ent.region_chain):
                if r in regions and r != ent.name:
                    add(ent, regions[r], "located_in", first_sentence(ent))
                    break
    for k, items in by_sent.items():
        span = sents[k]
        text = body[span[0]:span[1]]
        _sentence_rules(text, span, items, add)
        seen = sorted({(i[2].type, i[2].name): i[2] for i in items}.values(), key=lambda e: (e.type, e.name))
        for i, a in enumerate(seen):
            for c in seen[i + 1:]:
                if a.type == "region" and c.type == "region":
                    continue
                add(a, c, "co_mention", span)
    linked = {frozenset((k[0], k[1])) for k in links if k[2] != "co_mention"}
    return [
        lk for k, lk in links.items()
        if k[2] != "co_mention" or frozenset((k[0], k[1])) not in linked
    ]


def _parent_park(ent: FoundEntity, ents: Sequence[FoundEntity]) -> FoundEntity | None:
    """长春净月数字经济产业园 lies in 长春净月高新技术产业开发区: it opens with that zone's own name."""
    best = None
    for z in ents:
        if z is ent or z.type not in ("park", "region") or not _ZONE_TAIL.search(z.name):
            continue
        for form in (z.name, *z.aliases):
            head = _ZONE_TAIL.sub("", form)
            whole = ent.name.startswith(form) and len(ent.name) > len(form)
            if whole or len(head) >= 3 and ent.name.startswith(head) and len(ent.name) > len(form) - 2 and form != ent.name:
                if best is None or len(z.name) > len(best.name):
                    best = z
    return best


def _settles(text: str, f: tuple, p: tuple) -> bool:
    """"X 入驻 Y" / "Y 引进 X" / "X 在 Y 落地": a settle verb links them, not a list comma."""
    a, b = (f, p) if f[1] <= p[0] else (p, f)
    between = text[a[1]:b[0]]
    if a is p and between == "的" and re.search("(位于|地处|坐落于|落户|入驻)$", text[max(0, a[0] - 4):a[0]]):
        return True  # 位于苏桥园区的X公司
    if "、" in between or len(between) > 20 or a[1] > b[0] or re.search("合作|共建|联合|与", between):
        return False
    if _SETTLE.search(between):
        return True
    return bool(re.search("[在于]", between)) and bool(_SETTLE.search(text[b[1]:b[1] + 8]))


def _sentence_rules(text: str, span: tuple[int, int], items: list, add) -> None:
    """Pattern links inside one clause: settle-in (enterprise→park) and built_by (platform→firm)."""
    off = span[0]
    bounds = [0] + [m.end() for m in _CLAUSE.finditer(text)] + [len(text)]
    for a, z in zip(bounds, bounds[1:], strict=False):
        clause = [(s - off, e - off, ent) for s, e, ent in items if a <= s - off < z]
        if not clause or len(clause) < 2 and not _JOINT.search(text[a:z]):
            continue
        ctext = text[a:z]
        firms = [c for c in clause if c[2].type == "enterprise"]
        builders = firms + [c for c in clause if c[2].type == "platform" and _INSTITUTE.search(c[2].name)]
        parks = [c for c in clause if c[2].type == "park"]
        plats = [c for c in clause if c[2].type in ("platform", "park") and not _SCHOOL.search(c[2].name)]
        if firms and parks and (_SETTLE.search(ctext) or "位于" in ctext):
            for f in firms:
                for p in parks:
                    if _settles(text, f, p):
                        add(f[2], p[2], "located_in", span)
        m = _BUILD.search(ctext)
        if m and plats:
            verb = a + m.start()
            before = [f for f in builders if f[1] <= verb]
            if not before and _JOINT.search(ctext):  # 华为与X签约，双方将合作建设Y
                before = [(s - off, e - off, ent) for s, e, ent in items if s - off < a and (
                    ent.type == "enterprise" or ent.type == "platform" and _INSTITUTE.search(ent.name))]
            verbs = [a + v.start() for v in _BUILD.finditer(ctext)]
            for p in plats:
                near = max((v for v in verbs if v <= p[0]), default=None)
                if near is None:
                    continue
                prev = max((q[1] for q in plats if q[1] <= near), default=-1)
                for f in before:
                    if prev <= f[0] and f[1] <= near or f[0] < a:
                        add(p[2], f[2], "built_by", span)

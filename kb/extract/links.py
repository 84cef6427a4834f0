"""Links between the entities of one document, each with the sentence that supports it.

Rules, in order of trust: a platform named after a known firm is built by it; the placing shapes
of :mod:`kb.extract.places` ("X 落户 P", "在 P 建设 X", "位于 P 的 X"); a park or platform lies in
the park its name opens with; a builder named in the same clause as the build verb ("与 X 合作建设
Y"); a park lies in the region its name carries (else the document's); regions are part of their
parents. Anything else that shares a sentence gets a ``co_mention`` link weighted by how many
sentences they share.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence

from kb.extract.found import FoundEntity, FoundLink
from kb.extract.gazetteer import Gazetteer
from kb.extract.places import NOWHERE, DocPlace, Item, Key, Placement, placements

_BUILD = re.compile("合作建设|共建|牵头|组建|成立|设立|揭牌|发起|合作|联合建设|建设|建成(?=的)")
_CLAUSE = re.compile("[，,：:]")
_OWN_PARTNER = re.compile("[与和同]")
_JOINT = re.compile("双方|共同|合作建设|共建|联合建设|联合打造|合作打造")
_SCHOOL = re.compile("(大学|(?<!产业)学院|科学院|研究所)$")
_INSTITUTE = re.compile("(大学|(?<!产业)学院|科学院|研究所|研究院|分院)$")  # may build, and be built
_ZONE_TAIL = re.compile("(高新技术产业开发区|经济技术开发区|经济开发区|高新区|经开区|开发区|新区|产业园区|工业园区|园区|产业园)$")


class _Links:
    """Links keyed by (src, dst, kind); a repeated link adds weight and keeps its first sentence."""

    def __init__(self) -> None:
        self.links: dict[tuple[Key, Key, str], FoundLink] = {}

    def add(self, src: FoundEntity, dst: FoundEntity, kind: str, span: tuple[int, int]) -> None:
        if src is dst:
            return
        key = ((src.type, src.name), (dst.type, dst.name), kind)
        old = self.links.get(key)
        weight = old.weight + 1 if old else 1.0
        start, end = (old.start, old.end) if old else span
        self.links[key] = FoundLink(key[0], key[1], kind, weight, start, end)

    def result(self) -> list[FoundLink]:
        """Every link; a pair with a typed link loses its co_mention."""
        typed = {frozenset((k[0], k[1])) for k in self.links if k[2] != "co_mention"}
        return [lk for k, lk in self.links.items() if k[2] != "co_mention" or frozenset((k[0], k[1])) not in typed]


def _by_sentence(ents: Sequence[FoundEntity], starts: list[int]) -> dict[int, list[Item]]:
    """Top-level mentions per sentence: 华为 inside 华为（山西）人工智能创新中心 is not a separate actor."""
    by_sent: dict[int, list[Item]] = defaultdict(list)
    for ent in ents:
        for s, e in ent.mentions:
            k = bisect.bisect_right(starts, s) - 1
            if k >= 0:
                by_sent[k].append((s, e, ent))
    for k, items in by_sent.items():
        by_sent[k] = _outermost(items)
    return by_sent


def _outermost(items: list[Item]) -> list[Item]:
    """The mentions not strictly inside a longer one, in text order (a sweep, not a pairwise test)."""
    items.sort(key=lambda i: (i[0], i[0] - i[1]))
    out: list[Item] = []
    reach, n = -1, 0
    while n < len(items):
        m = n
        while m < len(items) and items[m][:2] == items[n][:2]:
            m += 1  # the same span read as two entities: neither is inside the other
        if items[n][1] > reach:
            out += items[n:m]
        reach = max(reach, items[n][1])
        n = m
    return out


def build_links(
    body: str,
    ents: Sequence[FoundEntity],
    owner: Mapping[Key, str],
    merged: Mapping[Key, Key],
    sents: Sequence[tuple[int, int]],
    doc: DocPlace = NOWHERE,
    defaults: frozenset[Key] = frozenset(),
) -> tuple[list[FoundLink], list[Placement]]:
    """Links with their sentence, and the placements the sentences state (for the entities' chains).

    ``doc`` is the document's place (for 该市, 区内 and "引进X" with no place named); ``defaults``
    are the entities whose place was the document's for want of a better one: a park among them
    lies in the zone the document is about when nothing else places it.
    """
    starts = [s for s, _ in sents]
    by_sent = _by_sentence(ents, starts)
    names = {(e.type, e.name): e for e in ents}
    out = _Links()

    def first_sentence(ent: FoundEntity) -> tuple[int, int]:
        k = bisect.bisect_right(starts, ent.mentions[0][0]) - 1
        return sents[k] if k >= 0 else ent.mentions[0]

    firms_by_canon = {e.name: e for e in ents if e.type == "enterprise"}
    for key, firm_name in owner.items():
        key = merged.get(key, key)
        src, dst = names.get(key), firms_by_canon.get(firm_name)
        if src is not None and dst is not None:
            out.add(src, dst, "part_of" if src.type == "enterprise" else "built_by", first_sentence(src))
    placed = placements(body, sents, by_sent, doc)
    contained = set()
    for p in placed:
        src, dst = names.get(p.src), names.get(p.dst) if p.dst else None
        if src is not None and dst is not None:
            out.add(src, dst, "located_in", (p.start, p.end))
            contained.add(p.src)
    _hierarchy(ents, out, first_sentence, contained, names.get(doc.zone) if doc.zone else None, defaults)
    for k, items in by_sent.items():
        span = sents[k]
        _built_by(body[span[0]:span[1]], span, items, out.add)
        _built_by_passive(body[span[0]:span[1]], span, items, out.add)
        seen = sorted({(i[2].type, i[2].name): i[2] for i in items}.values(), key=lambda e: (e.type, e.name))
        for i, a in enumerate(seen):
            for c in seen[i + 1:]:
                if a.type != "region" or c.type != "region":
                    out.add(a, c, "co_mention", span)
    return out.result(), placed


def _hierarchy(ents: Sequence[FoundEntity], out: _Links, first_sentence: Callable[[FoundEntity], tuple[int, int]],
               contained: set[Key], zone: FoundEntity | None, defaults: frozenset[Key]) -> None:
    """Regions in their parents; parks and platforms in the park their name opens with; parks in regions."""
    regions = {e.name: e for e in ents if e.type == "region"}
    g = Gazetteer.default()
    zones = [(z, form, "" if z.type == "park" and g.lookup(head) is not None else head) for z in ents
             if z.type in ("park", "region") and _ZONE_TAIL.search(z.name)
             for form in (z.name, *z.aliases) for head in (_ZONE_TAIL.sub("", form),)]  # 乌鲁木齐 alone is no head
    for ent in ents:
        key = (ent.type, ent.name)
        if ent.type == "region":
            for up in reversed(ent.region_chain[:-1]):
                if up in regions:
                    out.add(ent, regions[up], "part_of", first_sentence(ent))
                    break
            continue
        if ent.type == "enterprise":
            zone_of = _parent_park(ent, zones)  # 苏州工业园区某科技有限公司: registered in that zone
            if zone_of is not None and zone_of.type == "park":
                out.add(ent, zone_of, "located_in", first_sentence(ent))
            continue
        if ent.type not in ("park", "platform"):
            continue
        parent = _parent_park(ent, zones)
        if parent is not None:
            out.add(ent, parent, "located_in", first_sentence(ent))
        elif key in contained or ent.type == "platform":
            continue
        elif zone is not None and key in defaults and ent is not zone:
            out.add(ent, zone, "located_in", first_sentence(ent))  # a park of the zone's own document
        else:
            for r in reversed(ent.region_chain):
                if r in regions and r != ent.name:
                    out.add(ent, regions[r], "located_in", first_sentence(ent))
                    break


def _parent_park(ent: FoundEntity, zones: Sequence[tuple[FoundEntity, str, str]]) -> FoundEntity | None:
    """长春净月数字经济产业园 lies in 长春净月高新技术产业开发区: it opens with that zone's own name.

    ``zones``: (zone, one of its forms, that form without its zone word) for every zone-like entity.
    """
    best = None
    for z, form, head in zones:
        if z is ent:
            continue
        whole = ent.name.startswith(form) and len(ent.name) > len(form)
        by_head = ent.type == "park" and len(head) >= 3 and ent.name.startswith(head) and form != ent.name
        if (whole or by_head and len(ent.name) > len(form) - 2) and (best is None or len(z.name) > len(best.name)):
            best = z
    return best


def _built_by(text: str, span: tuple[int, int], items: list[Item],
              add: Callable[[FoundEntity, FoundEntity, str, tuple[int, int]], None]) -> None:
    """A platform or park built by the firms or institutes a build verb follows, in its own clause."""
    off = span[0]
    bounds = [0] + [m.end() for m in _CLAUSE.finditer(text)] + [len(text)]
    for a, z in zip(bounds, bounds[1:], strict=False):
        clause = [(s - off, e - off, ent) for s, e, ent in items if a <= s - off < z]
        relying = a > 0 and text.rfind("依托", 0, a) > max(text.rfind(c, 0, a - 1) for c in "，,：:")  # 依托X，成立Y
        if not clause or len(clause) < 2 and not _JOINT.search(text[a:z]) and not relying:
            continue
        ctext = text[a:z]
        firms = [c for c in clause if c[2].type == "enterprise"]
        builders = firms + [c for c in clause if c[2].type == "platform" and _INSTITUTE.search(c[2].name)]
        plats = [c for c in clause if c[2].type in ("platform", "park") and not _SCHOOL.search(c[2].name)]
        spans = [(c[0], c[1]) for c in clause]
        verbs = [a + v.start() for v in _BUILD.finditer(ctext)
                 if not any(s0 <= a + v.start() < e0 for s0, e0 in spans)]  # 成眉合作…产业园: a name, not a verb
        if verbs and plats:
            verb = verbs[0]
            before = [f for f in builders if f[1] <= verb]
            if not before and (_JOINT.search(ctext) or relying) and not _OWN_PARTNER.search(text, a, verb):
                # 华为与X签约，双方将合作建设Y; but "分别与三大运营商合作建设Y" names its own partners
                before = [(s - off, e - off, ent) for s, e, ent in items if s - off < a and (
                    ent.type == "enterprise" or ent.type == "platform" and _INSTITUTE.search(ent.name))]
            for p in plats:
                near = max((v for v in verbs if v <= p[0]), default=None)
                if near is None:
                    continue
                prev = max((q[1] for q in plats if q[1] <= near), default=-1)
                for f in before:
                    if prev <= f[0] and f[1] <= near or f[0] < a:
                        add(p[2], f[2], "built_by", span)


# an investor's verb: "由 X 建设运营" alone may name the operating company, so it is left out
_PASSIVE_BUILD = re.compile("(?:共同|联合|合资|携手)?(?:投资|出资)(?:打造|建设|兴建|组建)|合资共建|共建|投建|(?:联合|携手|投资)打造")


def _built_by_passive(text: str, span: tuple[int, int], items: list[Item],
                      add: Callable[[FoundEntity, FoundEntity, str, tuple[int, int]], None]) -> None:
    """"P（…），由 A（携手 B）投资打造/合资共建": the firms after 由 built the park or platform named
    last before it in the sentence."""
    if "由" not in text:
        return
    off = span[0]
    local = sorted(((s - off, e - off, ent) for s, e, ent in items), key=lambda i: i[0])
    for m in re.finditer("由", text):
        k = m.start()
        if any(a <= k < z for a, z, _ in local):
            continue  # 由 inside a name
        end = next((c.start() for c in _CLAUSE.finditer(text, k)), len(text))
        verb = _PASSIVE_BUILD.search(text, k, end)
        if verb is None:
            continue
        after = [i for i in local if k < i[0] and i[1] <= verb.start()]
        if not after or any(i[2].type in ("park", "platform") and not _INSTITUTE.search(i[2].name) for i in after):
            continue  # 由 A 建设 B is the active shape
        target = [i for i in local if i[1] <= k and i[2].type in ("park", "platform")]
        if target:
            for f in after:
                if f[2].type == "enterprise" or _INSTITUTE.search(f[2].name):
                    add(target[-1][2], f[2], "built_by", span)

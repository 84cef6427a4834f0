"""Entities (region, park, enterprise, platform) and the links between them, with offsets.

Pure function over a document body. Names come from the gazetteer, the firm lexicon and the
suffix rules in :mod:`kb.extract.names`; each entity's canonical name is its fullest form in the
document, its aliases the shorter forms, its mentions every occurrence of any of them.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

from kb.extract import lexicon as lx
from kb.extract import lists as ls
from kb.extract import names as nm
from kb.extract.builder import ABBREV, LEGAL, EntityBuilder
from kb.extract.found import FoundEntity, FoundLink
from kb.extract.gazetteer import ZONE_SUFFIXES, Gazetteer, Region, is_park_zone
from kb.extract.lexicon import Firm
from kb.extract.links import build_links
from kb.extract.places import DocPlace, holders, placed_entities
from kb.extract.refine import (
    abbreviation_merges,
    add_declared_aliases,
    add_zone_heads,
    retyped_as_parks,
    variant_merges,
)
from kb.extract.scan import SpanSet, occurrences
from kb.extract.suffix_names import suffix_candidates
from kb.extract.towns import find_towns
from kb.extract.wordfreq import word_sets

log = logging.getLogger(__name__)

_SENT_RE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")
_LEGAL_END = ("有限公司", "有限责任公司", "集团公司")


_ASCII_STOP = re.compile(r"(?<=[\u4e00-\u9fff%）)”])\.(?=\s*[\u4e00-\u9fff〔（(“\x22])")  # scraped 深化.重庆…


def sentences(body: str) -> list[tuple[int, int]]:
    out = [(m.start(), m.end()) for m in _SENT_RE.finditer(body) if m.group(0).strip()]
    stops = [d.end() for d in _ASCII_STOP.finditer(body)] if "." in body else []
    if not stops:
        return out
    cut = []
    for a, z in out:
        for d in (d for d in stops if a < d < z):
            cut.append((a, d))
            a = d
        cut.append((a, z))
    return [(a, z) for a, z in cut if body[a:z].strip()]


def _region_chain(g: Gazetteer, r: Region) -> tuple[str, ...]:
    return tuple(x.name for x in g.chain(r))


def _context(g: Gazetteer, chain: tuple[str, ...]) -> list[Region]:
    out: list[Region] = []
    for name in chain:
        r = g.lookup(name, out)
        if r is not None:
            out.append(r)
    return out


def _in_brackets(name: str, r: Region) -> bool:
    return any(f"{o}{form}{c}" in name for form in (r.name, r.short) if form for o, c in (("(", ")"), ("（", "）")))


@lru_cache(maxsize=4096)
def _regions_in(g: Gazetteer, name: str, ctx: tuple[Region, ...]) -> list[Region]:
    """Regions named in a candidate name (the same names recur across a library's documents)."""
    return [r for _, _, r in _region_spans(g, name, ctx)]


@lru_cache(maxsize=4096)
def _region_spans(g: Gazetteer, name: str, ctx: tuple[Region, ...]) -> list[tuple[int, int, Region]]:
    return g.find_all(name, ctx)


# a region that opens an owner's name inside a park's (某市数字科技集团西安产业基地) is the owner's city
_OWNER_AFTER = re.compile("[\u4e00-\u9fff]{1,6}?(?:集团|股份|有限公司|公司)")


def _chain_for(g: Gazetteer, name: str, ctx: list[Region], doc_chain: tuple[str, ...],
               places: Sequence[tuple[str, tuple[str, ...]]] = ()) -> tuple[tuple[str, ...], bool]:
    """The region chain of a named thing: the deepest place its name holds, else the document's
    (then the flag is True). A zone in the name gives the regions it lies in. ``places``: the
    document's region forms with their chains, longest first."""
    for form, chain in places:
        if form.endswith(("镇", "乡", "街道")) and form in name:
            return chain, False
    if _JOINT.search(name):
        return _joint_chain(name, doc_chain, places), True
    found = _regions_in(g, name, tuple(ctx))
    if len(found) > 1 and not LEGAL.search(name):  # a firm's own name: its regions are its own
        found = [r for s, e, r in _region_spans(g, name, tuple(ctx)) if not _OWNER_AFTER.match(name, e)] or found
    inside = [r for r in found if _in_brackets(name, r)]  # 某市(武汉)离岸科创园 lies in 武汉
    if found:
        deepest = max(inside or found, key=lambda r: r.level)
        city = next((r for r in found if r.level < deepest.level and r.name not in _region_chain(g, deepest)), None)
        if city is not None and found.index(city) < found.index(deepest) and _NEW_AREA_END.search(deepest.name):
            deepest = city  # 眉山天府新区…: the city written first wins over a new area filed under another
        chain = _region_chain(g, deepest)
        return (chain[:-1] if deepest.level == 4 and is_park_zone(deepest.name) else chain), False
    for form, chain in places:
        if name.startswith(form):
            return chain, False
    stem = nm.zone_stem_region(name)
    if stem is not None:
        return _region_chain(g, stem), False  # 天心经开区 lies in 天心区
    return doc_chain, True


_JOINT = re.compile("[\u4e00-\u9fff][—－–-][\u4e00-\u9fff]")  # 滨海—中关村科技园: two places' joint park
_PLACE_TAIL = re.compile("(新区|自治州|自治县|地区|盟|[省市区县州旗])$")


def _joint_chain(name: str, doc_chain: tuple[str, ...],
                 places: Sequence[tuple[str, tuple[str, ...]]]) -> tuple[str, ...]:
    """A joint park lies in whichever of its two places is the document's (苏州—宿迁工业园区 in a
    Suqian text is in Suqian): a place the text names below the document's own, else the document's
    chain down to the deepest place the name holds."""
    parts = re.split("[—－–-]", name, maxsplit=1)
    below = [chain for part in parts for form, chain in places if part.startswith(form)
             and len(chain) > len(doc_chain) and chain[:len(doc_chain)] == doc_chain]
    deepest = max(below, key=len, default=None)
    if deepest is not None and all(deepest[:len(c)] == c for c in below):
        return deepest  # two places below the document's own that disagree: keep the document's
    for i in range(len(doc_chain), 0, -1):
        stem = _PLACE_TAIL.sub("", doc_chain[i - 1])
        if doc_chain[i - 1] in name or len(stem) >= 2 and stem in name:
            return doc_chain[:i]
    return doc_chain


_NEW_AREA_END = re.compile("新区$|新城$")
_TALENT = re.compile("人才|英才|学者|工匠|名匠|菁英|精英|友好")


def _doc_zone(g: Gazetteer, ctx: list[Region], chain: tuple[str, ...]) -> str | None:
    """The zone a document is about (its chain ends in a 开发区/新区), by name."""
    if ctx and ctx[-1].level == 4:
        return ctx[-1].name
    if chain and g.lookup(chain[-1], ctx) is None and re.search("(区|新城)$", chain[-1]):
        return chain[-1]
    return None


def _region_mentions(b: EntityBuilder, g: Gazetteer, ctx: list[Region],
                     taken: list[tuple[int, int]]) -> list[tuple[int, int, Region]]:
    body = b.body
    found = []
    zone = b.zone
    for s, e, r in g.find_all(body, ctx):
        if body[s:e] != r.name and r.level == 3 and _TALENT.match(body, e):
            continue  # 姑苏人才: a talent programme, not a mention of the district
        if body[s:e] == r.short and _directional_short(r) and not _province_said(g, r, ctx, body):
            continue
        own = zone is not None and r.level == 4 and (r.name == zone or r.name.endswith(zone))  # 重庆永川高新区
        name = (zone or r.name) if own else r.name
        etype = "park" if r.level == 4 and is_park_zone(name) else "region"
        chain = _region_chain(g, r)
        chain = b.doc_chain if own else chain if etype == "region" else chain[:-1]  # a park's chain: its parents
        b.add(etype, name, chain, {r.name, r.short} - {""}, (s, e))
        taken.append((s, e))
        found.append((s, e, r))
        if etype == "park" and body[s:e].endswith(ZONE_SUFFIXES) or body[s:e] == r.name or r.level <= 2:
            b.keep.add((s, e))  # a region or zone named inside a park's name is still a mention of it
    return found


def _directional_short(r: Region) -> bool:
    """An autonomous prefecture's short form made with a direction (海西, 黔南, 湘西) is also the plain
    word for a part of a coast or province (海西 = the Straits' west shore)."""
    return r.level == 2 and r.name.endswith("自治州") and any(ch in r.short for ch in "东西南北")


def _province_said(g: Gazetteer, r: Region, ctx: list[Region], body: str) -> bool:
    """Whether the document's place or its text names the province ``r`` lies in."""
    top = g.chain(r)[0]
    return any(c.code == top.code for c in ctx) or top.name in body or bool(top.short) and top.short in body


def _default_county(g: Gazetteer, ctx: list[Region]) -> Region | None:
    counties = [r for r in ctx if r.level == 3]
    return counties[-1] if counties else None


def extract_entities(body: str, region_chain: tuple[str, ...]) -> tuple[list[FoundEntity], list[FoundLink]]:
    """Entities with every mention offset, plus located_in / built_by / part_of / co_mention links."""
    g = Gazetteer.default()
    full = tuple(region_chain)
    ctx = _context(g, full)
    zone = _doc_zone(g, ctx, full)
    b = EntityBuilder(body, full[:-1] if zone is not None and is_park_zone(zone) else full, zone)
    taken: list[tuple[int, int]] = []
    found = _region_mentions(b, g, ctx, taken)
    sents = sentences(body)
    cands = _candidates(b, g, ctx, found, sents)
    spans = SpanSet(taken)
    _add_candidates(b, g, ctx, cands, spans)
    for s, e, firm in _firms(body):
        if any(ts <= s and e <= te and (ts, te) != (s, e) for ts, te in spans.near(s, e)):
            continue
        b.add("platform" if firm.name in lx.INSTITUTIONS else "enterprise", firm.name, b.doc_chain, {body[s:e]}, (s, e))
    _bare_zone_mentions(b)
    add_declared_aliases(b)
    add_zone_heads(b)
    ents = _finish(b)
    doc = _doc_place(ents, b)
    defaults = frozenset(b.defaulted)
    links, placed = build_links(body, ents, b.owner, b.merged, sents, doc, defaults)
    ents, links, placed, defaults = retyped_as_parks(ents, links, placed, defaults, holders(placed))
    national = frozenset((e.type, e.name) for e in ents if e.type == "enterprise" and e.name in nm.firm_names())
    unplaced = national | _affiliations(ents, body) & defaults
    return placed_entities(ents, placed, doc, unplaced, defaults), links


def _candidates(b: EntityBuilder, g: Gazetteer, ctx: list[Region], found: list[tuple[int, int, Region]],
                sents: list[tuple[int, int]]) -> list[nm.Candidate]:
    """Towns (added to ``b`` at once) and name candidates, sentence by sentence."""
    body = b.body
    forms = frozenset(f for k, fs in b.forms.items() if k[0] == "region" for f in fs if len(f) >= 2)
    starts = [a for a, _, _ in found]
    county = _default_county(g, ctx)
    cands: list[nm.Candidate] = []
    for s, e in sents:
        text = body[s:e]
        local = [(a - s, z - s, r) for a, z, r in found[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)]
                 if z <= e]
        towns = find_towns(text, local, county, s)
        for tw in towns:
            chain = _region_chain(g, tw.parent) if tw.parent else b.doc_chain
            b.add("region", tw.name, (*chain, tw.name), {tw.name}, (tw.start, tw.end))
            b.keep.add((tw.start, tw.end))
        anchors = [(a, z) for a, z, _ in local] + [(tw.start - s, tw.end - s) for tw in towns]
        cands += suffix_candidates(text, s, anchors, forms)
        cands += ls.enumeration_items(text, s)
        cands += ls.short_firms(text, s)
    zones = [sp for k, sps in b.spans.items() if k[0] == "park" for sp in sps]
    cands = ls.listed_names(_drop_titles(cands), body, zones)
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    return cands


def _add_candidates(b: EntityBuilder, g: Gazetteer, ctx: list[Region], cands: list[nm.Candidate],
                    taken: SpanSet) -> None:
    """Each candidate not inside a longer name already taken, typed by the firm lexicon, placed by its name."""
    forms = {f: b.chain[k] for k in list(b.forms) if k[0] == "region" for f in b.forms[k] if len(f) >= 2}
    places = sorted(forms.items(), key=lambda kv: -len(kv[0]))
    chains: dict[str, tuple[tuple[str, ...], bool]] = {}
    for c in cands:
        nested_firm = c.type == "enterprise" and c.name.endswith(_LEGAL_END)
        if not nested_firm and any(c.start < te and ts < c.end and ((te - ts) >= (c.end - c.start) or te == c.end)
                                   for ts, te in taken.near(c.start, c.end)):
            continue
        hit = nm.firm_keys().get(c.name) or nm.firm_by_legal_stem(c.name)
        etype = "enterprise" if hit else c.type
        name = hit[0].name if hit else c.name
        if name in lx.INSTITUTIONS:
            etype = "platform"
        if c.name not in chains:
            chains[c.name] = _chain_for(g, c.name, ctx, b.doc_chain, places)
        chain, default = chains[c.name]
        key = b.add(etype, name, chain, {c.name}, (c.start, c.end), default)
        if c.owner and c.owner != name and c.owner not in lx.INSTITUTIONS and not c.name.endswith(lx.BRANCH_SUFFIXES):
            b.owner[key] = c.owner
            span = _owner_span(b.body, c)
            if span is not None:
                b.add("enterprise", c.owner, b.doc_chain, {b.body[span[0]:span[1]]}, span)
                b.keep.add(span)
        taken.add((c.start, c.end))


_TITLE_AFTER = re.compile("党委书记|党委副书记|董事长|副董事长|总经理|副总经理|总裁|副总裁|总监|负责人|部长|主任|经理|首席")


def _affiliations(ents: list[FoundEntity], body: str) -> frozenset[tuple[str, str]]:
    """Firms named only as a speaker's employer (某集团党委书记、董事长某某): mentioned, not placed."""
    return frozenset((e.type, e.name) for e in ents if e.type == "enterprise"
                     and all(_TITLE_AFTER.match(body, z) for _, z in e.mentions))


def _doc_place(ents: list[FoundEntity], b: EntityBuilder) -> DocPlace:
    """The document's place as entity keys, for what its sentences leave implicit."""
    keys = {(e.type, e.name) for e in ents}
    zone = ("park", b.zone) if b.zone is not None and ("park", b.zone) in keys else None
    region = ("region", b.doc_chain[-1]) if b.doc_chain and ("region", b.doc_chain[-1]) in keys else None
    return DocPlace(b.doc_chain, zone, region)


def _drop_titles(cands: list[nm.Candidate]) -> list[nm.Candidate]:
    """Names met only right after an award verb (获评X示范基地) are titles, not entities."""
    plain = {c.name for c in cands if not c.title}
    return [c for c in cands if not c.title or c.name in plain]


def _owner_span(body: str, c: nm.Candidate) -> tuple[int, int] | None:
    """The owner's name at the start of candidate ``c`` (联通 in 联通工业互联网研究院)."""
    keys = nm.firm_keys()
    if c.owner is None:
        return None
    for ln in range(min(16, c.end - c.start), 1, -1):
        hit = keys.get(body[c.start:c.start + ln])
        if hit and hit[0].name == c.owner:
            return c.start, c.start + ln
    if body.startswith(c.owner, c.start):
        return c.start, c.start + len(c.owner)
    return None


def _firms(body: str) -> list[tuple[int, int, Firm]]:
    """Lexicon firm mentions (longest alias); weak aliases need a region before or 公司 after."""
    keys = nm.firm_keys()
    index = nm.firm_index()
    find = nm.firm_pattern().search
    g = Gazetteer.default()
    out: list[tuple[int, int, Firm]] = []
    m = find(body)
    while m is not None:
        i, nxt = m.start(), m.start() + 1
        for j in (m.end(), *reversed(index.ends(body, i)[:-1])):  # the longest first, then shorter keys
            firm, weak = keys[body[i:j]]
            if weak and not _weak_ok(body, i, j, g):
                continue
            if _ascii_edge(body, i, j) or body.startswith(("局", "厅", "委", "办"), j) or _inside_words(body, i, j):
                continue
            out.append((i, j, firm))
            nxt = j
            break
        m = find(body, nxt)
    return out


def _inside_words(body: str, s: int, e: int) -> bool:
    """A two-character alias read across two words (亚信 in 欧亚信息) is not a mention."""
    known = word_sets().known
    return e - s == 2 and s > 0 and body[s - 1:s + 1] in known and body[e - 1:e + 1] in known


def _ascii_edge(body: str, s: int, e: int) -> bool:
    def alnum(ch: str) -> bool:
        return ch.isascii() and ch.isalnum()
    return alnum(body[s]) and s > 0 and alnum(body[s - 1]) or alnum(body[e - 1]) and e < len(body) and alnum(body[e])


def _weak_ok(body: str, s: int, e: int, g: Gazetteer) -> bool:
    before = body[max(0, s - 6):s]
    if any(before.endswith(x.name) or (x.short and before.endswith(x.short)) for _, _, x in g.find_all(before)):
        return True
    if body.startswith(("公司", "集团", "分公司", "股份"), e):
        return True
    keys = nm.firm_keys()  # 中国电子、中国移动等: listed beside a firm named by a strong form
    next_firm = next((body[e + 1:e + 1 + n] for n in range(8, 1, -1) if body[e:e + 1] == "、"
                  and body[e + 1:e + 1 + n] in keys and not keys[body[e + 1:e + 1 + n]][1]), None)
    prev_firm = next((body[s - 1 - n:s - 1] for n in range(8, 1, -1) if s > n and body[s - 1] == "、"
                   and body[s - 1 - n:s - 1] in keys and not keys[body[s - 1 - n:s - 1]][1]), None)
    return next_firm is not None or prev_firm is not None


def _bare_zone_mentions(b: EntityBuilder) -> None:
    """A bare "经开区" or "高新区" means the zone of that kind the document is about, else the only one
    it names (once the text names it in full)."""
    for full, short in ABBREV:
        named = [k for k in b.spans if k[1].endswith(full) and k[0] in ("park", "region")]
        own = [k for k in named if k[1] == b.zone]
        key = own[0] if own else named[0] if len(named) == 1 else None
        if key is None:
            continue
        for m in re.finditer(short, b.body):
            if m.start() == 0 or b.body[m.start() - 1] in "的、，。 省市\n在,":
                b.spans[key].add((m.start(), m.end()))
                b.forms[key].add(short)


def _drop_nested_regions(ents: list[FoundEntity], doc_chain: tuple[str, ...]) -> list[FoundEntity]:
    """A region met only inside firm or platform names (浙江鸿禧光伏…公司) is not discussed."""
    inner = [(m, e.type) for e in ents if e.type in ("enterprise", "platform") for m in e.mentions]

    def nested(sp: tuple[int, int]) -> bool:  # a platform named after its place keeps the place
        return any(s <= sp[0] and sp[1] <= e and (e - s) > (sp[1] - sp[0]) and (t == "enterprise" or s < sp[0])
                   for (s, e), t in inner)

    return [e for e in ents if e.type != "region" or e.name in doc_chain
            or not all(nested(sp) for sp in e.mentions)]


def _merge_short_firms(b: EntityBuilder, keys: list, merged: dict) -> None:
    """九洲集团 -> 四川九洲电器集团有限责任公司: a short form whose core occurs in one full name."""
    full = [k for k in keys if k[0] == "enterprise" and k[1].endswith(_LEGAL_END)]
    for k in keys:
        if k[0] != "enterprise" or k in merged or k in full or k[1] in nm.firm_names():
            continue
        core = nm.TRADE_RE.sub("", LEGAL.sub("", k[1]))
        if len(core) < 2:
            continue
        hits = [f for f in full if core in f[1] and f != k]
        if len(hits) == 1:
            merged[k] = hits[0]


def _finish(b: EntityBuilder) -> list[FoundEntity]:
    """Merge keys whose forms overlap, pick the fullest name, and find every mention."""
    keys = list(b.forms)
    present = set(keys)
    merged: dict[tuple[str, str], tuple[str, str]] = {}
    for k in sorted(keys, key=lambda k: -len(k[1])):
        for f in b.forms[k]:
            other = (k[0], f)
            if other in present and len(f) < len(k[1]) and other not in merged and k not in merged:
                merged[other] = k
    _merge_short_firms(b, keys, merged)
    for k in keys:  # 世界计算·长沙智谷 … 长沙智谷: the name without its brand is the same park
        tail = (k[0], k[1].rsplit("·", 1)[-1])
        if "·" in k[1] and tail in present and tail not in merged:
            merged[tail] = k
    for small, big in abbreviation_merges(keys).items():
        merged.setdefault(small, big)
    owners = frozenset(f for k in keys if k[0] in ("region", "enterprise") for f in b.forms[k])
    for small, big in variant_merges(keys, owners).items():
        if small not in merged and big not in merged:
            merged[small] = big
    for small, big in merged.items():
        while big in merged:
            big = merged[big]
        b.forms[big] |= b.forms[small]
        b.spans[big] |= b.spans[small]
    spans_taken = SpanSet()
    owner_of: dict[tuple[int, int], set[tuple[str, str]]] = defaultdict(set)
    out = []
    keys = [k for k in keys if k not in merged]
    for k in sorted(keys, key=lambda k: -max(len(f) for f in b.forms[k])):
        if k[0] == "enterprise" and k[1].endswith(_LEGAL_END):
            b.keep |= {sp for sp in b.spans[k] if b.body[sp[0]:sp[1]].endswith(_LEGAL_END)}
        spans = set(b.spans[k])
        for f in b.forms[k]:
            if len(f) < 2:
                continue
            spans.update(occurrences(b.body, f))
        spans = {sp for sp in spans if sp in b.keep or not any(
            s <= sp[0] and sp[1] <= e and (e - s) > (sp[1] - sp[0]) and owner_of[(s, e)] - {k}
            for s, e in spans_taken.near(*sp))}
        spans = {sp for sp in spans if not any(o != sp and o[0] <= sp[0] and sp[1] <= o[1] for o in spans)}
        if not spans:
            continue
        for sp in spans:
            if sp not in owner_of:
                spans_taken.add(sp)
            owner_of[sp].add(k)
        aliases = tuple(sorted(f for f in b.forms[k] if f != k[1]))
        out.append(FoundEntity(k[0], k[1], aliases, b.chain[k], tuple(sorted(spans))))
    out = _drop_nested_regions(out, b.doc_chain)
    out.sort(key=lambda e: e.mentions[0])
    b.merged = merged
    return out

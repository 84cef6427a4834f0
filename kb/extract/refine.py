"""Late touches on the collected names: declared short forms, abbreviations, centres that are places.

Both work on what the document itself says, so they generalise: "（以下简称“一汽”）" declares an
alias, and "山西综改示范区" abbreviates "山西转型综合改革示范区" (same opening, same suffix, its
characters in order inside the full name).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from kb.extract.builder import EntityBuilder
from kb.extract.found import FoundEntity, FoundLink
from kb.extract.gazetteer import Gazetteer
from kb.extract.names import firm_keys, is_generic_word
from kb.extract.places import Key, Placement

_DECLARED = re.compile(r"[（(](?:以下|下文)?(?:简称|称)[为：:]?[“\"「]([^”\"」）)]{2,12})[”\"」][）)]")
_ABBR_TYPES = ("park", "region")  # platforms share openings too often (贵州大学, 贵州财经大学)


def add_declared_aliases(b: EntityBuilder) -> None:
    """Give the entity whose mention ends right before "（简称“X”）" the alias X."""
    ends: dict[int, tuple[str, str]] = {}
    for key, spans in b.spans.items():
        for _s, e in spans:
            if e not in ends or len(key[1]) > len(ends[e][1]):
                ends[e] = key
    for m in _DECLARED.finditer(b.body):
        owner = ends.get(m.start())
        if owner is not None:
            b.forms[owner].add(m.group(1))
            b.keep.add((m.start(1), m.end(1)))


_BONDED = re.compile("(综合保税区|综保区|保税港区|保税区)$")


def add_zone_heads(b: EntityBuilder) -> None:
    """A bonded zone is called by its head alone once named (东疆综保区 … 落地东疆), when that head is
    no region (天津 in 天津港保税区 stays the city) and no known firm or everyday word."""
    g = Gazetteer.default()
    for key in [k for k in b.forms if k[0] == "park"]:
        for form in list(b.forms[key]):
            head = _BONDED.sub("", form)
            if head != form and 2 <= len(head) <= 4 and g.lookup(head) is None and not g.find_all(head) and (
                    head not in firm_keys() and not is_generic_word(head)):
                b.forms[key].add(head)


def is_abbreviation(short: str, full: str) -> bool:
    """山西综改示范区 ⊂ 山西转型综合改革示范区; 净月高新区 ⊂ 长春净月高新技术产业开发区."""
    if len(short) < 4 or len(short) >= len(full) or short[-1] != full[-1]:
        return False
    if short[:2] not in full[:6] or Gazetteer.default().lookup(short) is not None:
        return False
    first = full.index(short[:2])
    pos, gaps = first + 2, int(first > 0)
    for ch in short[2:]:
        nxt = full.find(ch, pos)
        if nxt < 0:
            return False
        gaps += nxt > pos
        pos = nxt + 1
    gaps += pos < len(full)
    return gaps >= 2  # one dropped block is a different, narrower name (长春高新区 vs 长春净月高新区)


def abbreviation_merges(keys: list[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, str]]:
    """Short park/platform names that abbreviate exactly one longer name of the same type."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for k in keys:
        if k[0] not in _ABBR_TYPES:
            continue
        fulls = [f for f in keys if f[0] == k[0] and f != k and is_abbreviation(k[1], f[1])]
        if len(fulls) == 1 and not (k[0] == "region" and not fulls[0][1].endswith(("区", "新城"))):
            out[k] = fulls[0]
    return out


_PAREN = re.compile(r"[（(]([^（()）]{2,8})[）)]")
_PLACE_SUFFIX = re.compile("(产业园区|产业园|园区)$")


def _variant(name: str) -> str:
    """A spelling-neutral form: regions in brackets dropped, provinces and cities by short name,
    产业园区/园区 written 园 (云南省新创(大理)工业园区 ~ 云南新创工业园)."""
    g = Gazetteer.default()
    if "(" in name or "（" in name:
        name = _PAREN.sub(lambda m: "" if g.lookup(m.group(1)) is not None else m.group(0), name)
    if "省" in name or "市" in name or "自治区" in name:
        for _, _, r in sorted(g.find_all(name), key=lambda t: -t[0]):
            if r.level <= 2 and r.short and r.name in name:
                name = name.replace(r.name, r.short)
    return _PLACE_SUFFIX.sub("园", name)


def variant_merges(keys: list[tuple[str, str]], owners: frozenset[str]) -> dict[tuple[str, str], tuple[str, str]]:
    """Parks and platforms written two ways in one document, mapped to the longer spelling.

    Same spelling-neutral form (:func:`_variant`); or a name that is exactly one longer name
    without the region or firm that opens it (``owners``: 云联数据中心 ~ 张北云联数据中心, 西安产业基地
    ~ 某某集团西安产业基地); a platform that a park also answers to (某某数据湖 ~ 某某数据湖产业园)
    joins the park.
    """
    out: dict[tuple[str, str], tuple[str, str]] = {}
    places = [k for k in keys if k[0] in ("park", "platform")]
    by_form: dict[str, list[tuple[str, str]]] = {}
    for k in places:
        by_form.setdefault(k[0] + _variant(k[1]), []).append(k)
    for group in by_form.values():
        big = max(group, key=lambda k: len(k[1]))
        out.update({k: big for k in group if k != big})
    parks = {_variant(k[1]): k for k in places if k[0] == "park"}
    for k in places:
        if k[0] == "platform" and k not in out and _variant(k[1]) + "园" in parks:
            out[k] = parks[_variant(k[1]) + "园"]
    opened: dict[tuple[str, str], list[tuple[str, str]]] = {}  # (type, name without its opener) -> names
    for o in places:
        for i in range(2, min(len(o[1]) - 1, 16)):
            if o[1][:i] in owners:
                opened.setdefault((o[0], o[1][i:]), []).append(o)
    for k in places:
        longer = list(dict.fromkeys(opened.get(k, ())))
        if k not in out and len(longer) == 1:
            out[k] = longer[0]
    return out


def retyped_as_parks(ents: Sequence[FoundEntity], links: Sequence[FoundLink], placed: Sequence[Placement],
                     defaults: frozenset[Key], holders: frozenset[Key]) -> tuple[
                         list[FoundEntity], list[FoundLink], list[Placement], frozenset[Key]]:
    """The platforms a sentence puts a park or firm in become parks (某科创园位于光谷芯中心: a campus,
    not a research platform), with every link and placement that names them."""
    have = {(e.type, e.name) for e in ents}
    turn = {k: ("park", k[1]) for k in holders if ("park", k[1]) not in have}
    if not turn:
        return list(ents), list(links), list(placed), defaults
    ents = [replace(e, type="park") if (e.type, e.name) in turn else e for e in ents]
    links = [replace(lk, src=turn.get(lk.src, lk.src), dst=turn.get(lk.dst, lk.dst)) for lk in links]
    placed = [replace(p, src=turn.get(p.src, p.src), dst=turn.get(p.dst, p.dst) if p.dst else None) for p in placed]
    return ents, links, placed, frozenset(turn.get(k, k) for k in defaults)

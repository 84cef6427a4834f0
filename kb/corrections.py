"""Replaying the user's entity corrections on freshly extracted entities (pure functions).

Why replay: every re-import extracts entities again from the text, and a user who renamed, retyped,
merged or deleted an entity, said it is not located where a sentence seemed to place it, or removed
a link, expects that to hold for the new version too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from kb.models import link_value

__all__ = ["ACTIONS", "LINK_ACTIONS", "LINK_KINDS", "apply_corrections", "chain_after_unplace", "link_value",
           "parse_link_value", "placed_only"]

LINK_ACTIONS = ("unplace", "unlink")
ACTIONS = ("rename", "retype", "merge", "delete", *LINK_ACTIONS)
LINK_KINDS = ("located_in", "part_of", "built_by", "co_mention")

Key = tuple[str, str]


def parse_link_value(value: str | None) -> tuple[str, str, str]:
    """(kind, target type, target name) of an ``unlink`` value; ValueError when malformed."""
    parts = (value or "").split(":", 2)
    if len(parts) != 3 or not all(p.strip() for p in parts):
        raise ValueError(f"unlink needs '<kind>:<type>:<name>', not {value!r}")
    kind, etype, name = (p.strip() for p in parts)
    if kind not in LINK_KINDS:
        raise ValueError(f"unknown link kind {kind!r}; use one of {', '.join(LINK_KINDS)}")
    return kind, etype, name


def chain_after_unplace(chain: Sequence[str], removed: Sequence[tuple[set[str], Sequence[str]]],
                        remaining: Sequence[Sequence[str]], anywhere: bool, placed_only: bool) -> tuple[str, ...]:
    """An entity's region chain once some of its placements are gone.

    ``removed``: (names, region chain) of each place it no longer lies in; ``remaining``: the chains
    of the places it still lies in. Its chain came from a removed place when it names that place,
    or when only placing sentences give it a chain at all (``placed_only``: a national or foreign
    firm, ``kb.extract.is_known_firm``) and it is that place's chain; it then becomes the longest
    remaining one, else none. A local firm's or a park's chain may be its document's region, which a
    wrong park does not make wrong: it stays (``anywhere`` clears it too).
    """
    chain = tuple(chain)
    came_from = anywhere or any(
        names & set(chain) or (placed_only and chain and tuple(c) == chain[:len(c)] and c) for names, c in removed)
    if not came_from:
        return chain
    return max((tuple(c) for c in remaining), key=len, default=())


def placed_only(etype: str, name: str) -> bool:
    """Whether only placing sentences give this entity a region (a well-known national or foreign firm)."""
    from kb.extract.lexicon import is_known_firm  # late: the store uses this module without the extractors

    return etype == "enterprise" and is_known_firm(name)


def _corrected(ent: Any, corrections: Sequence[dict[str, Any]]) -> Any:
    names = {ent.name, *ent.aliases}
    for c in corrections:
        if c["type"] != ent.type or c["name"] not in names or c["action"] in LINK_ACTIONS:
            continue
        if c["action"] == "delete":
            return None
        if c["action"] in ("rename", "merge"):
            ent = replace(ent, name=c["value"], aliases=tuple(dict.fromkeys([*ent.aliases, ent.name])))
        elif c["action"] == "retype":
            ent = replace(ent, type=c["value"])
        names = {ent.name, *ent.aliases}
    return ent


def apply_corrections(corrections: Sequence[dict[str, Any]], entities: list[Any],
                      links: list[Any]) -> tuple[list[Any], list[Any]]:
    """The entities and links as the user's corrections (applied in order) make them."""
    if not corrections:
        return entities, links
    out = []
    renamed: dict[tuple[str, str], tuple[str, str] | None] = {}
    for ent in entities:
        fixed = _corrected(ent, corrections)
        renamed[(ent.type, ent.name)] = (fixed.type, fixed.name) if fixed else None
        if fixed:
            out.append(fixed)
    new_links = []
    for link in links:
        src = renamed.get(tuple(link.src), tuple(link.src))
        dst = renamed.get(tuple(link.dst), tuple(link.dst))
        if src and dst:
            new_links.append(replace(link, src=src, dst=dst))
    return _replay_link_corrections(corrections, out, new_links)


def _replay_link_corrections(corrections: Sequence[dict[str, Any]], entities: list[Any],
                             links: list[Any]) -> tuple[list[Any], list[Any]]:
    """Drop the placements and links the user removed; re-derive the region of what lost a place."""
    by_form: dict[Key, Key] = {}
    for e in entities:
        for n in (e.name, *e.aliases):
            by_form.setdefault((e.type, n), (e.type, e.name))
    removed: dict[Key, list[tuple[set[str], tuple[str, ...]]]] = {}
    anywhere: set[Key] = set()
    for c in corrections:
        if c["action"] not in LINK_ACTIONS or (me := by_form.get((c["type"], c["name"]))) is None:
            continue
        if c["action"] == "unplace":
            gone = [lk for lk in links if lk.kind == "located_in" and tuple(lk.src) == me
                    and (c["value"] is None or c["value"] in _names(entities, tuple(lk.dst)))]
            if c["value"] is None:
                anywhere.add(me)
            else:  # a region it was placed in by its chain alone (no link) counts too
                removed.setdefault(me, []).append(({c["value"]}, ()))
        else:
            try:
                kind, ttype, tname = parse_link_value(c["value"])
            except ValueError:
                continue
            other = by_form.get((ttype, tname))
            gone = [lk for lk in links if lk.kind == kind and {tuple(lk.src), tuple(lk.dst)} == {me, other}]
        for lk in gone:
            if lk.kind == "located_in":
                removed.setdefault(tuple(lk.src), []).append(_place(entities, tuple(lk.dst)))
        links = [lk for lk in links if not any(lk is g for g in gone)]
    if not removed and not anywhere:
        return entities, links
    return [_replaced_chain(e, entities, links, removed, anywhere) for e in entities], links


def _names(entities: list[Any], key: Key) -> set[str]:
    return _place(entities, key)[0]


def _place(entities: list[Any], key: Key) -> tuple[set[str], tuple[str, ...]]:
    """(names, region chain) of the entity ``key``."""
    return next((({e.name, *e.aliases}, tuple(e.region_chain)) for e in entities if (e.type, e.name) == key),
                ({key[1]}, ()))


def _replaced_chain(ent: Any, entities: list[Any], links: list[Any],
                    removed: dict[Key, list[tuple[set[str], tuple[str, ...]]]], anywhere: set[Key]) -> Any:
    key = (ent.type, ent.name)
    if key not in removed and key not in anywhere:
        return ent
    remaining = [_place(entities, tuple(lk.dst))[1] for lk in links if lk.kind == "located_in" and tuple(lk.src) == key]
    chain = chain_after_unplace(ent.region_chain, removed.get(key, []), remaining, key in anywhere,
                                placed_only(ent.type, ent.name))
    return ent if chain == tuple(ent.region_chain) else replace(ent, region_chain=chain)

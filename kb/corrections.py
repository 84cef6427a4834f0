"""Replaying the user's entity corrections on freshly extracted entities (pure functions).

Why replay: every re-import extracts entities again from the text, and a user who renamed, retyped,
merged or deleted an entity expects that to hold for the new version too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

ACTIONS = ("rename", "retype", "merge", "delete")


def _corrected(ent: Any, corrections: Sequence[dict[str, Any]]) -> Any:
    names = {ent.name, *ent.aliases}
    for c in corrections:
        if c["type"] != ent.type or c["name"] not in names:
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
    return out, new_links

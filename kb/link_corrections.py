"""The corrections of a placement or a link (``unplace``, ``unlink``) against the store.

Why apart from the importer: they resolve the other end of what the user removes (a park or region
by any of its names, an entity of a type), and say plainly what does not exist before anything is
logged; the importer only routes them here. Replaying them on re-import is ``kb.corrections``.
"""

from __future__ import annotations

import json
from typing import Any

from kb.corrections import link_value, parse_link_value
from kb.errors import NotFoundError
from kb.models import Changes
from kb.store import Store, now


def correct_link(store: Store, action: str, row: dict[str, Any], value: str | None) -> Changes:
    """Apply and log ``unplace`` (value: a place, None for anywhere) or ``unlink`` to the entity ``row``."""
    if action == "unplace":
        return _unplace(store, row, value)
    try:
        kind, ttype, tname = parse_link_value(value)
    except ValueError as exc:
        raise NotFoundError(str(exc)) from None
    eid = int(row["id"])
    other = store.entities.row_by_name(ttype, tname)
    if other is None:
        raise NotFoundError(f"no {ttype} entity named {tname!r}")
    with store.atomic():
        if not store.corrections.unlink(eid, int(other["id"]), kind):
            raise NotFoundError(f"{row['name']!r} has no {kind} link with {tname!r}")
        store.corrections.add("unlink", row["type"], row["name"], link_value(kind, ttype, other["name"]), now())
    return Changes(entities=(eid, int(other["id"])), entity_id=eid)


def _unplace(store: Store, row: dict[str, Any], value: str | None) -> Changes:
    """The log keeps the place's canonical name (or the chain's form of a region), so replay matches it."""
    eid = int(row["id"])
    ents = store.entities
    targets = _place_targets(store, row, value)
    region = ents.names_in(ents.ids_named(value), json.loads(row["region_chain"])) if value else []
    by_chain = region[0] if targets == [] and region else None  # placed by its region chain alone
    target = ents.row(targets[0]) if targets else None
    stored = str(target["name"]) if target is not None else by_chain or value
    with store.atomic():
        store.corrections.add("unplace", row["type"], row["name"], stored, now())
        touched = store.corrections.unplace(eid, targets, by_chain)
    return Changes(entities=(eid, *touched), entity_id=eid)


def _place_targets(store: Store, row: dict[str, Any], value: str | None) -> list[int] | None:
    """The places to drop: None for all; [] when ``value`` is only in its region chain."""
    eid = int(row["id"])
    placed = store.entities.placed_in(eid)
    chain = json.loads(row["region_chain"])
    if not value:
        if not placed and not chain:
            raise NotFoundError(f"{row['name']!r} is not placed anywhere")
        return None
    named = store.entities.ids_named(value)
    if not named:
        raise NotFoundError(f"no region or park named {value!r}")
    hit = [i for i in placed if i in named]
    if not hit and not store.entities.names_in(named, chain):
        raise NotFoundError(f"{row['name']!r} is not placed in {value!r}")
    return hit

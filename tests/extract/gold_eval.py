"""Scoring extraction against hand-made gold: placements and links with their evidence.

Not a test module: the gold-based tests import it. Gold entities may carry ``place``: the region
chain the text gives (a coarser prefix counts as right), ``null`` when the text only mentions the
entity (it must stay unplaced), ``"?"`` when not scored, or ``{"any": [chain, ...]}``. Gold links
carry ``evidence``: a phrase of the sentence that states them (or a list, when several sentences
do); a predicted link counts when its cited sentence contains that phrase.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from kb.extract import FoundEntity, FoundLink


def norm(s: str) -> str:
    return s.replace("（", "(").replace("）", ")").replace(" ", "")


def match(pred: Iterable[FoundEntity], gold: list[dict]) -> dict[tuple[str, str], dict]:
    """Predicted (type, name) -> the gold entity it finds (same type, a shared form; one to one)."""
    out: dict[tuple[str, str], dict] = {}
    left = list(gold)
    for p in pred:
        forms = {norm(x) for x in (p.name, *p.aliases)}
        hit = next((g for g in left if g["type"] == p.type
                    and forms & {norm(x) for x in (g["name"], *g["aliases"])}), None)
        if hit is not None:
            left.remove(hit)
            out[(p.type, p.name)] = hit
    return out


def _coarser(chain: tuple[str, ...], gold: list[str]) -> bool:
    return 0 < len(chain) <= len(gold) and [norm(x) for x in gold[:len(chain)]] == [norm(x) for x in chain]


def place_counts(ents: list[FoundEntity], gold: list[dict]) -> Counter:
    """("unplaced"|"placed", "ok"|"bad") over the found entities whose gold place is scored."""
    out: Counter = Counter()
    found = match(ents, gold)
    for e in ents:
        g = found.get((e.type, e.name))
        if g is None or g["type"] == "region" or g.get("place", "?") == "?":
            continue
        place = g["place"]
        if place is None:
            out[("unplaced", "ok" if not e.region_chain else "bad")] += 1
            continue
        chains = place["any"] if isinstance(place, dict) else [place]
        out[("placed", "ok" if any(_coarser(e.region_chain, c) for c in chains) else "bad")] += 1
    return out


def link_counts(body: str, ents: list[FoundEntity], links: list[FoundLink], gold: dict) -> Counter:
    """Per gold link category (nested, firm_in_park, built_by): found with its sentence or missed;
    and for nested and built_by, predicted links that the gold holds or not."""
    found = {k: (g["type"], g["name"]) for k, g in match(ents, gold["entities"]).items()}
    pred: dict[tuple, list[FoundLink]] = {}
    for lk in links:
        if lk.kind in ("located_in", "built_by"):
            pred.setdefault((found.get(lk.src), found.get(lk.dst), lk.kind), []).append(lk)
    out: Counter = Counter()
    want = set()
    for gl in gold.get("links", []):
        src, dst = tuple(gl["src"]), tuple(gl["dst"])
        key = (src, dst, gl["kind"])
        want.add(key)
        cat = _category(src[0], dst[0], gl["kind"])
        phrases = gl.get("evidence", "")  # older gold files name no evidence: any cited sentence counts
        phrases = phrases if isinstance(phrases, list) else [phrases]
        cited = any(ph in body[lk.start:lk.end] for lk in pred.get(key, ()) for ph in phrases)
        out[(cat, "found" if cited else "missed")] += 1
    for (src, dst, kind), _ in pred.items():
        if src is None or dst is None:
            continue
        cat = _category(src[0], dst[0], kind)
        if cat in ("nested", "built_by"):
            out[(cat, "right" if (src, dst, kind) in want else "wrong")] += 1
    return out


def _category(src_type: str, dst_type: str, kind: str) -> str:
    if kind == "built_by":
        return "built_by"
    if dst_type == "park" and src_type in ("park", "platform"):
        return "nested"
    return "firm_in_park" if dst_type == "park" else "in_region"


def rate(c: Counter, cat: str, good: str = "found", bad: str = "missed") -> float:
    n = c[(cat, good)] + c[(cat, bad)]
    return c[(cat, good)] / n if n else 1.0

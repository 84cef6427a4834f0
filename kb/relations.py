"""Links read as words from one entity's side: "建设方: X", "位于: Y", "包含: Z", "共同提及: …".

Why words and not arrows: ``located_in`` read from the park's own page is "contains", and a user
should not have to work out which way an arrow points. Both the CLI and the app use these keys.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kb.models import Link

# relation key -> (Chinese, English); keys are read from the focus entity's side
WORDS: dict[str, tuple[str, str]] = {
    "built_by": ("建设方", "Built by"),
    "builds": ("建设", "Builds"),
    "located_in": ("位于", "Located in"),
    "contains": ("包含", "Contains"),
    "part_of": ("隶属", "Part of"),
    "has_part": ("下设", "Has unit"),
    "co_mention": ("共同提及", "Mentioned with"),
}
ORDER = tuple(WORDS)


def words(key: str, lang: str = "zh") -> str:
    zh, en = WORDS.get(key, (key, key))
    return en if lang == "en" else zh


@dataclass(frozen=True)
class Relation:
    """One fact about the focus entity: the relation, the entity at the other end, and the evidence."""

    key: str  # one of WORDS
    other_id: int
    other_name: str
    other_type: str
    weight: float
    sentence: str  # the sentence that states it ("" when none was kept)
    doc: str | None
    link: Link


def relations(links: Iterable[Link], focus_id: int) -> list[Relation]:
    """One per (relation, other entity), the strongest evidence kept; in ``ORDER``, strongest first."""
    best: dict[tuple[str, int], Relation] = {}
    for lk in links:
        outgoing = lk.src_id == focus_id
        other = (lk.dst_id, lk.dst_name, lk.dst_type) if outgoing else (lk.src_id, lk.src_name, lk.src_type)
        rel = Relation(lk.relation(focus_id), *other, lk.weight, lk.sentence, lk.doc, lk)
        key = (rel.key, rel.other_id)
        if key not in best or (rel.weight, bool(rel.sentence)) > (best[key].weight, bool(best[key].sentence)):
            best[key] = rel
    rank = {k: i for i, k in enumerate(ORDER)}
    return sorted(best.values(), key=lambda r: (rank.get(r.key, len(rank)), -r.weight, r.other_name))

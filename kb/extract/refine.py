"""Late touches on the collected names: declared short forms and abbreviations.

Both work on what the document itself says, so they generalise: "（以下简称“一汽”）" declares an
alias, and "山西综改示范区" abbreviates "山西转型综合改革示范区" (same opening, same suffix, its
characters in order inside the full name).
"""

from __future__ import annotations

import re

from kb.extract.builder import EntityBuilder
from kb.extract.gazetteer import Gazetteer

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

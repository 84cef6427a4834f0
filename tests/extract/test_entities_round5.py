"""Round 5 regression fixtures (辽宁 news about a 高新区, 河北 city plan, 新疆 proposal reply): types,
places and links together. Their gold was written before the extractor ran on them; each file's
``_note`` says how they were made.

Run as a script for the table: ``PYTHONPATH=. python tests/extract/test_entities_round5.py``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold_eval import link_counts, place_counts, rate  # noqa: E402
from test_entities import TYPES, prf, score  # noqa: E402

from kb.extract import doc_region, extract_entities  # noqa: E402

FIX = Path(__file__).parent / "fixtures"
ROUND5 = ("ent_liaoning_news", "ent_hebei_plan", "ent_xinjiang_reply")


def _run() -> tuple[Counter, Counter, Counter, int, int]:
    types, places, links = Counter(), Counter(), Counter()
    chars = n = 0
    for stem in ROUND5:
        body = (FIX / f"{stem}.txt").read_text(encoding="utf-8")
        gold = json.loads((FIX / f"{stem}.gold.json").read_text(encoding="utf-8"))
        ents, lks = extract_entities(body, doc_region(gold["title"], body))
        types += score(ents, gold["entities"])
        places += place_counts(ents, gold["entities"])
        links += link_counts(body, ents, lks, gold)
        chars += len(body)
        n += len(ents)
    return types, places, links, chars, n


def test_round5_types() -> None:
    types, _, _, _, _ = _run()
    for t in TYPES:
        assert prf(types, t)[2] >= 0.85, (t, types)


def test_round5_places() -> None:
    _, places, _, _, _ = _run()
    assert places[("unplaced", "bad")] == 0, places
    assert rate(places, "placed", "ok", "bad") >= 0.95, places


def test_round5_links() -> None:
    _, _, links, _, _ = _run()
    assert rate(links, "nested") >= 0.75, links
    assert rate(links, "firm_in_park") >= 0.75, links
    assert rate(links, "built_by") >= 0.85, links


if __name__ == "__main__":
    types, places, links, chars, n = _run()
    print(f"round 5: {chars} chars, {n} entities ({1000 * n / chars:.1f} per 1,000 chars)")
    for t in (*TYPES, None):
        p, r, f = prf(types, t)
        print(f"  {t or 'ALL':10} P={p:.2f} R={r:.2f} F1={f:.2f}")
    print(f"  placements {dict(places)}")
    for cat in ("nested", "firm_in_park", "built_by"):
        print(f"  links {cat:12} found with sentence {rate(links, cat):.2f} ({links[(cat, 'found')]}/"
              f"{links[(cat, 'found')] + links[(cat, 'missed')]}), predicted right {rate(links, cat, 'right', 'wrong'):.2f}")

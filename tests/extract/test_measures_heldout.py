"""Held-out measure evaluation: documents annotated by hand before the extractor ran on them.

Round 3: 广东, 河南, 湖南, 陕西, 山东. Round 4 (``ROUND4``): 甘肃 policy, 内蒙古 plan, 重庆 news,
海南 proposal reply, 天津 research chapter (blind run: amount+unit+year 87%, kind 92%,
condition 84%, region 73%). Round 5 (``ROUND5``): a 河北 city plan and a 北京 district policy written
by hand for the figure fields -- ranges (``amount_max``, of the amount or of the rate), qualifiers as
symbols, ``cap_unit``, ``amount_text`` -- and for instruments coded by the rules in
:mod:`kb.extract.classify`. A gold field that is absent is not scored.

Every field of a found measure is scored against the gold. Run as a script for the table:
``.venv/bin/python tests/extract/test_measures_heldout.py``.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

FIX = Path(__file__).parent / "fixtures"
ROUND4_NAMES = ("gansu", "neimenggu", "chongqing", "hainan", "tianjin")
ROUND5_NAMES = ("hebei", "beijing")
ALL = sorted(FIX.glob("meas_heldout_*.gold.json"))
ROUND4 = [p for p in ALL if p.name.split("_")[2].split(".")[0] in ROUND4_NAMES]
ROUND5 = [p for p in ALL if p.name.split("_")[2].split(".")[0] in ROUND5_NAMES]
HELDOUT = [p for p in ALL if p not in ROUND4 and p not in ROUND5]
FIELDS = ("kind", "amount", "unit", "year", "cap", "rate", "amount_unit_year", "amount_max", "qualifier", "cap_unit",
          "amount_text", "figure", "region", "condition", "responsible", "theme", "tool")
FIGURE = ("amount", "amount_max", "qualifier", "unit", "cap", "cap_unit", "rate")
_LEAD = re.compile(r"^\s*(?:[0-9]+[.．、]|[（(][一二三四五六七八九十0-9]+[)）]|[一二三四五六七八九十]+、)")
_PUNCT = re.compile(r"[\s，,、;；:：。“”\"'‘’]")


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def _norm_cond(text: str | None) -> str | None:
    return _PUNCT.sub("", _LEAD.sub("", text)) if text else None


def _zone_form(name: str) -> str:
    """高新区/经开区 written out, so that 重庆永川高新区 and 永川高新技术产业开发区 compare."""
    return name.replace("高新区", "高新技术产业开发区").replace("经开区", "经济技术开发区")


def _value(m, g: dict) -> bool:
    if g["amount"] is not None:
        return _close(m.amount, g["amount"])
    if g["rate"] is not None:
        return _close(m.rate, g["rate"])
    return _close(m.cap, g["cap"])


def _field_ok(field: str, m, g: dict) -> bool | None:
    """True/False, or None when the gold does not annotate that field."""
    if field == "amount_unit_year":
        return all(_field_ok(f, m, g) for f in ("amount", "unit", "year"))
    if field == "figure":
        return None if "qualifier" not in g else all(_field_ok(f, m, g) for f in FIGURE)
    if field not in g and field != "tool":
        return None
    if field in ("amount", "cap", "rate", "amount_max"):
        return _close(getattr(m, field), g[field])
    if field == "region":
        r, w = _zone_form(m.region or ""), _zone_form(g["region"])
        return bool(r) and (r == w or w in r or r in w)
    if field == "condition":
        return None if "condition" not in g else _norm_cond(m.condition) == _norm_cond(g["condition"])
    if field == "responsible":
        return None if "responsible" not in g else list(m.responsible) == g["responsible"]
    return getattr(m, "policy_tool" if field == "tool" else field) == g[field]


def evaluate(gold_path: Path) -> dict[str, list[int]]:
    """Per field [right, scored]; plus "found" [matched, found] and "recall" [matched, gold]."""
    from kb.extract.measures import extract_measures

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    body = (gold_path.parent / gold["source"]).read_text(encoding="utf-8")
    try:
        found = extract_measures(body, tuple(gold["region_chain"]), doc_date=gold.get("doc_date"))
    except TypeError:  # the first-run extractor had no doc_date
        found = extract_measures(body, tuple(gold["region_chain"]))
    pos = [body.index(g["at"]) + g["at"].rindex(g["num"]) for g in gold["measures"]]
    match: dict[int, int] = {}
    used: set[int] = set()
    for strict in (True, False):  # first by position and value, then by position only
        for gi, g in enumerate(gold["measures"]):
            if gi in match:
                continue
            for i, m in enumerate(found):
                if i not in used and m.start <= pos[gi] < m.end and (not strict or _value(m, g)):
                    match[gi] = i
                    used.add(i)
                    break
    out = {f: [0, 0] for f in FIELDS}
    out["recall"] = [len(match), len(gold["measures"])]
    out["found"] = [len(match), len(found)]
    out["misses"] = [gi for gi in range(len(gold["measures"])) if gi not in match]  # type: ignore[assignment]
    out["extra"] = [i for i in range(len(found)) if i not in used]  # type: ignore[assignment]
    out["wrong"] = []  # type: ignore[assignment]
    for gi, i in match.items():
        g, m = gold["measures"][gi], found[i]
        for f in FIELDS:
            ok = _field_ok(f, m, g)
            if ok is None:
                continue
            out[f][0] += ok
            out[f][1] += 1
            if not ok and f != "amount_unit_year":
                out["wrong"].append((f, g["at"], g.get("condition") if f == "condition" else g.get(
                    f if f != "tool" else "tool"), getattr(m, "policy_tool" if f == "tool" else f)))
    out["_found"] = found  # type: ignore[assignment]
    out["_body"] = body  # type: ignore[assignment]
    out["_gold"] = gold  # type: ignore[assignment]
    return out


@functools.lru_cache(maxsize=3)
def totals(round4: bool = False, round5: bool = False) -> dict[str, list[int]]:
    tot: dict[str, list[int]] = {}
    for p in ROUND5 if round5 else ROUND4 if round4 else HELDOUT:
        c = evaluate(p)
        for k in (*FIELDS, "recall", "found"):
            t = tot.setdefault(k, [0, 0])
            t[0] += c[k][0]
            t[1] += c[k][1]
    return tot


def test_heldout_gold_is_consistent():
    assert len(HELDOUT) >= 5 and len(ROUND4) == 5 and len(ROUND5) == 2
    for p in ALL:
        gold = json.loads(p.read_text(encoding="utf-8"))
        body = (FIX / gold["source"]).read_text(encoding="utf-8")
        assert 800 <= len(body) <= 2500
        for g in gold["measures"]:
            assert body.count(g["at"]) == 1 and g["num"] in g["at"], g


# Floors well above the blind first run (amount+unit+year 74%, see the report) but below
# today's scores, so that a regression fails without pinning every judgement call.
FLOORS = {"recall": 0.95, "found": 0.95, "kind": 0.95, "amount_unit_year": 0.95, "cap": 0.95, "rate": 0.95,
          "region": 0.90, "condition": 0.90, "responsible": 0.95, "theme": 0.85, "tool": 0.85}


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_heldout_field_scores(field):
    right, total = totals()[field]
    assert total and right / total >= FLOORS[field], (field, right, total)


# Round 4: a little under the scores after the fixes (recall 99%, kind 98%, amount+unit+year 98%,
# region 92% (was 76% before parks, lists and 全省 were read), condition 100%, theme 94% (was 83%), tool 90%).
FLOORS4 = {"recall": 0.95, "found": 0.95, "kind": 0.95, "amount_unit_year": 0.95, "cap": 0.97, "rate": 0.97,
           "region": 0.88, "condition": 0.95, "responsible": 0.95, "theme": 0.90, "tool": 0.85}


@pytest.mark.parametrize("field", sorted(FLOORS4))
def test_round4_field_scores(field):
    right, total = totals(True)[field]
    assert total and right / total >= FLOORS4[field], (field, right, total)


# Round 5 scores the figure fields; every range keeps its upper end (amount_max 100%).
FLOORS5 = {"recall": 0.95, "found": 0.95, "kind": 0.95, "amount_unit_year": 0.9, "amount_max": 1.0, "qualifier": 0.95,
           "cap_unit": 0.95, "amount_text": 0.95, "figure": 0.9, "tool": 0.9}


@pytest.mark.parametrize("field", sorted(FLOORS5))
def test_round5_figure_and_instrument_scores(field):
    right, total = totals(False, True)[field]
    assert total and right / total >= FLOORS5[field], (field, right, total)


def test_heldout_every_document_keeps_amounts_units_years():
    for p in ALL:
        c = evaluate(p)
        assert c["recall"][0] / c["recall"][1] >= 0.9, p.name
        assert c["amount_unit_year"][0] / c["amount_unit_year"][1] >= 0.9, p.name


def _report() -> None:
    for round4, round5 in ((False, False), (True, False), (False, True)):
        _table(round4, round5)


def _table(round4: bool, round5: bool = False) -> None:
    paths = ROUND5 if round5 else ROUND4 if round4 else HELDOUT
    rows = {p.stem.replace("meas_heldout_", "").replace(".gold", ""): evaluate(p) for p in paths}
    keys = ("recall", "found", *FIELDS)
    print(f"{'field':18}" + "".join(f"{n:>12}" for n in rows) + f"{'total':>12}")
    tot = totals(round4, round5)
    for k in keys:
        cells = "".join(f"{c[k][0]:>5}/{c[k][1]:<3} " for c in rows.values())
        print(f"{k:18}{cells}  {tot[k][0]:>4}/{tot[k][1]:<4} {tot[k][0] / max(tot[k][1], 1):.0%}")
    if "-v" in sys.argv:
        for name, c in rows.items():
            print(f"\n== {name}")
            for gi in c["misses"]:
                g = c["_gold"]["measures"][gi]
                print("  MISS", g["at"], g["kind"], g["amount"], g["unit"], g["rate"], g["cap"])
            for i in c["extra"]:
                m = c["_found"][i]
                print("  EXTRA", c["_body"][m.start : m.end][:40], m.kind, m.amount, m.unit, m.cap, m.rate)
            for w in c["wrong"]:
                print("  WRONG", *w)


if __name__ == "__main__":
    _report()

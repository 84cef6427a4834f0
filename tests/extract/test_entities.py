"""Entity and link extraction: unit behaviour plus per-type P/R/F1 against hand-made gold.

Run as a script (``PYTHONPATH=. python tests/extract/test_entities.py``) to print the scores, the
placements and links on the starter corpus, and the speed.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from kb.extract import FoundEntity, doc_region, extract_entities, lexicon_words

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold_eval import link_counts, place_counts, rate  # noqa: E402

FIX = Path(__file__).parent / "fixtures"
CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"
TYPES = ("region", "park", "enterprise", "platform")
UNSEEN = ("ent_guizhou_plan", "ent_anhui_news", "ent_sichuan_reply", "ent_hunan_news")


def _norm(s: str) -> str:
    return s.replace("（", "(").replace("）", ")").replace(" ", "")


def score(pred: list[FoundEntity], gold: list[dict]) -> Counter:
    """tp/fp/fn per type; an entity matches when types agree and some name or alias agrees."""
    out: Counter = Counter()
    left = list(gold)
    for p in pred:
        forms = {_norm(x) for x in (p.name, *p.aliases)}
        hit = next((g for g in left if g["type"] == p.type
                    and forms & {_norm(x) for x in (g["name"], *g["aliases"])}), None)
        if hit is None:
            out[(p.type, "fp")] += 1
        else:
            left.remove(hit)
            out[(p.type, "tp")] += 1
    for g in left:
        out[(g["type"], "fn")] += 1
    return out


def prf(c: Counter, etype: str | None = None) -> tuple[float, float, float]:
    types = (etype,) if etype else TYPES
    tp = sum(c[(t, "tp")] for t in types)
    fp = sum(c[(t, "fp")] for t in types)
    fn = sum(c[(t, "fn")] for t in types)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def unseen_docs() -> list[tuple[str, str, dict]]:
    out = []
    for stem in UNSEEN:
        body = (FIX / f"{stem}.txt").read_text(encoding="utf-8")
        out.append((stem, body, json.loads((FIX / f"{stem}.gold.json").read_text(encoding="utf-8"))))
    return out


def seed_docs() -> list[tuple[str, str, dict]]:
    gold = json.loads((FIX / "seed_gold_entities.json").read_text(encoding="utf-8"))
    out = []
    for d in gold["docs"]:
        raw = (CORPUS / d["file"]).read_text(encoding="utf-8")
        end = raw.find(d["end_marker"]) if d["end_marker"] else -1
        out.append((d["file"], raw[:end] if end > 0 else raw, d))
    return out


def evaluate(docs: list[tuple[str, str, dict]]) -> tuple[Counter, float]:
    """Counts over ``docs`` and the speed in characters per second (tables loaded beforehand)."""
    extract_entities("华为在赣州。", ("江西省",))
    total, chars, seconds = Counter(), 0, 0.0
    for _, body, gold in docs:
        chain = doc_region(gold["title"], body)
        t0 = time.perf_counter()
        ents, _ = extract_entities(body, chain)
        seconds += time.perf_counter() - t0
        chars += len(body)
        total += score(ents, gold["entities"])
    return total, chars / seconds if seconds else 0.0


# ---------------------------------------------------------------- unit behaviour

def _by_name(ents: list[FoundEntity]) -> dict[str, FoundEntity]:
    return {e.name: e for e in ents}


def test_left_boundary_drops_the_verb_before_a_park() -> None:
    body = "依托遵义数字经济产业园建设一批创新平台。"
    ents, _ = extract_entities(body, ("贵州省", "遵义市"))
    parks = [e.name for e in ents if e.type == "park"]
    assert parks == ["遵义数字经济产业园"]


def test_generic_phrases_are_not_entities() -> None:
    body = "建设人才培养基地、应用创新基地等各类基地，推动工业园区和开发区5G网络覆盖，打造数字经济产业园。"
    ents, _ = extract_entities(body, ("湖南省",))
    assert [e for e in ents if e.type in ("park", "platform")] == []


def test_enumerated_short_firm_names_take_the_type_of_the_list_head() -> None:
    body = "近年来先后引进鑫岚光电、铭拓科技、沃川半导体等一批电子信息企业。"
    ents, _ = extract_entities(body, ("湖北省", "襄阳市"))
    firms = {e.name for e in ents if e.type == "enterprise"}
    assert {"鑫岚光电", "铭拓科技", "沃川半导体"} <= firms


def test_weak_firm_alias_needs_context() -> None:
    ents, _ = extract_entities("推进移动执法和电信诈骗治理。", ("浙江省",))
    assert not [e for e in ents if e.type == "enterprise"]
    ents, _ = extract_entities("台州移动、台州联通分别建成5G基站300个。", ("浙江省", "台州市"))
    names = {e.name for e in ents if e.type == "enterprise"}
    assert {"中国移动通信集团有限公司", "中国联合网络通信集团有限公司"} <= names


def test_mentions_are_offsets_of_the_name_or_an_alias() -> None:
    body = "华为技术有限公司在南宁落地项目。此后华为又与本地企业合作。"
    ents, _ = extract_entities(body, ("广西壮族自治区", "南宁市"))
    hw = _by_name(ents)["华为技术有限公司"]
    assert [body[s:e] for s, e in hw.mentions] == ["华为技术有限公司", "华为"]
    assert "华为" in hw.aliases


def test_zone_abbreviation_is_an_alias_of_the_full_name() -> None:
    body = "芜湖经济技术开发区加快集聚新能源汽车企业。芜湖经开区今年新增项目20个。"
    ents, _ = extract_entities(body, ("安徽省", "芜湖市"))
    zone = next(e for e in ents if e.name == "芜湖经济技术开发区")
    assert "芜湖经开区" in zone.aliases and len(zone.mentions) == 2
    assert zone.region_chain[:2] == ("安徽省", "芜湖市")


def test_settle_and_build_links_with_their_sentence() -> None:
    body = ("贵州朗玛信息技术股份有限公司入驻贵阳大数据科创园。"
            "与华为合作建设了遵义鲲鹏联合创新实验室，并在遵义新蒲经开区开展适配。")
    ents, links = extract_entities(body, ("贵州省",))
    kinds = {(lk.src[1], lk.dst[1], lk.kind) for lk in links}
    assert ("贵州朗玛信息技术股份有限公司", "贵阳大数据科创园", "located_in") in kinds
    assert ("遵义鲲鹏联合创新实验室", "华为技术有限公司", "built_by") in kinds
    lk = next(lk for lk in links if lk.kind == "built_by")
    assert "合作建设" in body[lk.start:lk.end]


def test_platform_named_after_a_firm_is_built_by_it() -> None:
    body = "推动建设联通工业互联网研究院和电信物联网创新中心。"
    ents, links = extract_entities(body, ("江西省",))
    built = {(lk.src[1], lk.dst[1]) for lk in links if lk.kind == "built_by"}
    assert ("联通工业互联网研究院", "中国联合网络通信集团有限公司") in built
    assert ("电信物联网创新中心", "中国电信集团有限公司") in built


def test_co_mention_weight_counts_sentences() -> None:
    body = "海康威视与大连高新区洽谈合作。海康威视考察大连高新区。"
    _, links = extract_entities(body, ("辽宁省", "大连市"))
    pair = [lk for lk in links if {lk.src[1], lk.dst[1]} == {"杭州海康威视数字技术股份有限公司", "大连高新技术产业开发区"}]
    assert pair and max(lk.weight for lk in pair) == 2


def test_empty_body_gives_nothing() -> None:
    assert extract_entities("", ()) == ([], [])


def test_lexicon_words_hold_domain_terms_firms_and_regions() -> None:
    words = set(lexicon_words())
    assert {"信创", "工业互联网", "东数西算", "华为", "赣州", "宁夏回族自治区"} <= words
    assert len(words) > 3000


# ---------------------------------------------------------------- quality against gold

@pytest.mark.parametrize("stem", UNSEEN)
def test_doc_region_of_unseen_documents(stem: str) -> None:
    body = (FIX / f"{stem}.txt").read_text(encoding="utf-8")
    gold = json.loads((FIX / f"{stem}.gold.json").read_text(encoding="utf-8"))
    assert doc_region(gold["title"], body) == tuple(gold["region_chain"])


def test_quality_on_unseen_documents() -> None:
    counts, _ = evaluate(unseen_docs())
    assert prf(counts)[2] >= 0.85, counts
    for t in TYPES:
        assert prf(counts, t)[2] >= 0.75, (t, prf(counts, t))


def test_quality_on_seed_documents() -> None:
    counts, _ = evaluate(seed_docs())
    assert prf(counts)[2] >= 0.85, counts
    for t in TYPES:
        assert prf(counts, t)[2] >= 0.75, (t, prf(counts, t))


def _seed_links_and_places() -> tuple[Counter, Counter]:
    places, links = Counter(), Counter()
    for _, body, gold in seed_docs():
        ents, lks = extract_entities(body, doc_region(gold["title"], body))
        places += place_counts(ents, gold["entities"])
        links += link_counts(body, ents, lks, gold)
    return places, links


def test_placements_on_seed_documents() -> None:
    """Firms the text only mentions stay unplaced; what the text places is placed right."""
    places, _ = _seed_links_and_places()
    assert places[("unplaced", "bad")] == 0, places
    assert rate(places, "placed", "ok", "bad") >= 0.95, places


def test_nested_places_and_builders_on_seed_documents() -> None:
    """Parks and platforms inside other parks, with the sentence that says so; builders of the clause."""
    _, links = _seed_links_and_places()
    assert rate(links, "nested") >= 0.75, links
    assert rate(links, "nested", "right", "wrong") >= 0.85, links
    assert rate(links, "built_by") >= 0.85, links
    assert rate(links, "built_by", "right", "wrong") >= 0.9, links


if __name__ == "__main__":
    for label, docs in (("unseen", unseen_docs()), ("seed", seed_docs())):
        c, speed = evaluate(docs)
        print(f"== {label}: {len(docs)} docs, {speed:,.0f} chars/s")
        for t in (*TYPES, None):
            p, r, f = prf(c, t)
            tp = sum(c[(x, 'tp')] for x in ((t,) if t else TYPES))
            print(f"  {t or 'ALL':10} P={p:.2f} R={r:.2f} F1={f:.2f}  (tp={tp})")
    places, links = _seed_links_and_places()
    print(f"== seed placements: unplaced kept {rate(places, 'unplaced', 'ok', 'bad'):.2f}, "
          f"placed right {rate(places, 'placed', 'ok', 'bad'):.2f} {dict(places)}")
    for cat in ("nested", "firm_in_park", "built_by"):
        print(f"  links {cat:12} found with sentence {rate(links, cat):.2f}, predicted right "
              f"{rate(links, cat, 'right', 'wrong'):.2f}")

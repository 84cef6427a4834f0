"""Rows of the store as ``kb.models`` dataclasses: the only place that knows both shapes."""

from __future__ import annotations

import json
from typing import Any

from kb.models import Document, Entity, Measure, Note, RemovedSpan, Theme


def chain(value: str | None) -> tuple[str, ...]:
    return tuple(json.loads(value)) if value else ()


def to_json(value: Any) -> str:
    if isinstance(value, list) and not value:
        return "[]"  # most measures name no responsible unit: one per measure the import writes
    return json.dumps(value, ensure_ascii=False)


def doc_from_row(r: dict[str, Any]) -> Document:
    return Document(
        id=r["id"], name=r["name"], path=r["path"], title=r["title"], date=r["date"], source=r["source"],
        region=r["region"], region_chain=chain(r["region_chain"]), kind=r["kind"], issuer=r["issuer"],
        doc_number=r["doc_number"], chars=r["chars"], passages=r.get("n_passages") or 0, imported_at=r["imported_at"],
        url=r.get("url"), accessed=r.get("accessed"),
    )


def entity_from_row(r: dict[str, Any], located: tuple[str, ...]) -> Entity:
    docs = tuple(sorted(set((r.get("docs") or "").split(",")) - {""}))
    return Entity(r["id"], r["type"], r["name"], tuple(json.loads(r["aliases"])), r["region"], chain(r["region_chain"]),
                  located, docs, int(r.get("n") or 0))


def measure_from_row(r: dict[str, Any]) -> Measure:
    return Measure(
        id=r["id"], doc_id=r["doc_id"], doc=r["doc_name"], region=r["region"], kind=r["kind"], amount=r["amount"],
        unit=r["unit"], cap=r["cap"], rate=r["rate"], year=r["year"], deadline=r["deadline"], condition=r["condition"],
        theme=r["theme"], policy_tool=r["policy_tool"], responsible=tuple(json.loads(r["responsible"] or "[]")),
        text=r["text"] or "", start=r["start"], end=r["end"], amount_max=r.get("amount_max"),
        qualifier=r.get("qualifier"), cap_unit=r.get("cap_unit"), amount_text=r.get("amount_text"),
        tool_basis=r.get("tool_basis"),
    )


def note_from_row(r: dict[str, Any]) -> Note:
    region = r.get("doc_region")
    if r["target_kind"] == "cell" and r["target_ref"]:
        region = str(r["target_ref"]).split("|", 1)[0]
    return Note(
        id=int(r["id"]), doc_id=r["doc_id"], doc_name=r["doc_name"], doc_title=r.get("doc_title") or r["doc_name"],
        quote=r["quote"] or "", prefix=r["prefix"] or "", suffix=r["suffix"] or "", start=r["start"], end=r["end"],
        comment=r["comment"] or "", tags=tuple(json.loads(r["tags"] or "[]")), target_kind=r["target_kind"],
        target_ref=r["target_ref"], orphaned=bool(r["orphaned"]) or (r["doc_id"] is not None and r.get("doc_title") is None),
        section=r.get("section") or "", region=region, created_at=r["created_at"], updated_at=r["updated_at"],
    )


def theme_from_row(r: dict[str, Any], label_en: str = "") -> Theme:
    return Theme(r["key"], r["label"], r["query"], tuple(json.loads(r["measure_themes"] or "[]")), label_en,
                 int(r["position"]))


def removed_from_json(value: str) -> tuple[RemovedSpan, ...]:
    return tuple(RemovedSpan(int(s), int(e), str(reason)) for s, e, reason in json.loads(value or "[]"))

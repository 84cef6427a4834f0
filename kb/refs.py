"""Documents as RIS and CSL-JSON, for Zotero, EndNote and every CSL processor.

Why these choices:

- Types follow the importers' own tables: a policy document is RIS ``GOVDOC`` (Zotero imports it as a
  report, whose number field holds the 文号) and CSL ``report``; news is RIS ``NEWS`` / CSL
  ``article-newspaper`` with the 来源 as the paper; a research chapter is a report; anything else is
  a web page when it has a URL.
- An issuer is an institution: one ``AU`` line (no comma, so nothing splits it into family and
  given names) and a CSL ``literal`` name.
- The user's notes go to ``N1`` lines, which Zotero and EndNote import as notes attached to the
  item. CSL-JSON has no attached notes, so there they go to ``note`` (Zotero's Extra).

URL and access date are read from ``url`` and ``accessed`` attributes when a document has them
(else the access date is its import date): see ``kb.citation.doc_url`` and ``access_date``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

from kb.citation import Citable, access_date, authors, doc_url, plain_title

__all__ = ["NoteLike", "RefDoc", "csl_item", "note_text", "to_csl_json", "to_ris"]

_GOVDOC_KINDS = ("plan", "notice", "proposal_reply")
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")
_LINE_BREAK = re.compile(r"\s*[\r\n]+\s*")


class RefDoc(Citable, Protocol):
    """A document to export: ``Citable`` plus its identity and file name."""

    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...


class NoteLike(Protocol):
    """What an exported note needs (``kb.notes.Note`` has it)."""

    @property
    def quote(self) -> str: ...

    @property
    def comment(self) -> str: ...

    @property
    def tags(self) -> tuple[str, ...]: ...

    @property
    def section(self) -> str: ...


def note_text(note: NoteLike) -> str:
    """One line per note: 「quote」 comment #tag （section）."""
    parts = [f"「{_one_line(note.quote)}」" if note.quote.strip() else "", _one_line(note.comment)]
    parts += [f"#{t}" for t in note.tags]
    if note.section.strip():
        parts.append(f"（{_one_line(note.section)}）")
    return " ".join(p for p in parts if p)


def _one_line(text: str) -> str:
    return _LINE_BREAK.sub(" ", text.strip())


def _ris_type(doc: RefDoc, url: str | None) -> str:
    if doc.kind in _GOVDOC_KINDS:
        return "GOVDOC"
    if doc.kind == "news":
        return "NEWS"
    if doc.kind == "research":
        return "RPRT"
    return "ELEC" if url else "GEN"


def _date_parts(value: str | None) -> list[int]:
    m = _DATE.match((value or "").strip())
    return [int(g) for g in m.groups() if g] if m else []


def _ris_date(value: str | None) -> str:
    """RIS dates are YYYY/MM/DD/other; unknown parts stay empty."""
    parts = _date_parts(value)
    if not parts:
        return ""
    y, m, d = (parts + [0, 0])[:3]
    return f"{y:04d}/{m:02d}/{d:02d}/" if d else (f"{y:04d}/{m:02d}//" if m else f"{y:04d}///")


def _ris_record(doc: RefDoc, notes: Sequence[NoteLike]) -> list[str]:
    url = doc_url(doc)
    ty = _ris_type(doc, url)
    rows: list[tuple[str, str]] = [("TY", ty), ("TI", plain_title(doc.title))]
    rows += [("AU", a) for a in authors(doc) if a != "等"]
    parts = _date_parts(doc.date)
    if parts:
        rows += [("PY", f"{parts[0]:04d}"), ("DA", _ris_date(doc.date))]
    if ty == "NEWS":
        rows.append(("T2", doc.source or ""))
    else:
        rows.append(("PB", doc.source or ""))
    if doc.doc_number and ty != "NEWS":
        rows.append(("SN", doc.doc_number))
    rows += [("UR", url or ""), ("Y2", _ris_date(access_date(doc)) if url else "")]
    region = getattr(doc, "region", None)
    rows += [("KW", region if isinstance(region, str) else ""), ("LA", "zh-CN")]
    rows += [("N1", note_text(n)) for n in notes]
    lines = [f"{tag}  - {_one_line(value)}" for tag, value in rows if value and value.strip()]
    return lines + ["ER  - ", ""]


def to_ris(docs: Iterable[RefDoc], notes_by_doc: Mapping[str, Sequence[NoteLike]] | None = None) -> str:
    """The documents as one RIS file (UTF-8 text; write it with ``newline="\\r\\n"`` for EndNote)."""
    notes_by_doc = notes_by_doc or {}
    lines: list[str] = []
    for doc in docs:
        lines += _ris_record(doc, notes_by_doc.get(doc.id, ()))
    return "\n".join(lines)


def _csl_type(doc: RefDoc, url: str | None) -> str:
    if doc.kind in _GOVDOC_KINDS or doc.kind == "research":
        return "report"
    if doc.kind == "news":
        return "article-newspaper"
    return "webpage" if url else "document"


def csl_item(doc: RefDoc, notes: Sequence[NoteLike] = ()) -> dict[str, Any]:
    """One CSL-JSON item (required ``id`` and ``type``; empty variables left out)."""
    url = doc_url(doc)
    kind = _csl_type(doc, url)
    item: dict[str, Any] = {"id": doc.id, "type": kind, "title": plain_title(doc.title), "language": "zh-CN"}
    names = [a for a in authors(doc) if a != "等"]
    if names:
        item["author"] = [{"literal": a} for a in names]
    if _date_parts(doc.date):
        item["issued"] = {"date-parts": [_date_parts(doc.date)]}
    if doc.source:
        item["container-title" if kind == "article-newspaper" else "publisher"] = doc.source
    if doc.doc_number:
        item["number"] = doc.doc_number
    if url:
        item["URL"] = url
        accessed = _date_parts(access_date(doc))
        if accessed:
            item["accessed"] = {"date-parts": [accessed]}
    if notes:
        item["note"] = "\n".join(note_text(n) for n in notes)
    return item


def to_csl_json(docs: Iterable[RefDoc], notes_by_doc: Mapping[str, Sequence[NoteLike]] | None = None) -> str:
    """The documents as a CSL-JSON array (UTF-8, Chinese kept as is)."""
    notes_by_doc = notes_by_doc or {}
    items = [csl_item(doc, notes_by_doc.get(doc.id, ())) for doc in docs]
    return json.dumps(items, ensure_ascii=False, indent=2)

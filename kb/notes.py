"""Notes: a user's quotes, comments and tags, anchored so they survive a changed document.

Only ``remove`` deletes a note: a note whose document is removed, or whose quote a new version
no longer holds, stays and is marked orphaned (see ``kb.anchors`` for how quotes are found again).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from kb.anchors import anchor_at, find_quote, fold, occurrences, relocate, squeeze
from kb.errors import NotFoundError, ZhikuError
from kb.library import Library
from kb.models import NOTE_TARGETS, Changes, Note
from kb.store import Store, now
from kb.store.rows import to_json

log = logging.getLogger(__name__)


def clean_tags(tags: Sequence[str]) -> tuple[str, ...]:
    if isinstance(tags, str):
        tags = [tags]
    return tuple(dict.fromkeys(t.strip().lstrip("#") for t in tags if t and t.strip().lstrip("#")))


class Notes:
    """Adding, finding, editing and re-anchoring notes."""

    def __init__(self, store: Store, library: Library, require_writable: Callable[[], None]) -> None:
        self.store = store
        self.library = library
        self._writable = require_writable

    def add(self, *, doc: str | None, quote: str = "", comment: str = "", tags: Sequence[str] = (),
            start: int | None = None, end: int | None = None, target_kind: str = "quote",
            target_ref: str | None = None, occurrence: int | None = None, near: str | None = None) -> Changes:
        """Anchor a new note on ``quote`` (or ``start``/``end``) in ``doc``; ZhikuError if not found.

        A quote that occurs more than once is told apart by ``occurrence`` (1-based) or by ``near``:
        text close to the occurrence meant.
        """
        self._writable()
        if near and doc and quote and start is None:
            occurrence = occurrence_near(self.library.document_text(doc).body, quote, near)
        if target_kind not in NOTE_TARGETS:
            raise ZhikuError(f"unknown note target {target_kind!r}; use one of {', '.join(NOTE_TARGETS)}")
        if target_kind == "quote" and start is None and not quote.strip():
            raise ZhikuError("the quote is empty: select some text to note")
        row: dict[str, Any] = {"doc_id": None, "doc_name": None, "quote": quote, "prefix": "", "suffix": "",
                               "start": None, "end": None}
        if doc:
            row.update(self._anchor(doc, quote, start, end, required=target_kind == "quote", occurrence=occurrence))
        elif target_kind == "quote":
            raise ZhikuError("a quote note needs a document")
        if target_kind == "quote" and not row["quote"].strip():
            raise ZhikuError("the quote is empty: select some text to note")
        stamp = now()
        row.update(comment=comment, tags=to_json(list(clean_tags(tags))), target_kind=target_kind,
                   target_ref=target_ref, orphaned=0, created_at=stamp, updated_at=stamp)
        note_id = self.store.notes.insert(row)
        log.info("note %d added on %s", note_id, row["doc_name"])
        return Changes(notes=(note_id,), note=self.get(note_id))

    def _anchor(self, doc: str, quote: str, start: int | None, end: int | None, *, required: bool = True,
                occurrence: int | None = None) -> dict[str, Any]:
        text = self.library.document_text(doc)  # NotFoundError names the document
        body, name = text.body, text.doc.name
        if start is not None or end is not None:
            span: tuple[int, int] | None = self._span_at(body, name, quote, start, end)
        else:
            span = _nth(body, quote, occurrence, name) if occurrence else find_quote(body, quote)
        if span is None:
            if not required:
                return {"doc_id": text.doc.id, "doc_name": name}
            short = quote if len(quote) <= 40 else quote[:40] + "…"
            raise ZhikuError(f"quote not found in {name}: {short!r}")
        return {"doc_id": text.doc.id, "doc_name": name, **anchor_at(body, *span)}

    @staticmethod
    def _span_at(body: str, name: str, quote: str, start: int | None, end: int | None) -> tuple[int, int]:
        if start is None or end is None or not 0 <= start < end <= len(body):
            raise ZhikuError(f"offsets {start}..{end} are outside {name} (0..{len(body)})")
        if quote and squeeze(body[start:end])[0] != squeeze(quote)[0]:
            span = find_quote(body, quote, start)
            if span is None:
                raise ZhikuError(f"the quote does not match the text at {start}..{end} of {name}")
            return span
        return start, end

    # reading ------------------------------------------------------------------------------

    def get(self, note_id: int) -> Note:
        found = self.store.notes.find(note_id=int(note_id))
        if not found:
            raise NotFoundError(f"no note #{note_id}")
        return found[0]

    def find(self, *, tag: str | None = None, doc: str | None = None, region: str | None = None,
             text: str | None = None, target_kind: str | None = None, orphaned: bool | None = None) -> list[Note]:
        """Notes, newest first, narrowed by tag, document (id, prefix or name), region and free text."""
        key = None
        if doc:
            found = self.library.document(doc)
            key = (found.id if found else doc, found.name if found else doc, doc)
        out = self.store.notes.find(doc=key, target_kind=target_kind, orphaned=orphaned)
        if tag:
            wanted = tag.strip().lstrip("#")
            out = [n for n in out if wanted in n.tags]
        if region:
            ids = {d.id for d in self.library.region_documents(region)}
            out = [n for n in out if n.doc_id in ids or n.region == region]
        if text:
            needle = fold(text)
            out = [n for n in out
                   if needle in fold(" ".join([n.quote, n.comment, *n.tags, n.doc_title or "", n.doc_name or ""]))]
        return out

    def tags(self) -> list[tuple[str, int]]:
        """Every tag in use with its count, most used first."""
        counts: dict[str, int] = {}
        for n in self.find():
            for t in n.tags:
                counts[t] = counts.get(t, 0) + 1
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

    # editing ------------------------------------------------------------------------------

    def update(self, note_id: int, *, comment: str | None = None, tags: Sequence[str] | None = None) -> Changes:
        self._writable()
        self.get(note_id)
        values: dict[str, Any] = {"updated_at": now()}
        if comment is not None:
            values["comment"] = comment
        if tags is not None:
            values["tags"] = to_json(list(clean_tags(tags)))
        self.store.notes.update(int(note_id), values)
        return Changes(notes=(int(note_id),), note=self.get(note_id))

    def remove(self, note_id: int) -> Changes:
        """The only way a note disappears."""
        self._writable()
        if not self.store.notes.delete(int(note_id)):
            raise NotFoundError(f"no note #{note_id}")
        return Changes(notes=(int(note_id),))

    def reattach(self, note_id: int, doc: str, quote: str | None = None, *, start: int | None = None,
                 end: int | None = None) -> Changes:
        """Anchor a (usually orphaned) note again, on ``quote`` in ``doc``."""
        self._writable()
        old = self.get(note_id)
        anchor = self._anchor(doc, quote if quote is not None else old.quote, start, end)
        self.store.notes.update(int(note_id), {"orphaned": 0, **anchor, "updated_at": now()})
        return Changes(notes=(int(note_id),), notes_reanchored=(int(note_id),), note=self.get(note_id))

    # called by the importer --------------------------------------------------------------

    def reanchor(self, old_doc_id: str, new_doc_id: str) -> Changes:
        """Move the notes of a replaced document to its new version."""
        rows = self.store.notes.anchors_of(old_doc_id)
        if not rows:
            return Changes()
        return self._relocate(rows, self.library.document_text(new_doc_id))

    def adopt(self, new_doc_id: str) -> Changes:
        """Re-anchor orphaned notes whose document (same file name or same hash) came back."""
        text = self.library.document_text(new_doc_id)
        rows = self.store.notes.orphaned_anchors(text.doc.id, text.doc.name)
        return self._relocate(rows, text) if rows else Changes()

    def orphan(self, doc_id: str) -> Changes:
        """The document is gone: its notes stay, marked orphaned."""
        return Changes(notes_orphaned=tuple(self.store.notes.orphan_doc(doc_id)))

    def has_orphans(self) -> bool:
        return self.store.notes.orphan_count() > 0

    def _relocate(self, rows: list[dict[str, Any]], text: Any) -> Changes:
        body, doc_id, doc_name = text.body, text.doc.id, text.doc.name
        found: list[int] = []
        lost: list[int] = []
        with self.store.atomic():
            for r in rows:
                span = relocate(body, r["quote"], r["prefix"], r["suffix"], r["start"]) if r["quote"] else None
                if span:
                    anchor: dict[str, Any] = {"orphaned": 0, "doc_id": doc_id, "doc_name": doc_name,
                                              **anchor_at(body, *span)}
                    found.append(int(r["id"]))
                else:
                    # Keep the old quote and context: a later version (or reattach) may find it again.
                    anchor = {"doc_id": doc_id, "doc_name": doc_name, "orphaned": 1}
                    lost.append(int(r["id"]))
                self.store.notes.update(int(r["id"]), anchor)
        log.info("re-anchored notes on %s: %d found, %d orphaned", doc_name, len(found), len(lost))
        return Changes(notes_reanchored=tuple(found), notes_orphaned=tuple(lost))


def _nth(body: str, quote: str, occurrence: int, name: str) -> tuple[int, int] | None:
    """The ``occurrence``-th (1-based) exact occurrence of ``quote``."""
    spans = []
    i = body.find(quote) if quote else -1
    while i >= 0:
        spans.append((i, i + len(quote)))
        i = body.find(quote, i + 1)
    if not spans:
        return None
    if not 1 <= occurrence <= len(spans):
        raise ZhikuError(f"the quote occurs {len(spans)} times in {name}; choose an occurrence from 1 to {len(spans)}")
    return spans[occurrence - 1]


def occurrence_near(body: str, quote: str, near: str) -> int:
    """Which (1-based) exact occurrence of ``quote`` lies closest to an occurrence of ``near``."""
    quotes = occurrences(body, quote)
    anchors = list(occurrences(body, near))
    if not quotes:
        raise ZhikuError(f"quote not found: {quote[:40]!r}")
    if not anchors:
        raise ZhikuError(f"the text to find the quote near is not in the document: {near[:40]!r}")

    def distance(q: int) -> int:
        return min(max(a - (q + len(quote)), q - (a + len(near)), 0) for a in anchors)

    return min(range(len(quotes)), key=lambda k: distance(quotes[k])) + 1



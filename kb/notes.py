"""Notes: a user's quotes, comments and tags, anchored so they survive a changed document.

Why the anchor has several parts: a note stores the document's content hash, the quote, ~30
characters of context either side and the offsets. When a new version of the file replaces the
document, the note is found again by exact quote near the old place, then by its context, then
fuzzily; a note that cannot be found is marked orphaned and kept — only ``remove_note`` deletes.
"""

from __future__ import annotations

import difflib
import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kb.errors import NotFoundError, ZhikuError
from kb.store.db import now

log = logging.getLogger(__name__)

CONTEXT_CHARS = 30
FUZZY_THRESHOLD = 0.72
TARGET_KINDS = ("quote", "entity", "measure", "cell")
_FOLD = {0x3000: " ", **{c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}}


@dataclass(frozen=True)
class Note:
    id: int
    doc_id: str | None
    doc_name: str | None
    doc_title: str | None
    quote: str
    prefix: str
    suffix: str
    start: int | None
    end: int | None
    comment: str
    tags: tuple[str, ...]
    target_kind: str
    target_ref: str | None
    orphaned: bool
    section: str
    region: str | None
    created_at: str
    updated_at: str


# anchoring (pure functions) ------------------------------------------------------------------


def _fold(text: str) -> str:
    """Full-width → half-width, lower case; keeps the length so offsets stay valid."""
    return text.translate(_FOLD).lower()


def _squeeze(text: str) -> tuple[str, list[int]]:
    """The text without whitespace, plus each kept character's offset in ``text``."""
    keep = [i for i, ch in enumerate(text) if not ch.isspace()]
    return "".join(_fold(text[i]) for i in keep), keep


def find_quote(body: str, quote: str, near: int | None = None) -> tuple[int, int] | None:
    """Offsets of ``quote`` in ``body``: exact, else ignoring whitespace and width; nearest ``near``."""
    if not quote.strip():
        return None
    spans = [(m.start(), m.start() + len(quote)) for m in re.finditer(re.escape(quote), body)]
    if not spans:
        squeezed, keep = _squeeze(body)
        needle, _ = _squeeze(quote)
        i = squeezed.find(needle)
        while i >= 0 and needle:
            spans.append((keep[i], keep[i + len(needle) - 1] + 1))
            i = squeezed.find(needle, i + 1)
    if not spans:
        return None
    if near is None:
        return spans[0]
    return min(spans, key=lambda s: abs(s[0] - near))


def _context_score(body: str, span: tuple[int, int], prefix: str, suffix: str) -> float:
    before = body[max(0, span[0] - len(prefix)) : span[0]]
    after = body[span[1] : span[1] + len(suffix)]
    a = difflib.SequenceMatcher(None, before, prefix).ratio() if prefix else 0.0
    b = difflib.SequenceMatcher(None, after, suffix).ratio() if suffix else 0.0
    return a + b


def relocate(body: str, quote: str, prefix: str, suffix: str, old_start: int | None) -> tuple[int, int] | None:
    """Where a note's quote went in a new version of its document, or None (orphaned)."""
    exact = [(m.start(), m.start() + len(quote)) for m in re.finditer(re.escape(quote), body)] if quote else []
    if exact:
        near = old_start or 0
        return max(exact, key=lambda s: (_context_score(body, s, prefix, suffix), -abs(s[0] - near)))
    loose = find_quote(body, quote, old_start)
    if loose:
        return loose
    by_context = _between_context(body, quote, prefix, suffix)
    if by_context:
        return by_context
    return _fuzzy(body, quote, old_start)


def _between_context(body: str, quote: str, prefix: str, suffix: str) -> tuple[int, int] | None:
    """The edited quote still sits between its unchanged neighbours."""
    pre, suf = prefix[-12:], suffix[:12]
    if len(pre) < 6 or len(suf) < 6:
        return None
    for m in re.finditer(re.escape(pre), body):
        start = m.end()
        end = body.find(suf, start, start + 2 * len(quote) + 40)
        if end > start and difflib.SequenceMatcher(None, body[start:end], quote).ratio() >= 0.5:
            return start, end
    return None


def _fuzzy(body: str, quote: str, old_start: int | None) -> tuple[int, int] | None:
    """Best window whose similarity to the quote passes ``FUZZY_THRESHOLD``.

    Candidates come from 3-character pieces of the quote found in the body (each votes for the
    quote's start), so the cost stays linear in the body rather than quadratic.
    """
    n = len(quote)
    if n < 4:
        return None
    votes: dict[int, int] = {}
    for k in range(0, n - 2, max(1, n // 40)):
        piece = quote[k : k + 3]
        for m in re.finditer(re.escape(piece), body):
            bucket = (m.start() - k) // 8
            votes[bucket] = votes.get(bucket, 0) + 1
    best: tuple[float, int, int] | None = None
    for bucket, _ in sorted(votes.items(), key=lambda kv: -kv[1])[:12]:
        lo = max(0, bucket * 8 - n // 2)
        window = body[lo : bucket * 8 + n + n // 2 + 8]
        sm = difflib.SequenceMatcher(None, window, quote, autojunk=False)
        blocks = [b for b in sm.get_matching_blocks() if b.size]
        if not blocks:
            continue
        s, e = lo + blocks[0].a, lo + blocks[-1].a + blocks[-1].size
        ratio = difflib.SequenceMatcher(None, body[s:e], quote, autojunk=False).ratio()
        dist = abs(s - old_start) if old_start is not None else 0
        if ratio >= FUZZY_THRESHOLD and (best is None or (ratio, -dist) > (best[0], -abs(best[1] - (old_start or 0)))):
            best = (ratio, s, e)
    return (best[1], best[2]) if best else None


def require_writable(kb: object) -> None:
    """ReadOnlyError (a clear message) when another window holds the knowledge base."""
    check = getattr(kb, "_require_writable", None)
    if check is not None:
        check()


def _clean_tags(tags: Sequence[str]) -> tuple[str, ...]:
    if isinstance(tags, str):
        tags = [tags]
    return tuple(dict.fromkeys(t.strip().lstrip("#") for t in tags if t and t.strip().lstrip("#")))


# the mixin ----------------------------------------------------------------------------------


class NotesMixin:
    """Notes of ``KnowledgeBase``; needs ``store``, ``_lock``, ``document``, ``document_text``."""

    store: Any
    _lock: Any

    def add_note(self, *, doc: str | None, quote: str = "", comment: str = "", tags: Sequence[str] = (),
                 start: int | None = None, end: int | None = None, target_kind: str = "quote",
                 target_ref: str | None = None) -> Note:
        """Anchor a new note on ``quote`` (or ``start``/``end``) in ``doc``; ZhikuError if not found."""
        require_writable(self)
        if target_kind not in TARGET_KINDS:
            raise ZhikuError(f"unknown note target {target_kind!r}; use one of {', '.join(TARGET_KINDS)}")
        row: dict[str, Any] = {"doc_id": None, "doc_name": None, "quote": quote, "prefix": "", "suffix": "",
                               "start": None, "end": None}
        if target_kind == "quote" and start is None and not quote.strip():
            raise ZhikuError("the quote is empty: select some text to note")
        if doc:
            row.update(self._anchor(doc, quote, start, end, required=target_kind == "quote"))
        elif target_kind == "quote":
            raise ZhikuError("a quote note needs a document")
        if target_kind == "quote" and not row["quote"].strip():
            raise ZhikuError("the quote is empty: select some text to note")
        stamp = now()
        row.update(comment=comment, tags=json.dumps(list(_clean_tags(tags)), ensure_ascii=False),
                   target_kind=target_kind, target_ref=target_ref, orphaned=0, created_at=stamp, updated_at=stamp)
        cols = ", ".join(f'"{k}"' for k in row)
        with self._lock, self.store.transaction() as conn:
            cur = conn.execute(f"INSERT INTO notes ({cols}) VALUES ({', '.join('?' for _ in row)})", list(row.values()))
            note_id = int(cur.lastrowid or 0)
        log.info("note %d added on %s", note_id, row["doc_name"])
        return self.note(note_id)

    def _anchor(self, doc: str, quote: str, start: int | None, end: int | None, *, required: bool = True) -> dict[str, Any]:
        text = self.document_text(doc)  # type: ignore[attr-defined]  # NotFoundError names the doc
        body = text.body
        if start is not None or end is not None:
            if start is None or end is None or not 0 <= start < end <= len(body):
                raise ZhikuError(f"offsets {start}..{end} are outside {text.doc.name} (0..{len(body)})")
            span: tuple[int, int] | None = (start, end)
            if quote and _squeeze(body[start:end])[0] != _squeeze(quote)[0]:
                span = find_quote(body, quote, start)
                if span is None:
                    raise ZhikuError(f"the quote does not match the text at {start}..{end} of {text.doc.name}")
            assert span is not None
        else:
            span = find_quote(body, quote)
            if span is None:
                if not required:
                    return {"doc_id": text.doc.id, "doc_name": text.doc.name}
                short = quote if len(quote) <= 40 else quote[:40] + "…"
                raise ZhikuError(f"quote not found in {text.doc.name}: {short!r}")
        s, e = span
        return {"doc_id": text.doc.id, "doc_name": text.doc.name, "quote": body[s:e], "start": s, "end": e,
                "prefix": body[max(0, s - CONTEXT_CHARS) : s], "suffix": body[e : e + CONTEXT_CHARS]}

    def note(self, note_id: int) -> Note:
        rows = self._note_rows("n.id = ?", [int(note_id)])
        if not rows:
            raise NotFoundError(f"no note #{note_id}")
        return rows[0]

    def notes(self, *, tag: str | None = None, doc: str | None = None, region: str | None = None,
              text: str | None = None, target_kind: str | None = None, orphaned: bool | None = None) -> list[Note]:
        """Notes, newest first, narrowed by tag, document (id, prefix or name), region and free text."""
        where, params = ["1=1"], []
        if doc:
            found = self.document(doc)  # type: ignore[attr-defined]
            where.append("(n.doc_id = ? OR n.doc_name = ? OR n.doc_id LIKE ?)")
            params += [found.id if found else doc, found.name if found else doc, doc + "%"]
        if target_kind:
            where.append("n.target_kind = ?")
            params.append(target_kind)
        if orphaned is not None:
            where.append("n.orphaned = ?")
            params.append(int(orphaned))
        out = self._note_rows(" AND ".join(where), params)
        if tag:
            wanted = tag.strip().lstrip("#")
            out = [n for n in out if wanted in n.tags]
        if region:
            ids = {d.id for d in self.region_documents(region)}  # type: ignore[attr-defined]
            out = [n for n in out if n.doc_id in ids or (n.region == region)]
        if text:
            needle = _fold(text)
            out = [n for n in out if needle in _fold(" ".join([n.quote, n.comment, *n.tags, n.doc_title or "", n.doc_name or ""]))]
        return out

    def tags(self) -> list[tuple[str, int]]:
        """Every tag in use with its count, most used first."""
        counts: dict[str, int] = {}
        for n in self.notes():
            for t in n.tags:
                counts[t] = counts.get(t, 0) + 1
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

    def update_note(self, note_id: int, *, comment: str | None = None, tags: Sequence[str] | None = None) -> Note:
        require_writable(self)
        self.note(note_id)
        sets, params = ["updated_at = ?"], [now()]
        if comment is not None:
            sets.append("comment = ?")
            params.append(comment)
        if tags is not None:
            sets.append("tags = ?")
            params.append(json.dumps(list(_clean_tags(tags)), ensure_ascii=False))
        with self._lock, self.store.transaction() as conn:
            conn.execute(f"UPDATE notes SET {', '.join(sets)} WHERE id = ?", [*params, int(note_id)])
        return self.note(note_id)

    def remove_note(self, note_id: int) -> bool:
        """The only way a note disappears."""
        require_writable(self)
        with self._lock, self.store.transaction() as conn:
            cur = conn.execute("DELETE FROM notes WHERE id = ?", (int(note_id),))
        if not cur.rowcount:
            raise NotFoundError(f"no note #{note_id}")
        return True

    def reattach_note(self, note_id: int, doc: str, quote: str | None = None, *, start: int | None = None,
                      end: int | None = None) -> Note:
        """Anchor a (usually orphaned) note again, on ``quote`` in ``doc``."""
        require_writable(self)
        old = self.note(note_id)
        anchor = self._anchor(doc, quote if quote is not None else old.quote, start, end)
        self._write_anchor(int(note_id), anchor)
        return self.note(note_id)

    # called by the service on import / removal ----------------------------------------------

    def _notes_reanchor(self, old_doc_id: str, new_doc_id: str) -> tuple[int, int]:
        """Move notes of a replaced document to its new version; return (anchored, orphaned)."""
        with self._lock:
            rows = self.store.query('SELECT id, quote, prefix, suffix, start FROM notes WHERE doc_id = ?', (old_doc_id,))
        if not rows:
            return 0, 0
        text = self.document_text(new_doc_id)  # type: ignore[attr-defined]
        return self._relocate_rows(rows, text.body, text.doc.id, text.doc.name)

    def _notes_adopt(self, new_doc_id: str) -> tuple[int, int]:
        """Re-anchor orphaned notes whose document (same file name or same hash) came back."""
        text = self.document_text(new_doc_id)  # type: ignore[attr-defined]
        with self._lock:
            rows = self.store.query(
                "SELECT id, quote, prefix, suffix, start FROM notes WHERE orphaned = 1 AND (doc_id = ? OR doc_name = ?)",
                (text.doc.id, text.doc.name))
        return self._relocate_rows(rows, text.body, text.doc.id, text.doc.name) if rows else (0, 0)

    def _relocate_rows(self, rows: list[dict[str, Any]], body: str, doc_id: str, doc_name: str) -> tuple[int, int]:
        found = lost = 0
        for r in rows:
            span = relocate(body, r["quote"], r["prefix"], r["suffix"], r["start"]) if r["quote"] else None
            if span:
                s, e = span
                anchor = {"doc_id": doc_id, "doc_name": doc_name, "quote": body[s:e], "start": s, "end": e,
                          "prefix": body[max(0, s - CONTEXT_CHARS) : s], "suffix": body[e : e + CONTEXT_CHARS]}
                found += 1
            else:
                # Keep the old quote and context: a later version (or reattach) may find it again.
                anchor = {"doc_id": doc_id, "doc_name": doc_name, "orphaned": 1}
                lost += 1
            self._write_anchor(int(r["id"]), anchor, touch=False)
        log.info("re-anchored notes on %s: %d found, %d orphaned", doc_name, found, lost)
        return found, lost

    def _notes_orphan(self, doc_id: str) -> int:
        """The document is gone: its notes stay, marked orphaned."""
        with self._lock, self.store.transaction() as conn:
            return int(conn.execute("UPDATE notes SET orphaned = 1 WHERE doc_id = ?", (doc_id,)).rowcount)

    def _write_anchor(self, note_id: int, anchor: dict[str, Any], *, touch: bool = True) -> None:
        values = {"orphaned": 0, **anchor}
        if touch:
            values["updated_at"] = now()
        sets = ", ".join(f'"{k}" = ?' for k in values)
        with self._lock, self.store.transaction() as conn:
            conn.execute(f"UPDATE notes SET {sets} WHERE id = ?", [*values.values(), note_id])

    def _note_rows(self, where: str, params: list[Any]) -> list[Note]:
        with self._lock:
            rows = self.store.query(
                "SELECT n.*, d.title AS doc_title, d.region AS doc_region, "
                "(SELECT p.section FROM passages p WHERE p.doc_id = n.doc_id AND p.start <= n.start "
                ' AND p."end" > n.start ORDER BY p.start DESC LIMIT 1) AS section '
                f"FROM notes n LEFT JOIN documents d ON d.id = n.doc_id AND d.status = 'ok' WHERE {where} "
                "ORDER BY n.updated_at DESC, n.id DESC",
                params,
            )
        return [_note_from_row(r) for r in rows]


def _note_from_row(r: dict[str, Any]) -> Note:
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

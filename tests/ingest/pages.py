"""Annotated test pages: every raw line is labelled keep / drop / either, plus the metadata.

Plain-text pages are written with a marker in front of each line — ``~`` boilerplate that must
go, ``?`` either way is acceptable, no marker: article text that must stay. HTML pages list their
article lines (``keep``) and the acceptable ones (``either``); every other rendered line must go.
The pages themselves live in pages_text.py and pages_html.py; ``score`` counts line decisions.
"""

from __future__ import annotations

from dataclasses import dataclass

KEEP, DROP, EITHER = "keep", "drop", "either"


@dataclass(frozen=True)
class Page:
    name: str  # file name; its extension picks the reader
    data: bytes
    title: str
    date: str | None
    source: str | None
    kind: str
    issuer: str | None = None
    doc_number: str | None = None
    marked: tuple[tuple[str, str], ...] = ()  # text pages: (line, label) in order
    keep: tuple[str, ...] = ()  # HTML pages: article lines
    either: tuple[str, ...] = ()

    def __repr__(self) -> str:  # short ids in pytest output
        return self.name


def text_page(name: str, marked_text: str, **meta: object) -> Page:
    """A plain-text page from marked lines (see module docstring)."""
    marked, lines = [], []
    for line in marked_text.split("\n"):
        label = {"~": DROP, "?": EITHER}.get(line[:1], KEEP)
        text = line[1:] if label != KEEP else line
        lines.append(text)
        if text.strip(" \t\u3000"):
            marked.append((text.strip(" \t\u3000"), label))
    return Page(name, "\n".join(lines).encode("utf-8"), marked=tuple(marked), **meta)  # type: ignore[arg-type]


def html_page(name: str, html: str, keep: list[str], either: list[str] = (), **meta: object) -> Page:  # type: ignore[assignment]
    return Page(name, html.encode("utf-8"), keep=tuple(keep), either=tuple(either), **meta)  # type: ignore[arg-type]


def raw_lines(doc) -> list[tuple[str, bool]]:
    """(stripped text, kept?) of every non-blank raw line of a PreparedDoc."""
    out, pos = [], 0
    spans = [(s.start, s.end) for s in doc.removed]
    for piece in doc.raw.split("\n"):
        text = piece.strip(" \t\r\u3000\u00a0\ufeff")
        if text:
            start = pos + piece.index(text[0])
            removed = any(s <= start < e for s, e in spans)
            out.append((text, not removed))
        pos += len(piece) + 1
    return out


def labels(page: Page, lines: list[tuple[str, bool]]) -> list[str]:
    """The expected label of each raw line."""
    if page.marked:
        assert [t for t, _ in page.marked] == [t for t, _ in lines], "marked lines differ from raw lines"
        return [label for _, label in page.marked]
    keep, either = set(page.keep), set(page.either)
    return [KEEP if t in keep else EITHER if t in either else DROP for t, _ in lines]


def mistakes(page: Page, doc) -> list[tuple[str, str]]:
    """(expected label, line) of every line the cleaner decided wrongly."""
    lines = raw_lines(doc)
    wrong = []
    for (text, kept), label in zip(lines, labels(page, lines), strict=True):
        if (label == KEEP and not kept) or (label == DROP and kept):
            wrong.append((label, text))
    if page.keep:  # every article line must exist in the rendering at all
        present = {t for t, _ in lines}
        wrong += [(KEEP, t) for t in page.keep if t not in present]
    return wrong


def score(pages, prepare_bytes) -> dict[str, tuple[int, int, int, int]]:
    """Per page: (keep right, keep total, drop right, drop total)."""
    out = {}
    for page in pages:
        doc = prepare_bytes(page.name, page.data)
        lines = raw_lines(doc)
        counts = [0, 0, 0, 0]
        for (_, kept), label in zip(lines, labels(page, lines), strict=True):
            if label == KEEP:
                counts[0] += kept
                counts[1] += 1
            elif label == DROP:
                counts[2] += not kept
                counts[3] += 1
        out[page.name] = tuple(counts)
    return out

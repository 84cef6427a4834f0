"""Values the controller hands to views: what a request read, packed for one view.

Why here and not in the controller: views and models import these without importing the object
that holds the knowledge base.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kb.models import Comparison, Document, DocumentText, Mention, Note, ThesaurusGroup


@dataclass(frozen=True)
class DocumentView:
    """What the reader needs: the text, its entity mentions, and where to look."""

    text: DocumentText
    mentions: tuple[Mention, ...]
    highlights: tuple[tuple[int, int], ...] = ()
    focus: tuple[int, int] | None = None  # a span to scroll to and tint (passage or mention)
    notes: tuple[Note, ...] = ()  # the anchored notes on this document, underlined in the reader


@dataclass(frozen=True)
class Correction:
    """What an entity correction changed: the views refresh from this (and open ``entity_id``)."""

    action: str  # rename | retype | merge | delete | unplace | unlink
    type: str
    name: str
    value: str | None
    entity_id: int | None  # the entity the corrected one became (None once deleted)


@dataclass(frozen=True)
class NotesData:
    """The notes view's whole state: notes (cell notes aside), tags with counts, the documents."""

    notes: tuple[Note, ...]
    tags: tuple[tuple[str, int], ...]
    documents: tuple[Document, ...]


@dataclass(frozen=True)
class RegionChoices:
    """Regions of the library's documents as (name, depth) in tree order, and the default columns."""

    names: tuple[tuple[str, int], ...]
    defaults: tuple[str, ...]


@dataclass(frozen=True)
class CompareResult:
    """A comparison with everything its tabs show (indicators and instrument mix travel inside it)."""

    comparison: Comparison


@dataclass(frozen=True)
class ThesaurusData:
    """The thesaurus dialog's state: every group (disabled ones too) and the sources they cite by key."""

    groups: tuple[ThesaurusGroup, ...]
    sources: dict[str, str]


class ImportSpeed:
    """Documents per second of a running import, from its progress reports' arrival times.

    Why from the first report, not the start: the first file waits for the word lists to load, which
    says nothing about how fast documents go through.
    """

    def __init__(self) -> None:
        self._first: tuple[int, float] | None = None

    def report(self, done: int, now: float) -> float:
        """The rate so far (0.0 until a second report arrives)."""
        if self._first is None:
            self._first = (done, now)
            return 0.0
        d0, t0 = self._first
        return (done - d0) / (now - t0) if now > t0 and done > d0 else 0.0


def region_choices(documents: Sequence[Document], defaults: Sequence[str]) -> RegionChoices:
    """Every region of every document's chain, each under its parent; defaults matched to listed names."""
    names: list[tuple[str, int]] = []
    seen: set[str] = set()
    for doc in sorted(documents, key=lambda d: d.region_chain):
        for depth, name in enumerate(doc.region_chain):
            if name not in seen:
                seen.add(name)
                names.append((name, depth))
    chosen: list[str] = []
    for d in defaults:
        match = next((n for n, _ in names if n == d), None) or next((n for n, _ in names if n.startswith(d)), None)
        if match and match not in chosen:
            chosen.append(match)
    return RegionChoices(tuple(names), tuple(chosen))


class TitleBook:
    """Documents by id, file name and path, so every place names a document by its title.

    Why: imported files are often named by a hash ("000_64eff531.txt"); the title is what a
    researcher recognises. The file name stays available for tooltips.
    """

    def __init__(self) -> None:
        self._docs: dict[str, Document] = {}

    def update(self, documents: Iterable[Document]) -> None:
        docs: dict[str, Document] = {}
        for d in documents:
            docs[d.name] = docs[d.id] = d
            if d.path:
                docs[d.path] = d
        self._docs = docs

    def doc(self, ref: str | None) -> Document | None:
        return self._docs.get(ref or "")

    def title(self, ref: str | None) -> str:
        """The document's title, else the reference itself (a file not in the library any more)."""
        doc = self.doc(ref)
        return doc.title if doc is not None and doc.title else (ref or "")

    def __len__(self) -> int:
        return len(self._docs)

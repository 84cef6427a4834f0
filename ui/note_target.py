"""What a new note is attached to: a quote in a document, an entity or a measure.

Why one small value: the reader, the entity page and the comparison all ask for notes, and the
main window turns any of them into one ``kb.add_note`` call after the dialog.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class NoteTarget:
    kind: str  # "quote" | "entity" | "measure" (kb.notes.TARGET_KINDS; "cell" is the cell's own text)
    quote: str  # shown in the dialog; anchors the note when doc_id is set
    doc_id: str | None = None
    start: int | None = None  # code-point offsets in the document body
    end: int | None = None
    ref: str | None = None  # entity name / measure id

    @classmethod
    def passage(cls, doc_id: str, start: int, end: int, quote: str) -> NoteTarget:
        return cls("quote", quote, doc_id, start, end)

    @classmethod
    def of_measure(cls, measure: Any) -> NoteTarget:
        return cls("measure", measure.text, measure.doc_id, measure.start, measure.end, str(measure.id))

    @classmethod
    def of_entity(cls, entity: Any) -> NoteTarget:
        return cls("entity", entity.name, None, None, None, entity.name)

    def add_kwargs(self, comment: str, tags: list[str] | tuple[str, ...]) -> dict[str, Any]:
        """Keyword arguments of ``KnowledgeBase.add_note``."""
        return {"doc": self.doc_id, "quote": self.quote, "start": self.start, "end": self.end,
                "comment": comment, "tags": list(tags), "target_kind": self.kind, "target_ref": self.ref}

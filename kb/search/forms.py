"""A passage's index forms, computed where the document is processed (an import worker).

The import parent writes the store and the index one document after another, so whatever it
computes caps the whole import. Everything about a passage that depends on its text alone is
therefore made here, next to extraction: the matching form (normalised, squeezed), the jieba
word frequencies (keyed for the sidecar, ``kb.search.segdata.word_key``) and the noise spans. ``SearchIndex.add`` uses a
passage's ``PassageForm`` when it has one and computes the same thing itself otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from kb.search.analyzer import add_words, normalise, word_postings
from kb.search.segdata import word_keys
from kb.search.textform import squeeze
from kb.search.zones import noise_spans


class PassageForm(NamedTuple):
    """What the index stores of one passage (a tuple: cheap to send between processes)."""

    text: str  # matching form: normalised, layout whitespace squeezed
    words: dict[int, int]  # jieba words of 2+ characters (``kb.search.segdata.word_key``) -> frequency
    noise: list[tuple[int, int]]  # noise spans of ``text`` (kb.search.zones)


def matching_form(text: str) -> str:
    """The form passages and titles are matched in."""
    return squeeze(normalise(text))


def passage_form(text: str, title_form: str) -> PassageForm:
    """One passage's form; ``title_form`` is the document title's ``matching_form``."""
    form = matching_form(text)
    return PassageForm(form, word_keys(word_postings(form)), noise_spans(form, title_form))


def passage_forms(texts: Sequence[str], title: str, names: Iterable[str] = ()) -> list[PassageForm]:
    """The forms of a document's passages.

    ``names`` (the entity names found in the document) are taught to this process's tokenizer
    first, as the importing process does before it indexes a document, so that a firm or park
    named in the text is one word of its ``words`` field wherever the form is computed.
    """
    add_words(names)
    title_form = matching_form(title)
    return [passage_form(t, title_form) for t in texts]

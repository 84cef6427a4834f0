"""Small edits of a query's text for the no-result page: drop a typed filter, swap a term for a suggestion.

Why in the UI: a suggestion names a filter by its field and a term by its replacement, and the
user expects the box to show the query that will run, in the words they typed. Pure text, no Qt.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from kb.models import FILTER_FIELDS

OPERATORS = {"OR", "AND", "NOT", "&&", "||"}
_TOKEN = re.compile(r'[^\s"“”]*["“][^"”]*["”]|\S+')  # a quoted phrase (maybe after name:) or a word
_FILTER = re.compile(r"^([^:：\s]+)[:：](.+)$")


def tokens(query: str) -> list[str]:
    return _TOKEN.findall(query)


def filter_field(token: str) -> str | None:
    """The field a typed ``name:value`` token filters on, else None."""
    m = _FILTER.match(token)
    return FILTER_FIELDS.get(m.group(1).lower()) if m else None


def drop_filter(query: str, filters: dict[str, str], spec: str) -> tuple[str, dict[str, str]]:
    """The query and facet filters without the filter ``spec`` ("field:value", as suggestions name it).

    A facet filter on that field goes first (it is what the user clicked); else the first typed
    ``name:value`` of that field whose value matches, else the first of that field.
    """
    field, _, value = spec.partition(":")
    if field in filters:
        rest = dict(filters)
        del rest[field]
        return query, rest
    words = tokens(query)
    typed = [i for i, t in enumerate(words) if filter_field(t) == field]
    if not typed:
        return query, dict(filters)
    same = [i for i in typed if _FILTER.match(words[i]).group(2).strip('"“”').replace(" ", "") == value]  # type: ignore[union-attr]
    drop = (same or typed)[0]
    return " ".join(t for i, t in enumerate(words) if i != drop), dict(filters)


def replace_term(query: str, word: str) -> str:
    """The query with the search term most like ``word`` replaced by it (filters and operators kept).

    A suggestion is a variant of one query term (房租补贴 -> 租金补贴) or a word close to it; with a
    single term that is the whole query.
    """
    words = tokens(query)
    terms = [i for i, t in enumerate(words) if filter_field(t) is None and t not in OPERATORS
             and not t.startswith("-") and not t.startswith(('"', "“"))]
    if not terms:  # filters only: the word joins them
        return f"{query} {word}".strip()
    best = max(terms, key=lambda i: SequenceMatcher(None, words[i], word).ratio())
    words[best] = word
    return " ".join(words)

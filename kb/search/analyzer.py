"""Tokenisation for the search index: jieba words (the sidecar's word postings).

* words: jieba (rjieba, default mode, HMM on) tokens of 2+ characters with
  frequencies; they decide the whole-word ranking bonus. ``word_tokens`` gives
  positions (+1 per non-space token, punctuation included) and char offsets.
* Recall does not depend on jieba: a term matches a passage iff it occurs
  verbatim in the passage's search form, found through the character and
  character-pair index of ``kb.search.segdata`` (与物联网 -> 与物 / 联网 still
  matches 物联网).

The import worker counts a passage's words (``kb.search.forms``); the sidecar keeps them
under ``kb.search.segdata.word_key``.
"""

from __future__ import annotations

import logging
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import rjieba

from kb.ingest.normalise import normalise as _ingest_normalise

log = logging.getLogger(__name__)

_jieba_lock = threading.Lock()


def _lower(text: str) -> str:
    """Length-preserving lower-casing (characters whose lower case is longer stay)."""
    return "".join(c if len(low := c.lower()) != 1 else low for c in text)


def normalise(text: str) -> str:
    """The search form of ``text``; same length, so offsets carry over.

    A normaliser that broke the length contract would shift every highlight: then only
    lower-casing is applied (offsets matter more than t2s here).
    """
    out = _ingest_normalise(text)
    low = out.lower()
    if len(low) == len(text):
        return low
    if len(out) != len(text):
        log.warning("normalise changed the length of a %d-char text; ignoring it", len(text))
        out = text
    return _lower(out)


def add_words(words: Iterable[str]) -> int:
    """Teach the tokenizer domain terms / entity names; returns how many were new.

    Affects later indexing and queries only; the grams field keeps recall for
    passages indexed before.
    """
    added = 0
    with _jieba_lock:
        for word in words:
            w = _word_form(word)
            if w is None:
                continue
            if not rjieba.has_word(w):
                rjieba.add_word(w, None, None)
                added += 1
    return added


@lru_cache(maxsize=8192)
def _word_form(word: str) -> str | None:
    """The form a taught word takes, None when it cannot be one word (an import teaches each
    document's entity names, mostly the same firms and places again)."""
    w = normalise(word.strip())
    return None if len(w) < 2 or any(c.isspace() for c in w) else w


def _is_space(tok: str) -> bool:
    return tok.isspace()


def is_punct(tok: str) -> bool:
    """True for tokens made only of punctuation/symbols (no letter, digit or CJK)."""
    return all(unicodedata.category(c)[0] in "PSZC" for c in tok)


def word_tokens(text: str) -> list[tuple[str, int, int, int]]:
    """``(token, position, start, end)`` for the already-normalised ``text``."""
    with _jieba_lock:
        raw = rjieba.tokenize(text, "default", True)
    out: list[tuple[str, int, int, int]] = []
    pos = 0
    for tok, start, end in raw:
        if _is_space(tok):
            continue
        out.append((tok, pos, start, end))
        pos += 1
    return out


def words_of(text: str) -> list[str]:
    """The words-field terms of an already-normalised query string."""
    return [t for t, _p, _s, _e in word_tokens(text)]


def word_postings(text: str) -> dict[str, int]:
    """Frequencies of the jieba words of 2+ characters of an already-normalised ``text``
    (``rjieba.cut``: the tokens of ``word_tokens`` without offsets, a fifth cheaper)."""
    with _jieba_lock:
        raw = rjieba.cut(text, True)
    return Counter(w for w in raw if len(w) > 1 and not w.isspace())


def ranking_words(text: str) -> list[str]:
    """The words of a query term that count for the whole-word bonus (2+ characters).

    One-character tokens (的, 和, punctuation) are not indexed in ``words``: they
    are a third of all tokens and say nothing about whole-word matches.
    """
    return [w for w in words_of(text) if len(w) > 1]

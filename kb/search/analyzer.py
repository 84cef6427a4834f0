"""Tokenisation for the search index: jieba words (Whoosh ``words`` field).

* ``words``: jieba (rjieba, default mode, HMM on) tokens of 2+ characters with
  frequencies; they decide the whole-word ranking bonus. ``word_tokens`` gives
  positions (+1 per non-space token, punctuation included) and char offsets.
* Recall does not depend on jieba: a term matches a passage iff it occurs
  verbatim in the passage's normalised text, found through the character and
  character-pair index of ``kb.search.segdata`` (与物联网 -> 与物 / 联网 still
  matches 物联网).

``WordsField.index`` bypasses Whoosh's Token pipeline at index time; the
tokenizer gives the same terms to anything that asks Whoosh.
"""

from __future__ import annotations

import logging
import threading
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator

import rjieba
from whoosh import fields, formats
from whoosh.analysis import Token, Tokenizer
from whoosh.system import pack_uint

log = logging.getLogger(__name__)

_jieba_lock = threading.Lock()


def _fallback_normalise(text: str) -> str:
    """Length-preserving lower-casing, used until ``kb.ingest.normalise`` exists."""
    return "".join(c if len(low := c.lower()) != 1 else low for c in text)


def _load_normalise() -> Callable[[str], str]:
    try:
        from kb.ingest.normalise import normalise as real
    except ImportError:
        log.info("kb.ingest.normalise not available; search uses lower-casing only")
        return _fallback_normalise
    return real


_normalise_impl: Callable[[str], str] | None = None


def normalise(text: str) -> str:
    """The search form of ``text``; same length, so offsets carry over.

    Falls back to lower-casing when the real normaliser is missing or breaks the
    length contract (offsets matter more than t2s here).
    """
    global _normalise_impl
    if _normalise_impl is None:
        _normalise_impl = _load_normalise()
    out = _normalise_impl(text)
    low = out.lower()
    if len(low) == len(text):
        return low
    if len(out) != len(text):
        log.warning("normalise changed the length of a %d-char text; ignoring it", len(text))
        out = text
    return _fallback_normalise(out)


def add_words(words: Iterable[str]) -> int:
    """Teach the tokenizer domain terms / entity names; returns how many were new.

    Affects later indexing and queries only; the grams field keeps recall for
    passages indexed before.
    """
    added = 0
    with _jieba_lock:
        for word in words:
            w = normalise(word.strip())
            if len(w) < 2 or any(c.isspace() for c in w):
                continue
            if not rjieba.has_word(w):
                rjieba.add_word(w, None, None)
                added += 1
    return added


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


def _word_postings(text: str) -> dict[str, int]:
    freqs: dict[str, int] = defaultdict(int)
    for tok, _p, _s, _e in word_tokens(text):
        if len(tok) > 1:
            freqs[tok] += 1
    return freqs


def ranking_words(text: str) -> list[str]:
    """The words of a query term that count for the whole-word bonus (2+ characters).

    One-character tokens (的, 和, punctuation) are not indexed in ``words``: they
    are a third of all tokens and say nothing about whole-word matches.
    """
    return [w for w in words_of(text) if len(w) > 1]


class JiebaTokenizer(Tokenizer):
    """Whoosh tokenizer over rjieba: positions +1 per token, char offsets set."""

    def __call__(  # type: ignore[override]
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        mode: str = "",
        **kwargs: object,
    ) -> Iterator[Token]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for tok, pos, start, end in word_tokens(normalise(value)):
            t.text = tok
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = tok
            if positions:
                t.pos = start_pos + pos
            if chars:
                t.startchar = start_char + start
                t.endchar = start_char + end
            yield t


class WordsField(fields.FieldType):
    """jieba words of 2+ characters with frequencies, for the whole-word bonus.

    No positions: verbatim checks use the text column.

    ``index`` skips Whoosh's Token pipeline; the value must already be normalised.
    """

    def __init__(self) -> None:
        super().__init__(formats.Frequency(), JiebaTokenizer(), scorable=False)

    def index(self, value, **kwargs):  # type: ignore[no-untyped-def]
        for w, freq in _word_postings(value).items():
            yield (w.encode("utf-8"), freq, float(freq), pack_uint(freq))

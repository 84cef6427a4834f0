"""Small text helpers shared by the core (sentence bounds for citations)."""

from __future__ import annotations

SENTENCE_ENDS = "。！？!?；;\n"


def sentence_around(text: str, start: int, end: int, max_len: int = 400) -> tuple[int, int]:
    """The bounds of the sentence holding ``text[start:end]``, so every fact opens to its sentence."""
    s = start
    floor = max(0, start - max_len)
    while s > floor and text[s - 1] not in SENTENCE_ENDS:
        s -= 1
    e = end
    ceil = min(len(text), end + max_len)
    while e < ceil and text[e] not in SENTENCE_ENDS:
        e += 1
    if e < len(text) and text[e] != "\n":
        e += 1
    while s < e and text[s] in " \t\u3000":
        s += 1
    return s, e

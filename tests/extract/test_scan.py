"""KeyIndex and occurrences: the fast scanners must give exactly what the naive loops gave."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kb.extract.scan import KeyIndex, occurrences

KEYS = ["江西", "江西省", "赣州", "赣州市", "章贡区", "中国移动", "移动", "ab", "abcd", "中国(上海)自贸区", "x"]


def naive_scan(keys: set[str], text: str) -> list[tuple[int, int]]:
    """The loop the gazetteer used before: every length from the longest down, at every character."""
    maxlen = max(len(k) for k in keys)
    out, i = [], 0
    while i < len(text):
        for ln in range(min(maxlen, len(text) - i), 1, -1):
            if text[i:i + ln] in keys:
                out.append((i, i + ln))
                i += ln
                break
        else:
            i += 1
    return out


def test_longest_key_wins_and_scanning_resumes_after_it() -> None:
    idx = KeyIndex(KEYS)
    text = "江西省赣州市章贡区与中国移动合作，江西赣州"
    assert [text[s:e] for s, e in idx.scan(text)] == ["江西省", "赣州市", "章贡区", "中国移动", "江西", "赣州"]


def test_one_character_keys_never_match() -> None:
    assert KeyIndex(["x", "江"]).scan("x江x") == []
    assert KeyIndex([]).scan("任何文本") == [] and KeyIndex([]).next_start("abc", 0) == -1


def test_ends_lists_every_key_at_a_position_shortest_first() -> None:
    idx = KeyIndex(KEYS)
    assert idx.ends("江西省人民政府", 0) == [2, 3]
    assert idx.ends("abce", 0) == [2]  # abc is only a prefix, abcd does not fit
    assert idx.ends("abcd", 0) == [2, 4]
    assert idx.ends("西省", 0) == []
    assert idx.next_start("一二三江西", 0) == 3


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="江西省赣州市章贡区中国移动abcdx(上海)自贸，。 ", max_size=60))
def test_scan_equals_the_naive_longest_match(text: str) -> None:
    assert KeyIndex(KEYS).scan(text) == naive_scan({k for k in KEYS if len(k) >= 2}, text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="aab中中国.*", max_size=40), st.text(alphabet="aab中国.*", min_size=1, max_size=3))
def test_occurrences_equal_finditer(text: str, word: str) -> None:
    assert occurrences(text, word) == [(m.start(), m.end()) for m in re.finditer(re.escape(word), text)]

from __future__ import annotations

from kb.search import add_words, normalise
from kb.search.analyzer import is_punct, word_tokens, words_of


def test_positions_advance_one_per_token_and_offsets_are_chars() -> None:
    text = "推进工业互联网，建设5G基站"
    toks = word_tokens(normalise(text))
    assert [pos for _t, pos, _s, _e in toks] == list(range(len(toks)))
    for tok, _pos, start, end in toks:
        assert normalise(text)[start:end] == tok
    # lower-cased ASCII at its character offset; how it is cut depends on the dictionary (5G基站 may be a word)
    assert [t for t, _p, s, _e in toks if s == 10][0].startswith("5g")


def test_whitespace_does_not_advance_but_punctuation_does() -> None:
    toks = word_tokens("digital economy，数字经济")
    texts = [t for t, *_ in toks]
    assert " " not in texts and "，" in texts
    assert [p for _t, p, _s, _e in toks] == list(range(len(toks)))


def test_add_words_makes_jieba_keep_a_term_whole() -> None:
    term = "黔东南数智谷"
    assert words_of(term) != [term]
    assert add_words([term, " ", "x"]) == 1
    assert words_of(term) == [term]
    assert add_words([term]) == 0


def test_is_punct() -> None:
    assert is_punct("，、+") and not is_punct("5g") and not is_punct("数")

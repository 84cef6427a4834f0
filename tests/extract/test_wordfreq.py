"""The jieba word sets: one parse gives what the two old parsers gave, and the disk cache is safe."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.extract import wordfreq
from kb.extract.wordfreq import WordSets, parse, set_cache_dir, word_sets

DICT = """会同 300 v
新建 2000 v
资源 8000 n
南山 600 ns
鼓楼 80 nr
稀有 9 n
数字经济 50 n
张三 40 nr
长沙 950 ns
重复 30 n
重复 30 nr
零开头 012 n
B超 3 n
"""


def old_parsers(text: str) -> WordSets:
    """The two loops that used to read dict.txt (names._dict_freq, gazetteer._common_words)."""
    freq: dict[str, tuple[int, str]] = {}
    common: set[str] = set()
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 3 and int(parts[1]) >= 10:
            freq[parts[0]] = (int(parts[1]), parts[2])
        if len(parts) != 3 or len(parts[0]) > 3:
            continue
        f, tag = int(parts[1]), parts[2]
        if tag not in ("ns", "nr", "nz", "nrt", "nrfg", "j") or (tag != "ns" and f >= 500) or f >= 900:
            if f >= 20:
                common.add(parts[0])
    generic = {w for w, (_, t) in freq.items() if t not in ("ns", "nr", "nrt", "nz", "nt")}
    return WordSets(frozenset(freq), frozenset(generic), frozenset(common))


def test_parse_equals_the_old_parsers() -> None:
    sets = parse(DICT)
    assert sets == old_parsers(DICT)
    assert "稀有" not in sets.known and "零开头" in sets.known
    assert "重复" in sets.known and "重复" not in sets.generic  # the last line of a repeated word counts
    assert "会同" in sets.common and "南山" not in sets.common and "长沙" in sets.common


def test_parse_equals_the_old_parsers_on_the_real_dictionary() -> None:
    path = wordfreq.dict_path()
    assert path is not None and path.is_file()
    text = path.read_text(encoding="utf-8")
    assert parse(text) == old_parsers(text)


@pytest.fixture
def fake_dict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "dict.txt"
    path.write_text(DICT, encoding="utf-8")
    monkeypatch.setattr(wordfreq, "dict_path", lambda: path)
    word_sets.cache_clear()
    yield path
    set_cache_dir(None)
    word_sets.cache_clear()


def test_no_disk_cache_by_default(fake_dict: Path, tmp_path: Path) -> None:
    set_cache_dir(None)
    assert word_sets() == parse(DICT)
    assert not list(tmp_path.rglob("*.marshal"))


def test_disk_cache_is_written_then_read(fake_dict: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "kb" / "cache"
    set_cache_dir(cache)
    first = word_sets()
    assert list(cache.glob("*.marshal"))
    word_sets.cache_clear()
    monkeypatch.setattr(wordfreq, "parse", lambda text: pytest.fail("parsed although cached"))
    assert word_sets() == first == parse(DICT)


def test_changed_dictionary_or_damaged_cache_is_rebuilt(fake_dict: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    set_cache_dir(cache)
    word_sets()
    fake_dict.write_text(DICT + "新词 500 n\n", encoding="utf-8")
    word_sets.cache_clear()
    assert "新词" in word_sets().known  # size/mtime changed: not the stale sets
    next(cache.glob("*.marshal")).write_bytes(b"\x00garbage")
    word_sets.cache_clear()
    assert "新词" in word_sets().known


def test_unwritable_cache_dir_only_costs_speed(fake_dict: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    set_cache_dir(blocker / "cache")  # a file where the folder should be
    assert word_sets() == parse(DICT)


def test_without_jieba_the_sets_are_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wordfreq, "dict_path", lambda: None)
    word_sets.cache_clear()
    try:
        assert word_sets() == WordSets(frozenset(), frozenset(), frozenset())
    finally:
        word_sets.cache_clear()

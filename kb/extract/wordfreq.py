"""jieba's dictionary, reduced to the word sets the extractors ask about, read once per process.

The gazetteer needs the common words a county stem collides with (会同, 新建), the name finder
needs which words the dictionary knows and which of them are generic vocabulary. Both used to
parse the 5 MB ``dict.txt`` on their own (~0.3 s each, in every import worker); here it is read
once, and, when :func:`set_cache_dir` named a folder (the knowledge base's cache dir), the sets
are kept there as a marshal file that later processes load in a few milliseconds.
"""

from __future__ import annotations

import importlib.util
import logging
import marshal
import os
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

_CACHE_VERSION = 1  # bump when the derivation below changes
_CACHE_NAME = f"jieba_words-v{_CACHE_VERSION}.marshal"
_MIN_FREQ = 10  # rarer dictionary words count as unknown
_PROPER = frozenset(("ns", "nr", "nrt", "nz", "nt"))  # names, not generic vocabulary
_NAME_TAGS = frozenset(("ns", "nr", "nz", "nrt", "nrfg", "j"))
# word, frequency (>= 10; leading zeros allowed), tag: the lines ``line.split()`` reads as 3 fields
_ROW = re.compile(r"^[^\S\n]*(\S+)[^\S\n]+0*([1-9][0-9]+)[^\S\n]+(\S+)[^\S\n]*$", re.M)

_cache_dir: Path | None = None
_lock = threading.Lock()


@dataclass(frozen=True)
class WordSets:
    known: frozenset[str]  # dictionary words of frequency >= 10
    generic: frozenset[str]  # known words whose tag is not a proper-name tag
    common: frozenset[str]  # words (<= 3 chars) too common for a county stem to stand alone


def set_cache_dir(path: str | os.PathLike[str] | None) -> None:
    """Keep the derived sets in ``path`` (created if needed); ``None``: no disk cache (the default)."""
    global _cache_dir
    _cache_dir = Path(path) if path is not None else None


def dict_path() -> Path | None:
    """jieba's ``dict.txt``, found without importing jieba (its import costs 0.1 s)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.origin:
        return None
    return Path(spec.origin).parent / "dict.txt"


def parse(text: str) -> WordSets:
    """The three sets from a jieba dictionary's text (``word freq tag`` per line)."""
    tags: dict[str, str] = {}
    common: set[str] = set()
    for word, freq_s, tag in _ROW.findall(text):
        tags[word] = tag  # a repeated word: its last line counts
        if len(word) <= 3:
            freq = int(freq_s)
            if freq >= 20 and (tag not in _NAME_TAGS or (tag != "ns" and freq >= 500) or freq >= 900):
                common.add(word)
    return WordSets(frozenset(tags), frozenset(w for w, t in tags.items() if t not in _PROPER), frozenset(common))


@lru_cache(maxsize=1)
def word_sets() -> WordSets:
    """The sets for the installed jieba; empty sets (and a warning) without jieba."""
    with _lock:
        path = dict_path()
        if path is None or not path.is_file():
            log.warning("jieba dictionary not found: county short forms and the generic-word test use "
                        "the built-in lists only")
            return WordSets(frozenset(), frozenset(), frozenset())
        st = path.stat()
        stamp = [str(path), st.st_size, st.st_mtime_ns]
        cached = _load(stamp)
        if cached is not None:
            return cached
        sets = parse(path.read_text(encoding="utf-8"))
        _save(stamp, sets)
        return sets


def _load(stamp: list[object]) -> WordSets | None:
    if _cache_dir is None:
        return None
    try:
        data = marshal.loads((_cache_dir / _CACHE_NAME).read_bytes())
        if data[0] == stamp:
            generic = frozenset(data[1])
            return WordSets(generic.union(data[2]), generic, frozenset(data[3]))
    except FileNotFoundError:
        pass
    except Exception:  # a damaged cache file is rebuilt, never fatal
        log.info("word cache unreadable; rebuilding it", exc_info=True)
    return None


def _save(stamp: list[object], sets: WordSets) -> None:
    if _cache_dir is None:
        return
    target = _cache_dir / _CACHE_NAME
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        _cache_dir.mkdir(parents=True, exist_ok=True)
        # tuples, not sets: marshal sorts a set's items (0.3 s here); generic words are a subset of known
        rest = tuple(sets.known - sets.generic)
        tmp.write_bytes(marshal.dumps([stamp, tuple(sets.generic), rest, tuple(sets.common)]))
        os.replace(tmp, target)  # atomic: parallel workers never read half a file
    except OSError as exc:  # a read-only cache dir only costs speed
        log.info("cannot write word cache %s: %s", target, exc)
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass

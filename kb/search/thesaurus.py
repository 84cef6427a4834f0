"""The policy thesaurus: how Chinese policy texts name the same instrument or idea.

A shipped file (``kb/resources/thesaurus.json``, each group with its relation and source) plus the
user's file in the knowledge base (``<kb_dir>/thesaurus.json``) that overrides, disables or adds
groups. The search expands a query term that finds nothing as typed with its group mates
(``variants``), marking each as a synonym or a related term; a term inside a longer query term is
replaced in place (房租补贴 -> 租金补贴). The UI edits groups through this API and ``save``s.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from kb.errors import ZhikuError
from kb.models import ThesaurusGroup  # defined with the other values the UI sees
from kb.search.analyzer import normalise
from kb.search.textform import squeeze

log = logging.getLogger(__name__)

SHIPPED = Path(__file__).resolve().parent.parent / "resources" / "thesaurus.json"
USER_FILE = "thesaurus.json"
RELATIONS = ("synonym", "related")
FORMAT = 1
MAX_VARIANTS = 24


def _key(term: str) -> str:
    return squeeze(normalise(term.strip()))


def _group(raw: dict[str, Any], origin: str) -> ThesaurusGroup:
    terms = tuple(dict.fromkeys(t.strip() for t in raw.get("terms", ()) if isinstance(t, str) and t.strip()))
    relation = raw.get("relation", "synonym")
    if relation not in RELATIONS:
        raise ValueError(f"relation must be one of {RELATIONS}, got {relation!r}")
    return ThesaurusGroup(str(raw["id"]), terms, relation, str(raw.get("source", "")), str(raw.get("note", "")),
                          bool(raw.get("enabled", True)), origin)


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise ZhikuError(f"同义词表无法读取 / cannot read the thesaurus {path}: {exc}") from exc
    if not isinstance(data, dict) or data.get("format", FORMAT) != FORMAT:
        raise ZhikuError(f"同义词表格式不对 / {path} is not a thesaurus of format {FORMAT}")
    return data


class Thesaurus:
    """Shipped groups overlaid with the user's; lookups by normalised term. Thread-safe."""

    def __init__(self, shipped: Sequence[ThesaurusGroup], user: Sequence[ThesaurusGroup] = (),
                 disabled: Iterable[str] = (), *, sources: dict[str, str] | None = None,
                 user_path: Path | None = None) -> None:
        self.sources = dict(sources or {})
        self.user_path = user_path
        self._shipped = {g.id: g for g in shipped}
        self._user = {g.id: g for g in user}
        self._disabled = set(disabled)
        self._lock = threading.RLock()
        self._index: dict[str, list[ThesaurusGroup]] = {}
        self._longest = 0
        self._rebuild()

    # ------------------------------------------------------------ loading and saving

    @classmethod
    def load(cls, kb_dir: Path | None = None, *, shipped: Path = SHIPPED) -> Thesaurus:
        """The shipped thesaurus, overlaid with ``<kb_dir>/thesaurus.json`` when there is one."""
        base = _read(shipped)
        groups = [_group(g, "shipped") for g in base.get("groups", ())]
        user_path = Path(kb_dir) / USER_FILE if kb_dir is not None else None
        user = _read(user_path) if user_path is not None else {}
        mine = [_group(g, "edited" if g.get("id") in {s.id for s in groups} else "user") for g in user.get("groups", ())]
        return cls(groups, mine, user.get("disabled", ()), sources=base.get("sources", {}), user_path=user_path)

    def save(self, path: Path | None = None) -> Path:
        """Write the user's changes (only those) atomically: temp file, fsync, rename."""
        target = path or self.user_path
        if target is None:
            raise ZhikuError("同义词表没有保存位置 / the thesaurus has no user file to save to")
        with self._lock:
            data = {"format": FORMAT, "disabled": sorted(self._disabled),
                    "groups": [{"id": g.id, "relation": g.relation, "terms": list(g.terms), "source": g.source,
                                "note": g.note, "enabled": g.enabled} for g in self._user.values()]}
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".thesaurus-", suffix=".json", dir=target.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, indent=1)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return target

    # ------------------------------------------------------------ reading

    def groups(self, *, include_disabled: bool = True) -> list[ThesaurusGroup]:
        """Every effective group (user versions replace shipped ones), shipped order first."""
        with self._lock:
            out = [self._effective(gid) for gid in [*self._shipped, *(k for k in self._user if k not in self._shipped)]]
        return [g for g in out if include_disabled or g.enabled]

    def group(self, group_id: str) -> ThesaurusGroup | None:
        with self._lock:
            if group_id not in self._shipped and group_id not in self._user:
                return None
            return self._effective(group_id)

    def lookup(self, term: str) -> list[ThesaurusGroup]:
        """The enabled groups that hold ``term`` (compared in search form)."""
        with self._lock:
            return list(self._index.get(_key(term), ()))

    def _effective(self, gid: str) -> ThesaurusGroup:
        g = self._user.get(gid) or self._shipped[gid]
        return replace(g, enabled=False) if gid in self._disabled else g

    def _rebuild(self) -> None:
        index: dict[str, list[ThesaurusGroup]] = {}
        for g in self.groups(include_disabled=False):
            for t in g.terms:
                k = _key(t)
                if len(k) >= 2 and g not in index.setdefault(k, []):
                    index[k].append(g)
        self._index = index
        self._longest = max(map(len, index), default=0)

    # ------------------------------------------------------------ editing

    def add(self, terms: Sequence[str], relation: str = "synonym", *, note: str = "", source: str = "user",
            group_id: str | None = None) -> ThesaurusGroup:
        """A new user group (two terms at least)."""
        with self._lock:
            gid = group_id or self._new_id()
            if gid in self._shipped or gid in self._user:
                raise ValueError(f"a thesaurus group {gid!r} exists already")
            g = _group({"id": gid, "terms": list(terms), "relation": relation, "note": note, "source": source}, "user")
            if len(g.terms) < 2:
                raise ValueError("a thesaurus group needs two terms at least")
            self._user[gid] = g
            self._rebuild()
            return g

    def update(self, group_id: str, *, terms: Sequence[str] | None = None, relation: str | None = None,
               note: str | None = None) -> ThesaurusGroup:
        """Change a group; a shipped group becomes the user's edited copy."""
        with self._lock:
            old = self.group(group_id)
            if old is None:
                raise KeyError(group_id)
            raw = {"id": group_id, "terms": list(terms if terms is not None else old.terms),
                   "relation": relation or old.relation, "source": old.source,
                   "note": old.note if note is None else note}
            g = _group(raw, "edited" if group_id in self._shipped else "user")
            if len(g.terms) < 2:
                raise ValueError("a thesaurus group needs two terms at least")
            self._user[group_id] = g
            self._rebuild()
            return self._effective(group_id)

    def remove(self, group_id: str) -> None:
        """Delete a user group; a shipped group cannot be deleted, so it is disabled."""
        with self._lock:
            if group_id in self._shipped:
                self._disabled.add(group_id)
            elif self._user.pop(group_id, None) is None:
                raise KeyError(group_id)
            self._rebuild()

    def set_enabled(self, group_id: str, enabled: bool) -> None:
        with self._lock:
            if self.group(group_id) is None:
                raise KeyError(group_id)
            (self._disabled.discard if enabled else self._disabled.add)(group_id)
            self._rebuild()

    def reset(self, group_id: str) -> None:
        """Undo the user's edits of a shipped group (and enable it again)."""
        with self._lock:
            if group_id not in self._shipped:
                raise KeyError(group_id)
            self._user.pop(group_id, None)
            self._disabled.discard(group_id)
            self._rebuild()

    def _new_id(self) -> str:
        n = 1
        while f"user-{n}" in self._user or f"user-{n}" in self._shipped:
            n += 1
        return f"user-{n}"

    # ------------------------------------------------------------ expansion

    def variants(self, term: str) -> list[tuple[str, str]]:
        """Other ways to write ``term`` (search form), each with its relation, synonyms first.

        The whole term's group mates, then the term with one inner thesaurus word replaced by a
        group mate (资金补贴 -> 资金补助, 资金奖补), then with two replaced. At most MAX_VARIANTS.
        """
        key = _key(term)
        with self._lock:
            out: dict[str, str] = {}
            for g in self._index.get(key, ()):
                for t in g.terms:
                    _put(out, _key(t), g.relation, key)
            parts = self._inner_words(key)
            for start, end, groups in parts:
                for g in groups:
                    for t in g.terms:
                        _put(out, key[:start] + _key(t) + key[end:], g.relation, key)
            if len(parts) >= 2 and len(out) < MAX_VARIANTS // 2:  # both words replaced: only when few others
                self._pairs(key, parts[:2], out)
        ordered = sorted(out.items(), key=lambda kv: kv[1] != "synonym")
        return ordered[:MAX_VARIANTS]

    def parts(self, term: str) -> list[tuple[int, int, str]]:
        """The thesaurus words inside a longer term, with their spans (首台套奖补 -> 首台套, 奖补)."""
        key = _key(term)
        with self._lock:
            return [(s, e, key[s:e]) for s, e, _g in self._inner_words(key)]

    def _inner_words(self, key: str) -> list[tuple[int, int, list[ThesaurusGroup]]]:
        """Thesaurus words inside ``key`` (not the whole of it), longest first from the left, not overlapping."""
        found: list[tuple[int, int, list[ThesaurusGroup]]] = []
        i, n = 0, len(key)
        while i < n - 1:
            for j in range(min(n, i + self._longest), i + 1, -1):
                if (i, j) != (0, n) and key[i:j] in self._index:
                    found.append((i, j, self._index[key[i:j]]))
                    i = j
                    break
            else:
                i += 1
        return found

    def _pairs(self, key: str, parts: list[tuple[int, int, list[ThesaurusGroup]]], out: dict[str, str]) -> None:
        (s1, e1, g1), (s2, e2, g2) = parts
        for a in g1:
            for b in g2:
                rel = "synonym" if a.relation == b.relation == "synonym" else "related"
                for t1 in a.terms:
                    for t2 in b.terms:
                        _put(out, key[:s1] + _key(t1) + key[e1:s2] + _key(t2) + key[e2:], rel, key)


def _put(out: dict[str, str], variant: str, relation: str, original: str) -> None:
    """Keep the closest relation seen for a variant (synonym beats related)."""
    if variant == original or len(variant) < 2 or len(out) >= 4 * MAX_VARIANTS:
        return
    if out.get(variant) != "synonym":
        out[variant] = relation

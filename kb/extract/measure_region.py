"""The region a measure is about: the place named nearest before its number.

A mention counts when it stands in the number's clause, the clause before, or the sentence's
opening clause (the subject); not when it is an object (依托郑州…, 与…合作) or one of the places
visited in a list (赴北京、深圳等地招商). Regions of the document's own chain give the document's
deepest region. Split from :mod:`kb.extract.measures` to keep modules small.
"""

from __future__ import annotations

import logging
import re

log = logging.getLogger(__name__)

_CLAUSE_CUT = re.compile(r"[，：:]|,(?![0-9]{3}(?![0-9]))")
_REGION_OBJECT = re.compile(r"(?:依托|借助|围绕|联合|会同|对接|面向|学习|借鉴|与|同|向)$")  # 依托郑州数据交易中心
_PLACES_VISITED = re.compile(r"(?:、[\u4e00-\u9fff]{2,8}?)*等(?:地|省市|城市)")  # 赴北京、深圳等地招商


class MeasureRegion:
    """Region per span: the gazetteer's mention if any (optional module), else the doc's."""

    def __init__(self, body: str, chain: tuple[str, ...]) -> None:
        self.chain = chain
        self.default = chain[-1] if chain else None
        self.body = body
        self.cache: dict[int, list[tuple[int, int, str]]] = {}
        self.cuts: dict[int, list[int]] = {}
        self.gazetteer = None
        try:
            from kb.extract.gazetteer import Gazetteer  # optional: written in parallel

            self.gazetteer = Gazetteer.default()
        except ImportError:
            pass
        except Exception:  # the gazetteer must never break measure extraction
            log.warning("gazetteer failed; measures keep the document region", exc_info=True)

    def _mentions(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Region mentions in one sentence (only sentences that hold measures are looked up)."""
        if start not in self.cache:
            found: list[tuple[int, int, str]] = []
            if self.gazetteer is not None:
                try:
                    found = [(start + s, start + e, r.name) for s, e, r in self.gazetteer.find_all(self.body[start:end])]
                except Exception:
                    log.warning("gazetteer failed on a sentence", exc_info=True)
            self.cache[start] = found
        return self.cache[start]

    def at(self, start: int, end: int, pos: int) -> str | None:
        """The last region named before ``pos`` near it (its clause, the one before) or in the opening clause."""
        best = None
        cut = self.cuts.get(start)
        if cut is None:
            cut = self.cuts[start] = [m.start() for m in _CLAUSE_CUT.finditer(self.body, start, end)]
        first = cut[0] if cut else end
        here = max((c for c in cut if c < pos - 1), default=start)
        here = max((c for c in cut if c < here), default=start)  # its clause and the one before
        for s, e, name in self._mentions(start, end):
            if s <= pos and (s < first or s >= here) and not _REGION_OBJECT.search(self.body, max(0, s - 3), s) \
                    and not _PLACES_VISITED.match(self.body, e):
                best = name
        if best is None or best in self.chain:
            return self.default
        return best

"""What goes into the search index and what comes out of it (plain dataclasses), and the facet values."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kb.search.analyzer import normalise

if TYPE_CHECKING:
    from kb.search.forms import PassageForm

FACETS = ("region", "doc", "year", "kind", "entity_type", "issuer", "doc_number")
FILTER_KEYS = FACETS
REGION_SEP = " › "  # a region facet value is its chain from the top: "贵州省 › 贵阳市 › 观山湖区"
UNDATED = "未标日期"  # the year facet's value (and a year: filter value) for documents without a date
# how a hit matched; shown as 原文 / 同义 / 相关词 / 同段分词 / 同文档
MATCH_KINDS = ("exact", "synonym", "related", "words", "document")


@dataclass(frozen=True)
class IndexedPassage:
    passage_id: int
    doc_id: str
    text: str  # passage text from the body; normalised here
    doc_name: str
    title: str
    section: str
    region_keys: tuple[str, ...]
    year: int | None
    kind: str
    entity_types: tuple[str, ...]
    region_chain: tuple[str, ...] = ()  # the document's regions from the top ("贵州省", "贵阳市"); facet hierarchy
    issuer: str | None = None  # 发文机关
    doc_number: str | None = None  # 文号
    form: PassageForm | None = None  # computed by the import worker (kb.search.forms); else by the index


@dataclass(frozen=True)
class RawHit:
    passage_id: int
    doc_id: str
    score: float
    match: str = "exact"  # one of MATCH_KINDS
    doc_total: int = 0  # matching passages in this hit's document (grouped results)


@dataclass(frozen=True)
class IndexResult:
    hits: list[RawHit]
    total: int
    facets: dict[str, list[tuple[str, int]]]
    terms: tuple[str, ...]  # the query's positive terms, to highlight
    relaxed: str = ""  # "" (exact), or the loosest MATCH_KINDS level the hits needed
    relaxed_from: tuple[str, ...] = ()  # the query terms not found as typed
    expansions: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)  # term -> ((variant, relation), …)
    suggestions: tuple[tuple[str, str, int], ...] = ()  # (kind, query or value, hits) for an empty result
    by_document: bool = False
    more: list[RawHit] = field(default_factory=list)  # thesaurus matches beyond the exact hits (exact hits found)
    more_total: int = 0
    variant_terms: tuple[str, ...] = ()  # expansions to highlight in relaxed hits and in ``more``


def facet_regions(keys: Iterable[str]) -> list[str]:
    """Region keys worth a facet row: drop short forms of a longer key (江西 of 江西省)."""
    keys = [k for k in dict.fromkeys(keys) if k]
    return [k for k in keys if not any(o != k and o.startswith(k) for o in keys)]


def region_paths(chain: Iterable[str]) -> list[str]:
    """One facet value per level of the chain: "A", "A › B", "A › B › C"."""
    out: list[str] = []
    names = [c.strip() for c in chain if c and c.strip()]
    for i in range(len(names)):
        out.append(REGION_SEP.join(names[: i + 1]))
    return out


def filter_keys(values: Iterable[str]) -> tuple[str, ...]:
    """Filter forms of keyword values (normalised, no commas), as the filters compare them."""
    out = (normalise(v).replace(",", " ").strip() for v in dict.fromkeys(values) if v.strip())
    return tuple(k for k in out if k)


_DOCNO_NOISE = re.compile(r"[\s〔〕\[\]［］()（）【】{}<>《》]")


def docno_key(value: str) -> str:
    """A document number without brackets or spaces: 黔府发〔2023〕5号 and 黔府发[2023]5号 compare equal."""
    return _DOCNO_NOISE.sub("", normalise(value))

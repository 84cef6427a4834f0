"""Plain frozen dataclasses that cross the kb/ui boundary.

Every offset (``start``/``end``) is a code-point offset into a document's
cleaned body (``DocumentText.body``), the text the reader displays.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kb.errors import NotFoundError

ENTITY_TYPES = ("region", "park", "enterprise", "platform")
DOC_KINDS = ("plan", "news", "proposal_reply", "research", "notice", "other")
MEASURE_KINDS = ("subsidy", "award", "target", "fund", "rent_support", "tax", "achievement")
THEMES = (
    "infrastructure",
    "industry_clusters",
    "investment_attraction",
    "talent",
    "funding_finance",
    "rd_innovation",
    "digital_transformation",
    "governance",
    "data_elements",
    "platform_building",
)
POLICY_TOOLS = ("supply", "environment", "demand")
NOTE_TARGETS = ("quote", "entity", "measure", "cell")  # what a note is about
MIN_REGIONS, MAX_REGIONS = 2, 5  # columns of a comparison


# filter names the query language accepts (English and Chinese), by the field they filter on
FILTER_FIELDS = {
    "region": "region", "地区": "region", "区域": "region",
    "doc": "doc", "文档": "doc", "文件": "doc",
    "year": "year", "年份": "year", "年": "year",
    "kind": "kind", "类型": "kind", "类别": "kind",
    "type": "entity_type", "entity_type": "entity_type", "实体": "entity_type",
    "issuer": "issuer", "发文机关": "issuer", "机关": "issuer", "发文单位": "issuer",
    "docno": "doc_number", "doc_number": "doc_number", "文号": "doc_number", "发文字号": "doc_number",
}

@dataclass(frozen=True)
class Document:
    """One imported document's metadata (its identity is its content hash)."""

    id: str
    name: str  # source file name, e.g. "001_a1aa.txt"
    path: str  # where it was imported from (informative only)
    title: str
    date: str | None  # ISO "YYYY-MM-DD" (or "YYYY-MM"/"YYYY") as published
    source: str | None  # publisher / 来源
    region: str | None  # the most specific region it is about, e.g. "章贡区"
    region_chain: tuple[str, ...]  # from the top, e.g. ("江西省", "赣州市", "章贡区")
    kind: str  # one of DOC_KINDS
    issuer: str | None = None  # 发文机关
    doc_number: str | None = None  # 文号, e.g. "赣发〔2022〕4号"
    chars: int = 0
    passages: int = 0
    imported_at: str = ""
    url: str | None = None  # where it was published (原文链接, canonical link); None for a local file
    accessed: str | None = None  # ISO day it was read: the page's own, else the import day


@dataclass(frozen=True)
class Passage:
    id: int
    doc_id: str
    ordinal: int
    start: int
    end: int
    section: str  # "四、政策激励 > (一)产业发展政策 > 2.支持核心产业做优做强"
    text: str


@dataclass(frozen=True)
class RemovedSpan:
    """A span of the raw text that cleaning removed, and why."""

    start: int
    end: int
    reason: str  # "navigation", "related", "share", "footer", "counter", "attachment", ...


@dataclass(frozen=True)
class DocumentText:
    doc: Document
    body: str
    raw: str
    removed: tuple[RemovedSpan, ...]
    passages: tuple[Passage, ...]
    headings: tuple[tuple[int, int, str], ...] = ()  # (start, level, heading text) for the outline


@dataclass(frozen=True)
class SearchHit:
    passage_id: int
    doc_id: str
    doc: str  # source file name
    title: str
    region: str | None
    section: str
    score: float
    start: int  # passage start in the body
    end: int
    text: str  # passage text
    snippet: str  # plain text, cut around the first hit
    snippet_highlights: tuple[tuple[int, int], ...]  # offsets into snippet
    highlights: tuple[tuple[int, int], ...]  # offsets into the body
    match: str = "exact"  # exact | synonym | related | words | document (原文 / 同义 / 相关词 / 同段分词 / 同文档)
    matched_terms: tuple[str, ...] = ()  # the query terms or expansions found in this passage
    doc_total: int = 0  # matching passages in this document (grouped results)


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: tuple[SearchHit, ...]
    total: int
    facets: dict[str, tuple[tuple[str, int], ...]] = field(default_factory=dict)
    terms: tuple[str, ...] = ()  # positive terms, for highlighting elsewhere
    relaxed: str = ""  # "" found as typed; else the loosest match kind the hits needed (synonym/related/words)
    relaxed_from: tuple[str, ...] = ()  # the query terms not found as typed
    notice: str = ""  # the header line for a relaxed or empty result, e.g. 未找到“资金补贴”原文，以下为同义/相关词结果
    expansions: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)  # term -> ((variant, relation), …)
    suggestions: tuple[tuple[str, str, int], ...] = ()  # empty result: (drop_filter|thesaurus|similar, value, hits)
    by_document: bool = False  # hits come grouped: each document's best passages together, best document first
    more_hits: tuple[SearchHit, ...] = ()  # exact hits found but fewer than the page: thesaurus matches to show after them
    more_total: int = 0


@dataclass(frozen=True)
class Mention:
    entity_id: int
    entity_type: str
    entity_name: str
    doc_id: str
    doc: str
    start: int
    end: int
    text: str
    sentence: str = ""
    sentence_start: int = 0


@dataclass(frozen=True)
class Entity:
    id: int
    type: str  # one of ENTITY_TYPES
    name: str
    aliases: tuple[str, ...]
    region: str | None
    region_chain: tuple[str, ...]
    located_in: tuple[str, ...]  # names of parks/regions it lies in
    docs: tuple[str, ...]  # source file names
    mention_count: int = 0


@dataclass(frozen=True)
class Link:
    src_id: int
    src_name: str
    src_type: str
    dst_id: int
    dst_name: str
    dst_type: str
    kind: str  # "located_in", "part_of", "built_by", "co_mention"
    weight: float
    doc: str | None = None
    start: int | None = None
    end: int | None = None
    sentence: str = ""

    def relation(self, focus_id: int) -> str:
        """The relation read from entity ``focus_id``'s side: ``located_in`` seen from the park it lies
        in is ``contains`` (keys of ``kb.relations.WORDS``)."""
        return self.kind if self.src_id == focus_id else RELATION_INVERSE.get(self.kind, self.kind)

    def unlink_value(self, focus_id: int) -> str:
        """The ``unlink`` correction's value that removes this link from entity ``focus_id``'s page."""
        if self.src_id == focus_id:
            return link_value(self.kind, self.dst_type, self.dst_name)
        return link_value(self.kind, self.src_type, self.src_name)


# a link kind read from its target's side
RELATION_INVERSE = {"built_by": "builds", "located_in": "contains", "part_of": "has_part", "co_mention": "co_mention"}


def link_value(kind: str, target_type: str, target_name: str) -> str:
    """The value of an ``unlink`` correction: ``"<kind>:<target type>:<target name>"``.

    Kind and type are ASCII words without a colon, so the name (which may hold one) is the rest.
    """
    return f"{kind}:{target_type}:{target_name}"


@dataclass(frozen=True)
class Measure:
    id: int
    doc_id: str
    doc: str
    region: str | None
    kind: str  # one of MEASURE_KINDS
    amount: float | None
    unit: str | None  # "万元", "亿元", "%", "个", "家", "人", ...
    cap: float | None  # 最高不超过 N (same unit as amount unless cap_unit says)
    rate: float | None  # 按投资额的10% -> 10.0 (percent)
    year: int | None
    deadline: str | None
    condition: str | None
    theme: str | None  # one of THEMES
    policy_tool: str | None  # one of POLICY_TOOLS
    responsible: tuple[str, ...]
    text: str  # the sentence
    start: int
    end: int
    entities: tuple[str, ...] = ()
    amount_max: float | None = None  # upper end of a range: 3-5家 -> amount 3, amount_max 5
    qualifier: str | None = None  # ≥ > ≈ ≤ < (kb.extract.figures: 以上/超过/约/以内...)
    cap_unit: str | None = None  # the cap's own unit when it differs from the amount's
    amount_text: str | None = None  # the figure as written: "3-5家", "500万元以上"
    tool_basis: str | None = None  # the words that decided policy_tool ("应用场景、示范应用")

    @property
    def figure(self) -> str:
        """The figure as people read it: the words as written ("3-5家") when kept, else formatted
        ("≥ 500 万元"); a cap the words leave out follows ("0.1元，最高 500 万元"). One rule for every view."""
        from kb.extract.figures import figure_of, format_number  # pure; late so kb.models imports nothing heavy

        written = self.amount_text
        if not written:
            return figure_of(self)
        if self.cap is not None and format_number(self.cap) not in written:
            written += f"，最高 {format_number(self.cap)} {self.cap_unit or self.unit or ''}".rstrip()
        return written


@dataclass(frozen=True)
class DocumentMentions:
    """One document that mentions an entity: what it is, how often it names it, where first.

    Why: a national firm a text only mentions has no place; the documents that mention it (and the
    regions those are about) are what the user can know of it, shown as mentions, not as placement.
    """

    doc_id: str
    doc: str  # file name
    title: str
    date: str | None
    region_chain: tuple[str, ...]  # the document's, not the entity's
    count: int
    first: Mention  # the reader opens here


@dataclass(frozen=True)
class EntityPage:
    entity: Entity
    links: tuple[Link, ...]
    mentions: tuple[Mention, ...]
    measures: tuple[Measure, ...]
    documents: tuple[DocumentMentions, ...] = ()  # the documents that mention it, most mentions first
    # the regions those documents are about (the most specific region of each, a zone's city), most mentions first
    mention_regions: tuple[str, ...] = ()

    @property
    def placed(self) -> bool:
        """Whether anything places it (a region, or a park it lies in); else it is only mentioned."""
        return bool(self.entity.region_chain or self.entity.region or self.entity.located_in)


@dataclass(frozen=True)
class ImportFailure:
    path: str
    reason: str


@dataclass(frozen=True)
class ImportReport:
    added: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    duplicates: tuple[tuple[str, str], ...] = ()  # (path, name of the doc it duplicates)
    failed: tuple[ImportFailure, ...] = ()
    cancelled: bool = False
    seconds: float = 0.0
    chars: int = 0
    extract_seconds: float = 0.0  # CPU spent finding entities, links and measures (in whichever process)
    warnings: tuple[str, ...] = ()  # e.g. an extractor that failed on one document (the document is kept)
    changes: Changes = field(default_factory=lambda: Changes())

    @property
    def ok(self) -> bool:
        return not self.failed

    @property
    def extract_chars_per_s(self) -> float:
        return self.chars / self.extract_seconds if self.extract_seconds else 0.0


@dataclass(frozen=True)
class Stats:
    documents: int
    passages: int
    chars: int
    entities: dict[str, int]
    measures: int
    notes: int
    kb_dir: str


@dataclass(frozen=True)
class Note:
    """A user's note: a quote (or an entity, measure or comparison cell) with comment and tags."""

    id: int
    doc_id: str | None
    doc_name: str | None
    doc_title: str | None
    quote: str
    prefix: str
    suffix: str
    start: int | None
    end: int | None
    comment: str
    tags: tuple[str, ...]
    target_kind: str  # one of NOTE_TARGETS
    target_ref: str | None
    orphaned: bool
    section: str
    region: str | None
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class Theme:
    """A comparison row: a search query plus the measure themes (or ``kind:<kind>``) that belong to it."""

    key: str
    label: str
    query: str
    measure_themes: tuple[str, ...]  # THEMES values, or "kind:<measure kind>"
    label_en: str = ""
    position: int = 0


@dataclass(frozen=True)
class CompareColumn:
    region: str
    docs: tuple[Document, ...]  # the documents that feed this column
    excludes: tuple[str, ...] = ()  # contained regions shown in their own columns, left out of this one


@dataclass(frozen=True)
class CompareCell:
    region: str
    theme_key: str
    count: int  # passages matching the theme in the region's documents
    hits: tuple[SearchHit, ...]  # the top passages
    measures: tuple[Measure, ...]
    override: str | None = None  # the user's own text for this cell
    override_note_id: int | None = None
    evidence: tuple[Evidence, ...] = ()  # the sentences that speak of the theme, strongest first

    @property
    def empty(self) -> bool:
        return not self.hits and not self.measures and not self.override


@dataclass(frozen=True)
class CompareRow:
    theme: Theme
    cells: tuple[CompareCell, ...]  # one per column, in column order


@dataclass(frozen=True)
class Comparison:
    regions: tuple[str, ...]
    columns: tuple[CompareColumn, ...]
    rows: tuple[CompareRow, ...]
    indicators: tuple[IndicatorRow, ...] = ()  # figures side by side, indicator × region
    tool_measures: dict[str, dict[str, tuple[Measure, ...]]] = field(default_factory=dict)  # region -> tool -> measures

    def cell(self, region: str, theme_key: str) -> CompareCell:
        col = self.regions.index(region)
        for row in self.rows:
            if row.theme.key == theme_key:
                return row.cells[col]
        raise NotFoundError(f"no theme {theme_key!r} in this comparison")


@dataclass(frozen=True)
class NumberRow:
    """One target or incentive amount of a region, for the sortable numbers table."""

    region: str
    kind: str
    what: str  # the clause that holds the number
    amount: float | None
    unit: str | None
    year: int | None
    theme: str | None
    policy_tool: str | None
    doc_id: str
    doc: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class CheckReport:
    ok: bool
    problems: tuple[str, ...] = ()
    repaired: tuple[str, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Changes:
    """What a write changed, so that each view refreshes only what it shows (like Anki's OpChanges).

    ``note``, ``theme`` and ``entity_id`` carry what the write produced (the new note, the edited
    theme, the entity a correction left), so a caller need not query again to find it.
    """

    documents_added: tuple[str, ...] = ()
    documents_replaced: tuple[str, ...] = ()  # ids of the documents that were replaced
    documents_removed: tuple[str, ...] = ()
    entities: tuple[int, ...] = ()  # ids created, changed or deleted
    entities_all: bool = False  # an import: too many to name, every entity list is stale
    notes: tuple[int, ...] = ()  # added, edited or deleted
    notes_reanchored: tuple[int, ...] = ()
    notes_orphaned: tuple[int, ...] = ()
    themes: bool = False
    note: Note | None = None
    theme: Theme | None = None
    entity_id: int | None = None
    thesaurus: bool = False  # the thesaurus was edited: searches that relaxed may now find more or less

    @property
    def documents(self) -> bool:
        return bool(self.documents_added or self.documents_replaced or self.documents_removed)

    @property
    def any_entities(self) -> bool:
        return self.entities_all or bool(self.entities) or self.documents

    @property
    def any_notes(self) -> bool:
        return bool(self.notes or self.notes_reanchored or self.notes_orphaned)

    def __or__(self, other: Changes) -> Changes:
        """Both changes together (the produced objects of ``other`` win)."""
        def join(a: tuple, b: tuple) -> tuple:
            return tuple(dict.fromkeys((*a, *b)))

        return Changes(
            join(self.documents_added, other.documents_added), join(self.documents_replaced, other.documents_replaced),
            join(self.documents_removed, other.documents_removed), join(self.entities, other.entities),
            self.entities_all or other.entities_all, join(self.notes, other.notes),
            join(self.notes_reanchored, other.notes_reanchored), join(self.notes_orphaned, other.notes_orphaned),
            self.themes or other.themes, other.note or self.note, other.theme or self.theme,
            other.entity_id if other.entity_id is not None else self.entity_id, self.thesaurus or other.thesaurus,
        )


@dataclass(frozen=True)
class DocumentSummary:
    """One row of the library view: a document and how much was found in it."""

    doc: Document
    entities: int = 0  # distinct entities mentioned
    measures: int = 0


@dataclass(frozen=True)
class Evidence:
    """One sentence that speaks of a comparison theme, with the measures it holds (their figures)."""

    doc_id: str
    doc: str  # source file name
    title: str
    section: str
    start: int  # the sentence in the body
    end: int
    text: str
    measures: tuple[Measure, ...] = ()
    score: float = 0.0


@dataclass(frozen=True)
class IndicatorFact:
    """One figure of an indicator in one region: amounts (near-duplicates merged), year, sentence."""

    kind: str  # a MEASURE_KINDS value
    amounts: tuple[float, ...]
    unit: str | None
    year: int | None
    text: str  # the sentence
    doc_id: str
    doc: str
    start: int
    end: int
    sources: int = 1  # how many near-identical sentences were merged into this one


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator (5G基站, 数据中心机架, 企业, 资金, ...) across the comparison's regions."""

    key: str
    label: str
    cells: tuple[tuple[IndicatorFact, ...], ...]  # one tuple per column, in column order


@dataclass(frozen=True)
class ThesaurusGroup:
    """Terms a policy text uses for one idea. ``origin``: shipped, user (added) or edited (a shipped one changed)."""

    id: str
    terms: tuple[str, ...]
    relation: str = "synonym"  # synonym: interchangeable; related: broader, narrower or associated
    source: str = ""  # a key of ``Thesaurus.sources`` or free text
    note: str = ""
    enabled: bool = True
    origin: str = "shipped"


@dataclass(frozen=True)
class ReprocessReport:
    """What ``kb reprocess`` did: each stored original read again with today's readers and extractors.

    ``changed``: the cleaned body differs; ``unchanged``: same body (titles, regions, entities and
    measures were still refreshed). ``skipped`` pairs a document with why it could not be read again
    (no original kept: imported before originals were). Names are file names.
    """

    changed: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()  # (name, reason)
    failed: tuple[ImportFailure, ...] = ()
    cancelled: bool = False
    seconds: float = 0.0
    warnings: tuple[str, ...] = ()
    changes: Changes = field(default_factory=lambda: Changes())

    @property
    def ok(self) -> bool:
        return not self.failed

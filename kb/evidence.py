"""Which sentences speak of a comparison theme: the rules behind a cell's evidence.

Why sentences and not passages: a paragraph of a plan touches five themes, and a researcher reads
a cell as "what this region does about X". A sentence supports a theme only when it speaks of it:

* it holds one of the theme's query terms, and the term is not part of a longer term of any
  theme ("数据" inside "数据中心" speaks of infrastructure, not of data as a production factor;
  inside "大数据" it counts once, as "大数据");
* short, everyday terms (招引, 统筹, 基地) count for less than the theme's own name and longer
  terms, and a term that is one item of an enumeration ("互联网、大数据、人工智能等领域") counts
  for half, so a passing mention is not enough — a measure of the theme in the sentence, or of
  any kind, tips the balance;
* a quantified-target theme (one whose measures are ``kind:target``) needs a number with a unit,
  a year or deadline, and forward-looking wording, whatever else it says: "远景目标纲要作出的
  决策部署" holds no target, and "截至上半年实现产值X亿元，同比增长Y%" reports a result;
* a heading ("四、加大数据要素市场培育力度") names a topic but says nothing about it, and a term
  inside a book title (《关于加快数据要素市场建设的意见》) names a document, not what the
  sentence does;
* the conventional framing of a policy document — its purpose ("为深入贯彻……制定本方案"), its
  guiding ideology, the notice that issues it — counts for half: it names themes without saying
  what the region does about them.

Sentences and terms are compared in the search form (Simplified, half-width, lower-case), so a
plan published in Traditional characters is read like any other.

Each sentence then serves the one theme it speaks of most, and a second theme only when it
clearly speaks of that one too. All of this is general wording of Chinese policy documents.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from kb.ingest.normalise import normalise
from kb.models import Measure

SENTENCE_ENDS = "。！？!?；;\n"
STRONG, WEAK = 1.0, 0.6
SUPPORTED = 1.0  # the least score of a sentence that supports a theme
CLEAR = 1.6  # a sentence serves a second theme only with this much support for it
THEME_MEASURE, OTHER_MEASURE = 1.0, 0.4
MIN_SENTENCE = 8  # characters; shorter pieces are headings or list stubs

_UNIT = (r"(?:万亿元|亿元|万元|元|万个|个|万家|家|万架|架|万台|台|座|项|万人次|人次|万人|人|名|户|所|条|套|倍|"
         r"千瓦|兆瓦|万千瓦|公里|千米|平方米|平方公里|亩|吨|GB|TB|PB|EB|Gbps|G|P|PFLOPS|EFLOPS|%|％|个百分点)")
_NUMBER = r"(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[一二两三四五六七八九十百千万亿]+)"
QUANTITY = re.compile(_NUMBER + r"\s*(?:余|多|以上|左右)?\s*" + _UNIT, re.I)
DEADLINE = re.compile(r"(?:19|20)\d{2}\s*年|年底前|年内|今年|明年|到期末|届时|十[一二三四五六七八九]五(?:末|期间|时期)|"
                      r"(?:三|五|十)年内")
FORWARD = re.compile(r"力争|争取|确保|预计|计划|目标|到\s*(?:19|20)\d{2}|至\s*(?:19|20)\d{2}|将(?:达到|建成|突破|超过|实现)|"
                     r"年底前|年内|以上|翻番")
BACKWARD = re.compile(r"截至|截止|已经|已(?:建成|实现|完成|达到|累计|引进|落户|入驻)|累计|同比|比上年|较上年|上半年|去年")
LIST_ITEM = 0.5  # a term that is one item of an enumeration
REPEAT, REPEAT_CAP = 0.1, 0.5  # each further mention of the theme's terms: it speaks of it more
FRAMING_WEIGHT = 0.5  # a document's purpose, guiding ideology or issuing notice
FRAMING = re.compile(r"制定本(?:规划|计划|方案|意见|措施|办法|细则)|(?:现|特)提出(?:如下|以下)|"
                     r"^(?:坚持)?以习近平新时代中国特色社会主义思想为指导|印发给你们|现将《|印发《|"
                     r"^为(?:深入)?贯彻(?:落实)?")
HEADING_CHARS = 30  # a piece this short without a sentence mark is a heading
SHORT_STATEMENT = 16  # a statement this short says too little to stand for a theme
_ENUMERATOR = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、．])\s*")


@dataclass(frozen=True)
class ThemeRule:
    """What a theme's sentences must say: its terms with their weights, and whether it counts targets."""

    key: str
    terms: tuple[tuple[str, float], ...]
    measure_themes: tuple[str, ...]
    targets: bool = False  # a quantified-target theme


@dataclass(frozen=True)
class Sentence:
    doc_id: str
    start: int
    end: int
    text: str


def query_terms(query: str) -> tuple[str, ...]:
    """The positive words and phrases of a theme query (no OR/NOT, no excluded words, no filters)."""
    terms: list[str] = []
    negate = False
    for m in re.finditer(r'"([^"]+)"|(\S+)', query.replace("(", " ").replace(")", " ")):
        word = (m.group(1) or m.group(2) or "").strip()
        if word in ("OR", "AND", "|"):
            continue
        if word == "NOT":
            negate = True
            continue
        if negate or word.startswith("-") or (":" in word and not m.group(1)):
            negate = False
            continue
        if word:
            terms.append(word)
    return tuple(dict.fromkeys(terms))


def theme_rule(key: str, label: str, query: str, measure_themes: Sequence[str]) -> ThemeRule:
    """Weights: the theme's own name and long or Latin terms are strong; short everyday terms weak."""
    out = []
    label = normalise(label)
    for t in dict.fromkeys(normalise(t) for t in query_terms(query)):
        strong = len(t) >= 3 or bool(re.search(r"[A-Za-z0-9]", t)) or t in label or label in t
        out.append((t, STRONG if strong else WEAK))
    return ThemeRule(key, tuple(out), tuple(measure_themes), "kind:target" in measure_themes)


def split_sentences(doc_id: str, text: str, base: int = 0) -> list[Sentence]:
    """Sentences of ``text`` (a passage starting at ``base`` in its body), trimmed, end mark kept."""
    out = []
    start = 0
    for i, ch in enumerate(text):
        if ch in SENTENCE_ENDS or i == len(text) - 1:
            end = i + 1 if ch != "\n" else i
            s = start
            while s < end and text[s] in " \t\u3000\n":
                s += 1
            if end - s >= MIN_SENTENCE:
                out.append(Sentence(doc_id, base + s, base + end, text[s:end]))
            start = i + 1
    return out


@lru_cache(maxsize=64)
def _vocab_pattern(vocab: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(t) for t in sorted(set(vocab), key=len, reverse=True)))


@lru_cache(maxsize=8192)
def occurrences(sentence: str, vocab: tuple[str, ...]) -> tuple[tuple[int, int, str], ...]:
    """Every term of every theme in the sentence, left to right, the longest term at each place
    (so a term inside a longer one is not seen on its own)."""
    if not vocab:
        return ()
    return tuple((m.start(), m.end(), m.group()) for m in _vocab_pattern(vocab).finditer(sentence))


def in_enumeration(sentence: str, start: int, end: int) -> bool:
    """The span is one item of a list: an enumeration comma right before or after it."""
    return (start > 0 and sentence[start - 1] == "、") or (end < len(sentence) and sentence[end] == "、")


def quoted_titles(sentence: str) -> list[tuple[int, int]]:
    """Spans of book titles (《...》): the names of documents the sentence cites."""
    return [(m.start(), m.end()) for m in re.finditer(r"《[^《》]{1,80}》", sentence)]


def term_hits(sentence: str, rule: ThemeRule, vocab: Sequence[str]) -> dict[str, float]:
    """The theme's terms the sentence really uses, with their weights (the best occurrence of each)."""
    return _hits(sentence, rule, vocab)[0]


def _hits(sentence: str, rule: ThemeRule, vocab: Sequence[str]) -> tuple[dict[str, float], int]:
    """Term weights as ``term_hits``, and how many times the theme's terms occur in all."""
    weights = dict(rule.terms)
    titles = quoted_titles(sentence)
    found: dict[str, float] = {}
    mentions = 0
    for s, e, term in occurrences(sentence, tuple(dict.fromkeys((*vocab, *weights)))):
        if term in weights and not any(a <= s and e <= b for a, b in titles):
            w = weights[term] * (LIST_ITEM if in_enumeration(sentence, s, e) else 1.0)
            found[term] = max(found.get(term, 0.0), w)
            mentions += 1
    return found, mentions


def is_quantified_target(sentence: str, measures: Sequence[Measure] = ()) -> bool:
    """A number with a unit, a year or deadline, and wording that looks ahead rather than back."""
    if not QUANTITY.search(_strip_years(sentence)):
        return False
    targets = [m for m in measures if m.kind == "target"]
    if not (DEADLINE.search(sentence) or any(m.year or m.deadline for m in targets)):
        return False
    if targets:
        return True
    if measures and all(m.kind == "achievement" for m in measures):
        return False
    return bool(FORWARD.search(sentence)) and not BACKWARD.search(sentence)


def is_heading(sentence: str, has_measure: bool = False) -> bool:
    """A heading names a topic and says nothing about it: a short piece without a sentence mark, a
    numbered line of a few words ("（一）推动网络基础设施利用。"), or any very short statement
    without a figure ("通信基础设施持续完善。")."""
    text = sentence.strip()
    if len(text) < HEADING_CHARS and not re.search(r"[。！？!?；;，,]", text):
        return True
    if has_measure:
        return False
    body = display_text(text)
    return len(body) < SHORT_STATEMENT or (body != " ".join(text.split()) and len(body) < HEADING_CHARS
                                            and not re.search(r"[，,；;]", body))


def _strip_years(sentence: str) -> str:
    """"2025年" is a date, not a quantity: remove years before looking for numbers with units."""
    return re.sub(r"(?:19|20)\d{2}\s*年(?:底|末)?", " ", sentence)


def measure_matches(m: Measure, measure_themes: Sequence[str]) -> bool:
    return any(m.theme == t or (t.startswith("kind:") and m.kind == t[5:]) for t in measure_themes)


def support(sentence: str, rule: ThemeRule, measures: Sequence[Measure], other_terms: Sequence[str]) -> float:
    """How clearly ``sentence`` speaks of the theme (0 when it does not).

    ``other_terms`` is every theme's vocabulary in search form (``ThemeRule.terms`` are).
    """
    sentence = normalise(sentence)
    if is_heading(sentence, bool(measures)):
        return 0.0
    if rule.targets:
        return CLEAR if is_quantified_target(sentence, measures) else 0.0
    hits, mentions = _hits(sentence, rule, other_terms)
    if not hits:
        return 0.0
    strong = sum(w for w in hits.values() if w >= STRONG)
    weak = sorted((w for w in hits.values() if w < STRONG), reverse=True)
    score = strong + sum(w if i == 0 else w / 2 for i, w in enumerate(weak))  # everyday words add up slowly
    score += min(REPEAT_CAP, REPEAT * (mentions - len(hits)))
    if FRAMING.search(sentence.strip()):
        score *= FRAMING_WEIGHT
    if any(measure_matches(m, rule.measure_themes) for m in measures):
        score += THEME_MEASURE
    elif measures:
        score += OTHER_MEASURE
    return score


def display_text(sentence: str) -> str:
    """A sentence as a summary shows it: no list enumerator in front, spaces collapsed."""
    return " ".join(_ENUMERATOR.sub("", sentence).split())


def similar(a: str, b: str, threshold: float = 0.7) -> bool:
    """Near-duplicates: one holds the other, or they share most of their character pairs."""
    a, b = display_text(a), display_text(b)
    if a in b or b in a:
        return True
    pa, pb = {a[i:i + 2] for i in range(len(a) - 1)}, {b[i:i + 2] for i in range(len(b) - 1)}
    return bool(pa and pb) and len(pa & pb) / len(pa | pb) >= threshold


# a region's evidence, theme by theme ------------------------------------------------------------

@dataclass
class Candidate:
    """A sentence some theme's search (or measure) brought up, scored for every theme."""

    sentence: Sentence
    doc: str
    title: str
    section: str
    measures: tuple[Measure, ...]
    scores: dict[str, float]
    passage: object = None  # the SearchHit it came from, when a search found it


def assign(candidates: Iterable[Candidate], order: Sequence[str],
           own: Collection[str] = ()) -> dict[str, list[Candidate]]:
    """Each sentence to the theme it speaks of most, and to another only when it clearly speaks of it too.

    Ties go to the theme listed first, so the matrix does not change from run to run. A theme the user
    wrote or rewrote (``own``) is a question they asked on purpose, usually narrower than the shipped
    theme that shares its words ("数据交易" inside "数据要素"): it gets every sentence that supports it,
    without taking that sentence from the theme that speaks of it most.
    """
    out: dict[str, list[Candidate]] = {k: [] for k in order}
    rank = {k: i for i, k in enumerate(order)}
    for c in candidates:
        supported = {k: s for k, s in c.scores.items() if s >= SUPPORTED and k in rank}
        if not supported:
            continue
        best = max(supported.items(), key=lambda kv: (kv[1], -rank[kv[0]]))[0]
        for key, score in supported.items():
            if key == best or score >= CLEAR or key in own:
                out[key].append(c)
    return out


MAX_EVIDENCE = 40  # sentences kept per cell: the strongest, for the evidence panel and exports


def strongest(cands: Sequence[Candidate], key: str, limit: int = MAX_EVIDENCE) -> list[Candidate]:
    """Strongest first (more support, then figures, then reading order), near-duplicates dropped."""
    ranked = sorted(cands, key=lambda c: (-c.scores[key], -len(c.measures), c.doc, c.sentence.start))
    kept: list[Candidate] = []
    pairs: list[set[str]] = []
    for c in ranked:
        text = display_text(c.sentence.text)
        mine = {text[i:i + 2] for i in range(len(text) - 1)}
        if any(_near(mine, p) for p in pairs) or any(text in display_text(k.sentence.text) for k in kept):
            continue
        kept.append(c)
        pairs.append(mine)
        if len(kept) >= limit:
            break
    return kept


def _near(a: set[str], b: set[str], threshold: float = 0.7) -> bool:
    return bool(a and b) and len(a & b) / len(a | b) >= threshold


class MeasureIndex:
    """A column's measures by document, to find those inside a sentence quickly."""

    def __init__(self, measures: Sequence[Measure]) -> None:
        self.by_doc: dict[str, list[Measure]] = {}
        for m in measures:
            self.by_doc.setdefault(m.doc_id, []).append(m)

    def within(self, sentence: Sentence) -> tuple[Measure, ...]:
        """The measures whose words lie in the sentence."""
        return tuple(m for m in self.by_doc.get(sentence.doc_id, ()) if sentence.start <= m.start < sentence.end)

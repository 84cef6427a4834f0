"""The search box language, parsed to a small AST (evaluated by ``kb.search.engine``).

Syntax: words are ANDed; ``OR``/``|``; ``NOT x``/``-x``; ``"quoted phrase"``
(also “full-width” and 「corner」 quotes); parentheses; filters ``region:``
``doc:`` ``year:`` (``year:未标日期`` for undated documents) ``kind:`` ``type:``
``issuer:``/``发文机关:`` ``docno:``/``文号:``. Terms are matched in squeezed form
(``kb.search.textform``): layout spaces inside Chinese text never decide a match. An unquoted term such as 工业互联网 is
one term matched verbatim (never 工业 OR 互联网). Whoosh's QueryParser is not
used: it splits CJK terms into OR-ed words and has its own error behaviour.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from kb.errors import QueryError
from kb.models import FILTER_FIELDS
from kb.search.analyzer import is_punct, normalise
from kb.search.records import REGION_SEP, UNDATED, docno_key
from kb.search.textform import squeeze

log = logging.getLogger(__name__)

MAX_QUERY_CHARS = 500
MAX_TERMS = 40

QUOTES = {'"': '"', "“": "”", "”": "”", "「": "」", "『": "』", "＂": "＂"}
_OPEN_PAREN = "(（"
_CLOSE_PAREN = ")）"
_SPECIAL = set(_OPEN_PAREN + _CLOSE_PAREN + "|｜") | set(QUOTES)

UNDATED_VALUES = {UNDATED, "未标", "无日期", "none", "undated", "无"}
KIND_ALIASES = {
    "方案": "plan", "规划": "plan", "实施方案": "plan", "新闻": "news", "报道": "news",
    "答复": "proposal_reply", "提案答复": "proposal_reply", "研究": "research",
    "通知": "notice", "其他": "other",
}
TYPE_ALIASES = {"地区": "region", "园区": "park", "企业": "enterprise", "平台": "platform"}


@dataclass(frozen=True)
class Term:
    text: str  # normalised
    quoted: bool = False


@dataclass(frozen=True)
class Filter:
    field: str  # region | doc | year | kind | entity_type | issuer | doc_number
    value: str  # year "none": undated; region "a›b": every part in the document's region keys


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class SameDoc:
    """Every child matched somewhere in the same document (not typed: made by relaxation)."""

    children: tuple[Node, ...]


Node = Term | Filter | Not | And | Or | SameDoc


def _err(zh: str, en: str) -> QueryError:
    return QueryError(f"{zh} / {en}")


# ---------------------------------------------------------------- lexer

@dataclass(frozen=True)
class _Tok:
    kind: str  # WORD PHRASE LP RP OR AND NOT MINUS
    text: str = ""


def _lex(q: str) -> list[_Tok]:
    toks: list[_Tok] = []
    i, n = 0, len(q)
    while i < n:
        c = q[i]
        if c.isspace():
            i += 1
        elif c in _OPEN_PAREN:
            toks.append(_Tok("LP"))
            i += 1
        elif c in _CLOSE_PAREN:
            toks.append(_Tok("RP"))
            i += 1
        elif c in "|｜":
            toks.append(_Tok("OR"))
            i += 1
        elif c in QUOTES:
            close = QUOTES[c]
            j = q.find(close, i + 1)
            if c in "“”" and j < 0:
                j = q.find('"', i + 1)
            if j < 0:
                raise _err("引号不成对", f"unbalanced quote {c!r} in query")
            toks.append(_Tok("PHRASE", q[i + 1 : j]))
            i = j + 1
        elif c in "-－" and i + 1 < n and not q[i + 1].isspace() and q[i + 1] not in _CLOSE_PAREN:
            toks.append(_Tok("MINUS"))
            i += 1
        else:
            j = i
            while j < n and not q[j].isspace() and q[j] not in _SPECIAL:
                j += 1
            word = q[i:j]
            # a filter value may be quoted: doc:"a b.txt"
            if word.endswith((":", "：")) and j < n and q[j] in QUOTES:
                close = QUOTES[q[j]]
                k = q.find(close, j + 1)
                if k < 0:
                    raise _err("引号不成对", f"unbalanced quote {q[j]!r} in query")
                word += q[j + 1 : k]
                j = k + 1
            if word in ("OR", "AND", "NOT", "&&", "||"):
                toks.append(_Tok({"||": "OR", "&&": "AND"}.get(word, word)))
            else:
                toks.append(_Tok("WORD", word))
            i = j
    return toks


# ---------------------------------------------------------------- parser

class _Parser:
    def __init__(self, toks: list[_Tok]) -> None:
        self.toks = toks
        self.i = 0

    def peek(self) -> str | None:
        return self.toks[self.i].kind if self.i < len(self.toks) else None

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def parse(self) -> Node | None:
        node = self.or_expr()
        if self.peek() == "RP":
            raise _err("右括号多余", "unbalanced ')' in query")
        if self.peek() is not None:  # pragma: no cover - or_expr consumes all else
            raise _err("无法理解的查询", "could not parse the query")
        return node

    def or_expr(self) -> Node | None:
        parts = [self.and_expr()]
        while self.peek() == "OR":
            self.take()
            if self.peek() in (None, "RP", "OR"):
                raise _err("OR 两边都需要检索词", "OR needs a term on both sides")
            parts.append(self.and_expr())
        kept = [p for p in parts if p is not None]
        if len(parts) > 1 and len(kept) < len(parts):
            raise _err("OR 两边都需要检索词", "OR needs a term on both sides")
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else Or(tuple(kept))

    def and_expr(self) -> Node | None:
        if self.peek() == "OR":
            raise _err("OR 两边都需要检索词", "OR needs a term on both sides")
        parts: list[Node] = []
        while self.peek() not in (None, "RP", "OR"):
            if self.peek() == "AND":
                self.take()
                if self.peek() in (None, "RP", "OR", "AND") or not parts:
                    raise _err("AND 两边都需要检索词", "AND needs a term on both sides")
                continue
            node = self.unary()
            if node is not None:
                parts.append(node)
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def unary(self) -> Node | None:
        kind = self.peek()
        if kind in ("NOT", "MINUS"):
            self.take()
            if self.peek() in (None, "RP", "OR", "AND"):
                raise _err("NOT 后面需要检索词", "NOT must be followed by a term")
            child = self.unary()
            return Not(child) if child is not None else None
        return self.atom()

    def atom(self) -> Node | None:
        tok = self.take()
        if tok.kind == "LP":
            inner = self.or_expr()
            if self.peek() != "RP":
                raise _err("括号不成对", "unbalanced '(' in query")
            self.take()
            if inner is None:
                raise _err("括号内没有检索词", "empty parentheses in query")
            return inner
        if tok.kind == "RP":
            raise _err("右括号多余", "unbalanced ')' in query")
        if tok.kind == "PHRASE":
            return _term(tok.text, quoted=True)
        return _word(tok.text)


def _term(text: str, *, quoted: bool) -> Term | None:
    t = squeeze(normalise(text).strip())
    if not t or is_punct(t):
        return None
    if len(t) > 100:
        raise _err("检索词过长（最多 100 字）", "a search term is too long (max 100 characters)")
    return Term(t, quoted)


def _word(word: str) -> Node | None:
    for sep in (":", "："):
        if sep in word:
            name, value = word.split(sep, 1)
            field = FILTER_FIELDS.get(name.strip().lower())
            if field is not None:
                return make_filter(field, value)
            break
    return _term(word, quoted=False)


def make_filter(field: str, value: str) -> Filter:
    """A validated filter; ``field`` is a contract key (region, doc, year, kind, entity_type)."""
    v = value.strip()
    if not v:
        raise _err(f"筛选条件 {field}: 缺少取值", f"filter {field}: needs a value")
    if field == "year" and v.lower() in UNDATED_VALUES:
        return Filter("year", "none")
    if field == "year":
        parts = v.replace("..", "-").replace("～", "-").replace("~", "-").split("-")
        if not all(p.strip().isdigit() and len(p.strip()) == 4 for p in parts) or len(parts) > 2:
            raise _err(f"年份无法识别：{v}", f"year must be YYYY or YYYY-YYYY, got {v!r}")
        return Filter("year", "-".join(p.strip() for p in parts))
    if field == "kind":
        v = KIND_ALIASES.get(v, v.lower())
    elif field == "entity_type":
        v = TYPE_ALIASES.get(v, v.lower())
    elif field == "doc_number":
        v = docno_key(v)
    elif field == "region" and REGION_SEP.strip() in v:
        v = "›".join(normalise(part).strip() for part in v.split(REGION_SEP.strip()) if part.strip())
    else:
        v = normalise(v)
    return Filter(field, v)


def _positive(node: Node) -> bool:
    if isinstance(node, (Term, Filter)):
        return True
    if isinstance(node, Not):
        return False
    if isinstance(node, And):
        return any(_positive(c) for c in node.children)
    return all(_positive(c) for c in node.children)


def parse(query: str) -> Node:
    """Parse a search-box string; raises QueryError (Chinese / English) on nonsense."""
    if not isinstance(query, str):
        raise _err("查询必须是文本", "the query must be text")
    if len(query) > MAX_QUERY_CHARS:
        raise _err(f"查询过长（最多 {MAX_QUERY_CHARS} 字）", f"query too long (max {MAX_QUERY_CHARS} characters)")
    toks = _lex(query)
    if sum(1 for t in toks if t.kind in ("WORD", "PHRASE")) > MAX_TERMS:
        raise _err(f"检索词过多（最多 {MAX_TERMS} 个）", f"too many terms (max {MAX_TERMS})")
    node = _Parser(toks).parse()
    if node is None:
        raise _err("请输入检索词", "the query is empty")
    if not _positive(node):
        raise _err("查询只有排除条件，请至少给出一个检索词", "the query only excludes; give at least one term to find")
    return node


def positive_terms(node: Node) -> tuple[str, ...]:
    """Terms to highlight: those not under a NOT, in query order, without repeats."""
    out: list[str] = []

    def walk(n: Node) -> None:
        if isinstance(n, Term):
            if n.text not in out:
                out.append(n.text)
        elif isinstance(n, (And, Or, SameDoc)):
            for c in n.children:
                walk(c)

    walk(node)
    return tuple(out)

"""Responsibility notes (〔责任单位:…〕, (牵头单位：…；配合单位：…)) and the measures they govern.

Plans end an item with the agencies in charge; the note applies to every measure of
that item, i.e. back to the previous note or heading. Scraped text damages these
notes (ASCII brackets, a lost closing bracket, agencies glued together), so parsing
is lenient and always stops at the line end.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass, replace
from typing import Protocol, TypeVar

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RespBlock:
    start: int
    end: int
    agencies: tuple[str, ...]


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...


M = TypeVar("M", bound=_Spanned)

_RESP_LABEL = re.compile(r"(?:主要责任单位|责任单位|牵头单位|责任部门|牵头部门|配合单位|参与单位|责任主体)\s*[:：]")
_OPEN_CLOSE = {"〔": "〕", "[": "]", "【": "】", "(": ")", "（": "）", "［": "］"}
_HEADING = re.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[)）]|[0-9]+[.．、](?![0-9])"
    r"|第[一二三四五六七八九十]+[章节条部分])",
    re.M,
)
_AGENCY_END = "局委办部司队镇处室厅心会院站所行组"
_SPLIT = re.compile(r"[、,，;；/\s]+|" + _RESP_LABEL.pattern)


def responsibility_blocks(body: str) -> list[RespBlock]:
    """〔责任单位:A、B〕, (牵头单位：A；配合单位：B), 责任单位：A... with their agencies.

    Tolerates ASCII or full-width brackets, a missing closing bracket (stops at
    the line end) and agencies glued together (区财政局区锦源公司).
    """
    out: list[RespBlock] = []
    pos = 0
    for m in _RESP_LABEL.finditer(body):
        if m.start() < pos:
            continue
        i = m.start() - 1
        while i >= 0 and body[i] in " \t\u3000":
            i -= 1
        opener = body[i] if i >= 0 and body[i] in _OPEN_CLOSE else None
        start = i if opener else m.start()
        j, depth = m.end(), 0
        while j < len(body) and body[j] != "\n":
            ch = body[j]
            if opener and ch == opener:
                depth += 1
            elif opener and ch == _OPEN_CLOSE[opener]:
                if depth == 0:
                    break
                depth -= 1
            elif not opener and ch in "。":
                break
            j += 1
        end = j + 1 if j < len(body) and body[j] != "\n" else j
        out.append(RespBlock(start, end, agencies(body[m.start() : j])))
        pos = end
    return out


def agencies(text: str) -> tuple[str, ...]:
    """Agency names of one note, in order, without duplicates; glued names split at a new 区/市/县/省."""
    names: list[str] = []
    for part in _SPLIT.split(text):
        part = (part or "").strip("〔〕[]【】()（）:：. ")
        if not part:
            continue
        part = re.sub(rf"(?<=[{_AGENCY_END}])(?=(?:区|市|县|省)[^\s]{{2,}})", "|", part)
        for name in part.split("|"):
            name = re.sub(rf"(?<=[{_AGENCY_END}])[区市县]$", "", name.strip())
            if len(name) >= 2 and name not in names:
                names.append(name)
    return tuple(names)


def heading_starts(body: str) -> list[int]:
    """Starts of heading lines and numbered items: a responsibility note never reaches past one."""
    starts = {m.start() for m in _HEADING.finditer(body)}
    pos = 0
    for line in body.split("\n"):
        t = line.strip()
        if t and len(t) <= 30 and not re.search(r"[。，,；]", t) and not _RESP_LABEL.search(t):
            starts.add(pos)
        pos += len(line) + 1
    return sorted(starts)


def assign_responsible(body: str, measures: list[M], blocks: list[RespBlock]) -> list[M]:
    """Each note applies to the measures before it back to the previous note or heading."""
    if not blocks:
        return measures
    heads = heading_starts(body)
    out = []
    for m in measures:
        b = next((b for b in blocks if b.start >= m.start), None)
        if b is None or any(m.start < h < b.start for h in heads):
            out.append(m)
            continue
        out.append(replace(m, responsible=b.agencies))  # type: ignore[type-var]
    return out


# A plan's parts: a review of what was achieved, then goals and tasks. Numbers under a review are facts.
_REVIEW_PART = re.compile(r"发展基础|发展现状|现状分析|发展成就|主要成就|取得成效|工作成效|主要成效|发展成效|基础条件|现实基础"
                          r"|发展回顾|工作回顾|工作进展|进展情况|已有基础|取得的成绩")
_PLAN_PART = re.compile(r"总体要求|指导思想|基本原则|发展目标|主要目标|目标任务|工作目标|重点任务|主要任务|重点工程|保障措施"
                        r"|实施步骤|政策措施|支持政策|若干措施|推进措施|工作举措|下一步")


class SectionContext:
    """Theme context of a sentence: its enclosing heading and its own paragraph, never the section before."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.heads = heading_starts(body)
        self.parts: list[tuple[int, str]] = []  # (heading start, "review"/"plan") of a plan's part headings
        for h in self.heads:
            end = body.find("\n", h)
            title = body[h : end if end >= 0 else len(body)].strip()
            if len(title) <= 30:
                kind = "review" if _REVIEW_PART.search(title) else "plan" if _PLAN_PART.search(title) else None
                if kind:
                    self.parts.append((h, kind))
        self._part_starts = [h for h, _ in self.parts]

    def part(self, pos: int) -> str | None:
        """``"review"`` under 发展基础/发展成就/现状, ``"plan"`` under 总体要求/主要目标/重点任务…, else ``None``."""
        k = bisect.bisect_right(self._part_starts, pos) - 1
        return self.parts[k][1] if k >= 0 else None

    def context(self, pos: int) -> tuple[str, str]:
        """(titles of the item and of its section; the paragraph before ``pos``, up to 200 chars)."""
        line = self.body.rfind("\n", 0, pos) + 1
        titles: list[str] = []
        k = bisect.bisect_right(self.heads, line) - 1
        while k >= 0 and line - self.heads[k] < 2000 and len(titles) < 2:
            h = self.heads[k]
            end = self.body.find("\n", h)
            text = self.body[h : end if end >= 0 else len(self.body)].strip()
            if h == line:
                titles.append(re.split(r"[。；;]", text, maxsplit=1)[0][:40])  # the item's own title
            elif len(text) <= 30 and not re.search(r"[。，,；;]", text):
                titles.append(text)  # the standalone section title above it
                break
            k -= 1
        return "\n".join(titles), self.body[max(line, pos - 200) : pos]

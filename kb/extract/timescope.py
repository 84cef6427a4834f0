"""Which year a quantity belongs to while a body is read sentence by sentence.

Moved out of :mod:`kb.extract.numbers` (which keeps the number grammar). The rules, all
general reading habits of Chinese policy and report prose:

* a sentence joined to the one before (after ；, or opening with 其中) keeps its years, unless
  it opens a new enumerated item (；三是…, ；（二）…): items are separate statements;
* a paragraph that opens with a time (2022年，…) or a sentence that only sets one lends its
  deadline to the targets that follow on that line;
* a sentence that opens with a year (2022年，…) or with 同期 lends that year to the later
  sentences of its (real, short) paragraph that name none and grant nothing (a report's "2022年，A… 。B…达到41.6%");
* 全年/当年/同期 mean the year last named, but 全年 after a future marker (将力争全年…) is the
  document's own year; 今年/去年 count from the document's date;
* a duration deadline (三年内) gives no calendar year, so no year is borrowed for it; nor does a
  running total (累计…) borrow one from an earlier clause; 近年来 ends the year in force.
"""

from __future__ import annotations

import re

from kb.extract.numbers import Quantity, doc_year, find_deadlines, find_time_refs, is_start_year, relative_year

_Deadline = tuple[int, int, str, "int | None"]  # (start, end, phrase, year)
_LINE_LEAD = re.compile(r"\s*(?:[（(]?[一二三四五六七八九十0-9]{1,3}[)）、.．]\s*)?(?:力争|争取|计划|预计)?\s*")
_WHOLE_YEAR = re.compile(r"全年|当年|(?<![上去前年])同期(?=[，,])")  # the year last named: 全年引进人才2.6万人
_FUTURE = re.compile(r"(?:将|力争|争取|计划|预计|确保|目标)[^，,。；;]{0,4}$")
_ENUM_START = re.compile(r"\s*(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,、]|[（(][一二三四五六七八九十0-9]{1,2}[)）])")
_OPENING_YEAR = re.compile(r"\s*(?:(?:19|20)[0-9]{2}年(?:度|底|末)?|同期)[，,]")
_DURATION = re.compile(r"[一二三四五六七八九十两0-9]+年内")
_VAGUE = re.compile(r"近年来|近几年|近年|多年来|历年来")
_CUMULATIVE = re.compile(r"累计")
_PARA_MAX = 600  # a longer "line" is a whole scraped article, not one paragraph with one time
_GRANTISH = re.compile(r"给予|予以|奖补|补贴|补助|奖励|资助")  # standing rules, not facts of the year


class TimeScope:
    """The years and deadlines in force while a body is read sentence by sentence, in order."""

    def __init__(self, body: str, masked: list[tuple[int, int]], doc_date: str | None = None) -> None:
        self.body, self.masked, self.base_year = body, masked, doc_year(doc_date)
        self.scope_years: list[tuple[int, int | None]] = []
        self.lead: tuple[int, tuple[str, int | None]] | None = None
        self.chained: tuple[str, int | None] | None = None
        self.last_year: int | None = None
        self.para_year: tuple[int, int] | None = None  # (line start, year) from a sentence opening with a year
        self.prev_end = 0

    def _free(self, pos: int) -> bool:
        return not any(a <= pos < b for a, b in self.masked)

    def _short_line(self, line_start: int) -> bool:
        line_end = self.body.find("\n", line_start)
        return (len(self.body) if line_end < 0 else line_end) - line_start <= _PARA_MAX

    def _whole_years(self, sent: str, start: int) -> list[tuple[int, int | None]]:
        out: list[tuple[int, int | None]] = []
        for m in _WHOLE_YEAR.finditer(sent):
            year = self.last_year
            if m.group(0) == "全年" and self.base_year is not None and _FUTURE.search(sent, 0, m.start()):
                year = self.base_year
            if year is not None:
                out.append((m.start() + start, year))
        return out

    def read(
        self, start: int, end: int, has_quantities: bool
    ) -> tuple[list[_Deadline], list[tuple[int, int | None]], tuple[str, int | None] | None]:
        """(deadlines of the sentence, years in scope as (pos, year), deadline carried in) for body[start:end]."""
        body, sent = self.body, self.body[start:end]
        joined = body.startswith("其中", start) or (self.prev_end < len(body) and body[self.prev_end] in "；;")
        joined = joined and "\n" not in body[self.prev_end : start] and not _ENUM_START.match(body, start)
        self.prev_end = end
        deadlines = [
            (a + start, b + start, ph, y if y is not None else relative_year(ph, self.base_year))
            for a, b, ph, y in find_deadlines(sent)
            if self._free(a + start) and not is_start_year(sent, a, b)
        ]
        years: list[tuple[int, int | None]] = [
            (a + start, y) for a, _, y in find_time_refs(sent, self.base_year) if self._free(a + start)]
        if "全年" in sent or "当年" in sent or "同期" in sent:
            years = sorted(years + self._whole_years(sent, start), key=lambda y: y[0])
        if "近年" in sent or "年来" in sent:  # 近年来: no one year from here on
            years = sorted(years + [(m.start() + start, None) for m in _VAGUE.finditer(sent)], key=lambda y: y[0])
        line_start = body.rfind("\n", 0, start) + 1
        if self.para_year and self.para_year[0] != line_start:
            self.para_year = None
        if years and years[0][1] is not None and _OPENING_YEAR.match(sent) and self._short_line(line_start):
            self.para_year = (line_start, years[0][1])
        elif not years and not joined and self.para_year and not _GRANTISH.search(sent):
            years = [(start, self.para_year[1])]
        self.scope_years = (self.scope_years if joined else []) + years
        if self.lead and self.lead[0] < line_start:
            self.lead = None
        if not joined:
            self.chained = None
        if years and years[-1][1] is not None:
            self.last_year = years[-1][1]
        dated = [d for d in deadlines if d[3] is not None]
        if dated and (not has_quantities or _LINE_LEAD.fullmatch(body, line_start, dated[0][0])):
            self.lead = (start, (dated[-1][2], dated[-1][3]))
        carry = self.chained or (self.lead[1] if self.lead else None)
        if dated:
            self.chained = (dated[-1][2], dated[-1][3])
        return deadlines, self.scope_years, carry


def quantity_time(
    q: Quantity, clause: tuple[int, int], from_pos: int, deadlines: list[_Deadline], years: list[tuple[int, int | None]],
    body: str = "",
) -> tuple[str | None, int | None]:
    """(deadline, year) of a quantity: the nearest deadline before it (else after it in its clause), else the last year."""
    before = [d for d in deadlines if from_pos <= d[0] < q.start]
    after = [d for d in deadlines if q.end <= d[0] < clause[1]]
    pick = before[-1] if before else (after[0] if after else None)
    deadline, year = (pick[2], pick[3]) if pick else (None, None)
    if year is None and not (deadline and _DURATION.fullmatch(deadline)):
        ys = [(pos, y) for pos, y in years if pos < q.start]
        year = ys[-1][1] if ys else None
        if year is not None and ys[-1][0] < clause[0] and _CUMULATIVE.search(body, clause[0], q.start):
            year = None  # 去年安排…，全区累计建成X: a running total, not that year's
    return deadline, year

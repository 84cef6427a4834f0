"""Title, date, source, issuer, 文号 and kind of a cleaned document.

Metadata is read from the page's own labelled lines first (发布日期, 来源, 发文字号 — removed from
the body by the cleaner but kept in ``Cleaned.lines``; labels may stand in table cells without a
colon or alone above their value), then from the article's shape (notice title, 落款 signature and
date), and only then from weak page hints (neighbour-article dates, URL dates, the copyright
holder, the link's host). ``date`` is the publication date (发布日期); 成文日期 is only its last
labelled fallback and is kept apart as ``date_written``. ``source`` is the article's 来源, else
its 发布机构/发文机关 or signing issuer, else the site's 主办单位.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlparse

from kb.ingest.clean import Line
from kb.ingest.normalise import normalise, to_simplified
from kb.ingest.pageurl import accessed_from_lines, url_from_lines
from kb.ingest.rules import META_LABELS, ORG_END, is_label_only, is_signature, is_strong, label_form

log = logging.getLogger(__name__)

_COLUMN_PREFIX = re.compile(r"^\s*(([【\[][^】\]]{1,12}[】\]]|[\u4e00-\u9fff]{2,4}\s*[|｜丨])\s*)+")
_NOTICE_TITLE = re.compile(
    r"《.+》.{0,12}(通知|通报|决定|意见|公告|通告|批复|函)$|^关于.{4,}的(通知|通报|决定|意见|公告|通告|批复|函|报告|请示)$"
)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)|(?<=[^\s#])\s*#+\s*$")
_MD_EMPHASIS = re.compile(r"^\s*(\*\*|__)(.+?)\1\s*$")
_ENCLOSED_TITLE = re.compile(
    r"^[^，,。；;：:！？!?（(《]{4,40}(方案|计划|规划|意见|办法|措施|细则|纲要|要点|条例|规定)([(（][^)）]{2,20}[)）])?$"
)
_WRAPPED_TITLE = re.compile(r"(关于|印发).{4,}(通知|通报|决定|意见|公告|通告|批复|函)$")
_FINAL = re.compile(r"[。！？；，,、:：;!?]$")
# A value ends at a wide gap, a tab, or where the next label of the same bar begins.
_NEXT_LABEL = (
    rf"{META_LABELS}|浏览次数|访问量|点击数|阅读数|字号|字体|责任编辑|编辑|审核|地址|电话|联系电话|传真|邮编|"
    r"主办单位|承办单位|协办单位|主办|承办|协办|技术支持|网站标识码"
)
_LABEL_VALUE_END = re.compile(
    rf"\s{{2,}}|[\t\u3000]|\s+(?=(发布|来源|访问|浏览|点击|作者|时间|日期|字号|编辑|责任编辑|【|\[))"
    rf"|(?=({_NEXT_LABEL})\s*[:：])"
)
_CELL_LABEL = re.compile(rf"^({META_LABELS})\s*[:：]?$")
_DATE_FULL = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")
_DATE_YM = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月")
_DATE_COMPACT = re.compile(r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
_DATE_DAMAGED = re.compile(r"^((?:19|20)\d{2})\s*年?\s*(\d{1,4})\s*[月日]?\s*(\d{0,2})\s*日$")
_DOCNO = re.compile(r"([\u4e00-\u9fff]{1,14}?)\s*[〔\[［(（【]?\s*((?:19|20)\d{2})\s*[〕\]］)）】]?\s*(\d{1,4})\s*[号號]")
_SOURCE = re.compile(r"(?:^|(?<![\u4e00-\u9fff]))(?:信息来源|文章来源|稿件来源|新闻来源|来源|转载自|转自)\s*[:：]?\s*(\S[^\t]*)")
_PUBLISHER = re.compile(r"(?:发布机构|发布单位|发文机关|主办单位|主办)\s*[:：]\s*(\S[^\t]*)")
_COPYRIGHT = re.compile(
    r"(?:^|\s)([\u4e00-\u9fffA-Za-z]{2,20})\s*版权所有|版权所有\s*[:：©]?\s*(?:©\s*)?([\u4e00-\u9fff]{2,30})"
)
_ISSUER_LABEL = re.compile(r"(?:发文机关|发布机构|发文单位)\s*[:：]\s*(\S[^\t]*)")
_DOCNO_LABEL = re.compile(r"(?:发文字[号號]|發文字號|文[号號])\s*[:：]\s*(\S[^\t]*)")
_RESEARCH_TOPIC = re.compile(r"本章节?(?:将|主要)?(?:提出|分析|探讨|研究|阐述|讨论)了?(.{6,40}?)[,，。；]")
_URL_DAY = re.compile(r"/t((?:19|20)\d{6})_")
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})(0[1-9]|1[0-2])/")

_KIND_PLAN = re.compile(
    r"实施方案|行动计划|行动方案|工作方案|规划|若干措施|若干政策|政策措施|办法|实施意见|指导意见|意见|方案|计划|纲要|细则|政策|"
    r"工作要点|要点|三年行动|专项行动|任务清单|工作安排"
)
_KIND_NOTICE = re.compile(r"(通知|公告|通告|决定|通报|公示|批复|函)$")
_KIND_RESEARCH = re.compile(r"本章|本节|上一节|上一章|对策建议|研究报告|[(（]作者[:：]|摘要[:：]|关键词[:：]|参考文献")
_KIND_NEWS = re.compile(
    r"近年来|今年以来|连日来|记者|日前|近日|本报讯|讯[(（]|报道|据悉|获悉|召开|举行|(?:^|\n)\s*\d{1,2}月\d{1,2}日[,，]"
)
_PROPOSAL = re.compile(r"提案|议案|建议|建言")
_REPLY = re.compile(r"答复|办理|复函|回复")


@dataclass(frozen=True)
class Meta:
    title: str
    date: str | None
    source: str | None
    issuer: str | None
    doc_number: str | None
    kind: str
    date_written: str | None = None  # 成文日期 / 印发日期 when the page states it
    url: str | None = None  # the page's own address (kb.ingest.pageurl, kb.ingest.htmlmeta)
    accessed: str | None = None  # the day the page says it was read or saved
    site: str | None = None  # the site's name (its head, else its footer's 主办单位 or ©): a region hint


def _value(text: str) -> str:
    """A label's value up to the next label or a wide gap."""
    text = text.strip(" :：")
    m = _LABEL_VALUE_END.search(to_simplified(text))  # 1:1, so a 繁體 next label (責任編輯) ends it too
    value = text[: m.start()] if m else text
    return value.strip(" :：|｜[]【】")


def parse_date(text: str, damaged: bool = False) -> str | None:
    """First date in ``text`` as ISO (YYYY-MM-DD, YYYY-MM or YYYY); ``damaged`` allows 202247日."""
    m = _DATE_FULL.search(text)
    if m and _valid(int(m.group(2)), int(m.group(3))):
        return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    m = _DATE_COMPACT.search(text)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    m = _DATE_YM.search(text)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{m.group(1)}-{int(m.group(2)):02d}"
    if damaged:
        m = _DATE_DAMAGED.match(text.replace(" ", ""))
        if m:
            digits = m.group(2) + m.group(3)
            splits = {
                (int(digits[:k]), int(digits[k:]))
                for k in range(1, len(digits))
                if digits[k] != "0" and _valid(int(digits[:k]), int(digits[k:]))
            }
            if len(splits) == 1:
                month, day = splits.pop()
                return f"{m.group(1)}-{month:02d}-{day:02d}"
            return m.group(1)
    return None


def _valid(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= 31


def extract(
    lines: Sequence[Line],
    body: str,
    name: str = "",
    title_hint: str | None = None,
    url_hint: str | None = None,
    accessed_hint: str | None = None,
    site_hint: str | None = None,
) -> Meta:
    """Metadata of one cleaned document (see module docstring); hints come from an HTML head."""
    body_lines = [line for line in body.split("\n") if line.strip()]
    title = _title(lines, body_lines, title_hint, name)
    meta = _meta_texts(lines)
    issuer = _issuer(meta, body_lines)
    return Meta(
        title=title,
        date=_date(lines, meta, body_lines),
        source=_source(lines, meta, issuer),
        issuer=issuer,
        doc_number=_doc_number(meta, body_lines),
        kind=_kind(title, body),
        date_written=_labelled_date(meta, ("成文日期", "印发日期", "发文日期")),
        url=url_hint or url_from_lines(lines),
        accessed=accessed_hint or accessed_from_lines(lines, parse_date),
        site=site_hint or _site(lines),
    )


def _meta_texts(lines: Sequence[Line]) -> list[str]:
    """The page's metadata lines as "label：value" texts.

    A label alone on its line takes the next line as value ("发布日期：" / "2023年04月26日"), and
    a table row of bare label cells ("发文机关\t某某厅\t成文日期\t2023-06-12") gets its colons.
    """
    out: list[str] = []
    for k, line in enumerate(lines):
        if line.reason != "meta":
            continue
        text = label_form(line.text)
        if is_label_only(text):
            nxt = lines[k + 1] if k + 1 < len(lines) else None
            if nxt is not None and nxt.reason == "meta" and not is_label_only(nxt.text):
                out.append(text.rstrip(" :：") + "：" + label_form(nxt.text))
            continue
        cells = [c.strip() for c in text.split("\t") if c.strip()]
        if len(cells) >= 2:
            joined, i = [], 0
            while i < len(cells):
                if _CELL_LABEL.match(cells[i]) and i + 1 < len(cells) and not _CELL_LABEL.match(cells[i + 1]):
                    joined.append(cells[i].rstrip(" :：") + "：" + cells[i + 1])
                    i += 2
                else:
                    joined.append(cells[i])
                    i += 1
            text = "\t".join(joined)
        out.append(text)
    return out


def _clean_title(text: str) -> str:
    """A title line without column tags ([工作动态]) or Markdown marks (# heading #, **bold**)."""
    text = _MD_HEADING.sub("", _COLUMN_PREFIX.sub("", text))
    text = _MD_EMPHASIS.sub(r"\2", text)
    return re.sub(r"\s+", " ", text).strip()


def _title(lines: Sequence[Line], body_lines: list[str], hint: str | None, name: str) -> str:
    head = []
    for line in lines:
        if line.reason is None and is_strong(line.text):
            break
        if line.reason in (None, "duplicate"):
            head.append(_clean_title(line.text))
    for text in head:
        if _NOTICE_TITLE.search(text) and len(text) <= 120:
            return text
    wrapped = _wrapped_title(head)
    if wrapped:
        return wrapped
    if hint and not _FINAL.search(hint.strip()):
        return _clean_title(hint)
    plausible = [t for t in head if 4 <= len(t) <= 90 and not _FINAL.search(t) and not is_signature(t)
                 and not _is_docno(t)]
    if plausible:  # a column label (投资动态) above the headline gives way to it
        return next((t for t in plausible if len(t) >= TITLE_MIN), plausible[0]) if len(plausible[0]) <= 6 \
            else plausible[0]
    above = _above_meta(lines)
    if above:
        return above
    named = [t for t in head if TITLE_MIN <= len(t) <= 60 and not _FINAL.search(t) and not _is_docno(t)
             and not _DATE_ONLY.match(t)]
    if named:  # a headline that ends like an organisation's name (…在光谷布局离岸科创中心)
        return named[0]
    enclosed = next((t for t in body_lines[:20] if _ENCLOSED_TITLE.match(t.strip())), None)
    if enclosed:  # a notice's text without its own title: the enclosed plan's heading
        return enclosed.strip()
    m = _RESEARCH_TOPIC.search(" ".join(body_lines[:3]))
    if m:
        return m.group(1).strip()
    return derived_title(body_lines) or name


_DATE_ONLY = re.compile(r"^[\s\d年月日:：./\-]+$")
TITLE_MIN = 8  # characters of a headline; shorter head lines are column labels or datelines
DERIVED_MAX = 40
# What opens a news paragraph without saying what it is about: a dateline (8月21日, 3月24日8时,
# 大理，4月14日), 近日/日前, an attribution (记者从…获悉, 资料显示, 据…报道), a season (阳春三月).
_OPENER = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,4}[，,]\s*)?(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:\d{1,2}时)?(?:上午|下午|晚)?"
    r"|近日|日前|近期|目前|今年以来|近年来|[\u4e00-\u9fff]{0,8}(?:获悉|显示|表示|报道|介绍)"
    r"|据[\u4e00-\u9fff]{1,12}(?:消息|报道)|阳春三月|金秋[\u4e00-\u9fff]{1,2}月|盛夏时节|隆冬时节|然而|同时|此外)[，,]\s*"
)


def derived_title(body_lines: Sequence[str]) -> str:
    """A page without a title line: its first statement, without an opening dateline or attribution,
    long enough to say something (a clause of a few characters is joined to the next ones)."""
    lines = [t.strip() for t in body_lines[:6]
             if t.strip() and not _DATE_ONLY.match(t.strip()) and not t.strip().endswith((":", "："))]  # no addressees
    text = next((t for t in lines if len(t) >= TITLE_MIN), " ".join(lines[:3]))
    for sentence in re.split(r"(?<=[。！？；!?;])", text):
        sentence = sentence.strip()
        while True:
            m = _OPENER.match(sentence)
            if not m or m.end() == 0:
                break
            sentence = sentence[m.end():]
        clauses = re.split(r"(?<=[,，])", sentence.rstrip("。！？；!?;"))
        out = ""
        for clause in clauses:
            out += clause
            if len(out.rstrip(",，")) >= TITLE_MIN + 4:
                break
        out = out.rstrip(",， ")
        if len(out) >= TITLE_MIN:
            return out if len(out) <= DERIVED_MAX else out[: DERIVED_MAX - 1] + "…"
    return ""


def _above_meta(lines: Sequence[Line]) -> str | None:
    """A headline the cleaner took for a link list ("图解 | 某园区被认定为…") right above the article's
    own 来源/发布时间 line."""
    for prev, line in zip(lines, lines[1:], strict=False):
        if line.reason == "meta" and prev.reason in ("related", "navigation"):
            text = _clean_title(prev.text)
            if TITLE_MIN <= len(text) <= 90 and not _FINAL.search(text) and "|" not in text and "｜" not in text:
                return text
        if line.reason is None and is_strong(line.text):
            return None
    return None


def _wrapped_title(head: list[str]) -> str | None:
    """A notice title a page broke over two or three short lines ("某省人民政府办公厅关于印发某省" /
    "某某实施方案的通知"); only the joined lines read as one title."""
    for i in range(len(head)):
        for k in (2, 3):
            parts = head[i : i + k]
            if len(parts) < k or any(len(p) > 30 or _FINAL.search(p) or _is_docno(p) for p in parts):
                continue
            joined = "".join(parts)
            if _WRAPPED_TITLE.search(joined) and not any(_WRAPPED_TITLE.search(p) for p in parts):
                return joined
    return None


def _is_docno(text: str) -> bool:
    m = _DOCNO.search(text)
    return m is not None and len(text) - (m.end() - m.start()) <= 4


_DATE_LABEL = re.compile(r"(发布日期|发布时间|生成日期|发文日期|更新时间|成文日期|印发日期|时间|日期)\s*[:：]?\s*")


def _labelled_date(meta: list[str], labels: tuple[str, ...]) -> str | None:
    for text in meta:
        for m in _DATE_LABEL.finditer(text):
            if m.group(1) in labels:
                found = parse_date(text[m.end() : m.end() + 24])
                if found:
                    return found
    return None


def _date(lines: Sequence[Line], meta: list[str], body_lines: list[str]) -> str | None:
    """发布日期 first; then any other labelled date but 成文/印发; an unlabelled date on an info
    line; 成文日期; a signature date in the body; weak page hints."""
    found = _labelled_date(meta, ("发布日期", "发布时间", "生成日期")) or _labelled_date(
        meta, ("更新时间", "时间", "日期")
    )
    if found:
        return found
    for text in meta:  # "2023-07-18 08:12  来源：浙江日报": a bare date on a metadata line
        if not re.search(r"成文|印发|发文日期|索引号|生效|失效|废止|实施日期", text):
            found = parse_date(text)
            if found:
                return found
    found = _labelled_date(meta, ("成文日期", "印发日期", "发文日期"))
    if found:
        return found
    for text in body_lines:
        compact = text.replace(" ", "")
        if len(compact) <= 16 and re.match(r"^(19|20)\d{2}", compact) and re.search(r"[年月日\-/.]", compact):
            found = parse_date(compact, damaged=True)
            if found:
                return found
    return _weak_date(lines)


def _weak_date(lines: Sequence[Line]) -> str | None:
    """Neighbour links dated alike (上一篇/下一篇), or a dated URL of the original article."""
    neighbours = {
        parse_date(line.text)
        for line in lines
        if line.reason == "related" and re.match(r"^[\[【]?\s*(上一篇|下一篇|上篇|下篇)", line.text)
    }
    neighbours.discard(None)
    if len(neighbours) == 1:
        return neighbours.pop()
    for line in lines:
        if line.reason == "link":
            day = _URL_DAY.search(line.text)
            if day and parse_date(day.group(1)):
                return parse_date(day.group(1))
            month = _URL_MONTH.search(line.text)
            if month:
                return f"{month.group(1)}-{month.group(2)}"
    return None


def _source(lines: Sequence[Line], meta: list[str], issuer: str | None) -> str | None:
    """The article's 来源; else its publisher or issuer; else the site (主办单位, ©, host)."""
    for text in meta:
        m = _SOURCE.search(text)
        if m and _value(m.group(1)):
            return _value(m.group(1))
    for text in meta:
        m = _PUBLISHER.search(text)
        if m and _value(m.group(1)):
            return _value(m.group(1))
    if issuer:
        return issuer
    site = _site(lines)
    if site:
        return site
    for line in lines:
        if line.reason == "link":
            m = re.search(r"https?://[^\s]+", line.text)
            if m:
                host = urlparse(m.group(0)).hostname
                if host:
                    return host
    return None


def _site(lines: Sequence[Line]) -> str | None:
    """The site's owner from the page's footer (主办单位, 版权所有)."""
    for line in lines:
        if line.reason == "footer":
            m = _PUBLISHER.search(line.text)
            if m and _value(m.group(1)):
                return _value(m.group(1))
    for line in lines:
        if line.reason == "footer":
            m = _COPYRIGHT.search(line.text)
            if m:
                return (m.group(1) or m.group(2)).strip()
    return None


def _issuer(meta: list[str], body_lines: list[str]) -> str | None:
    for text in meta:
        m = _ISSUER_LABEL.search(text)
        if m and _value(m.group(1)):
            return _value(m.group(1))
    for i, text in enumerate(body_lines[:-1]):
        nxt = body_lines[i + 1].replace(" ", "")
        if (
            is_signature(text)
            and not re.match(r"^(19|20)\d{2}|^附件|^[(（]", text)
            and re.match(r"^(19|20)\d{2}", nxt)
            and parse_date(nxt, damaged=True)
        ):
            return _joint_signature(body_lines, i)
    return None


def _joint_signature(body_lines: list[str], i: int) -> str:
    """The signing issuer at ``i``, with the co-issuers signed on the lines just above it (联合发文)."""
    names = [" ".join(body_lines[i].split())]
    for text in reversed(body_lines[max(0, i - 3) : i]):
        if not is_signature(text) or re.match(r"^(19|20)\d{2}|^附件|^[(（]", text) or not ORG_END.search(text):
            break
        names.insert(0, " ".join(text.split()))
    return " ".join(names)


def _doc_number(meta: list[str], body_lines: list[str]) -> str | None:
    """The document's own 文号: a labelled value or a line that is nothing else (not a citation)."""
    candidates = [m.group(1) for text in meta for m in [_DOCNO_LABEL.search(text)] if m]
    candidates += [text for text in body_lines[:15] if len(text) <= 30]
    for text in candidates:
        m = _DOCNO.search(text)
        if m and (len(text) - (m.end() - m.start())) <= 4:
            prefix = m.group(1)
            return f"{prefix}〔{m.group(2)}〕{int(m.group(3))}号"
    return None


def _kind(title: str, body: str) -> str:
    """The document's kind from its title and head, read in the Simplified form (指導意見 is a plan)."""
    title = normalise(title)
    proposal, reply = _PROPOSAL.search(title), _REPLY.search(title)
    if (proposal and reply) or ((proposal or reply) and _PROPOSAL.search(head := normalise(body[:600]))
                                and _REPLY.search(head)):
        return "proposal_reply"
    if _KIND_PLAN.search(title):
        return "plan"  # most documents: the body's head and tail are not read (converted) at all
    head = normalise(body[:600])
    if _KIND_RESEARCH.search(head) or _KIND_RESEARCH.search(normalise(body[-300:])):
        return "research"
    if _KIND_NOTICE.search(title):
        return "notice"
    if re.search(r"(现将|现就)有关(事项|工作|要求)通知如下|特此通知|特此公告|申报指南|申报通知", title + head):
        return "notice"
    if _KIND_NEWS.search(head):
        return "news"
    if re.search(r"(制定|印发)本(实施)?(方案|计划|办法|措施|意见)", head):
        return "plan"
    if len(title) >= 8 and not _FINAL.search(title) and len(body) > 300:
        return "news"  # a headline over prose: a report
    return "other"

"""Separate the article from the web page around it, line by line.

Scraped government and news pages share a handful of templates: a head of menus, breadcrumbs and
metadata; the article; then a tail of source/disclaimer lines, previous/next links, related or hot
lists, share prompts and a copyright/ICP footer. Each line is first classified on its own
(patterns), then by position: menus before the first real paragraph and everything from the first
boilerplate line after the last real paragraph are page, not article. Nothing is deleted: the
removed lines come back as spans of the raw text with a reason.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from kb.models import RemovedSpan

log = logging.getLogger(__name__)

STRIP = " \t\r\n\f\v\u00a0\u3000\u200b\u200c\u200d\ufeff\u2002\u2003\u2009"
C = r"\s*[:：]\s*"  # a label colon, either width
_SENT_END = re.compile(r"[。！？；!?;]")
_CLAUSE = re.compile(r"[，,、]")
_PUNCT_ANY = re.compile(r"[。！？；，,、:：!?;]")
_DATE = r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
_SHORT_DATE = r"\d{2}[-/.]\d{1,2}[-/.]\d{1,2}"

# (reason, pattern, max line length or 0 for any)
_RULES: list[tuple[str, re.Pattern[str], int]] = [
    ("disclaimer", re.compile(r"^[\[【(（]?\s*(免责声明|郑重声明|版权声明|声明)\s*[\]】)）]?\s*[:：]?"), 0),
    (
        "disclaimer",
        re.compile(
            r"(本站|本网|本文|本平台).{0,20}(转载|来源于网络|版权归|仅供|不代表)"
            r"|如有侵权|侵权请|版权归原作者|转载请注明|请在\d+日内与本网联系"
        ),
        400,
    ),
    ("navigation", re.compile(r"^(当前位置|您的位置|你的位置|您现在的位置|现在位置|所在位置|当前栏目)\s*[:：]?"), 120),
    ("navigation", re.compile(r"^(网站|返回)?首页\s*([>＞»›/|｜-]|$)"), 120),
    (
        "navigation",
        re.compile(
            r"^(跳转到主要内容|跳过导航|无障碍(浏览|阅读)?|长者模式|关怀版|网站地图|设为首页|"
            r"加入收藏|收藏本站|繁體|繁体版?|简体版?|English|登录|注册|搜索|返回顶部|TOP)$",
            re.I,
        ),
        0,
    ),
    (
        "related",
        re.compile(
            r"^(相关(文章|推荐|阅读|新闻|链接|文件|信息|资讯|政策|解读|稿件|专题)|"
            r"热门(资讯|文章|推荐|新闻|阅读|标签|排行)|最新(加入|文章|发布|资讯|动态|更新|新闻|信息)|"
            r"推荐(阅读|文章|新闻)|猜你喜欢|延伸阅读|热点(推荐|新闻|资讯)|精彩推荐|图片新闻|"
            r"(点击|阅读|热门|浏览)排行(榜)?|更多)\s*[:：]?\s*(更多\s*)?[>»]*$"
        ),
        0,
    ),
    ("related", re.compile(r"^[\[【]?\s*(上一篇|下一篇|上一条|下一条|上一页|下一页|上篇|下篇)"), 200),
    ("share", re.compile(r"(扫一扫|扫码|扫描二维码|手机扫描|用手机(看|浏览|打开)|在手机(上)?打开)"), 40),
    ("share", re.compile(r"^(分享(到|至)?|微信分享|转发到)\s*[:：]?"), 40),
    (
        "counter",
        re.compile(r"(访问量|浏览次数|浏览量|阅读数|阅读量|点击数|点击量|点击率|阅读次数|访问次数|浏览人次)"),
        60,
    ),
    ("font", re.compile(r"^[\[【(（]?\s*(字号|字体)\s*[:：]?.{0,12}(大|小|默认)"), 40),
    (
        "print",
        re.compile(
            r"(打印本页|打印此页|打印文章|打印本文|【\s*打印\s*】|\[\s*打印\s*\]|"
            r"关闭窗口|关闭本页|【\s*关闭\s*】|\[\s*关闭\s*\]|收藏本页|返回顶部)"
        ),
        60,
    ),
    (
        "footer",
        re.compile(
            r"(版权所有|Copyright|©|ICP\s*备|ICP\s*证|网站标识码|公网安备|技术支持\s*[:：]|"
            r"主办单位\s*[:：]|承办单位\s*[:：]|维护单位|^主办\s*[:：]|^承办\s*[:：]|联系我们|"
            r"友情链接|关于我们|隐私政策|建议使用.{0,30}浏览器|分辨率)",
            re.I,
        ),
        200,
    ),
    (
        "attachment",
        re.compile(r"^[\[【]?\s*(文件下载|附件下载|相关附件|下载附件|点击下载|下载\s*[:：]|附件\s*[:：]?\s*$)"),
        0,
    ),
    ("attachment", re.compile(r"\.(pdf|docx?|xlsx?|wps|zip|rar|ofd|et)\s*$", re.I), 120),
    ("keywords", re.compile(r"^[\[【]?\s*(文章关键(词|字)|关键(词|字)|标签|Tags?)\s*[:：]", re.I), 120),
    ("link", re.compile(r"^[\[【]?\s*(原文链接|原文地址|本文链接|文章链接|原文网址|网址|链接)\s*[:：]"), 0),
    ("link", re.compile(r"^(https?://|www\.)\S+$", re.I), 0),
    ("editor", re.compile(r"^[\[【(（]?\s*(责任编辑|责编|编辑|审核|校对|初审|复审|终审|审校|监制)\s*[:：]"), 80),
    ("page_number", re.compile(r"^([-—–_]\s*\d{1,4}\s*[-—–_]|第\s*\d{1,4}\s*页.{0,8}|共\s*\d+\s*页)$"), 20),
]
_META_LABEL = (
    r"(发布日期|发布时间|发文日期|成文日期|印发日期|更新时间|信息来源|文章来源|稿件来源|来源|发布机构|"
    r"发布单位|发文机关|发文字号|文号|索引号|主题分类|分类|作者|时效性|有效性|标题|名称|体裁)"
)
_META = re.compile(rf"^[\[【(（]?\s*{_META_LABEL}\s*[:：]")
_META_TIME = re.compile(r"^[\[【(（]?\s*(发布)?(时间|日期)\s*[:：]\s*\d")
_META_BARE_SOURCE = re.compile(r"^来源\s*\S")
_DATED = re.compile(_DATE)
_META_ANY = re.compile(_META_LABEL + r"\s*[:：]?")
_BULLET = re.compile(r"^[•·●◆◇■□▪►▶>»\-*]\s*\S")
_HEADLINE = re.compile(
    rf"^({_SHORT_DATE}|{_DATE}|\[\d{{1,2}}-\d{{1,2}}\])\s*\S.{{2,48}}$|^.{{3,48}}(\.\.\.|…+|\.{{2,}})$|"
    rf"^[^。！？]{{4,48}}[\s(（\[]*({_DATE}|{_SHORT_DATE}|\d{{1,2}}-\d{{1,2}})[)）\]]*$"
)
_ORG_END = re.compile(
    r"(委员会|人民政府|政府|办公厅|办公室|管委会|管理委员会|工委|党委|局|厅|委|部|院|中心|公司|协会|学会|"
    r"联合会|集团|研究会|办事处|\(章\)|（章）|\(盖章\)|（盖章）)$"
)
_SIGN_DATE = re.compile(
    rf"^({_DATE}|(19|20)\d{{2}}\s*年?\s*\d{{1,4}}\s*[月日]\s*\d{{0,2}}\s*日?|"
    r"(19|20)\d{2}\s*年\s*\d{1,2}\s*月)$"
)
_ATTACH_TITLE = re.compile(r"^附件\s*\d*\s*[:：.、]?\s*\S")
_TOKEN_SPLIT = re.compile(r"[ \t|｜/]+")


@dataclass(frozen=True)
class Line:
    start: int  # in raw
    end: int
    text: str  # stripped
    reason: str | None  # None: kept in the body


@dataclass(frozen=True)
class Cleaned:
    body: str
    removed: tuple[RemovedSpan, ...]
    lines: tuple[Line, ...]  # every non-blank raw line, kept or not (metadata reads them)


def _split(raw: str) -> list[Line]:
    out, pos = [], 0
    for piece in raw.split("\n"):
        text = piece.strip(STRIP)
        if text:
            lead = len(piece) - len(piece.lstrip(STRIP))
            out.append(Line(pos + lead, pos + lead + len(text), text, None))
        pos += len(piece) + 1
    return out


def classify(text: str) -> str | None:
    """The boilerplate reason of one stripped line on its own, or None."""
    n = len(text)
    for reason, pattern, limit in _RULES[:2]:
        if (not limit or n <= limit) and pattern.search(text):
            return reason
    if n <= 160 and (
        _META.search(text)
        or _META_TIME.search(text)
        or (n <= 40 and _META_BARE_SOURCE.search(text))
        or (n <= 120 and len(_META_ANY.findall(text)) >= 2)
        or (n <= 60 and _META_ANY.search(text) and _DATED.search(text) and not _SENT_END.search(text))
    ):
        return "meta"
    for reason, pattern, limit in _RULES[2:]:
        if (not limit or n <= limit) and pattern.search(text):
            return reason
    return None


def is_headline(text: str) -> bool:
    """A list item of a related/hot list: bullet, date prefix/suffix or a trailing ellipsis."""
    if len(text) > 60 or "\t" in text or _SENT_END.search(text[:-1]):
        return False  # table rows (schedules with dates) and sentences are article text
    return bool(_BULLET.search(text) or _HEADLINE.search(text))


def is_signature(text: str) -> bool:
    """Lines that legitimately follow an article's last paragraph: 落款, dates, 附件 titles."""
    if _SIGN_DATE.match(text.replace(" ", "")) or _ATTACH_TITLE.match(text):
        return True
    parts = [p for p in re.split(r"\s{2,}|\t", text) if p]
    return all(_ORG_END.search(p.strip()) and len(p) <= 40 for p in parts) or (
        text.startswith(("(", "（")) and text.endswith((")", "）")) and len(text) <= 60
    )


def is_strong(text: str) -> bool:
    """A real paragraph: long enough and written in sentences."""
    n = len(text)
    return (n >= 40 and bool(_SENT_END.search(text))) or (n >= 70 and len(_CLAUSE.findall(text)) >= 2)


def _is_menu(text: str) -> bool:
    tokens = [t for t in _TOKEN_SPLIT.split(text) if t]
    return len(tokens) >= 3 and all(len(t) <= 6 for t in tokens) and not _PUNCT_ANY.search(text)


def _core(text: str) -> str:
    return re.sub(r"\s+", "", re.sub(r"^[【\[][^】\]]{1,12}[】\]]", "", text))


def clean(raw: str, article_lines: Sequence[str] = (), title_hint: str | None = None) -> Cleaned:
    """Split ``raw`` into the article body and removed spans (see module docstring)."""
    lines = _split(raw)
    reasons: list[str | None] = [classify(line.text) for line in lines]
    n = len(lines)
    strong = [i for i in range(n) if reasons[i] is None and is_strong(lines[i].text)]
    first, last = (strong[0], strong[-1]) if strong else (n, n - 1)

    bounds = _article_bounds(lines, article_lines, strong)
    if bounds:
        first, last = min(first, bounds[0]), bounds[1]
        for i in range(bounds[0]):
            if reasons[i] is None and not _is_title(lines[i].text, title_hint):
                reasons[i] = "navigation"

    _mark_head(lines, reasons, first)
    _mark_runs(lines, reasons, first, last)
    if strong or bounds:
        _mark_tail(lines, reasons, last)
    _mark_duplicate_title(lines, reasons, first)

    if all(r is not None for r in reasons) and lines:
        log.warning("cleaning removed every line; keeping the whole text")
        reasons = [None] * n
    final = tuple(Line(line.start, line.end, line.text, r) for line, r in zip(lines, reasons, strict=True))
    body = "\n".join(line.text for line in final if line.reason is None)
    return Cleaned(body, _spans(final), final)


def _article_bounds(lines: list[Line], article: Sequence[str], strong: list[int]) -> tuple[int, int] | None:
    """First/last raw line of the readability article, if it holds most of the real text."""
    if not article:
        return None
    wanted = {a.strip(STRIP) for a in article if len(a.strip(STRIP)) >= 8}
    inside = [i for i, line in enumerate(lines) if line.text in wanted]
    if not inside:
        return None
    lo, hi = inside[0], inside[-1]
    covered = sum(len(lines[i].text) for i in range(lo, hi + 1))
    outside = sum(len(lines[i].text) for i in strong if not lo <= i <= hi)
    return (lo, hi) if covered >= 1.5 * outside else None


def _is_title(text: str, hint: str | None) -> bool:
    return bool(hint) and _core(text) == _core(hint or "")


def _mark_head(lines: list[Line], reasons: list[str | None], first: int) -> None:
    """Before the first paragraph: menus and runs of very short items are navigation."""
    run: list[int] = []
    for i in range(min(first, len(lines))):
        text = lines[i].text
        if reasons[i] is None and _is_menu(text):
            reasons[i] = "navigation"
        short = reasons[i] is None and len(text) <= 8 and not _PUNCT_ANY.search(text) and not is_signature(text)
        if short:
            run.append(i)
            continue
        _flush(run, reasons, 4, "navigation")
        run = []
    _flush(run, reasons, 4, "navigation")


def _mark_runs(lines: list[Line], reasons: list[str | None], first: int, last: int) -> None:
    """Runs of headline-like lines are related/hot lists wherever they sit."""
    run: list[int] = []
    for i, line in enumerate(lines):
        if reasons[i] is None and is_headline(line.text) and not is_signature(line.text):
            run.append(i)
            continue
        if reasons[i] is not None and run and reasons[i] == "related":
            continue  # a list header inside the run
        _flush(run, reasons, 2 if (run and (run[0] < first or run[0] > last)) else 4, "related")
        run = []
    _flush(run, reasons, 2, "related")


def _mark_tail(lines: list[Line], reasons: list[str | None], last: int) -> None:
    """From the first boilerplate line after the last paragraph to the end: page footer."""
    n = len(lines)
    cut = next(
        (
            i
            for i in range(last + 1, n)
            if reasons[i] is not None or (is_headline(lines[i].text) and not is_signature(lines[i].text))
        ),
        None,
    )
    if cut is None:
        return
    j = cut - 1
    while (
        j > last
        and reasons[j] is None
        and len(lines[j].text) <= 10
        and not _PUNCT_ANY.search(lines[j].text)
        and not is_signature(lines[j].text)
    ):
        reasons[j] = "related"
        j -= 1
    for i in range(cut, n):
        if reasons[i] is None:
            reasons[i] = "related" if is_headline(lines[i].text) else "footer"


def _mark_duplicate_title(lines: list[Line], reasons: list[str | None], first: int) -> None:
    """A page header repeating the article's own title line: keep the article's copy."""
    head = [i for i in range(min(first, len(lines))) if reasons[i] is None]
    for a, i in enumerate(head):
        core = _core(lines[i].text)
        if len(core) >= 6 and any(_core(lines[j].text) == core for j in head[a + 1 :]):
            reasons[i] = "duplicate"


def _flush(run: list[int], reasons: list[str | None], minimum: int, reason: str) -> None:
    if len(run) >= minimum:
        for i in run:
            reasons[i] = reason


def _spans(lines: tuple[Line, ...]) -> tuple[RemovedSpan, ...]:
    spans: list[RemovedSpan] = []
    prev_kept = True
    for line in lines:
        if line.reason is None:
            prev_kept = True
            continue
        if spans and not prev_kept and spans[-1].reason == line.reason:
            spans[-1] = RemovedSpan(spans[-1].start, line.end, line.reason)
        else:
            spans.append(RemovedSpan(line.start, line.end, line.reason))
        prev_kept = False
    return tuple(spans)

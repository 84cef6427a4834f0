"""Numbers, units, years and deadlines in Chinese policy text.

Everything here is regex based and never raises on odd input: a span that
cannot be read gives ``None``. Chinese numerals are converted with ``cn2an``
only on the short spans the regexes found, never on whole text (``cn2an`` on a
sentence turns 一带一路 into 1带1路).

Units are kept as written (``1.5亿元`` -> amount 1.5, unit ``亿元``);
:func:`to_base` converts to a comparable base unit when a caller needs it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from kb.extract.cnnum import simple_cn_value
from kb.extract.figures import qualifier_symbol

log = logging.getLogger(__name__)

_FULL = str.maketrans("０１２３４５６７８９．，％－～", "0123456789.,%-~")
# Length-preserving: scanning works on this form, offsets stay those of the input.
_SCAN = str.maketrans("０１２３４５６７８９．％", "0123456789.%")

_SCAN_NEEDED = re.compile("[０-９．％]")


def _scan_form(text: str) -> str:
    """``text.translate(_SCAN)``, skipped when there is nothing to map (most sentences)."""
    return text.translate(_SCAN) if _SCAN_NEEDED.search(text) else text


CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
NUM_AR = r"[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?"
NUM_CN = r"[零〇一二两三四五六七八九十百千]+(?:[万亿][零〇一二两三四五六七八九十百千]+)*"
_MAG = r"(?:千万|百万|万亿|十万|千|百|万|亿)?"
# Longest first: alternation is ordered.
BASE_UNITS = (
    "个百分点", "平方公里", "平方米", "千瓦时", "人次", "户次", "架次", "平米", "公里", "千米",
    "公顷", "兆瓦", "千瓦", "元", "%", "％", "‰", "家", "个", "人", "名", "位", "台", "套", "亩",
    "项", "件", "架", "次", "倍", "款", "座", "颗", "条", "处", "张", "户", "支", "场", "栋", "辆",
    "部", "篇", "种", "类", "吨", "所", "批", "块", "Tbps", "Gbps", "Mbps", "GB", "TB", "PB", "EB", "Tb", "PFlops", "PFLOPS",
    "EFlops", "EFLOPS", "TFlops", "TFLOPS", "MW", "GW", "kW", "KW",
)
_BASE = "|".join(re.escape(u) for u in BASE_UNITS)
MONEY_UNITS = frozenset({"元", "千元", "万元", "十万元", "百万元", "千万元", "亿元", "万亿元", "亿", "万亿"})
PERCENT_UNITS = frozenset({"%", "％", "‰", "个百分点"})

# Words before a number that say how it relates to the true value (see kb.extract.figures).
# A one-character word counts only when it is not the end of another word: 签约9个 is no "about 9",
# 下达资金3亿元 no "reaching", 最近3年 no "nearly".
_PREFIX = re.compile(
    r"(不低于|不少于|不超过|不高于|不多于|不足|超过|突破|高于|低于|少于|达到|将近|接近|大约|至少"
    r"|(?<![最附就临靠逼])近|(?<![赶高])超|逾|(?<![签节制预公条合违特邀履相契集简])约"
    r"|(?<![下送直抵传表通到发转雷])达)\s?$"
)
_SEP = r"(?:[-－~～至到]|—{1,2})"
_QTY_BODY = (
    rf"(?P<n1>{NUM_AR}|{NUM_CN})"
    rf"(?:(?P<mag1>万亿|亿|万|千)?\s*(?P<sep>{_SEP})\s*(?P<n2>{NUM_AR}|[{CN_DIGITS}]+?))?"
    r"(?P<approx>余|多)?\s?"
    rf"(?P<unit>(?P<mag>{_MAG})(?P<approx2>余|多)?(?P<base>{_BASE}|P(?![A-Za-z0-9]))"
    r"|亿(?=[，,。；;、\s）)]|$)|万亿(?=[，,。；;、\s]|$)|万(?=[，,。；;、）)]|$))"
    r"(?P<post>及以上|以上|及以下|以下|左右|以内|上下(?!游))?"
)
_QTY = re.compile(rf"(?<![0-9A-Za-z.．_+\-/{CN_DIGITS}第]){_QTY_BODY}")
_QTY_NEXT = re.compile(_QTY_BODY)  # the second half of 10%-20%, 500万元至1000万元
_RANGE_SEP = re.compile(rf"\s*{_SEP}\s*")
_ANY_NUMERAL = re.compile(f"[0-9０-９{CN_DIGITS}]")  # a cheap first look: most sentences of prose hold none
_MAG_VALUE = {"": 1.0, "十": 10.0, "百": 1e2, "千": 1e3, "万": 1e4, "十万": 1e5, "百万": 1e6, "千万": 1e7, "亿": 1e8,
              "万亿": 1e12}
# Units that hide time spans, ordinals or names, not quantities.
_BAD_AFTER = re.compile(r"(?:个月|个工作日|个方面|次会议|条(?:具体)?(?:措施|政策|举措|意见|规定)|所(?!学校|高校|院校|中小学|医院|幼儿园|职业))")
# 千万元级服务商, 10亿元级项目, 百亿级集群: a tier label, not a quantity.
_TIER = re.compile(r"\s?(?:级|量级|规模级)")

YEAR_RE = re.compile(r"(?<![0-9０-９])((?:19|20)[0-9]{2})(?=年)")
_YEAR_BARE = re.compile(
    r"(?:到|至|力争|争取|计划|预计|于|在|截至|截止)\s*((?:19|20)[0-9]{2})(?![0-9０-９.年月日号%])"
    rf"(?!\s*(?:{_MAG}(?:{_BASE})))"
)
DEADLINE_RE = re.compile(
    r"(?:力争到|争取到|到|至|截至|截止|截止到|在)?\s*(?:(?:19|20)[0-9]{2})年"
    r"(?:底前|年底|底|末|前|以前|上半年|下半年|第[一二三四1-4]季度|[0-9]{1,2}月(?:底|末)?|内)?"
    r"|[“\"]?十[一二三四五六七八九]五[”\"]?(?:期间|时期|末)?"
    r"|[一二三四五六七八九十两0-9]+年内|年内|年底前|每年|今年|明年"
)


@dataclass(frozen=True)
class Quantity:
    """One number with its unit, as found in a text.

    ``start``/``end`` span the number and its unit (and a trailing 以上/左右); ``text`` is the figure
    as written, a qualifying word before it included (超400个, 不低于100公里, 3-5家). ``qualifier`` is
    one of :data:`kb.extract.figures.QUALIFIERS` or ``None``; ``prefix`` is the word before the number.
    """

    start: int
    end: int
    amount: float
    unit: str
    amount_max: float | None = None
    qualifier: str | None = None
    prefix: str | None = None
    text: str = ""


@lru_cache(maxsize=4096)
def _cn_value(span: str) -> float | None:
    s = span.strip()
    if not s:
        return None
    if s[0] in "百千万亿":
        s = "一" + s
    simple = simple_cn_value(s)
    if simple is not None:
        return float(simple)
    import cn2an  # 0.14 s to import: only for the rarer forms

    try:
        value = cn2an.cn2an(s, "smart")
    except Exception:  # cn2an raises ValueError and others on odd spans
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def parse_amount(span: str) -> float | None:
    """Read one number: Arabic (commas, decimals, full-width) or Chinese numerals.

    ``"1,500"`` -> 1500.0, ``"２.５"`` -> 2.5, ``"三千"`` -> 3000.0, ``"1.5万"`` -> 15000.0.
    Approximation words (近/超/逾/约/余/多/左右/以上) are ignored. ``None`` if unreadable.
    """
    if not isinstance(span, str):
        return None
    s = span.translate(_FULL).strip()
    s = re.sub(r"^(不低于|不少于|不超过|超过|突破|达到|近|超|逾|约|达)", "", s)
    s = re.sub(r"(余|多|左右|以上|以下|上下)$", "", s).strip()
    if not s or len(s) > 40:
        return None
    m = re.fullmatch(r"([0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)([十百千万亿]*)", s)
    if m:
        try:
            value = float(m.group(1).replace(",", ""))
        except ValueError:
            return None
        for ch in m.group(2):
            value *= {"十": 10, "百": 100, "千": 1e3, "万": 1e4, "亿": 1e8}[ch]
        return value
    if re.fullmatch(rf"[{CN_DIGITS}]+", s):
        return _cn_value(s)
    return None


_MAG_FACTOR = (("万亿", 1e12), ("千万", 1e7), ("百万", 1e6), ("十万", 1e5), ("亿", 1e8), ("万", 1e4), ("千", 1e3), ("百", 1e2))


def to_base(amount: float | None, unit: str | None) -> tuple[float, str] | None:
    """Convert to a base unit for comparison: ``(1.5, "亿元")`` -> ``(150000000.0, "元")``.

    ``"万平方米"`` -> 平方米, ``"万人次"`` -> 人次, ``"%"``/``"％"`` -> ``"%"``; bare ``亿``
    counts as 亿元. ``None`` when either part is missing.
    """
    if amount is None or not unit:
        return None
    u = unit.replace("％", "%").replace("平米", "平方米")
    if u in ("亿", "万亿"):
        u += "元"
    for mag, factor in _MAG_FACTOR:
        if u.startswith(mag) and len(u) > len(mag) and u != "千米" and u != "千瓦" and u != "千瓦时":
            return amount * factor, u[len(mag):]
    return float(amount), u


def is_money(unit: str | None) -> bool:
    """True for 元, 万元, 亿元, bare 亿... ."""
    return bool(unit) and unit in MONEY_UNITS


def is_percent(unit: str | None) -> bool:
    return bool(unit) and unit in PERCENT_UNITS


def find_quantities(text: str) -> list[Quantity]:
    """Every number+unit in ``text``, with offsets into it.

    Ranges keep both ends however they are written (3-5家, 三至五家, 2亿—5亿元, 10%-20%). Skips
    what the patterns can tell is not a quantity: ordinals (第3, 前10位), model names (5G, IPv6,
    3+4), time spans (3个月), small Chinese counts of no measure value (一批, 两个全覆盖, 一次性),
    names like 电科28所.
    """
    if not isinstance(text, str) or not _ANY_NUMERAL.search(text):
        return []
    out: list[Quantity] = []
    text = _scan_form(text)
    taken = 0
    for m in _QTY.finditer(text):
        if m.start() < taken:
            continue  # the upper end of a range already read
        q = _quantity(text, m)
        if q is not None:
            out.append(q)
            taken = q.end
    return out


def _quantity(text: str, m: re.Match[str]) -> Quantity | None:
    """The quantity of one pattern match, or ``None`` when it is not one (see find_quantities)."""
    n1 = m.group("n1")
    unit = m.group("mag") + m.group("base") if m.group("base") else m.group("unit")
    if _BAD_AFTER.match(text, m.start("unit")) or _TIER.match(text, m.end()):
        return None
    if m.end() < len(text) and text[m.end()] in "+＋" or (m.start() > 0 and text[m.start() - 1] in "+＋"):
        return None
    if unit in ("位", "名") and m.start() > 0 and text[m.start() - 1] in "前后":
        return None  # 居全国前10位: a rank
    amount = parse_amount(n1)
    if amount is None:
        return None
    chinese = n1[0] in CN_DIGITS
    approx = m.group("approx") or m.group("approx2")
    amount, amax, end, post = _range_end(text, m, amount, unit)
    small = amount < 10 and not approx and not m.group("mag") and amax is None  # 一万家 is no small count
    if chinese and small and not (is_money(unit) or is_percent(unit)):
        return None
    if not chinese and "." not in n1 and "," not in n1 and len(n1) >= 9:
        return None  # phone numbers, IDs
    pm = _PREFIX.search(text, max(0, m.start() - 4), m.start())
    prefix = pm.group(1) if pm else None
    written_from = pm.start() if pm and qualifier_symbol((prefix,)) else m.start()  # 超400个, but 达到 is no qualifier
    return Quantity(
        start=m.start(),
        end=end,
        amount=amount,
        unit=unit.replace("％", "%"),
        amount_max=amax,
        qualifier=qualifier_symbol((prefix, approx, post)),
        prefix=prefix,
        text=text[written_from:end],
    )


def _range_end(text: str, m: re.Match[str], amount: float, unit: str
               ) -> tuple[float, float | None, int, str | None]:
    """(lower end, upper end, end offset, trailing word) of the quantity ``m`` starts.

    3-5家 and 三至五家 are one match; 2亿—5亿元 has a magnitude on the lower end, scaled to the
    unit's (5000万—1亿元 is 0.5..1 亿元); 10%-20% and 500万元至1000万元 repeat the unit, so the
    upper end is the next quantity. A range whose upper end is not above the lower is no range.
    """
    post = m.group("post")
    if m.group("n2"):
        amax = parse_amount(m.group("n2"))
        mag1, mag = m.group("mag1"), m.group("mag") or ""
        if mag1 and mag1 in _MAG_VALUE and mag in _MAG_VALUE:
            amount = amount * _MAG_VALUE[mag1] / _MAG_VALUE[mag]
        elif mag1:
            amax = None
        return amount, (amax if amax is not None and amax > amount else None), m.end(), post
    sep = _RANGE_SEP.match(text, m.end())
    nxt = _QTY_NEXT.match(text, sep.end()) if sep and not post else None
    if nxt is None or nxt.group("n2"):
        return amount, None, m.end(), post
    nxt_unit = nxt.group("mag") + nxt.group("base") if nxt.group("base") else nxt.group("unit")
    amax = parse_amount(nxt.group("n1"))
    if nxt_unit != unit or amax is None or amax <= amount:
        return amount, None, m.end(), post
    return amount, amax, nxt.end(), nxt.group("post")


def find_years(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, year)`` for 2025年, and for bare years after 到/力争/计划 (力争2022建成).

    Digits glued to other digits are never read as a year (202247日 is not one).
    """
    if not isinstance(text, str):
        return []
    return list(_years(text))


@lru_cache(maxsize=64)
def _years(text: str) -> tuple[tuple[int, int, int], ...]:
    """find_years' work, cached: a sentence is read for deadlines and for time references in turn."""
    if "20" not in text and "19" not in text and not _SCAN_NEEDED.search(text):
        return ()  # no year can be written without these digits
    text = _scan_form(text)
    found = {m.start(1): (m.start(1), m.end(1), int(m.group(1))) for m in YEAR_RE.finditer(text)}
    for m in _YEAR_BARE.finditer(text):
        found.setdefault(m.start(1), (m.start(1), m.end(1), int(m.group(1))))
    return tuple(sorted(found.values()))


def parse_year(text: str) -> int | None:
    """The first year in ``text`` (see :func:`find_years`), or ``None``."""
    years = find_years(text)
    return years[0][2] if years else None


def find_deadlines(text: str) -> list[tuple[int, int, str, int | None]]:
    """``(start, end, phrase, year)`` for 到2025年, 2025年底, 2022年上半年, “十四五”期间, 年内...

    Bare years after 力争/计划 (力争2022建成) count too, with the phrase as written.
    """
    if not isinstance(text, str):
        return []
    out: list[tuple[int, int, str, int | None]] = []
    text = _scan_form(text)
    taken: list[tuple[int, int]] = []
    phrases = DEADLINE_RE.finditer(text) if "年" in text or "五" in text else ()  # every phrase holds one of them
    for m in phrases:
        phrase = m.group(0).strip()
        if not phrase:
            continue
        s = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        if s > 0 and text[s - 1].isdigit():
            continue
        out.append((s, m.end(), phrase, parse_year(phrase)))
        taken.append((s, m.end()))
    for s, e, year in find_years(text):
        if any(a <= s < b for a, b in taken):
            continue
        out.append((s, e, text[s:e], year))
    out.sort()
    return out


_REL_YEAR = re.compile(r"(?<![较比与和同])(前年|去年|今年|明年|本年度|本年)(?!度)")
_REL_OFFSET = {"前年": -2, "去年": -1, "今年": 0, "本年": 0, "本年度": 0, "明年": 1}
_SINCE_AFTER = re.compile(r"[^，,。；;：:]{0,12}?以来")


def doc_year(doc_date: str | None) -> int | None:
    """The year of an ISO-ish date (``2024-01-18``, ``2024年1月``, ``2024``), or ``None``."""
    if not isinstance(doc_date, str):
        return None
    m = re.match(r"\s*((?:19|20)[0-9]{2})(?![0-9])", doc_date.translate(_SCAN))
    return int(m.group(1)) if m else None


def relative_year(phrase: str, base_year: int | None) -> int | None:
    """今年/去年/明年/前年/本年 -> a year counted from ``base_year`` (the document's)."""
    if base_year is None:
        return None
    m = _REL_YEAR.search(phrase)
    return base_year + _REL_OFFSET[m.group(1)] if m else None


def is_start_year(text: str, start: int, end: int) -> bool:
    """自2022年…以来 / 2021年出台…以来 / 比2020年提高: the year a period began or a comparison base.

    Either way it is not the year of what is counted.
    """
    return (start > 0 and text[start - 1] in "自从比较") or bool(_SINCE_AFTER.match(text, end))


def find_time_refs(text: str, base_year: int | None = None) -> list[tuple[int, int, int]]:
    """``(start, end, year)`` of every year a quantity may belong to.

    Explicit years (:func:`find_years`) minus start-of-period years, plus 今年/去年/明年
    resolved against ``base_year``; a comparison base (较去年, 比去年) is not one.
    """
    if not isinstance(text, str):
        return []
    out = [(s, e, y) for s, e, y in find_years(text) if not is_start_year(text, s, e + 1)]
    if base_year is not None and "年" in text:
        for m in _REL_YEAR.finditer(text):
            this_year = m.group(1) in ("今年", "本年") and text.startswith("以来", m.end())  # 今年以来: this year so far
            if this_year or not is_start_year(text, m.start(), m.end()):
                out.append((m.start(), m.end(), base_year + _REL_OFFSET[m.group(1)]))
    out.sort()
    return out


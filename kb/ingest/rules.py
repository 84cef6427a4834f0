"""What one scraped line is, judged on its own: a class of page boilerplate, or article text.

Each rule names a class of line that CMS templates of government and news sites share (menus,
breadcrumbs, metadata labels, share/print widgets, editor credits, related lists, ICP footers,
PDF page numbers), never a particular site. ``clean`` adds the judgements that need position.
"""

from __future__ import annotations

import re

from kb.ingest.normalise import to_simplified

STRIP = " \t\r\n\f\v\u00a0\u3000\u200b\u200c\u200d\ufeff\u2002\u2003\u2009"
SENT_END = re.compile(r"[。！？；!?;]")
CLAUSE = re.compile(r"[，,、]")
PUNCT_ANY = re.compile(r"[。！？；，,、:：!?;]")
DATE = r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
_SHORT_DATE = r"\d{2}[-/.]\d{1,2}[-/.]\d{1,2}"
_DATED = re.compile(DATE)

# Labels of the metadata block of a page (information-disclosure tables, article info bars).
META_LABELS = (
    "发布日期|发布时间|生成日期|发文日期|成文日期|印发日期|生效日期|实施日期|失效日期|废止日期|更新时间|"
    "信息来源|文章来源|稿件来源|新闻来源|来源|转载自|转自|发布机构|发布单位|发文机关|发文单位|发文字号|文号|"
    "索引号|主题分类|组配分类|体裁分类|服务对象分类|信息分类|分类|主题词|作者|时效性|有效性|"
    "公开方式|公开范围|公开时限|统一编号|标题|名称|体裁"
)
# Labels that stand for themselves in a table cell, colon or not (not 名称/标题/分类/作者/来源,
# which article tables also use as column heads).
_CELL_LABELS = re.compile(
    r"^(发布日期|发布时间|生成日期|发文日期|成文日期|印发日期|生效日期|失效日期|发布机构|发文机关|发文单位|"
    r"发文字号|文号|索引号|主题分类|组配分类|体裁分类|主题词|时效性|有效性|公开方式|公开范围|统一编号)\s*[:：]?$"
)
# A label set out to the width of its column: "文 号：", "来　　源：", "发 文 机 关".
_SPACED_LABEL = re.compile(
    "(?:" + "|".join("[ \u3000]*".join(label) for label in sorted(META_LABELS.split("|"), key=len, reverse=True))
    + r")(?=\s*[:：\t]|\s*$)"
)
_META = re.compile(rf"^[\[【(（]?\s*({META_LABELS})\s*[:：]")
_META_ONLY = re.compile(rf"^[\[【(（]?\s*({META_LABELS})\s*[:：]?\s*[\]】)）]?$")
_META_TIME = re.compile(r"^[\[【(（]?\s*(发布)?(时间|日期)\s*[:：]\s*\d")
_META_BARE_SOURCE = re.compile(r"^来源\s*\S")
# A newspaper's page label above the article: "第01版：要闻", "A3版", "第 5 版 综合新闻".
_PAGE_LABEL = re.compile(r"^(第\s*[0-9０-９A-Za-z]{1,4}\s*版|[A-Z][0-9]{1,2}\s*版)\s*[:：]?\s*\S{0,12}$")
_META_ANY = re.compile(rf"({META_LABELS})\s*[:：]?")
_META_COLON = re.compile(rf"({META_LABELS})\s*[:：]")
# "2023-08-14 17:30 发表于浙江", "原创 某某发布 2023-08-14 17:30": an info bar without labels.
_DATELINE = re.compile(rf"({DATE}|{_SHORT_DATE})\s*\d{{1,2}}:\d{{2}}|发表于")
# "澎湃新闻记者 张三", "文/张三 李四", "通讯员 王五": a byline on its own line.
_NAMES = r"[\u4e00-\u9fff·]{2,4}([\s、,，]+[\u4e00-\u9fff·]{2,4}){0,5}$"
_BYLINE = re.compile(
    rf"^([\u4e00-\u9fff]{{0,8}}(记者|通讯员|实习生|撰稿|摄影)\s+|(本报|本台|本刊|本网)?(记者|通讯员)|"
    rf"文\s*[/|｜]\s*|撰文\s*[:：]?\s*|[文图]\s*[:：]\s*){_NAMES}"
)
_EDITOR = re.compile(
    r"(^|[】\]|｜]\s*)[\[【(（]?\s*(一审|二审|三审|责任编辑|责编|图片编辑|文字编辑|视频编辑|编辑|校对|审核|初审|复审|终审|审校|"
    r"审签|签审|监制|统筹|美编|排版|值班编辑|主编)\s*[:：]"
)

# (reason, pattern, max line length or 0 for any); the first two outrank the metadata rules.
_RULES: list[tuple[str, re.Pattern[str], int]] = [
    ("disclaimer", re.compile(r"^[\[【(（]?\s*(免责声明|郑重声明|版权声明|特别声明|声明)\s*[\]】)）]?\s*[:：]?"), 0),
    (
        "disclaimer",
        re.compile(
            r"(本站|本网|本文|本平台|本号).{0,20}(转载|来源于网络|版权归|仅供|不代表)"
            r"|如有侵权|侵权请|版权归原作者|转载请注明|请在\d+日内与本网联系|未经(授权|许可).{0,8}(不得|禁止).{0,4}(转载|使用|复制)"
        ),
        400,
    ),
    (
        "navigation",
        re.compile(
            r"^(当前位置|(您|你)(当前|现在)?的?(所在)?位置|现在位置|所在位置|当前栏目|所在栏目|位置\s*[:：])\s*[:：]?"
        ),
        120,
    ),
    ("navigation", re.compile(r"^(网站|返回)?首页\s*([>＞»›/|｜-]|$)"), 120),
    (
        "navigation",
        re.compile(
            r"^(跳转到主要内容|跳过导航|无障碍(浏览|阅读)?|长者(模式|版)|关怀版|适老化|网站地图|设为首页|"
            r"加入收藏|收藏本站|繁體|繁体版?|简体版?|English|登录|注册|搜索|返回顶部|TOP|下载客户端)$",
            re.I,
        ),
        0,
    ),
    (
        "related",
        re.compile(
            r"^(相关(文章|推荐|阅读|新闻|链接|文件|信息|资讯|政策|解读|稿件|专题|附件)|"
            r"热门(资讯|文章|推荐|新闻|阅读|标签|排行)|最新(加入|文章|发布|资讯|动态|更新|新闻|信息)|"
            r"推荐(阅读|文章|新闻)|往期(推荐|回顾|精选|阅读|文章)|猜你喜欢|延伸阅读|热点(推荐|新闻|资讯)|"
            r"精彩推荐|图片新闻|政策解读|(文件|相关)?解读|喜欢此内容的人还喜欢|"
            r"(点击|阅读|热门|浏览)排行(榜)?|更多|查看更多)\s*[:：]?\s*(更多\s*)?[>»]*$"
        ),
        0,
    ),
    # Links to a policy's interpretations: 【图片解读】…, 一图读懂…, 图解：…
    (
        "related",
        re.compile(
            r"^[\[【](文字|图片|图文|视频|音频|动漫|专家|部门|媒体|政策|新闻)?解读[\]】]|^(一图(读懂|看懂|解读)|图解)"
        ),
        80,
    ),
    ("related", re.compile(r"^[\[【]?\s*(上一篇|下一篇|上一条|下一条|上一页|下一页|上篇|下篇)"), 200),
    ("share", re.compile(r"(扫一扫|扫码|扫描二维码|手机扫描|用手机(看|浏览|打开)|在手机(上)?打开)"), 40),
    ("share", re.compile(r"^(分享(到|至)?|微信分享|转发到)\s*[:：]?"), 40),
    (
        "share",  # article widgets of news sites and WeChat
        re.compile(
            r"^(分享|收藏|在看|点赞|赞|评论|写评论|写留言|留言|举报|我要举报|转发|阅读原文|查看原文|展开全文|"
            r"\+1|打赏|喜欢作者|听全文|朗读)$|点击(上方)?蓝字|关注我们|长按(识别)?(二维码|图片)|设为星标|"
            r"点个?[“\"]?在看|关注该公众号|(下载|打开|安装).{0,12}(APP|客户端)|(APP|客户端).{0,4}(阅读|查看)全文",
            re.I,
        ),
        40,
    ),
    (
        "counter",
        re.compile(r"(访问量|浏览次数|浏览量|阅读数|阅读量|点击数|点击量|点击率|阅读次数|访问次数|浏览人次)"),
        60,
    ),
    ("font", re.compile(r"^[\[【(（]?\s*(字号|字体)\s*[:：]?.{0,12}(大|小|默认)"), 40),
    ("font", re.compile(r"^[\[【(（]?\s*[大中小]?(字号|字体|文字大小)\s*[:：]?\s*[\]】)）]?$"), 0),
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
            r"(版权所有|(?i:Copyright)|©|(?i:ICP)\s*[备证]|网站标识码|公网安备|技术支持\s*[:：]|"
            r"主办单位\s*[:：]|承办单位\s*[:：]|维护单位|^主办\s*[:：]|^承办\s*[:：]|制作单位\s*[:：]|联系我们|"
            r"友情链接|关于我们|隐私政策|网站声明|网站纠错|我要纠错|[【\[]纠错[】\]]|举报(电话|邮箱|中心)|"
            r"违法和不良信息|新闻信息服务许可|视听节目许可|报料\s*[:：]|建议使用.{0,30}浏览器|分辨率)"
        ),  # case folds only where there are letters: a pattern-wide re.I made this rule the slowest
        200,
    ),
    (
        "attachment",
        re.compile(r"^[\[【]?\s*(文件下载|附件下载|相关附件|下载附件|点击下载|下载\s*[:：]|附件\s*[:：]?\s*$)"),
        0,
    ),
    ("attachment", re.compile(r"\.(pdf|docx?|xlsx?|wps|zip|rar|ofd|et)\s*$", re.I), 120),
    ("keywords", re.compile(r"^[\[【]?\s*(文章关键(词|字)|关键(词|字)|标签|Tags?)\s*[:：]", re.I), 120),
    # "原文链接：http…", and without a colon: "【本文链接】http…", "本文链接 http…", "【本文链接】" alone.
    (
        "link",
        re.compile(r"^[\[【]?\s*(原文链接|原文地址|本文链接|本文地址|本文网址|文章链接|原文网址|网址|链接)\s*"
                   r"(?:[:：]|[\]】]\s*(?:[:：]|$|(?=https?://|www\.))|(?=https?://|www\.))", re.I),
        0,
    ),
    ("link", re.compile(r"^(https?://|www\.)\S+$", re.I), 0),
    (
        "caption",
        re.compile(
            r"^[\[【(（]?\s*(图片来源|图片来自|图源|题图|摄影|图片作者)\s*[:：/]|^(记者|通讯员)?\s*\S{2,4}\s*摄$"
        ),
        40,
    ),
    (
        "page_number",
        re.compile(
            r"^([-—–_]\s*\d{1,4}\s*[-—–_]|[·•]\s*\d{1,4}\s*[·•]|第\s*\d{1,4}\s*页.{0,8}|共\s*\d+\s*页|"
            r"\d{1,4}\s*/\s*\d{1,4}|page\s*\d{1,4}(\s*of\s*\d{1,4})?)$",
            re.I,
        ),
        20,
    ),
]
_FIRST_RULES, _LATER_RULES = _RULES[:2], _RULES[2:]  # the first two outrank the metadata rules
BREADCRUMB = re.compile(r"\s*[>＞»›]\s*")
_BULLET = re.compile(r"^[•·●◆◇■□▪►▶>»\-*]\s*\S")
_HEADLINE = re.compile(
    rf"^({_SHORT_DATE}|{DATE}|\[\d{{1,2}}-\d{{1,2}}\])\s*\S.{{2,48}}$|^.{{3,48}}(\.\.\.|…+|\.{{2,}})$|"
    rf"^[^。！？]{{4,48}}[\s(（\[]*({DATE}|{_SHORT_DATE}|\d{{1,2}}-\d{{1,2}})[)）\]]*$"
)
ORG_END = re.compile(
    r"(委员会|人民政府|政府|办公厅|办公室|管委会|管理委员会|工委|党委|局|厅|委|部|院|中心|公司|协会|学会|"
    r"联合会|集团|研究会|办事处|\(章\)|（章）|\(盖章\)|（盖章）)$"
)
_SIGN_DATE = re.compile(
    rf"^({DATE}|(19|20)\d{{2}}\s*年?\s*\d{{1,4}}\s*[月日]\s*\d{{0,2}}\s*日?|"
    r"(19|20)\d{2}\s*年\s*\d{1,2}\s*月)$"
)
_ATTACH_TITLE = re.compile(r"^附件\s*\d*\s*[:：.、]?\s*\S")
# A 文号 standing on its own line: 鲁政办字〔2023〕87号, 黔府发[2023]5号, 府辦發〔2023〕12號.
DOCNO_LINE = re.compile(r"^[\u4e00-\u9fff]{1,14}\s*[〔\[［(（【]\s*(19|20)\d{2}\s*[〕\]］)）】]\s*\d{1,4}\s*[号號]$")
_TOKEN_SPLIT = re.compile(r"[ \t\u3000|｜/]+")
_SPACED_MIN = 4  # single characters in a row: letter-spacing, not a menu (大 中 小, a font-size switch, is one)


def classify(text: str) -> str | None:
    """The boilerplate reason of one stripped line on its own, or None."""
    n = len(text)
    for reason, pattern, limit in _FIRST_RULES:
        if (not limit or n <= limit) and pattern.search(text):
            return reason
    if is_meta(text):
        return "meta"
    for reason, pattern, limit in _LATER_RULES:
        if (not limit or n <= limit) and pattern.search(text):
            return reason
    if is_breadcrumb(text):
        return "navigation"
    if n <= 60 and _EDITOR.search(text) and _names_only(_EDITOR.sub(" ", text)):
        return "editor"  # "责任编辑：王芳", "编辑：A 审核：B", "【纠错】 责任编辑：周婷"
    return None


def _names_only(rest: str) -> bool:
    """What is left of an editor line once its labels are gone: a few short names."""
    tokens = [t for t in re.split(r"[\s、,，/|｜()（）\[\]【】]+", rest) if t]
    return all(len(t) <= 8 for t in tokens) and not SENT_END.search(rest)


def unspace_labels(text: str) -> str:
    """``text`` with the spaces inside its metadata labels gone ("文 号：" → "文号：")."""
    if " " not in text and "\u3000" not in text:
        return text
    return _SPACED_LABEL.sub(lambda m: re.sub("[ \u3000]", "", m.group(0)), text)


def label_form(text: str) -> str:
    """A metadata line as the label rules read it: labels unspaced and in Simplified (來　源：→ 来源：),
    values as written."""
    simple = to_simplified(text)
    if simple != text:
        chars = list(text)
        for m in _SPACED_LABEL.finditer(simple):
            chars[m.start():m.end()] = simple[m.start():m.end()]
        text = "".join(chars)
    return unspace_labels(text)


def is_meta(text: str) -> bool:
    """A line of the page's metadata block: labelled values, a label alone, a dateline or a byline."""
    text = unspace_labels(text)
    n = len(text)
    if n > 160:
        return False
    cells = [c.strip(STRIP) for c in text.split("\t") if c.strip(STRIP)]
    return bool(
        _META.search(text)
        or _META_ONLY.match(text)
        or _META_TIME.search(text)
        or (n <= 40 and _META_BARE_SOURCE.search(text))
        or (n <= 120 and (len(_META_COLON.findall(text)) >= 2 or len(_META_ANY.findall(text)) >= 3))
        or (n <= 60 and _META_ANY.search(text) and _DATED.search(text) and not SENT_END.search(text))
        or (len(cells) >= 2 and _CELL_LABELS.match(cells[0]))
        or (n <= 60 and "\t" not in text and _DATELINE.search(text) and not SENT_END.search(text))
        or (n <= 30 and _BYLINE.match(text))
        or (n <= 24 and _PAGE_LABEL.match(text))
    )


def is_label_only(text: str) -> bool:
    """A metadata label whose value is on the next line ("发布日期：")."""
    return bool(_META_ONLY.match(unspace_labels(text)))


def is_breadcrumb(text: str) -> bool:
    """首页 > 政务公开 > 政策文件: three or more short items joined by '>'."""
    if len(text) > 120:
        return False  # a paragraph: not split at its '>'
    parts = [p for p in BREADCRUMB.split(text) if p]
    return len(parts) >= 3 and all(len(p) <= 16 for p in parts) and not SENT_END.search(text)


def headline_kind(text: str) -> str | None:
    """'dated' for an item of a news list (date or trailing ellipsis), 'bullet' for a bare bullet item."""
    if len(text) > 60 or "\t" in text or SENT_END.search(text[:-1]):
        return None  # table rows (schedules with dates) and sentences are article text
    if _HEADLINE.search(text):
        return "dated"
    return "bullet" if _BULLET.search(text) else None


def is_headline(text: str) -> bool:
    """A list item of a related/hot list: bullet, date prefix/suffix or a trailing ellipsis."""
    return headline_kind(text) is not None


def is_signature(text: str) -> bool:
    """Lines that legitimately follow an article's last paragraph: 落款, dates, 附件 titles."""
    if _SIGN_DATE.match(text.replace(" ", "")) or _ATTACH_TITLE.match(text):
        return True
    parts = [p for p in re.split(r"\s{2,}|\t", text) if p]
    return all(ORG_END.search(p.strip()) and len(p) <= 40 for p in parts) or (
        text.startswith(("(", "（")) and text.endswith((")", "）")) and len(text) <= 60
    )


def is_strong(text: str) -> bool:
    """A real paragraph: long enough and written in sentences."""
    n = len(text)
    return (n >= 40 and bool(SENT_END.search(text))) or (n >= 70 and len(CLAUSE.findall(text)) >= 2)


def is_menu(text: str) -> bool:
    """A row of three or more short link texts; not a letter-spaced line ("关 于 印 发 … 的 通 知",
    a PDF title, or a narrow table cell "资 助 400 万"), whose items are single characters."""
    tokens = [t for t in _TOKEN_SPLIT.split(text) if t]
    if len(tokens) >= _SPACED_MIN and all(len(t) == 1 for t in tokens):
        return False
    singles = sum(1 for t in tokens if len(t) == 1)
    numbers = [t for t in tokens if t.isdigit()]
    if numbers and singles >= 2 and singles + len(numbers) >= len(tokens):  # letter-spaced: "资 助 400 万"
        return False
    return len(tokens) >= 3 and all(len(t) <= 6 for t in tokens) and not PUNCT_ANY.search(text)

"""Where the text puts things: ``located_in`` from the sentence that says so.

Policy prose places a firm, platform or park with a few fixed shapes: "X 落户/入驻 P",
"X 在 P 建设/设立/注册…", "位于 P 的 X", "P 内的 X", "P 现有/建有/引进 X、Y 等", "P 与 X 签约",
and a name written right after its container's (东湖高新区光谷芯中心). Each sentence is rewritten
as a template in which every entity mention is one code character (region, park, firm,
platform) and the words that point back at a place (该市, 我区, 区内, 园区, 该科创园) are codes
too; the shapes are regular expressions over that template, so a list "X、Y、Z 等企业" is placed
as a whole. Being named next to a place is not enough: "与华为合作建设" or "加强与腾讯合作"
places nobody.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from kb.extract.found import FoundEntity

Key = tuple[str, str]
Item = tuple[int, int, FoundEntity]

# one code character per mention kind (private-use code points never occur in documents)
_CODE = {"region": "\ue000", "park": "\ue001", "enterprise": "\ue002", "platform": "\ue003"}
_HERE, _PARK_HERE, _THAT = "\ue004", "\ue005", "\ue006"  # 该市/我区, 区内/园区, 该科创园
_ANY = "\ue000-\ue006"
_PLACE = f"[\ue000\ue001{_HERE}{_PARK_HERE}{_THAT}]"
_THING = f"[\ue001\ue002\ue003{_THAT}]"
_GAP = f"[^，,。；;：:{_ANY}]"
_PLACES = f"{_PLACE}+(?:[、和及]{_PLACE}+)*"  # P、P2; P P2 written together is P2 inside P
_ONE = f"{_THING}(?:\\s?{_THING})*"  # 中国电科 38所: a name written in two pieces
_ITEM_GAP = "[^，,。；;：:\ue001-\ue006]"  # unnamed items between names may hold a region (哈尔滨铁路集装箱中心站)
_LIST = f"{_ONE}(?:[^、和及，,。；;：:\ue001-\ue006]{{0,20}}[、和及]{_ITEM_GAP}{{0,60}}?{_ONE})*"
_TAIL = f"(?:(?:[、和及]{_GAP}{{0,24}}?)?等[^，,。；;：:\ue001-\ue006]{{0,16}}?)?"  # X、某机构等12家上海企业
_LISTS = f"{_LIST}(?:{_TAIL}[，,]?(?:及|以及){_GAP}{{0,10}}?{_LIST})*"  # X等项目，及Y、Z等企业

_CREATE = ("设立|成立|注册|建设|建成|落地|落户|投资|布局|打造|开工|投产|扎根|运营|组建|挂牌|揭牌|开设|新建|"
           "扩建|设厂|建厂|入驻|进驻|开园|启用")
_SETTLE = "签约落户|签约入驻|签约落地|落户|入驻|进驻|落地|扎根|迁入|入园|布局|选址"
_HOST = ("现有|拥有|建有|设有|已有|集聚了?|聚集了?|汇聚了?|引进了?|引入了?|招引了?|已入驻|入驻了?|"
         "落户了?|培育和引进了?|培育引进了?|引育了?|签约了?")
_SIGN = "签约|签署|签订"
_PART = "核心载体|核心区|重要载体|主要载体|载体|组成部分|起步区|先导区|承载区|拓展区|分园|园中园|子园区|片区"
_BUILD_IN = "建设|打造|建成|布局|设立|组建"
_BUILD_START = "启动建设|开工建设|加快建设|规划建设|建成了?|建设了|建有|打造了|设立了|新建了?"

_SHAPES = [re.compile(p) for p in (
    # 位于 P 的 X, P 内的 X
    f"(?:位于|地处|坐落于|坐落在|设在|落户|落户于|入驻|进驻)(?P<p>{_PLACES})(?:内)?的(?P<x>{_LIST})",
    f"(?P<p>{_PLACE})(?:内|里|区内|园区内)的(?P<x>{_LIST})",
    f"(?P<p>{_PARK_HERE})(?:的|有|建有|现有)?(?P<x>{_LIST})",  # 区内X聚集了…
    # X 位于/落户/入驻 P
    f"(?P<x>{_LIST})[”\"]?{_TAIL}(?:项目)?(?:正式|已经|已|顺利|成功|将|率先)?"
    f"(?:位于|地处|坐落于|坐落在|设在|建在|{_SETTLE})(?:于|到|在)?"
    f"(?:[^，,。；;：:\ue001-\ue006]{{0,10}}?的)?(?P<p>{_PLACES})",  # 位于某镇某村的 P 内
    # X 位于 某中心 (a building or campus named like a platform: it holds X, so it is a park)
    f"(?P<x>{_LIST}){_TAIL}(?:位于|坐落于|坐落在|地处)(?P<p>\ue003)(?:内)?(?=[，,。；;]|$)",
    # X (…) 在 P 建设/设立…, also after a clause: "X 是…企业，在 P 落地建设了…"
    f"(?P<x>{_LIST}){_TAIL}{_GAP}{{0,10}}?(?:在|于|到)(?P<p>{_PLACES})(?:内)?{_GAP}{{0,16}}?(?:{_CREATE})",
    f"^{_GAP}{{0,6}}?(?P<x>{_LIST})[^。；;{_ANY}]{{0,40}}?[，,](?:并|还|已|先后|相继)?(?:在|于)(?P<p>{_PLACES})"
    f"{_GAP}{{0,10}}?(?:{_CREATE})",
    # (10月28日，)在 P(里)，(…——) X 一期正式建成投产: a news opener that sets the scene
    f"^(?:[^。；;{_ANY}]{{0,12}}?[，,])?(?:在|于)(?P<p>{_PLACES})(?:内|里)?[，,][^。；;{_ANY}]{{0,30}}?(?P<x>{_LIST})"
    f"{_GAP}{{0,10}}?(?:建成|投产|开工|落地|运营|揭牌|开园|总投资)",
    # 在 P 建设 X; 在 P 正加快…X 建设; P 内…改造成 X
    f"(?:在|于){_GAP}{{0,4}}?(?P<p>{_PLACES})(?:内)?{_GAP}{{0,12}}?(?:{_CREATE})了?{_GAP}{{0,24}}?(?P<x>{_LIST})",
    f"(?:在|于)(?P<p>{_PLACES})(?:内)?{_GAP}{{0,30}}?(?P<x>{_LIST}){_GAP}{{0,4}}?(?:建设|落地|投产|开工|运营)",
    f"(?P<p>{_PLACE})(?:内|区内|园内)[^。；;{_ANY}]{{0,40}}?(?:改造成|改建为|打造成|建成)了?{_GAP}{{0,12}}?(?P<x>{_LIST})",
    # P 现有/引进 X、Y 等; P 依托…，吸引 X 等企业建设…
    f"(?P<p>{_PLACES})(?:内|区内|园内|园区内)?{_GAP}{{0,10}}?(?:{_HOST}){_GAP}{{0,24}}?(?P<x>{_LISTS})",
    f"^{_GAP}{{0,10}}?(?P<p>[\ue000\ue001]){_GAP}{{0,6}}?[^。；;{_ANY}]{{0,80}}?(?:引进|招引|集聚|聚集)了?"
    f"{_GAP}{{0,12}}?(?P<x>{_LISTS})",
    # (据悉，) P 先后…，推动了 X、Y 等项目落地: what the park brought in
    f"^(?:[^。；;{_ANY}]{{0,8}}?[，,])?{_GAP}{{0,4}}?(?P<p>\ue001)[^。；;\ue001-\ue006]{{0,100}}?(?:推动|促成|带动)了?{_GAP}{{0,24}}?"
    f"(?P<x>{_LISTS}){_TAIL}{_GAP}{{0,6}}?(?:{_SETTLE}|签约|开工|投产)",
    # P …，促进 X、Y 等10多家已落户企业增产: firms the park already holds
    f"^(?:[^。；;{_ANY}]{{0,8}}?[，,])?{_GAP}{{0,4}}?(?P<p>\ue001)[^。；;\ue001-\ue006]{{0,60}}?(?P<x>{_LIST})"
    f"(?:[、和及]{_GAP}{{0,24}}?)?等[^，,。；;：:{_ANY}]{{0,12}}?(?:已|先后|相继)(?:落户|入驻|进驻)",
    # P 项目，由…创办，目前已有 X 等5家企业入驻: the park the sentence opens with
    f"^{_GAP}{{0,10}}?(?P<p>\ue001)[^。；;\ue002\ue003]{{0,100}}?[，,](?:目前|现|现已|截至目前)?已有(?P<x>{_LIST})"
    f"{_TAIL}{_GAP}{{0,4}}?(?:入驻|落户|进驻)",
    # P 聚焦…，已聚集了 X 等龙头企业，引入 Y、Z 等20余家企业: a later clause of the only park named
    f"^{_GAP}{{0,10}}?(?P<p>\ue001)[^。；;\ue001]{{0,120}}?[，,](?:并|还|同时|先后|另)?(?:引入|引进|招引|集聚|聚集)了?"
    f"{_GAP}{{0,12}}?(?P<x>{_LISTS})",
    # P 揭牌/开园，X、Y 等企业签约入驻: firms moving in at a park's opening
    f"(?P<p>\ue001)(?:正式)?(?:揭牌|开园|开业|启用|落成)[^。；;{_ANY}]{{0,30}}?[，,](?P<x>{_LIST}){_TAIL}"
    f"(?:签约入驻|入驻|进驻|签约落户|落户)",
    # 吸引 X 等企业 落户/建设: attracted to settle, not to visit or test
    f"(?P<p>{_PLACES}){_GAP}{{0,6}}?[^。；;{_ANY}]{{0,30}}?吸引了?{_GAP}{{0,12}}?(?P<x>{_LIST}){_TAIL}"
    f"{_GAP}{{0,6}}?(?:{_CREATE})",
    # X、Y 等企业签订入园协议: firms that agreed to move into the park the text is about
    f"(?P<x>{_LIST}){_TAIL}{_GAP}{{0,4}}?(?:签订|签署|签约)了?(?P<p>{_PARK_HERE})(?:协议|合同)",
    # X 与 P 签约 / 签订入驻协议; P 与 X 签约 (a firm's local project; not a cooperation agreement)
    f"(?P<f>{_LIST}){_TAIL}与(?P<p>{_PLACE}){_GAP}{{0,12}}?(?:{_SIGN}|入驻|落户)(?!{_GAP}{{0,8}}?(?:战略|框架|合作))",
    f"(?P<p>[\ue000\ue001]){_GAP}{{0,6}}?与(?P<f>{_LIST}){_GAP}{{0,12}}?(?:{_SIGN})(?!{_GAP}{{0,8}}?(?:战略|框架|合作))",
    # a name right after its container's: 东湖高新区光谷芯中心, 某经开区某科技 (a firm of that park)
    "(?P<p>\ue001)[“\"]?(?P<x>[\ue001\ue003])",
    "(?:^|[、，,：:（(“])(?P<p>\ue001)(?P<x>\ue002)(?=[、，,。；;：:）)”与和及等]|$)",
    # P 建成 X (a park building something); P 以 X、Y 等园区为载体 (its own parks)
    f"(?P<p>\ue001){_GAP}{{0,4}}?(?:建成|建设了|建有|打造了|设立了)(?P<x>{_LIST})",
    f"(?P<p>\ue001)[^。；;{_ANY}]{{0,30}}?以(?P<x>{_LIST}){_TAIL}为(?:载体|抓手|依托|重点)",
    # P 下辖/包括 X、Y 等园区: a zone's own parks (a firm "included" is only listed, never placed)
    f"(?P<p>\ue001){_GAP}{{0,4}}?(?:下辖|包括|包含|涵盖)了?(?P<x>[\ue001\ue003](?:[、和及][\ue001\ue003])*)",
    # P 由 X、Y 等组成: a zone made of its parks ("一区多园")
    f"(?P<p>\ue001)(?:主要)?由(?P<x>{_LIST}){_TAIL}{_GAP}{{0,8}}?(?:组成|构成)",
    # X 是 P 的核心载体/组成部分/分园: a part of that park
    f"(?P<x>[\ue001\ue003{_THAT}])(?:是|为|作为|系)(?:[^。；;]{{0,60}}?[，,](?:也是|还是|同时是|亦是))?(?P<p>\ue001)"
    f"的?{_GAP}{{0,6}}?(?:{_PART})",
    # X …，成为 P 核心 / P 的核心区: grown into the core of a larger park (not "核心企业", "核心伙伴")
    f"(?P<x>[\ue001\ue003{_THAT}])(?:[^。；;\ue001\ue003]{{0,60}}?[，,])?(?:已经|已|将|正|逐步)?成为{_GAP}{{0,10}}?"
    f"(?P<p>\ue001)的?(?:{_PART}|核心(?:区域|板块|园区)?(?=[，,。；;]|$))",
    # 依托 P 建设 X; P 启动建设 X (a place building something, at the head of its clause)
    f"依托(?P<p>{_PLACES})(?:内)?{_GAP}{{0,6}}?(?:{_BUILD_IN})了?{_GAP}{{0,12}}?(?P<x>{_LIST})",
    f"(?:^|[，,：:]){_GAP}{{0,8}}?(?P<p>[\ue000\ue001]){_GAP}{{0,4}}?(?:{_BUILD_START})(?P<x>{_LIST})",
    # P 的 X, P 某片区的 X: a park or platform held by a park
    f"(?P<p>\ue001)(?:[^，,。；;：:与和及{_ANY}]{{0,8}}?(?:片区|园区|新城|组团|板块|区域|核心区))?的[“\"]?(?P<x>[\ue001\ue003])",
)]


def _words(alternation: str) -> tuple[str, ...]:
    """The plain words of a pattern alternation (集聚了? -> 集聚)."""
    return tuple(w.rstrip("?").rstrip("了") or w for w in alternation.split("|"))


# Each shape runs only when the sentence holds one of its words (most sentences hold none).
_TRIGGERS = (
    ("位于", "地处", "坐落", "设在", "落户", "入驻", "进驻"),
    ("内的", "里的"),
    (_PARK_HERE,),
    ("位于", "地处", "坐落", "设在", "建在", *_words(_SETTLE)),
    ("位于", "地处", "坐落"),
    ("在", "于", "到"),
    ("在", "于"),
    ("在", "于"),
    ("在", "于"),
    ("在", "于"),
    ("改造成", "改建为", "打造成", "建成"),
    _words(_HOST),
    ("引进", "招引", "集聚", "聚集"),
    ("推动", "促成", "带动"),
    ("已落户", "已入驻", "已进驻", "先后落户", "先后入驻", "相继落户", "相继入驻"),
    ("已有",),
    ("引入", "引进", "招引", "集聚", "聚集"),
    ("揭牌", "开园", "开业", "启用", "落成"),
    ("吸引",),
    (_PARK_HERE,),
    ("与",),
    ("与",),
    ("\ue001",),
    ("\ue002",),
    ("建成", "建设了", "建有", "打造了", "设立了"),
    ("以",),
    ("下辖", "包括", "包含", "涵盖"),
    ("组成", "构成"),
    ("是", "为", "系"),
    ("成为",),
    ("依托",),
    ("建设", "建成", "建有", "打造了", "设立了", "新建"),
    ("\ue001",),
)
# the host is the document's own place, unnamed: "成功引进 X、Y 等龙头企业", "推动 X 等项目签约落地"
_IMPLICIT = [re.compile(p) for p in (
    f"^[^。；;{_ANY}]{{0,40}}?(?:成功|先后|相继|积极)?(?:引进|引入|招引)了?{_GAP}{{0,24}}?(?P<x>{_LIST})",
    f"(?P<x>{_LIST}){_TAIL}(?:签约落地|签约落户|落地落户|成功落户|成功落地|签约入驻)(?!{_GAP}{{0,4}}?{_PLACE})",
    f"(?P<x>{_LIST}){_TAIL}{_GAP}{{0,8}}?项目(?:加快|正在|全面)?(?:建设|落地|开工|投产)",
)]
_IMPLICIT_TRIGGERS = (("引进", "引入", "招引"), ("签约", "落地", "落户", "入驻"), ("项目",))
# in a paragraph about one park ("推进某科技城招商引资。…"), what settles or is started with no
# place named is in that park
_TOPIC_OPEN = re.compile("推进|建设|运营|招商|打造|加快|启动")
_TOPIC = [re.compile(p) for p in (
    f"(?P<x>{_LIST}){_TAIL}(?:入驻运营|入驻|进驻|落户)(?=[，,。；;]|$)",
    f"(?:启动|开工建设|建成)(?P<x>{_LIST}){_GAP}{{0,16}}?建设",
)]
_HAS_THING = re.compile(_THING)
_ANY_CODE = re.compile(f"[{_ANY}]")
_HAS_PLACE = re.compile(_PLACE)
_HERE_RE = re.compile("该市|该区|该县|我市|我区|我县|本市|本区|本县|当地|这里|该地")
_PARK_HERE_RE = re.compile("该园区|园区内|区内|园内|(?:(?<=入驻)|(?<=进驻)|(?<=落户)|(?<=在)|(?<=到))园区"
                           "|(?<=签订|签署|签约)入园(?=协议|合同)")  # 签订入园协议: agreed to move into the park
_HERE_CHARS = re.compile("[该我本当这]")
_ANAPHOR = re.compile("该|区内|园|我[市区县]|本[市区县]|当地|这里")
# 该科技园, 该产业园区, 该数据中心, 该小镇: a short head, then the kind of thing it points back at
_THAT_NOUNS = "园区|园|基地|中心|平台|项目|企业|公司|集团|小镇|实验室|研究院"
_THAT_RE = re.compile(f"该((?:[\u4e00-\u9fff]{{0,3}}?)(?:{_THAT_NOUNS}))")
_THAT_KIND = re.compile(f"(?:{_THAT_NOUNS})$")


@dataclass(frozen=True)
class DocPlace:
    """The place a document is about, as the targets its anaphora (该市, 区内) resolve to."""

    chain: tuple[str, ...]  # regions only
    zone: Key | None  # the park the document is about, when it is one
    region: Key | None  # the deepest region of ``chain``, when the text names it


NOWHERE = DocPlace((), None, None)


@dataclass(frozen=True)
class Placement:
    src: Key
    dst: Key | None  # None: the document's own place, which the text never names
    start: int  # the sentence that says so
    end: int


def placements(body: str, sents: Sequence[tuple[int, int]], by_sent: Mapping[int, list[Item]],
               doc: DocPlace) -> list[Placement]:
    """Every (thing, place) pair a sentence shape states, with that sentence's span."""
    out: list[Placement] = []
    seen: list[Item] = []  # mentions so far, for 园区/该科创园
    topic: Key | None = None
    prev_end = 0
    for k, (s, e) in enumerate(sents):
        items = sorted(by_sent.get(k, ()), key=lambda i: i[0])
        text = body[s:e]
        opens = k == 0 or "\n" in body[prev_end:s]
        prev_end = e
        if opens:
            parks = {(i[2].type, i[2].name) for i in items if i[2].type == "park"}
            topic = parks.pop() if len(parks) == 1 and _TOPIC_OPEN.search(text) else None
        things = any(i[2].type != "region" for i in items) or "该" in text
        places = any(i[2].type in ("region", "park") for i in items) or _ANAPHOR.search(text)
        if things and (places or topic is not None or any(w in text for ws in _IMPLICIT_TRIGGERS for w in ws)):
            template, slots = _template(text, s, items, seen, doc)
            pairs = _pairs(template, slots, doc)
            if topic is not None and not opens:
                pairs += _topic_pairs(template, slots, topic)
            out += [Placement(src, dst, s, e) for src, dst in pairs if src != dst and src[0] != "region"]
        seen += items
    return out


def _topic_pairs(template: str, slots: list[Key | None], topic: Key) -> list[tuple[Key, Key | None]]:
    index = _slot_index(template)
    return [(src, topic) for shape in _TOPIC for m in shape.finditer(template)
            for src in _things(m, "x", index, slots)]


def _template(text: str, off: int, items: Sequence[Item], seen: Sequence[Item],
              doc: DocPlace) -> tuple[str, list[Key | None]]:
    """The sentence with one code per mention or anaphor, and what each code stands for."""
    marks: list[tuple[int, int, str, Key | None]] = [(a - off, z - off, _CODE[ent.type], (ent.type, ent.name))
                                                     for a, z, ent in items]
    taken = [(a, z) for a, z, _, _ in marks]

    def free(m: re.Match[str]) -> bool:
        return not any(a < m.end() and m.start() < z for a, z in taken)

    for m in filter(free, _THAT_RE.finditer(text) if "该" in text else ()):
        marks.append((m.start(), m.end(), _THAT, _that(m.group(1), off + m.start(), items, seen)))
    for m in filter(free, _PARK_HERE_RE.finditer(text) if "区内" in text or "园" in text else ()):
        marks.append((m.start(), m.end(), _PARK_HERE, _container(m.group(0), off + m.start(), items, seen, doc)))
    for m in filter(free, _HERE_RE.finditer(text) if _HERE_CHARS.search(text) else ()):
        here = doc.zone if m.group(0).endswith("区") and doc.zone else doc.region
        marks.append((m.start(), m.end(), _HERE, here))
    marks.sort()
    parts, slots, pos = [], [], 0
    for a, z, code, key in marks:
        if a < pos:
            continue
        parts.append(text[pos:a] + code)
        slots.append(key)
        pos = z
    parts.append(text[pos:])
    return "".join(parts), slots


def _container(word: str, at: int, items: Sequence[Item], seen: Sequence[Item], doc: DocPlace) -> Key | None:
    """区内 means the last park or district named (长春新区…，区内…); 园区 the zone the document is
    about, else the last park named."""
    if word != "区内" and doc.zone is not None:
        return doc.zone
    district = word == "区内"
    garden = word == "入园"  # 入园 moves into a …园, not the zone that park lies in
    last = [i[2] for i in (*seen, *items) if i[1] <= at and (
        i[2].type == "park" and (not garden or i[2].name.endswith(("园", "园区")))
        or district and i[2].type == "region" and i[2].name.endswith("区"))]
    return (last[-1].type, last[-1].name) if last else doc.zone or (doc.region if district else None)


def _that(noun: str, at: int, items: Sequence[Item], seen: Sequence[Item]) -> Key | None:
    """该科创园 / 该项目: the nearest earlier park or platform (of that noun when one ends so)."""
    before = [i[2] for i in (*seen, *items) if i[1] <= at and i[2].type in ("park", "platform", "enterprise")]
    exact = [x for x in before if x.name.endswith(noun)]
    kind = _THAT_KIND.search(noun)
    word = kind.group(0) if kind else noun
    same = [x for x in before if x.type != "enterprise" and x.name.endswith(word)] if word != noun else []
    pick = exact or same or [x for x in before if word in ("园区", "项目", "园") and x.type == "park"]
    return (pick[-1].type, pick[-1].name) if pick else None


def _pairs(template: str, slots: list[Key | None], doc: DocPlace) -> list[tuple[Key, Key | None]]:
    if not _HAS_THING.search(template):
        return []
    index = _slot_index(template)
    out: list[tuple[Key, Key | None]] = []
    for shape, words in zip(_SHAPES, _TRIGGERS, strict=True) if _HAS_PLACE.search(template) or "位于" in template else ():
        if not any(w in template for w in words):
            continue
        for m in shape.finditer(template):
            for at in _containers(m):
                dst = slots[index[at]]
                if dst is None and template[at] not in (_HERE, _PARK_HERE):
                    continue
                firms_only = "f" in shape.groupindex
                things = _things(m, "f" if firms_only else "x", index, slots)
                out += [(src, dst or doc.zone or doc.region) for src in things
                        if not firms_only or src[0] == "enterprise"]
    for shape, words in zip(_IMPLICIT, _IMPLICIT_TRIGGERS, strict=True):
        if not any(w in template for w in words):
            continue
        for m in shape.finditer(template):
            out += [(src, doc.zone or doc.region) for src in _things(m, "x", index, slots)]
    return [(src, dst) for src, dst in dict.fromkeys(out)]


def _containers(m: re.Match[str]) -> list[int]:
    """Template positions of the places in group p: each of a list, the innermost of P P2."""
    at = [i for i in range(m.start("p"), m.end("p")) if "\ue000" <= m.string[i] <= "\ue006"]
    return [i for i in at if i + 1 not in at]


def _things(m: re.Match[str], group: str, index: dict[int, int], slots: list[Key | None]) -> list[Key]:
    """The items of a list; of a name written in two pieces (中国电科 38所), the last piece."""
    at = [i for i in range(m.start(group), m.end(group)) if i in index]
    keys = [slots[index[i]] for n, i in enumerate(at) if n + 1 == len(at) or m.string[i + 1:at[n + 1]].strip()]
    return [k for k in keys if k is not None]


def _slot_index(template: str) -> dict[int, int]:
    """Template position of each code -> its slot number."""
    return {m.start(): n for n, m in enumerate(_ANY_CODE.finditer(template))}


def holders(placed: Sequence[Placement]) -> frozenset[Key]:
    """Platforms the text puts something in: a centre that holds a park is a place (光谷芯中心)."""
    return frozenset(p.dst for p in placed if p.dst is not None and p.dst[0] == "platform" and p.src[0] != "region")


def placed_entities(ents: Sequence[FoundEntity], placed: Sequence[Placement], doc: DocPlace,
                    national: frozenset[Key], defaults: frozenset[Key]) -> list[FoundEntity]:
    """Entities with the region chain the text gives them.

    A national or foreign firm (``national``) keeps no place unless a sentence places it. Any
    other entity keeps the place its name carries, or the document's (``defaults``), unless a
    sentence puts it somewhere deeper on that chain; one whose place was only the document's
    takes what a sentence says.
    """
    by_key = {(e.type, e.name): e for e in ents}
    best: dict[Key, tuple[str, ...]] = {}
    for p in placed:
        target = by_key.get(p.dst) if p.dst else None
        chain = doc.chain if p.dst is None else target.region_chain if target is not None else ()
        if chain and len(chain) > len(best.get(p.src, ())):
            best[p.src] = chain
    out = []
    for e in ents:
        key = (e.type, e.name)
        chain, new = e.region_chain, best.get(key)
        if key in national:
            chain = new or ()
        elif new is not None and (key in defaults or len(new) > len(chain) and new[:len(chain)] == chain):
            chain = new
        out.append(e if chain == e.region_chain else replace(e, region_chain=chain))
    return out

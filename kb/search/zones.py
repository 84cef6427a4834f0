"""Where a passage's words are not its substance: responsibility brackets, addressee and
distribution lines, bare titles and organisation names.

"〔责任单位:市投资促进局〕" or "各县(市、区)人民政府,市直各部门:" name who acts or who
receives, not what the text is about; a search for 招商 or 园区 should find them but rank them
below the sentences that discuss the topic. ``noise_spans`` marks such spans in a passage's
matching form (normalised and squeezed, see ``kb.search.textform``); the engine demotes a passage
whose every occurrence of a term lies inside them. Rules are general shapes of Chinese official
writing (GB/T 9704 layout, the names of government bodies), nothing from a particular document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_BR_OPEN = r"[(〔【\[［]"
_BR_CLOSE = r"[)〕】\]］]"
_INNER = r"[^()〔〕【】\[\]［］\n]"
_ROLE = r"(?:牵头|责任|主责|配合|参与|协同|协办|主办|负责|实施|落实|承办)(?:单位|部门|主体)"
# 〔责任单位:…〕, (牵头部门:…; 配合部门:…)
_RESP_BRACKET = re.compile(rf"{_BR_OPEN}{_INNER}{{0,8}}?{_ROLE}{_INNER}{{0,240}}{_BR_CLOSE}")
# (省发展改革委牵头,省财政厅配合) / (各市政府按职责分工负责)
_ACTOR_BRACKET = re.compile(rf"{_BR_OPEN}{_INNER}{{2,160}}?(?:牵头|负责|配合|按职责分工负责|分工负责){_INNER}{{0,80}}{_BR_CLOSE}")
# an unbracketed tail: 责任单位:市工信局、市财政局
_RESP_TAIL = re.compile(rf"{_ROLE}[:：]" r"[^。；;\n)〕】\]］]*")
_DISTRIBUTION = re.compile(r"^\s*(?:主送|抄送|抄报|分送|发送|报送|印发|送)\s*[:：]")
_ADDRESSEE_ORG = re.compile(r"党委|党组|政府|部门|单位|机构|管委会|委员会|处|局|委|办|厅|院校|高校|企业|团体|街道|镇|乡|区|县")

_FILLER = r"[^\W\d_a-zA-Z由对在将把与及的为是向给按经]"  # a Chinese character that is not a function word
_ADMIN = r"(?:省|市|区|县|州|盟|旗|自治区|新区|开发区|高新区|园区)"
_CORE = (r"(?:招商|商务|投资促进|投促|工信|工业和信息化|经信|经济和信息化|发改|发展和改革|发展改革|财政|税务|统计|"
         r"大数据|数据|政务服务|政务|科技|科学技术|教育|人社|人力资源和社会保障|自然资源|规划和自然资源|生态环境|住建|"
         r"住房和城乡建设|城乡建设|交通运输|交通|农业农村|市场监管|市场监督管理|文旅|文化和旅游|文广旅|医保|医疗保障|"
         r"行政审批|审批服务|应急管理|应急|通信管理|公安|民政|司法|水利|林业|审计|金融|地方金融|网信|国资|信访|能源|"
         r"卫健|卫生健康|人防|海关|外事|宣传|组织|编办|机要|档案|保密|知识产权|工商联|科协)")
_SUFFIX = re.compile(r"管理委员会|委员会|管委会|领导小组办公室|领导小组|管理处|办公室|中心|局|委|厅|办")
# each rule ends at a suffix found by _SUFFIX: matched on a short window that ends there ($)
_BUREAU = re.compile(rf"{_ADMIN}?{_FILLER}{{0,4}}?{_CORE}(?:发展|服务|管理|促进|监督管理|工作|运行)?"
                     r"(?:局|委员会|委|厅|办公室|办|管理处)$")
_AGENCY_CENTRE = re.compile(rf"{_ADMIN}{_FILLER}{{0,2}}?(?:大数据|数据|政务服务|政务数据|信息|公共资源交易|投资促进|招商|"
                            r"企业服务|人才服务|融媒体)(?:发展|服务|管理|资源|运营)?中心$")
_ORG_NAMED = re.compile(rf"{_FILLER}{{1,4}}(?:管委会|管理委员会|管理处|领导小组办公室|领导小组)$")
_LEADING_VERB = re.compile(r"(?:定期|及时)?(?:召开|组建|成立|设立|下设|建立|健全|发挥|依托|通过|推动|推进|加快)")
_WINDOW = 16
_RULES = {"中心": (_AGENCY_CENTRE,), "管理处": (_BUREAU, _ORG_NAMED), "管委会": (_ORG_NAMED,),
          "管理委员会": (_ORG_NAMED,), "领导小组": (_ORG_NAMED,), "领导小组办公室": (_ORG_NAMED,)}
_RULES.update(dict.fromkeys(("局", "委", "委员会", "厅", "办", "办公室"), (_BUREAU,)))
_ROLE_WORDS = ("单位", "部门", "主体")
_ACTOR_WORDS = ("牵头", "负责", "配合")


def _org_names(text: str) -> Iterable[tuple[int, int]]:
    """Names of government bodies and zone committees (…招商局, 市大数据中心, …管委会)."""
    for m in _SUFFIX.finditer(text):
        end = m.end()
        lo = max(0, m.start() - _WINDOW)
        window = text[lo:end]
        for rx in _RULES[m.group()]:
            found = rx.search(window)
            if found:
                start = lo + found.start()
                verb = _LEADING_VERB.match(text, start, end)
                yield (verb.end() if verb else start), end
                break


def _lines(text: str) -> Iterable[tuple[int, int]]:
    start = 0
    for part in text.split("\n"):
        yield start, start + len(part)
        start += len(part) + 1


def _addressee(line: str) -> bool:
    """A line that only lists recipients: ends with a colon, names bodies, says nothing else."""
    body = line.strip()
    if not body.endswith((":", "：")) or len(body) > 240 or "。" in body:
        return False
    if body.startswith("各") and len(body) >= 4:
        return True
    seps = sum(body.count(c) for c in "、,，")
    return seps >= 1 and len(_ADDRESSEE_ORG.findall(body)) >= 2


def _same_as_title(text: str, title: str) -> bool:
    t, p = title.strip(), text.strip()
    if not t or not p or len(p) > 120:
        return False
    if p == t:
        return True
    short, long_ = sorted((p, t), key=len)
    return short in long_ and len(short) >= 0.6 * len(long_)


def noise_spans(text: str, title: str = "") -> list[tuple[int, int]]:
    """Sorted, merged ``(start, end)`` spans of ``text`` that name actors or recipients, not topics.

    ``text`` and ``title`` are in matching form. A passage that is the document's title is one
    span as a whole.
    """
    if _same_as_title(text, title):
        return [(0, len(text))] if text else []
    spans: list[tuple[int, int]] = []
    for s, e in _lines(text):
        line = text[s:e]
        if _DISTRIBUTION.match(line) or _addressee(line):
            spans.append((s, e))
    if any(w in text for w in _ROLE_WORDS):
        spans.extend(m.span() for m in _RESP_BRACKET.finditer(text))
        spans.extend(m.span() for m in _RESP_TAIL.finditer(text))
    if any(w in text for w in _ACTOR_WORDS):
        spans.extend(m.span() for m in _ACTOR_BRACKET.finditer(text))
    spans.extend(_org_names(text))
    return merge(spans)


def merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        elif e > s:
            out.append((s, e))
    return out


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)

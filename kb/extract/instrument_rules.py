"""Sentence patterns that decide a policy instrument before single cue words do.

Cue words alone mislead in ways policy text shows in every province:

* selection criteria name demand words without paying for them (综合考虑技术先进性、推广应用成效等
  因素，遴选…给予补助): the money pays for the project, not for its promotion;
* a 示范 title sits on something the money builds (对建设行业级工业互联网平台的示范项目，给予…):
  building a platform or infrastructure is supply, whatever the project is called;
* a clause that continues the one before names no object of its own (新建基站2万个，总数达到
  8万个): it counts what the clause before counts;
* a firm count is a goal only when the firms are what is counted (引进数据服务企业10家), not when
  they are served (完成500家企业数字化诊断);
* vouchers (算力券, 模型券, 服务券) are purchase subsidies whatever they are called, and firms
  brought onto a platform (推动500家企业接入工业互联网平台) are users of it: demand, while
  building the platform is supply;
* IPR the firm already owns is a condition (拥有自主知识产权的产品), not what the grant pays for;
* a grant that points back (对其…, 对上述…) pays for what the text before it names;
* a grant to a provider (对认定的创新中心，按其服务费用的10%…) supports supply, even when it is
  measured by the services or vouchers it sells; a grant to users who buy them is demand.

Each function returns the words it matched, so the basis shown to the reader names them.
"""

from __future__ import annotations

import re

_CRITERIA = re.compile(
    r"综合考虑[^。；;]{0,80}?因素|(?:推广应用|应用推广|示范应用|应用示范|推广)(?:成效|效果|情况|实效)"
)
_BUILD = re.compile(
    r"(建设|搭建|新建|建成|扩容|升级)[^，,。；;、]{0,14}?"
    r"(平台|数据中心|算力中心|计算中心|智算中心|基础设施|二级节点|骨干节点|基站|载体|实验室|研究院|创新中心|楼宇)"
)
_VOUCHER = re.compile(r"[\u4e00-\u9fff]{1,4}券")
_CONTINUES = re.compile(r"\s*(?:其中|总数|总量|总规模|累计|合计|总计)")
_CLAUSE_END = re.compile(r"[，,：:]")
_FIRM_OBJECT = re.compile(
    r"[0-9一二三四五六七八九十百千万]\s*家(?:以上|左右)?[^，,。；;]{0,40}?(?:企业|公司|服务商)(?:等)?(?=$|[，,。；;、）)]|以上|左右)"
)


def without_criteria(text: str) -> str:
    """``text`` with selection criteria blanked (same length, so offsets still hold)."""
    return _CRITERIA.sub(lambda m: "\u3000" * len(m.group(0)), text)


def build_object(text: str) -> str | None:
    """The building verb and what it builds (建设、平台), or ``None``: what money pays for when it builds."""
    m = _BUILD.search(text)
    return f"{m.group(1)}、{m.group(2)}" if m else None


def vouchers(text: str) -> list[str]:
    """Voucher names in ``text`` (算力券, 服务券), each once, in text order."""
    return list(dict.fromkeys(m.group(0) for m in _VOUCHER.finditer(text)))


def counts_firms(clause: str) -> bool:
    """The clause counts firms themselves (培育10家龙头企业), not a service done for them."""
    return bool(_FIRM_OBJECT.search(clause))


def clause_before(clause: str, sentence: str) -> str:
    """The clause before ``clause`` in ``sentence`` when ``clause`` continues it (总数达到…), else ""."""
    if not _CONTINUES.match(clause):
        return ""
    at = sentence.find(clause)
    if at <= 0:
        return ""
    parts = _CLAUSE_END.split(sentence[:at].rstrip("，,：: "))
    return parts[-1] if parts else ""


_OWNED = re.compile(r"(?:拥有|具有|具备|自主)[^，,。；;]{0,6}$")
_ANAPHOR = re.compile(r"\s*(?:对)?(?:其|上述|该类?|此类)")


def paid_rules(text: str, words: list[str]) -> list[str]:
    """The rule words (专利, 认证, 国家标准) a grant in ``text`` pays for: those not said to be owned already."""
    out = []
    for w in words:
        at = text.find(w)
        if at >= 0 and not _OWNED.search(text[max(0, at - 12) : at]):
            out.append(w)
    return [w for w in out if not any(w != o and w in o for o in out)]  # 发明专利, not also 专利


def antecedent(clause: str, sentence: str) -> str:
    """The sentence before ``clause`` when the clause points back to it (对其实际发生的费用…), else ""."""
    if not _ANAPHOR.match(clause):
        return ""
    at = sentence.find(clause)
    return sentence[:at] if at > 0 else ""


_PLATFORM_USE = re.compile(r"(进入|入驻|接入|登录|上线|用好)[^，,。；;]{0,16}?(平台)")


def platform_use(text: str) -> str | None:
    """Firms brought onto a platform (进入、平台), or ``None``: the platform is used, not built."""
    m = _PLATFORM_USE.search(text)
    return f"{m.group(1)}、{m.group(2)}" if m else None


_PROVIDER = re.compile(
    r"对[^，,。；;]{0,40}?(平台|中心|服务商|服务机构|运营主体|运营商)"
    r"(?:牵头建设单位|建设单位|牵头单位|运营单位)?(?=[，,]|发放|给予|予以|按)"
)


def provider(text: str) -> str | None:
    """The provider a grant goes to (平台, 中心, 服务商) when it is the grant's object, else ``None``."""
    m = _PROVIDER.search(text)
    return m.group(1) if m else None

"""A deterministic synthetic library: the starter corpus's sentences recombined for other regions.

Real policy documents are not ours to ship, so the benchmark builds N documents of about 1,500
characters from the starter corpus's sentences, each re-targeted at one of ~50 prefecture-level
cities all over China (the starter corpus's place names are swapped for the target's). The same
seed gives byte-identical files, so runs on different machines compare like with like.
"""

from __future__ import annotations

import json
import logging
import random
import re
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
STARTER = ROOT / "data" / "corpus"
DOC_CHARS = 1300  # stop adding paragraphs past this: documents average ~1,550 characters
_SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Target:
    """A (province, city, district) the synthetic document is about."""

    province: str
    city: str
    district: str

    @property
    def keys(self) -> tuple[str, ...]:
        """Full and short names of the chain: what a ``region:`` filter may name."""
        out: list[str] = []
        for name in (self.province, self.city, self.district):
            for key in (name, short_name(name)):
                if key not in out:
                    out.append(key)
        return tuple(out)


def short_name(name: str) -> str:
    """赣州市 → 赣州, 宁夏回族自治区 → 宁夏, 章贡区 → 章贡 (never below two characters)."""
    for suffix in ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市", "区", "县"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


TARGETS: tuple[Target, ...] = tuple(Target(*t.split()) for t in """
贵州省 遵义市 汇川区|贵州省 贵阳市 观山湖区|四川省 绵阳市 涪城区|四川省 成都市 武侯区|四川省 宜宾市 翠屏区
云南省 曲靖市 麒麟区|云南省 昆明市 呈贡区|广西壮族自治区 柳州市 鱼峰区|广西壮族自治区 南宁市 青秀区
广东省 佛山市 南海区|广东省 韶关市 武江区|福建省 泉州市 丰泽区|福建省 厦门市 集美区|浙江省 嘉兴市 南湖区
浙江省 湖州市 吴兴区|浙江省 温州市 鹿城区|安徽省 芜湖市 鸠江区|安徽省 合肥市 蜀山区|安徽省 蚌埠市 蚌山区
山东省 潍坊市 奎文区|山东省 烟台市 芝罘区|山东省 济宁市 任城区|河南省 洛阳市 涧西区|河南省 郑州市 金水区
河南省 新乡市 红旗区|河北省 保定市 竞秀区|河北省 廊坊市 广阳区|山西省 大同市 平城区|山西省 太原市 小店区
陕西省 宝鸡市 渭滨区|陕西省 西安市 雁塔区|甘肃省 天水市 秦州区|甘肃省 兰州市 七里河区|青海省 西宁市 城中区
宁夏回族自治区 银川市 金凤区|宁夏回族自治区 中卫市 沙坡头区|新疆维吾尔自治区 克拉玛依市 克拉玛依区
内蒙古自治区 包头市 昆都仑区|内蒙古自治区 乌兰察布市 集宁区|黑龙江省 大庆市 萨尔图区|吉林省 长春市 朝阳区
辽宁省 大连市 甘井子区|辽宁省 鞍山市 铁东区|江苏省 无锡市 滨湖区|江苏省 常州市 武进区|湖北省 襄阳市 樊城区
湖北省 宜昌市 西陵区|湖北省 十堰市 茅箭区|湖南省 株洲市 天元区|湖南省 岳阳市 岳阳楼区|江西省 上饶市 信州区
江西省 赣州市 章贡区|海南省 海口市 龙华区|西藏自治区 拉萨市 城关区
""".replace("\n", "|").strip("|").split("|"))

# The starter corpus's own place names (its input, not a rule for real documents), by level.
_SOURCE_LEVEL = {
    "江西省": "province", "江西": "province_short", "宁夏回族自治区": "province", "宁夏": "province_short",
    "江苏省": "province", "江苏": "province_short",
    "赣州市": "city", "赣州": "city_short", "苏州市": "city", "苏州": "city_short",
    "银川市": "city", "银川": "city_short",
    "章贡区": "district", "章贡": "district_short", "张家港市": "district", "张家港": "district_short",
    "贺兰县": "district", "蓉江新区": "zone",
}
_SOURCE_RE = re.compile("|".join(sorted(_SOURCE_LEVEL, key=len, reverse=True)))

TITLES = (
    "关于印发《{city}{district}深入推进数字经济创新发展实施方案》的通知",
    "{city}关于加快数字产业化和产业数字化发展的若干措施",
    "{province}{city}数字经济发展情况的调研报告",
    "对市政协委员关于{city}数字经济发展提案的答复",
    "{city}{district}召开数字经济招商推介会",
    "{city}推进新型基础设施建设行动计划（{year}—{end}年）",
)
SOURCES = ("{city}人民政府办公室", "{district}经济发展局", "{city}工业和信息化局", "{city}发展和改革委员会")


def load_sentences(folder: Path = STARTER) -> list[list[str]]:
    """Per starter document, its sentences in order (lines split at 。！？; fragments without Han dropped)."""
    docs: list[list[str]] = []
    for path in sorted(folder.glob("*.txt")):
        sentences: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            for s in _SENTENCE.findall(line) or [line]:
                s = s.strip()
                if len(s) >= 8 and len(_HAN.findall(s)) >= 6:
                    sentences.append(s)
        if sentences:
            docs.append(sentences)
    if not docs:
        raise FileNotFoundError(f"no starter sentences under {folder}")
    return docs


def retarget(text: str, target: Target) -> str:
    """Swap the starter corpus's place names for the target's, level for level."""
    names = {
        "province": target.province, "province_short": short_name(target.province),
        "city": target.city, "city_short": short_name(target.city),
        "district": target.district, "district_short": short_name(target.district),
        "zone": short_name(target.district) + "新区",
    }
    return _SOURCE_RE.sub(lambda m: names[_SOURCE_LEVEL[m.group(0)]], text)


def make_document(rng: random.Random, sentences: list[list[str]], number: int) -> tuple[str, Target]:
    """One document: title, date/source line, then paragraphs of 2-5 consecutive source sentences."""
    target = rng.choice(TARGETS)
    year = rng.randint(2019, 2024)
    fields = {"province": target.province, "city": target.city, "district": target.district,
              "year": year, "end": year + rng.randint(2, 5)}
    title = rng.choice(TITLES).format(**fields)
    source = rng.choice(SOURCES).format(**fields)
    head = [title, f"发布日期：{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}    来源：{source}", "", title, ""]
    paragraphs: list[str] = []
    size = 0
    while size < DOC_CHARS:
        doc = rng.choice(sentences)
        start = rng.randrange(len(doc))
        para = "".join(doc[start:start + rng.randint(2, 5)])
        paragraphs.append(para)
        size += len(para)
    paragraphs.append(f"（编号：{number:06d}）")
    return retarget("\n".join(head) + "\n\n".join(paragraphs) + "\n", target), target


def build_corpus(out_dir: Path, n_docs: int, *, seed: int = 20240521) -> dict[str, tuple[str, ...]]:
    """Write ``n_docs`` files to ``out_dir/docs`` and ``out_dir/manifest.json``; return name → region keys."""
    rng = random.Random(seed)
    sentences = load_sentences()
    docs_dir = out_dir / "docs"
    docs_dir.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, tuple[str, ...]] = {}
    for i in range(n_docs):
        text, target = make_document(rng, sentences, i)
        name = f"doc_{i:06d}.txt"
        (docs_dir / name).write_text(text, encoding="utf-8")
        manifest[name] = target.keys
    (out_dir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    log.info("wrote %d documents to %s", n_docs, docs_dir)
    return manifest


def extra_document(out_dir: Path, *, seed: int = 7) -> Path:
    """One more document (not in the library) for the incremental-import measurement."""
    rng = random.Random(seed)
    text, _ = make_document(rng, load_sentences(), 999_999)
    path = out_dir / "extra" / "doc_extra.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path

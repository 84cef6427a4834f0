"""Word lists the extractors share: domain terms, well-known firms, suffixes and stop words.

All of it is general knowledge (see ``kb/resources/SOURCE.md``); nothing names what only one
document contains.
"""

from __future__ import annotations

import csv
import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from kb.extract.gazetteer import RESOURCES, Gazetteer

log = logging.getLogger(__name__)

PARK_SUFFIXES = (
    "产业园区", "工业园区", "科技园区", "产业园", "科技园", "科创园", "软件园", "工业园", "创业园", "双创园",
    "电商园", "物流园", "信息港", "产业基地", "示范基地", "生产基地", "创新基地", "基地", "园区",
    "高新区", "经开区", "开发区", "示范区", "集聚区", "先行区", "试验区", "产业集群", "小镇", "科技城",
    "科学城", "科创城", "智谷", "数谷", "硅谷", "光谷", "声谷", "芯谷", "云谷", "大厦", "产业带", "数据中心集群",
    "先进制造业集群", "制造业集群", "汽车城", "大学城", "科教城", "台商投资区", "投资区", "保税区", "综合保税区",
    "保税港区", "综保区", "合作区", "产业新城", "生态城", "航天城", "航空城", "创新园", "示范园", "临空经济区", "临港经济区", "软件城",
    "动漫城", "影视城", "科技港", "创新港", "文创园", "创意园", "孵化园", "分园",
)
# Brand parks named by a nickname alone (中国声谷, 武汉光谷): "中国" or a region is head enough.
BRAND_SUFFIXES = frozenset("光谷 声谷 芯谷 云谷 数谷 智谷 硅谷".split())
# Suffixes so common in plain prose that the head must name a region, firm or brand.
WEAK_SUFFIXES = frozenset(
    "平台 服务平台 大数据平台 基地 产业基地 示范基地 创新基地 园区 产业集群 集聚区 示范区 先行区 试验区 "
    "基金 产业基金 投资基金 引导基金 公司 产业带 大厦 联盟 先进制造业集群 制造业集群 交易所 数据中心 服务中心 技术中心 设计中心 计算中心 "
    "物流中心 示范园 中心".split()
)
PLATFORM_SUFFIXES = (
    "全国重点实验室", "国家重点实验室", "国家工程实验室", "工程研究中心", "重点实验室", "联合实验室", "交易所",
    "数据交易中心", "科创中心", "实验室", "研究院", "研究所", "研究中心", "工程技术研究中心", "创新中心",
    "技术中心", "设计中心", "服务中心", "数据中心", "算力中心", "智算中心", "超算中心", "适配中心",
    "计算中心", "孵化中心", "转化中心", "促进中心", "检测中心", "创新联盟", "产业联盟", "联盟",
    "国家工程研究中心", "国家技术创新中心", "国家制造业创新中心", "二级节点", "顶级节点", "大学", "学院", "科学院",
    "创新联合体", "枢纽节点", "大数据交易中心", "测试基地", "分院", "服务平台", "公共服务平台", "互联网平台", "工业互联网平台", "大数据平台", "平台",
    "产业基金", "投资基金", "引导基金", "基金", "孵化器", "加速器", "众创空间", "产业学院",
    "体验中心", "物流中心", "数据湖", "城市大脑", "保护中心", "研发中心", "测试中心",
    "测评中心", "评测中心", "认证中心", "云计算基地", "算力基地",  # a computing base is a data centre, not a park
    "院士工作站", "院士专家工作站", "专家工作站", "博士后科研工作站", "博士后工作站", "研究发展中心",
)
ENTERPRISE_SUFFIXES = (
    "股份有限公司", "有限责任公司", "有限公司", "集团公司", "分公司", "子公司", "集团", "银行", "公司", "分行", "支行",
)
LEGAL_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "集团公司")
BRANCH_SUFFIXES = ("分公司", "分行", "支行")
# Suffixes that name one unit whatever its head says (汽车仿真与控制国家重点实验室).
STRONG_SUFFIXES = frozenset(
    "全国重点实验室 国家重点实验室 国家工程实验室 国家工程研究中心 国家技术创新中心 国家制造业创新中心".split()
)
# Universities and research institutes are recorded as platforms (research & innovation carriers);
# "国家大学科技园" and "大学城" stay parks because their own suffix is longer.
SCHOOL_SUFFIXES = frozenset(("大学", "学院", "科学院"))
SCHOOL_FIELDS = re.compile(
    "师范|理工|科技|工业|农业|林业|财经|经贸|医科|医学|中医药|职业技术|职业|动画|艺术|交通|邮电|电子|信息|工程|"
    "外国语|政法|民族|传媒|石油|矿业|电力|航空|航天|海洋|水利|建筑|商业|金融|体育|音乐|美术|科学技术|警察|财政"
)
NOT_SCHOOL_HEADS = frozenset("开放 老年 网络 空中 企业 社区 干部 产业 数字 人才 技能 工匠 家长 党员 农民 市民 专业".split())
# Verbs that say a name after them is a title awarded, not a new entity (获评X示范基地).
TITLE_VERBS = ("获评", "被评为", "评为", "认定为", "被认定为", "入选", "荣获", "授予", "命名为", "获批为", "列为",
               "获得", "成功创建", "创建为", "跻身")
# Words a legal firm name may carry although they are verbs of policy prose (山西建设投资集团有限公司).
FIRM_WORDS = frozenset("建设 投资 发展 服务 运营 管理 设计 开发 规划 控股 实业 交通 城市 产业 数字 科技 创新 "
                       "信息 网络 智能 数据 能源 集团 股份 工程 建工 城建 城投 文旅 物流 供应链".split())
# Research institutions that the firm table lists for their owner role but that are not firms.
INSTITUTIONS = frozenset(("中国科学院", "中国工程院", "中国社会科学院"))
# Short firm names end in a trade word: 长鑫存储, 云天励飞, 芯源半导体, 数澜数据.
TRADE_WORDS = (
    "科技", "软件", "电子", "网络", "信息", "光电", "半导体", "数据", "智能", "智联", "纺织", "电源",
    "股份", "数控", "通信", "通讯", "传媒", "物流", "医药", "生物", "能源", "新材料", "电气", "机械",
    "智造", "微电子", "技术", "集团", "控股", "实业", "电器", "汽车", "材料", "光伏", "新能源", "互联",
)
# Verbs that name what a platform does and may stand inside its name (检测, 孵化, 计算).
NAME_VERBS = frozenset(
    "创新 应用 制造 孵化 引导 检测 研究 服务 设计 发展 计算 测试 评测 转化 融合 协同 交易 加速 育成 创业 共享 "
    "展示 体验 监测 治理 管理 运营 认证 合作 联合 互补 利用 创意 集成 控制 存储 驾驶 导航 定位".split()
)
# Words that end a name on its left: verbs and function words of policy prose.
LEFT_STOPS = frozenset(
    """依托 建设 打造 推进 推动 加快 成立 引进 支持 积极 重点 全面 在 与 和 及 以及 等 以 为 的 了 将 把 对
    向 从 由 于 被 让 使 是 有 并 或 同 跟 同时 通过 围绕 对接 争创 创建 申报 认定 获评 获批 列为 入选 入驻 落户 选址
    落地 启动 发起 携手 共建 组建 设立 建立 建成 筹建 培育 形成 成为 开展 举办 实施 完成 布局 谋划
    提升 加强 强化 优化 完善 深化 发挥 用好 做强 做大 做优 鼓励 引导 吸引 承接 争取 服务 拓展 整合 盘活
    改造成 改建为 改造 改建 规划 设计 高标准 新建 扩建 续建 开工 投入 运营 运行 加大 着力 大力 努力 力争
    深入 持续 进一步 继续 不断 主动 相继 先后 已 已经 目前 正在 还 也 均 都 各 各类 各地 一批 一个 一家 多个
    若干 相关 有关 其中 包括 例如 如 即 首个 首批 全省 全市 全区 全县 全国 国家级 省级 市级 区级 县级 本地
    我区 我市 我省 我县 该 此 其 这 这些 区内 园内 国内 省内 市内 成功 正式 当年 今年 每年 年内 以上 以下
    旗下 所属 下属 牵头 负责 设在 位于 坐落 依靠 借助 面向 针对 基于 按照 根据 结合 立足 聚焦 瞄准 抢抓
    抓住 抓好 推广 复制 试点 示范 带动 辐射 集聚 聚集 汇聚 吸纳 覆盖 实现 达到 超过 突破 获得 荣获
    被评为 评为 授予 命名 挂牌 揭牌 签约 签署 投资 总投资 新增 累计 共 约 近 超 达 占地 面积 亩 充分 规划设计
    发挥 搭建 组织 指导 支撑 争取 获 加入 参与 参加 申请 用 好 成 到 至 于 向 上 下 中 内 外 企业 单位 机构
    调研 考察 视察 走访 参观 听取 见证 出席 会见 座谈 暨 现有 拥有 建有 设有 已有 促进 引入""".split()
)
# Heads too common to distinguish a name: "人才培养基地" and "数字经济产业园" are not names.
GENERIC_WORDS = frozenset(
    """数字 经济 数字经济 产业 信息 技术 创新 服务 人才 培养 实训 应用 孵化 企业 大数据 软件 电子 商务 电子商务
    网络 安全 智能 制造 工业 互联网 研发 科技 研究 工程 公共 示范 综合 现代 先进 高端 新兴 战略 重点
    特色 中小 小微 创业 就业 双创 众创 物联网 人工智能 云计算 区块链 信创 金融 文化 旅游 农业 医疗 教育
    物流 能源 新能源 材料 新材料 装备 汽车 电商 直播 动漫 游戏 电竞 创意 设计 检测 认证 标准 数据 算力
    平台 中心 基地 园区 企业 集群 产业链 供应链 协同 融合 转型 升级 发展 建设 运营 管理 办公 总部 科创
    高新 新区 开发 经开 国家 国际 全国 区域 城市 乡村 社区 智慧 绿色 低碳 生态 健康 生物 医药 半导体
    集成电路 光电 通信 卫星 北斗 导航 时空 新型 各类 一批 相关 市场 产品 项目 工作 业务 领域 行业
    关键 核心 共性 基础 应用型 专业 新一代 5G 5g 中部 西部 东部 北部 南部 一流 首个 该 其 本 联合
    知识产权 保护 交易 共享 开放 协同创新 成果 转化 中试 加速 质量 计量 适配 测试 网络安全 信息安全
    数据安全 软件和信息技术 信息技术 工业设计 实验 科学 大学 高校 职业 技能 人力 资源 人力资源 招商 投资
    产业化 数字化 智能化 网络化 信息化 国产化 一体化 规模化 集约化 大型 小型 上下游 配套 龙头 领军 中国 全国
    国家 我国 全球 世界 地方""".split()
)


@dataclass(frozen=True)
class Firm:
    name: str
    aliases: tuple[str, ...]
    weak: tuple[str, ...]  # ordinary words too (移动, 联通, 美的): need context to count


@lru_cache(maxsize=1)
def firms() -> tuple[Firm, ...]:
    with (RESOURCES / "enterprises.csv").open(encoding="utf-8", newline="") as f:
        return tuple(
            Firm(r["name"], tuple(filter(None, r["aliases"].split("|"))),
                 tuple(filter(None, r["weak_aliases"].split("|"))))
            for r in csv.DictReader(f)
        )


@lru_cache(maxsize=1)
def domain_terms() -> tuple[str, ...]:
    with (RESOURCES / "lexicon.txt").open(encoding="utf-8") as f:
        return tuple(w for w in (line.strip() for line in f) if w and not w.startswith("#"))


@lru_cache(maxsize=1)
def _words() -> tuple[str, ...]:
    out: dict[str, None] = dict.fromkeys(domain_terms())
    for firm in firms():
        out.update(dict.fromkeys((firm.name, *firm.aliases)))
    for r in Gazetteer.default().regions.values():
        if r.level <= 3:
            out[r.name] = None
        if r.short and r.level <= 2:
            out[r.short] = None
    return tuple(out)


def lexicon_words() -> list[str]:
    """Domain terms, well-known firm names and region names, for the search tokenizer."""
    return list(_words())


@lru_cache(maxsize=1)
def _firm_names() -> frozenset[str]:
    return frozenset(f.name for f in firms())


def is_known_firm(name: str) -> bool:
    """Whether ``name`` is the canonical name of a well-known national or foreign firm (enterprises.csv).

    Such a firm is placed document by document, by the sentences that place it (its ``located_in``
    links), never by being mentioned; its ``region_chain`` from one document says nothing of another.
    """
    return name in _firm_names()

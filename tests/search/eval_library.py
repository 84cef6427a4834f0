"""A small hand-written library (paraphrased in our own words, regions outside the starter corpus)
and graded relevance judgements written before the search was tuned: the committed, smaller
version of the blind evaluation described in the report."""

from __future__ import annotations

# doc id -> (title, region chain, paragraphs)
DOCS: dict[str, tuple[str, tuple[str, ...], list[str]]] = {
    "gd_data": ("广东省数据要素市场化配置改革行动方案", ("广东省",), [
        "各地级以上市人民政府，省政府各部门、各直属机构：",
        "加快培育数据要素市场，推动公共数据有序开放，探索数据交易新模式。",
        "建立数据资产登记和评估制度，支持数据商发展。（责任单位：省政务服务数据管理局、省财政厅）",
    ]),
    "sd_cloud": ("山东省推动企业上云的若干措施", ("山东省",), [
        "实施云服务券制度，企业购买云服务的费用由财政按比例给予奖补。",
        "到2025年，全省上云企业超过30万家，培育一批上云标杆。",
    ]),
    "hb_incubator": ("武汉市支持孵化器发展的政策措施", ("湖北省", "武汉市"), [
        "对新建孵化器按场地面积给予运营机构一次性开办费补贴，最高50万元。",
        "对入驻孵化器的科技企业，前两年给予租金减免，第三年减半。",
        "对众创空间组织的创业大赛等活动，按实际支出的三成予以资助。",
    ]),
    "sz_software": ("深圳市软件产业高质量发展若干措施", ("广东省", "深圳市"), [
        "对入驻认定软件园的规上软件企业，按每月每平方米最高30元给予租 金 补 贴，连续三年。",
        "对新引进的集成电路设计企业，给予最高500 万元落户奖励。",
    ]),
    "gs_compute": ("关于加快构建算力体系的建议", ("甘肃省", "庆阳市"), [
        "优化数据中心布局，推动枢纽节点集群建设，提高机架上架率。",
        "建设面向西北的大型智算中心，形成通用、智能和超级计算能力协同的供给体系。",
    ]),
    "gz_infra": ("六盘水市新型基础设施建设三年行动方案", ("贵州省", "六盘水市"), [
        "到2024年累计建成第五代移动通信基站1万个，推进千兆光网覆盖。",
        "加强算力基础设施建设，推动数据中心绿色化发展。",
    ]),
    "nm_sme": ("呼和浩特市中小企业数字化转型城市试点工作方案", ("内蒙古自治区", "呼和浩特市"), [
        "围绕特色食品、生物医药等细分行业，推动中小企业开展智能化改造和数字化升级。",
        "对完成改造的试点企业，按项目投资额给予一定比例的资金支持。",
    ]),
    "sc_talent": ("四川省数字经济人才引进办法", ("四川省", "成都市"), [
        "采取柔性引才、项目引才等方式，集聚数字经济高端人才。",
        "对新引进的领军人才给予最高100万元安家补贴，并提供人才公寓。",
    ]),
    "zj_finance": ("浙江省数字经济金融支持政策", ("浙江省",), [
        "对数字经济企业的技术改造贷款给予财政贴息，贴息比例不超过贷款利率的50%。",
        "设立数字经济产业基金，引导社会资本投向关键核心技术攻关。",
    ]),
}

# query -> {doc id: grade}; type: keyword | concept | comparative
QUERIES: list[tuple[str, str, dict[str, int]]] = [
    ("数据要素", "keyword", {"gd_data": 2}),
    ("数据中心", "keyword", {"gs_compute": 2, "gz_infra": 1}),
    ("孵化器", "keyword", {"hb_incubator": 2}),
    ("房租补贴", "concept", {"hb_incubator": 2, "sz_software": 2}),
    ("资金补贴", "concept", {"hb_incubator": 2, "sd_cloud": 2, "nm_sme": 1}),
    ("计算能力", "concept", {"gs_compute": 2, "gz_infra": 1}),
    ("智能计算中心", "concept", {"gs_compute": 2}),
    ("5G基站", "concept", {"gz_infra": 2}),
    ("人才引进", "concept", {"sc_talent": 2}),
    ("贷款贴息", "concept", {"zj_finance": 2}),
    ("上云用数赋智", "concept", {"sd_cloud": 2}),
    ("数字化转型", "concept", {"nm_sme": 2}),
    ("租金补贴 深圳", "comparative", {"sz_software": 2}),
    ("算力 甘肃", "comparative", {"gs_compute": 2}),
    ("数据要素 region:广东", "comparative", {"gd_data": 2}),
    ("人才 region:四川", "comparative", {"sc_talent": 2}),
]

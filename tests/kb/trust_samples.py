"""A hand-written plan whose sentences place a national firm in a park inside a development zone.

Shared by the tests of entity corrections (``unplace``, ``unlink``) and of the entity page.
"""

ZUNYI_PLAN = """遵义市加快数字经济发展实施方案
发布日期：2023-05-10  来源：遵义市人民政府

一、发展基础
遵义经济技术开发区内建成遵义软件园，华为技术有限公司落户遵义软件园。
遵义软件园由遵义市大数据发展有限公司建设运营。
腾讯、阿里巴巴等企业参加了数字经济峰会。

二、保障措施
加强组织领导，华为技术有限公司与腾讯开展合作。
"""

# A national firm only mentioned: it has no place, only documents that mention it.
KUNMING_NEWS = """昆明市举办数字经济合作论坛
发布日期：2023-08-02  来源：昆明日报

论坛上，腾讯介绍了云计算和人工智能的最新进展。腾讯还展示了数字政务案例。
"""

FIRM, PARK, ZONE, OTHER = "华为技术有限公司", "遵义软件园", "遵义经济技术开发区", "腾讯控股有限公司"

"""Measure region: parks named after their region, lists of places, names that are not places."""

from __future__ import annotations

import pytest

from kb.extract.measures import extract_measures


def _region(body: str, chain: tuple[str, ...], number: str) -> str | None:
    pos = body.index(number)
    found = [m for m in extract_measures(body, chain, doc_date="2024-05-01") if m.start <= pos < m.end]
    assert found, (number, body)
    same = [m for m in found if float(number) in (m.amount, m.rate, m.cap)]  # 分别达到X和Y: one clause, two
    return (same or found)[0].region


@pytest.mark.parametrize(
    ("body", "chain", "number", "want"),
    [
        # a park named <region>…园 is the measure's own region
        ("贵阳大数据产业园现有入驻企业达到300家。", ("贵州省", "贵阳市"), "300", "贵阳大数据产业园"),
        ("2023年，成都天府软件园营业收入突破900亿元。", ("四川省",), "900", "成都天府软件园"),
        ("截至去年底，苏州科技生态城已建成楼宇30万平方米。", ("江苏省",), "30", "苏州科技生态城"),
        # 分别 distributes the numbers over the list of places
        ("截至2023年底，江苏省、浙江省5G基站分别达到22万个和19.4万个。", ("四川省",), "22", "江苏省"),
        ("截至2023年底，江苏省、浙江省5G基站分别达到22万个和19.4万个。", ("四川省",), "19.4", "浙江省"),
        # without 分别 the list's head stands for it
        ("2022年，广东、江苏、山东三省数字经济规模均超过4万亿元。", ("四川省",), "4", "广东省"),
        # two zones of one city: their city
        ("对入驻长沙高新区、长沙经开区楼宇的企业，按实际租金的50%给予补贴。", ("湖南省", "长沙市"), "50", "长沙市"),
        # 全省 after a list of cities: the document's province
        ("昆明、曲靖、玉溪三市数字经济营收占全省的70%以上。", ("云南省",), "70", "云南省"),
        # a list governed by 推动 is not the subject of the sentence
        ("推动昆明市、曲靖市建设城市大脑，依托云南省政务云平台整合系统，到2025年网上可办率达到95%以上。",
         ("云南省",), "95", "云南省"),
        # a region inside a company's name is not a place
        ("贵州白山云科技股份有限公司营业收入达到5亿元。", ("云南省", "昆明市"), "5", "昆明市"),
    ],
)
def test_measure_region(body, chain, number, want):
    assert _region(body, chain, number) == want


def test_zone_document_naming_its_district():
    chain = ("江苏省", "苏州市", "吴中区", "吴中经济技术开发区")
    body = "吴中区出台支持措施，对新入驻的软件企业给予最高50万元奖励。园区去年实现产值260亿元。"
    assert _region(body, chain, "50") == "吴中区"
    assert _region(body, chain, "260") == "吴中经济技术开发区"  # no mention: the document's own region


def test_park_verb_is_not_part_of_a_park_name():
    body = "支持贵阳市建设大数据产业园，新增企业100家。"
    assert _region(body, ("贵州省",), "100") == "贵阳市"


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ("人才方面，全省数字经济从业人员超过100万人。", "talent"),
        ("省内高校每年输送信息类毕业生约8000人。", "talent"),
        ("截至目前，园区现有入驻企业500余家。", "platform_building"),
        ("到2025年，建成5G工厂40个。", "digital_transformation"),
        ("到2025年，建成县级城市运行管理平台20个。", "governance"),
    ],
)
def test_measure_theme_words(body, want):
    found = extract_measures(body, ("贵州省",), doc_date="2024-05-01")
    assert found and found[0].theme == want

"""Where entities are: one type per kind of zone, firms placed only by what the text says, nested places."""

from __future__ import annotations

from kb.extract import FoundEntity, doc_region, extract_entities, region_keys
from kb.extract.gazetteer import is_park_zone


def _ents(body: str, chain: tuple[str, ...]) -> dict[str, FoundEntity]:
    ents, _ = extract_entities(body, chain)
    return {e.name: e for e in ents}


def _links(body: str, chain: tuple[str, ...], kind: str = "located_in") -> dict[tuple[str, str], str]:
    """(src, dst) -> the text of the sentence the link cites."""
    _, links = extract_entities(body, chain)
    return {(lk.src[1], lk.dst[1]): body[lk.start:lk.end] for lk in links if lk.kind == kind}


# ---------------------------------------------------------------- one type per kind of zone

def test_development_zones_are_parks_and_new_areas_regions() -> None:
    assert is_park_zone("昆明经济技术开发区") and is_park_zone("成都高新区") and is_park_zone("南宁综合保税区")
    assert not is_park_zone("滇中新区") and not is_park_zone("天府新区") and not is_park_zone("中新天津生态新城")


def test_a_zone_is_a_park_also_in_its_own_document_and_the_filter_still_finds_it() -> None:
    title, body = "昆明经开区数字经济发展综述", "昆明经开区今年新增数字经济企业40家。经开区还建成了一批孵化器。"
    chain = doc_region(title, body)
    assert chain == ("云南省", "昆明市", "昆明经济技术开发区")
    zone = _ents(body, chain)["昆明经济技术开发区"]
    assert zone.type == "park" and zone.region_chain == ("云南省", "昆明市")
    assert {"昆明经开区", "昆明经济技术开发区", "昆明"} <= set(region_keys(chain))


def test_the_same_zone_has_the_same_type_in_another_document() -> None:
    body = "云南省支持昆明经济技术开发区建设数字经济产业园。"
    assert _ents(body, ("云南省",))["昆明经济技术开发区"].type == "park"


def test_a_new_area_is_a_region_under_its_city() -> None:
    body = "云南滇中新区加快建设数据中心，滇中新区今年新增企业30家。"
    new_area = _ents(body, ("云南省", "昆明市"))["滇中新区"]
    assert new_area.type == "region"


# ---------------------------------------------------------------- firms placed by the text only

def test_a_national_firm_only_mentioned_stays_unplaced() -> None:
    body = "柳州市加强与华为、腾讯、阿里巴巴等头部企业合作交流，培育本地企业做大做强。"
    ents = _ents(body, ("广西壮族自治区", "柳州市"))
    assert ents["华为技术有限公司"].region_chain == ()
    assert ents["腾讯控股有限公司"].region_chain == ()
    assert not [k for k in _links(body, ("广西壮族自治区", "柳州市")) if k[0] == "华为技术有限公司"]


def test_cooperating_to_build_a_lab_does_not_place_the_partner() -> None:
    body = "洛阳市与中兴通讯合作建设了智能制造联合实验室。"
    assert _ents(body, ("河南省", "洛阳市"))["中兴通讯股份有限公司"].region_chain == ()


def test_a_settling_sentence_places_a_national_firm_with_that_sentence() -> None:
    body = "今年以来，浪潮集团在绵阳高新区建设服务器生产基地。"
    chain = ("四川省", "绵阳市")
    assert _ents(body, chain)["浪潮集团有限公司"].region_chain == ("四川省", "绵阳市")
    links = _links(body, chain)
    assert links[("浪潮集团有限公司", "绵阳高新技术产业开发区")] == body


def test_firms_brought_in_by_the_document_place_take_its_place() -> None:
    body = "芜湖市成功引进科大讯飞、京东方等行业龙头企业。"
    ents = _ents(body, ("安徽省", "芜湖市"))
    assert ents["科大讯飞股份有限公司"].region_chain == ("安徽省", "芜湖市")
    assert ents["京东方科技集团股份有限公司"].region_chain == ("安徽省", "芜湖市")


def test_that_city_points_back_at_the_document_place() -> None:
    body = "近年来，阿里巴巴、腾讯等一批领军企业加速在该市布局数据中心。"
    ents = _ents(body, ("内蒙古自治区", "乌兰察布市"))
    assert ents["阿里巴巴集团"].region_chain == ("内蒙古自治区", "乌兰察布市")


def test_a_signed_local_project_places_a_firm_but_a_strategic_agreement_does_not() -> None:
    chain = ("湖北省", "襄阳市")
    assert _ents("比亚迪与襄阳高新区签约，建设动力电池生产基地。", chain)["比亚迪股份有限公司"].region_chain
    assert not _ents("比亚迪与襄阳市签署战略合作协议。", chain)["比亚迪股份有限公司"].region_chain


def test_a_local_firm_keeps_the_place_its_name_carries_or_the_documents() -> None:
    body = "位于伍家岗区的宜昌华讯电子有限公司扩建生产线，润达科技等企业加快转型。"
    ents = _ents(body, ("湖北省", "宜昌市"))
    assert ents["宜昌华讯电子有限公司"].region_chain == ("湖北省", "宜昌市", "伍家岗区")
    assert ents["润达科技"].region_chain == ("湖北省", "宜昌市")


def test_a_firm_named_only_as_a_speakers_employer_is_not_placed() -> None:
    body = "签约仪式上，盘江控股集团党委书记、董事长致辞。"
    assert _ents(body, ("贵州省", "贵阳市"))["盘江控股集团"].region_chain == ()
    body = "盘江控股集团在贵阳高新区建设数据中心。"
    assert _ents(body, ("贵州省", "贵阳市"))["盘江控股集团"].region_chain == ("贵州省", "贵阳市")


def test_a_region_in_brackets_says_where_a_park_is() -> None:
    body = "黄冈(武汉)离岸科创园正式开园。"
    assert _ents(body, ("湖北省",))["黄冈(武汉)离岸科创园"].region_chain == ("湖北省", "武汉市")


def test_firms_listed_before_a_count_sign_their_settling_in_a_park() -> None:
    body = "杭州云栖建筑科技有限公司、杭州明德数据科技有限公司等12家杭州企业与沪黔临港贵阳科技城现场签订入驻协议。"
    links = _links(body, ("贵州省", "贵阳市"))
    assert ("杭州云栖建筑科技有限公司", "沪黔临港贵阳科技城") in links


def test_known_firms_are_told_apart_from_local_ones() -> None:
    from kb.extract import is_known_firm

    assert is_known_firm("华为技术有限公司") and is_known_firm("微软公司")
    assert not is_known_firm("云岭星河集团") and not is_known_firm("华为")  # aliases are not canonical names

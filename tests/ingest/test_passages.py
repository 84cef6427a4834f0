from hypothesis import given, settings
from hypothesis import strategies as st

from kb.ingest.passages import MAX_PASSAGE, find_headings, split_passages

PLAN = "\n".join(
    [
        "海南省数字经济发展实施方案",
        "为加快建设智慧海南，制定本方案。",
        "一、总体要求",
        "坚持创新驱动，推进数字产业化和产业数字化。",
        "二、重点任务",
        "（一）建设数字基础设施",
        "1.加快5G建设。到2025年建成5G基站2万个。",
        "2．推进算力中心建设。支持海口建设数据中心。",
        "（二）培育数字产业",
        "3、发展软件产业。引进软件企业50家。",
        "三、保障措施",
        "加强组织领导。",
    ]
)


def sections(body, title=""):
    passages, _ = split_passages(body, title)
    return {body[p.start : p.end]: p.section for p in passages}


def test_section_paths_follow_heading_levels():
    got = sections(PLAN, "海南省数字经济发展实施方案")
    assert got["海南省数字经济发展实施方案"] == ""
    assert got["坚持创新驱动，推进数字产业化和产业数字化。"] == "一、总体要求"
    assert got["1.加快5G建设。到2025年建成5G基站2万个。"] == "二、重点任务 > （一）建设数字基础设施 > 1.加快5G建设"
    assert got["2．推进算力中心建设。支持海口建设数据中心。"].endswith("（一）建设数字基础设施 > 2．推进算力中心建设")
    assert got["3、发展软件产业。引进软件企业50家。"] == "二、重点任务 > （二）培育数字产业 > 3、发展软件产业"
    assert got["加强组织领导。"] == "三、保障措施"


def test_outline_levels():
    _, outline = split_passages(PLAN, "海南省数字经济发展实施方案")
    levels = {text: level for _, level, text in outline}
    assert levels == {
        "一、总体要求": 1,
        "二、重点任务": 1,
        "（一）建设数字基础设施": 2,
        "1.加快5G建设": 3,
        "2．推进算力中心建设": 3,
        "（二）培育数字产业": 2,
        "3、发展软件产业": 3,
        "三、保障措施": 1,
    }
    for start, _, text in outline:
        assert PLAN[start:].startswith(text)


def test_chapter_is_above_numbered_sections():
    body = "第一章 总则\n第一条规定本办法的适用范围。\n一、适用范围\n本办法适用于全省。\n第二章 附则\n本办法自发布之日起施行。"
    got = sections(body)
    assert got["本办法适用于全省。"] == "第一章 总则 > 一、适用范围"
    assert got["本办法自发布之日起施行。"] == "第二章 附则"


def test_numbered_sentence_is_not_a_heading():
    body = "一、主要任务\n1.对认定为省级数字经济示范园区的，给予一次性奖励100万元，对国家级示范园区给予奖励200万元，所需资金由省财政承担。"
    heads = [text for _, _, _, text in find_headings(body)]
    assert heads == ["一、主要任务"]


def test_unnumbered_titles_between_paragraphs():
    body = "\n".join(
        [
            "某县推进数字乡村建设综述",
            "近年来，某县大力推进数字乡村建设，取得明显成效，群众获得感不断增强。",
            "从“通”字入手,夯实网络基础",
            "全县行政村光纤和4G网络实现全覆盖，新建5G基站120个，乡村网络条件显著改善。",
            "在“用”字发力,拓展应用场景",
            "建设智慧农业示范基地5个，农产品网络销售额突破3亿元，带动农民增收。",
        ]
    )
    got = sections(body, "某县推进数字乡村建设综述")
    assert (
        got["全县行政村光纤和4G网络实现全覆盖，新建5G基站120个，乡村网络条件显著改善。"] == "从“通”字入手,夯实网络基础"
    )
    assert got["建设智慧农业示范基地5个，农产品网络销售额突破3亿元，带动农民增收。"] == "在“用”字发力,拓展应用场景"


def test_lost_number_takes_level_from_next_heading():
    body = "\n".join(
        [
            "一、总体目标",
            "到2025年数字经济规模突破千亿元，形成一批特色产业集群。",
            "重点任务",
            "（一）夯实基础",
            "建设千兆城市，推进算力网络建设，完善基础设施布局。",
            "培育产业",
            "1.做强电子信息。推动集成电路、新型显示等产业集聚发展。",
        ]
    )
    got = sections(body)
    assert got["建设千兆城市，推进算力网络建设，完善基础设施布局。"] == "重点任务 > （一）夯实基础"
    assert got["1.做强电子信息。推动集成电路、新型显示等产业集聚发展。"] == "重点任务 > 培育产业 > 1.做强电子信息"


def test_long_paragraph_split_at_sentence_ends():
    sentence = "推进数字经济与实体经济深度融合，加快传统产业数字化转型步伐，培育壮大新兴数字产业集群。"
    body = "标题\n" + sentence * 12
    passages, _ = split_passages(body)
    long = [p for p in passages if p.start > 2]
    assert len(long) >= 2
    for p in long:
        assert p.end - p.start <= MAX_PASSAGE
        assert body[p.start : p.end].endswith("。")
    assert long[0].start == 3 and long[-1].end == len(body)
    assert all(a.end <= b.start for a, b in zip(long, long[1:], strict=False))


def test_sentence_longer_than_limit_is_hard_cut():
    body = "数" * 1000
    passages, _ = split_passages(body)
    assert [p.end - p.start for p in passages] == [300, 300, 300, 100]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=1500))
def test_splitter_never_raises_and_spans_are_valid(text):
    passages, outline = split_passages(text)
    prev = 0
    for p in passages:
        assert prev <= p.start < p.end <= len(text)
        assert text[p.start : p.end].strip() == text[p.start : p.end]
        prev = p.end
    for start, level, _ in outline:
        assert 0 <= start <= len(text) and level >= 1


def test_list_items_bullets_and_attachments_are_not_headings():
    body = "\n".join(
        [
            "一、发展目标",
            "主要指标：",
            "数字经济增加值增长15%",
            "软件和信息技术服务业收入增长20%以上",
            "二、重点任务",
            "（一）育产业",
            "● 智能终端制造",
            "● 软件和信息技术服务",
            "对新引进的数字经济重点企业，按照实际到位投资额给予一定比例奖励。",
            "—— 智慧交通",
            "—— 智慧医疗与健康服务",
            "01",
            "打造标杆引领",
            "嘉兴每年遴选一批数字化转型标杆企业，对认定为省级未来工厂的企业给予奖励。",
            "附件：1.重点项目清单",
            "2.重点任务分工表",
            "①数据来源：省统计局公开数据，经课题组整理。",
        ]
    )
    heads = [text for _, _, _, text in find_headings(body)]
    assert heads == ["一、发展目标", "二、重点任务", "（一）育产业", "打造标杆引领"]


def test_numbered_items_after_a_colon_stay_headings():
    body = "现将有关事项通知如下：\n1.加快5G建设。到2025年建成5G基站2万个。\n2.推进算力建设。支持建设数据中心。"
    heads = [text for _, _, _, text in find_headings(body)]
    assert heads == ["1.加快5G建设", "2.推进算力建设"]


def test_circled_and_full_width_numbers_do_not_crash():
    body = "一、总则\n①推进数据共享。各部门按目录共享数据。\n⑫第十二项任务\n１．全角数字标题\n正文内容较长的一段文字。"
    _, outline = split_passages(body)
    assert [text for _, _, text in outline] == ["一、总则", "①推进数据共享", "⑫第十二项任务", "１．全角数字标题"]


def test_heading_whose_number_was_lost_shows_without_its_stray_bracket() -> None:
    from kb.ingest.passages import split_passages

    body = "一、总体要求\n坚持创新驱动。\n)推动产业数字化转型\n加快企业上云。\n、组织保障\n成立领导小组。"
    _passages, outline = split_passages(body)
    texts = [t for _s, _lv, t in outline]
    assert "推动产业数字化转型" in texts and "组织保障" in texts
    assert not any(t.startswith((")", "、")) for t in texts)

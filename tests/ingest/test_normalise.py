from hypothesis import given, settings
from hypothesis import strategies as st

from kb.ingest import normalise


def test_traditional_to_simplified():
    assert normalise("數字經濟") == "数字经济"
    assert normalise("發展規劃與雲計算") == "发展规划与云计算"


def test_full_width_to_half_width_and_lower_case():
    assert normalise("５Ｇ") == "5g"
    assert normalise("ＩＰｖ６網絡") == "ipv6网络"
    assert normalise("（一）") == "(一)"


def test_chinese_punctuation_kept():
    assert normalise("发展，建设。完成！") == "发展，建设。完成！"


def test_odd_spaces_become_plain():
    assert normalise("数字\u3000经济\u00a0发展\u200b规划") == "数字 经济 发展 规划"


def test_simplified_text_unchanged():
    text = "赣州市数字经济产业园建设加快推进"
    assert normalise(text) == text


def test_multiline_offsets_stay_aligned():
    text = "第一行：數據中心\n第二行：ＡＩ產業\n"
    out = normalise(text)
    assert len(out) == len(text)
    assert out.index("数据中心") == text.index("數據中心")
    assert out.index("ai产业") == text.index("ＡＩ產業")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_length_invariant_any_text(text):
    assert len(normalise(text)) == len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=120))
def test_length_invariant_han(text):
    assert len(normalise(text)) == len(text)


def _folded(ch: str) -> str:
    """One character's search form, from the rules in the module docstring."""
    o = ord(ch)
    if 0xFF01 <= o <= 0xFF5E and ch not in "，！？：；":
        ch = chr(o - 0xFEE0)
    elif ch in "\u00a0\u2002\u2003\u2009\u200b\u3000\ufeff":
        ch = " "
    return ch.lower() if "A" <= ch <= "Z" else ch


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ＡＢｚ０９（）％，！？：；\u00a0\u2002\u3000\u200b\ufeff aZ9数据中心\n.", max_size=80))
def test_width_and_case_fold_character_by_character(text):
    assert normalise(text) == "".join(map(_folded, text))


def test_lines_read_again_convert_as_in_a_fresh_process(monkeypatch):
    """A line is converted once and read from the cache after: cached, partly cached and new lines
    give what the converter gives each line on its own, and the cache stays within its size."""
    import importlib

    mod = importlib.import_module("kb.ingest.normalise")
    monkeypatch.setattr(mod, "_LINES", {})
    monkeypatch.setattr(mod, "_lines_chars", 0)
    lines = ["貴州省人民政府辦公廳關於印發數字經濟發展規劃的通知", "各市、自治州人民政府", "乾燥的天氣裡發展雲計算",
             "plain ascii", "", "深化數據要素市場化配置改革"]
    fresh = [mod._CONVERTER.convert(line) for line in lines]
    assert mod.to_simplified("\n".join(lines)).split("\n") == fresh
    assert [mod.to_simplified(line) for line in lines] == fresh  # each line alone, now from the cache
    mixed = [lines[0], "黔東南州建設大數據中心", lines[5]]
    assert mod.to_simplified("\n".join(mixed)).split("\n") == [mod._CONVERTER.convert(x) for x in mixed]
    monkeypatch.setattr(mod, "_LINES_CHARS_MAX", 100)
    for i in range(50):
        mod.to_simplified(f"第{i}號數據中心機房")
    assert sum(map(len, mod._LINES)) <= 100

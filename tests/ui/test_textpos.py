from ui.textpos import Utf16Map, to_utf16, utf16_len

ASTRAL = "𠮷"  # U+20BB7: two UTF-16 units, one code point


def test_bmp_text_is_identity() -> None:
    m = Utf16Map("数据中心abc")
    assert [m.to_qt(i) for i in range(8)] == list(range(8))
    assert m.from_qt(5) == 5


def test_astral_character_shifts_later_positions_by_one() -> None:
    text = f"前{ASTRAL}后算力{ASTRAL}平台"
    m = Utf16Map(text)
    start = text.index("算力")
    assert m.to_qt(start) == start + 1
    assert m.to_qt(text.index("平台")) == text.index("平台") + 2
    assert m.to_qt(len(text)) == utf16_len(text) == len(text) + 2
    assert to_utf16(text, start) == m.to_qt(start)
    # round trip for every offset, and the position inside the surrogate pair maps to its start
    assert all(m.from_qt(m.to_qt(i)) == i for i in range(len(text) + 1))
    assert m.from_qt(2) == 1
    assert text.encode("utf-16-le")[2 * m.to_qt(start):2 * m.to_qt(start + 2)].decode("utf-16-le") == "算力"


def test_out_of_range_offsets_are_clamped() -> None:
    m = Utf16Map(f"a{ASTRAL}")
    assert m.to_qt(-3) == 0
    assert m.to_qt(99) == 3
    assert m.from_qt(99) == 2

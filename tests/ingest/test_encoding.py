import codecs

import pytest

from kb.errors import IngestError
from kb.ingest import prepare_bytes
from kb.ingest.encoding import check_size, decode

TEXT = "贵阳市数字经济发展实施方案\n一、总体要求\n到2025年，建成5G基站1万个。\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("gbk"),
        TEXT.encode("gb18030"),
        TEXT.encode("gb2312"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "gbk", "gb18030", "gb2312"],
)
def test_decodes_common_encodings(data):
    assert decode(data, "x.txt") == TEXT


def test_crlf_becomes_lf():
    assert decode("第一行\r\n第二行\r第三行".encode(), "x") == "第一行\n第二行\n第三行"


def test_bomless_utf16_detected_by_nul_pattern():
    text = "Digital economy plan 2023\n数字经济 5G base stations: 3000\n" * 3
    assert decode(text.encode("utf-16-le"), "x") == text
    assert decode(text.encode("utf-16-be"), "x") == text


def test_gb18030_only_characters_survive():
    text = "数字经济发展规划，涉及㐀字与€符号以及更多常见汉字内容在此。" * 3
    assert decode(text.encode("gb18030"), "x") == text


def test_mostly_utf8_with_one_bad_byte_is_accepted():
    data = ("数字经济" * 200).encode() + b"\xff" + "发展".encode()
    text = decode(data, "x")
    assert text.startswith("数字经济") and text.endswith("发展") and "\ufffd" in text


@pytest.mark.parametrize("data", [b"", b"   \n\t \r\n", "\u3000\n".encode()])
def test_empty(data):
    with pytest.raises(IngestError, match="empty file"):
        decode(data, "e.txt")


def test_binary_renamed_txt():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4
    with pytest.raises(IngestError, match="binary file, not text"):
        prepare_bytes("photo.txt", png)


def test_control_characters_are_binary():
    with pytest.raises(IngestError, match="binary"):
        decode(b"abc\x01\x02\x03\x04\x05\x06def\x07\x08" * 10, "x")


def test_random_high_bytes_are_refused_with_reason():
    import random

    rng = random.Random(4)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(3000))
    with pytest.raises(IngestError) as info:
        decode(data, "junk.txt")
    assert info.value.path == "junk.txt"
    assert "undecodable" in info.value.reason or "binary" in info.value.reason


def test_utf16_with_bad_surrogate_is_undecodable():
    with pytest.raises(IngestError, match="undecodable"):
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8\x41\x00", "x")


def test_size_cap():
    check_size("ok", 10, 10)
    with pytest.raises(IngestError, match="too large"):
        check_size("big.txt", 11, 10)
    with pytest.raises(IngestError, match="too large"):
        prepare_bytes("big.txt", TEXT.encode() * 10, max_bytes=100)


# ---------------------------------------------------------------- GBK inside UTF-8 lines

U8_HEAD = "贵阳市数字经济发展实施方案：到2025年，".encode()
GBK_MIDDLE = "小型企业数据中心建设给予补助".encode("gbk")  # starts with 小 = D0 A1, valid 2-byte UTF-8
U8_TAIL = "，最高不超过500万元。\n".encode()


def test_gbk_inside_a_utf8_line_is_read_as_gbk_and_reported():
    notes: list[str] = []
    text = decode(U8_HEAD + GBK_MIDDLE + U8_TAIL, "x.txt", notes)
    assert text == "贵阳市数字经济发展实施方案：到2025年，小型企业数据中心建设给予补助，最高不超过500万元。\n"
    assert notes == [f"mixed encodings: {len(GBK_MIDDLE)} bytes read as GBK inside UTF-8 text"]


def test_mixed_segments_over_many_lines_keep_every_character():
    lines = [U8_HEAD + GBK_MIDDLE + U8_TAIL, "一、总体要求\n".encode("gbk"), "二、重点任务\n".encode()] * 50
    text = decode(b"".join(lines), "x.txt")
    assert "\ufffd" not in text and text.count("小型企业数据中心建设给予补助") == 50 and text.count("一、总体要求") == 50


def test_undecodable_bytes_are_counted_not_hidden():
    notes: list[str] = []
    text = decode(U8_HEAD * 20 + b"\xff\xfe" + U8_TAIL, "x.txt", notes)
    assert text.count("\ufffd") == 2
    assert notes == ["2 undecodable bytes replaced by U+FFFD"]


def test_mixed_file_warning_reaches_the_prepared_document():
    doc = prepare_bytes("mixed.txt", U8_HEAD + GBK_MIDDLE + U8_TAIL)
    assert "小型企业数据中心建设给予补助" in doc.body
    assert doc.warnings == (f"mixed encodings: {len(GBK_MIDDLE)} bytes read as GBK inside UTF-8 text",)


def test_big5_is_not_mistaken_for_gbk_runs():
    text = "數位經濟發展實施方案，到二零二五年全縣數位經濟規模達到一千億元。\n" * 20
    assert decode(text.encode("big5"), "x.txt") == text

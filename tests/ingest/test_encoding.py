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

"""Each prepared document carries its file's bytes, compressed, and they give the same document."""

from __future__ import annotations

import dataclasses
import random

import pytest

from kb.ingest import prepare_bytes, unpack_original
from kb.ingest.original import pack_original

from .conftest import build_docx, build_pdf
from .samples import GUIZHOU_HTML

TEXT = "宣城市数字经济发展实施方案\n一、总体要求\n到2025年，全市数字经济规模达到1000亿元。\n" * 20


@pytest.mark.parametrize(
    "name,data",
    [
        ("plan.txt", TEXT.encode("gbk")),
        ("page.html", GUIZHOU_HTML.encode()),
        ("plan.docx", build_docx(TEXT.split("\n")[:6])),
        ("plan.pdf", build_pdf(TEXT.split("\n")[:6], gaps=True)),
    ],
)
def test_the_original_reproduces_the_document(name, data):
    doc = prepare_bytes(name, data, "/somewhere/" + name)
    assert unpack_original(doc.original) == data
    again = prepare_bytes(name, unpack_original(doc.original), "/somewhere/" + name)
    assert again == doc
    assert dataclasses.replace(again, original=b"") == dataclasses.replace(doc, original=b"")


def test_text_shrinks_and_compressed_formats_are_stored_as_they_are():
    assert len(pack_original(TEXT.encode())) < len(TEXT.encode()) / 3
    noise = random.Random(7).randbytes(10_000)  # what a .docx or a PDF's streams look like to zlib
    packed = pack_original(noise)
    assert len(packed) == len(noise) + 1 and unpack_original(packed) == noise


def test_an_unknown_codec_is_an_error_not_garbage():
    with pytest.raises(ValueError, match="unknown codec"):
        unpack_original(b"q" + b"data")

"""The shipped set of characters OpenCC's t2s may change must cover the installed dictionaries:
``kb.ingest.normalise`` skips the converter for text without any of them, so a missing character
would leave a 繁體 word unconverted.

Regenerate after an OpenCC upgrade: ``PYTHONPATH=. python tests/ingest/test_t2s_chars.py > kb/ingest/t2s_chars.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import unicodedata
from importlib.metadata import version
from pathlib import Path

import opencc
from hypothesis import given, settings
from hypothesis import strategies as st

from kb.ingest.normalise import to_simplified
from kb.ingest.t2s_chars import CHANGEABLE, OPENCC_VERSION

_CLIB = Path(opencc.__file__).parent / "clib"


def _dictionaries() -> list[str]:
    """The .ocd2 files the t2s configuration reads (normalisation and conversion)."""
    config = json.loads((_CLIB / "share" / "opencc" / "t2s.json").read_text(encoding="utf-8"))
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("type") == "ocd2":
                found.append(str(node["file"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(config)
    return found


def dictionary_changeable() -> set[str]:
    """Each character of a dictionary key that some value of that key replaces (all of the key's
    characters when the lengths differ): no other character can be changed by the conversion."""
    out: set[str] = set()
    env = {**os.environ, "LD_LIBRARY_PATH": str(_CLIB / "lib64")}
    with tempfile.TemporaryDirectory() as tmp:
        for name in _dictionaries():
            dump = Path(tmp) / (name + ".txt")
            subprocess.run([str(_CLIB / "bin" / "opencc_dict"), "-i", str(_CLIB / "share" / "opencc" / name),
                            "-o", str(dump), "-f", "ocd2", "-t", "text"], check=True, env=env)
            for line in dump.read_text(encoding="utf-8").splitlines():
                key, values = line.split("\t")
                for value in values.split(" "):
                    if value != key:
                        out.update(key if len(value) != len(key) else (a for a, b in zip(key, value, strict=True) if a != b))
    return out


def test_the_shipped_set_is_the_installed_dictionaries_set() -> None:
    assert OPENCC_VERSION == version("opencc")
    assert dictionary_changeable() == CHANGEABLE


def test_every_character_the_converter_changes_alone_is_in_the_set() -> None:
    chars = [chr(o) for r in ((0x3400, 0xA000), (0xF900, 0xFB00), (0x20000, 0x32000)) for o in range(*r)]
    out = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    assert {a for a, b in zip(chars, out, strict=True) if a != b} <= CHANGEABLE


def test_text_without_those_characters_is_left_as_is_and_with_them_converted() -> None:
    assert to_simplified("贵州省大数据发展规划\n乾燥") == "贵州省大数据发展规划\n干燥"
    assert to_simplified("贵州省大數據發展規劃") == "贵州省大数据发展规划"
    assert to_simplified("贵州省大数据发展规划") == "贵州省大数据发展规划"


def _module_text() -> str:
    # Compatibility ideographs are escaped: an editor's NFC normalisation would turn them into others.
    tokens = [c if unicodedata.normalize("NFC", c) == c else f"\\U{ord(c):08x}" for c in sorted(dictionary_changeable())]
    rows = "\n".join(f'    "{"".join(tokens[i:i + 80])}"' for i in range(0, len(tokens), 80))
    return (
        '"""Every character OpenCC\'s t2s conversion can change: a text without any is its own Simplified\n'
        "form, and the converter is not called for it. Made from the dictionaries of the version below by\n"
        'tests/ingest/test_t2s_chars.py (run it as a script to regenerate)."""\n\n'
        f'OPENCC_VERSION = "{version("opencc")}"\n\n'
        f"CHANGEABLE = frozenset(\n{rows}\n)\n"
    )


if __name__ == "__main__":
    sys.stdout.write(_module_text())


def _line_by_definition(line: str) -> str:
    """OpenCC's t2s of a line holding a BMP ideograph, one character for one; other lines as they are."""
    if not any("\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" for c in line):
        return line
    out = opencc.OpenCC("t2s").convert(line)
    return out if len(out) == len(line) else "".join(c if len(x := opencc.OpenCC("t2s").convert(c)) != 1 else x
                                                      for c in line)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="數據發展乾燥干贵州 \u3000Ａ𠀀\U0002f800", max_size=12), min_size=1, max_size=6))
def test_a_text_converts_line_by_line_whatever_was_converted_before(lines: list[str]) -> None:
    expected = [_line_by_definition(line) for line in lines]
    assert to_simplified("\n".join(lines)).split("\n") == expected
    assert [to_simplified(line) for line in reversed(lines)] == expected[::-1]

"""Bytes → text for plain-text formats.

Scraped Chinese pages arrive as UTF-8, UTF-8 with BOM, UTF-16 (with or without BOM) and
GBK/GB2312. We try the strict, cheap answers first and only then ask charset-normalizer, so a
clean file never depends on a statistical guess.
"""

from __future__ import annotations

import codecs
import logging
import re

from charset_normalizer import from_bytes

from kb.errors import IngestError
from kb.ingest.mixed import decode_mixed

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "cp936", "hz_gb_2312", "euc_cn"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SAMPLE = 65536


def check_size(path: str, size: int, max_bytes: int | None = None) -> None:
    """Refuse files over the cap before any work is spent on them."""
    cap = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    if size > cap:
        raise IngestError(path, f"too large ({size:,} bytes; the limit is {cap:,})")


def decode(data: bytes, path: str = "", notes: list[str] | None = None) -> str:
    """Decode a text file's bytes; raise IngestError for empty, binary or undecodable input.

    What the user should know about the decoding (GBK runs inside UTF-8, replaced bytes) is
    appended to ``notes``.
    """
    if not data.strip(b" \t\r\n\x00\x0b\x0c") and not _has_utf16_bom(data):
        raise IngestError(path, "empty file")
    text = _decode(data, path, notes if notes is not None else [])
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestError(path, "empty file")
    if _looks_binary(text):
        raise IngestError(path, "binary file, not text")
    return text


def _has_utf16_bom(data: bytes) -> bool:
    return data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def _decode(data: bytes, path: str, notes: list[str]) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path)
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _strict(data, "utf-32", path)
    if data.startswith(codecs.BOM_UTF16_LE):
        return _strict(data[2:], "utf-16-le", path)
    if data.startswith(codecs.BOM_UTF16_BE):
        return _strict(data[2:], "utf-16-be", path)
    if b"\x00" in data:
        guess = _utf16_by_nuls(data)
        if guess is None:
            raise IngestError(path, "binary file, not text")
        return _strict(data, guess, path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mixed = decode_mixed(data)
    if mixed.utf8_wide >= 0.01 * mixed.gb_chars and mixed.plausible(len(data)):
        notes.extend(mixed.notes())
        log.warning("%s: %s", path, "; ".join(mixed.notes()))
        return mixed.text
    gb = _try_gb18030(data)
    if gb is not None:
        return gb
    return _by_charset_normalizer(data, path)


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise IngestError(path, f"undecodable text (bad {encoding} at byte {exc.start})") from None


def _utf16_by_nuls(data: bytes) -> str | None:
    """BOM-less UTF-16: ASCII-range characters put their NUL byte on one parity only."""
    sample = data[:_SAMPLE]
    if len(sample) < 4 or len(sample) % 2:
        sample = sample[: len(sample) - len(sample) % 2]
    even = sum(1 for i in range(0, len(sample), 2) if sample[i] == 0)
    odd = sum(1 for i in range(1, len(sample), 2) if sample[i] == 0)
    pairs = len(sample) // 2 or 1
    if odd > 4 * even:  # not "no NUL on the other side": U+4E00 一 is 00 4E in UTF-16-LE
        guess = "utf-16-le"
    elif even > 4 * odd:
        guess = "utf-16-be"
    else:
        return None
    try:
        text = data[: len(data) - len(data) % 2].decode(guess)
    except UnicodeDecodeError:
        return None
    clear = max(odd, even) / pairs > 0.05 and not min(odd, even)
    if not clear and not _mostly_han(text):
        return None  # weak or mixed NUL pattern (Chinese has little ASCII): only if it reads as Chinese
    return guess if not _looks_binary(text) else None


def _mostly_han(text: str) -> bool:
    sample = [c for c in text[:_SAMPLE] if not c.isspace()]
    han = sum(1 for c in sample if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef")
    return bool(sample) and han >= 0.6 * len(sample)


def _try_gb18030(data: bytes) -> str | None:
    """Accept GB18030 only if the result is ordinary Chinese (nearly all chars in GB2312)."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    wide = [c for c in text[:_SAMPLE] if ord(c) >= 0x80]
    if not wide:
        return text
    common = 0
    for ch in wide:
        try:
            ch.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return text if common >= 0.9 * len(wide) else None


def _by_charset_normalizer(data: bytes, path: str) -> str:
    best = from_bytes(data[: 4 * _SAMPLE]).best()
    if best is None:
        raise IngestError(path, "undecodable text (unknown encoding)")
    enc = best.encoding.lower().replace("-", "_")
    if enc in _GB_FAMILY:
        enc = "gb18030"
    try:
        text = data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        raise IngestError(path, f"undecodable text (looks like {enc} but is not)") from None
    log.info("%s: decoded as %s", path, enc)
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE]
    if "\x00" in sample:
        return True
    controls = len(_CONTROL.findall(sample))
    return controls > max(2, len(sample) * 0.01)

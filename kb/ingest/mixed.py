"""UTF-8 text with GBK pasted into it, decoded segment by segment.

Pages assembled from several sources (a UTF-8 template around a GBK-encoded article, a GBK
quotation inside a UTF-8 paragraph) fail strict UTF-8 somewhere in a line. Decoding the whole file
either way loses one part: UTF-8 with replacement turns the GBK into U+FFFD, GB18030 turns the
UTF-8 into mojibake. Here each byte run is read in the encoding it is valid in: UTF-8 where it
decodes, GB18030 double-byte pairs where it does not, U+FFFD (counted) where neither fits.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

# UTF-8 leads of U+2000..U+9FFF (punctuation, CJK) and U+F000..U+FFFF (full-width forms).
_WIDE_LEAD = {*range(0xE2, 0xEA), 0xEF}
_CONT = range(0x80, 0xC0)


@dataclass(frozen=True)
class Mixed:
    text: str
    gb_bytes: int  # bytes read as GB18030
    gb_chars: int
    gb_rare: int  # GB-decoded characters outside GB2312 (a sign the bytes were not GBK at all)
    bad_bytes: int  # bytes replaced by U+FFFD
    utf8_wide: int  # characters of U+0800 and above read as UTF-8 (real UTF-8 Chinese)

    def plausible(self, size: int) -> bool:
        """Few replacements, and GB runs that read as ordinary Chinese."""
        return self.bad_bytes <= max(1, size * 0.005) and self.gb_rare <= 0.1 * max(self.gb_chars, 1)

    def notes(self) -> list[str]:
        out = []
        if self.gb_bytes:
            out.append(f"mixed encodings: {self.gb_bytes:,} bytes read as GBK inside UTF-8 text")
        if self.bad_bytes:
            out.append(f"{self.bad_bytes:,} undecodable byte{'s' if self.bad_bytes > 1 else ''} replaced by U+FFFD")
        return out


def decode_mixed(data: bytes) -> Mixed:
    """Decode ``data`` as UTF-8 with GB18030 runs wherever UTF-8 is invalid (see module doc)."""
    view = memoryview(data)
    out: list[str] = []
    pos, n = 0, len(data)
    gb_bytes = gb_chars = gb_rare = bad = wide = 0
    while pos < n:
        try:
            text = codecs.utf_8_decode(view[pos:], "strict", True)[0]
            out.append(text)
            wide += _wide(text)
            break
        except UnicodeDecodeError as exc:
            stop = pos + exc.start
        good = codecs.utf_8_decode(view[pos:stop], "strict", True)[0]
        keep, start = _back_off(good, stop)  # GBK pairs that happened to be valid 2-byte UTF-8
        out.append(keep)
        wide += _wide(keep)
        end = _gb_run(data, start)
        chunk = data[start:end].decode("gb18030", "replace") if end > start else ""
        rare = _rare(chunk)
        if chunk and rare <= 0.1 * len(chunk) and (len(chunk) > 1 or not rare):
            out.append(chunk)
            gb_bytes += end - start
            gb_chars += len(chunk)
            gb_rare += rare
            pos = end
        else:  # neither UTF-8 nor plausible GBK: one byte lost
            out.extend(good[len(keep) :])
            out.append("\ufffd")
            bad += 1
            pos = stop + 1
    return Mixed("".join(out), gb_bytes, gb_chars, gb_rare, bad, wide)


def _wide(text: str) -> int:
    return sum(1 for ch in text if ord(ch) >= 0x800) if not text.isascii() else 0


def _back_off(good: str, stop: int) -> tuple[str, int]:
    """Drop trailing U+0080..U+07FF characters (2-byte UTF-8 that GBK pairs can form) from the
    UTF-8 part, so the GB run starts where the GBK text did; returns (kept text, new start)."""
    cut = len(good)
    while cut and 0x80 <= ord(good[cut - 1]) < 0x800:
        cut -= 1
    return good[:cut], stop - 2 * (len(good) - cut)


def _gb_run(data: bytes, pos: int) -> int:
    """End of the run of GB18030 multi-byte characters starting at ``pos``."""
    n = len(data)
    while pos + 1 < n:
        lead, trail = data[pos], data[pos + 1]
        if not 0x81 <= lead <= 0xFE or _utf8_resumes(data, pos):
            break
        if 0x30 <= trail <= 0x39:  # four-byte GB18030 sequence
            if pos + 3 < n and 0x81 <= data[pos + 2] <= 0xFE and 0x30 <= data[pos + 3] <= 0x39:
                pos += 4
                continue
            break
        if not (0x40 <= trail <= 0x7E or 0x80 <= trail <= 0xFE):
            break
        pos += 2
    return pos


def _utf8_resumes(data: bytes, pos: int) -> bool:
    """A well-formed 3-byte UTF-8 character (CJK, punctuation, full-width forms) followed by
    another one, by ASCII or by the end: GB2312 text makes that pattern almost never."""
    if not _utf8_wide_char(data, pos):
        return False
    nxt = pos + 3
    return nxt >= len(data) or data[nxt] < 0x80 or _utf8_wide_char(data, nxt)


def _utf8_wide_char(data: bytes, pos: int) -> bool:
    return pos + 2 < len(data) and data[pos] in _WIDE_LEAD and data[pos + 1] in _CONT and data[pos + 2] in _CONT


def _rare(text: str) -> int:
    """Characters outside GB2312 (ordinary simplified Chinese is nearly all inside it)."""
    return text.encode("gb2312", "replace").count(b"?") - text.count("?")

"""The original bytes of an imported file, compressed, kept so it can be read again later.

A reader fix (text an older version lost, a better cleaner) only helps documents whose bytes are
still at hand; the file itself may have moved or changed. The first byte names the codec, so the
choice can change without breaking what is stored.
"""

from __future__ import annotations

import zlib

_ZLIB = b"z"
_RAW = b"r"
# zlib level 6: 2.0-2.5x on scraped Chinese text, 1.6-2.2x on small HTML pages, ~20x on a large
# generated listing page, 1.0x on .docx/.pdf (already compressed), at 20-140 MB/s of CPU. lzma
# (preset 6) gains under 10% on pages of this size at 15-30x the CPU time.
_LEVEL = 6


def pack_original(data: bytes) -> bytes:
    """``data`` compressed (or stored as is when compression does not pay)."""
    packed = zlib.compress(data, _LEVEL)
    return _ZLIB + packed if len(packed) < len(data) else _RAW + data


def unpack_original(blob: bytes) -> bytes:
    """The bytes ``pack_original`` was given."""
    codec, body = blob[:1], blob[1:]
    if codec == _ZLIB:
        return zlib.decompress(body)
    if codec == _RAW:
        return body
    raise ValueError(f"unknown codec {codec!r} for a stored original")

"""How a PreparedDoc's body relates to its raw text: the raw text minus the removed spans."""

from __future__ import annotations

STRIP = " \t\r\n\f\v\u00a0\u3000\u200b\u200c\u200d\ufeff\u2002\u2003\u2009"


def boilerplate(doc) -> tuple:
    """Removed spans other than layout (dropped spaces, joined line breaks)."""
    return tuple(span for span in doc.removed if span.reason != "layout")


def body_from_raw(raw: str, removed) -> str:
    """The body the removed spans imply: raw with the spans cut out, blank lines dropped."""
    pieces, pos = [], 0
    for span in sorted(removed, key=lambda s: s.start):
        pieces.append(raw[pos : span.start])
        pos = span.end
    pieces.append(raw[pos:])
    return "\n".join(t for t in (line.strip(STRIP) for line in "".join(pieces).split("\n")) if t)

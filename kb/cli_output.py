"""How the command line prints: JSON, aligned tables, safely quoted names, figures, import progress.

Why a module of its own: every command prints through these, so that a file name holding a
newline cannot forge an output line, Chinese columns line up (wide characters count two), and
figures go through the measure extractor's ``figure_of`` in one place.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import sys
import time
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from kb.extract.figures import figure_of

_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def to_jsonable(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set)):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, Path):
        return str(obj)
    return obj


def emit(json_wanted: bool, data: Any, text: str | None = None) -> None:
    """JSON (only) with ``--json``, else the text."""
    if json_wanted:
        json.dump(to_jsonable(data), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif text is not None:
        print(text)


def shown(name: str | None) -> str:
    """A file name or other untrusted label, safe on one output line: quoted and escaped when it holds
    control characters (a newline would forge a line), leading/trailing spaces, quotes, or starts with ``-``."""
    name = name or ""
    if _UNSAFE.search(name) or name != name.strip() or name.startswith("-") or "'" in name or '"' in name or not name:
        return json.dumps(name, ensure_ascii=False).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return name


def width(text: str) -> int:
    """Columns a terminal gives ``text``: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1
               for ch in text)


def clip(text: str, columns: int) -> str:
    """``text`` cut to ``columns`` display columns, with an ellipsis when cut; one line."""
    text = " ".join(_UNSAFE.sub(" ", text).split())
    if width(text) <= columns:
        return text
    out, used = [], 0
    for ch in text:
        w = width(ch)
        if used + w > columns - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], right: Sequence[int] = ()) -> str:
    """Rows under headers, columns padded by display width; the last column is not padded."""
    cells = [[_cell_text(v) for v in row] for row in rows]
    widths = [max([width(h)] + [width(r[i]) for r in cells]) for i, h in enumerate(headers)]
    lines = []
    for row in [list(headers), *cells]:
        parts = []
        for i, v in enumerate(row):
            pad = " " * (widths[i] - width(v))
            last = i == len(row) - 1
            parts.append(pad + v if i in right else v if last else v + pad)
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines)


def _cell_text(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, int):
        return f"{value:,}"
    return _UNSAFE.sub(" ", str(value))


# figures ----------------------------------------------------------------------------------------


def figure_text(m: Any) -> str:
    """A measure's figure as a person reads it: the words as written when the extractor kept them."""
    written = getattr(m, "amount_text", None)
    if written:
        return str(written)
    return figure_of(m)


# import progress ----------------------------------------------------------------------------------


class Progress:
    """Import progress: one bar on a terminal (tqdm: documents/s, ETA), else a plain line every tenth.

    Never one line per file: 10,000 files would print 10,000 lines, and a file name could forge one.
    """

    def __init__(self, stream: TextIO | None = None, quiet: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.bar: Any = None
        self.started = time.monotonic()
        self._next_tenth = 1
        self._tty = not quiet and _isatty(self.stream)

    def update(self, done: int, total: int, name: str) -> None:
        if self.quiet:
            return
        if self._tty:
            try:
                bar = self._bar(total)
            except ImportError:  # tqdm missing from this installation: plain lines
                self._tty = False
            else:
                bar.update(done - bar.n)
                return
        if total and done * 10 >= self._next_tenth * total:
            rate = done / max(time.monotonic() - self.started, 1e-6)
            print(f"[{done}/{total}] {done * 100 // total}% {rate:.1f} documents/s", file=self.stream, flush=True)
            self._next_tenth = done * 10 // total + 1

    def _bar(self, total: int) -> Any:
        if self.bar is None:
            from tqdm import tqdm  # only here: the one command that shows a bar pays for the import

            sized = _columns(self.stream) > 0  # a terminal that reports no size gets 80 columns
            self.bar = tqdm(total=total, unit="doc", file=self.stream, dynamic_ncols=sized, ncols=None if sized else 80,
                            smoothing=0.1, desc="indexing")
        return self.bar

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _columns(stream: TextIO) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, ValueError, OSError):
        return 0

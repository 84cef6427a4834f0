"""Per-file limits that the readers enforce as they work, not after.

The 50 MB file cap counts bytes, but a small file can expand: a PDF content stream inflates a
thousandfold and may be shared by every page, a .docx under the zip limits unpacks to hundreds of
megabytes of XML, a large page renders to tens of millions of characters. So each file gets a
``Budget``: a number of extracted characters (past it the text is cut, with a note), and a
deadline after which a reader gives up with a named error. Readers check it inside their loops;
the hard kill of a runaway worker is the import pipeline's job.
"""

from __future__ import annotations

import time

from kb.errors import IngestError

# 2 M characters: 5-10 times the longest policy texts (a provincial five-year plan outline runs to
# ~200 k characters, a 300-page research report to ~400 k). The rest of an import (cleaning,
# extraction at ~190 k characters/s, indexing) costs ~18 CPU s per million characters, so a file
# cut here still imports within a minute.
MAX_CHARS = 2_000_000
# Readers give up after this long, leaving headroom under the pipeline's per-file hard limit.
DEFAULT_SECONDS = 45.0


class Budget:
    """Characters left and the deadline for one file; ``notes`` collects what the user should know."""

    def __init__(self, path: str, *, chars: int | None = None, seconds: float | None = DEFAULT_SECONDS) -> None:
        self.path = path
        self.max_chars = MAX_CHARS if chars is None else chars
        self.used = 0
        self.seconds = seconds
        self.deadline = None if seconds is None else time.monotonic() + seconds
        self.notes: list[str] = []
        self.cut = False

    def check(self, doing: str = "reading") -> None:
        """Raise once the deadline has passed (call it inside every loop that can run long)."""
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise IngestError(self.path, f"gave up after {self.seconds:g} s ({doing} took too long)")

    def take(self, n: int) -> bool:
        """Count ``n`` more characters of text; False once the file is over its character budget."""
        self.used += n
        if self.used > self.max_chars:
            self.cut = True
            return False
        return True

    def left(self) -> int:
        return max(self.max_chars - self.used, 0)

    def cap(self, text: str) -> str:
        """``text`` cut to the budget at a line end, noting the cut (what a reader calls when done)."""
        if len(text) <= self.max_chars and not self.cut:
            return text
        head = text[: self.max_chars]
        line_end = head.rfind("\n")
        if line_end > self.max_chars // 2:
            head = head[:line_end]
        self.note(f"text cut at {len(head):,} characters (the limit is {self.max_chars:,} per file)")
        return head

    def note(self, message: str) -> None:
        if message not in self.notes:
            self.notes.append(message)

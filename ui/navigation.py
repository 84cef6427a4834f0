"""Browser-like back/forward history over views (searches, documents, entity pages)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class NavEntry:
    """One place the user visited: ``kind`` is "search", "document" or "entity"."""

    kind: str
    key: Any
    extra: dict[str, Any] = field(default_factory=dict, compare=False)


class History:
    """A list of entries with a cursor; visiting after going back drops the forward part."""

    def __init__(self, limit: int = 200) -> None:
        self._entries: list[NavEntry] = []
        self._pos = -1
        self._limit = limit

    @property
    def current(self) -> NavEntry | None:
        return self._entries[self._pos] if self._pos >= 0 else None

    def visit(self, entry: NavEntry) -> None:
        """Record a new place; revisiting the current one only refreshes its details."""
        if self.current is not None and self.current == entry:
            self._entries[self._pos] = entry
            return
        del self._entries[self._pos + 1 :]
        self._entries.append(entry)
        if len(self._entries) > self._limit:
            del self._entries[0]
        self._pos = len(self._entries) - 1

    def can_back(self) -> bool:
        return self._pos > 0

    def can_forward(self) -> bool:
        return self._pos < len(self._entries) - 1

    def back(self) -> NavEntry | None:
        if not self.can_back():
            return None
        self._pos -= 1
        return self._entries[self._pos]

    def forward(self) -> NavEntry | None:
        if not self.can_forward():
            return None
        self._pos += 1
        return self._entries[self._pos]

    def __len__(self) -> int:
        return len(self._entries)

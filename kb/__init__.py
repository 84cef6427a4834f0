"""Zhiku's core: import, clean, index, extract, compare. Never imports Qt.

The UI and the CLI use one object, :class:`KnowledgeBase` (``kb.service``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from kb.service import KnowledgeBase


def __getattr__(name: str) -> Any:
    # Lazy, so `import kb` stays cheap for the GUI's start-up.
    if name == "KnowledgeBase":
        from kb.service import KnowledgeBase

        return KnowledgeBase
    raise AttributeError(name)


__all__ = ["KnowledgeBase", "__version__"]

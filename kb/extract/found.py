"""What entity extraction returns: entities with their mentions, and links with their evidence.

Kept apart from the extractor so that the link and refinement modules can name these types
without importing the extractor (the import graph of ``kb.extract`` stays acyclic).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FoundEntity:
    type: str  # region | park | enterprise | platform
    name: str
    aliases: tuple[str, ...]
    region_chain: tuple[str, ...]  # regions only, from the top; () when the text does not place it
    mentions: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class FoundLink:
    src: tuple[str, str]
    dst: tuple[str, str]
    kind: str  # located_in | part_of | built_by | co_mention
    weight: float
    start: int  # the sentence that supports the link
    end: int

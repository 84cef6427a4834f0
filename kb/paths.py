"""Where a knowledge base lives: ``--kb DIR``, else ``$ZHIKU_HOME``, else the user data dir."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_HOME = "ZHIKU_HOME"


def default_kb_dir() -> Path:
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("zhiku", "zhiku"))


def resolve_kb_dir(kb_dir: str | os.PathLike[str] | None) -> Path:
    return Path(kb_dir).expanduser() if kb_dir else default_kb_dir()


def store_path(kb_dir: Path) -> Path:
    return kb_dir / "zhiku.sqlite"


def index_dir(kb_dir: Path) -> Path:
    return kb_dir / "index"


def cache_dir(kb_dir: Path) -> Path:
    return kb_dir / "cache"


def lock_path(kb_dir: Path) -> Path:
    return kb_dir / "writer.lock"


def rewrite_marker(kb_dir: Path) -> Path:
    """Documents being rewritten in place (``kb reprocess``): present only while their index commit
    may be ahead of the store's, so that an open after a crash re-indexes them from the store."""
    return kb_dir / "rewrite.pending"


def corpus_dir() -> Path:
    """The starter corpus shipped beside the code."""
    return Path(__file__).resolve().parent.parent / "data" / "corpus"

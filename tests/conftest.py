"""Suite-wide set-up: Qt offscreen, an isolated knowledge-base home, shared document fixtures."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = ROOT / "data" / "corpus"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test ever touches the user's real knowledge base."""
    monkeypatch.setenv("ZHIKU_HOME", str(tmp_path_factory.mktemp("zhiku_home")))


@pytest.fixture(autouse=True)
def _worker_start_reset() -> Iterator[None]:
    """The app's controller asks for fork-server import workers (kb.workers.START_ENV) for its process;
    a later test in this process starts as a CLI would, with forked ones."""
    yield
    os.environ.pop("ZHIKU_WORKER_START", None)


@pytest.fixture
def sample_docs(tmp_path: Path) -> Path:
    """A folder with the hand-written documents from provinces outside the starter corpus."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for f in sorted(FIXTURES.glob("*.txt")):
        shutil.copy(f, folder / f.name)
    return folder


@pytest.fixture
def kb(tmp_path: Path):
    from kb.service import KnowledgeBase

    base = KnowledgeBase.open(tmp_path / "kb")
    yield base
    base.close()


@pytest.fixture(scope="session")
def corpus_kb(tmp_path_factory: pytest.TempPathFactory):
    """The starter corpus imported once for the whole session (read-only use in tests)."""
    from kb.service import KnowledgeBase

    base = KnowledgeBase.open(tmp_path_factory.mktemp("corpus_kb"))
    report = base.import_paths([CORPUS])
    assert report.ok, report.failed
    yield base
    base.close()

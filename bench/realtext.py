"""A second benchmark library from text the extractor was not built on: real paragraphs, recombined.

The starter-corpus library (``bench/corpus.py``) flatters Zhiku: its sentences are the ones the
extractor was tuned on. This one recombines whole paragraphs (consecutive runs of 1–4 lines, so
headings stay with what follows them) of other text:

* by default, the hand-written pages of other provinces in this repository that are not the
  starter corpus: ``tests/extract/fixtures/*.txt``, ``tests/fixtures/*.txt`` and the article lines
  of the labelled pages in ``tests/ingest/pages*.py`` (boilerplate lines left out);
* with ``python -m bench --real DIR``, the user's own documents (any format Zhiku reads; each file
  is read and cleaned by ``kb.ingest.prepare`` and its body lines are the paragraphs).

Each document takes the title of one source, a publication date and paragraphs from any sources
until it passes ``DOC_CHARS``. Places are left as written, so a document may name several
regions: there is no region ground truth, and ``region:`` queries are not scored on this corpus.
Seeded ``random.Random``: the same seed and sources give byte-identical files.
"""

from __future__ import annotations

import json
import logging
import random
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
DOC_CHARS = 1350  # stop adding paragraphs past this: documents average ~1,550 characters
MIN_LINE = 2  # characters: shorter lines are layout debris, not paragraphs


@dataclass(frozen=True)
class Source:
    """One source document: its title and its paragraphs in order."""

    name: str
    title: str
    paragraphs: tuple[str, ...]


def _from_text(name: str, text: str) -> Source | None:
    lines = [ln.strip(" \t\u3000\r") for ln in text.splitlines()]
    lines = [ln for ln in lines if len(ln) >= MIN_LINE]
    if len(lines) < 2:
        return None
    return Source(name, lines[0], tuple(lines[1:]))


def repo_sources(root: Path = ROOT) -> list[Source]:
    """The repository's own non-starter text: other provinces' fixtures and labelled test pages."""
    out: list[Source] = []
    for pattern in ("tests/extract/fixtures/*.txt", "tests/fixtures/*.txt"):
        for path in sorted(root.glob(pattern)):
            src = _from_text(path.name, path.read_text(encoding="utf-8"))
            if src:
                out.append(src)
    out += _labelled_pages()
    if not out:
        raise FileNotFoundError(f"no non-starter text found under {root / 'tests'}")
    return out


def _labelled_pages() -> list[Source]:
    """Article lines (never the boilerplate) of the cleaning tests' labelled pages."""
    try:
        from tests.ingest import pages_holdout, pages_holdout2, pages_html, pages_text
        from tests.ingest.pages import KEEP
    except ImportError:  # an installed copy without its tests: the fixtures alone
        log.info("tests.ingest not importable: labelled pages left out of the real-text corpus")
        return []
    pages = [*pages_text.TEXT_PAGES, *pages_html.HTML_PAGES, *pages_holdout.HOLDOUT_PAGES,
             *pages_holdout2.HOLDOUT2_PAGES]
    out = []
    for page in pages:
        lines = [t for t, label in page.marked if label == KEEP] or list(page.keep)
        lines = [ln for ln in lines if len(ln) >= MIN_LINE and ln != page.title]
        if lines:
            out.append(Source(page.name, page.title, tuple(lines)))
    return out


def folder_sources(folder: Path) -> list[Source]:
    """The user's documents: each readable file's title and cleaned body lines."""
    from kb.errors import IngestError
    from kb.ingest import iter_files, prepare

    out: list[Source] = []
    for item in iter_files([folder]):
        if isinstance(item, IngestError):
            continue
        try:
            doc = prepare(item)
        except IngestError as exc:
            log.info("skipped %s: %s", item, exc.reason)
            continue
        lines = tuple(ln.strip(" \t\u3000") for ln in doc.body.splitlines() if len(ln.strip()) >= MIN_LINE)
        if lines:
            out.append(Source(item.name, doc.title or lines[0], lines))
    if not out:
        raise FileNotFoundError(f"no readable documents under {folder}")
    return out


def make_document(rng: random.Random, sources: list[Source], number: int) -> str:
    """Title of one source, a date line, then runs of 1-4 consecutive paragraphs from any sources."""
    title = rng.choice(sources).title
    year = rng.randint(2019, 2024)
    lines = [title, f"发布日期：{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", ""]
    size = 0
    while size < DOC_CHARS:
        src = rng.choice(sources)
        start = rng.randrange(len(src.paragraphs))
        for para in src.paragraphs[start:start + rng.randint(1, 4)]:
            lines.append(para)
            size += len(para)
    lines.append(f"（编号：{number:06d}）")
    return "\n".join(lines) + "\n"


def build_corpus(out_dir: Path, n_docs: int, *, seed: int = 20240521, folder: Path | None = None
                 ) -> dict[str, tuple[str, ...]]:
    """Write ``n_docs`` files to ``out_dir/docs``; the manifest has no region ground truth (empty)."""
    sources = folder_sources(folder) if folder else repo_sources()
    rng = random.Random(seed)
    docs_dir = out_dir / "docs"
    docs_dir.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, tuple[str, ...]] = {}
    for i in range(n_docs):
        name = f"real_{i:06d}.txt"
        (docs_dir / name).write_text(make_document(rng, sources, i), encoding="utf-8")
        manifest[name] = ()
    (out_dir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    chars = sum(len(p) for s in sources for p in s.paragraphs)
    log.info("wrote %d documents from %d sources (%d characters) to %s", n_docs, len(sources), chars, docs_dir)
    return manifest


def extra_document(out_dir: Path, *, seed: int = 7, folder: Path | None = None) -> Path:
    """One more document (not in the library) for the incremental-import measurement."""
    sources = folder_sources(folder) if folder else repo_sources()
    path = out_dir / "extra" / "real_extra.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(make_document(random.Random(seed), sources, 999_999), encoding="utf-8")
    return path

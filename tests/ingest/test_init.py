import hashlib
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kb.ingest as ingest
from kb.errors import IngestError
from kb.ingest import SUPPORTED, PassageSpan, PreparedDoc, iter_files, normalise, prepare, prepare_bytes

TEXT = "重庆市数字经济发展行动计划\n为加快数字经济发展，制定本计划。\n一、总体要求\n到2025年，数字经济规模显著提升。"


def test_public_names():
    assert {"SUPPORTED", "PassageSpan", "PreparedDoc", "normalise", "prepare", "prepare_bytes", "iter_files"} <= set(
        ingest.__all__
    )
    assert callable(normalise) and PassageSpan and PreparedDoc


def test_prepare_file(tmp_path):
    path = tmp_path / "cq.txt"
    path.write_bytes(TEXT.encode("gbk"))
    doc = prepare(path)
    assert isinstance(doc, PreparedDoc)
    assert doc.name == "cq.txt" and doc.path == str(path)
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.title == "重庆市数字经济发展行动计划" and doc.kind == "plan"
    assert doc.passages[-1].section == "一、总体要求"
    assert doc.body[doc.passages[-1].start : doc.passages[-1].end] == "到2025年，数字经济规模显著提升。"


def test_identity_is_bytes_not_name():
    a = prepare_bytes("a.txt", TEXT.encode())
    b = prepare_bytes("b.txt", TEXT.encode())
    c = prepare_bytes("a.txt", TEXT.encode("utf-16"))
    assert a.sha256 == b.sha256 != c.sha256
    assert a.body == c.body


def test_passages_cover_body_in_order(corpus):
    for path in sorted(corpus.glob("*.txt")):
        doc = prepare(path)
        covered = "".join(doc.body[p.start : p.end] for p in doc.passages)
        assert covered.replace(" ", "") == doc.body.replace("\n", "").replace(" ", "")
        assert all(p.end - p.start <= 300 for p in doc.passages)


def test_prepare_errors(tmp_path):
    with pytest.raises(IngestError, match="file not found"):
        prepare(tmp_path / "missing.txt")
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(IngestError, match="folder"):
        prepare(tmp_path / "dir.txt")
    (tmp_path / "x.xls").write_bytes(b"x")
    with pytest.raises(IngestError, match="unsupported"):
        prepare(tmp_path / "x.xls")
    big = tmp_path / "big.txt"
    big.write_bytes(TEXT.encode() * 20)
    with pytest.raises(IngestError, match="too large") as info:
        prepare(big, max_bytes=256)
    assert info.value.path == str(big)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(IngestError, match="empty file"):
        prepare(empty)


def test_iter_files_recursive_sorted_and_filtered(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    for rel in ("b/2.txt", "b/1.PDF", "a/z.docx", "a/y.md", "top.html", "a/skip.xls", "a/.hidden.txt", "a/~$lock.docx"):
        (tmp_path / rel).write_bytes(b"x")
    got = [p.relative_to(tmp_path).as_posix() for p in iter_files([tmp_path])]
    assert got == ["a/y.md", "a/z.docx", "b/1.PDF", "b/2.txt", "top.html"]


def test_iter_files_survives_symlink_loops(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_bytes(b"x")
    os.symlink(tmp_path, tmp_path / "docs" / "loop")
    os.symlink(tmp_path / "docs", tmp_path / "again")
    (tmp_path / "docs" / "b.txt").symlink_to(tmp_path / "docs" / "a.txt")
    got = list(iter_files([tmp_path, tmp_path / "docs"]))
    assert len(got) == 1 and got[0].name in ("a.txt", "b.txt")
    assert got[0].resolve() == (tmp_path / "docs" / "a.txt").resolve()


def test_iter_files_reports_bad_paths(tmp_path):
    (tmp_path / "n.txt").write_bytes(b"x")
    (tmp_path / "n.exe").write_bytes(b"x")
    os.symlink(tmp_path / "gone", tmp_path / "dangling.txt")
    got = list(iter_files([tmp_path / "missing", tmp_path / "n.txt", tmp_path / "n.exe", tmp_path / "dangling.txt"]))
    assert isinstance(got[0], IngestError) and got[0].reason == "not found"
    assert got[1] == tmp_path / "n.txt"
    assert isinstance(got[2], IngestError) and "unsupported" in got[2].reason
    assert isinstance(got[3], IngestError) and got[3].reason == "broken link"


def test_iter_files_unreadable_folder(tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    got = list(iter_files([tmp_path]))
    assert len(got) == 1 and isinstance(got[0], IngestError)
    assert got[0].path == str(locked) and "Permission denied" in got[0].reason


def test_no_qt_imported():
    import subprocess
    import sys

    code = (
        "import sys, kb.ingest; kb.ingest.prepare_bytes('a.html', b'<p>x</p>');"
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))),
    )
    assert out.stdout.strip() == "False"


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=600), ext=st.sampled_from(SUPPORTED))
def test_any_bytes_give_a_doc_or_an_ingest_error(data, ext):
    try:
        doc = prepare_bytes("f" + ext, data)
    except IngestError as exc:
        assert exc.reason
    else:
        assert doc.body.strip()


@settings(max_examples=60, deadline=None)
@given(text=st.text(min_size=1, max_size=500))
def test_any_text_file_gives_a_doc_or_an_ingest_error(text):
    try:
        doc = prepare_bytes("f.txt", text.encode("utf-8", "surrogatepass"))
    except IngestError as exc:
        assert exc.reason
    else:
        assert all(0 <= p.start < p.end <= len(doc.body) for p in doc.passages)

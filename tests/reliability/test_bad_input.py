"""Bad input, generated on the spot: every file gets a specific reason or a sensible result, the
import goes on, and nothing already stored changes."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from kb import paths
from kb.errors import IngestError
from kb.ingest import MAX_CHARS, prepare, prepare_bytes
from kb.ingest.encoding import DEFAULT_MAX_BYTES
from kb.service import KnowledgeBase

from . import badfiles as bad
from .helpers import PYTHON, ROOT, make_doc, snapshot, write_docs

# (file name, content or builder, expected: a reason fragment, or None for "imported")
Build = Callable[[Path], None]


def _write(data: bytes) -> Build:
    return lambda p: p.write_bytes(data)


def _mixed_encoding() -> bytes:
    return make_doc(20).encode("utf-8") + make_doc(21).encode("gbk")


def _fifo(p: Path) -> None:
    os.mkfifo(p)


def _symlink_to(target: str) -> Build:
    return lambda p: os.symlink(target, p)


def _sparse(size: int) -> Build:
    def build(p: Path) -> None:
        with p.open("wb") as fh:
            fh.truncate(size)
    return build


FAILING: list[tuple[str, Build, str]] = [
    ("empty.txt", _write(b""), "empty file"),
    ("only_whitespace.txt", _write(b" \r\n\t\n\x0c  \n"), "empty file"),
    ("png_renamed.txt", _write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20), "binary file"),
    ("random_bytes.md", _write(bytes((i * 7919) % 256 for i in range(5000))), "binary file"),
    ("truncated.docx", lambda p: p.write_bytes(bad.docx_bytes(make_doc(1).splitlines())[:3000]), "damaged or truncated"),
    ("text_renamed.docx", _write(make_doc(2).encode()), "not a valid .docx"),
    ("corrupt_xml.docx", lambda p: p.write_bytes(bad.docx_bad_xml()), "not a valid .docx"),
    ("empty_body.docx", lambda p: p.write_bytes(bad.docx_bytes([])), "empty"),
    ("bomb.docx", lambda p: p.write_bytes(bad.docx_bomb(300)), "zip bomb"),
    ("lying_bomb.docx", lambda p: p.write_bytes(bad.docx_lying_bomb()), "damaged or truncated"),
    ("truncated.pdf", lambda p: p.write_bytes(bad.blank_pdf()[:200]), "not a valid PDF"),
    ("text_renamed.pdf", _write(make_doc(4).encode()), "no %PDF header"),
    ("blank_page.pdf", lambda p: p.write_bytes(bad.blank_pdf()), "no text layer"),
    ("scanned_image.pdf", lambda p: p.write_bytes(bad.image_only_pdf()), "no text layer"),
    ("encrypted.pdf", lambda p: p.write_bytes(bad.encrypted_pdf()), "encrypted"),
    ("script_only.html", _write(b"<html><body><script>alert(1)</script><style>p{}</style></body></html>"), "empty"),
    ("broken_link.txt", _symlink_to("/nonexistent/zhiku/target.txt"), "broken link"),
    ("named_pipe.txt", _fifo, "not a regular file"),
    ("too_large.txt", _sparse(DEFAULT_MAX_BYTES + 1), "too large"),
]

IMPORTED: list[tuple[str, Build, str]] = [
    # (name, builder, a phrase the body must contain)
    ("gbk.txt", _write(make_doc(30).encode("gbk")), "加快"),
    ("gb18030.txt", _write(("𠀋" + make_doc(31)).encode("gb18030")), "𠀋"),
    ("utf16_bom.txt", _write(make_doc(32).encode("utf-16")), "实施方案"),
    ("utf16be_bom.txt", _write(b"\xfe\xff" + make_doc(33).encode("utf-16-be")), "实施方案"),
    ("utf16le_no_bom.txt", _write(make_doc(41).encode("utf-16-le")), "实施方案"),
    ("utf16be_no_bom.txt", _write(make_doc(42).encode("utf-16-be")), "实施方案"),
    ("utf8_bom.md", _write(b"\xef\xbb\xbf" + make_doc(34).encode()), "实施方案"),
    ("mixed_utf8_gbk.txt", _write(_mixed_encoding()), "实施方案"),
    ("gbk_page.html", _write(b'<meta charset="gb2312"><p>' + make_doc(35).encode("gbk") + b"</p>"), "实施方案"),
    ("lying_charset.html", _write(b'<meta charset="utf-8"><p>' + make_doc(36).encode("gbk") + b"</p>"), "实施方案"),
    ("hostile.html", lambda p: p.write_bytes(bad.hostile_html(37)), "实施方案"),
    ("空 格 与（中文）【标点】!#$%&'+,;=@ 文件.txt", _write(make_doc(38).encode()), "实施方案"),
    ("UPPER CASE.TXT", _write(make_doc(39).encode()), "实施方案"),
    ("one_char.txt", _write("字".encode()), "字"),
]


def _build(folder: Path, cases: list[tuple[str, Build, str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, build, _ in cases:
        build(folder / name)


def _seed(kb_dir: Path, tmp_path: Path) -> KnowledgeBase:
    kb = KnowledgeBase.open(kb_dir)
    report = kb.import_paths(write_docs(tmp_path / "seed", 3))
    assert report.ok and len(report.added) == 3
    kb.add_note(doc="doc_0001.txt", quote="请认真贯彻落实", comment="keep me", tags=["测试"])
    return kb


def test_every_bad_file_gets_its_own_reason_and_nothing_stored_changes(tmp_path: Path) -> None:
    kb = _seed(tmp_path / "kb", tmp_path)
    try:
        folder = tmp_path / "bad"
        _build(folder, FAILING)
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(folder / "unix_socket.txt"))
        before = snapshot(paths.store_path(kb.kb_dir))
        t0 = time.perf_counter()
        report = kb.import_paths([folder, tmp_path / "missing_folder", folder / "notes.doc"])
        assert time.perf_counter() - t0 < 15
        sock.close()
        reasons = {Path(f.path).name: f.reason for f in report.failed}
        expected = {name: why for name, _, why in FAILING} | {
            "unix_socket.txt": "not a regular file", "missing_folder": "not found", "notes.doc": "not found"}
        assert set(reasons) == set(expected), reasons
        for name, why in expected.items():
            assert why in reasons[name], (name, reasons[name])
            assert "Traceback" not in reasons[name] and "unexpected" not in reasons[name]
        assert report.added == ()
        assert snapshot(paths.store_path(kb.kb_dir)) == before
        assert kb.check().ok
    finally:
        kb.close()


def test_odd_but_valid_files_import_and_the_rest_goes_on(tmp_path: Path) -> None:
    kb = _seed(tmp_path / "kb", tmp_path)
    try:
        folder = tmp_path / "odd"
        _build(folder, IMPORTED + FAILING[:3])
        (folder / "zz copy of gbk.txt").write_bytes((folder / "gbk.txt").read_bytes())  # duplicate content
        loop = folder / "sub"
        loop.mkdir()
        (loop / "inner.txt").write_text(make_doc(40), encoding="utf-8")
        os.symlink("..", loop / "back_up")  # a symlink loop
        os.symlink(loop / "inner.txt", folder / "zz_link_to_inner.txt")  # the same file twice: once
        (folder / "folder_named.txt").mkdir()
        (folder / "notes.doc").write_bytes(b"\xd0\xcf\x11\xe0")  # unsupported: silently not a document
        seeded = {d.id for d in kb.documents()}
        before = {k: v for k, v in snapshot(paths.store_path(kb.kb_dir)).items() if k in ("documents", "notes")}
        report = kb.import_paths([folder])
        assert sorted(Path(f.path).name for f in report.failed) == sorted(n for n, _, _ in FAILING[:3])
        assert sorted(report.added) == sorted([n for n, _, _ in IMPORTED] + ["inner.txt"])
        assert [(Path(p).name, other) for p, other in report.duplicates] == [("zz copy of gbk.txt", "gbk.txt")]
        for name, _, phrase in IMPORTED:
            text = kb.document_text(name)
            assert phrase in text.body, name
            assert "\ufffd" not in text.body, name
        after = snapshot(paths.store_path(kb.kb_dir))
        assert [r for r in after["documents"] if r[0] in seeded] == before["documents"]
        assert after["notes"] == before["notes"]
        assert kb.check().ok
    finally:
        kb.close()


def test_hostile_html_body_is_plain_text_without_scripts(tmp_path: Path) -> None:
    doc = prepare_bytes("hostile.html", bad.hostile_html(5))
    for text in (doc.body, doc.raw):
        for payload in ("SCRIPT_PAYLOAD", "IFRAME_PAYLOAD", "NOSCRIPT_PAYLOAD", "SVG_PAYLOAD", "TAIL_PAYLOAD",
                        "ONERROR_PAYLOAD", "LINK_PAYLOAD", "OBJECT_PAYLOAD", "<script", "javascript:", "http://",
                        "https://", "evil.example", "tracker.example", "document.cookie", "<"):
            assert payload not in text, payload
    assert "实施方案" in doc.title and "给予补助" in doc.body


@pytest.mark.parametrize("seed", [5, 6, 7])
def test_unclosed_media_and_form_tags_lose_no_text(seed: int) -> None:
    hostile, plain = bad.hostile_html_unclosed(seed)
    doc, reference = prepare_bytes("hostile.html", hostile), prepare_bytes("plain.html", plain)
    assert len(doc.body) >= 0.9 * len(reference.body)
    assert doc.body.split("\n")[-1] == reference.body.split("\n")[-1]
    for text in (doc.body, doc.raw):
        for payload in ("OPTION_PAYLOAD", "SVG_PAYLOAD", "evil.example", "<"):
            assert payload not in text, payload


def test_unreadable_file_gets_a_reason(tmp_path: Path) -> None:
    """chmod 000 where it bites (not root); as root, a folder entry that cannot be opened at all."""
    folder = tmp_path / "locked"
    folder.mkdir()
    target = folder / "secret.txt"
    target.write_text(make_doc(50), encoding="utf-8")
    if os.geteuid() != 0:
        target.chmod(0)
        expected = "permission denied"
    else:  # root reads any mode: a symlink pointing into a file (ENOTDIR) is unreadable for anyone
        target.unlink()
        (folder / "plain").write_text("x", encoding="utf-8")
        os.symlink(folder / "plain" / "child.txt", target)
        expected = "cannot read (Not a directory)"
    with pytest.raises(IngestError) as err:
        prepare(target)
    assert err.value.path == str(target) and expected in err.value.reason
    with KnowledgeBase.open(tmp_path / "kb") as kb:
        report = kb.import_paths([folder])
        assert [(Path(f.path).name, expected in f.reason) for f in report.failed] == [("secret.txt", True)]


def test_bombs_are_refused_without_inflating(tmp_path: Path) -> None:
    for name, data, why in (("bomb.docx", bad.docx_bomb(300), "zip bomb"),
                            ("lying.docx", bad.docx_lying_bomb(), "damaged or truncated")):
        assert len(data) < 2_000_000
        tracemalloc.start()
        try:
            with pytest.raises(IngestError) as err:
                prepare_bytes(name, data)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert why in err.value.reason
        assert peak < 30_000_000, f"{name}: {peak:,} bytes allocated"


_MEASURE = """
import json, resource, sys, time
from pathlib import Path
from kb.ingest import prepare
t = time.perf_counter()
doc = prepare(Path(sys.argv[1]))
print(json.dumps({"seconds": time.perf_counter() - t, "chars": len(doc.body), "passages": len(doc.passages),
                  "warnings": doc.warnings, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def test_fifty_megabytes_just_under_the_cap_is_cut_to_the_budget_in_bounded_memory(tmp_path: Path) -> None:
    line = ("第一条 为加快数字经济发展，推动洛阳市大数据产业集聚，制定本方案。" * 3 + "\n").encode()
    under = tmp_path / "under.txt"
    data = line * ((DEFAULT_MAX_BYTES - 1) // len(line))
    under.write_bytes(data + b"x" * (DEFAULT_MAX_BYTES - 1 - len(data)))
    assert under.stat().st_size == DEFAULT_MAX_BYTES - 1
    del data
    out = subprocess.run([PYTHON, "-c", _MEASURE, str(under)], cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)),
                         capture_output=True, text=True, timeout=300)  # a hang guard; its speed is bench's
    assert out.returncode == 0, out.stderr[-2000:]
    m = json.loads(out.stdout)
    # 50 MB of text is ~17 M characters: the reader keeps the first MAX_CHARS and says so
    assert 0.9 * MAX_CHARS < m["chars"] <= MAX_CHARS and m["passages"] > 1000
    assert [w for w in m["warnings"] if w.startswith("text cut at")], m["warnings"]
    assert m["rss_mb"] < 1500, m  # the file is 50 MB; a few copies of its text are fine, not gigabytes
    over = tmp_path / "over.txt"
    _sparse(DEFAULT_MAX_BYTES + 1)(over)
    t0 = time.perf_counter()
    with pytest.raises(IngestError) as err:
        prepare(over)
    assert time.perf_counter() - t0 < 10  # refused from its size alone, never read (a hang guard)
    assert "too large" in err.value.reason and "52,428,801" in err.value.reason

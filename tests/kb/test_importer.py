"""The pooled import: same library as a serial one, files in order, bad files and cancel handled."""

from __future__ import annotations

from pathlib import Path

import kb.importer as importer
from kb.service import KnowledgeBase

PLACES = [("贵州省", "遵义市", "汇川区"), ("四川省", "绵阳市", "涪城区"), ("湖南省", "株洲市", "天元区"),
          ("河北省", "保定市", "莲池区"), ("云南省", "曲靖市", "麒麟区"), ("福建省", "泉州市", "丰泽区")]


def _write_docs(folder: Path, n: int) -> list[str]:
    folder.mkdir(parents=True)
    names = []
    for i in range(n):
        prov, city, county = PLACES[i % len(PLACES)]
        text = (f"{city}{county}加快数字经济发展实施方案（第{i + 1}号）\n"
                f"为深入贯彻{prov}关于推进数字经济高质量发展的部署，结合{county}实际，制定本方案。\n"
                f"一、主要目标\n到2025年，{county}数字经济核心产业增加值突破{50 + i}亿元，"
                f"建成5G基站{300 + i}个，培育规模以上软件和信息技术服务企业{10 + i}家。\n"
                f"二、重点任务\n（一）推进工业互联网平台建设，对新认定的省级工业互联网平台给予最高{100 + i}万元奖励。\n"
                f"（二）支持{city}大数据中心建设，由{county}工业和信息化局牵头负责。\n")
        name = f"{i:03d}_{county}.txt"
        (folder / name).write_text(text, encoding="utf-8")
        names.append(name)
    return names


def _summary(kb: KnowledgeBase) -> tuple:
    docs = sorted((d.name, d.region_chain, d.title) for d in kb.documents())
    s = kb.stats()
    return docs, s.documents, s.passages


def test_pooled_import_matches_serial_and_keeps_order(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(importer, "WINDOW", 1)  # a window smaller than the work: tasks are refilled
    names = _write_docs(tmp_path / "docs", 14)
    (tmp_path / "docs" / "zz_empty.txt").write_text("", encoding="utf-8")
    seen: list[str] = []
    with KnowledgeBase.open(tmp_path / "pooled") as kb:
        report = kb.import_paths([tmp_path / "docs"], workers=2, progress=lambda d, t, name: seen.append(name))
        pooled = _summary(kb)
    with KnowledgeBase.open(tmp_path / "serial") as kb:
        kb.import_paths([tmp_path / "docs"], workers=1)
        serial = _summary(kb)
    assert seen == sorted(seen) and seen[: len(names)] == names  # results come back in file order
    assert list(report.added) == names
    assert [Path(f.path).name for f in report.failed] == ["zz_empty.txt"]
    assert pooled == serial
    assert pooled[1] == 14 and pooled[2] >= 14


def test_pooled_import_cancel_stops_early(tmp_path: Path) -> None:
    _write_docs(tmp_path / "docs", 20)
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 5

    with KnowledgeBase.open(tmp_path / "kb") as kb:
        report = kb.import_paths([tmp_path / "docs"], workers=2, cancel=cancel)
        assert report.cancelled
        assert 0 < len(report.added) < 20
        assert kb.stats().documents == len(report.added)  # what was added is committed, nothing pending


def test_ingest_error_survives_pickling() -> None:
    import pickle

    from kb.errors import IngestError

    err = pickle.loads(pickle.dumps(IngestError("a/b.txt", "empty file")))
    assert (err.path, err.reason, str(err)) == ("a/b.txt", "empty file", "a/b.txt: empty file")

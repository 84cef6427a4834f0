"""The import through worker processes: same library whatever the worker count, the extractors'
output stored as it came, files in order, bad files and cancel handled, a default worker count."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

import kb.importer as importer
import kb.pipeline as pipeline
import kb.workers as workers
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
                f"（二）支持{city}大数据中心建设，由{county}工业和信息化局牵头负责。\n"
                f"（三）支持华为技术有限公司、中国移动通信集团有限公司在{city}建设算力中心。\n")
        name = f"{i:03d}_{county}.txt"
        (folder / name).write_text(text, encoding="utf-8")
        names.append(name)
    return names


def _summary(kb: KnowledgeBase) -> tuple:
    docs = sorted((d.name, d.region_chain, d.title) for d in kb.documents())
    s = kb.stats()
    return docs, s.documents, s.passages


def _facts(kb: KnowledgeBase) -> dict[str, set]:
    """What extraction put in the store, per document, without store ids."""
    mentions, measures, links = set(), set(), set()
    for doc in kb.documents():
        for m in kb.mentions_in(doc.id):
            mentions.add((doc.name, m.entity_type, m.start, m.end, m.text))
        for m in kb.measures(doc=doc.id):
            measures.add((doc.name, m.kind, m.amount, m.unit, m.cap, m.rate, m.year, m.theme, m.start, m.end))
    for ent in kb.entities():
        page = kb.entity(ent.id)
        assert page is not None
        links |= {(lk.doc, lk.kind, lk.start, lk.end, lk.src_type, lk.dst_type) for lk in page.links}
    return {"mentions": mentions, "measures": measures, "links": links,
            "entities": {(e.type, e.name, e.aliases, e.region_chain) for e in kb.entities()}}


def test_pooled_import_matches_one_worker_and_keeps_order(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(workers, "DEPTH", 1)  # windows smaller than the work: files are refilled
    monkeypatch.setattr(workers, "AHEAD", 2)
    monkeypatch.setattr(importer, "GROUP", 3)  # groups that do not divide the files
    names = _write_docs(tmp_path / "docs", 14)
    (tmp_path / "docs" / "zz_empty.txt").write_text("", encoding="utf-8")
    seen: list[str] = []
    with KnowledgeBase.open(tmp_path / "pooled") as kb:
        report = kb.import_paths([tmp_path / "docs"], workers=3, progress=lambda d, t, name: seen.append(name))
        pooled, pooled_facts = _summary(kb), _facts(kb)
    with KnowledgeBase.open(tmp_path / "one") as kb:
        kb.import_paths([tmp_path / "docs"], workers=1)
        one, one_facts = _summary(kb), _facts(kb)
    assert seen == sorted(seen) and seen[: len(names)] == names  # results come back in file order
    assert list(report.added) == names
    assert [Path(f.path).name for f in report.failed] == ["zz_empty.txt"]
    assert pooled == one and pooled_facts == one_facts
    assert pooled[1] == 14 and pooled[2] >= 14


def test_store_holds_what_the_extractors_found(tmp_path: Path) -> None:
    """The import's caches and grouped writes store exactly what in-process extraction gives."""
    _write_docs(tmp_path / "docs", 9)
    with KnowledgeBase.open(tmp_path / "kb") as kb:
        kb.import_paths([tmp_path / "docs"], workers=2)
        stored = _facts(kb)
        ids = {d.name: d.id for d in kb.documents()}
    expected_mentions, expected_measures, expected_links = set(), set(), set()
    names_found = set()
    for path in sorted((tmp_path / "docs").iterdir()):
        p = pipeline.process_path(path)
        assert isinstance(p, pipeline.Processed) and ids[path.name] == p.doc.sha256
        for ent in p.entities:
            names_found.add((ent.type, ent.name))
            expected_mentions |= {(path.name, ent.type, s, e, p.doc.body[s:e]) for s, e in ent.mentions}
        expected_measures |= {(path.name, m.kind, m.amount, m.unit, m.cap, m.rate, m.year, m.theme, m.start, m.end)
                              for m in p.measures}
        expected_links |= {(path.name, lk.kind, lk.start, lk.end, lk.src[0], lk.dst[0]) for lk in p.links
                           if lk.src != lk.dst}
    assert stored["mentions"] == expected_mentions
    assert stored["measures"] == expected_measures and expected_measures
    known = {(t, n) for t, name, aliases, _c in stored["entities"] for n in (name, *aliases)}
    assert names_found <= known
    assert stored["links"] == expected_links and expected_links


def test_cancel_stops_early_and_keeps_what_was_written(tmp_path: Path) -> None:
    _write_docs(tmp_path / "docs", 20)
    done: list[str] = []

    def cancel() -> bool:  # after a few files, however long they took (a count of polls failed on a busy machine)
        return len(done) >= 3

    with KnowledgeBase.open(tmp_path / "kb") as kb:
        report = kb.import_paths([tmp_path / "docs"], workers=2, cancel=cancel,
                                 progress=lambda _d, _t, name: done.append(name))
        assert report.cancelled
        assert 0 < len(report.added) < 20
        assert kb.stats().documents == len(report.added)  # what was added is committed, nothing pending
        check = kb.check()
        assert check.ok and check.counts["pending"] == 0


def _record_pid_then_prepare(log: Path):
    real = pipeline.prepare

    def prepare(path: Path, **kw):
        with log.open("a") as fh:
            fh.write(f"{os.getpid()}\n")
        return real(path, **kw)

    return prepare


def test_default_worker_count_is_the_machines(tmp_path: Path, monkeypatch) -> None:
    _write_docs(tmp_path / "docs", 12)
    pids = tmp_path / "pids.txt"
    monkeypatch.setattr(pipeline, "prepare", _record_pid_then_prepare(pids))
    monkeypatch.setattr(importer, "default_workers", lambda: 3)
    with KnowledgeBase.open(tmp_path / "kb") as kb:
        report = kb._importer.import_paths([tmp_path / "docs"])  # no count, as the app calls it
    assert len(report.added) == 12
    used = set(pids.read_text().split())
    assert len(used) == 3 and str(os.getpid()) not in used  # three workers, never this process


def test_default_workers_bounded() -> None:
    n = workers.default_workers()
    assert 1 <= n <= workers.MAX_WORKERS
    assert n <= (os.cpu_count() or 1)


def test_one_file_is_processed_in_a_worker_too(tmp_path: Path, monkeypatch) -> None:
    _write_docs(tmp_path / "docs", 1)
    pids = tmp_path / "pids.txt"
    monkeypatch.setattr(pipeline, "prepare", _record_pid_then_prepare(pids))
    with KnowledgeBase.open(tmp_path / "kb") as kb:
        t0 = time.perf_counter()
        report = kb.import_paths([tmp_path / "docs"], workers=4)
        assert time.perf_counter() - t0 < 60  # a hang guard; one document's import time is bench's figure
    assert len(report.added) == 1
    assert pids.read_text().split() != [str(os.getpid())]


def test_ingest_error_survives_pickling() -> None:
    import pickle

    from kb.errors import IngestError

    err = pickle.loads(pickle.dumps(IngestError("a/b.txt", "empty file")))
    assert (err.path, err.reason, str(err)) == ("a/b.txt", "empty file", "a/b.txt: empty file")


@pytest.mark.parametrize("n", [0, -1])
def test_worker_count_must_be_positive(tmp_path: Path, n: int) -> None:
    _write_docs(tmp_path / "docs", 1)
    with KnowledgeBase.open(tmp_path / "kb") as kb, pytest.raises(ValueError):
        kb.import_paths([tmp_path / "docs"], workers=n)


def test_a_traditional_character_document_gets_its_places_firms_and_figures(tmp_path: Path) -> None:
    """The gazetteer and lexicons are Simplified: a 繁體 page is read in Simplified, offsets kept."""
    from kb.pipeline import process_path

    text = ("臺中市推進數位經濟發展實施計畫\n"
            "到2025年，臺中市新建5G基站3000座，引進華為技術有限公司在西屯區設立區域總部。\n"
            "對新認定的工業互聯網平台，給予最高100萬元獎勵。\n")
    path = tmp_path / "taizhong.txt"
    path.write_text(text, encoding="utf-8")
    p = process_path(path)
    assert not isinstance(p, Exception)
    names = {(e.type, e.name) for e in p.entities}
    assert ("enterprise", "华为技术有限公司") in names
    firm = next(e for e in p.entities if e.name == "华为技术有限公司")
    assert all(p.doc.body[s:e] in ("華為技術有限公司", "華為") for s, e in firm.mentions)  # offsets into the 繁體 body
    figures = {p.doc.body[m.start:m.end] for m in p.measures}
    assert any("100萬元" in f for f in figures) and any("3000座" in f for f in figures)


def test_index_gets_the_workers_passage_forms_unless_a_correction_renamed_an_entity(tmp_path: Path) -> None:
    from dataclasses import replace

    from kb.search.forms import passage_form

    _write_docs(tmp_path / "docs", 1)
    p = pipeline.process_path(next((tmp_path / "docs").iterdir()))
    assert isinstance(p, pipeline.Processed) and p.forms is not None
    assert len(p.forms) == len(p.doc.passages) and p.entities
    title = passage_form(p.doc.title, "").text
    assert [f.text for f in p.forms] == [passage_form(p.doc.body[x.start:x.end], title).text for x in p.doc.passages]
    n = len(p.forms)
    assert importer._forms(p, p.entities, n) == p.forms
    renamed = [replace(p.entities[0], name=p.entities[0].name + "（更名）"), *p.entities[1:]]
    assert importer._forms(p, renamed, n) == [None] * n  # the index tokenises again, with the new name taught
    assert importer._forms(replace(p, forms=None), p.entities, n) == [None] * n


def test_index_commits_grow_up_to_a_cap(tmp_path: Path, monkeypatch) -> None:
    """The first documents are committed (searchable) early; later commits take more at once."""
    monkeypatch.setattr(importer, "GROUP", 1)
    monkeypatch.setattr(importer, "BATCH", 2)
    monkeypatch.setattr(importer, "BATCH_MAX", 4)
    _write_docs(tmp_path / "docs", 11)
    committed: list[int] = []
    with KnowledgeBase.open(tmp_path / "kb") as kb:
        commit = kb.index.commit

        def counting_commit(**kw: object) -> None:
            commit(**kw)  # type: ignore[arg-type]
            committed.append(len(kb.index.doc_ids()))

        monkeypatch.setattr(kb.index, "commit", counting_commit)
        report = kb.import_paths([tmp_path / "docs"], workers=1)
        assert len(report.added) == 11 and kb.stats().documents == 11
        assert kb.search("数字经济").total >= 11
    assert committed == [2, 6, 10, 11]

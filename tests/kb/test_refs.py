"""RIS and CSL-JSON exports, read back with independent tools (rispy; jsonschema with the CSL schema)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest
import rispy

from kb.ingest import prepare
from kb.refs import note_text, to_csl_json, to_ris

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"
SCHEMA = json.loads((FIXTURES / "csl-data.json").read_text(encoding="utf-8"))
RIS_LINE = re.compile(r"^[A-Z][A-Z0-9]  - ")


@dataclass(frozen=True)
class Doc:
    id: str
    name: str
    title: str
    date: str | None
    source: str | None
    kind: str
    issuer: str | None = None
    doc_number: str | None = None
    region: str | None = None
    url: str | None = None
    accessed: str | None = None
    imported_at: str = ""


@dataclass(frozen=True)
class Note:
    quote: str
    comment: str = ""
    tags: tuple[str, ...] = ()
    section: str = ""


NOTICE = Doc(
    id="a1", name="hn.html", title="关于印发《湖南省算力基础设施高质量发展行动计划》的通知", date="2023-11-02",
    source="省数据局", kind="notice", issuer="湖南省人民政府办公厅 湖南省数据局", doc_number="湘政办发〔2023〕41号",
    region="湖南省", url="http://www.hunan.gov.cn/zwgk/t1.html", imported_at="2024-03-05T09:00:00",
)
NEWS = Doc(id="b2", name="yn.txt", title="云南省加快建设数字枢纽", date="2023-08", source="云南日报", kind="news")
NOTES = {"a1": [Note("到2025年，全省算力规模超过12EFLOPS", "目标比邻省高", ("算力", "目标"), "一、总体要求"),
                Note("新建数据中心PUE不高于1.25", "多行\n评论")]}


def test_ris_reads_back_with_an_independent_parser() -> None:
    text = to_ris([NOTICE, NEWS], NOTES)
    assert all(RIS_LINE.match(line) for line in text.splitlines() if line)
    records = rispy.loads(text)
    assert len(records) == 2
    gov, news = records
    assert gov["type_of_reference"] == "GOVDOC" and news["type_of_reference"] == "NEWS"
    assert gov["title"] == "关于印发〈湖南省算力基础设施高质量发展行动计划〉的通知"
    assert gov["authors"] == ["湖南省人民政府办公厅", "湖南省数据局"]  # one AU line per institution
    assert (gov["year"], gov["date"], gov["urls"]) == ("2023", "2023/11/02/", ["http://www.hunan.gov.cn/zwgk/t1.html"])
    assert (gov["issn"], gov["publisher"], gov["access_date"]) == ("湘政办发〔2023〕41号", "省数据局", "2024/03/05/")
    assert gov["notes"] == [
        "「到2025年，全省算力规模超过12EFLOPS」 目标比邻省高 #算力 #目标 （一、总体要求）",
        "「新建数据中心PUE不高于1.25」 多行 评论",
    ]
    assert (news["secondary_title"], news["date"], news["year"]) == ("云南日报", "2023/08//", "2023")
    assert "authors" not in news and "urls" not in news and "access_date" not in news


def test_ris_records_end_with_er_and_start_with_ty() -> None:
    records = [r for r in to_ris([NOTICE, NEWS]).split("ER  - ") if r.strip()]
    assert len(records) == 2 and all(r.strip().startswith("TY  - ") for r in records)


def test_csl_json_validates_against_the_csl_schema() -> None:
    items = json.loads(to_csl_json([NOTICE, NEWS], NOTES))
    jsonschema.validate(items, SCHEMA)
    gov, news = items
    assert (gov["id"], gov["type"], gov["number"], gov["publisher"]) == ("a1", "report", "湘政办发〔2023〕41号", "省数据局")
    assert gov["author"] == [{"literal": "湖南省人民政府办公厅"}, {"literal": "湖南省数据局"}]
    assert gov["issued"] == {"date-parts": [[2023, 11, 2]]} and gov["accessed"] == {"date-parts": [[2024, 3, 5]]}
    assert gov["URL"] == NOTICE.url and gov["note"].count("\n") == 1
    assert (news["type"], news["container-title"], news["issued"]) == ("article-newspaper", "云南日报", {"date-parts": [[2023, 8]]})
    assert "author" not in news and "URL" not in news


def test_the_schema_rejects_what_the_export_must_not_do() -> None:
    """The vendored schema is a real check: a missing or unknown type, or a malformed name, fails it."""
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"id": "x"}], SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"id": "x", "type": "govdoc"}], SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"id": "x", "type": "report", "author": [{"name": "某局"}]}], SCHEMA)


@pytest.fixture(scope="module")
def corpus_docs() -> list[Doc]:
    docs = []
    for path in sorted(CORPUS.glob("*.txt")):
        p = prepare(path)
        docs.append(Doc(id=p.sha256, name=p.name, title=p.title, date=p.date, source=p.source, kind=p.kind,
                        issuer=p.issuer, doc_number=p.doc_number, url=p.url, accessed=p.accessed,
                        imported_at="2024-03-05T09:00:00"))
    return docs


def test_starter_corpus_exports_meet_the_importers_rules(corpus_docs: list[Doc]) -> None:
    records = rispy.loads(to_ris(corpus_docs))
    assert len(records) == len(corpus_docs) == 5
    for record, doc in zip(records, corpus_docs, strict=True):
        assert record["title"] and "《" not in record["title"][:1]
        assert all("," not in a for a in record.get("authors", []))  # Zotero splits an AU at a comma
        assert record["type_of_reference"] in ("GOVDOC", "NEWS", "RPRT", "ELEC", "GEN")
        assert ("urls" in record) == (doc.url is not None)
    by_kind = {d.kind: r["type_of_reference"] for d, r in zip(corpus_docs, records, strict=True)}
    assert by_kind == {"news": "NEWS", "plan": "GOVDOC", "proposal_reply": "GOVDOC", "research": "RPRT"}
    plan = next(r for d, r in zip(corpus_docs, records, strict=True) if d.kind == "plan")
    assert len(plan["authors"]) == 2  # a joint issue: two institutions, two AU lines
    items = json.loads(to_csl_json(corpus_docs))
    jsonschema.validate(items, SCHEMA)
    assert [i["id"] for i in items] == [d.id for d in corpus_docs]
    reply = next(i for i in items if "URL" in i)
    assert reply["URL"].startswith("http://") and reply["accessed"] == {"date-parts": [[2024, 3, 5]]}


def test_note_text_is_one_line() -> None:
    assert note_text(Note("", "只有评论", ("t",))) == "只有评论 #t"
    assert "\n" not in note_text(Note("第一行\n第二行", "a\r\nb", (), "三、保障措施"))

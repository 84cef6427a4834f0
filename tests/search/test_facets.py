"""Facets: one value per place in a region hierarchy, undated documents, issuer and document number."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kb.search import REGION_SEP, UNDATED, SearchIndex

from .conftest import build_index, doc_passages

HUNAN = ("湖南省", "长沙市", "长沙经济技术开发区")


@pytest.fixture
def library(tmp_path: Path) -> Iterator[SearchIndex]:
    docs = [
        # the importer passes short forms and aliases as keys: they must not become facet values
        doc_passages("zone", ["推进数据中心建设。", "建设算力调度平台和数据中心。"], chain=HUNAN,
                     keys=(*HUNAN, "湖南", "长沙", "长沙经开区"), issuer="长沙市人民政府办公厅",
                     doc_number="长政办发〔2023〕12号"),
        doc_passages("city", ["数据中心集群建设。"], chain=HUNAN[:2], keys=(*HUNAN[:2], "湖南", "长沙"),
                     issuer="长沙市人民政府", doc_number="长政发[2022]3号", year=2022, first_id=10),
        doc_passages("news", ["新建数据中心投入运营。"], chain=("湖北省", "武汉市"), year=None, kind="news", first_id=20),
    ]
    ix = build_index(tmp_path / "ix", docs)
    yield ix
    ix.close()


def test_region_facet_is_a_hierarchy_with_one_value_per_place(library: SearchIndex) -> None:
    region = dict(library.search("数据中心").facets["region"])
    assert region == {
        "湖南省": 3, f"湖南省{REGION_SEP}长沙市": 3, f"湖南省{REGION_SEP}长沙市{REGION_SEP}长沙经济技术开发区": 2,
        "湖北省": 1, f"湖北省{REGION_SEP}武汉市": 1,
    }


def test_a_region_path_filters_like_its_place(library: SearchIndex) -> None:
    path = REGION_SEP.join(HUNAN)
    assert {h.doc_id for h in library.search("数据中心", filters={"region": path}).hits} == {"zone"}
    assert {h.doc_id for h in library.search("数据中心", filters={"region": "长沙市"}).hits} == {"zone", "city"}


def test_undated_documents_have_a_year_value_and_can_be_filtered(library: SearchIndex) -> None:
    years = dict(library.search("数据中心").facets["year"])
    assert years == {"2023": 2, "2022": 1, UNDATED: 1}
    assert {h.doc_id for h in library.search(f"数据中心 year:{UNDATED}").hits} == {"news"}


def test_issuer_and_document_number_facets_and_filters(library: SearchIndex) -> None:
    res = library.search("数据中心")
    assert dict(res.facets["issuer"]) == {"长沙市人民政府办公厅": 2, "长沙市人民政府": 1}
    assert dict(res.facets["doc_number"]) == {"长政办发〔2023〕12号": 2, "长政发[2022]3号": 1}
    assert {h.doc_id for h in library.search("数据中心 issuer:办公厅").hits} == {"zone"}
    assert {h.doc_id for h in library.search("数据中心 文号:长政发〔2022〕3号").hits} == {"city"}
    assert {h.doc_id for h in library.search("数据中心 发文机关:长沙市人民政府").hits} == {"zone", "city"}


def test_library_facets_without_a_query(library: SearchIndex) -> None:
    facets = library.facets()
    assert dict(facets["kind"]) == {"plan": 3, "news": 1}
    assert dict(library.facets({"kind": "news"})["region"]) == {"湖北省": 1, f"湖北省{REGION_SEP}武汉市": 1}

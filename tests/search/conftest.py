"""Small hand-written passages from provinces outside the starter corpus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kb.search import IndexedPassage, SearchIndex

GZ = ("贵州省", "贵州", "贵阳市", "贵阳")
NX = ("宁夏回族自治区", "宁夏", "银川市", "银川")
ZJ = ("浙江省", "浙江", "杭州市", "杭州")

# (passage_id, doc_id, doc_name, region_keys, year, kind, entity_types, text)
PASSAGES = [
    (1, "gz", "gz_plan.txt", GZ, 2023, "plan", ("park",),
     "加快推进与物联网深度融合，建设贵阳大数据科创城。"),
    (2, "gz", "gz_plan.txt", GZ, 2023, "plan", ("enterprise",),
     "实施“东数西算”工程，新建5G基站1.2万个，推动IPv6规模部署。"),
    (3, "gz", "gz_plan.txt", GZ, 2023, "plan", (),
     "推进人工智能制造业集群发展，培育数字孪生应用场景。"),
    (4, "nx", "nx_news.txt", NX, 2022, "news", ("park", "platform"),
     "银川市招商引资成效明显，工业互联网标识解析二级节点上线运行。"),
    (5, "nx", "nx_news.txt", NX, 2022, "news", (),
     "全区信创产业加速发展，引进人才300余名，北斗导航应用不断拓展。"),
    (6, "zj", "zj_reply.txt", ZJ, 2021, "proposal_reply", ("enterprise",),
     "关于智能制造的提案答复：支持企业建设VR/AR体验中心和物联网平台。"),
    (7, "zj", "zj_reply.txt", ZJ, 2021, "proposal_reply", (),
     "加强人才引进，对高层次人才给予最高100万元安家补贴。"),
    (8, "zj", "zj_reply.txt", ZJ, 2021, "proposal_reply", (),
     "推动vr产业与5g网络协同，建设智能制造示范工厂。"),
]


def make_passages() -> list[IndexedPassage]:
    return [
        IndexedPassage(pid, doc, text, name, f"{name} 标题", "一、总体要求", regions, year, kind, types)
        for pid, doc, name, regions, year, kind, types, text in PASSAGES
    ]


TEXTS = {p[0]: p[7] for p in PASSAGES}


@pytest.fixture
def index_dir(tmp_path: Path) -> Path:
    return tmp_path / "index"


@pytest.fixture
def ix(index_dir: Path) -> Iterator[SearchIndex]:
    index = SearchIndex(index_dir)
    index.add(make_passages())
    index.commit()
    yield index
    index.close()


def doc_passages(doc_id: str, paragraphs: list[str], *, title: str = "", chain: tuple[str, ...] = (),
                 keys: tuple[str, ...] = (), year: int | None = 2023, kind: str = "plan", issuer: str | None = None,
                 doc_number: str | None = None, first_id: int = 1) -> list[IndexedPassage]:
    """One hand-written document as indexed passages (the title, when given, is its first paragraph)."""
    texts = ([title] if title else []) + paragraphs
    keys = keys or tuple(k for name in chain for k in (name, name[:-1]) if len(k) >= 2)  # 河北省 -> 河北省, 河北
    return [
        IndexedPassage(first_id + i, doc_id, text, f"{doc_id}.txt", title, "", keys, year, kind, (),
                       region_chain=chain, issuer=issuer, doc_number=doc_number)
        for i, text in enumerate(texts)
    ]


def build_index(directory: Path, docs: list[list[IndexedPassage]]) -> SearchIndex:
    index = SearchIndex(directory)
    for passages in docs:
        index.add(passages)
    index.commit()
    return index

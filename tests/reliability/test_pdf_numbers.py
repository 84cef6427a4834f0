"""Issue #13: a PDF is found by its numbers and phrases the same way the HTML copy is."""

from __future__ import annotations

from pathlib import Path

from kb.service import KnowledgeBase

from . import badfiles as bad

LINES = [
    "毕节市促进数字经济发展若干政策措施",
    "2023年 12 月 15 日经第 29 次市政府常务会议通过",
    "一、对 新 认 定 的 国 家 级 企 业 技 术 中 心 , 到 2025 年 给 予 500 万元奖励 。",
    "二、支持 5G SA 独立组网建设，对建成的 5G 基站给予每个 1 万元补助。",
]
HTML = "<html><body><h1>{0}</h1>" + "".join(f"<p>{{{i}}}</p>" for i in range(1, 4)) + "</body></html>"


def test_pdf_and_html_copies_answer_the_same_queries(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "bijie.pdf").write_bytes(bad.text_pdf(LINES))
    tidy = [line.replace(" ", "").replace("5GSA", "5G SA") for line in LINES]
    (folder / "bijie_copy.html").write_text(HTML.format(*tidy), encoding="utf-8")
    with KnowledgeBase.open(tmp_path / "kb") as kb:
        assert kb.import_paths([folder]).ok
        for query in ("500万元奖励", "2025年", "第29次", "2023年12月15日", "企业技术中心", "5G基站", '"5G SA"'):
            found = {hit.doc for hit in kb.search(query).hits}
            assert found == {"bijie.pdf", "bijie_copy.html"}, (query, found)

"""What the app's dialogs edit, from the command line: themes, a cell's own text, the thesaurus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kb.cli import main
from kb.service import KnowledgeBase

PLAN = """昆明市数字经济发展三年行动方案
发文机关：昆明市人民政府办公室  发布日期：2023-04-02
一、工作目标
到2025年，建成5G基站2万个，引育数字经济企业500家。
二、支持政策
对新引进的数字经济企业给予房租补贴，每年最高100万元。
支持无人机企业开展低空物流配送试点，开通低空航线。
"""

NEWS = """曲靖市推进算力基础设施建设
2023-06-18 来源：云南日报
曲靖市今年新建5G基站1500个，数据中心机架达到3000架。
"""


@pytest.fixture
def kb_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "kunming_plan.txt").write_text(PLAN, encoding="utf-8")
    (folder / "qujing_news.txt").write_text(NEWS, encoding="utf-8")
    target = tmp_path / "kb"
    assert main(["--kb", str(target), "index", str(folder), "-q"]) == 0
    return target


def _json(capsys: pytest.CaptureFixture[str]) -> object:
    return json.loads(capsys.readouterr().out)


def test_a_theme_is_added_edited_used_by_compare_and_removed(kb_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    k = ["--kb", str(kb_dir)]
    capsys.readouterr()
    assert main([*k, "themes", "add", "低空设施", "低空 OR 无人机", "--json"]) == 0
    key = _json(capsys)["theme"]["key"]
    assert key
    assert main([*k, "themes", "edit", "低空设施", "--label", "低空经济"]) == 0
    assert capsys.readouterr().out.strip() == "theme 低空设施 updated"
    assert main([*k, "themes", "list", "--json"]) == 0
    labels = {t["key"]: t["label"] for t in _json(capsys)}
    assert labels[key] == "低空经济"
    assert main([*k, "compare", "昆明", "曲靖", "--theme", "低空经济", "--json"]) == 0
    comparison = _json(capsys)
    assert [r["theme"]["label"] for r in comparison["rows"]] == ["低空经济"]
    kunming, qujing = comparison["rows"][0]["cells"]
    assert "低空物流" in kunming["evidence"][0]["text"] and qujing["evidence"] == []
    assert main([*k, "themes", "rm", key]) == 0
    capsys.readouterr()
    assert main([*k, "themes", "list", "--json"]) == 0
    assert key not in {t["key"] for t in _json(capsys)}
    assert main([*k, "themes", "add", "空", ""]) == 2
    assert "needs a label and a query" in capsys.readouterr().err


def test_a_cells_own_text_is_set_and_removed(kb_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    k = ["--kb", str(kb_dir)]
    with KnowledgeBase.open(kb_dir, readonly=True) as kb:
        theme = kb.themes()[0]
    assert main([*k, "cell", "昆明", theme.key, "以房租补贴招商"]) == 0
    with KnowledgeBase.open(kb_dir, readonly=True) as kb:
        assert kb.compare(["昆明", "曲靖"], [theme.key]).rows[0].cells[0].override == "以房租补贴招商"
    assert main([*k, "cell", "昆明", theme.key, ""]) == 0
    with KnowledgeBase.open(kb_dir, readonly=True) as kb:
        assert not kb.compare(["昆明", "曲靖"], [theme.key]).rows[0].cells[0].override


def test_a_thesaurus_group_changes_what_search_finds(kb_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    k = ["--kb", str(kb_dir)]
    capsys.readouterr()
    assert main([*k, "search", "筑巢券", "--json"]) == 0
    assert _json(capsys)["total"] == 0
    assert main([*k, "thesaurus", "add", "筑巢券", "5G基站", "--note", "测试", "--json"]) == 0
    assert _json(capsys)["thesaurus"] is True
    assert main([*k, "thesaurus", "list", "--find", "筑巢券", "--json"]) == 0
    groups = _json(capsys)["groups"]
    assert len(groups) == 1 and groups[0]["origin"] == "user" and groups[0]["terms"] == ["筑巢券", "5G基站"]
    gid = groups[0]["id"]
    assert main([*k, "search", "筑巢券", "--json"]) == 0
    found = _json(capsys)
    assert found["total"] >= 1 and found["hits"][0]["match"] != "exact"
    assert main([*k, "thesaurus", "disable", gid]) == 0
    capsys.readouterr()
    assert main([*k, "search", "筑巢券", "--json"]) == 0
    assert _json(capsys)["total"] == 0
    assert main([*k, "thesaurus", "rm", gid]) == 0
    assert main([*k, "thesaurus", "rm", gid]) == 2
    assert "no thesaurus group" in capsys.readouterr().err


def test_a_shipped_group_switched_off_is_kept_and_reset_brings_it_back(kb_dir: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    k = ["--kb", str(kb_dir)]
    capsys.readouterr()
    assert main([*k, "thesaurus", "list", "--find", "租金", "--json"]) == 0
    shipped = [g for g in _json(capsys)["groups"] if g["origin"] == "shipped" and g["enabled"]]
    assert shipped
    gid = shipped[0]["id"]
    assert main([*k, "thesaurus", "rm", gid]) == 0
    capsys.readouterr()
    assert main([*k, "thesaurus", "list", "--find", "租金", "--json"]) == 0
    assert {g["id"]: g["enabled"] for g in _json(capsys)["groups"]}[gid] is False
    assert main([*k, "thesaurus", "reset", gid]) == 0
    capsys.readouterr()
    assert main([*k, "thesaurus", "list", "--find", "租金"]) == 0
    out = capsys.readouterr().out
    assert gid in out and "off" not in out.split(gid)[1].splitlines()[0]


def test_search_says_how_it_matched_and_can_stay_verbatim(kb_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    k = ["--kb", str(kb_dir)]
    capsys.readouterr()
    assert main([*k, "search", "租金补贴"]) == 0  # the plan says 房租补贴: a thesaurus match, said so
    out = capsys.readouterr().out
    assert "未找到“租金补贴”原文" in out and "〔同义：" in out and "房租" in out
    assert main([*k, "search", "租金补贴", "--json"]) == 0
    data = _json(capsys)
    assert data["relaxed"] and data["relaxed_from"] == ["租金补贴"] and data["hits"][0]["match"] != "exact"
    assert main([*k, "search", "租金补贴", "--exact", "--json"]) == 0
    assert _json(capsys)["total"] == 0
    assert main([*k, "search", "5G基站", "--by-document"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n== ") == 2 and "[kunming_plan.txt]" in out and "[qujing_news.txt]" in out
    assert main([*k, "search", "5G基站", "--issuer", "昆明市人民政府办公室", "--json"]) == 0
    assert {h["doc"] for h in _json(capsys)["hits"]} == {"kunming_plan.txt"}

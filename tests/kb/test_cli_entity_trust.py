"""`python -m kb entity` reads relations in words; `correct unplace/unlink` from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from trust_samples import FIRM, KUNMING_NEWS, OTHER, PARK, ZONE, ZUNYI_PLAN

ROOT = Path(__file__).resolve().parents[2]


def run(kb_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kb", "--kb", str(kb_dir), *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


def test_entity_relations_in_words_and_corrections(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "zunyi_plan.txt").write_text(ZUNYI_PLAN, encoding="utf-8")
    (docs / "kunming_news.txt").write_text(KUNMING_NEWS, encoding="utf-8")
    kb_dir = tmp_path / "kb"
    assert run(kb_dir, "index", "-q", str(docs)).returncode == 0

    park = run(kb_dir, "entity", PARK).stdout
    assert f"位于: {ZONE}" in park and f"包含: {FIRM}" in park and "->" not in park
    assert f"{FIRM}: 遵义经济技术开发区内建成" in park, "each link with the sentence that states it"
    assert f"Contains: {FIRM}" in run(kb_dir, "entity", PARK, "--lang", "en").stdout

    other = json.loads(run(kb_dir, "entity", OTHER, "--json").stdout)
    assert other["placed"] is False and set(other["mention_regions"]) == {"昆明市", "遵义市"}
    assert {d["title"] for d in other["documents"]} == {"昆明市举办数字经济合作论坛", "遵义市加快数字经济发展实施方案"}
    assert {r["relation"] for r in other["relations"]} == {"co_mention"}
    assert "提及地区" in run(kb_dir, "entity", OTHER).stdout

    out = run(kb_dir, "correct", "unlink", "park", ZONE, PARK, "--kind", "located_in", "--target-type", "park", "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["value"] == f"located_in:park:{PARK}"
    assert "位于" not in run(kb_dir, "entity", PARK).stdout

    out = run(kb_dir, "correct", "unplace", "enterprise", FIRM, "没有这个园区")
    assert out.returncode == 2 and "no region or park named" in out.stderr
    out = run(kb_dir, "correct", "unplace", "enterprise", FIRM, PARK, "--json")
    assert out.returncode == 0 and len(json.loads(out.stdout)["entities"]) == 2
    firm = json.loads(run(kb_dir, "entity", FIRM, "--json").stdout)
    assert firm["located_in"] == [] and firm["placed"] is False

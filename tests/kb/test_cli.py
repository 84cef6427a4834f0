"""`python -m kb` end to end in a subprocess: the commands the README and the issues promise."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(kb_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kb", "--kb", str(kb_dir), *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


def test_index_search_show_docs_stats_json(tmp_path: Path, sample_docs: Path) -> None:
    kb_dir = tmp_path / "kb"
    out = run(kb_dir, "index", str(sample_docs), "--json")
    assert out.returncode == 0, out.stderr
    assert len(json.loads(out.stdout)["added"]) == 2

    hits = json.loads(run(kb_dir, "search", "软件产业园", "--json").stdout)["hits"]
    assert hits and {"doc", "title", "region", "section", "score", "start", "end", "text", "snippet"} <= set(hits[0])
    assert hits[0]["doc"] == "guizhou_plan.txt"

    shown = json.loads(run(kb_dir, "show", "guizhou_plan.txt", "--json").stdout)
    assert shown["body"][hits[0]["start"] : hits[0]["end"]] == hits[0]["text"]
    assert any("ICP" in b["text"] for b in shown["boilerplate"])

    docs = json.loads(run(kb_dir, "docs", "--json").stdout)
    assert sorted(d["name"] for d in docs) == ["anhui_news.txt", "guizhou_plan.txt"]
    stats = json.loads(run(kb_dir, "stats", "--json").stdout)
    assert stats["documents"] == 2 and stats["passages"] > 5

    text = run(kb_dir, "search", "科大讯飞").stdout
    assert "【科大讯飞】" in text


def test_failed_file_gives_one_line_and_nonzero_exit(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("贵州省大数据发展管理局印发数字经济发展行动计划。", encoding="utf-8")
    (folder / "bin.txt").write_bytes(bytes(range(256)) * 10)
    out = run(tmp_path / "kb", "index", str(folder))
    assert out.returncode == 1
    errors = [line for line in out.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "bin.txt" in errors[0]
    assert "added 1" in out.stdout


def test_bad_query_is_a_message_not_a_traceback(tmp_path: Path, sample_docs: Path) -> None:
    run(tmp_path / "kb", "index", str(sample_docs))
    out = run(tmp_path / "kb", "search", "(数字 OR")
    assert out.returncode == 2
    assert out.stderr.startswith("error:") and "Traceback" not in out.stderr


def test_entities_entity_measures_check(tmp_path: Path, sample_docs: Path) -> None:
    kb_dir = tmp_path / "kb"
    run(kb_dir, "index", str(sample_docs))
    ents = json.loads(run(kb_dir, "entities", "--json").stdout)
    assert ents and {"type", "name", "aliases", "region", "located_in", "docs"} <= set(ents[0])
    one = json.loads(run(kb_dir, "entity", ents[0]["name"], "--json").stdout)
    assert one["mentions"] and {"doc", "start", "end"} <= set(one["mentions"][0])
    ms = json.loads(run(kb_dir, "measures", "--json").stdout)
    assert ms and {"doc", "region", "kind", "amount", "unit", "year", "theme", "policy_tool", "responsible",
                   "text", "start", "end"} <= set(ms[0])
    assert run(kb_dir, "check").returncode == 0


# issue 16: a CLI that behaves like one ---------------------------------------------------------

BIG_LINE = "对新认定的数字经济总部企业给予最高2000万元奖励，对引进的人才团队给予安家补贴。\n"


def _start(kb_dir: Path, *args: str, **popen: object) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "kb", "--kb", str(kb_dir), *args], cwd=ROOT, text=True,
                            **popen)  # type: ignore[call-overload]


def test_index_shows_one_bar_on_a_terminal_and_no_line_per_file(tmp_path: Path) -> None:
    import fcntl
    import os
    import pty
    import re
    import struct
    import termios

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(12):
        (folder / f"plan_{i:02d}.txt").write_text(f"遵义市第{i}号数字经济实施方案\n{BIG_LINE}", encoding="utf-8")
    (folder / "broken.txt").write_bytes(bytes(range(256)) * 10)
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a 100-column terminal
    child = _start(tmp_path / "kb", "index", str(folder), stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the terminal closed: the child is done
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    out = child.communicate(timeout=300)[0]
    screen = b"".join(chunks).decode("utf-8", "replace")
    assert child.returncode == 1  # one file failed
    assert "indexing" in screen and "100%" in screen and "13/13" in screen
    assert re.search(r"doc/s|s/doc", screen) and re.search(r"\d\d:\d\d<\d\d:\d\d", screen)  # rate and ETA
    assert "plan_05.txt" not in screen  # a bar, not a line per file
    errors = [line for line in screen.replace("\r", "\n").splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "broken.txt" in errors[0] and "binary" in errors[0]  # with its reason
    assert screen.rindex("error:") > screen.rindex("100%")  # failures listed at the end, after the bar
    assert "added 12" in out


def test_index_without_a_terminal_prints_tenths_not_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(30):
        (folder / f"plan_{i:02d}.txt").write_text(f"曲靖市第{i}号数字经济实施方案\n{BIG_LINE}", encoding="utf-8")
    out = run(tmp_path / "kb", "index", str(folder))
    assert out.returncode == 0, out.stderr
    lines = out.stderr.splitlines()
    assert 1 <= len(lines) <= 10 and all("documents/s" in line for line in lines)
    assert lines[-1].startswith("[30/30] 100%") and "plan_" not in out.stderr
    assert out.stdout.startswith("added 30,") and "documents/s" in out.stdout


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "long.txt").write_text("绵阳市数字经济发展实施方案\n" + BIG_LINE * 4000, encoding="utf-8")
    assert run(tmp_path / "kb", "index", str(folder)).returncode == 0
    child = _start(tmp_path / "kb", "show", "long.txt", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None and child.stdout.readline()  # as `| head -1` does
    child.stdout.close()
    err = child.stderr.read() if child.stderr else ""
    assert child.wait(timeout=60) == 141
    assert err == ""  # no BrokenPipeError traceback


def test_file_names_cannot_forge_output_lines_and_may_start_with_a_dash(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "evil\nadded 999, failed 0.txt").write_text("宝鸡市数字经济实施方案\n" + BIG_LINE, encoding="utf-8")
    (folder / "bad\nerror: forged.txt").write_bytes(bytes(range(256)) * 10)
    (folder / "-dash.txt").write_text("天水市数字经济实施方案\n建设算力中心。\n", encoding="utf-8")
    kb_dir = tmp_path / "kb"
    out = run(kb_dir, "index", str(folder))
    assert out.returncode == 1
    for line in (out.stdout + out.stderr + run(kb_dir, "docs").stdout).splitlines():
        assert not line.startswith(("added 999", "error: forged", "forged")), line
    assert "\\nerror: forged.txt" in out.stderr  # the name, escaped and quoted, in its own error line
    shown = run(kb_dir, "show", "-dash.txt")
    assert shown.returncode == 0 and "建设算力中心" in shown.stdout, shown.stderr
    assert run(kb_dir, "show", "--", "-dash.txt").returncode == 0
    assert json.loads(run(kb_dir, "show", "-dash.txt", "--json").stdout)["name"] == "-dash.txt"
    assert run(kb_dir, "remove", "-dash.txt").returncode == 0
    assert run(kb_dir, "show", "-dash.txt").returncode == 2


def test_licence_is_an_spdx_string() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "MIT"  # the table form is deprecated by setuptools
    assert any(r.startswith("setuptools>=7") and int(r.split(">=")[1].split(".")[0]) >= 77
               for r in project["build-system"]["requires"])
    assert any(d.startswith("tqdm") for d in project["project"]["dependencies"])

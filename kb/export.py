"""Exports: notes with citations, the comparison matrix, entities and measures.

Why every quote carries its full citation (title, publisher, date, section, file): exported notes
end up in reports far from the knowledge base. HTML output is standalone (no remote resources) and
escapes everything that came from a document or a user.
"""

from __future__ import annotations

import csv
import dataclasses
import html
import json
import logging
import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from kb.compare import Comparer
from kb.compare_writers import EMPTY_CELL, write_csv, write_docx, write_md, write_xlsx
from kb.errors import ZhikuError
from kb.library import Library
from kb.models import Document, Note
from kb.notes import Notes

log = logging.getLogger(__name__)

NOTE_FORMATS = ("md", "html", "docx", "csv")
COMPARE_FORMATS = ("md", "csv", "xlsx", "docx")
DATA_FORMATS = ("csv", "json")
_BAD_CHARS = re.compile(r'[\x00-\x1f<>:"/\\|?*]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def safe_filename(name: str, default: str = "export") -> str:
    """A file name valid on Windows, macOS and Linux (no separators, no reserved names)."""
    clean = _BAD_CHARS.sub("_", name).strip().strip(".").strip()
    if not clean:
        clean = default
    if clean.split(".")[0].upper() in _RESERVED:
        clean = "_" + clean
    if len(clean) > 120:
        stem, dot, ext = clean.rpartition(".")
        clean = (stem[: 120 - len(ext) - 1] + "." + ext) if dot and len(ext) <= 8 else clean[:120]
    return clean


def target_path(path: str | Path, fmt: str, allowed: Sequence[str]) -> Path:
    """Check the format and the folder; sanitise the file name; add the extension if missing."""
    fmt = fmt.lower().lstrip(".")
    if fmt not in allowed:
        raise ZhikuError(f"cannot export as {fmt!r}; choose one of {', '.join(allowed)}")
    p = Path(path).expanduser()
    parent = p.parent
    if not parent.is_dir():
        raise ZhikuError(f"folder {parent} does not exist; create it first or choose another")
    name = safe_filename(p.name)
    if not name.lower().endswith("." + fmt):
        name += "." + fmt
    return parent / name


def _cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas in text that came from documents or users."""
    if isinstance(value, str) and value[:1] in ("=", "+", "@") or (isinstance(value, str) and value[:1] == "-" and len(value) > 1 and not value[1:2].isdigit()):
        return "'" + value
    return value


def citation(note: Note, doc: Document | None) -> dict[str, str]:
    return {
        "title": (doc.title if doc else note.doc_title) or "",
        "source": (doc.source if doc else None) or "",
        "date": (doc.date if doc else None) or "",
        "section": note.section,
        "file": (doc.name if doc else note.doc_name) or "",
    }


def citation_line(c: dict[str, str]) -> str:
    parts = [f"《{c['title']}》" if c["title"] else ""]
    for label, key in (("来源", "source"), ("日期", "date"), ("章节", "section"), ("文件", "file")):
        if c[key]:
            parts.append(f"{label}：{c[key]}")
    return "｜".join(p for p in parts if p)


class Exporter:
    """Writes notes, comparisons, entities and measures to files for other tools."""

    def __init__(self, library: Library, notes: Notes, comparer: Comparer) -> None:
        self.library = library
        self.notes = notes
        self.comparer = comparer

    def export_notes(self, path: str | Path, fmt: str = "md", **filters: Any) -> Path:
        out = target_path(path, fmt, NOTE_FORMATS)
        notes = [n for n in self.notes.find(**filters) if n.target_kind != "cell"]
        docs: dict[str, Document | None] = {}
        items = []
        for n in notes:
            if n.doc_id and n.doc_id not in docs:
                docs[n.doc_id] = self.library.document(n.doc_id)
            items.append((n, citation(n, docs.get(n.doc_id) if n.doc_id else None)))
        {"md": _notes_md, "html": _notes_html, "docx": _notes_docx, "csv": _notes_csv}[out.suffix[1:]](out, items)
        log.info("exported %d notes to %s", len(items), out)
        return out

    def export_compare(self, path: str | Path, fmt: str = "xlsx", regions: Sequence[str] | None = None,
                       themes: Sequence[str] | None = None, per_cell: int = 3) -> Path:
        out = target_path(path, fmt, COMPARE_FORMATS)
        comp = self.comparer.compare(regions, themes, per_cell=per_cell)
        {"md": _compare_md, "csv": _compare_csv, "xlsx": _compare_xlsx, "docx": _compare_docx}[out.suffix[1:]](out, comp)
        return out

    def export_entities(self, path: str | Path, fmt: str = "csv") -> Path:
        out = target_path(path, fmt, DATA_FORMATS)
        _write_records(out, [dataclasses.asdict(e) for e in self.library.entities()])
        return out

    def export_measures(self, path: str | Path, fmt: str = "csv", **filters: Any) -> Path:
        out = target_path(path, fmt, DATA_FORMATS)
        _write_records(out, [dataclasses.asdict(m) for m in self.library.measures(**filters)])
        return out


def _write_records(out: Path, records: list[dict[str, Any]]) -> None:
    if out.suffix == ".json":
        out.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
        return
    fields = list(records[0]) if records else []
    with out.open("w", newline="", encoding="utf-8-sig") as fh:
        w = csv.writer(fh)
        w.writerow(fields)
        for r in records:
            w.writerow([_cell("；".join(map(str, v)) if isinstance(v, (list, tuple)) else v) for v in r.values()])


# notes writers ------------------------------------------------------------------------------

Item = tuple[Note, dict[str, str]]


def _stamp() -> str:
    return datetime.now().strftime("%Y-%m-%d %H:%M")


def _notes_md(out: Path, items: Iterable[Item]) -> None:
    lines = ["# 智库笔记 Zhiku notes", "", f"导出时间：{_stamp()}", ""]
    for i, (n, c) in enumerate(items, 1):
        lines.append(f"## {i}. {c['title'] or n.doc_name or '—'}" + (" ⚠ 原文已找不到 (orphaned)" if n.orphaned else ""))
        lines.append("")
        lines += [f"> {line}" for line in (n.quote or "").splitlines() or [""]]
        lines += ["", f"— {citation_line(c)}", ""]
        if n.comment:
            lines += ["**评注：** " + n.comment.replace("\n", "  \n"), ""]
        if n.tags:
            lines += ["标签：" + " ".join(f"#{t}" for t in n.tags), ""]
    out.write_text("\n".join(lines), encoding="utf-8")


_CSS = ("body{font-family:'Noto Sans CJK SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif;max-width:50em;"
        "margin:2em auto;line-height:1.6;color:#222}blockquote{border-left:4px solid #c9a227;margin:0;padding:.2em 1em;"
        "background:#fffbea}.cite{color:#555;font-size:.9em}.tags span{background:#eef;border-radius:3px;padding:0 .4em;"
        "margin-right:.3em}.orphan{color:#b00}")


def _notes_html(out: Path, items: Iterable[Item]) -> None:
    e = html.escape
    parts = ["<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
             "<title>智库笔记 Zhiku notes</title>", f"<style>{_CSS}</style></head><body>",
             f"<h1>智库笔记</h1><p class=\"cite\">导出时间：{e(_stamp())}</p>"]
    for i, (n, c) in enumerate(items, 1):
        parts.append(f'<section id="note-{n.id}"><h2>{i}. {e(c["title"] or n.doc_name or "—")}</h2>')
        if n.orphaned:
            parts.append('<p class="orphan">原文已找不到 (orphaned)</p>')
        parts.append(f"<blockquote>{e(n.quote).replace(chr(10), '<br>')}</blockquote>")
        parts.append(f'<p class="cite">— {e(citation_line(c))}</p>')
        if n.comment:
            parts.append(f"<p><strong>评注：</strong>{e(n.comment).replace(chr(10), '<br>')}</p>")
        if n.tags:
            parts.append('<p class="tags">' + "".join(f"<span>#{e(t)}</span>" for t in n.tags) + "</p>")
        parts.append("</section>")
    parts.append("</body></html>")
    out.write_text("\n".join(parts), encoding="utf-8")


def _notes_docx(out: Path, items: Iterable[Item]) -> None:
    import docx
    from docx.shared import Pt, RGBColor

    d = docx.Document()
    d.add_heading("智库笔记 Zhiku notes", level=0)
    d.add_paragraph(f"导出时间：{_stamp()}")
    for i, (n, c) in enumerate(items, 1):
        d.add_heading(f"{i}. {c['title'] or n.doc_name or '—'}", level=2)
        if n.orphaned:
            d.add_paragraph("原文已找不到 (orphaned)")
        d.add_paragraph(_xml_safe(n.quote), style="Quote")
        cite = d.add_paragraph().add_run("— " + _xml_safe(citation_line(c)))
        cite.font.size = Pt(9)
        cite.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
        if n.comment:
            p = d.add_paragraph()
            p.add_run("评注：").bold = True
            p.add_run(_xml_safe(n.comment))
        if n.tags:
            d.add_paragraph("标签：" + " ".join(f"#{_xml_safe(t)}" for t in n.tags))
    d.save(str(out))


def _xml_safe(text: str) -> str:
    """python-docx refuses XML-illegal control characters; scraped text sometimes has them."""
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", text or "")


def _notes_csv(out: Path, items: Iterable[Item]) -> None:
    with out.open("w", newline="", encoding="utf-8-sig") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "quote", "comment", "tags", "title", "source", "date", "section", "file", "start", "end",
                    "orphaned", "created_at", "updated_at"])
        for n, c in items:
            w.writerow([n.id, *map(_cell, [n.quote, n.comment, " ".join(n.tags), c["title"], c["source"], c["date"],
                        c["section"], c["file"]]), n.start, n.end, int(n.orphaned), n.created_at, n.updated_at])



# comparison writers: the same side-by-side layout in every format (kb/compare_writers.py) ----------

_compare_md, _compare_csv, _compare_xlsx, _compare_docx = write_md, write_csv, write_xlsx, write_docx


__all__ = ["Exporter", "safe_filename", "target_path", "citation", "citation_line", "EMPTY_CELL"]

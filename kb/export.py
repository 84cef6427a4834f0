"""Exports: notes with citations, the comparison matrix, entities and measures.

Why every quote carries its full citation (title, publisher, date, section, file): exported notes
end up in reports far from the knowledge base. HTML output is standalone (no remote resources) and
escapes everything that came from a document or a user; Markdown escapes HTML too; spreadsheet
cells are neutralised (``kb.sheets``). Every file is written to a temporary name beside the target
and renamed (``kb.fileio``): a kill or a full disk never leaves half a file or destroys the old one.
"""

from __future__ import annotations

import dataclasses
import html
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from kb import compare_writers
from kb.citation import access_date, book_title, doc_url, format_gbt7714
from kb.compare import Comparer
from kb.compare_writers import EMPTY_CELL
from kb.errors import ZhikuError
from kb.fileio import atomic_path
from kb.library import Library
from kb.models import Document, Note
from kb.notes import Notes
from kb.refs import to_csl_json, to_ris
from kb.sheets import (
    neutralise,
    neutralise_csv_file,
    neutralise_xlsx_file,
    save_zip,
    write_csv,
    write_json,
    write_records,
    write_xlsx,
)

log = logging.getLogger(__name__)

# What the app's export menu offers (the UI mirrors these three).
NOTE_FORMATS = ("md", "html", "docx", "csv")
COMPARE_FORMATS = ("md", "csv", "xlsx", "docx")
DATA_FORMATS = ("csv", "json")
REFERENCE_FORMATS = ("ris", "json")  # json: CSL-JSON (Zotero, Mendeley, pandoc)
# Written too, offered by the command line so far: once the menu offers them, fold them in above.
MORE_FORMATS = {"notes": ("xlsx", "json"), "entities": ("xlsx",), "measures": ("xlsx",)}
FORMATS = {what: base + MORE_FORMATS.get(what, ()) for what, base in
           (("notes", NOTE_FORMATS), ("compare", COMPARE_FORMATS), ("entities", DATA_FORMATS), ("measures", DATA_FORMATS),
            ("references", REFERENCE_FORMATS))}
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


def format_list(formats: Sequence[str]) -> str:
    return ", ".join(formats[:-1]) + " or " + formats[-1] if len(formats) > 1 else "".join(formats)


def target_path(path: str | Path, fmt: str, allowed: Sequence[str], what: str = "this") -> Path:
    """Check the format and the folder; sanitise the file name; add the extension if missing."""
    fmt = fmt.lower().lstrip(".")
    if fmt not in allowed:
        raise ZhikuError(f"cannot export {what} as {fmt!r}: {what} can be exported as {format_list(allowed)}")
    p = Path(path).expanduser()
    if p.is_dir():
        raise ZhikuError(f"{p} is a folder: give the file to write, e.g. {p / ('export.' + fmt)}")
    parent = p.parent
    if not parent.is_dir():
        raise ZhikuError(f"folder {parent} does not exist; create it first or choose another")
    name = safe_filename(p.name)
    if not name.lower().endswith("." + fmt):
        name += "." + fmt
    out = parent / name
    if out.is_dir():
        raise ZhikuError(f"{out} is a folder: give the file to write")
    return out


_cell = neutralise  # the comparison writers' name for it


def md_text(text: str | None) -> str:
    """Text from a document or a user, inert in Markdown: no raw HTML (``<img onerror=…>``), no entities."""
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _md_file(out: Path) -> None:
    """Make a Markdown file written elsewhere inert: every ``<`` and ``&`` escaped (its layout has neither)."""
    text = out.read_text(encoding="utf-8")
    out.write_text(text.replace("&", "&amp;").replace("<", "&lt;"), encoding="utf-8")


def citation(note: Note, doc: Document | None) -> dict[str, str]:
    """A note's source: its parts (for CSV columns) and its GB/T 7714 reference (``reference``).

    A note whose document is gone keeps only what the note itself remembers: title and file name.
    """
    out = {
        "title": (doc.title if doc else note.doc_title) or "",
        "source": (doc.source if doc else None) or "",
        "date": (doc.date if doc else None) or "",
        "section": note.section,
        "file": (doc.name if doc else note.doc_name) or "",
        "url": (doc_url(doc) if doc else None) or "",
    }
    if doc is not None:
        out["reference"] = format_gbt7714(doc, accessed=access_date(doc), url=doc_url(doc), section=note.section)
    return out


def citation_line(c: dict[str, str]) -> str:
    """The reference to print under a quote: GB/T 7714 when the document is known."""
    if c.get("reference"):
        return c["reference"]
    parts = [book_title(c["title"]) if c["title"] else ""]
    for label, key in (("来源", "source"), ("日期", "date"), ("章节", "section"), ("文件", "file")):
        if c.get(key):
            parts.append(f"{label}：{c[key]}")
    return "｜".join(p for p in parts if p)


def write_atomic(out: Path, writer: Callable[[Path], None], after: Callable[[Path], None] | None = None) -> Path:
    """Write with ``writer`` to a temporary file beside ``out`` (then ``after`` on it), and rename it."""
    with atomic_path(out) as tmp:
        writer(tmp)
        if after is not None:
            after(tmp)
    return out


class Exporter:
    """Writes notes, comparisons, entities and measures to files for other tools."""

    def __init__(self, library: Library, notes: Notes, comparer: Comparer) -> None:
        self.library = library
        self.notes = notes
        self.comparer = comparer

    def export_notes(self, path: str | Path, fmt: str = "md", **filters: Any) -> Path:
        out = target_path(path, fmt, FORMATS["notes"], "notes")
        notes = [n for n in self.notes.find(**filters) if n.target_kind != "cell"]
        docs: dict[str, Document | None] = {}
        items = []
        for n in notes:
            if n.doc_id and n.doc_id not in docs:
                docs[n.doc_id] = self.library.document(n.doc_id)
            items.append((n, citation(n, docs.get(n.doc_id) if n.doc_id else None)))
        writer = {"md": _notes_md, "html": _notes_html, "docx": _notes_docx, "csv": _notes_csv,
                  "xlsx": _notes_xlsx, "json": _notes_json}[out.suffix[1:]]
        write_atomic(out, lambda tmp: writer(tmp, items))
        log.info("exported %d notes to %s", len(items), out)
        return out

    def export_compare(self, path: str | Path, fmt: str = "xlsx", regions: Sequence[str] | None = None,
                       themes: Sequence[str] | None = None, per_cell: int = 3, *, contained: bool = False) -> Path:
        out = target_path(path, fmt, FORMATS["compare"], "a comparison")
        comp = self.comparer.compare(regions, themes, per_cell=per_cell, contained=contained)
        writer = {"md": compare_writers.write_md, "csv": compare_writers.write_csv, "xlsx": compare_writers.write_xlsx,
                  "docx": compare_writers.write_docx}[out.suffix[1:]]
        # Whatever the layout, every cell and line is made inert afterwards, from the outside.
        after = {".md": _md_file, ".csv": neutralise_csv_file, ".xlsx": neutralise_xlsx_file}.get(out.suffix)
        return write_atomic(out, lambda tmp: writer(tmp, comp), after)

    def export_references(self, path: str | Path, fmt: str = "ris", *, query: str | None = None,
                          **note_filters: Any) -> Path:
        """The documents as references for Zotero/EndNote (RIS or CSL-JSON), the user's notes attached.

        Which documents: a search's (``query``), a note set's (any notes filter), else the library's.
        """
        out = target_path(path, fmt, FORMATS["references"], "references")
        notes = [n for n in self.notes.find(**note_filters) if n.target_kind != "cell" and n.doc_id]
        if query:
            hits = self.library.search(query, limit=100_000).hits
            ids = list(dict.fromkeys(h.doc_id for h in hits))
        elif note_filters:
            ids = list(dict.fromkeys(n.doc_id for n in notes if n.doc_id))
        else:
            ids = [d.id for d in self.library.documents()]
        docs = [d for d in (self.library.document(i) for i in ids) if d is not None]
        by_doc: dict[str, list[Note]] = {}
        for n in notes:
            by_doc.setdefault(n.doc_id or "", []).append(n)
        text = to_ris(docs, by_doc) if out.suffix == ".ris" else to_csl_json(docs, by_doc)
        newline = "\r\n" if out.suffix == ".ris" else "\n"

        def write(tmp: Path) -> None:
            tmp.write_text(text, encoding="utf-8", newline=newline)

        written = write_atomic(out, write)
        log.info("exported %d references to %s", len(docs), out)
        return written

    def export_entities(self, path: str | Path, fmt: str = "csv") -> Path:
        out = target_path(path, fmt, FORMATS["entities"], "entities")
        records = [dataclasses.asdict(e) for e in self.library.entities()]
        return write_atomic(out, lambda tmp: write_records(tmp, records))

    def export_measures(self, path: str | Path, fmt: str = "csv", **filters: Any) -> Path:
        out = target_path(path, fmt, FORMATS["measures"], "measures")
        records = [dataclasses.asdict(m) for m in self.library.measures(**filters)]
        return write_atomic(out, lambda tmp: write_records(tmp, records))


# notes writers ------------------------------------------------------------------------------

Item = tuple[Note, dict[str, str]]


def _stamp() -> str:
    return datetime.now().strftime("%Y-%m-%d %H:%M")


def _notes_md(out: Path, items: Iterable[Item]) -> None:
    e = md_text
    lines = ["# 智库笔记 Zhiku notes", "", f"导出时间：{_stamp()}", ""]
    for i, (n, c) in enumerate(items, 1):
        lines.append(f"## {i}. {e(c['title'] or n.doc_name or '—')}" + (" ⚠ 原文已找不到 (orphaned)" if n.orphaned else ""))
        lines.append("")
        lines += [f"> {e(line)}" for line in (n.quote or "").splitlines() or [""]]
        lines += ["", f"— {e(citation_line(c))}", ""]
        if n.comment:
            lines += ["**评注：** " + e(n.comment).replace("\n", "  \n"), ""]
        if n.tags:
            lines += ["标签：" + " ".join(f"#{e(t)}" for t in n.tags), ""]
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

    from kb.docx_style import apply_cjk_fonts

    d = docx.Document()
    apply_cjk_fonts(d)
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
    save_zip(d, out)


def _xml_safe(text: str) -> str:
    """python-docx refuses XML-illegal control characters; scraped text sometimes has them."""
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", text or "")


NOTE_COLUMNS = ("id", "quote", "comment", "tags", "title", "source", "date", "section", "file", "start", "end",
                "orphaned", "created_at", "updated_at", "url", "reference")


def _note_rows(items: Iterable[Item]) -> list[list[Any]]:
    return [[n.id, n.quote, n.comment, " ".join(n.tags), c["title"], c["source"], c["date"], c["section"], c["file"],
             n.start, n.end, int(n.orphaned), n.created_at, n.updated_at, c["url"], citation_line(c)] for n, c in items]


def _notes_csv(out: Path, items: Iterable[Item]) -> None:
    write_csv(out, NOTE_COLUMNS, _note_rows(items))


def _notes_xlsx(out: Path, items: Iterable[Item]) -> None:
    write_xlsx(out, NOTE_COLUMNS, _note_rows(items), title="Notes")


def _notes_json(out: Path, items: Iterable[Item]) -> None:
    records = [dataclasses.asdict(n) | {"citation": c, "citation_text": citation_line(c)} for n, c in items]
    write_json(out, records)


# comparison writers: the same side-by-side layout in every format live in kb/compare_writers.py


__all__ = ["Exporter", "safe_filename", "target_path", "citation", "citation_line", "EMPTY_CELL"]

"""CLI commands for comparison, notes and exports (registered by ``kb.cli``).

Each handler takes ``(kb, args)`` and returns an exit code; with ``--json`` it prints JSON only.
"""

from __future__ import annotations

import argparse
from typing import Any

from kb.anchors import occurrences
from kb.cli_output import clip, emit, shown
from kb.compare_writers import column_title, sentence_line, summary
from kb.errors import ZhikuError
from kb.export import FORMATS, citation, citation_line, format_list
from kb.models import CompareCell, Comparison


def _cell_text(c: CompareCell, markdown: bool) -> str:
    """A cell as the app's matrix shows it: the user's text, or its strongest sentence with its figures."""
    if c.override or not c.evidence:
        return summary(c)
    text = f"{len(c.evidence)}句/{len(c.measures)}措施 {clip(sentence_line(c.evidence[0].text, c.evidence[0].measures), 60)}"
    return text.replace("|", "\\|") if markdown else text


def _compare_text(comp: Comparison, markdown: bool) -> str:
    titles = [column_title(c) for c in comp.columns]
    if markdown:
        lines = ["| 主题 | " + " | ".join(titles) + " |", "|---" * (len(titles) + 1) + "|"]
    else:
        lines = ["documents: " + "; ".join(f"{t}={len(c.docs)}" for t, c in zip(titles, comp.columns, strict=True))]
    for row in comp.rows:
        cells = [_cell_text(c, markdown) for c in row.cells]
        if markdown:
            lines.append(f"| {row.theme.label} | " + " | ".join(cells) + " |")
        else:
            lines.append(f"{row.theme.label}")
            lines += [f"  {t}: {cell}" for t, cell in zip(titles, cells, strict=True)]
    return "\n".join(lines)


def cmd_compare(kb: Any, args: argparse.Namespace) -> int:
    comp = kb.compare(args.regions or None, args.theme or None, per_cell=args.per_cell, contained=args.with_contained)
    emit(args.json, comp, _compare_text(comp, args.md))
    return 0


def _ambiguous(name: str, body: str, quote: str, starts: list[int]) -> ZhikuError:
    """Which occurrence did the user mean? Say how many there are, and show each in its context."""
    lines = [f"the quote occurs {len(starts)} times in {shown(name)}; choose one with --occurrence N "
             f"(1-{len(starts)}) or --near TEXT (words close to the one you mean):"]
    for n, s in enumerate(starts[:20], 1):
        before, after = body[max(0, s - 15) : s], body[s + len(quote) : s + len(quote) + 15]
        lines.append(f"  {n}: …{clip(before, 30)}【{clip(quote, 40)}】{clip(after, 30)}…")
    return ZhikuError("\n".join(lines))


def cmd_notes_add(kb: Any, args: argparse.Namespace) -> int:
    if args.occurrence is None and args.near is None:
        text = kb.document_text(args.doc)
        starts = occurrences(text.body, args.quote)
        if len(starts) > 1:
            raise _ambiguous(text.doc.name, text.body, args.quote, starts)
    note = kb.add_note(doc=args.doc, quote=args.quote, comment=args.comment or "", tags=args.tag or (),
                       occurrence=args.occurrence, near=args.near).note
    emit(args.json, note, f"note #{note.id} on {shown(note.doc_name)} at {note.start}-{note.end}")
    return 0


def cmd_notes_list(kb: Any, args: argparse.Namespace) -> int:
    notes = kb.notes(tag=args.tag, doc=args.doc, region=args.region, text=args.text)
    lines = []
    for n in notes:
        flag = " [orphaned]" if n.orphaned else ""
        cite = citation_line(citation(n, kb.document(n.doc_id) if n.doc_id else None))
        lines.append(f"#{n.id}{flag} 「{clip(n.quote or n.target_ref or '', 200)}」 — {clip(cite, 200)}")
        if n.comment:
            lines.append(f"    {clip(n.comment, 400)}")
        if n.tags:
            lines.append("    " + " ".join(f"#{shown(t)}" for t in n.tags))
    emit(args.json, notes, "\n".join(lines) or "no notes")
    return 0


def cmd_notes_rm(kb: Any, args: argparse.Namespace) -> int:
    kb.remove_note(args.id)
    emit(args.json, {"removed": args.id}, f"note #{args.id} removed")
    return 0


def cmd_export(kb: Any, args: argparse.Namespace) -> int:
    what, fmt, out = args.what, args.format, args.output
    if fmt not in FORMATS[what]:
        raise ZhikuError(f"cannot export {what} as {fmt!r}: {what} can be exported as {format_list(FORMATS[what])}")
    if what == "notes":
        filters = {k: v for k, v in (("tag", args.tag), ("doc", args.doc)) if v}
        if args.region:
            filters["region"] = args.region[0]
        path = kb.export_notes(out, fmt, **filters)
    elif what == "compare":
        path = kb.export_compare(out, fmt, args.region or None, args.theme or None, contained=args.with_contained)
    elif what == "entities":
        path = kb.export_entities(out, fmt)
    elif what == "references":  # RIS or CSL-JSON: a search's documents, a note set's, else the library's
        notes = {k: v for k, v in (("tag", args.tag), ("doc", args.doc)) if v}
        path = kb.export_references(out, fmt, query=args.query, **notes)
    else:
        path = kb.export_measures(out, fmt, **({"region": args.region[0]} if args.region else {}))
    emit(args.json, {"path": str(path), "what": what, "format": fmt}, f"wrote {shown(str(path))}")
    return 0


def _export_formats_help() -> str:
    return "formats: " + "; ".join(f"{what} {format_list(fmts)}" for what, fmts in FORMATS.items())


def register(sub: Any) -> None:
    """Add ``compare``, ``notes`` and ``export`` to the main parser's subcommands."""
    p = sub.add_parser("compare", help="compare regions theme by theme")
    p.add_argument("regions", nargs="*", metavar="REGION", help="2-5 regions (default: the library's regions with the most documents)")
    p.add_argument("--theme", action="append", help="theme key or label (repeatable; default: all)")
    p.add_argument("--per-cell", type=int, default=3, help="passages per cell")
    p.add_argument("--with-contained", action="store_true",
                   help="含下级: a region's column also shows what a chosen region inside it shows (default: left out)")
    p.add_argument("--md", action="store_true", help="print a Markdown table")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_compare, mode="read")

    notes = sub.add_parser("notes", help="notes on quotes (add, list, rm)")
    nsub = notes.add_subparsers(dest="notes_command", required=True)
    p = nsub.add_parser("add", help="anchor a note on a quote of a document")
    p.add_argument("--doc", required=True, help="document file name or id")
    p.add_argument("--quote", required=True)
    where = p.add_mutually_exclusive_group()
    where.add_argument("--occurrence", type=int, metavar="N", help="the N-th occurrence, when the quote occurs more than once")
    where.add_argument("--near", metavar="TEXT", help="the occurrence closest to TEXT, when the quote occurs more than once")
    p.add_argument("--comment")
    p.add_argument("--tag", action="append", help="repeatable")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_notes_add, mode="write")
    p = nsub.add_parser("list", help="list notes")
    for name in ("tag", "doc", "region", "text"):
        p.add_argument(f"--{name}")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_notes_list, mode="read")
    p = nsub.add_parser("rm", help="delete a note")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_notes_rm, mode="write")

    p = sub.add_parser("export", help="write notes, a comparison, entities, measures or references (RIS, CSL-JSON) to a file",
                       epilog=_export_formats_help())
    p.add_argument("what", choices=tuple(FORMATS))
    p.add_argument("--format", "-f", required=True, choices=sorted({f for fs in FORMATS.values() for f in fs}),
                   help=_export_formats_help())
    p.add_argument("-o", "--output", required=True, help="output file (its folder must exist); written whole or not at all")
    p.add_argument("--region", action="append", help="repeatable; compare uses 2-5")
    p.add_argument("--theme", action="append")
    p.add_argument("--with-contained", action="store_true",
                   help="含下级: a region's column also shows what a chosen region inside it shows (default: left out)")
    p.add_argument("--tag")
    p.add_argument("--doc")
    p.add_argument("--query", help="references: the documents this search finds")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_export, mode="read")

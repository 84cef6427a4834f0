"""CLI commands for comparison, notes and exports (registered by ``kb.cli``).

Each handler takes ``(kb, args)`` and returns an exit code; with ``--json`` it prints JSON only.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

from kb.export import EMPTY_CELL, citation, citation_line
from kb.models import Comparison


def _jsonable(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dict):
        return {str(k): _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set)):
        return [_jsonable(v) for v in obj]
    if isinstance(obj, Path):
        return str(obj)
    return obj


def _emit(args: argparse.Namespace, data: Any, text: str) -> None:
    if getattr(args, "json", False):
        json.dump(_jsonable(data), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(text)


def _compare_text(comp: Comparison, markdown: bool) -> str:
    if markdown:
        lines = ["| 主题 | " + " | ".join(comp.regions) + " |", "|---" * (len(comp.regions) + 1) + "|"]
    else:
        lines = ["documents: " + "; ".join(f"{c.region}={len(c.docs)}" for c in comp.columns)]
    for row in comp.rows:
        cells = []
        for c in row.cells:
            if c.override:
                cells.append(c.override)
            elif c.empty:
                cells.append(EMPTY_CELL)
            else:
                top = (c.hits[0].snippet if c.hits else c.measures[0].text).replace("\n", " ").replace("|", "\\|")
                cells.append(f"{c.count}段/{len(c.measures)}措施 {top[:40]}")
        if markdown:
            lines.append(f"| {row.theme.label} | " + " | ".join(cells) + " |")
        else:
            lines.append(f"{row.theme.label}")
            lines += [f"  {r}: {t}" for r, t in zip(comp.regions, cells, strict=True)]
    return "\n".join(lines)


def cmd_compare(kb: Any, args: argparse.Namespace) -> int:
    comp = kb.compare(args.regions or None, args.theme or None, per_cell=args.per_cell)
    _emit(args, comp, _compare_text(comp, args.md))
    return 0


def cmd_notes_add(kb: Any, args: argparse.Namespace) -> int:
    note = kb.add_note(doc=args.doc, quote=args.quote, comment=args.comment or "", tags=args.tag or ()).note
    _emit(args, note, f"note #{note.id} on {note.doc_name} at {note.start}-{note.end}")
    return 0


def cmd_notes_list(kb: Any, args: argparse.Namespace) -> int:
    notes = kb.notes(tag=args.tag, doc=args.doc, region=args.region, text=args.text)
    lines = []
    for n in notes:
        flag = " [orphaned]" if n.orphaned else ""
        cite = citation_line(citation(n, kb.document(n.doc_id) if n.doc_id else None))
        lines.append(f"#{n.id}{flag} 「{n.quote or n.target_ref or ''}」 — {cite}")
        if n.comment:
            lines.append(f"    {n.comment}")
        if n.tags:
            lines.append("    " + " ".join(f"#{t}" for t in n.tags))
    _emit(args, notes, "\n".join(lines) or "no notes")
    return 0


def cmd_notes_rm(kb: Any, args: argparse.Namespace) -> int:
    kb.remove_note(args.id)
    _emit(args, {"removed": args.id}, f"note #{args.id} removed")
    return 0


def cmd_export(kb: Any, args: argparse.Namespace) -> int:
    what, fmt, out = args.what, args.format, args.output
    if what == "notes":
        filters = {k: v for k, v in (("tag", args.tag), ("doc", args.doc)) if v}
        if args.region:
            filters["region"] = args.region[0]
        path = kb.export_notes(out, fmt, **filters)
    elif what == "compare":
        path = kb.export_compare(out, fmt, args.region or None, args.theme or None)
    elif what == "entities":
        path = kb.export_entities(out, fmt)
    else:
        path = kb.export_measures(out, fmt, **({"region": args.region[0]} if args.region else {}))
    _emit(args, {"path": str(path), "what": what, "format": fmt}, f"wrote {path}")
    return 0


def register(sub: Any) -> None:
    """Add ``compare``, ``notes`` and ``export`` to the main parser's subcommands."""
    p = sub.add_parser("compare", help="compare regions theme by theme")
    p.add_argument("regions", nargs="*", metavar="REGION", help="2-5 regions (default: the library's regions with the most documents)")
    p.add_argument("--theme", action="append", help="theme key or label (repeatable; default: all)")
    p.add_argument("--per-cell", type=int, default=3, help="passages per cell")
    p.add_argument("--md", action="store_true", help="print a Markdown table")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_compare)

    notes = sub.add_parser("notes", help="notes on quotes (add, list, rm)")
    nsub = notes.add_subparsers(dest="notes_command", required=True)
    p = nsub.add_parser("add", help="anchor a note on a quote of a document")
    p.add_argument("--doc", required=True, help="document file name or id")
    p.add_argument("--quote", required=True)
    p.add_argument("--comment")
    p.add_argument("--tag", action="append", help="repeatable")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_notes_add)
    p = nsub.add_parser("list", help="list notes")
    for name in ("tag", "doc", "region", "text"):
        p.add_argument(f"--{name}")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_notes_list)
    p = nsub.add_parser("rm", help="delete a note")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_notes_rm)

    p = sub.add_parser("export", help="write notes, a comparison, entities or measures to a file")
    p.add_argument("what", choices=("notes", "compare", "entities", "measures"))
    p.add_argument("--format", "-f", required=True, choices=("md", "html", "docx", "csv", "xlsx", "json"))
    p.add_argument("-o", "--output", required=True, help="output file (its folder must exist)")
    p.add_argument("--region", action="append", help="repeatable; compare uses 2-5")
    p.add_argument("--theme", action="append")
    p.add_argument("--tag")
    p.add_argument("--doc")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_export)

"""``python -m kb`` / ``zhiku``: everything the GUI can do, from the command line, with ``--json``."""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kb import cli_extra
from kb.errors import ZhikuError

log = logging.getLogger(__name__)


def to_jsonable(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set)):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, Path):
        return str(obj)
    return obj


def emit(args: argparse.Namespace, data: Any, text: str | None = None) -> None:
    if getattr(args, "json", False):
        json.dump(to_jsonable(data), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif text is not None:
        print(text)


def cmd_index(kb: Any, args: argparse.Namespace) -> int:
    def progress(done: int, total: int, name: str) -> None:
        if not args.json and not args.quiet:
            print(f"[{done}/{total}] {name}", file=sys.stderr)

    report = kb.import_paths([Path(p) for p in args.paths], progress=progress, workers=args.workers)
    for failure in report.failed:
        print(f"error: {failure.path}: {failure.reason}", file=sys.stderr)
    lines = [
        f"added {len(report.added)}, replaced {len(report.replaced)}, unchanged {len(report.unchanged)}, "
        f"duplicates {len(report.duplicates)}, failed {len(report.failed)} "
        f"({report.chars} characters in {report.seconds:.2f} s; extraction {report.extract_chars_per_s:,.0f} characters/s)"
    ]
    lines += [f"warning: {w}" for w in report.warnings]
    lines += [f"duplicate: {path} (same content as {other})" for path, other in report.duplicates]
    emit(args, report, "\n".join(lines))
    return 1 if report.failed else 0


def _filters(args: argparse.Namespace) -> dict[str, str]:
    keys = {"region": "region", "doc": "doc", "year": "year", "kind": "kind", "type": "entity_type"}
    return {k: str(getattr(args, a)) for a, k in keys.items() if getattr(args, a, None)}


def cmd_search(kb: Any, args: argparse.Namespace) -> int:
    result = kb.search(args.query, limit=args.limit, filters=_filters(args))
    lines = [f"{result.total} passages match {result.query!r}"]
    for i, hit in enumerate(result.hits, 1):
        snippet = hit.snippet
        for s, e in reversed(hit.snippet_highlights):
            snippet = snippet[:s] + "【" + snippet[s:e] + "】" + snippet[e:]
        where = " · ".join(x for x in (hit.region or "", hit.section) if x)
        lines.append(f"{i:>2}. {hit.title} [{hit.doc} {hit.start}-{hit.end}] {where}\n    {snippet}")
    emit(args, {"query": result.query, "total": result.total, "facets": result.facets,
                "hits": result.hits}, "\n".join(lines))
    return 0


def cmd_docs(kb: Any, args: argparse.Namespace) -> int:
    docs = kb.documents()
    lines = [f"{d.name}  {d.date or '?':10}  {d.kind:14} {'/'.join(d.region_chain) or '-'}  {d.title}" for d in docs]
    emit(args, docs, "\n".join(lines) or "no documents")
    return 0


def cmd_show(kb: Any, args: argparse.Namespace) -> int:
    text = kb.document_text(args.doc)
    removed = [{"start": r.start, "end": r.end, "reason": r.reason, "text": text.raw[r.start : r.end]} for r in text.removed]
    data = dataclasses.asdict(text.doc) | {
        "body": text.body,
        "boilerplate": removed,
        "passages": [dataclasses.asdict(p) for p in text.passages],
        "headings": [list(h) for h in text.headings],
    }
    if args.raw:
        data["raw"] = text.raw
    d = text.doc
    header = f"{d.title}\n{d.date or ''} {d.source or ''} {'/'.join(d.region_chain)} ({d.kind})\n"
    emit(args, data, header + "\n" + (text.raw if args.raw else text.body))
    return 0


def cmd_stats(kb: Any, args: argparse.Namespace) -> int:
    s = kb.stats()
    emit(args, s, f"{s.documents} documents, {s.passages} passages, {s.chars} characters, entities {s.entities}, "
                   f"{s.measures} measures, {s.notes} notes ({s.kb_dir})")
    return 0


def cmd_entities(kb: Any, args: argparse.Namespace) -> int:
    ents = kb.entities(type=args.type, region=args.region, text=args.text)
    emit(args, ents, "\n".join(f"{e.type:10} {e.name}  ({e.mention_count} mentions; {'/'.join(e.region_chain)})"
                               for e in ents) or "no entities")
    return 0


def cmd_entity(kb: Any, args: argparse.Namespace) -> int:
    page = kb.entity(args.name)
    if page is None:
        raise ZhikuError(f"no entity named {args.name!r}")
    e = page.entity
    data = dataclasses.asdict(e) | {
        "links": [dataclasses.asdict(link) for link in page.links],
        "mentions": [dataclasses.asdict(m) for m in page.mentions],
        "measures": [dataclasses.asdict(m) for m in page.measures],
    }
    lines = [f"{e.name} ({e.type}) {'/'.join(e.region_chain)}", f"aliases: {', '.join(e.aliases) or '-'}"]
    lines += [f"  {link.kind}: {link.src_name} -> {link.dst_name}" for link in page.links]
    lines += [f"  [{m.doc} {m.start}-{m.end}] {m.sentence}" for m in page.mentions]
    emit(args, data, "\n".join(lines))
    return 0


def cmd_measures(kb: Any, args: argparse.Namespace) -> int:
    ms = kb.measures(region=args.region, kind=args.kind, theme=args.theme, doc=args.doc)
    emit(args, ms, "\n".join(
        f"{m.kind:12} {m.amount if m.amount is not None else '-'}{m.unit or ''} {m.year or ''} [{m.doc}] {m.text[:60]}"
        for m in ms) or "no measures")
    return 0


def cmd_check(kb: Any, args: argparse.Namespace) -> int:
    report = kb.check(repair=args.repair)
    lines = ["consistent" if report.ok else "problems found:"]
    lines += [f"  problem: {p}" for p in report.problems] + [f"  repaired: {r}" for r in report.repaired]
    emit(args, report, "\n".join(lines))
    return 0 if report.ok else 1


def cmd_backup(kb: Any, args: argparse.Namespace) -> int:
    dest = kb.backup(args.path)
    emit(args, {"backup": str(dest)}, f"backup written to {dest}")
    return 0


def cmd_remove(kb: Any, args: argparse.Namespace) -> int:
    kb.remove_document(args.doc)
    emit(args, {"removed": args.doc}, f"removed {args.doc}")
    return 0


def cmd_correct(kb: Any, args: argparse.Namespace) -> int:
    kb.correct_entity(args.action, args.type, args.name, args.value)
    emit(args, {"corrected": args.name, "action": args.action}, f"{args.action}: {args.name}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="zhiku", description="Zhiku knowledge base of regional policy documents")
    parser.add_argument("--kb", help="knowledge-base directory (default: $ZHIKU_HOME or the user data dir)")
    parser.add_argument("-v", "--verbose", action="store_true")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="machine-readable output")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("index", parents=[common], help="import files or folders")
    p.add_argument("paths", nargs="+")
    p.add_argument("--workers", type=int, default=1, help="processes for cleaning and extraction")
    p.add_argument("-q", "--quiet", action="store_true")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("search", parents=[common], help="full-text search")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=10)
    for name in ("region", "doc", "year", "kind", "type"):
        p.add_argument(f"--{name}")
    p.set_defaults(func=cmd_search)

    sub.add_parser("docs", parents=[common], help="list documents").set_defaults(func=cmd_docs)
    p = sub.add_parser("show", parents=[common], help="show a document (cleaned body)")
    p.add_argument("doc")
    p.add_argument("--raw", action="store_true", help="include the raw text")
    p.set_defaults(func=cmd_show)
    sub.add_parser("stats", parents=[common], help="counts").set_defaults(func=cmd_stats)

    p = sub.add_parser("entities", parents=[common], help="list entities")
    p.add_argument("--type", choices=("region", "park", "enterprise", "platform"))
    p.add_argument("--region")
    p.add_argument("--text")
    p.set_defaults(func=cmd_entities)
    p = sub.add_parser("entity", parents=[common], help="one entity with links and mentions")
    p.add_argument("name")
    p.set_defaults(func=cmd_entity)
    p = sub.add_parser("measures", parents=[common], help="policy measures and targets")
    for name in ("region", "kind", "theme", "doc"):
        p.add_argument(f"--{name}")
    p.set_defaults(func=cmd_measures)
    p = sub.add_parser("correct", parents=[common], help="correct an entity (survives re-import)")
    p.add_argument("action", choices=("rename", "retype", "merge", "delete"))
    p.add_argument("type", choices=("region", "park", "enterprise", "platform"))
    p.add_argument("name")
    p.add_argument("value", nargs="?")
    p.set_defaults(func=cmd_correct)

    p = sub.add_parser("check", parents=[common], help="verify store and index agree")
    p.add_argument("--repair", action="store_true")
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("backup", parents=[common], help="write a consistent copy of the knowledge base")
    p.add_argument("path")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("remove", parents=[common], help="remove a document (its notes stay)")
    p.add_argument("doc")
    p.set_defaults(func=cmd_remove)

    cli_extra.register(sub)
    return parser




def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    from kb.service import KnowledgeBase

    try:
        with KnowledgeBase.open(args.kb) as kb:
            return int(args.func(kb, args))
    except ZhikuError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130

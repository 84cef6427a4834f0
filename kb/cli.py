"""``python -m kb`` / ``zhiku``: everything the GUI can do, from the command line, with ``--json``.

Each command says how it opens the library: ``read`` (read-only: never locks, never writes, so it
never blocks or demotes a writer and works on a full disk), ``write`` (an existing library only)
or ``create`` (``index`` and ``init``: the only commands that make a library where none is).
Exit codes: 0 ok, 1 something failed (a file not imported, a check found problems), 2 an error,
75 a check put off because an import is running, 130 interrupted, 141 output pipe closed.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import logging
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kb import cli_edit, cli_extra
from kb.cli_output import Progress, clip, emit, figure_text, shown, table, to_jsonable
from kb.corrections import ACTIONS, LINK_KINDS, link_value
from kb.errors import ZhikuError
from kb.fileio import describe, is_disk_full
from kb.relations import relations, words

log = logging.getLogger(__name__)

__all__ = ["build_parser", "emit", "main", "to_jsonable"]

EX_TEMPFAIL = 75
EX_PIPE = 141  # 128 + SIGPIPE, as a Unix tool killed by a closed pipe
ENTITY_TYPES = ("region", "park", "enterprise", "platform")
LAYOUT = "layout"  # reason of a removed span that only undid a PDF's layout (kb.ingest.clean)
_NAMED = (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EFBIG)  # OS errors said plainly


def cmd_index(kb: Any, args: argparse.Namespace) -> int:
    progress = Progress(quiet=args.quiet or args.json)
    try:
        report = kb.import_paths([Path(p) for p in args.paths], progress=progress.update, workers=args.workers)
    finally:
        progress.close()
    lines = [
        f"added {len(report.added)}, replaced {len(report.replaced)}, unchanged {len(report.unchanged)}, "
        f"duplicates {len(report.duplicates)}, failed {len(report.failed)} "
        f"({report.chars:,} characters in {report.seconds:.2f} s, "
        f"{_rate(report):.1f} documents/s; extraction {report.extract_chars_per_s:,.0f} characters/s)"
    ]
    lines += [f"warning: {clip(w, 300)}" for w in report.warnings]
    lines += [f"duplicate: {shown(path)} (same content as {shown(other)})" for path, other in report.duplicates]
    emit(args.json, report, "\n".join(lines))
    for failure in report.failed:  # at the end, where a user looks, each with its reason
        print(f"error: {shown(failure.path)}: {clip(failure.reason, 300)}", file=sys.stderr)
    return 1 if report.failed else 0


def cmd_reprocess(kb: Any, args: argparse.Namespace) -> int:
    progress = Progress(quiet=args.quiet or args.json)
    try:
        report = kb.reprocess(args.refs or None, progress=progress.update)
    finally:
        progress.close()
    lines = [f"changed {len(report.changed)}, unchanged {len(report.unchanged)}, skipped {len(report.skipped)}, "
             f"failed {len(report.failed)} ({report.seconds:.2f} s)"]
    lines += [f"warning: {clip(w, 300)}" for w in report.warnings]
    lines += [f"skipped: {shown(name)}: {reason}" for name, reason in report.skipped]
    emit(args.json, report, "\n".join(lines))
    for failure in report.failed:
        print(f"error: {shown(failure.path)}: {clip(failure.reason, 300)}", file=sys.stderr)
    return 1 if report.failed else 0


def _rate(report: Any) -> float:
    done = len(report.added) + len(report.replaced) + len(report.unchanged)
    return done / report.seconds if report.seconds else 0.0


def cmd_init(kb: Any, args: argparse.Namespace) -> int:
    s = kb.stats()
    text = f"library ready in {kb.kb_dir} ({s.documents} documents)"
    emit(args.json, {"kb_dir": str(kb.kb_dir), "documents": s.documents}, text)
    return 0


_FILTER_ARGS = {"region": "region", "doc": "doc", "year": "year", "kind": "kind", "type": "entity_type",
                "issuer": "issuer", "docno": "doc_number"}
MATCH_ZH = {"exact": "原文", "synonym": "同义", "related": "相关词", "words": "同段分词", "document": "同文档"}


def _filters(args: argparse.Namespace) -> dict[str, str]:
    return {k: str(getattr(args, a)) for a, k in _FILTER_ARGS.items() if getattr(args, a, None)}


def _hit_lines(rank: int, hit: Any, grouped: bool = False) -> str:
    snippet = hit.snippet
    for s, e in reversed(hit.snippet_highlights):
        snippet = snippet[:s] + "【" + snippet[s:e] + "】" + snippet[e:]
    where = " · ".join(x for x in (hit.region or "", hit.section) if x)
    how = "" if hit.match == "exact" else f"〔{MATCH_ZH.get(hit.match, hit.match)}：{'、'.join(hit.matched_terms)}〕 "
    title = "" if grouped else f"{clip(hit.title, 80)} "  # grouped: the document's heading names it
    return (f"{rank:>2}. {how}{title}[{shown(hit.doc)} {hit.start}-{hit.end}] {clip(where, 80)}\n"
            f"    {clip(snippet, 400)}")


def cmd_search(kb: Any, args: argparse.Namespace) -> int:
    result = kb.search(args.query, limit=args.limit, filters=_filters(args), by_document=args.by_document,
                       relax="off" if args.exact else "auto")
    lines = [f"{result.total} passages match {result.query!r}"]
    if result.notice:
        lines.append(result.notice)
    doc = None
    for i, hit in enumerate(result.hits, 1):
        if result.by_document and hit.doc_id != doc:  # grouped: each document's heading, then its passages
            doc = hit.doc_id
            lines.append(f"== {clip(hit.title, 80)} [{shown(hit.doc)}] {hit.doc_total} passages")
        lines.append(_hit_lines(i, hit, result.by_document))
    if result.more_hits:
        lines.append(f"同义/相关词结果 ({result.more_total}):")
        lines += [_hit_lines(i, hit) for i, hit in enumerate(result.more_hits, len(result.hits) + 1)]
    if result.suggestions:
        lines.append("try: " + "; ".join(f"{kind} {value} ({n})" for kind, value, n in result.suggestions))
    data = {"query": result.query, "total": result.total, "notice": result.notice, "relaxed": result.relaxed,
            "relaxed_from": result.relaxed_from, "facets": result.facets, "hits": result.hits,
            "more_hits": result.more_hits, "more_total": result.more_total, "suggestions": result.suggestions,
            "by_document": result.by_document}
    emit(args.json, data, "\n".join(lines))
    return 0


def cmd_docs(kb: Any, args: argparse.Namespace) -> int:
    docs = kb.documents()
    rows = [(shown(d.name), d.date or "?", d.kind, "/".join(d.region_chain) or "-", clip(d.title, 60)) for d in docs]
    emit(args.json, docs, table(("file", "date", "kind", "region", "title"), rows) if docs else "no documents")
    return 0


def cmd_show(kb: Any, args: argparse.Namespace) -> int:
    text = kb.document_text(args.doc)
    # Cleaning (boilerplate cut, with its reason) and un-spacing (a PDF's layout spaces and line
    # breaks, reason "layout") are kept apart, so that a script can count what the cleaner removed.
    removed = [{"start": r.start, "end": r.end, "reason": r.reason, "text": text.raw[r.start : r.end]}
               for r in text.removed if r.reason != LAYOUT]
    layout = [[r.start, r.end] for r in text.removed if r.reason == LAYOUT]
    data = to_jsonable(text.doc) | {
        "body": text.body,
        "removed": removed,
        "boilerplate": removed,  # the name before ``layout`` was split off; kept for existing scripts
        "layout": {"count": len(layout), "spans": layout},
        "passages": to_jsonable(text.passages),
        "headings": [list(h) for h in text.headings],
    }
    if args.raw:
        data["raw"] = text.raw
    d = text.doc
    header = f"{clip(d.title, 200)}\n{d.date or ''} {clip(d.source or '', 80)} {'/'.join(d.region_chain)} ({d.kind})\n"
    emit(args.json, data, header + "\n" + (text.raw if args.raw else text.body))
    return 0


def cmd_stats(kb: Any, args: argparse.Namespace) -> int:
    s = kb.stats()
    rows: list[tuple[str, Any]] = [("documents", s.documents), ("passages", s.passages), ("characters", s.chars),
                                   ("entities", sum(s.entities.values()))]
    rows += [(f"  {t}", n) for t, n in sorted(s.entities.items(), key=lambda kv: -kv[1])]
    rows += [("measures", s.measures), ("notes", s.notes)]
    text = table(("", ""), rows, right=(1,)).split("\n", 1)[1] + f"\nlibrary     {s.kb_dir}"
    emit(args.json, s, text)
    return 0


def cmd_entities(kb: Any, args: argparse.Namespace) -> int:
    ents = kb.entities(type=args.type, region=args.region, text=args.text)
    rows = [(e.type, clip(e.name, 40), e.mention_count, "/".join(e.region_chain) or "-") for e in ents]
    emit(args.json, ents, table(("type", "name", "mentions", "region"), rows, right=(2,)) if ents else "no entities")
    return 0


def cmd_entity(kb: Any, args: argparse.Namespace) -> int:
    page = kb.entity(args.name)
    if page is None:
        raise ZhikuError(f"no entity named {args.name!r}")
    e = page.entity
    rels = relations(page.links, e.id)
    data = to_jsonable(e) | {"links": to_jsonable(page.links), "mentions": to_jsonable(page.mentions),
                             "measures": to_jsonable(page.measures), "placed": page.placed,
                             "relations": [_relation_json(r) for r in rels],
                             "documents": to_jsonable(page.documents), "mention_regions": list(page.mention_regions)}
    emit(args.json, data, "\n".join(_entity_lines(page, rels, args.lang)))
    return 0


def _relation_json(r: Any) -> dict[str, Any]:
    return {"relation": r.key, "words": {"zh": words(r.key, "zh"), "en": words(r.key, "en")}, "id": r.other_id,
            "name": r.other_name, "type": r.other_type, "weight": r.weight, "sentence": r.sentence, "doc": r.doc}


def _entity_lines(page: Any, rels: list[Any], lang: str) -> list[str]:
    """Relations in words, each with the sentence that states it; an unplaced entity's documents."""
    e = page.entity
    en = lang == "en"
    place = "/".join(e.region_chain) or ("not placed" if en else "未定位")
    lines = [f"{e.name} ({e.type}) {place}", f"{'aliases' if en else '别名'}: {'、'.join(e.aliases) or '-'}"]
    by_key: dict[str, list[Any]] = {}
    for r in rels:
        by_key.setdefault(r.key, []).append(r)
    for key, group in by_key.items():
        shown_names = [r.other_name for r in group[:12]]
        more = f" (+{len(group) - 12})" if len(group) > 12 else ""
        lines.append(f"{words(key, lang)}: {'、'.join(shown_names)}{more}")
        if key != "co_mention":
            lines += [f"    {r.other_name}: {clip(' '.join(r.sentence.split()), 160)} [{shown(r.doc or '')}]"
                      for r in group if r.sentence]
    if not page.placed and page.documents:
        label = "mentioned in documents about (not its place)" if en else "提及地区（提及它的文档所属地区，非所在地）"
        lines.append(f"{label}: {'、'.join(page.mention_regions) or '-'}")
    title = "documents mentioning it" if en else "提及文档"
    lines.append(f"{title}:")
    lines += [f"  《{clip(d.title, 60)}》 {d.date or '-'} {'/'.join(d.region_chain) or '-'} ×{d.count}"
              for d in page.documents]
    return lines


def cmd_measures(kb: Any, args: argparse.Namespace) -> int:
    ms = kb.measures(region=args.region, kind=args.kind, theme=args.theme, doc=args.doc)
    rows = [(m.region or "-", str(m.year or "-"), m.theme or "-", m.kind, figure_text(m) or "-", shown(m.doc),
             clip(m.text, 50)) for m in ms]
    text = table(("region", "year", "theme", "kind", "figure", "file", "text"), rows) if ms else "no measures"
    emit(args.json, ms, text)
    return 0


def cmd_check(kb: Any, args: argparse.Namespace) -> int:
    report = kb.check(repair=args.repair)
    writer = report.counts.get("writer_pid")
    if writer is not None and report.ok:
        emit(args.json, report, f"an import is running (Zhiku pid {writer} is writing to this library): store and "
                                "index are compared once it has finished; check again then")
        return EX_TEMPFAIL
    lines = ["consistent" if report.ok else "problems found:"]
    lines += [f"  problem: {p}" for p in report.problems] + [f"  repaired: {r}" for r in report.repaired]
    emit(args.json, report, "\n".join(lines))
    return 0 if report.ok else 1


def cmd_backup(kb: Any, args: argparse.Namespace) -> int:
    dest = kb.backup(args.path)
    emit(args.json, {"backup": str(dest)}, f"backup written to {shown(str(dest))}")
    return 0


def cmd_remove(kb: Any, args: argparse.Namespace) -> int:
    kb.remove_document(args.doc)
    emit(args.json, {"removed": args.doc}, f"removed {shown(args.doc)}")
    return 0


def cmd_correct(kb: Any, args: argparse.Namespace) -> int:
    value = args.value
    if args.action == "unlink" and args.kind:
        if not (args.target_type and value):
            raise ZhikuError("unlink --kind K needs --target-type T and the target's name")
        value = link_value(args.kind, args.target_type, value)
    changes = kb.correct_entity(args.action, args.type, args.name, value)
    data = {"corrected": args.name, "action": args.action, "value": value, "entities": list(changes.entities),
            "entity_id": changes.entity_id}
    emit(args.json, data, f"{args.action}: {args.name}" + (f" ({value})" if value else ""))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="zhiku", description="Zhiku knowledge base of regional policy documents",
                                     epilog="exit codes: 0 ok; 1 a file failed or a check found problems; 2 error; "
                                            "75 check put off while an import runs")
    parser.add_argument("--kb", help="knowledge-base directory (default: $ZHIKU_HOME or the user data dir)")
    parser.add_argument("-v", "--verbose", action="store_true")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="machine-readable output")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("init", parents=[common], help="create an empty library (index also creates one)")
    p.set_defaults(func=cmd_init, mode="create")
    p = sub.add_parser("index", parents=[common], help="import files or folders (creates the library if needed)")
    p.add_argument("paths", nargs="+")
    p.add_argument("--workers", type=int, default=None,
                   help="processes for cleaning and extraction (default: as many as the machine has, bounded)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress")
    p.set_defaults(func=cmd_index, mode="create")

    p = sub.add_parser("reprocess", parents=[common],
                       help="read the kept originals again with today's readers (all documents, or REF...)")
    p.add_argument("refs", nargs="*", metavar="REF", help="document id, id prefix or file name")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress")
    p.set_defaults(func=cmd_reprocess, mode="write")

    p = sub.add_parser("search", parents=[common], help="full-text search")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=10)
    for name in _FILTER_ARGS:
        p.add_argument(f"--{name}")
    p.add_argument("--by-document", action="store_true", help="one row per document, its best passages under it")
    p.add_argument("--exact", action="store_true", help="verbatim matches only (no thesaurus or related words)")
    p.set_defaults(func=cmd_search, mode="read")

    sub.add_parser("docs", parents=[common], help="list documents").set_defaults(func=cmd_docs, mode="read")
    p = sub.add_parser("show", parents=[common], help="show a document (cleaned body); a name may start with '-'")
    p.add_argument("doc", nargs="?")
    p.add_argument("--raw", action="store_true", help="include the raw text")
    p.set_defaults(func=cmd_show, mode="read", positional="doc")
    sub.add_parser("stats", parents=[common], help="counts").set_defaults(func=cmd_stats, mode="read")

    p = sub.add_parser("entities", parents=[common], help="list entities")
    p.add_argument("--type", choices=ENTITY_TYPES)
    p.add_argument("--region")
    p.add_argument("--text")
    p.set_defaults(func=cmd_entities, mode="read")
    p = sub.add_parser("entity", parents=[common], help="one entity: its relations in words, with their sentences")
    p.add_argument("name", nargs="?")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the relation words")
    p.set_defaults(func=cmd_entity, mode="read", positional="name")
    p = sub.add_parser("measures", parents=[common], help="policy measures and targets, figures as written")
    for name in ("region", "kind", "theme", "doc"):
        p.add_argument(f"--{name}")
    p.set_defaults(func=cmd_measures, mode="read")
    _add_upkeep(sub, common)
    cli_extra.register(sub)
    cli_edit.register(sub)
    return parser


def _add_upkeep(sub: Any, common: argparse.ArgumentParser) -> None:
    """Corrections, consistency, backups and removal."""
    p = sub.add_parser("correct", parents=[common], help="correct an entity (survives re-import)",
                       epilog="unplace NAME [PLACE]: not located in PLACE (none: anywhere); "
                              "unlink NAME KIND:TYPE:TARGET (or TARGET --kind KIND --target-type TYPE): remove that link")
    p.add_argument("action", choices=ACTIONS)
    p.add_argument("type", choices=ENTITY_TYPES)
    p.add_argument("name")
    p.add_argument("value", nargs="?")
    p.add_argument("--kind", choices=LINK_KINDS, help="unlink: the kind of link")
    p.add_argument("--target-type", choices=ENTITY_TYPES, help="unlink: the type of the entity at the other end")
    p.set_defaults(func=cmd_correct, mode="write")

    p = sub.add_parser("check", parents=[common], help="verify store and index agree (read-only without --repair)")
    p.add_argument("--repair", action="store_true", help="finish or undo what a crash left behind")
    p.set_defaults(func=cmd_check, mode="read")
    p = sub.add_parser("backup", parents=[common], help="write a consistent copy of the knowledge base")
    p.add_argument("path")
    p.set_defaults(func=cmd_backup, mode="write")
    p = sub.add_parser("remove", parents=[common], help="remove a document (its notes stay)")
    p.add_argument("doc", nargs="?")
    p.set_defaults(func=cmd_remove, mode="write", positional="doc")


def parse(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse, accepting a document name that starts with ``-`` where a command takes one (``show -x.txt``)."""
    args, extras = parser.parse_known_args(argv)
    slot = getattr(args, "positional", None)
    if slot and getattr(args, slot) is None and len(extras) == 1:
        setattr(args, slot, extras.pop())
    if extras:
        parser.error(f"unrecognized arguments: {' '.join(map(shown, extras))}")
    if slot and getattr(args, slot) is None:
        parser.error(f"{args.command}: the following arguments are required: {slot}")
    if getattr(args, "repair", False):
        args.mode = "write"
    return args


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parse(parser, argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    previous, sys.unraisablehook = sys.unraisablehook, _after_error
    try:
        return _run(args)
    except BrokenPipeError:
        return _pipe_closed()
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    finally:
        sys.unraisablehook = previous


def _run(args: argparse.Namespace) -> int:
    from kb.service import KnowledgeBase

    try:
        with KnowledgeBase.open(args.kb, readonly=args.mode == "read", create=args.mode == "create") as kb:
            return int(args.func(kb, args))
    except ZhikuError as exc:
        return _fail(str(exc))
    except BrokenPipeError:
        raise
    except OSError as exc:
        if exc.errno in _NAMED:
            return _fail(str(describe(exc, exc.filename or args.kb or "the library")))
        raise
    except sqlite3.OperationalError as exc:
        if is_disk_full(exc):
            return _fail(f"the disk is full: {exc} (free some space and run the command again)")
        raise


def _after_error(unraisable: Any) -> None:
    """A file object collected after a write already failed (a full disk) complains a second time while
    it closes: the error was reported once, so this echo is only logged."""
    exc = unraisable.exc_value
    if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError) and exc.errno in _NAMED:
        log.debug("after the error: %r", exc)
        return
    sys.__unraisablehook__(unraisable)


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def _pipe_closed() -> int:
    """The reader went away (``| head``): stop quietly, as Unix tools do."""
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    return EX_PIPE

"""CLI commands for what the app's dialogs edit: comparison themes (the matrix rows), the user's text
for a comparison cell, and the policy thesaurus (registered by ``kb.cli``).

Each handler takes ``(kb, args)`` and returns an exit code; with ``--json`` it prints JSON only.
"""

from __future__ import annotations

import argparse
from typing import Any

from kb.cli_output import clip, emit, table
from kb.models import Changes

RELATIONS = ("synonym", "related")


def _changed(args: argparse.Namespace, changes: Changes, text: str) -> int:
    emit(args.json, changes, text)
    return 0


def cmd_themes_list(kb: Any, args: argparse.Namespace) -> int:
    themes = kb.themes()
    rows = [(t.key, t.label, t.query, "、".join(t.measure_themes)) for t in themes]
    emit(args.json, themes, table(("key", "label", "query", "measure themes"), rows) if rows else "no themes")
    return 0


def cmd_themes_add(kb: Any, args: argparse.Namespace) -> int:
    changes = kb.add_theme(args.label, args.query, args.measure_theme or (), key=args.key)
    return _changed(args, changes, f"theme {changes.theme.key if changes.theme else args.label} added")


def cmd_themes_edit(kb: Any, args: argparse.Namespace) -> int:
    values: dict[str, Any] = {k: v for k, v in (("label", args.label), ("query", args.query)) if v is not None}
    if args.measure_theme is not None:
        values["measure_themes"] = args.measure_theme
    if args.position is not None:
        values["position"] = args.position
    changes = kb.update_theme(kb.theme(args.key).key, **values)
    return _changed(args, changes, f"theme {args.key} updated")


def cmd_themes_rm(kb: Any, args: argparse.Namespace) -> int:
    return _changed(args, kb.remove_theme(kb.theme(args.key).key), f"theme {args.key} removed")


def cmd_themes_reset(kb: Any, args: argparse.Namespace) -> int:
    return _changed(args, kb.reset_themes(), "themes reset to the shipped set")


def cmd_cell(kb: Any, args: argparse.Namespace) -> int:
    changes = kb.set_cell_override(args.region, args.theme, args.text)
    said = "removed" if not args.text.strip() else "set"
    return _changed(args, changes, f"cell {args.region} × {args.theme}: your text {said}")


def cmd_thesaurus_list(kb: Any, args: argparse.Namespace) -> int:
    groups = kb.thesaurus_groups()
    if args.find:
        groups = [g for g in groups if any(args.find in t for t in g.terms) or args.find in g.note]
    if args.json:
        emit(True, {"groups": groups, "sources": kb.thesaurus_sources()})
        return 0
    rows = [(g.id, g.relation, "" if g.enabled else "off", g.origin, clip("、".join(g.terms), 60)) for g in groups]
    print(table(("id", "relation", "", "origin", "terms"), rows) if rows else "no groups")
    return 0


def cmd_thesaurus_add(kb: Any, args: argparse.Namespace) -> int:
    changes = kb.add_thesaurus_group(args.terms, args.relation, args.note or "")
    return _changed(args, changes, "group added")


def cmd_thesaurus_edit(kb: Any, args: argparse.Namespace) -> int:
    changes = kb.update_thesaurus_group(args.id, terms=args.terms or None, relation=args.relation, note=args.note)
    return _changed(args, changes, f"group {args.id} updated")


def cmd_thesaurus_switch(kb: Any, args: argparse.Namespace) -> int:
    on = args.thesaurus_command == "enable"
    changes = kb.set_thesaurus_group_enabled(args.id, on)
    return _changed(args, changes, f"group {args.id} {'on' if on else 'off'}")


def cmd_thesaurus_rm(kb: Any, args: argparse.Namespace) -> int:
    return _changed(args, kb.remove_thesaurus_group(args.id), f"group {args.id} removed")


def cmd_thesaurus_reset(kb: Any, args: argparse.Namespace) -> int:
    return _changed(args, kb.reset_thesaurus_group(args.id), f"group {args.id} back to the shipped terms")


def _themes(sub: Any) -> None:
    themes = sub.add_parser("themes", help="the comparison's theme rows (list, add, edit, rm, reset)")
    tsub = themes.add_subparsers(dest="themes_command", required=True)
    p = tsub.add_parser("list", help="list themes")
    p.set_defaults(func=cmd_themes_list, mode="read")
    p = tsub.add_parser("add", help="add a theme: a label and the search query that finds its passages")
    p.add_argument("label")
    p.add_argument("query")
    p.add_argument("--key", help="a short key (default: made from the label)")
    p.add_argument("--measure-theme", action="append", help="a measure theme or kind:<kind> (repeatable)")
    p.set_defaults(func=cmd_themes_add, mode="write")
    p = tsub.add_parser("edit", help="change a theme's label, query, measure themes or position")
    p.add_argument("key", help="theme key or label")
    p.add_argument("--label")
    p.add_argument("--query")
    p.add_argument("--measure-theme", action="append")
    p.add_argument("--position", type=int)
    p.set_defaults(func=cmd_themes_edit, mode="write")
    p = tsub.add_parser("rm", help="remove a theme")
    p.add_argument("key", help="theme key or label")
    p.set_defaults(func=cmd_themes_rm, mode="write")
    tsub.add_parser("reset", help="back to the shipped themes").set_defaults(func=cmd_themes_reset, mode="write")
    p = sub.add_parser("cell", help="your own text for one comparison cell (empty text removes it)")
    p.add_argument("region")
    p.add_argument("theme", help="theme key or label")
    p.add_argument("text")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_cell, mode="write")
    for p in tsub.choices.values():
        p.add_argument("--json", action="store_true", help="machine-readable output")


def _thesaurus(sub: Any) -> None:
    thes = sub.add_parser("thesaurus", help="the policy thesaurus search expands with (list, add, edit, enable, "
                                            "disable, rm, reset)")
    tsub = thes.add_subparsers(dest="thesaurus_command", required=True)
    p = tsub.add_parser("list", help="list groups")
    p.add_argument("--find", help="only groups with a term or note containing this")
    p.set_defaults(func=cmd_thesaurus_list, mode="read")
    p = tsub.add_parser("add", help="add a group of terms")
    p.add_argument("terms", nargs="+")
    p.add_argument("--relation", choices=RELATIONS, default="synonym")
    p.add_argument("--note")
    p.set_defaults(func=cmd_thesaurus_add, mode="write")
    p = tsub.add_parser("edit", help="replace a group's terms, relation or note")
    p.add_argument("id")
    p.add_argument("terms", nargs="*")
    p.add_argument("--relation", choices=RELATIONS)
    p.add_argument("--note")
    p.set_defaults(func=cmd_thesaurus_edit, mode="write")
    for name, text in (("enable", "switch a group on"), ("disable", "switch a group off (kept, not used)")):
        p = tsub.add_parser(name, help=text)
        p.add_argument("id")
        p.set_defaults(func=cmd_thesaurus_switch, mode="write")
    p = tsub.add_parser("rm", help="remove a group (a shipped one is switched off; reset brings it back)")
    p.add_argument("id")
    p.set_defaults(func=cmd_thesaurus_rm, mode="write")
    p = tsub.add_parser("reset", help="undo your changes to a shipped group")
    p.add_argument("id")
    p.set_defaults(func=cmd_thesaurus_reset, mode="write")
    for p in tsub.choices.values():
        p.add_argument("--json", action="store_true", help="machine-readable output")


def register(sub: Any) -> None:
    """Add ``themes``, ``cell`` and ``thesaurus`` to the main parser's subcommands."""
    _themes(sub)
    _thesaurus(sub)

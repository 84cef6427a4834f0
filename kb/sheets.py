"""Tables for spreadsheets (CSV, XLSX, JSON), with every text cell safe to open.

Why neutralise: a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
is a formula to Excel and LibreOffice (OWASP "CSV injection"), and Chinese input methods type the
full-width ``＝＋－＠`` that spreadsheets also accept. Titles, quotes, notes and file names come
from documents and users, so each such cell gets a leading apostrophe, the spreadsheet convention
for "this is text". Numbers stay numbers. XLSX text cells are written as strings, never formulas.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def neutralise(value: Any) -> Any:
    """``value`` as a spreadsheet shows it literally: text that could start a formula gets a ``'``."""
    if isinstance(value, str) and value.startswith(TRIGGERS):
        return "'" + value
    return value


def flat(value: Any) -> Any:
    """One cell from a record's value: lists joined, None empty."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "；".join(map(str, value))
    return value


def write_csv(out: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """UTF-8 with a byte-order mark (Excel then reads Chinese correctly); every cell neutralised."""
    with out.open("w", newline="", encoding="utf-8-sig") as fh:
        w = csv.writer(fh)
        w.writerow([neutralise(h) for h in header])
        for row in rows:
            w.writerow([neutralise(flat(v)) for v in row])


def write_xlsx(out: Path, header: Sequence[str], rows: Iterable[Sequence[Any]], title: str = "Sheet1") -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = title
    for r, row in enumerate([header, *rows], start=1):
        for c, value in enumerate(row, start=1):
            set_cell(ws.cell(row=r, column=c), flat(value))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    save_zip(wb, out)


def set_cell(cell: Any, value: Any) -> None:
    """Put ``value`` in an openpyxl cell as a number or as plain text, never as a formula."""
    if isinstance(value, str):
        cell.value = neutralise(_XML_ILLEGAL.sub("", value))
        cell.data_type = "s"
    else:
        cell.value = value


def save_zip(document: Any, out: Path) -> None:
    """Save an openpyxl workbook or python-docx document (zip files) through memory, then write the bytes:
    a zip writer that fails on a full disk would otherwise be left open and complain again when collected."""
    buf = io.BytesIO()
    document.save(buf)
    out.write_bytes(buf.getvalue())


def write_json(out: Path, records: list[dict[str, Any]]) -> None:
    out.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")


def write_records(out: Path, records: list[dict[str, Any]]) -> None:
    """Records (dicts with the same keys) as the file's format says: csv, xlsx or json."""
    if out.suffix == ".json":
        write_json(out, records)
        return
    header = list(records[0]) if records else []
    rows = [list(r.values()) for r in records]
    (write_xlsx if out.suffix == ".xlsx" else write_csv)(out, header, rows)


def neutralise_csv_file(path: Path) -> None:
    """Rewrite a CSV written elsewhere so that every cell is neutralised (same layout, same encoding)."""
    with path.open(newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    with path.open("w", newline="", encoding="utf-8-sig") as fh:
        csv.writer(fh).writerows([neutralise(v) for v in row] for row in rows)


def neutralise_xlsx_file(path: Path) -> None:
    """Rewrite a workbook written elsewhere: no formulas, every text cell neutralised."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    changed = False
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, str) and (cell.data_type == "f" or value.startswith(TRIGGERS)):
                    set_cell(cell, value)
                    changed = True
    if changed:
        save_zip(wb, path)

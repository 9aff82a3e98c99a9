"""`main.py export FILE --format xlsx,docx,pdf --out DIR`."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional, TextIO


from .documents import load_document
from .errors import writing

EXIT_OK, EXIT_UNREADABLE, EXIT_UNWRITABLE = 0, 2, 3


def run(file: str, formats: str, out: Optional[str], stdout: Optional[TextIO] = None,
        stderr: Optional[TextIO] = None) -> int:
    stdout, stderr = stdout or sys.stdout, stderr or sys.stderr  # looked up now: tests swap them
    from exporters import ExportError, export, parse_formats
    try:
        wanted = parse_formats(formats)
    except ExportError as error:
        stderr.write(f"错误：{error}\n")
        return EXIT_UNREADABLE
    from exporters.common import collector_paused
    with collector_paused():  # reading builds many small objects too (see collector_paused)
        doc = load_document(file, stderr)
    if doc is None:
        return EXIT_UNREADABLE
    folder = Path(out) if out else Path(file).resolve().parent
    try:
        with writing(ExportError):  # an unforeseen failure of a writer exits with 3 (output), not 2
            paths = export(doc, wanted, folder)
    except ExportError as error:
        stderr.write(f"导出失败：{error}\n")
        return EXIT_UNWRITABLE
    for path in paths:
        stdout.write(f"{path}\n")
    return EXIT_OK

"""`main.py export FILE --format xlsx,docx,pdf --out DIR`."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional, TextIO

from model import storage

EXIT_OK, EXIT_UNREADABLE, EXIT_UNWRITABLE = 0, 2, 3


def run(file: str, formats: str, out: Optional[str], stdout: TextIO = sys.stdout, stderr: TextIO = sys.stderr) -> int:
    from exporters import ExportError, export, parse_formats
    try:
        wanted = parse_formats(formats)
    except ExportError as error:
        stderr.write(f"错误：{error}\n")
        return EXIT_UNREADABLE
    from exporters.common import collector_paused
    try:
        with collector_paused():  # reading builds many small objects too (see collector_paused)
            doc = storage.load(file)
    except storage.DocumentError as error:
        stderr.write(f"无法读取 {file}：{error}\n")
        return EXIT_UNREADABLE
    folder = Path(out) if out else Path(file).resolve().parent
    try:
        paths = export(doc, wanted, folder)
    except ExportError as error:
        stderr.write(f"导出失败：{error}\n")
        return EXIT_UNWRITABLE
    for path in paths:
        stdout.write(f"{path}\n")
    return EXIT_OK

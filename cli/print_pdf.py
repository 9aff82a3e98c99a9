"""`main.py print FILE --pdf OUT.pdf`: the window's own 打印 (QPainter, ui/printing.py) into a PDF file.

The same code as 打印 and 打印预览, not the reportlab writer of `export`, so what the window prints can
be looked at and tested without a printer or a display. Exit codes as `export`: 0 printed, 2 the
document cannot be read (or holds no form), 3 the PDF cannot be written.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Optional, TextIO

from .display import has_display
from .documents import load_document
from .outputs import wrong_kind

EXIT_OK, EXIT_UNREADABLE, EXIT_UNWRITABLE = 0, 2, 3


def run(file: str, pdf: str, stdout: Optional[TextIO] = None, stderr: Optional[TextIO] = None) -> int:
    stdout, stderr = stdout or sys.stdout, stderr or sys.stderr  # looked up now: tests and the bundle swap them
    from model import storage
    from model.layout import build_layouts
    if wrong_kind(pdf, ".pdf", "--pdf", "打印.pdf", stderr):
        return EXIT_UNREADABLE
    doc = load_document(file, stderr)
    if doc is None:
        return EXIT_UNREADABLE
    layouts = build_layouts(doc)
    if not layouts:
        stderr.write(f"{file} 中没有可打印的表\n")
        return EXIT_UNREADABLE
    if not has_display():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtPrintSupport import QPrinter

    from ui.app import create_app
    from ui.printing import paint_layouts
    from ui.qt_messages import quiet_platform_notes
    create_app()
    quiet_platform_notes()
    target = Path(pdf)
    with tempfile.TemporaryDirectory(prefix="jxzp-print-") as folder:
        scratch = Path(folder) / "print.pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(scratch))
        printer.setDocName(f"{doc.unit.name} {doc.unit.year}年度绩效自评")
        printer.setCreator("绩效自评填报")
        try:
            pages = paint_layouts(printer, layouts)
        except RuntimeError as error:
            stderr.write(f"打印失败：{error}\n")
            return EXIT_UNWRITABLE
        del printer  # the file is complete once the painter has ended
        payload = scratch.read_bytes() if scratch.is_file() else b""
    if not payload.startswith(b"%PDF"):
        stderr.write("打印失败：未能生成 PDF\n")
        return EXIT_UNWRITABLE
    try:
        storage.write_atomic(target, payload)  # never a half-written file
    except storage.DocumentError as error:
        stderr.write(f"打印失败：{str(error).replace('无法保存', '无法写入')}\n")
        return EXIT_UNWRITABLE
    stdout.write(f"{target}（{pages} 页）\n")
    return EXIT_OK

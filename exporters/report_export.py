"""Writing the reports beside the forms: 单位-年度年度整体支出绩效自评报告.docx/.pdf and the 项目 reports' file.

The 整体 report is one file; every project's report goes into one 项目支出绩效自评报告 file, each from a new
page. Only reports with text are written, and only as docx and pdf (the xlsx holds no report).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from model.document import Document
from model.report import OVERALL, PROJECT, REPORT_KINDS

from .common import output_stem
from .report_layout import file_kinds, printed_reports, report_blocks

REPORT_FORMATS = ("docx", "pdf")


def report_stem(doc: Document, kind: str) -> str:
    """某单位-2024年度整体支出绩效自评报告 (the forms' file is 某单位-2024年度绩效自评)."""
    return f"{output_stem(doc).removesuffix('绩效自评')}{REPORT_KINDS[kind]}"


def _writer(fmt: str):
    if fmt == "docx":
        from .report_docx import write_report_docx
        return write_report_docx
    from .report_pdf import write_report_pdf
    return write_report_pdf


def write_reports(doc: Document, formats: Iterable[str], folder: Path) -> list[Path]:
    """Write the report files of the wanted formats into ``folder``; the paths written."""
    written = []
    for kind in file_kinds(doc):
        reports = printed_reports(doc, kind)
        blocks = report_blocks(reports)
        title = reports[0].title.replace("\n", "") if kind == OVERALL else (
            f"{doc.unit.name.strip()}{doc.unit.year}年度{REPORT_KINDS[PROJECT]}")
        for fmt in formats:
            if fmt in REPORT_FORMATS:
                written.append(_writer(fmt)(blocks, title, folder / f"{report_stem(doc, kind)}.{fmt}"))
    return written

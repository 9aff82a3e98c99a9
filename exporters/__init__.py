"""Writers of the form layouts to .xlsx, .docx and .pdf (no Qt import)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Optional

from model.document import Document
from model.evaluation import Evaluation, scores
from model.oserrors import os_reason

from .common import FORMATS, ExportError, collector_paused, output_stem

__all__ = ["FORMATS", "ExportError", "export", "output_stem", "parse_formats"]


def parse_formats(text: str) -> list[str]:
    """'xlsx,docx,pdf' → ['xlsx', 'docx', 'pdf'] (also 'all'); ExportError for anything else."""
    wanted = [part.strip().lower().lstrip(".") for part in text.replace("，", ",").split(",") if part.strip()]
    if wanted == ["all"]:
        return list(FORMATS)
    unknown = [part for part in wanted if part not in FORMATS]
    if unknown or not wanted:
        raise ExportError(f"无法识别的导出格式：{'、'.join(unknown) or '（空）'}；可选 xlsx、docx、pdf，用逗号分隔")
    return list(dict.fromkeys(wanted))


def _writer(fmt: str):
    if fmt == "xlsx":
        from .xlsx import write_xlsx
        return write_xlsx
    if fmt == "docx":
        from .docx import write_docx
        return write_docx
    from .pdf import write_pdf
    return write_pdf


def export(doc: Document, formats: Iterable[str], folder: str | os.PathLike,
           evaluation: Optional[Evaluation] = None) -> list[Path]:
    """Write each format into ``folder`` as 单位-年度绩效自评.<ext>; returns the paths written.

    The folder is created if missing. Each file is written atomically, so a failure leaves the
    files already written complete and no partial file behind.
    """
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise ExportError(f"“{target}”是一个文件，不是文件夹；请给出导出到的文件夹")
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(f"无法创建导出文件夹“{target}”：{os_reason(error)}") from None
    if not target.is_dir():
        raise ExportError(f"“{target}”不是文件夹")
    from model.layout import build_layouts
    with collector_paused():
        evaluation = evaluation or scores(doc)  # the forms print scores and figures, never the findings
        layouts = build_layouts(doc, evaluation)  # laid out (widths fitted, pages planned) once for all formats
        stem = output_stem(doc)
        written = [_writer(fmt)(doc, target / f"{stem}.{fmt}", evaluation, layouts) for fmt in formats]
    from .report_export import write_reports  # 自评报告 beside the forms, when the document has report text
    return written + write_reports(doc, formats, target)

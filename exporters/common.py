"""What the three exporters share: output names, safe writing, text fitting."""
from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path
from typing import Callable

from model.document import Document
from model.sanitize import printable
from model.storage import DocumentError, write_atomic

FORMATS = {"xlsx": "Excel", "docx": "Word", "pdf": "PDF"}


class ExportError(Exception):
    """An export that could not be written; ``str(error)`` is the Chinese explanation."""


def output_stem(doc: Document) -> str:
    """File name (no extension) named after unit and year: 某单位-2024年度绩效自评."""
    name = re.sub(r'[\\/:*?"<>|\r\n\t]+', "_", printable(doc.unit.name).strip()) or "未命名单位"
    return f"{name[:60]}-{doc.unit.year}年度绩效自评"


def write_output(path: Path, render: Callable[[io.BytesIO], None]) -> Path:
    """Render into memory, then write atomically: the target is never left half-written."""
    buffer = io.BytesIO()
    render(buffer)
    try:
        write_atomic(path, buffer.getvalue())
    except DocumentError as error:
        raise ExportError(str(error).replace("无法保存", "无法导出")) from None
    return path


def char_width_em(char: str) -> float:
    """Width of a character in ems: CJK and full-width 1, Latin and digits about 0.5."""
    return 1.0 if unicodedata.east_asian_width(char) in ("W", "F", "A") else 0.55


def text_lines(text: str, width_mm: float, size_pt: float, padding_mm: float = 2.0) -> int:
    """How many lines ``text`` takes when wrapped in a cell ``width_mm`` wide.

    Characters are laid greedily as a CJK line breaker does; the estimate is slightly generous
    (5 % narrower lines) so that printed rows never cut text off.
    """
    usable_em = max(1.0, (width_mm - padding_mm) / (size_pt * 0.3528) * 0.95)
    lines = 0
    for paragraph in (text or "").split("\n"):
        lines += 1
        used = 0.0
        for char in paragraph:
            width = char_width_em(char)
            if used + width > usable_em and used > 0:
                lines += 1
                used = 0.0
            used += width
    return max(1, lines)

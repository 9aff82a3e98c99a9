"""Reading an .xlsx into one table of text per sheet (openpyxl, after the package was checked).

Figures are written back as the cell shows them where it matters for reading a form: a percentage
format gives 99.32%, other numbers their exact shortest decimal (openpyxl hands out binary floats;
Excel stores at most 15–17 significant digits, so rounding to 10 decimals loses nothing real). A formula
reads as its cached value (WPS and Excel store one; a file never recalculated shows it empty).
"""
from __future__ import annotations

import datetime as dt
import re
import warnings
from decimal import Decimal, InvalidOperation
from pathlib import Path

from .blocks import GridCell, OfficeText, Table
from .safety import Deadline, ImportRefused

_DECIMALS = re.compile(r"0\.(0+)")


def cell_text(value, number_format: str = "General") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
            return ""
        try:
            number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        except InvalidOperation:
            return ""
        fmt = number_format or "General"
        if "%" in fmt:
            match = _DECIMALS.search(fmt)
            places = len(match.group(1)) if match else 0
            return f"{(number * 100).quantize(Decimal(1).scaleb(-places)):f}%"
        number = number.quantize(Decimal("1e-10")) if number.as_tuple().exponent < -10 else number
        text = format(number.normalize(), "f")
        return text
    if isinstance(value, dt.datetime):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value)


def read_xlsx(path: Path, name: str, deadline: Deadline) -> OfficeText:
    from openpyxl import load_workbook
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unknown extensions, data validation … are not our business
            book = load_workbook(path, read_only=False, data_only=True, keep_links=False, keep_vba=False)
    except ImportRefused:
        raise
    except Exception:  # openpyxl raises many kinds on a damaged or foreign package
        raise ImportRefused(f"“{name}”无法作为 Excel 工作簿读取（可能已损坏或不是 .xlsx），请用 WPS 或 Office 打开后另存为 .xlsx") from None
    blocks = []
    try:
        for ws in book.worksheets:
            deadline.check()
            blocks.append(_sheet(ws, f"{name} 工作表“{ws.title}”", deadline))
    finally:
        book.close()
    return OfficeText(name, "xlsx", blocks)


def _sheet(ws, where: str, deadline: Deadline) -> Table:
    spans = {}
    covered = set()
    for merged in ws.merged_cells.ranges:
        spans[(merged.min_row, merged.min_col)] = (merged.max_row - merged.min_row + 1,
                                                   merged.max_col - merged.min_col + 1)
        for r in range(merged.min_row, merged.max_row + 1):
            for c in range(merged.min_col, merged.max_col + 1):
                if (r, c) != (merged.min_row, merged.min_col):
                    covered.add((r, c))
    cells = []
    for (row, col), cell in sorted(ws._cells.items()):  # only the cells that exist, not the dimension
        if (row, col) in covered:
            continue
        text = cell_text(cell.value, cell.number_format)
        rowspan, colspan = spans.get((row, col), (1, 1))
        if text or (row, col) in spans:
            cells.append(GridCell(row - 1, col - 1, text, rowspan, colspan))
        if len(cells) % 5000 == 0:
            deadline.check()
    for (row, col), (rowspan, colspan) in spans.items():  # a merge whose top-left cell holds nothing
        if (row, col) not in ws._cells:
            cells.append(GridCell(row - 1, col - 1, "", rowspan, colspan))
    return Table(where, cells)

"""Sizes and names for the .xlsx writer: Excel column widths, row heights and sheet names.

Column widths. Excel stores a column width in units of the maximum digit width (MDW) of the
workbook's Normal font, padding included (ECMA-376 Part 1, §18.3.1.13): a column of ``w`` units is
``w × MDW`` pixels wide at 96 dpi. The writer sets the Normal font to Arial 11, whose digit is
8 px wide in Excel and WPS on Windows; LibreOffice measures its metric-compatible Liberation Sans
(about 2 % wider). So ``w = mm / 25.4 × 96 / 8``. Arial rather than Excel's usual Calibri: Linux
machines rarely have a Calibri look-alike, and the substitute is a third wider. A renderer whose
digit is wider only widens every column in the same proportion; the print scale leaves room for a
few per cent (xlsx_pages.PRINT_SCALE). Row heights come from the pagination plan (xlsx_pages).
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterable

from model.layout import Cell, Fmt
from model.sanitize import printable

NORMAL_FONT = ("Arial", 11.0)  # the unit of column widths, see the module docstring
DIGIT_WIDTH_PX = 8  # Arial 11 at 96 dpi
PX_PER_MM = 96 / 25.4

_FORBIDDEN_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\\x00-\x1f\x7f]")
MAX_SHEET_NAME = 31


def column_width_units(width_mm: float) -> float:
    """Excel's column width for a column ``width_mm`` wide (2 decimals are plenty)."""
    return round(width_mm * PX_PER_MM / DIGIT_WIDTH_PX, 2)


def holds_number(cell: Cell) -> bool:
    """Whether the cell is written as a number (never wrapped: it shrinks to fit instead)."""
    value = cell.value
    return cell.fmt is not Fmt.TEXT and isinstance(value, (Decimal, int)) and not isinstance(value, bool)


def sheet_titles(names: Iterable[str]) -> list[str]:
    """Valid, unique Excel sheet names: at most 31 characters, none of []:*?/\\, no clash.

    Excel compares sheet names without regard to case; a clash gets " (2)", " (3)" … appended.
    """
    used: set[str] = set()
    titles = []
    for name in names:
        base = _FORBIDDEN_IN_SHEET_NAME.sub("_", printable(name)).strip().strip("'").strip() or "表"
        if base.lower() == "history":  # reserved by Excel
            base = "History_"
        base = base[:MAX_SHEET_NAME]
        title, number = base, 1
        while title.lower() in used:
            number += 1
            suffix = f" ({number})"
            title = base[:MAX_SHEET_NAME - len(suffix)].rstrip() + suffix
        used.add(title.lower())
        titles.append(title)
    return titles

"""Sizes and names for the .xlsx writer: Excel column widths, row heights and sheet names.

Column widths. Excel stores a column width in units of the maximum digit width (MDW) of the
workbook's Normal font, padding included (ECMA-376 Part 1, §18.3.1.13): a column of ``w`` units is
``w × MDW`` pixels wide at 96 dpi. The writer sets the Normal font to Arial 11, whose digit is
8 px wide in Excel and WPS on Windows; LibreOffice measures its metric-compatible Liberation Sans
(about 2 % wider). So ``w = mm / 25.4 × 96 / 8``. Arial rather than Excel's usual Calibri: Linux
machines rarely have a Calibri look-alike, and the substitute is a third wider. A renderer whose
digit is wider only widens every column in the same proportion, which "fit to one page wide"
scales back in print: a column is never narrower than the row heights assume.

Row heights are in points: each row gets the tallest need of its cells, estimated with
``text_lines`` over the merged width; a cell spanning several rows adds what its rows lack,
shared evenly.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterable

from model.layout import Cell, Fmt, Layout, Role
from model.sanitize import printable

from .common import text_lines
from .style import ROLE_STYLES, SIGNATURE_SPACE_MM

NORMAL_FONT = ("Arial", 11.0)  # the unit of column widths, see the module docstring
DIGIT_WIDTH_PX = 8  # Arial 11 at 96 dpi
PX_PER_MM = 96 / 25.4
PT_PER_MM = 72 / 25.4

LINE_FACTOR = 1.3  # line pitch over font size, with room for a font the renderer substitutes
CELL_PADDING_PT = 4.0  # above and below the text of a wrapped cell
MIN_TABLE_ROW_PT = 18.0  # about 6.4 mm, as on the printed forms
MAX_ROW_PT = 409.0  # Excel's limit

_FORBIDDEN_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\\x00-\x1f\x7f]")
MAX_SHEET_NAME = 31


def column_width_units(width_mm: float) -> float:
    """Excel's column width for a column ``width_mm`` wide (2 decimals are plenty)."""
    return round(width_mm * PX_PER_MM / DIGIT_WIDTH_PX, 2)


def holds_number(cell: Cell) -> bool:
    """Whether the cell is written as a number (never wrapped: it shrinks to fit instead)."""
    value = cell.value
    return cell.fmt is not Fmt.TEXT and isinstance(value, (Decimal, int)) and not isinstance(value, bool)


def _span_width_mm(layout: Layout, cell: Cell) -> float:
    return sum(layout.column_widths_mm[cell.col:cell.col + cell.colspan])


def cell_need_pt(layout: Layout, cell: Cell) -> float:
    """Height in points that shows all of the cell's text."""
    size = ROLE_STYLES[cell.role].size_pt
    if cell.role is Role.VERTICAL:
        lines = max(1, len(cell.text.replace("\n", "")))  # stacked: one character a line
        need = lines * size * 1.2 + 2 * CELL_PADDING_PT
    else:
        lines = 1 if holds_number(cell) else text_lines(cell.text, _span_width_mm(layout, cell), size)
        need = lines * size * LINE_FACTOR + CELL_PADDING_PT
    if cell.role is Role.SIGNATURE:
        need += SIGNATURE_SPACE_MM * PT_PER_MM
    return need


def row_heights(layout: Layout) -> list[float]:
    """Height in points of every grid row of ``layout``."""
    heights = [0.0] * layout.n_rows
    for row in layout.table_rows:
        heights[row] = MIN_TABLE_ROW_PT
    tall: list[tuple[Cell, float]] = []
    for cell in layout.cells:
        need = cell_need_pt(layout, cell)
        if cell.rowspan == 1:
            heights[cell.row] = max(heights[cell.row], need)
        else:
            tall.append((cell, need))
    for cell, need in tall:  # after the single rows, so a span only adds what its rows lack
        rows = range(cell.row, min(cell.row + cell.rowspan, layout.n_rows))
        lacking = need - sum(heights[r] for r in rows)
        if lacking > 0:
            for r in rows:
                heights[r] += lacking / len(rows)
    return [round(min(MAX_ROW_PT, h or MIN_TABLE_ROW_PT), 2) for h in heights]


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

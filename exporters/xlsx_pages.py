"""The planned pages (model/layout/paging.py) as a sheet: row heights, row breaks, merges cut at breaks.

Excel and LibreOffice print a merged cell's text once, centred in the whole range, even when the range
runs over a page break, and they repeat the print-title row with whatever part of a merge it holds.
So a cell that a planned break cuts is merged in two parts, each with its label, and the 绩效指标
column is drawn beside the header row as two cells with no rule between them: the header row's part
(empty) and the rest (the label), as the Word writer does.

Rows are set to the plan's heights, a little taller (Excel sets wrapped 仿宋 at about 1.3 × its size,
the plan at 1.25 ×), and the sheet prints at PRINT_SCALE so each planned page, stretched, still fits
with room for a renderer whose columns come out a few per cent wider (LibreOffice's Arial metrics).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from model.layout import Layout
from model.layout.paging import PlannedPage
from model.layout.typeset import PT_PER_MM

STRETCH = 1.04  # rows this much taller than planned: Excel's line pitch for wrapped text
PRINT_SCALE = 95  # per cent; 95 × 1.04 < 100, and columns 3 % wider still fit the page
MAX_ROW_PT = 409.0  # Excel's limit


@dataclass(frozen=True)
class Piece:
    """A part of a cell as merged in the sheet: rows ``first``…``last`` (0-based grid rows)."""

    first: int
    last: int
    text: bool = True  # the part shows the cell's text (the header row's part of 绩效指标 does not)
    open_side: Optional[str] = None  # 'bottom' or 'top': no rule on that side (see the module docstring)


def sheet_rows(layout: Layout, pages: list[PlannedPage]) -> tuple[list[float], list[int]]:
    """Row heights (pt) of every grid row, and the grid rows that start a page after the first."""
    heights_mm = [0.0] * layout.n_rows
    starts: list[int] = []
    previous: set[int] = set()
    for page in pages:
        own = [s for s in page.slots if not s.repeated]
        for slot in own:
            heights_mm[slot.row] += slot.height
        if page.index and own:
            fresh = [s.row for s in own if s.row not in previous]  # a split row cannot break in a sheet
            if fresh:
                starts.append(fresh[0])
        previous = {s.row for s in own}
    heights = [round(min(MAX_ROW_PT, h * PT_PER_MM * STRETCH), 2) for h in heights_mm]
    return heights, starts


def pieces(layout: Layout, starts: list[int]) -> dict[int, list[Piece]]:
    """The parts of every cell (by id): cut at the page starts and, beside the header row, at its end."""
    header = layout.header_rows
    result = {}
    for cell in layout.cells:
        if cell.rowspan == 1:  # most cells: one row, one part
            result[id(cell)] = [Piece(cell.row, cell.row)]
            continue
        cuts = sorted({s for s in starts if cell.row < s <= cell.last_row})
        straddles = len(header) > 0 and cell.row in header and cell.last_row >= header.stop
        if straddles and header.stop not in cuts:
            cuts = sorted(cuts + [header.stop])
        bounds = [cell.row, *cuts, cell.last_row + 1]
        parts = []
        for first, stop in zip(bounds, bounds[1:]):
            if straddles and first == cell.row:
                parts.append(Piece(first, stop - 1, False, "bottom"))
            elif straddles and first == header.stop:
                parts.append(Piece(first, stop - 1, True, "top"))
            else:
                parts.append(Piece(first, stop - 1))
        result[id(cell)] = parts
    return result


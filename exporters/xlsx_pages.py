"""The planned pages (model/layout/paging.py) as the rows of a sheet: heights, row breaks, merges per page.

The sheet is written page by planned page, as Word is: each slot of a page becomes a sheet row at the
plan's height, a manual row break opens each next page, and every cell is merged over its rows on each
page it is printed on, with its text there (a label cut by a break is printed in each part). A row taller
than a page prints on each page it takes as a row of its own, holding that page's piece of its text.

Excel caps a row at 409 pt, less than a page: a slot taller than that is written as several sheet rows,
merged in every cell, so no text is cut off.

The header row (一级指标…) is printed again at the top of continuation pages as Excel's print titles when
the plan repeats it on every page after its own; when it stops repeating (the 怀化 form's indicator block
ends before its last pages; a long 基础数据表), print titles would repeat it on every page, so the rows
it repeats are written into the sheet on the pages that repeat it, as the PDF prints them.

Excel and LibreOffice print a merged cell's text once, centred in the whole range, and they repeat the
print-title row with whatever part of a merge it holds. So the 绩效指标 column is drawn beside the header
row as two cells with no rule between them: the header row's part (empty) and the rest (the label), as
the Word writer does.

Rows are set to the plan's heights, a little taller (Excel sets wrapped 仿宋 at about 1.3 × its size,
the plan at 1.25 ×), and the sheet prints at PRINT_SCALE so each planned page, stretched, still fits
with room for a renderer whose columns come out a few per cent wider (LibreOffice's Arial metrics).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import NamedTuple, Optional

from model.layout import Cell, Layout
from model.layout.paging import PlannedPage
from model.layout.typeset import PT_PER_MM

STRETCH = 1.04  # rows this much taller than planned: Excel's line pitch for wrapped text
PRINT_SCALE = 95  # per cent; 95 × 1.04 < 100, and columns 3 % wider still fit the page
MAX_ROW_PT = 409.0  # Excel's limit


class Piece(NamedTuple):
    """A cell as merged on one page of the sheet: sheet rows ``first``…``last`` (0-based)."""

    cell: Cell
    first: int
    last: int
    text: bool = True  # the part shows the cell's text (the header row's part of 绩效指标 does not)
    open_side: Optional[str] = None  # 'bottom' or 'top': no rule on that side (see the module docstring)
    lines: Optional[tuple[int, Optional[int]]] = None  # a row split between pages: the lines it holds


@dataclass
class SheetPlan:
    heights: list[float] = field(default_factory=list)  # pt, per sheet row
    starts: list[int] = field(default_factory=list)  # sheet rows that open a page after the first
    pieces: list[Piece] = field(default_factory=list)
    blanks: list[tuple[int, int]] = field(default_factory=list)  # (sheet row, column) ruled, no cell there
    titles: Optional[int] = None  # the sheet row printed again at the top of continuation pages

    @property
    def n_rows(self) -> int:
        return len(self.heights)


def titles_serve(layout: Layout, pages: list[PlannedPage]) -> bool:
    """Whether print titles print the header row as the plan does: on the first page, which holds it, and
    again on every later page (renderers differ on pages above the title row, so none may come first)."""
    header = layout.header_rows
    if not len(header) or not pages or header.start not in pages[0].rows:
        return False
    return all(p.slots and p.slots[0].repeated for p in pages[1:])


def sheet_plan(layout: Layout, pages: list[PlannedPage]) -> SheetPlan:
    """The sheet rows, page breaks and merges that print ``pages``."""
    plan = SheetPlan()
    titles = titles_serve(layout, pages)
    header, table = layout.header_rows, layout.table_rows
    for page in pages:
        rows: dict[int, range] = {}  # slot index → its sheet rows
        for index, slot in enumerate(page.slots):
            if slot.repeated and titles:
                continue
            height = slot.height * PT_PER_MM * STRETCH
            count = max(1, math.ceil(height / MAX_ROW_PT - 1e-9))
            start = plan.n_rows
            plan.heights.extend([round(height / count, 2)] * count)
            rows[index] = range(start, plan.n_rows)
            if slot.row == header.start and not slot.repeated:
                plan.titles = start
        if not rows:
            continue
        if page.index:
            plan.starts.append(min(r.start for r in rows.values()))
        slots = page.slots
        for cell, first, last in page.parts():
            if cell.rowspan == 1:  # most cells: one slot
                if first in rows:
                    span = rows[first]
                    plan.pieces.append(Piece(cell, span.start, span.stop - 1, lines=slots[first].lines))
                continue
            kept = [i for i in range(first, last + 1) if i in rows]
            if not kept:  # only in the repeated header row, which the print titles show
                continue
            beside = [i for i in kept if slots[i].row in header]
            if cell.row in header and cell.last_row >= header.stop and beside and len(beside) < len(kept):
                plan.pieces.append(Piece(cell, rows[beside[0]].start, rows[beside[-1]].stop - 1, False, "bottom"))
                rest = kept[len(beside):]
                plan.pieces.append(Piece(cell, rows[rest[0]].start, rows[rest[-1]].stop - 1, True, "top"))
            else:
                plan.pieces.append(Piece(cell, rows[kept[0]].start, rows[kept[-1]].stop - 1))
        for index, span in rows.items():  # table positions no cell covers are still ruled
            row = slots[index].row
            columns = layout.empty_columns(row) if row in table else None
            if columns:
                plan.blanks += [(r, c) for c in columns for r in span]
    if not titles:
        plan.titles = None
    return plan

"""Excel (.xlsx) writer: one worksheet per form, laid out like the printed form (openpyxl).

Each layout (model/layout) becomes a sheet: merged ranges for spans, thin borders on every
position of the table (inside merges too), fonts per role, figures as numbers with the form's
number formats, and a page setup that prints the form on A4 with the indicator header repeated.

Pages follow the one pagination plan (model/layout/paging.py) the PDF, Word and the window's 打印
follow: rows are set to the plan's heights, a manual row break ends each planned page, a label cut by
a break is merged in two parts with the label in each, and the sheet prints at a fixed scale that
leaves every planned page room (not "fit to page", which would make Excel ignore the breaks). Labels
the plan breaks into lines carry those line breaks. Sizes are explained in xlsx_sizes.py.
"""
from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Optional

from openpyxl import Workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from model.document import Document
from model.evaluation import Evaluation, evaluate
from model.layout import Fmt, Layout, Role, build_layouts
from model.layout.heights import fixed_text, printed_text

from .common import ExportError, write_output
from .style import page_for, plan_form
from .xlsx_pages import PRINT_SCALE, Piece, SheetPlan, sheet_plan
from .xlsx_sizes import NORMAL_FONT, column_width_units, sheet_titles
from .xlsx_styles import FORMULA_STARTS, StyleBook, cell_value

MM_PER_INCH = 25.4
FIXED_LABELS = (Role.LABEL, Role.HEADER)
APP_NAME = "绩效自评填报"


def write_xlsx(doc: Document, path: str | os.PathLike, evaluation: Optional[Evaluation] = None) -> Path:
    """Write every form of ``doc`` into one workbook at ``path``; returns the path."""
    layouts = build_layouts(doc, evaluation or evaluate(doc))
    if not layouts:
        raise ExportError("没有可导出的表格：请先添加整体自评表或项目自评表")
    return write_output(Path(path), lambda buffer: _render(doc, layouts, buffer))


def _render(doc: Document, layouts: list[Layout], buffer: io.BytesIO) -> None:
    workbook = Workbook()
    _set_normal_font(workbook)
    workbook.remove(workbook.active)
    unit = doc.unit
    workbook.properties.title = f"{unit.name} {unit.year}年度预算绩效自评".strip()
    workbook.properties.creator = APP_NAME
    styles = StyleBook()
    for layout, title in zip(layouts, sheet_titles(layout.sheet_name for layout in layouts)):
        _write_sheet(workbook.create_sheet(title), layout, styles)
    workbook.save(buffer)


def _set_normal_font(workbook: Workbook) -> None:
    """Fix the Normal style's font: it is the unit of every column width (see xlsx_sizes)."""
    name, size = NORMAL_FONT
    font = Font(name=name, size=size, family=2, scheme=None)
    workbook._fonts = IndexedList([font])  # font 0, before any cell adds its own
    workbook._named_styles["Normal"].font = font  # re-binds Normal to font 0


def _write_sheet(ws: Worksheet, layout: Layout, styles: StyleBook) -> None:
    table = layout.table_rows
    plan = sheet_plan(layout, plan_form(layout))
    for piece in plan.pieces:
        if piece.last > piece.first or piece.cell.colspan > 1:
            _merge(ws, piece)
    values = {}
    for piece in plan.pieces:
        cell = piece.cell
        if id(cell) not in values:
            values[id(cell)] = cell_value(cell)
        value, is_number = values[id(cell)]
        if value is not None and not is_number:
            if piece.lines is not None:
                value = printed_text(layout, cell, piece.lines) or None  # this page's piece of a split row
            elif cell.role in FIXED_LABELS and value == cell.text:
                value = fixed_text(layout, cell)  # labels broken as planned
        as_text = not is_number and value is not None and value.startswith(FORMULA_STARTS)
        anchor = ws.cell(piece.first + 1, cell.col + 1)
        if value is not None and piece.text:
            anchor.value = value
            if not is_number:
                anchor.data_type = "s"  # never a formula, whatever the user typed
        style = (cell.role, cell.align, cell.row in table, cell.fmt if is_number else Fmt.TEXT, as_text,
                 piece.open_side)
        for r in range(piece.first, piece.last + 1):  # borders are per cell: style the whole merge
            for c in range(cell.col, cell.last_col + 1):
                styles.apply(anchor if (r, c) == (piece.first, cell.col) else ws.cell(r + 1, c + 1), *style)
    for r, c in plan.blanks:  # table positions no cell covers are still ruled
        styles.apply(ws.cell(r + 1, c + 1), None, "center", True)
    for c, width in enumerate(layout.column_widths_mm, start=1):
        ws.column_dimensions[get_column_letter(c)].width = column_width_units(width)
    for r, height in enumerate(plan.heights, start=1):
        ws.row_dimensions[r].height = height
    for start in plan.starts:  # the break goes after the row above the page's first one (1-based: start)
        ws.row_breaks.append(Break(id=start))
    _page_setup(ws, layout, plan)


def _merge(ws: Worksheet, piece: Piece) -> None:
    """ws.merge_cells without its border copying, which costs half the export of a large document.

    The layout never overlaps spans, and every cell of the range is styled afterwards anyway.
    """
    cell = piece.cell
    top, left, bottom, right = piece.first + 1, cell.col + 1, piece.last + 1, cell.last_col + 1
    coord = f"{get_column_letter(left)}{top}:{get_column_letter(right)}{bottom}"
    ws.merged_cells.ranges.add(MergedCellRange(ws, coord))
    for r in range(top, bottom + 1):
        for c in range(left, right + 1):
            if (r, c) != (top, left):
                ws._cells[r, c] = MergedCell(ws, r, c)


def _page_setup(ws: Worksheet, layout: Layout, plan: SheetPlan) -> None:
    page = page_for(layout)
    setup = ws.page_setup
    setup.paperSize = ws.PAPERSIZE_A4
    setup.orientation = "landscape" if layout.landscape else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = False  # Excel ignores manual breaks when fitting to pages
    setup.scale = PRINT_SCALE
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"  # printing the whole workbook numbers it through
    ws.oddFooter.center.size = 9
    inch = 1 / MM_PER_INCH
    ws.page_margins = PageMargins(left=page.left_mm * inch, right=page.right_mm * inch, top=page.top_mm * inch,
                                  bottom=page.bottom_mm * inch, header=page.top_mm * inch / 2,
                                  footer=page.bottom_mm * inch / 2)
    ws.print_options.horizontalCentered = True
    ws.print_options.gridLines = False
    ws.sheet_view.showGridLines = False
    ws.sheet_view.zoomScale = 100
    last_col = get_column_letter(layout.n_cols)
    ws.print_area = f"A1:{last_col}{plan.n_rows}"
    if plan.titles is not None:
        ws.print_title_rows = f"{plan.titles + 1}:{plan.titles + len(layout.header_rows)}"

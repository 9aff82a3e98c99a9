"""Excel (.xlsx) writer: one worksheet per form, laid out like the printed form (openpyxl).

Each layout (model/layout) becomes a sheet: merged ranges for spans, thin borders on every
position of the table (inside merges too), fonts per role, figures as numbers with the form's
number formats, and a page setup that prints the form one A4 page wide with the indicator
header repeated on every page. Sizes are explained in xlsx_sizes.py.
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
from openpyxl.worksheet.worksheet import Worksheet

from model.document import Document
from model.evaluation import Evaluation, evaluate
from model.layout import Cell, Fmt, Layout, build_layouts
from model.sanitize import printable

from .common import ExportError, write_output
from .style import page_for
from .xlsx_pages import fits_one_page, vertical_anchors
from .xlsx_sizes import NORMAL_FONT, column_width_units, row_heights, sheet_titles
from .xlsx_styles import FORMULA_STARTS, StyleBook, cell_value

MM_PER_INCH = 25.4
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
    workbook.properties.title = printable(f"{unit.name} {unit.year}年度预算绩效自评".strip())
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
    heights = row_heights(layout)
    anchors = vertical_anchors(layout, heights)
    for cell in layout.cells:
        if cell.rowspan > 1 or cell.colspan > 1:
            _merge(ws, cell)
    for cell in layout.cells:
        value, is_number = cell_value(cell)
        as_text = not is_number and value is not None and value.lstrip().startswith(FORMULA_STARTS)  # "\t=…" too
        anchor = ws.cell(cell.row + 1, cell.col + 1)
        if value is not None:
            anchor.value = value
            if not is_number:
                anchor.data_type = "s"  # never a formula, whatever the user typed
        style = (cell.role, cell.align, cell.row in table, cell.fmt if is_number else Fmt.TEXT, as_text,
                 anchors.get((cell.row, cell.col)))
        for r in range(cell.row, cell.last_row + 1):  # borders are per cell: style the whole merge
            for c in range(cell.col, cell.last_col + 1):
                styles.apply(anchor if (r, c) == (cell.row, cell.col) else ws.cell(r + 1, c + 1), *style)
    for r in table:  # table positions no cell covers are still ruled
        for c in range(layout.n_cols):
            if layout.at(r, c) is None:
                styles.apply(ws.cell(r + 1, c + 1), None, "center", True)
    for c, width in enumerate(layout.column_widths_mm, start=1):
        ws.column_dimensions[get_column_letter(c)].width = column_width_units(width)
    for r, height in enumerate(heights, start=1):
        ws.row_dimensions[r].height = height
    _page_setup(ws, layout, fits_one_page(layout, heights))


def _merge(ws: Worksheet, cell: Cell) -> None:
    """ws.merge_cells without its border copying, which costs half the export of a large document.

    The layout never overlaps spans, and every cell of the range is styled afterwards anyway.
    """
    top, left, bottom, right = cell.row + 1, cell.col + 1, cell.last_row + 1, cell.last_col + 1
    coord = f"{get_column_letter(left)}{top}:{get_column_letter(right)}{bottom}"
    ws.merged_cells.ranges.add(MergedCellRange(ws, coord))
    for r in range(top, bottom + 1):
        for c in range(left, right + 1):
            if (r, c) != (top, left):
                ws._cells[r, c] = MergedCell(ws, r, c)


def _page_setup(ws: Worksheet, layout: Layout, one_page: bool) -> None:
    page = page_for(layout)
    setup = ws.page_setup
    setup.paperSize = ws.PAPERSIZE_A4
    setup.orientation = "landscape" if layout.landscape else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    setup.fitToWidth = 1
    # as many pages tall as the form needs; but a form only a little taller than one page is
    # shrunk onto it rather than leaving its signature line alone on a second sheet of paper
    setup.fitToHeight = 1 if one_page else 0
    inch = 1 / MM_PER_INCH
    ws.page_margins = PageMargins(left=page.left_mm * inch, right=page.right_mm * inch, top=page.top_mm * inch,
                                  bottom=page.bottom_mm * inch, header=page.top_mm * inch / 2,
                                  footer=page.bottom_mm * inch / 2)
    ws.print_options.horizontalCentered = True
    ws.print_options.gridLines = False
    ws.sheet_view.showGridLines = False
    ws.sheet_view.zoomScale = 100
    last_col = get_column_letter(layout.n_cols)
    ws.print_area = f"A1:{last_col}{layout.n_rows}"
    if len(layout.header_rows):
        ws.print_title_rows = f"{layout.header_rows.start + 1}:{layout.header_rows.stop}"

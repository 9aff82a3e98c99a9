"""Excel (.xlsx) writer: one worksheet per form, laid out like the printed form.

Each layout (model/layout) becomes a sheet: merged ranges for spans, thin borders on every
position of the table (inside merges too), fonts per role, figures as numbers with the form's
number formats, and a page setup that prints the form on A4.

Pages follow the one pagination plan (model/layout/paging.py) the PDF, Word and the window's 打印
follow, page by page (xlsx_pages.py): rows at the plan's heights, a manual row break before each planned
page, a label cut by a break merged in each part with its label, and a sheet printed at a fixed scale
that leaves every planned page room (not "fit to page", which would make Excel ignore the breaks).
Labels the plan breaks into lines carry those line breaks. Sizes are explained in xlsx_sizes.py.

The sheets are written as SpreadsheetML text, cell by cell in row order, into the package
(xlsx_package.py): building them as openpyxl objects took most of an export's time.
"""
from __future__ import annotations

import io
import os
from decimal import Decimal
from pathlib import Path
from typing import Optional

from model.document import Document
from model.evaluation import Evaluation, evaluate
from model.layout import Fmt, Layout, Role, build_layouts
from model.layout.heights import cell_lines, fixed_text, printed_text, span_width_mm
from model.sanitize import printable

from .common import FORMULA_STARTS, ExportError, write_output
from .ooxml import DECLARATION, REL
from .style import page_for, plan_form
from .xlsx_package import MAIN, SharedStrings, column_letter, write_package
from .xlsx_pages import PRINT_SCALE, SheetPlan, sheet_plan
from .xlsx_sizes import column_width_units, sheet_titles
from .xlsx_styles import StyleBook, cell_value, clean_text

MM_PER_INCH = 25.4
FIXED_LABELS = (Role.LABEL, Role.HEADER)
FOOTER = "&amp;C&amp;9 第 &amp;P 页 共 &amp;N 页"  # 9 pt; printing the whole workbook numbers it through


def write_xlsx(doc: Document, path: str | os.PathLike, evaluation: Optional[Evaluation] = None,
               layouts: Optional[list[Layout]] = None) -> Path:
    """Write every form of ``doc`` into one workbook at ``path``; returns the path. ``layouts``: the
    forms already laid out (an export of several formats lays them out once)."""
    layouts = build_layouts(doc, evaluation or evaluate(doc)) if layouts is None else layouts
    if not layouts:
        raise ExportError("没有可导出的表格：请先添加整体自评表或项目自评表")
    return write_output(Path(path), lambda buffer: _render(doc, layouts, buffer))


def _render(doc: Document, layouts: list[Layout], buffer: io.BytesIO) -> None:
    styles, strings = StyleBook(), SharedStrings()
    sheets = []
    for layout, title in zip(layouts, sheet_titles(layout.sheet_name for layout in layouts)):
        plan = sheet_plan(layout, plan_form(layout))
        titles = None if plan.titles is None else (plan.titles + 1, plan.titles + len(layout.header_rows))
        sheets.append((title, _sheet(layout, plan, styles, strings, first=not sheets),
                       f"$A$1:${column_letter(layout.n_cols - 1)}${plan.n_rows}", titles))
    unit = doc.unit
    title = printable(f"{unit.name} {unit.year}年度预算绩效自评".strip())
    write_package(buffer, sheets, styles.xml(), strings.xml(), title)


def _style(styles: StyleBook, cell, table: range, value, is_number: bool, open_side: Optional[str] = None,
           layout: Optional[Layout] = None) -> int:
    as_text = not is_number and value is not None and value.lstrip().startswith(FORMULA_STARTS)  # "\t=…" too
    one_line = (layout is not None and not is_number and value is not None and "\n" not in value
                and cell.role in (Role.INPUT, Role.COMPUTED, Role.LABEL, Role.HEADER)
                and len(cell_lines(cell, span_width_mm(layout, cell))) == 1)
    return styles.index(cell.role, cell.align, cell.row in table, cell.fmt if is_number else Fmt.TEXT, as_text,
                        open_side, one_line)


def _number(value: Decimal) -> str:
    """A figure as the file stores it: 93.00 as 93, 9.50 as 9.5 (the cell's number format shows 93.00)."""
    return format(value.normalize(), "f") if isinstance(value, Decimal) else str(value)


def _sheet(layout: Layout, plan: SheetPlan, styles: StyleBook, strings: SharedStrings, first: bool) -> str:
    """The worksheet XML of one form."""
    table = layout.table_rows
    rows: list[dict[int, str]] = [{} for _ in range(plan.n_rows)]
    letters = [column_letter(c) for c in range(layout.n_cols)]
    merges, values = [], {}
    for piece in plan.pieces:
        cell = piece.cell
        found = values.get(id(cell))
        if found is None:  # the value and format of a cell, the same in each of its parts
            value, is_number = cell_value(cell)
            if value is not None and not is_number and cell.role in FIXED_LABELS and value == cell.text:
                value = fixed_text(layout, cell)  # labels broken as planned
            found = values[id(cell)] = (value, is_number, _style(styles, cell, table, value, is_number, layout=layout))
        value, is_number, style = found
        if piece.lines is not None and value is not None and not is_number:
            value = clean_text(printed_text(layout, cell, piece.lines)) or None  # a split row's piece
            style = _style(styles, cell, table, value, is_number)
        if piece.open_side is not None:
            style = _style(styles, cell, table, value, is_number, piece.open_side, layout)
        top, left, bottom, right = piece.first, cell.col, piece.last, cell.last_col
        if bottom > top or right > left:
            merges.append(f'<mergeCell ref="{letters[left]}{top + 1}:{letters[right]}{bottom + 1}"/>')
            for r in range(top, bottom + 1):  # borders are per cell: style the whole merge
                row = rows[r]
                for c in range(left, right + 1):
                    row[c] = f'<c r="{letters[c]}{r + 1}" s="{style}"/>'
        ref = f"{letters[left]}{top + 1}"
        if value is None or not piece.text:
            rows[top][left] = f'<c r="{ref}" s="{style}"/>'
        elif is_number:  # only the top-left cell of a merge holds the value
            rows[top][left] = f'<c r="{ref}" s="{style}"><v>{_number(value)}</v></c>'
        else:  # a shared string: never a formula, whatever the user typed
            rows[top][left] = f'<c r="{ref}" s="{style}" t="s"><v>{strings.index(value)}</v></c>'
    ruled = styles.index(None, "center", True)
    for r, c in plan.blanks:  # table positions no cell covers are still ruled
        rows[r][c] = f'<c r="{letters[c]}{r + 1}" s="{ruled}"/>'
    data = "".join(f'<row r="{r + 1}" ht="{height:.2f}" customHeight="1">'
                   + "".join(cells[c] for c in sorted(cells)) + "</row>"
                   for r, (height, cells) in enumerate(zip(plan.heights, rows)))
    cols = "".join(f'<col min="{c + 1}" max="{c + 1}" width="{column_width_units(width)}" customWidth="1"/>'
                   for c, width in enumerate(layout.column_widths_mm))
    page = page_for(layout)
    inch = 1 / MM_PER_INCH
    margins = (f'<pageMargins left="{page.left_mm * inch!r}" right="{page.right_mm * inch!r}"'
               f' top="{page.top_mm * inch!r}" bottom="{page.bottom_mm * inch!r}"'
               f' header="{page.top_mm * inch / 2!r}" footer="{page.bottom_mm * inch / 2!r}"/>')
    breaks = "".join(f'<brk id="{start}" max="16383" man="1"/>' for start in plan.starts)  # after the row above
    merge_xml = f'<mergeCells count="{len(merges)}">{"".join(merges)}</mergeCells>' if merges else ""
    orientation = "landscape" if layout.landscape else "portrait"
    selected = ' tabSelected="1"' if first else ""
    return (f'{DECLARATION}<worksheet xmlns="{MAIN}" xmlns:r="{REL}">'
            # Excel ignores manual breaks when fitting to pages: a fixed scale instead
            '<sheetPr><pageSetUpPr fitToPage="0"/></sheetPr>'
            f'<dimension ref="A1:{letters[-1]}{plan.n_rows}"/>'
            f'<sheetViews><sheetView showGridLines="0"{selected} zoomScale="100" workbookViewId="0"/></sheetViews>'
            f'<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>{data}</sheetData>{merge_xml}'
            f'<printOptions horizontalCentered="1"/>{margins}'
            f'<pageSetup paperSize="9" scale="{PRINT_SCALE}" orientation="{orientation}"/>'
            f'<headerFooter><oddFooter>{FOOTER}</oddFooter></headerFooter>'
            + (f'<rowBreaks count="{len(plan.starts)}" manualBreakCount="{len(plan.starts)}">{breaks}</rowBreaks>'
               if plan.starts else "")
            + "</worksheet>")

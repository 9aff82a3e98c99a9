"""Copy and paste between a form grid and Excel/WPS, merged cells included (no Qt here).

Excel puts a merged cell on the clipboard as its value followed by blanks for the columns it
covers; plain sheets give one value per column. Copy writes the full rectangle as Excel does;
paste accepts either shape: blanks that fall on covered columns are skipped, and a row whose
values match the form's visible cells one to one is taken as such.
"""
from __future__ import annotations

from typing import Optional

from model.fields import FieldKind, field_kind
from model.layout import Cell, Fmt, Layout, Role

from .form_model import edit_text


class PasteRefused(ValueError):
    """The clipboard does not fit where it is pasted; the message says why, in Chinese."""


def copy_text(cell: Cell) -> str:
    """What Excel should receive for a cell: exact figures, rates as printed, labels as shown."""
    if cell.role in (Role.INPUT, Role.COMPUTED) and cell.fmt is not Fmt.PERCENT:
        return edit_text(cell)
    return cell.text


def copy_block(layout: Layout, rows: range, cols: range) -> list[list[str]]:
    """The rectangle as Excel copies it: a merged cell's value at its top-left, blanks elsewhere."""
    block = []
    for row in rows:
        values = []
        for col in cols:
            cell = layout.at(row, col)
            anchored = cell is not None and (cell.row, cell.col) == (row, col)
            top_left_in_selection = cell is not None and (row == max(cell.row, rows.start)
                                                          and col == max(cell.col, cols.start))
            values.append(copy_text(cell) if cell is not None and (anchored or top_left_in_selection) else "")
        block.append(values)
    return block


def _by_grid(layout: Layout, row: int, col: int, values: list[str]) -> Optional[list[tuple[Cell, str]]]:
    """Values placed column by column; None when a value falls on a covered column or off the form."""
    pairs = []
    for offset, text in enumerate(values):
        position = col + offset
        cell = layout.at(row, position) if position < layout.n_cols else None
        if cell is None or (cell.row, cell.col) != (row, position):
            if text.strip():
                return None
            continue
        pairs.append((cell, text))
    return pairs


def _by_cells(layout: Layout, row: int, col: int, values: list[str]) -> Optional[list[tuple[Cell, str]]]:
    """Values placed on the row's visible cells from ``col`` on, one each."""
    cells = [c for c in layout.cells_in_row(row) if c.col >= col]
    if len(values) > len(cells):
        return None
    return list(zip(cells, values))


def paste_targets(layout: Layout, row: int, col: int, block: list[list[str]],
                  raw_text: str = "") -> list[tuple[str, str]]:
    """(binding, text) for each cell the block fills, starting at (row, col); PasteRefused otherwise."""
    start = layout.at(row, col)
    if start is not None and start.editable and field_kind(start.binding) is FieldKind.LONG_TEXT \
            and "\t" not in raw_text and raw_text.strip():
        return [(start.binding, raw_text.rstrip("\r\n"))]  # paragraphs from Word go into one cell
    if start is not None:
        row, col = start.row, start.col
    result = []
    for index, values in enumerate(block):
        target = row + index
        if target >= layout.n_rows:
            raise PasteRefused("粘贴的行数超出了表格，没有粘贴")
        pairs = _by_grid(layout, target, col, values) or _by_cells(layout, target, col, values)
        if pairs is None:
            raise PasteRefused(f"第 {index + 1} 行粘贴的列数与表格对不上，没有粘贴")
        for cell, text in pairs:
            if not cell.editable:
                if not text.strip() or text.strip() == cell.text.strip():
                    continue  # a label copied along with the figures, or an empty cell
                what = "自动计算的" if cell.role is Role.COMPUTED else "不能修改的"
                raise PasteRefused(f"粘贴区域包含{what}单元格“{cell.text or '（空）'}”，没有粘贴")
            result.append((cell.binding, text))
    return result

"""A form's grid rows as reportlab Tables: cell contents, row heights, spans, and printed pieces.

reportlab cannot split a Table inside a row span, and the vertical 绩效指标 cell spans every indicator
row (a level-1 cell spans its whole group), so a long form would never break. The layout is therefore
split here, between grid rows: a span cut by a page break is closed at the bottom of the page and
continued, with its label repeated, below the repeated header row on the next page.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from reportlab.lib.colors import black
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from model.layout import Cell, Layout, Role

from .pdf_text import CellText, Content, write_batch

PAD_X = 2.5  # cell padding inside the bordered table (pt)
PAD_Y, PAD_Y_TIGHT = 2.2, 1.0  # the tight padding lets a form that just overflows fit on one page
GRID_WIDTH = 0.5
EMPTY_LINE = 10.5 * 1.25  # an empty row is as high as a row of one line of 五号 text: room to write by hand


@dataclass(eq=False)
class Placed:
    """A cell of the layout with its content and the height it needs (padding included)."""

    cell: Cell
    content: Content
    need: float
    padding: tuple[float, float, float, float]  # top, bottom, left, right


class LinesTable(Table):
    """A Table whose one-line cells are written together in one text object once its cells are drawn."""

    def draw(self):
        canvas = self.canv
        canvas._lines_batch = batch = []
        try:
            super().draw()
        finally:
            del canvas._lines_batch
        if batch:
            write_batch(canvas, batch)


class Rows:
    """Some rows of a layout (the bordered table, or the plain rows above or below it), ready to print."""

    def __init__(self, layout: Layout, rows: Iterable[int], text: CellText, bordered: bool,
                 paddings: Optional[dict[Role, tuple[float, float, float, float]]] = None, pad_y: float = PAD_Y):
        self.layout = layout
        self.bordered = bordered
        self.default_padding = (pad_y, pad_y, PAD_X, PAD_X)
        self.font = text.font(Role.LABEL)
        self.widths = [w * mm for w in layout.column_widths_mm]
        self.width = sum(self.widths)
        self.covering: dict[int, list[Placed]] = {}
        seen: set[int] = set()
        for row in rows:
            self.covering.setdefault(row, [])
            for col in range(layout.n_cols):
                cell = layout.at(row, col)
                if cell is None or id(cell) in seen:
                    continue
                seen.add(id(cell))
                pad = (paddings or {}).get(cell.role, self.default_padding)
                inner = sum(self.widths[cell.col:cell.col + cell.colspan]) - pad[2] - pad[3]
                content = text.content(cell, inner)
                need = pad[0] + pad[1] + (content.wrap(inner, 1e6)[1] if content else 0)
                placed = Placed(cell, content, need, pad)
                for covered in range(cell.row, cell.last_row + 1):
                    self.covering.setdefault(covered, []).append(placed)
        self.min_row = EMPTY_LINE + 2 * pad_y if bordered else 0.0
        self.origin: dict[int, int] = {}  # row made by split_row → the grid row it comes from

    def place(self, rows: Sequence[int]) -> tuple[list[float], dict[Placed, tuple[int, int]]]:
        """Row heights of a piece made of ``rows``, and where each cell sits in it (first, last row)."""
        spans: dict[Placed, list[int]] = {}
        for index, row in enumerate(rows):
            for placed in self.covering[row]:
                if placed in spans:
                    spans[placed][1] = index
                else:
                    spans[placed] = [index, index]
        heights = [self.min_row] * len(rows)
        tall = []
        for placed, (first, last) in spans.items():
            if first == last:
                heights[first] = max(heights[first], placed.need)
            else:
                tall.append((last - first, placed, first, last))
        for _, placed, first, last in sorted(tall, key=lambda t: t[0]):
            missing = placed.need - sum(heights[first:last + 1])
            if missing > 0:  # a spanning cell taller than its rows: share the extra height out
                share = missing / (last - first + 1)
                for index in range(first, last + 1):
                    heights[index] += share
        return heights, {p: (a, b) for p, (a, b) in spans.items()}

    def height(self, rows: Sequence[int]) -> float:
        return sum(self.place(rows)[0])

    def table(self, rows: Sequence[int]) -> Table:
        """The reportlab Table of one piece: spans, the 0.5 pt grid on every position, middle alignment."""
        heights, spans = self.place(rows)
        data: list[list[Content]] = [[""] * len(self.widths) for _ in rows]
        commands = [("FONT", (0, 0), (-1, -1), self.font, 10.5),  # else Table selects Helvetica per cell
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), PAD_X), ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
                    ("TOPPADDING", (0, 0), (-1, -1), self.default_padding[0]),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), self.default_padding[1])]
        if self.bordered:
            commands.append(("GRID", (0, 0), (-1, -1), GRID_WIDTH, black))
        for placed, (first, last) in spans.items():
            cell = placed.cell
            data[first][cell.col] = placed.content
            end = (cell.col + cell.colspan - 1, last)
            if last > first or cell.colspan > 1:
                commands.append(("SPAN", (cell.col, first), end))
            if placed.padding != self.default_padding:
                for name, value in zip(("TOPPADDING", "BOTTOMPADDING", "LEFTPADDING", "RIGHTPADDING"),
                                       placed.padding):
                    commands.append((name, (cell.col, first), end, value))
        return LinesTable(data, colWidths=self.widths, rowHeights=heights, style=TableStyle(commands))

    def split_row(self, row: int, room: float) -> Optional[tuple[int, int]]:
        """Cut a row taller than a page in two: the lines that fit in ``room``, then the rest.

        Wrapped text is split between its lines (Paragraph.split); a cell that also covers other rows
        (年度总体目标) stays a span and is repeated like any span cut by a page. Returns the keys of the
        two new rows, or None if not even one line fits.
        """
        top, bottom, moved = [], [], False
        for placed in self.covering[row]:
            cell, content, pad = placed.cell, placed.content, placed.padding
            if cell.rowspan > 1:  # a span: the same cell continues in both halves
                top.append(placed)
                bottom.append(placed)
                continue
            inner = sum(self.widths[cell.col:cell.col + cell.colspan]) - pad[2] - pad[3]
            if placed.need <= room:
                high, low = content, ""
            elif isinstance(content, Paragraph):
                parts = content.split(inner, room - pad[0] - pad[1])  # [] if not two lines fit
                high, low = (parts[0], parts[1]) if len(parts) == 2 else ("", content)
                for part in parts:
                    part.drop = content.drop
            else:
                high, low = "", content
            moved = moved or bool(high)
            for half, piece in ((top, high), (bottom, low)):
                need = pad[0] + pad[1] + (piece.wrap(inner, 1e6)[1] if piece else 0)
                half.append(Placed(cell, piece, need, pad))
        if not moved:
            return None
        keys = []
        for half in (top, bottom):
            key = -1 - len(self.origin)
            self.origin[key] = self.origin.get(row, row)
            self.covering[key] = half
            keys.append(key)
        return keys[0], keys[1]

    def is_heading(self, row: int) -> bool:
        """A row of column headings (年初预算数…, 预期目标, 一级指标…): a page never ends under it."""
        return any(p.cell.role is Role.HEADER for p in self.covering[row])

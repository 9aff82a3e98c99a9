"""One planned page of a form as a reportlab Table: its rows at the plan's heights, its cells' text.

The plan (model/layout/paging.py) says which grid rows a page holds and how tall each is; a cell over
several rows cut by a page break is drawn in each page's part with its label. Each cell's lines are
made once per form with the embedded font's metrics; where they need more room than the plan's
estimate gives (it allows for wider fonts, so it should not happen), the rows grow and the page is
drawn smaller rather than breaking elsewhere than the other formats.
"""
from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import black
from reportlab.lib.units import mm
from reportlab.platypus import Table, TableStyle

from model.layout import Cell, Layout, Role
from model.layout.heights import fixed_text, printed_text, spread
from model.layout.paging import PlannedPage
from model.layout.typeset import CELL_PAD_X_MM, OUTSIDE_SPACE_PT, TIGHT_PAD_Y_MM

from .pdf_text import CellText, Lines, write_batch

PAD_X = CELL_PAD_X_MM * mm  # left and right padding inside the bordered table (pt)
PAD_Y = TIGHT_PAD_Y_MM * mm  # the least room above and below a cell's text; rows are centred in their height
GRID_WIDTH = 0.5


@dataclass(eq=False)
class Placed:
    """A cell of the layout with its content and the height it needs (padding included)."""

    cell: Cell
    content: "Lines | str"
    padding: tuple[float, float, float, float]  # top, bottom, left, right

    def need(self, content=None) -> float:
        content = self.content if content is None else content
        return self.padding[0] + self.padding[1] + (content.leading * len(content.lines) if content else 0.0)


class LinesTable(Table):
    """A Table whose cells' lines are written together in one text object once its cells are drawn."""

    def draw(self):
        canvas = self.canv
        canvas._lines_batch = batch = []
        try:
            super().draw()
        finally:
            del canvas._lines_batch
        if batch:
            write_batch(canvas, batch)


class FormCells:
    """The contents of a form's cells, made once for all its pages."""

    def __init__(self, layout: Layout, text: CellText):
        self.layout, self.text = layout, text
        self.widths = [w * mm for w in layout.column_widths_mm]
        self.width = sum(self.widths)
        self.font = text.font(Role.LABEL)
        self._placed: dict[int, Placed] = {}

    def placed(self, cell: Cell, lines=None) -> Placed:
        """The cell's content; ``lines``: the piece of a row split between pages this page holds."""
        placed = self._placed.get(id(cell)) if lines is None else None
        if placed is None:
            if cell.row in self.layout.table_rows:
                pad = (PAD_Y, PAD_Y, PAD_X, PAD_X)
            else:  # rows outside the table align with its edges
                above, below = OUTSIDE_SPACE_PT.get(cell.role, (0.0, 0.0))
                pad = (above, below, 0.0, 0.0)
            inner = sum(self.widths[cell.col:cell.col + cell.colspan]) - pad[2] - pad[3]
            text = fixed_text(self.layout, cell) if lines is None else printed_text(self.layout, cell, lines)
            placed = Placed(cell, self.text.content(cell, inner, text), pad)
            if lines is None:
                self._placed[id(cell)] = placed
        return placed

    def table(self, page: PlannedPage) -> Table:
        """The Table of one planned page (rows above and below the table unbordered)."""
        layout, slots = self.layout, page.slots
        heights = [slot.height * mm for slot in slots]
        parts, needs = [], []
        for cell, first, last in page.parts():
            lines = slots[first].lines if cell.rowspan == 1 else None  # a row split between pages: its piece
            placed = self.placed(cell, lines)
            content = placed.content
            parts.append((placed, content, first, last))
            needs.append((first, last, placed.need(content)))
        spread(heights, needs)  # only where the real text needs more than the plan's estimate
        commands = [("FONT", (0, 0), (-1, -1), self.font, 10.5),  # else Table selects Helvetica per cell
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), PAD_X), ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
                    ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]
        body = [i for i, slot in enumerate(slots) if slot.row in layout.table_rows]
        if body:
            commands.append(("GRID", (0, body[0]), (-1, body[-1]), GRID_WIDTH, black))
        data: list[list] = [[""] * layout.n_cols for _ in slots]
        for placed, content, first, last in parts:
            cell = placed.cell
            data[first][cell.col] = content
            end = (cell.last_col, last)
            if last > first or cell.colspan > 1:
                commands.append(("SPAN", (cell.col, first), end))
            if cell.row not in layout.table_rows:
                for name, value in zip(("TOPPADDING", "BOTTOMPADDING", "LEFTPADDING", "RIGHTPADDING"),
                                       placed.padding):
                    commands.append((name, (cell.col, first), end, value))
        return LinesTable(data, colWidths=self.widths, rowHeights=heights, style=TableStyle(commands))

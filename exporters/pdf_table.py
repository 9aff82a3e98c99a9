"""One planned page of a form drawn straight onto the PDF canvas: the grid as rectangles, the cells' lines.

The plan (model/layout/paging.py) says which grid rows a page holds and how tall each is; a cell over
several rows cut by a page break is drawn in each page's part with its label, and a row taller than a
page holds this page's piece of its text. Each cell's lines are made once (for all forms: labels and
values recur) with the embedded font's metrics; where they need more room than the plan's estimate
gives (it allows for wider fonts, so it should not happen), the rows grow and the page is drawn smaller
rather than breaking elsewhere than the other formats.

Drawing is written as PDF operators, the grid of a page as one path of rectangles and its text as one
text object: reportlab's Table spent most of the export on style commands and cell geometry.
"""
from __future__ import annotations

from reportlab.lib.units import mm

from model.layout import Cell, Layout
from model.layout.heights import fixed_text, printed_text, spread
from model.layout.paging import PlannedPage
from model.layout.typeset import CELL_PAD_X_MM, OUTSIDE_SPACE_PT, TIGHT_PAD_Y_MM

from .pdf_text import CellText, write_batch
from .style import Page

PAD_X = CELL_PAD_X_MM * mm  # left and right padding inside the bordered table (pt)
PAD_Y = TIGHT_PAD_Y_MM * mm  # the least room above and below a cell's text; rows are centred in their height
GRID_WIDTH = 0.5


class FormCells:
    """The contents of a form's cells, made once for all its pages, and the drawing of each page."""

    def __init__(self, layout: Layout, text: CellText):
        self.layout, self.text = layout, text
        self.widths = [w * mm for w in layout.column_widths_mm]
        self.width = sum(self.widths)
        self.edges = [0.0]
        for width in self.widths:
            self.edges.append(self.edges[-1] + width)
        self._placed: dict[int, tuple] = {}

    def padding(self, cell: Cell) -> tuple[float, float, float, float]:
        """top, bottom, left, right."""
        if cell.row in self.layout.table_rows:
            return PAD_Y, PAD_Y, PAD_X, PAD_X
        above, below = OUTSIDE_SPACE_PT.get(cell.role, (0.0, 0.0))  # rows outside the table align with it
        return above, below, 0.0, 0.0

    def placed(self, cell: Cell, lines=None) -> tuple:
        """(x, width, ruled, padding, content, the height it needs) of a cell, made once; ``lines``: the
        piece of a row split between pages on this page (made for that page)."""
        placed = self._placed.get(id(cell)) if lines is None else None
        if placed is None:
            pad = self.padding(cell)
            x, width = self.edges[cell.col], self.edges[cell.col + cell.colspan] - self.edges[cell.col]
            text = fixed_text(self.layout, cell) if lines is None else printed_text(self.layout, cell, lines)
            content = self.text.content(cell, width - pad[2] - pad[3], text)
            need = pad[0] + pad[1] + (content.height if content else 0.0)
            placed = (x, width, cell.row in self.layout.table_rows, pad, content, need)
            if lines is None:
                self._placed[id(cell)] = placed
        return placed

    def draw(self, canvas, page: PlannedPage, paper: Page) -> None:
        """Draw ``page`` in the body of ``paper``, centred across it, from its top."""
        slots = page.slots
        heights = [slot.height * mm for slot in slots]
        parts, needs = [], []
        placed, cache = self.placed, self._placed
        for cell, first, last in page.parts():
            if cell.rowspan == 1 and slots[first].lines is not None:  # a row split between pages: its piece
                found = placed(cell, slots[first].lines)
            else:
                found = cache.get(id(cell)) or placed(cell)
            parts.append((found, first, last))
            needs.append((first, last, found[5]))
        spread(heights, needs)  # only where the real text needs more than the plan's estimate
        total = sum(heights)
        body_width, body_height = paper.body_width_mm * mm, paper.body_height_mm * mm
        scale = min(1.0, body_height / total if total else 1.0, body_width / self.width if self.width else 1.0)
        left = paper.left_mm * mm + (body_width - self.width * scale) / 2
        top = (paper.height_mm - paper.top_mm) * mm
        tops = [0.0]  # from the top of the page's table, downwards
        for height in heights:
            tops.append(tops[-1] + height)
        edges = self.edges
        rects, batch = [], []
        for (x, width, ruled, pad, content, _), first, last in parts:
            bottom = -tops[last + 1]
            height = tops[last + 1] - tops[first]
            if ruled:
                rects.append(f"{x:.2f} {bottom:.2f} {width:.2f} {height:.2f} re")
            if content:  # centred in the room its padding leaves
                content.place(batch, x + pad[2], bottom + pad[1] + (height - pad[0] - pad[1] - content.height) / 2,
                              width - pad[2] - pad[3])
        table, empty = self.layout.table_rows, self.layout.empty_columns
        for index, slot in enumerate(slots):  # table positions no cell covers are still ruled (a page's parts
            for col in (empty(slot.row) if slot.row in table else ()):  # cover every other position of its rows)
                rects.append(f"{edges[col]:.2f} {-tops[index + 1]:.2f} {self.widths[col]:.2f} {heights[index]:.2f} re")
        canvas._code.append(f"q {scale:.4f} 0 0 {scale:.4f} {left:.2f} {top:.2f} cm")
        if rects:
            canvas._code.append(f"{GRID_WIDTH} w 0 G {' '.join(rects)} S")
        if batch:
            write_batch(canvas, batch)
        canvas._code.append("Q")

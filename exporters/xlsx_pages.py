"""Where the printed pages of a sheet will break, so that a merged label is not cut in two.

Excel and LibreOffice print a merged cell's text once, centred in the whole range, even when
the range runs over a page break: a long 绩效指标 or 产出指标 label then lands on the break and is
cut. Knowing the row heights (we set them) and the page, the writer estimates the breaks and
anchors such a label at the top of its first page part, or at the bottom of its last one.
"""
from __future__ import annotations

from model.layout import Cell, Layout

from .style import page_for
from .xlsx_sizes import PT_PER_MM, cell_need_pt

SLACK_PT = 12.0  # room beyond the text's need in the part chosen
DRIFT = 0.03  # a renderer's page may hold a few % more (LibreOffice's Arial is 2 % wider)


def page_starts(layout: Layout, heights: list[float]) -> list[int]:
    """First grid row of each printed page (estimate: fit to width, print titles repeated)."""
    page = page_for(layout)
    scale = min(1.0, page.body_width_mm / layout.width_mm)  # fit to one page wide
    body_pt = (page.height_mm - page.top_mm - page.bottom_mm) * PT_PER_MM / scale
    titles = layout.header_rows
    title_pt = sum(heights[r] for r in titles)
    starts, used = [0], 0.0
    for row, height in enumerate(heights):
        if used + height > body_pt and used > 0:
            starts.append(row)
            # the print titles are repeated on the pages after the one that shows them
            used = title_pt if len(titles) and row >= titles.stop else 0.0
        used += height
    return starts


SHRINK_LIMIT = 1.25  # a form up to 25 % taller than one page is printed on one page, slightly smaller


def fits_one_page(layout: Layout, heights: list[float]) -> bool:
    """Whether the form should be fitted to one page tall (it overflows one page by a little)."""
    page = page_for(layout)
    scale = min(1.0, page.body_width_mm / layout.width_mm)
    body_pt = (page.height_mm - page.top_mm - page.bottom_mm) * PT_PER_MM / scale
    return sum(heights) <= body_pt * SHRINK_LIMIT


def vertical_anchor(layout: Layout, cell: Cell, heights: list[float], starts: list[int]) -> str:
    """'center' unless the cell runs over a page break; then where its text stays whole."""
    breaks = [s for s in starts if cell.row < s <= cell.last_row]
    if not breaks:
        return "center"
    need = cell_need_pt(layout, cell) + SLACK_PT
    first = sum(heights[cell.row:breaks[0]])
    # a part at the top of a cell that holds print-title rows would be printed again, clipped,
    # under every repeated title; the first part only grows if a renderer fits more on a page
    repeated = any(r in layout.header_rows for r in range(cell.row, cell.last_row + 1))
    if first >= need and not repeated:
        return "top"
    # the last part's start drifts with every page printed before it
    last = sum(heights[breaks[-1]:cell.last_row + 1]) - DRIFT * sum(heights[:breaks[-1]])
    if last >= need:
        return "bottom"
    return "center"


def vertical_anchors(layout: Layout, heights: list[float]) -> dict[tuple[int, int], str]:
    """Vertical alignment of the table cells that span rows, by (row, col) of their anchor."""
    starts = page_starts(layout, heights)
    return {(c.row, c.col): vertical_anchor(layout, c, heights, starts)
            for c in layout.cells if c.rowspan > 1 and c.row in layout.table_rows}

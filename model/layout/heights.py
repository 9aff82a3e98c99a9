"""Row heights of a printed form: the one estimate every rendering paginates by (行高估算).

Each cell needs its lines (Chinese line breaking, character widths estimated in ems and never narrower
than a real font's, lines 5 % narrower than the cell) times the line pitch, plus padding; a row is as
tall as its tallest one-row cell, a cell over several rows shares what its rows lack among them
(``spread``, the one function for it). The PDF, the window's 打印, Word (row heights "at least") and
Excel (row heights as set) all draw rows at these heights, so they break pages at the same rows (see
paging.py); each renderer only checks that its own text fits the height.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable, Optional, Sequence

from .grid import Cell, Fmt, Layout, Role
from .linebreak import balanced, wrap
from .typeset import (CELL_PAD_Y_MM, MIN_ROW_MM, MM_PER_PT, OUTSIDE_SPACE_PT, TIGHT_MIN_ROW_MM, TIGHT_PAD_Y_MM,
                      em_mm, line_mm)
from .widths import em_measure, usable_mm

FIXED_TEXT = (Role.LABEL, Role.HEADER, Role.TITLE, Role.SUBTITLE)  # printed words, broken evenly
_LINE_MM = {role: line_mm(role) for role in Role}
_OUTSIDE_MM = {role: sum(OUTSIDE_SPACE_PT.get(role, (0.0, 0.0))) * MM_PER_PT for role in Role}


def spread(heights: list, spans: Iterable[tuple[int, int, float]],
           share: Optional[Callable[[float, int], float]] = None) -> None:
    """Give each span ``(first, last, need)`` over ``heights[first:last + 1]`` what those rows lack, in
    equal shares; shorter spans first, so a long span only adds what is still missing after them.
    ``share(lacking, rows)`` rounds a share (the window works in whole pixels)."""
    for first, last, need in sorted(spans, key=lambda s: s[1] - s[0]):
        lacking = need - sum(heights[first:last + 1])
        if lacking > 0:
            count = last - first + 1
            part = share(lacking, count) if share else lacking / count
            for index in range(first, last + 1):
                heights[index] += part


def span_width_mm(layout: Layout, cell: Cell) -> float:
    return sum(layout.column_widths_mm[cell.col:cell.col + cell.colspan])


def cell_lines(cell: Cell, width_mm: float) -> list[str]:
    """The lines of a cell's text in a cell ``width_mm`` wide, as estimated for every renderer.

    Fixed labels and titles are broken evenly; a figure stays on one line (it shrinks if it must); a
    vertical label is one character a line.
    """
    return list(_lines(cell.text or "", cell.role, cell.fmt.numeric, width_mm))


@lru_cache(maxsize=65536)
def _lines(text: str, role: Role, numeric: bool, width_mm: float) -> tuple[str, ...]:
    """Cached: the same labels and values recur in every form and every writer of an export."""
    text = text.strip()
    if not text:
        return ()
    if role is Role.VERTICAL:
        return tuple(ch for ch in text if not ch.isspace())
    if numeric:
        return tuple(text.split("\n"))
    room = usable_mm(width_mm) / em_mm(role)  # in ems
    if role in FIXED_TEXT:
        return tuple(balanced(text, room, em_measure))
    return tuple(wrap(text, room, em_measure))


def fixed_text(layout: Layout, cell: Cell) -> str:
    """A cell's text to print where the renderer breaks lines itself (Word, Excel): a fixed label of the
    table with the line breaks the plan gives it (年度预算 / 申请 / （万元）), anything else as it is."""
    text = cell.text or ""
    if cell.role not in (Role.LABEL, Role.HEADER) or cell.row not in layout.table_rows:
        return text
    broken = layout.memo.get("fixed text")  # every writer of an export asks for each label
    if broken is None:
        broken = layout.memo["fixed text"] = {}
    found = broken.get(id(cell))
    if found is None:
        lines = cell_lines(cell, span_width_mm(layout, cell))
        found = broken[id(cell)] = "\n".join(lines) if len(lines) > 1 else text
    return found


def printed_text(layout: Layout, cell: Cell, lines: Optional[tuple[int, Optional[int]]] = None) -> str:
    """What a renderer prints in ``cell`` on one page: its text (``fixed_text``), or, in a row split between
    pages (``lines`` = the slot's ``Slot.lines``), the lines [a, b) of it this page holds as the plan counts
    them, paragraph breaks kept. Each renderer breaks that piece again with its own font; its lines are
    never wider than the estimate's, so the piece fits the height the plan gave it, and every format puts
    the same words on the same page."""
    if lines is None or cell.rowspan > 1:
        return fixed_text(layout, cell)
    first, last = lines
    text = (cell.text or "").strip()
    width = span_width_mm(layout, cell)
    if cell.role is Role.VERTICAL or cell.fmt.numeric or cell.role in FIXED_TEXT:
        return "\n".join(cell_lines(cell, width)[first:last])
    room = usable_mm(width) / em_mm(cell.role)
    pieces, index = [], 0
    for paragraph in text.split("\n"):
        # wrap() breaks each paragraph on its own, so its lines, paragraph by paragraph, are the cell's
        starts, cursor = [], 0
        for line in wrap(paragraph, room, em_measure):
            at = paragraph.find(line, cursor) if line else cursor
            starts.append(at)
            cursor = at + len(line)
        count = len(starts)
        a, b = max(first - index, 0), count if last is None else min(last - index, count)
        if a < b:
            end = starts[b] if b < count else len(paragraph)
            pieces.append(paragraph[starts[a]:end].rstrip())
        index += count
    return "\n".join(pieces)


def cell_need_mm(layout: Layout, cell: Cell, pad_y: float = CELL_PAD_Y_MM) -> float:
    """Height (mm) the cell's text needs, padding and the space around rows outside the table included."""
    lines = len(cell_lines(cell, span_width_mm(layout, cell)))
    need = lines * line_mm(cell.role)
    if cell.row in layout.table_rows:
        return need + 2 * pad_y
    above, below = OUTSIDE_SPACE_PT.get(cell.role, (0.0, 0.0))
    return need + (above + below) * MM_PER_PT


@dataclass
class RowHeights:
    """A form's row heights: each row's own (its one-row cells) and the needs of cells over several rows.

    ``of(rows)`` gives the heights of any sequence of rows printed together (a page, with a repeated
    header): every cell over several of them gets its need in that part, since a label cut by a page
    break is printed again in each part.
    """

    own: list[float]
    spans: list[tuple[int, int, float]]  # (first row, last row, need) of each cell over several rows
    pad_y: float = CELL_PAD_Y_MM  # the padding above and below a cell's text these heights allow
    _by_row: dict = field(default_factory=dict, repr=False)

    def __post_init__(self):
        for span in self.spans:
            for row in range(span[0], span[1] + 1):
                self._by_row.setdefault(row, []).append(span)

    def spans_of(self, row: int) -> list[tuple[int, int, float]]:
        """The spans (first row, last row, need) over ``row``."""
        return self._by_row.get(row, [])

    def of(self, rows: Sequence[int], own: Optional[dict[int, float]] = None) -> list[float]:
        """Heights of ``rows`` printed together; ``own`` overrides the own height of some of them (by
        index: a row split between pages shows part of its lines)."""
        all_own = self.own
        heights = [all_own[r] for r in rows]
        if own:
            for index, height in own.items():
                heights[index] = height
        parts: dict[tuple, list[int]] = {}
        by_row = self._by_row
        for index, row in enumerate(rows):
            spans = by_row.get(row)
            if spans:
                for span in spans:
                    part = parts.get(span)
                    if part is None:
                        parts[span] = [index, index]
                    else:
                        part[1] = index
        if parts:
            spread(heights, [(p[0], p[1], span[2]) for span, p in parts.items()])
        return heights

    def full(self) -> list[float]:
        return self.of(range(len(self.own)))

    def lines_in(self, height_mm: float, role: Role = Role.INPUT) -> int:
        """How many lines of ``role`` a bordered cell ``height_mm`` tall holds."""
        return max(0, math.floor((height_mm - 2 * self.pad_y) / line_mm(role) + 1e-6))

    def height_of(self, lines: int, role: Role = Role.INPUT) -> float:
        """Height of a bordered cell of ``lines`` lines of ``role``."""
        return lines * line_mm(role) + 2 * self.pad_y


def row_heights(layout: Layout, tight: bool = False) -> RowHeights:
    """The estimated heights (mm) of every grid row of ``layout``; ``tight``: with less padding."""
    pad_y, least = (TIGHT_PAD_Y_MM, TIGHT_MIN_ROW_MM) if tight else (CELL_PAD_Y_MM, MIN_ROW_MM)
    own = [least if r in layout.table_rows else 0.0 for r in range(layout.n_rows)]
    spans = []
    for first, last, text_mm, bordered in _text_heights(layout):
        need = text_mm + 2 * pad_y if bordered else text_mm
        if first == last:
            if need > own[first]:
                own[first] = need
        else:
            spans.append((first, last, need))
    return RowHeights(own, spans, pad_y)


def _text_heights(layout: Layout) -> list[tuple[int, int, float, bool]]:
    """(first row, last row, height of its text, bordered) of every cell, worked out once per layout and
    column widths (a plan is made with two paddings, and by every writer of an export)."""
    key = ("text heights", layout.column_widths_mm)
    cached = layout.memo.get(key)
    if cached is not None:
        return cached
    header = layout.header_rows
    edges = [0.0]
    for width in layout.column_widths_mm:
        edges.append(edges[-1] + width)
    table = layout.table_rows
    result = []
    text_fmt = Fmt.TEXT
    for cell in layout.cells:
        first, last = cell.row, cell.row + cell.rowspan - 1
        if len(header) and first in header and last >= header.stop:
            first = header.stop  # 绩效指标: Word and Excel set it below the repeated header row, so room there
        role, text = cell.role, cell.text
        if not text or text.isspace():
            lines = 0
        elif cell.fmt is not text_fmt and role is not Role.VERTICAL:  # a figure: its lines as written
            lines = text.strip().count("\n") + 1
        else:
            lines = len(_lines(text, role, False, edges[cell.col + cell.colspan] - edges[cell.col]))
        bordered = cell.row in table
        text_mm = lines * _LINE_MM[role] + (0.0 if bordered else _OUTSIDE_MM[role])
        result.append((first, last, text_mm, bordered))
    layout.memo[key] = result
    return result

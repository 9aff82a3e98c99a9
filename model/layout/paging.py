"""Pagination of a printed form (分页), the one plan the PDF, the window's 打印, Word and Excel follow.

Rules (issue 9):
- a form starts on a new page; the rows above its table (附件N, title, 填报单位) open its first page;
- pages break only between table rows, never right under a row of headings (年初预算数…, 预期目标,
  一级指标…) nor under the title rows;
- the header row (``layout.header_rows``) is printed again at the top of a page that continues the rows
  it heads (the indicator rows, or the 经费 lines of the 基础数据表);
- the table's last row (总分) and the rows below the table (备注, the signature line) stay on a page with
  at least ``CARRY`` rows before it (two indicator rows); a form with no rows below its table carries none;
- a cell over several rows cut by a page break is printed in each part with its label (绩效指标, 产出指标,
  数量指标 …), each part as tall as its label needs (heights.RowHeights.of);
- only a row taller than a whole page is split, between lines of its text.

The plan works on the estimated heights of heights.py; renderers draw rows at these heights, so every
format breaks at the same rows.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple, Optional

from .grid import Cell, Layout, Role
from .heights import RowHeights, row_heights

CARRY = 2  # rows that go to a new page with the 总分 row and the signature footer
MIN_SPLIT_LINES = 2  # a row split between pages leaves at least this many lines on the first one


class Slot(NamedTuple):
    """One grid row as printed on a page (a tuple: a long document's plan holds thousands)."""

    row: int
    height: float  # mm on this page
    repeated: bool = False  # the header row printed again on a continuation page
    lines: Optional[tuple[int, Optional[int]]] = None  # a row taller than a page: its lines [a, b) here


@dataclass
class PlannedPage:
    layout: Layout
    slots: list[Slot]
    index: int  # page of the form, from 0
    last: bool  # the form's last page
    _parts: Optional[list] = field(default=None, repr=False)

    @property
    def rows(self) -> list[int]:
        return [s.row for s in self.slots]

    @property
    def first(self) -> bool:
        return self.index == 0

    @property
    def height(self) -> float:
        return sum(s.height for s in self.slots)

    def parts(self) -> list[tuple[Cell, int, int]]:
        """Every cell on this page with the first and last slot it covers, left to right, top down."""
        if self._parts is None:
            self._parts = self._find_parts()
        return self._parts

    def _find_parts(self) -> list[tuple[Cell, int, int]]:
        layout, found, order = self.layout, {}, []
        for index, slot in enumerate(self.slots):
            for col in range(layout.n_cols):
                cell = layout.at(slot.row, col)
                if cell is None or cell.col != col:
                    continue
                key = id(cell)
                if key in found and found[key][2] == index - 1:
                    found[key][2] = index
                elif key not in found:
                    found[key] = [cell, index, index]
                    order.append(key)
        return [tuple(found[key]) for key in order]


def heading_rows(layout: Layout) -> set[int]:
    """Rows a page may not end with: the rows above the table and every row holding column headings."""
    rows = set(layout.before_table()) | set(layout.header_rows)
    for cell in layout.cells:
        if cell.role is Role.HEADER and cell.row in layout.table_rows:
            rows.add(cell.row)
    return rows


def header_section(layout: Layout) -> range:
    """The rows the repeated header heads: down to the end of a span that starts in the header row (the
    绩效指标 column), or else to the next row of headings (楼堂馆所控制情况)."""
    header = layout.header_rows
    if not len(header):
        return range(0)
    spans = [c.last_row for r in header for c in layout.cells_in_row(r) if c.rowspan > 1]
    if spans:
        return range(header.stop, max(spans) + 1)
    for row in range(header.stop, layout.table_rows.stop):
        if any(c.role is Role.HEADER for c in layout.cells_in_row(row)):
            return range(header.stop, row)
    return range(header.stop, layout.table_rows.stop)


class _Planner:
    """Fills pages greedily with whole rows, then moves the break back to the last place the rules allow."""

    def __init__(self, layout: Layout, heights: RowHeights, body_mm: float):
        self.layout, self.heights, self.body = layout, heights, body_mm
        self.headings = heading_rows(layout)
        self.section = header_section(layout)
        self.header = list(layout.header_rows)
        self.after = list(layout.after_table())
        self.table = list(layout.table_rows)
        # the 总分 row goes with the footer below it; a form with none (the 怀化 form ends with its 评价报告综述)
        # has no such row: its last row just follows its heading
        self.carry = min(CARRY, max(0, len(self.table) - 1)) if self.after else 0
        self.tall = {r for r in self.table  # rows that cannot fit any page whole, even under the header
                     if self._at_most(r) > body_mm + 1e-6
                     and sum(heights.of([x for x in self.header if r in self.section] + [r])) > body_mm + 1e-6}

    def _at_most(self, row: int) -> float:
        """A bound on the height of ``row`` under its repeated header: own heights and every span's need
        (a span only adds what its rows lack), so most rows are seen to fit without working it out."""
        rows = [x for x in self.header if row in self.section] + [row]
        spans = {span for r in rows for span in self.heights.spans_of(r)}
        return sum(self.heights.own[r] for r in rows) + sum(span[2] for span in spans)

    def plan(self) -> list[list[Slot]]:
        pages: list[list[Slot]] = []
        n = len(self.table)
        head = [Slot(r, 0.0) for r in self.layout.before_table()]  # heights filled in by _page
        start = 0
        while True:
            end, split = self._page_end(head, start)
            if split is not None:  # a row taller than the room left: its first lines end this page
                page, rest = self._split(head, start, split)
                pages.append(page)
                head = self._repeat(rest.row) + [rest]
                start = split + 1 if split >= 0 else start  # -1: the rest of a row split before, again
                continue
            last = end == n and self._fits(head, start, n, with_footer=True)
            pages.append(self._page(head, start, end, last))
            if end == n:
                if not last:  # the rows fit, the footer with them does not: it goes alone
                    pages.append(self._page([], n, n, True))
                return pages
            head, start = self._repeat(self.table[end]), end

    def _entries(self, head: list[Slot], start: int, end: int, with_footer: bool) -> list[Slot]:
        rows = [Slot(r, 0.0) for r in self.table[start:end]]
        return head + rows + ([Slot(r, 0.0) for r in self.after] if with_footer else [])

    def _heights(self, entries: list[Slot]) -> list[float]:
        override = {i: s.height for i, s in enumerate(entries) if s.lines is not None}
        return self.heights.of([s.row for s in entries], override)

    def _fits(self, head: list[Slot], start: int, end: int, with_footer: bool) -> bool:
        rows = [s.row for s in head] + self.table[start:end] + (self.after if with_footer else [])
        override = {i: s.height for i, s in enumerate(head) if s.lines is not None}
        return sum(self.heights.of(rows, override)) <= self.body + 1e-6

    def _page(self, head: list[Slot], start: int, end: int, last: bool) -> list[Slot]:
        entries = self._entries(head, start, end, last)
        return [Slot(s.row, h, s.repeated, s.lines) for s, h in zip(entries, self._heights(entries))]

    def _allowed(self, end: int) -> bool:
        """May a page end before table row ``end`` (its last row not a row of headings)?"""
        return self.table[end - 1] not in self.headings

    def _page_end(self, head: list[Slot], start: int) -> tuple[int, Optional[int]]:
        """Where the page starting at table row ``start`` ends: (end, None) for rows [start, end) on it,
        or (_, j) when row j is split and its first lines end the page (j = -1: the split row opening
        the page, again)."""
        n = len(self.table)
        if self._fits(head, start, n, with_footer=True):
            return n, None
        opened = bool(head) and head[-1].lines is not None  # the page opens with the rest of a split row
        if opened and not self._fits(head, start, start, False):
            return start, -1
        # rows' own heights only add up to less than the page's (spans add to them): no end past k fits
        rough = sum(s.height if s.lines is not None else self.heights.own[s.row] for s in head)
        k = start
        while k < n and rough + self.heights.own[self.table[k]] <= self.body + 1e-6:
            rough += self.heights.own[self.table[k]]
            k += 1
        if k < n and self.table[k] in self.tall:  # the next row is taller than a page: split it here
            fit = next(e for e in range(k, start - 1, -1) if e == start or self._fits(head, start, e, False))
            if fit == k and self.heights.lines_in(self._room(head, start, fit)) >= MIN_SPLIT_LINES:
                return fit, fit
        limit = n - 1 - self.carry  # the last page keeps CARRY rows before the 总分 row
        for end in range(min(k, limit), start, -1):
            if self._allowed(end) and self._fits(head, start, end, False):
                return end, None
        for end in range(min(k, n - 1), limit, -1):  # carry fewer rows with the footer
            if self._allowed(end) and self._fits(head, start, end, False):
                return end, None
        if self._fits(head, start, n, False):
            return n, None  # the rows fit, the footer does not: plan() sends it to a page of its own
        # No break the rules allow fits. The rows from start that fit end with a heading (or there are
        # none), and the next row: split it here if it is taller than a page, below its headings.
        fit = next(e for e in range(min(k, n), start - 1, -1) if e == start or self._fits(head, start, e, False))
        row = self.table[fit]
        alone = self.heights.of([s.row for s in self._repeat(row)] + [row])
        if sum(alone) > self.body + 1e-6:
            room = self._room(head, start, fit)
            if self.heights.lines_in(room) >= MIN_SPLIT_LINES or fit == start or not self._allowed(fit):
                return fit, fit
            return fit, None
        if fit > start:
            return fit, None  # a row of headings ends the page: nothing else would fit
        return start, start  # not even the first row fits under the rows above the table

    def _overrides(self, head: list[Slot]) -> dict[int, float]:
        return {i: s.height for i, s in enumerate(head) if s.lines is not None}

    def _room(self, head: list[Slot], start: int, row: int) -> float:
        """Height left for table row ``row`` on a page holding head and rows [start, row)."""
        rows = [s.row for s in head] + self.table[start:row] + [self.table[row]]
        return self.body - sum(self.heights.of(rows, self._overrides(head))[:-1])

    def _repeat(self, row: int) -> list[Slot]:
        return [Slot(r, 0.0, True) for r in self.header] if row in self.section else []

    def _split(self, head: list[Slot], start: int, split: int) -> tuple[list[Slot], Slot]:
        """Rows [start, split) on the page, then the lines of row ``split`` that fit; and the rest of it.
        ``split`` = -1: the rest of a row split before opens the page and is split again."""
        if split < 0:
            piece, head = head[-1], head[:-1]
            first, rows = piece.lines[0], []
            total = first + self.heights.lines_in(piece.height)
        else:
            piece, first, rows = Slot(self.table[split], self.heights.own[self.table[split]]), 0, self.table[start:split]
            total = self.heights.lines_in(piece.height)
        entries = head + [Slot(r, 0.0) for r in rows]
        used = sum(self._heights(entries + [Slot(piece.row, 0.0, False, (0, 0))])[:-1])
        fit = max(1, min(total - first - 1, self.heights.lines_in(self.body - used)))
        top = Slot(piece.row, self.heights.height_of(fit), False, (first, first + fit))
        rest = Slot(piece.row, self.heights.height_of(total - first - fit), False, (first + fit, None))
        entries = entries + [top]
        page = [Slot(s.row, h, s.repeated, s.lines) for s, h in zip(entries, self._heights(entries))]
        return page, rest


def plan_pages(layout: Layout, body_mm: float) -> list[PlannedPage]:
    """The printed pages of ``layout`` on pages whose body is ``body_mm`` tall.

    A form that needs a page less with tighter rows (less padding; a one-page form just too long, as a
    rule) is planned with them. A cell over the header row from above is refused (ValueError): the
    header row is printed again alone.
    """
    planned = layout.memo.get(("pages", body_mm))  # the writers of one export share the pages and their parts
    if planned is not None:
        return planned
    key = (layout.signature(), body_mm)
    pages = _planned.get(key)
    if pages is None:
        if len(_planned) >= MEMO_SIZE:
            _planned.clear()
        pages = _planned[key] = _plan(layout, body_mm)
    planned = [PlannedPage(layout, slots, index, index == len(pages) - 1) for index, slots in enumerate(pages)]
    layout.memo[("pages", body_mm)] = planned
    return planned


MEMO_SIZE = 1024  # plans remembered by the layout's signature (an export plans each form for 3 writers)
_planned: dict[tuple, list[list[Slot]]] = {}


def _plan(layout: Layout, body_mm: float) -> list[list[Slot]]:
    start = layout.header_rows.start if len(layout.header_rows) else None
    for cell in layout.cells:
        if start is not None and cell.row < start <= cell.last_row and cell.row >= layout.table_rows.start:
            raise ValueError(f"{layout.key}: a cell spans across the header row {start}")
    pages = _Planner(layout, row_heights(layout), body_mm).plan()
    if len(pages) > 1:
        tight_heights = row_heights(layout, tight=True)
        if sum(tight_heights.full()) <= (len(pages) - 1) * body_mm:  # else it cannot save a page
            tight = _Planner(layout, tight_heights, body_mm).plan()
            if len(tight) < len(pages):
                pages = tight
    return pages

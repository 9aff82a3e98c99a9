"""The bordered part of a form as Word tables (WordprocessingML text), page by planned page.

Word follows the one pagination plan (model/layout/paging.py) that the PDF, Excel and the window's 打印
follow: each planned page's rows are written as their own table(s), a page break comes between pages,
every row is as tall as the plan says ("at least"), keeps with the next row except the last one of
its page, and never splits (w:cantSplit); a row taller than a page is written on each page it takes as
a row of its own holding that page's piece of the text. Word's own text fits the plan's heights (the plan allows for
wider fonts), so Word breaks where the plan does; if it ever needed more room, the rows that must stay
together still do. A label cut by a break is written in each page's part (vertical merges restart).

Word repeats only a table's first rows on a new page, while the header row (一级指标/二级指标…, or
经费控制情况) sits in the middle of the form; so a page's rows are split into two tables at the header
row, which starts the second one marked w:tblHeader (a page that continues the indicator rows starts
with it). Two w:tbl that touch are joined into one table by Word and by LibreOffice, so a hidden,
1-point paragraph keeps them apart: it takes no room on paper and the two tables print as one.

A cell that starts in the header row and runs on below it (绩效指标) is drawn as two cells with no
border between them: the header part and the rest, which carries the text. A repeated header row
must end where it ends; LibreOffice draws stray borders otherwise.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from model.layout import Cell, Fmt, Layout, Role
from model.layout.heights import printed_text, span_width_mm
from model.layout.linebreak import char_em
from model.layout.paging import PlannedPage, Slot

from .docx_xml import ROLE_PARAGRAPH_STYLE, paragraph, text_runs, twips
from .style import ROLE_STYLES

VERTICAL_TEXT = "tbRlV"  # vertical flow with CJK upright (Word: 竖排; LibreOffice: tb-rl)
CELL_MARGIN_MM = 1.0  # left and right padding inside a cell
MIN_NUMBER_PT = 8.0  # a number too wide for its column shrinks down to this size rather than wrap
BORDER = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'  # 0.5 pt lines
_BORDERS = "".join(BORDER.format(side=side) for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
SEPARATOR = ('<w:p><w:pPr><w:pStyle w:val="FormCell"/><w:keepNext/><w:spacing w:before="0" w:after="0" w:line="20"'
             ' w:lineRule="exact"/><w:rPr><w:vanish/><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>')
# Ends a planned page: the 1-point paragraph after the break opens the next page and takes no room.
PAGE_BREAK = ('<w:p><w:pPr><w:pStyle w:val="FormCell"/><w:pageBreakBefore/><w:spacing w:before="0" w:after="0"'
              ' w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>')
_EMPTY = {keep: paragraph("FormCell", keep_next=keep) for keep in (False, True)}
_OPEN = {"below": '<w:tcBorders><w:bottom w:val="nil"/></w:tcBorders>',
         "above": '<w:tcBorders><w:top w:val="nil"/></w:tcBorders>'}
_VERTICAL = f'<w:textDirection w:val="{VERTICAL_TEXT}"/>'
_TIMES_EM = {".": 0.25, ",": 0.25, "%": 0.833, "-": 0.333, "—": 1.0, "+": 0.564}  # widths in Times, em


def number_width_em(text: str) -> float:
    """Width of a number set in Times New Roman (digits 0.5 em); others counted as CJK or Latin."""
    return sum(0.5 if ch.isdigit() else _TIMES_EM.get(ch, char_em(ch)) for ch in text)


def column_twips(widths_mm: tuple[float, ...]) -> list[int]:
    """Column widths in twips, rounded at the column boundaries so the total stays exact."""
    bounds, total = [0], 0.0
    for width in widths_mm:
        total += width
        bounds.append(twips(total))
    return [b - a for a, b in zip(bounds, bounds[1:])]


def split_row(layout: Layout) -> int | None:
    """The row where a page's second table starts (the header row), or None for one table."""
    start = layout.header_rows.start if len(layout.header_rows) else None
    if start is None or start == layout.table_rows.start:
        return None
    if start not in layout.table_rows:
        raise ValueError(f"{layout.key}: header row {start} outside the table {layout.table_rows}")
    for cell in layout.cells:
        if cell.row < start <= cell.last_row:
            raise ValueError(f"{layout.key}: cell {cell.text!r} at row {cell.row} spans the table split at {start}")
    return start


def tables_xml(layout: Layout, pages: list[PlannedPage]) -> str:
    """The table rows of every planned page of ``layout``, a page break between pages."""
    columns = column_twips(layout.column_widths_mm)
    split = split_row(layout)
    parts = []
    for page in pages:
        body = [i for i, slot in enumerate(page.slots) if slot.row in layout.table_rows]
        if page.index:
            parts.append(PAGE_BREAK)
        if not body:
            continue
        groups, current = [], [body[0]]
        for i in body[1:]:  # a new table where the header row is written (not repeated: that one leads)
            if page.slots[i].row == split and not page.slots[i].repeated:
                groups.append(current)
                current = []
            current.append(i)
        groups.append(current)
        tables = [_Table(layout, columns, page, group).xml() for group in groups]
        parts.append(SEPARATOR.join(tables))
    return "".join(parts)


def _tc(width: int, span: int, extra: str, content: str) -> str:
    grid_span = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{grid_span}{extra}<w:vAlign w:val="center"/>'
            f"</w:tcPr>{content}</w:tc>")


@lru_cache(maxsize=16384)
def _cell_paragraph(text: str, role: Role, align: str, numeric: bool, width_mm: float, keep: bool) -> str:
    """The paragraph of a cell (cached: labels and values recur in every form of a document)."""
    runs = text_runs(text, role, _number_size(text, role, width_mm) if numeric else None)
    return paragraph(ROLE_PARAGRAPH_STYLE[role], runs, jc=align, keep_next=keep)


def _number_size(text: str, role: Role, width_mm: float) -> float | None:
    """A smaller size for a number that would wrap in its column (100.00% in 执行率), else None."""
    if not text or "\n" in text:
        return None
    room = width_mm - 2 * CELL_MARGIN_MM
    size = ROLE_STYLES[role].size_pt
    needed = number_width_em(text) * size * 0.3528 * 1.04  # a little slack for the renderer
    if needed <= room:
        return None
    return max(MIN_NUMBER_PT, int(size * room / needed * 2) / 2)


@dataclass
class _Segment:
    """A cell as written in one table: slots ``first``…``last`` of it, with or without its text."""

    cell: Cell
    first: int
    last: int
    text: bool = True
    open_side: Optional[str] = None  # 'below' or 'above'


class _Table:
    def __init__(self, layout: Layout, columns: list[int], page: PlannedPage, indices: list[int]):
        self.layout, self.columns, self.page = layout, columns, page
        # the width (twips) of every run of columns: widths[first column][columns]
        self.widths = [[sum(columns[c:c + n]) for n in range(len(columns) - c + 1)] for c in range(len(columns))]
        self.slots: list[Slot] = [page.slots[i] for i in indices]
        header_rows = set(layout.header_rows)
        self.header = 0  # leading rows of this table marked w:tblHeader (the header row)
        while self.header < len(self.slots) and self.slots[self.header].row in header_rows:
            self.header += 1
        self.grid: dict[tuple[int, int], tuple[_Segment, bool]] = {}  # (slot, col) → segment, starts here
        first_index = indices[0]
        for cell, first, last in page.parts():
            first, last = first - first_index, last - first_index
            if last < 0 or first >= len(self.slots):
                continue
            first, last = max(first, 0), min(last, len(self.slots) - 1)
            if first < self.header <= last:  # 绩效指标 beside the header row: two cells, one rule less
                segments = [_Segment(cell, first, self.header - 1, False, "below"),
                            _Segment(cell, self.header, last, True, "above")]
            else:
                segments = [_Segment(cell, first, last)]
            for segment in segments:
                for index in range(segment.first, segment.last + 1):
                    self.grid[(index, cell.col)] = (segment, index == segment.first)
        self.keep = False

    def xml(self) -> str:
        margin = twips(CELL_MARGIN_MM)
        grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in self.columns)
        properties = (f'<w:tblPr><w:tblW w:w="{sum(self.columns)}" w:type="dxa"/><w:jc w:val="center"/>'
                      f'<w:tblBorders>{_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
                      f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{margin}" w:type="dxa"/>'
                      f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar>'
                      '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0"'
                      ' w:noHBand="0" w:noVBand="0"/></w:tblPr>')
        body, above = [], None
        last_of_page = self.slots[-1] is self._page_last()
        for index, slot in enumerate(self.slots):
            # Rows keep with the next one down to the page's last row, which keeps with the notes and the
            # signature below it only on the form's last page; rows never split across pages.
            self.keep = not (last_of_page and index == len(self.slots) - 1) or self.page.last
            # a row taller than a page is written as one row per page, each with its piece of the text
            tr_pr = f'<w:trPr><w:cantSplit/><w:trHeight w:val="{twips(slot.height)}" w:hRule="atLeast"/>'
            tr_pr += "<w:tblHeader/></w:trPr>" if index < self.header else "</w:trPr>"
            cells, above = self._row(index, above)
            body.append(f"<w:tr>{tr_pr}{cells}</w:tr>")
        return f"<w:tbl>{properties}<w:tblGrid>{grid}</w:tblGrid>{''.join(body)}</w:tbl>"

    def _page_last(self) -> Slot:
        table_rows = self.layout.table_rows
        return [s for s in self.page.slots if s.row in table_rows][-1]

    def _row(self, index: int, above: list[tuple[int, int]] | None):
        """The w:tc elements of one row, and the (start, span) of each for the next row."""
        n_cols, grid = self.layout.n_cols, self.grid
        parts, spans, col = [], [], 0
        while col < n_cols:
            found = grid.get((index, col))
            if found is None:
                span = self._empty_span(index, col, above)
                parts.append(_tc(self.widths[col][span], span, "", _EMPTY[self.keep]))
            else:
                segment, starts = found
                span = segment.cell.colspan
                parts.append(self._cell(segment, starts))
            spans.append((col, span))
            col += span
        return "".join(parts), spans

    def _cell(self, segment: _Segment, starts: bool) -> str:
        cell = segment.cell
        role = cell.role
        extra = _OPEN.get(segment.open_side, "") + (_VERTICAL if role is Role.VERTICAL else "")
        width = self.widths[cell.col][cell.colspan]
        if not starts:
            return _tc(width, cell.colspan, "<w:vMerge/>" + extra, _EMPTY[self.keep])
        if segment.last > segment.first:
            extra = '<w:vMerge w:val="restart"/>' + extra
        if not segment.text:
            return _tc(width, cell.colspan, extra, _EMPTY[self.keep])
        align = "center" if role is Role.VERTICAL else cell.align
        text = printed_text(self.layout, cell, self.slots[segment.first].lines)  # a split row: this page's piece
        numeric = cell.fmt is not Fmt.TEXT
        room = span_width_mm(self.layout, cell) if numeric else 0.0
        return _tc(width, cell.colspan, extra, _cell_paragraph(text, role, align, numeric, room, self.keep))

    def _empty_span(self, index: int, col: int, above: list[tuple[int, int]] | None) -> int:
        """An empty position continues the cell boundaries of the row above, so blank cells line up
        with the columns over them (a blank under 按支出性质分's two-column label is one cell)."""
        for start, span in above or ():
            if start == col:
                if all(self.grid.get((index, c)) is None for c in range(col, col + span)):
                    return span
                break
        return 1



"""The bordered part of a form as Word tables (WordprocessingML text).

Word repeats only a table's first rows on each new page, while the row to repeat (the
一级指标/二级指标… header, or the 经费控制情况 header) sits in the middle of the form. The form is
therefore written as two tables with the same column grid, split at ``layout.header_rows.start``;
the second one starts with that header row, marked w:tblHeader. Layouts never merge cells across
that split; this is checked, not assumed.

Two w:tbl that touch are joined into one table by Word and by LibreOffice (the header row would
then sit mid-table and never repeat), so a hidden, 1-point paragraph keeps them apart: it takes
no room on paper and the two tables print as one.

A cell that starts in the header row and runs on below it (绩效指标) is drawn as two cells with
no border between them: the header part and the rest, which carries the text. A repeated header
row must end where it ends; LibreOffice draws stray borders otherwise.
"""
from __future__ import annotations

from model.layout import Cell, Layout, Role

from .common import char_width_em
from .docx_xml import ROLE_PARAGRAPH_STYLE, paragraph, text_runs, twips
from .style import ROLE_STYLES

VERTICAL_TEXT = "tbRlV"  # vertical flow with CJK upright (Word: 竖排; LibreOffice: tb-rl)
ROW_MIN_MM = 6.0  # rows are at least this tall, as on the printed forms; long text makes them taller
CELL_MARGIN_MM = 1.0  # left and right padding inside a cell
MIN_NUMBER_PT = 8.0  # a number too wide for its column shrinks down to this size rather than wrap
BORDER = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'  # 0.5 pt lines
_BORDERS = "".join(BORDER.format(side=side) for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
SEPARATOR = ('<w:p><w:pPr><w:pStyle w:val="FormCell"/><w:spacing w:before="0" w:after="0" w:line="20"'
             ' w:lineRule="exact"/><w:rPr><w:vanish/><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>')
_EMPTY = {keep: paragraph("FormCell", keep_next=keep) for keep in (False, True)}
_OPEN_BELOW = '<w:tcBorders><w:bottom w:val="nil"/></w:tcBorders>'
_OPEN_ABOVE = '<w:tcBorders><w:top w:val="nil"/></w:tcBorders>'
_TIMES_EM = {".": 0.25, ",": 0.25, "%": 0.833, "-": 0.333, "—": 1.0, "+": 0.564}  # widths in Times, em


def number_width_em(text: str) -> float:
    """Width of a number set in Times New Roman (digits 0.5 em); others counted as CJK or Latin."""
    return sum(0.5 if ch.isdigit() else _TIMES_EM.get(ch, char_width_em(ch)) for ch in text)


def column_twips(widths_mm: tuple[float, ...]) -> list[int]:
    """Column widths in twips, rounded at the column boundaries so the total stays exact."""
    bounds, total = [0], 0.0
    for width in widths_mm:
        total += width
        bounds.append(twips(total))
    return [b - a for a, b in zip(bounds, bounds[1:])]


def split_row(layout: Layout) -> int | None:
    """The row where the second table starts (the repeated header row), or None for one table."""
    start = layout.header_rows.start if len(layout.header_rows) else None
    if start is None or start == layout.table_rows.start:
        return None
    if start not in layout.table_rows:
        raise ValueError(f"{layout.key}: header row {start} outside the table {layout.table_rows}")
    for cell in layout.cells:
        if cell.row < start <= cell.last_row:
            raise ValueError(f"{layout.key}: cell {cell.text!r} at row {cell.row} spans the table split at {start}")
    return start


def tables_xml(layout: Layout) -> str:
    """The table rows of ``layout`` as one table, or two joined by a hidden paragraph."""
    columns = column_twips(layout.column_widths_mm)
    rows = layout.table_rows
    split = split_row(layout)
    if split is None:
        return _Table(layout, columns, rows).xml()
    return (_Table(layout, columns, range(rows.start, split), with_header=False).xml() + SEPARATOR
            + _Table(layout, columns, range(split, rows.stop)).xml())


class _Table:
    def __init__(self, layout: Layout, columns: list[int], rows: range, with_header: bool = True):
        self.layout, self.columns, self.rows = layout, columns, rows
        self.keep = False
        header = layout.header_rows if with_header and len(layout.header_rows) else range(0)
        self.header = range(max(header.start, rows.start), min(header.stop, rows.stop)) if header else range(0)

    def xml(self) -> str:
        margin = twips(CELL_MARGIN_MM)
        grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in self.columns)
        properties = (f'<w:tblPr><w:tblW w:w="{sum(self.columns)}" w:type="dxa"/><w:jc w:val="center"/>'
                      f'<w:tblBorders>{_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
                      f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{margin}" w:type="dxa"/>'
                      f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar>'
                      '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0"'
                      ' w:noHBand="0" w:noVBand="0"/></w:tblPr>')
        height = twips(ROW_MIN_MM)
        body, above = [], None
        for row in self.rows:
            # Rows stay whole on a page; the header row repeats on every page the table reaches.
            tr_pr = f'<w:trPr><w:cantSplit/><w:trHeight w:val="{height}" w:hRule="atLeast"/>'
            tr_pr += "<w:tblHeader/></w:trPr>" if row in self.header else "</w:trPr>"
            # The form's last row goes with the notes and the signature below it (Word keeps a row
            # with what follows when its paragraphs are keep-with-next).
            self.keep = row == self.layout.table_rows.stop - 1
            cells, above = self._row(row, above)
            body.append(f"<w:tr>{tr_pr}{cells}</w:tr>")
        return f"<w:tbl>{properties}<w:tblGrid>{grid}</w:tblGrid>{''.join(body)}</w:tbl>"

    def _row(self, row: int, above: list[tuple[int, int]] | None):
        """The w:tc elements of one row, and the (start, span) of each for the next row."""
        layout = self.layout
        parts, spans, col = [], [], 0
        while col < layout.n_cols:
            cell = layout.at(row, col)
            if cell is None:
                span = self._empty_span(row, col, above)
                parts.append(self._tc(col, span, "", self._empty()))
            else:
                span = cell.colspan
                parts.append(self._cell(cell, row))
            spans.append((col, span))
            col += span
        return "".join(parts), spans

    def _cell(self, cell: Cell, row: int) -> str:
        header_end = self.header.stop if self.header else None
        straddles = header_end is not None and cell.row < header_end <= cell.last_row
        direction = f'<w:textDirection w:val="{VERTICAL_TEXT}"/>' if cell.role is Role.VERTICAL else ""
        if straddles and row < header_end:  # the header part of the cell: empty, open below
            restart = row == cell.row and header_end - cell.row > 1
            merge = '<w:vMerge w:val="restart"/>' if restart else ("<w:vMerge/>" if row > cell.row else "")
            return self._tc(cell.col, cell.colspan, merge + _OPEN_BELOW + direction, self._empty())
        first = header_end if straddles else cell.row  # where the cell's text goes
        if row == first:
            merge = '<w:vMerge w:val="restart"/>' if cell.last_row > row else ""
            borders = _OPEN_ABOVE if straddles else ""
            align = "center" if cell.role is Role.VERTICAL else cell.align
            runs = text_runs(cell.text, cell.role, self._number_size(cell))
            content = paragraph(ROLE_PARAGRAPH_STYLE[cell.role], runs, jc=align, keep_next=self.keep)
            return self._tc(cell.col, cell.colspan, merge + borders + direction, content)
        return self._tc(cell.col, cell.colspan, "<w:vMerge/>" + direction, self._empty())

    def _number_size(self, cell: Cell) -> float | None:
        """A smaller size for a number that would wrap in its column (100.00% in 执行率), else None."""
        if not cell.fmt.numeric or not cell.text or "\n" in cell.text:
            return None
        room = sum(self.layout.column_widths_mm[cell.col:cell.col + cell.colspan]) - 2 * CELL_MARGIN_MM
        size = ROLE_STYLES[cell.role].size_pt
        needed = number_width_em(cell.text) * size * 0.3528 * 1.04  # a little slack for the renderer
        if needed <= room:
            return None
        return max(MIN_NUMBER_PT, int(size * room / needed * 2) / 2)

    def _empty(self) -> str:
        return _EMPTY[self.keep]

    def _empty_span(self, row: int, col: int, above: list[tuple[int, int]] | None) -> int:
        """An empty position continues the cell boundaries of the row above, so blank cells line up
        with the columns over them (a blank under 按支出性质分's two-column label is one cell)."""
        for start, span in above or ():
            if start == col:
                if all(self.layout.at(row, c) is None for c in range(col, col + span)):
                    return span
                break
        return 1

    def _tc(self, col: int, span: int, extra: str, content: str) -> str:
        width = sum(self.columns[col:col + span])
        grid_span = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
        return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{grid_span}{extra}<w:vAlign w:val="center"/>'
                f"</w:tcPr>{content}</w:tc>")

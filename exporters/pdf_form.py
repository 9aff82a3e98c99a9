"""One form as a flowable: title rows, the bordered table, notes and signature line, split across pages.

A piece holds some grid rows of the table; the first piece also carries the rows above the table
(附件N, title, 填报单位) and the last one the rows below it (notes, signature footer). Pages break only
between table rows; a piece that continues below the indicator header repeats that header first, and
the signature footer always travels with at least the last table row.
"""
from __future__ import annotations

from typing import Optional

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak

from model.layout import Layout, Role

from .pdf_table import PAD_Y, PAD_Y_TIGHT, Rows
from .pdf_text import CellText
from .style import SIGNATURE_SPACE_MM

CARRY_WITH_FOOTER = 2  # table rows that go to a new page with the notes and signature footer
# Padding (top, bottom, left, right) of the rows outside the table: they align with the table's edges.
OUTSIDE_PADDING = {
    Role.SUBTITLE: (0.0, 2.0, 0.0, 0.0),
    Role.TITLE: (0.0, 6.0, 0.0, 0.0),
    Role.NOTE: (4.0, 0.0, 0.0, 0.0),
    Role.SIGNATURE: (SIGNATURE_SPACE_MM * mm, 2.0, 0.0, 0.0),  # room for the stamp and the signatures
}


class PreparedForm:
    """A layout turned into contents and heights once; every printed piece of the form shares it."""

    def __init__(self, layout: Layout, text: CellText, frame_height: float):
        self.layout = layout
        start = layout.header_rows.start
        for cell in layout.cells:  # the repeated header must start a table part on its own
            if cell.row < start <= cell.last_row and cell.row >= layout.table_rows.start:
                raise ValueError(f"{layout.key}: a cell spans across the header row {start}")
        self.head = Rows(layout, layout.before_table(), text, bordered=False, paddings=OUTSIDE_PADDING)
        self.tail = Rows(layout, layout.after_table(), text, bordered=False, paddings=OUTSIDE_PADDING)
        self.head_height = self.head.height(list(layout.before_table()))
        self.tail_height = self.tail.height(list(layout.after_table()))
        self.body = Rows(layout, layout.table_rows, text, bordered=True)
        rows = list(layout.table_rows)
        over = self.head_height + self.body.height(rows) + self.tail_height - frame_height
        if 0 < over <= 2 * (PAD_Y - PAD_Y_TIGHT) * len(rows) * 0.9:  # just too long: try tighter rows
            tight = Rows(layout, layout.table_rows, text, bordered=True, pad_y=PAD_Y_TIGHT)
            if self.head_height + tight.height(rows) + self.tail_height <= frame_height:
                self.body = tight
        self.header_section = self._header_section()

    def _header_section(self) -> range:
        """The rows the repeated header heads: down to the end of a span that starts in the header row
        (the 绩效指标 column), or else to the next row of headings (楼堂馆所控制情况)."""
        layout, header = self.layout, self.layout.header_rows
        spans = [c.last_row for r in header for c in layout.cells_in_row(r) if c.rowspan > 1]
        if spans:
            return range(header.stop, max(spans) + 1)
        for row in range(header.stop, layout.table_rows.stop):
            if any(c.role is Role.HEADER for c in layout.cells_in_row(row)):
                return range(header.stop, row)
        return range(header.stop, layout.table_rows.stop)

    def piece(self) -> "FormPiece":
        return FormPiece(self, list(self.layout.table_rows), first=True, last=True, repeated=0)


class FormPiece(Flowable):
    def __init__(self, form: PreparedForm, rows: list[int], first: bool, last: bool, repeated: int):
        super().__init__()
        self.form, self.rows, self.first, self.last, self.repeated = form, rows, first, last, repeated
        self._body_height: Optional[float] = None

    def _extra(self) -> float:
        return (self.form.head_height if self.first else 0.0) + (self.form.tail_height if self.last else 0.0)

    def wrap(self, availWidth, availHeight):
        if self._body_height is None:
            self._body_height = self.form.body.height(self.rows)
        self.width, self.height = self.form.body.width, self._body_height + self._extra()
        return self.width, self.height

    def split(self, availWidth, availHeight):
        body, rows = self.form.body, self.rows
        room = availHeight - (self.form.head_height if self.first else 0.0)
        heights = body.place(rows)[0]
        # The signature footer takes a few rows with it, never the total row alone.
        carry = min(CARRY_WITH_FOOTER, len(rows) - self.repeated - 1) if self.last else 1
        limit = len(rows) - max(carry, 1)  # the most rows that may stay on this page
        k, total = self.repeated, sum(heights[:self.repeated])
        while k < limit and total + heights[k] <= room * 1.2:  # rough bound; exact heights checked below
            total += heights[k]
            k += 1
        for k in range(k, self.repeated, -1):
            if not body.is_heading(rows[k - 1]) and body.height(rows[:k]) <= room:
                return self._pieces(k)
        # No good break fits, and every piece starts a page, so something must give: carry fewer rows
        # with the footer, or else split a row taller than the page itself (a very long 年度总体目标,
        # say) between lines of its text, right under its headings.
        j, used = self.repeated, sum(heights[:self.repeated])
        while j < len(rows) and used + heights[j] <= room:
            used += heights[j]
            j += 1
        k = min(j, len(rows) - 1)
        while k > self.repeated and body.is_heading(rows[k - 1]):
            k -= 1
        if k > self.repeated:
            return self._pieces(k)
        if j == len(rows):  # all rows fit, the footer does not
            return [FormPiece(self.form, rows, self.first, False, self.repeated), PageBreak(),
                    FormPiece(self.form, [], False, True, 0)]
        halves = body.split_row(rows[j], room - used)
        if halves is None:
            return []  # not even two lines fit: reportlab reports it, the user gets an ExportError
        return self._pieces(j + 1, rows[:j] + list(halves) + rows[j + 1:])

    def _pieces(self, k: int, rows: Optional[list[int]] = None) -> list[Flowable]:
        rows = self.rows if rows is None else rows
        header = self.form.layout.header_rows
        rest = rows[k:]
        origin = self.form.body.origin.get(rest[0], rest[0])
        repeat = list(header) if origin in self.form.header_section else []
        # The rest starts a new page: it never shares this page's leftover space under a second header.
        return [FormPiece(self.form, rows[:k], self.first, False, self.repeated), PageBreak(),
                FormPiece(self.form, repeat + rest, False, self.last, len(repeat))]

    def draw(self):
        form, canv = self.form, self.canv
        parts = []
        if self.first and form.head_height:
            parts.append(form.head.table(list(form.layout.before_table())))
        if self.rows:
            parts.append(form.body.table(self.rows))
        if self.last and form.tail_height:
            parts.append(form.tail.table(list(form.layout.after_table())))
        y = self.height
        for table in parts:
            _, height = table.wrapOn(canv, self.width, y)
            y -= height
            table.drawOn(canv, 0, y)

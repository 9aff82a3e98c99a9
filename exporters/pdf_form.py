"""A planned page of a form as a flowable: the page's Table, drawn smaller only if it would not fit.

The pages come from the one pagination plan (model/layout/paging.py) that Word, Excel and the window's
打印 follow too; each is followed by a page break, so the PDF breaks exactly where they do.
"""
from __future__ import annotations

from reportlab.platypus import Flowable

from model.layout.paging import PlannedPage

from .pdf_table import FormCells


class PagePiece(Flowable):
    def __init__(self, cells: FormCells, page: PlannedPage):
        super().__init__()
        self.cells, self.page = cells, page
        self._table = None
        self.scale = 1.0

    def wrap(self, availWidth, availHeight):
        if self._table is None:
            self._table = self.cells.table(self.page)
            self._size = self._table.wrap(self.cells.width, 1e9)
        width, height = self._size
        # The plan's heights allow for wider fonts than any embedded one; should a page still come out
        # too tall, it is drawn a little smaller rather than breaking where the other formats do not.
        self.scale = min(1.0, availHeight / height if height else 1.0, availWidth / width if width else 1.0)
        self.width, self.height = availWidth, height * self.scale
        return self.width, self.height

    def split(self, availWidth, availHeight):
        return []  # a planned page is never split (wrap already fits it into the frame)

    def draw(self):
        canv = self.canv
        width, _ = self._size
        canv.saveState()
        canv.translate((self.width - width * self.scale) / 2, 0)
        canv.scale(self.scale, self.scale)
        self._table.drawOn(canv, 0, 0)
        canv.restoreState()

"""PDF export: every form of a document in one A4 file, fonts embedded, 第 N 页 共 M 页 on each page.

The pages are the pagination plan's (model/layout/paging.py), which Word, Excel and the window's 打印
follow too, each drawn on a page of its own in its form's orientation (pdf_table.py); as the plan
knows every page beforehand, each page carries its number and the total as it is drawn.
"""
from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Optional

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from model.document import Document
from model.evaluation import Evaluation, evaluate
from model.layout import Layout, Role, build_layouts
from model.sanitize import printable

from .common import APP_NAME, ExportError, collector_paused, write_output
from .font_faces import tables_kept
from .fonts import FontSet, font_set
from .pdf_table import FormCells
from .pdf_text import CellText, write_batch
from .style import page_for, plan_form

PAGE_NUMBER_SIZE = 9.0


def render_pdf(doc: Document, layouts: list[Layout], out: io.BytesIO, fonts: Optional[FontSet] = None) -> None:
    fonts = fonts or font_set()
    if not layouts:
        raise ExportError("文档中没有可导出的表")
    saved = rl_config.useA85
    rl_config.useA85 = 0  # binary zlib streams: ASCII85 (pure Python here) took a third of the time
    try:
        pages = [(layout, planned) for layout in layouts for planned in plan_form(layout)]
        first = page_for(layouts[0])
        # The canvas's own first font would otherwise be Helvetica, named (unembedded) on every page.
        canvas = Canvas(out, pagesize=(first.width_mm * mm, first.height_mm * mm), initialFontName=fonts.body,
                        initialFontSize=PAGE_NUMBER_SIZE, pageCompression=1)
        unit = doc.unit
        canvas.setTitle(printable(f"{unit.name} {unit.year}年度绩效自评"))
        canvas.setAuthor(APP_NAME)
        canvas.setCreator(APP_NAME)
        canvas.setSubject("预算绩效自评表")
        text = CellText(fonts)
        number_face = text.face(Role.NOTE, PAGE_NUMBER_SIZE)
        cells: dict[int, FormCells] = {}
        for number, (layout, planned) in enumerate(pages, start=1):
            paper = page_for(layout)
            canvas.setPageSize((paper.width_mm * mm, paper.height_mm * mm))
            form = cells.get(id(layout))
            if form is None:
                form = cells[id(layout)] = FormCells(layout, text)
            form.draw(canvas, planned, paper)
            footer = text.lines(number_face, [f"第 {number} 页 共 {len(pages)} 页"], "center")
            batch: list = []  # centred, its baseline a third of the size below the middle of the bottom margin
            footer.place(batch, 0.0, paper.bottom_mm * mm / 2 - PAGE_NUMBER_SIZE / 3 - footer.baseline,
                         paper.width_mm * mm)
            write_batch(canvas, batch)
            canvas.showPage()
        with tables_kept(fonts.all):  # the font subsets are made now
            canvas.save()
    finally:
        rl_config.useA85 = saved


def write_pdf(doc: Document, path: str | os.PathLike, evaluation: Evaluation | None = None,
              layouts: list[Layout] | None = None) -> Path:
    """All forms of ``doc`` (基础数据表, 整体自评表, 项目表) in one PDF at ``path``, written atomically;
    ``layouts``: the forms already laid out (an export of several formats lays them out once)."""
    fonts = font_set()  # before rendering: no usable font is an ExportError, never a PDF with boxes
    layouts = build_layouts(doc, evaluation or evaluate(doc)) if layouts is None else layouts
    with collector_paused():
        return write_output(Path(path), lambda out: render_pdf(doc, layouts, out, fonts))

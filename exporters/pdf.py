"""PDF export: every form of a document in one A4 file, fonts embedded, 第 N 页 共 M 页 on each page."""
from __future__ import annotations

import gc
import io
import os
from pathlib import Path
from typing import Optional

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from model.document import Document
from model.evaluation import Evaluation, evaluate
from model.layout import Layout, build_layouts
from model.sanitize import printable

from .common import ExportError, write_output
from .fonts import FontSet, font_set
from .pdf_form import PagePiece
from .pdf_table import FormCells
from .pdf_text import CellText
from .style import Page, page_for, plan_form

APP_NAME = "绩效自评填报"
PAGE_NUMBER_SIZE = 9.0


def _numbered_canvas(font: str):
    """A canvas that holds its pages back until the end, so each can say how many pages there are."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            # The canvas's own first font would otherwise be Helvetica, named (unembedded) on every page.
            kwargs.update(initialFontName=font, initialFontSize=PAGE_NUMBER_SIZE)
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(font, PAGE_NUMBER_SIZE)
                width, _ = self._pagesize
                bottom = getattr(self, "_bottom_margin", 15 * mm)
                self.drawCentredString(width / 2, bottom / 2 - PAGE_NUMBER_SIZE / 3,
                                       f"第 {self._pageNumber} 页 共 {total} 页")
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def _template_id(page: Page) -> str:
    return f"{'L' if page.width_mm > page.height_mm else 'P'}-{page.left_mm:.1f}-{page.top_mm:.1f}"


def _templates(layouts: list[Layout]) -> list[PageTemplate]:
    """One page template per distinct page (portrait for the 基础数据表, landscape for the others)."""
    templates: dict[str, PageTemplate] = {}
    for layout in layouts:
        page = page_for(layout)
        key = _template_id(page)
        if key in templates:
            continue
        frame = Frame(page.left_mm * mm, page.bottom_mm * mm, page.body_width_mm * mm,
                      (page.height_mm - page.top_mm - page.bottom_mm) * mm,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=key)

        def remember_margin(canv, doc, bottom=page.bottom_mm * mm):
            canv._bottom_margin = bottom  # where the page number goes, kept with the page's saved state

        templates[key] = PageTemplate(id=key, frames=[frame], pagesize=(page.width_mm * mm, page.height_mm * mm),
                                      onPage=remember_margin)
    return list(templates.values())


def _story(doc: Document, evaluation: Evaluation, fonts: FontSet) -> tuple[list, list[Layout]]:
    layouts = build_layouts(doc, evaluation)
    if not layouts:
        raise ExportError("文档中没有可导出的表")
    text = CellText(fonts)
    story = []
    for index, layout in enumerate(layouts):
        if index:
            story += [NextPageTemplate(_template_id(page_for(layout))), PageBreak()]
        cells = FormCells(layout, text)
        for number, planned in enumerate(plan_form(layout)):
            if number:
                story.append(PageBreak())
            story.append(PagePiece(cells, planned))
    return story, layouts


def render_pdf(doc: Document, evaluation: Evaluation, out: io.BytesIO, fonts: Optional[FontSet] = None) -> None:
    fonts = fonts or font_set()
    saved, collecting = rl_config.useA85, gc.isenabled()
    rl_config.useA85 = 0  # binary zlib streams: ASCII85 (pure Python here) took a third of the time
    gc.disable()  # tens of thousands of short-lived cell objects and no cycles worth scanning for meanwhile
    try:
        story, layouts = _story(doc, evaluation, fonts)
        templates = _templates(layouts)
        first = _template_id(page_for(layouts[0]))
        templates.sort(key=lambda t: t.id != first)  # the document starts with the first form's page
        unit = doc.unit
        template = BaseDocTemplate(out, pageTemplates=templates, pagesize=templates[0].pagesize,
                                   title=printable(f"{unit.name} {unit.year}年度绩效自评"), author=APP_NAME,
                                   creator=APP_NAME, subject="预算绩效自评表", leftMargin=0, rightMargin=0,
                                   topMargin=0, bottomMargin=0)
        template.build(story, canvasmaker=_numbered_canvas(fonts.body))
    except LayoutError:
        raise ExportError("表格中有单元格内容过长，一页纸放不下，无法导出 PDF；请精简该处文字后重试") from None
    finally:
        rl_config.useA85 = saved
        if collecting:
            gc.enable()


def write_pdf(doc: Document, path: str | os.PathLike, evaluation: Evaluation | None = None) -> Path:
    """All forms of ``doc`` (基础数据表, 整体自评表, 项目表) in one PDF at ``path``, written atomically."""
    evaluation = evaluation or evaluate(doc)
    fonts = font_set()  # before rendering: no usable font is an ExportError, never a PDF with boxes
    return write_output(Path(path), lambda out: render_pdf(doc, evaluation, out, fonts))

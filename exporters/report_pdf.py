"""The reports as PDF on the official-document grid: A4, 22 lines of 28 characters, fonts embedded.

Each character is placed in its grid cell (exporters.report_layout.grid_lines), as Word places text on a
document grid, so a page of the PDF holds the same lines as the printed Word file would. Page numbers
"— N —" sit below the text block on the outer side (odd pages right, even pages left).
"""
from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Callable

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas as pdf_canvas

from .common import APP_NAME, write_output
from .font_faces import tables_kept
from .report_fonts import ReportFonts, face_for, report_fonts
from .report_layout import (ATTACHMENT, BODY, BODY_PT, CHARS_PER_LINE, HEADING, INDENT_CHARS, LINE_PT,
                            LINES_PER_PAGE, MARGIN_BOTTOM_MM, MM, PAGE_MM, PAGE_NUMBER_GAP_MM, PAGE_NUMBER_PT,
                            SUBTITLE, TITLE, TITLE_LINE_PT, TITLE_PT, Block, cell_pt, cell_width, grid_lines,
                            justify, text_block_pt)

BOLD_STROKE_PT = 0.45  # 1. headings: 仿宋 has no bold face; fill and stroke thicken it as Word's bold does
ASCENT = 0.86  # baseline below the top of a character's em box


class _Pages:
    """The canvas and the position on the current page (points below the text block's top)."""

    def __init__(self, canvas, faces: ReportFonts):
        self.canvas, self.faces = canvas, faces
        self.left, self.top, self.width, self.height = text_block_pt()
        self.page_height = PAGE_MM[1] * MM
        self.cell = cell_pt()
        self.y = 0.0
        self.number = 1
        self.blank = True  # nothing drawn on this page yet

    @property
    def room(self) -> float:
        return LINES_PER_PAGE * LINE_PT - self.y

    def new_page(self) -> None:
        self.page_number()
        self.canvas.showPage()
        self.number += 1
        self.y, self.blank = 0.0, True

    def need(self, height: float) -> None:
        if height > self.room + 1e-6 and not self.blank:
            self.new_page()

    def page_number(self) -> None:
        text = f"— {self.number} —"
        face = face_for(self.faces, self.faces.body, "—")
        width = pdfmetrics.stringWidth(text, face, PAGE_NUMBER_PT)
        baseline = MARGIN_BOTTOM_MM * MM - PAGE_NUMBER_GAP_MM * MM - PAGE_NUMBER_PT * ASCENT
        odd = self.number % 2 == 1
        x = self.left + self.width - PAGE_NUMBER_PT - width if odd else self.left + PAGE_NUMBER_PT
        self.canvas.setFont(face, PAGE_NUMBER_PT)
        self.canvas.drawString(x, baseline, text)

    def draw(self, chars, face: str, size: float, line_height: float, x0: float, cell: float,
             bold: bool = False) -> None:
        """One line of characters at their cells; the line box is ``line_height`` tall."""
        self.need(line_height)
        top = self.page_height - self.top - self.y
        baseline = top - (line_height - size) / 2 - size * ASCENT
        self.canvas.setFont(face, size)  # else the text object starts in Helvetica, a font never embedded
        if bold:  # the render mode outlives the text object: keep it inside a saved graphics state
            self.canvas.saveState()
            self.canvas.setLineWidth(BOLD_STROKE_PT)
        text = self.canvas.beginText()
        if bold:
            text.setTextRenderMode(2)
        current = None
        for char, x in chars:
            if char.isspace():
                continue
            chosen = face_for(self.faces, face, char)
            if chosen != current:
                text.setFont(chosen, size)
                current = chosen
            text.setTextOrigin(x0 + x * cell, baseline)
            text.textOut(char)
        self.canvas.drawText(text)
        if bold:
            self.canvas.restoreState()
        self.y += line_height
        self.blank = False


def _widths(face: str, size: float, cell: float) -> Callable[[str], float]:
    """Cells a character takes in ``face``: CJK one cell, Latin its own advance (digits are about half)."""
    def width(char: str) -> float:
        if cell_width(char) == 1.0:  # the grid's rule of which characters take a whole cell
            return 1.0
        return max(0.3, pdfmetrics.stringWidth(char, face, size) / cell)
    return width


def _paragraph(pages: _Pages, text: str, face: str, bold: bool = False, keep_next: bool = False) -> None:
    width = _widths(face, BODY_PT, pages.cell)
    lines = grid_lines(text, CHARS_PER_LINE, INDENT_CHARS, width)
    if keep_next:  # a heading never ends a page: it goes with the first line after it
        pages.need(LINE_PT * (len(lines) + 1))
    for line in lines:
        pages.draw(justify(line, CHARS_PER_LINE, width), face, BODY_PT, LINE_PT, pages.left, pages.cell, bold)


def _centred(pages: _Pages, text: str, face: str, size: float, line_height: float) -> None:
    cells = int(pages.width // size)
    width = _widths(face, size, size)
    for line in grid_lines(text.strip(), cells, 0, width):  # a space where the title turned is not printed
        used = line.chars[-1][1] + width(line.chars[-1][0]) if line.chars else 0
        pages.draw(line.chars, face, size, line_height, pages.left + (pages.width - used * size) / 2, size)


def render_pdf(blocks: list[Block], title: str, out: io.BytesIO) -> None:
    faces = report_fonts()
    canvas = pdf_canvas.Canvas(out, pagesize=(PAGE_MM[0] * MM, PAGE_MM[1] * MM), invariant=1,
                               initialFontName=faces.body, initialFontSize=BODY_PT)
    canvas.setTitle(title)
    canvas.setAuthor(APP_NAME)
    canvas.setSubject("预算绩效自评报告")
    canvas.setCreator(APP_NAME)
    pages = _Pages(canvas, faces)
    heading_face = {1: faces.heading, 2: faces.kai}
    for index, block in enumerate(blocks):
        if block.new_page and not pages.blank:
            pages.new_page()
        following = blocks[index + 1].kind if index + 1 < len(blocks) else None
        if block.kind == ATTACHMENT:
            pages.draw([(c, i) for i, c in enumerate(block.text)], faces.heading, BODY_PT, LINE_PT, pages.left,
                       pages.cell)
        elif block.kind == TITLE:
            _centred(pages, block.text, faces.title, TITLE_PT, TITLE_LINE_PT)
            if following != TITLE:
                pages.y += 0 if following == SUBTITLE else LINE_PT  # a blank line under the title
        elif block.kind == SUBTITLE:
            _centred(pages, block.text, faces.body, BODY_PT, LINE_PT)
            pages.y += LINE_PT
        elif block.kind == HEADING:
            _paragraph(pages, block.text, heading_face.get(block.level, faces.body), bold=block.level == 3,
                       keep_next=following == BODY)
        elif block.kind == BODY:
            _paragraph(pages, block.text, faces.body)
    pages.page_number()
    canvas.showPage()
    with tables_kept(faces.all):  # the font subsets are made now, a few hundred characters each (as pdf.py)
        canvas.save()


def write_report_pdf(blocks: list[Block], title: str, path: str | os.PathLike) -> Path:
    return write_output(Path(path), lambda buffer: render_pdf(blocks, title, buffer))

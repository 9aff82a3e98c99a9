"""Word (.docx) writer: every form of a document in one file, each form in its own section.

Each layout becomes a section (A4 in the form's orientation, the margins of style.page_for, a new
page), its title rows and footer rows become paragraphs, and its bordered rows a real Word table
with fixed column widths (see docx_table.py).

The body, thousands of cells for a large document, is written as WordprocessingML text, and the
package around it as text too (docx_package.py): building it as python-docx objects took most of
the export's time.
"""
from __future__ import annotations

import io
import os
import pathlib

from model.document import Document
from model.evaluation import Evaluation, evaluate
from model.layout import Layout, build_layouts
from model.sanitize import printable

from .common import ExportError, write_output
from .docx_package import WordParts, footer_id, write_package
from .docx_styles import BODY_RPR, DEFAULT_PPR, FONTS, NORMAL, form_styles, page_number_footer
from .docx_table import column_twips, tables_xml
from .docx_text import after_table_xml, before_table_xml
from .docx_xml import TWIPS_PER_MM, twips
from .style import page_for, plan_form

__all__ = ["write_docx"]

HEADER_FOOTER_MM = 8.0  # distance of the (empty) header and of the page-number footer from the page edge


def write_docx(doc: Document, path: str | os.PathLike, evaluation: Evaluation | None = None,
               layouts: list[Layout] | None = None) -> pathlib.Path:
    """Write every form of ``doc`` into one .docx at ``path`` (atomically) and return the path; ``layouts``:
    the forms already laid out."""
    layouts = build_layouts(doc, evaluation or evaluate(doc)) if layouts is None else layouts
    if not layouts:
        raise ExportError("文档中没有可导出的表")
    title = printable(f"{doc.unit.name.strip()}{doc.unit.year}年度绩效自评")

    def render(buffer: io.BytesIO) -> None:
        render_docx(layouts, title, buffer)

    return write_output(pathlib.Path(path), render)


def render_docx(layouts: list[Layout], title: str, out: io.BytesIO) -> None:
    """Write the .docx holding ``layouts``, one section per form, into ``out``."""
    write_package(out, WordParts(body=body_xml(layouts, footer_id(0)), default_rpr=BODY_RPR, default_ppr=DEFAULT_PPR,
                                 normal=NORMAL, styles=form_styles(), fonts=FONTS, footers=[page_number_footer()],
                                 title=title, subject="预算绩效自评"))


def body_xml(layouts: list[Layout], footer: str = "") -> str:
    """The content of w:body: each form's paragraphs and tables on its planned pages, its section closing
    it; ``footer`` is the relationship id of the page-number footer every section shows."""
    parts = []
    for index, layout in enumerate(layouts):
        sect_pr, body_width_mm = section_properties(layout, footer)
        last = index == len(layouts) - 1
        parts.append(before_table_xml(layout, body_width_mm))
        parts.append(tables_xml(layout, plan_form(layout)))
        # A section ends with the sectPr in its last paragraph; the last one is the body's own.
        parts.append(after_table_xml(layout, body_width_mm, "" if last else sect_pr))
        if last:
            parts.append(sect_pr)
    return "".join(parts)


def section_properties(layout: Layout, footer: str = "") -> tuple[str, float]:
    """The w:sectPr of a form (page-number footer, new page, A4, orientation, margins) and its text width
    in mm."""
    page = page_for(layout)
    width, height = twips(page.width_mm), twips(page.height_mm)
    left, right = twips(page.left_mm), twips(page.right_mm)
    table = sum(column_twips(layout.column_widths_mm))
    if width - left - right < table:  # rounding must never push the table past the margins
        left = right = (width - table) // 2
    if left < 0:
        raise ValueError(f"{layout.key}: table of {layout.width_mm} mm is wider than the page")
    orient = ' w:orient="landscape"' if layout.landscape else ""
    edge = twips(HEADER_FOOTER_MM)
    reference = f'<w:footerReference w:type="default" r:id="{footer}"/>' if footer else ""
    sect_pr = (f'<w:sectPr>{reference}<w:type w:val="nextPage"/><w:pgSz w:w="{width}" w:h="{height}"{orient}/>'
               f'<w:pgMar w:top="{twips(page.top_mm)}" w:right="{right}" w:bottom="{twips(page.bottom_mm)}"'
               f' w:left="{left}" w:header="{edge}" w:footer="{edge}" w:gutter="0"/><w:cols w:space="425"/>'
               "</w:sectPr>")
    return sect_pr, (width - left - right) / TWIPS_PER_MM

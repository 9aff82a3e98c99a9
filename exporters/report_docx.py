"""The reports as Word (.docx) official documents (GB/T 9704-2012 practice, RULES.md §7).

A4 with the 公文 margins and a document grid of 22 lines × 28 characters; a paragraph style per block kind
(title 方正小标宋简体 二号, body 仿宋_GB2312 三号 at a fixed 28 pt, 一、 黑体, （一） 楷体_GB2312, 1. 仿宋 bold),
each naming its East Asian font itself (w:eastAsia); the font table gives Word and WPS the fallback of each
(仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体) for machines without the GB2312 faces. Page numbers "— N —" 四号 at the
bottom, on the outer side: odd pages right, even pages left (even and odd footers).
"""
from __future__ import annotations

import io
import math
import os
from pathlib import Path

from .common import write_output
from .docx_package import LANG, Font, WordParts, footer_id, paragraph_style, rfonts, write_package
from .docx_xml import clean_xml_text, twips
from .report_layout import (ATTACHMENT, BODY, BODY_FONT, BODY_PT, FALLBACKS, HEADING, HEADING_FONT, INDENT_CHARS,
                            KAI_FONT, LINE_PT, MARGIN_BOTTOM_MM, MARGIN_LEFT_MM, MARGIN_RIGHT_MM, MARGIN_TOP_MM,
                            NUMBER_FONT, PAGE_MM, PAGE_NUMBER_FONT, PAGE_NUMBER_GAP_MM, PAGE_NUMBER_PT, SUBTITLE, TITLE,
                            TITLE_FONT, TITLE_LINE_PT, TITLE_PT, Block, cell_pt)


def _half(pt: float) -> int:
    return int(round(pt * 2))


# Character spacing (twentieths of a point, negative: condensed) that fits 28 三号 characters to a line: the
# 442 pt text block needs a pitch of 15.79 pt (report_layout.cell_pt), a 16 pt character condensed by 0.25 pt.
# A document grid (w:docGrid linesAndChars) would do the same in Word, but LibreOffice lays such a grid out
# differently (about 20 characters to the line), so the spacing is set on the runs instead.
CONDENSED = -math.ceil((BODY_PT - cell_pt()) * 20)


def _rpr(east_asian: str, size_pt: float, latin: str = NUMBER_FONT, bold: bool = False, extra: str = "",
         grid: bool = True) -> str:
    weight = "<w:b/><w:bCs/>" if bold else ""
    spacing = f'<w:spacing w:val="{CONDENSED}"/>' if grid else ""
    return (f'<w:rPr>{rfonts(latin, east_asian)}{weight}{spacing}<w:sz w:val="{_half(size_pt)}"/>'
            f'<w:szCs w:val="{_half(size_pt)}"/>{extra}</w:rPr>')


def _spacing(line_pt: float, after_pt: float = 0) -> str:
    return f'<w:spacing w:before="0" w:after="{int(after_pt * 20)}" w:line="{int(line_pt * 20)}" w:lineRule="exact"/>'


INDENT = f'<w:ind w:firstLineChars="{INDENT_CHARS * 100}" w:firstLine="{int(INDENT_CHARS * BODY_PT * 20)}"/>'
NO_INDENT = '<w:ind w:firstLineChars="0" w:firstLine="0"/>'
# (style id, name shown in Word, pPr, rPr)
STYLES = (
    ("ReportTitle", "报告标题", f"<w:keepNext/>{_spacing(TITLE_LINE_PT)}{NO_INDENT}<w:jc w:val=\"center\"/>",
     _rpr(TITLE_FONT, TITLE_PT, latin=TITLE_FONT, grid=False)),
    ("ReportSubtitle", "报告署名", f"{_spacing(LINE_PT)}{NO_INDENT}<w:jc w:val=\"center\"/>", _rpr(BODY_FONT, BODY_PT)),
    ("ReportAttachment", "附件标识", f"<w:keepNext/>{_spacing(LINE_PT)}{NO_INDENT}", _rpr(HEADING_FONT, BODY_PT)),
    ("ReportHeading1", "一级标题", f"<w:keepNext/>{_spacing(LINE_PT)}{INDENT}<w:outlineLvl w:val=\"0\"/>",
     _rpr(HEADING_FONT, BODY_PT)),
    ("ReportHeading2", "二级标题", f"<w:keepNext/>{_spacing(LINE_PT)}{INDENT}<w:outlineLvl w:val=\"1\"/>",
     _rpr(KAI_FONT, BODY_PT)),
    ("ReportHeading3", "三级标题", f"<w:keepNext/>{_spacing(LINE_PT)}{INDENT}<w:outlineLvl w:val=\"2\"/>",
     _rpr(BODY_FONT, BODY_PT, bold=True)),
    ("ReportHeading4", "四级标题", f"<w:keepNext/>{_spacing(LINE_PT)}{INDENT}<w:outlineLvl w:val=\"3\"/>",
     _rpr(BODY_FONT, BODY_PT)),
    ("ReportBody", "报告正文", f"{_spacing(LINE_PT)}{INDENT}<w:jc w:val=\"both\"/>", _rpr(BODY_FONT, BODY_PT)),
    ("ReportPageNumber", "页码", f"{_spacing(PAGE_NUMBER_PT * 1.2)}{NO_INDENT}", _rpr(PAGE_NUMBER_FONT, PAGE_NUMBER_PT,
                                                                                   latin=PAGE_NUMBER_FONT, grid=False)),
)
STYLE_OF = {ATTACHMENT: "ReportAttachment", TITLE: "ReportTitle", SUBTITLE: "ReportSubtitle", BODY: "ReportBody"}
# The font table: each face with its alternative names (charset 86 is GB2312), and Times New Roman for figures.
FONTS = (
    Font(NUMBER_FONT, None, "02020603050405020304", "00", "roman"),
    Font(BODY_FONT, f"{FALLBACKS[BODY_FONT]},FangSong", "02010609030101010101", "86", "modern"),
    Font(KAI_FONT, f"{FALLBACKS[KAI_FONT]},KaiTi", "02010609030101010101", "86", "modern"),
    Font(TITLE_FONT, f"方正小标宋_GBK,华文中宋,{FALLBACKS[TITLE_FONT]}", "02000000000000000000", "86", "script"),
    Font(HEADING_FONT, "SimHei", "02010609060101010101", "86", "modern"),
    Font(PAGE_NUMBER_FONT, "SimSun", "02010600030101010101", "86", "auto"),
)
ONE_CHAR = int(PAGE_NUMBER_PT * 20)  # 单页码居右空一字，双页码居左空一字


def _page_number_footer(align: str, indent: str) -> str:
    return (f'<w:p><w:pPr><w:pStyle w:val="ReportPageNumber"/>{indent}<w:jc w:val="{align}"/></w:pPr>'
            '<w:r><w:t xml:space="preserve">— </w:t></w:r>'
            '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
            '<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p>')


def _section() -> str:
    """The report's one section: A4, the 公文 margins, a 22-line grid, page numbers odd right, even left."""
    footer_mm = MARGIN_BOTTOM_MM - PAGE_NUMBER_GAP_MM - PAGE_NUMBER_PT * 1.2 / 72 * 25.4
    return (f'<w:sectPr><w:footerReference w:type="default" r:id="{footer_id(0)}"/>'
            f'<w:footerReference w:type="even" r:id="{footer_id(1)}"/>'
            f'<w:pgSz w:w="{twips(PAGE_MM[0])}" w:h="{twips(PAGE_MM[1])}"/>'
            f'<w:pgMar w:top="{twips(MARGIN_TOP_MM)}" w:right="{twips(MARGIN_RIGHT_MM)}"'
            f' w:bottom="{twips(MARGIN_BOTTOM_MM)}" w:left="{twips(MARGIN_LEFT_MM)}" w:header="851"'
            f' w:footer="{twips(footer_mm)}" w:gutter="0"/><w:cols w:space="425"/>'
            f'<w:docGrid w:type="lines" w:linePitch="{int(LINE_PT * 20)}"/></w:sectPr>')


def _paragraph(block: Block) -> str:
    style = f"ReportHeading{min(4, max(1, block.level))}" if block.kind == HEADING else STYLE_OF[block.kind]
    page = '<w:pageBreakBefore/>' if block.new_page else ""
    run = f'<w:r><w:t xml:space="preserve">{clean_xml_text(block.text)}</w:t></w:r>' if block.text.strip() else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{page}</w:pPr>{run}</w:p>'


def _blank(style: str) -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr></w:p>'


def _title_paragraph(lines: list[Block]) -> str:
    """The title's lines as one paragraph, turned by line breaks: a reader of the file finds one title."""
    page = '<w:pageBreakBefore/>' if lines[0].new_page else ""
    runs = '<w:r><w:br/></w:r>'.join(f'<w:r><w:t xml:space="preserve">{clean_xml_text(line.text)}</w:t></w:r>'
                                     for line in lines)
    return f'<w:p><w:pPr><w:pStyle w:val="{STYLE_OF[TITLE]}"/>{page}</w:pPr>{runs}</w:p>'


def render_docx(blocks: list[Block], title: str, out: io.BytesIO) -> None:
    body = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if block.kind == TITLE:  # the title's lines, one paragraph
            end = index + 1
            while end < len(blocks) and blocks[end].kind == TITLE and not blocks[end].new_page:
                end += 1
            body.append(_title_paragraph(blocks[index:end]))
            index = end - 1
        else:
            body.append(_paragraph(block))
        following = blocks[index + 1].kind if index + 1 < len(blocks) else None
        if block.kind == TITLE and following != SUBTITLE or block.kind == SUBTITLE:
            body.append(_blank("ReportBody"))  # one blank line under the title
        index += 1
    body.append(_section())
    write_package(out, WordParts(
        body="".join(body), default_rpr=_rpr(BODY_FONT, BODY_PT, extra=LANG),
        default_ppr=f'<w:pPr><w:widowControl w:val="0"/>{_spacing(LINE_PT)}</w:pPr>', normal="",
        styles=[paragraph_style(*style) for style in STYLES], fonts=FONTS,
        footers=[_page_number_footer("right", f'<w:ind w:right="{ONE_CHAR}"/>'),
                 _page_number_footer("left", f'<w:ind w:left="{ONE_CHAR}"/>')],
        even_and_odd=True, title=title, subject="预算绩效自评报告"))


def write_report_docx(blocks: list[Block], title: str, path: str | os.PathLike) -> Path:
    return write_output(Path(path), lambda buffer: render_docx(blocks, title, buffer))

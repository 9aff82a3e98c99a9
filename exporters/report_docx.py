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

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from .common import write_output, xml_escape
from .docx_styles import set_up_package
from .report_layout import (ATTACHMENT, BODY, BODY_FONT, BODY_PT, CHARS_PER_LINE, FALLBACKS, HEADING,
                            HEADING_FONT, INDENT_CHARS, KAI_FONT, LINE_PT, MARGIN_BOTTOM_MM, MARGIN_LEFT_MM,
                            MARGIN_RIGHT_MM, MARGIN_TOP_MM, NUMBER_FONT, PAGE_MM, PAGE_NUMBER_FONT,
                            PAGE_NUMBER_GAP_MM, PAGE_NUMBER_PT, SUBTITLE, TITLE, TITLE_FONT, TITLE_LINE_PT, TITLE_PT,
                            Block)

TWIPS_PER_MM = 1440 / 25.4
LANG = '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
_INVALID_XML = "".join(chr(c) for c in range(32) if c not in (9, 10, 13))


def _tw(mm: float) -> int:
    return int(round(mm * TWIPS_PER_MM))


def _half(pt: float) -> int:
    return int(round(pt * 2))


def _condensed() -> int:
    """Character spacing (twentieths of a point, negative: condensed) that fits 28 三号 characters to a line.

    The 156 mm text block is 442 pt: 28 characters need a pitch of 15.79 pt, a 16 pt character condensed by
    0.25 pt. A document grid (w:docGrid linesAndChars) would do the same in Word, but LibreOffice lays such a
    grid out differently (about 20 characters to the line), so the spacing is set on the runs instead.
    """
    width_pt = (PAGE_MM[0] - MARGIN_LEFT_MM - MARGIN_RIGHT_MM) / 25.4 * 72
    return -math.ceil((BODY_PT - width_pt / CHARS_PER_LINE) * 20)


def _rpr(east_asian: str, size_pt: float, latin: str = NUMBER_FONT, bold: bool = False, extra: str = "",
         grid: bool = True) -> str:
    weight = "<w:b/><w:bCs/>" if bold else ""
    spacing = f'<w:spacing w:val="{_condensed()}"/>' if grid else ""
    return (f'<w:rPr><w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east_asian}" w:cs="{latin}"'
            f' w:hint="eastAsia"/>{weight}{spacing}<w:sz w:val="{_half(size_pt)}"/><w:szCs w:val="{_half(size_pt)}"/>'
            f"{extra}</w:rPr>")


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
# Font table entries: (name, alternative names, panose, family). charset 86 is GB2312.
FONTS = (
    (BODY_FONT, f"{FALLBACKS[BODY_FONT]},FangSong", "02010609030101010101", "modern"),
    (KAI_FONT, f"{FALLBACKS[KAI_FONT]},KaiTi", "02010609030101010101", "modern"),
    (TITLE_FONT, f"方正小标宋_GBK,华文中宋,{FALLBACKS[TITLE_FONT]}", "02000000000000000000", "script"),
    (HEADING_FONT, "SimHei", "02010609060101010101", "modern"),
    (PAGE_NUMBER_FONT, "SimSun", "02010600030101010101", "auto"),
)


def _set_up_styles(document) -> None:
    styles = document.styles.element
    for element in styles.iter(qn("w:rFonts")):  # theme fonts would override w:eastAsia
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            element.attrib.pop(qn(attr), None)
    defaults = styles.find(qn("w:docDefaults"))
    defaults.getparent().replace(defaults, parse_xml(
        f"<w:docDefaults {nsdecls('w')}><w:rPrDefault>"
        f'{_rpr(BODY_FONT, BODY_PT, extra=LANG)}</w:rPrDefault>'
        f'<w:pPrDefault><w:pPr><w:widowControl w:val="0"/>{_spacing(LINE_PT)}</w:pPr></w:pPrDefault>'
        "</w:docDefaults>"))
    for style_id, name, ppr, rpr in STYLES:
        styles.append(parse_xml(
            f'<w:style {nsdecls("w")} w:type="paragraph" w:customStyle="1" w:styleId="{style_id}">'
            f'<w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>{ppr}</w:pPr>{rpr}</w:style>'))


def _set_up_font_table(document) -> None:
    part = next(p for p in document.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml")
    table = parse_xml(part.blob)
    for name, alternatives, panose, family in FONTS:
        table.append(parse_xml(
            f'<w:font {nsdecls("w")} w:name="{name}"><w:altName w:val="{alternatives}"/>'
            f'<w:panose1 w:val="{panose}"/><w:charset w:val="86"/><w:family w:val="{family}"/>'
            '<w:pitch w:val="variable"/></w:font>'))
    from lxml import etree
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


def _page_number_footer(footer, align: str, indent: str) -> None:
    paragraph = footer.paragraphs[0]
    paragraph._p.append(parse_xml(
        f'<w:r {nsdecls("w")}><w:t xml:space="preserve">— </w:t></w:r>'))
    paragraph._p.append(parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> —</w:t></w:r>'))
    paragraph._p.insert(0, parse_xml(
        f'<w:pPr {nsdecls("w")}><w:pStyle w:val="ReportPageNumber"/>{indent}<w:jc w:val="{align}"/></w:pPr>'))


def _set_up_section(document) -> None:
    section = document.sections[0]
    sect_pr = section._sectPr
    one_char = int(PAGE_NUMBER_PT * 20)  # 单页码居右空一字，双页码居左空一字
    footer_mm = MARGIN_BOTTOM_MM - PAGE_NUMBER_GAP_MM - PAGE_NUMBER_PT * 1.2 / 72 * 25.4
    for child in list(sect_pr):
        sect_pr.remove(child)
    ns = nsdecls("w")
    for xml in (f'<w:pgSz {ns} w:w="{_tw(PAGE_MM[0])}" w:h="{_tw(PAGE_MM[1])}"/>',
                f'<w:pgMar {ns} w:top="{_tw(MARGIN_TOP_MM)}" w:right="{_tw(MARGIN_RIGHT_MM)}"'
                f' w:bottom="{_tw(MARGIN_BOTTOM_MM)}" w:left="{_tw(MARGIN_LEFT_MM)}" w:header="851"'
                f' w:footer="{_tw(footer_mm)}" w:gutter="0"/>',
                f'<w:cols {ns} w:space="425"/>',
                f'<w:docGrid {ns} w:type="lines" w:linePitch="{int(LINE_PT * 20)}"/>'):
        sect_pr.append(parse_xml(xml))
    document.settings.odd_and_even_pages_header_footer = True
    _page_number_footer(section.footer, "right", f'<w:ind w:right="{one_char}"/>')
    _page_number_footer(section.even_page_footer, "left", f'<w:ind w:left="{one_char}"/>')


def _clean(text: str) -> str:
    return xml_escape(text.translate({ord(c): None for c in _INVALID_XML}))


def _paragraph(block: Block) -> str:
    style = f"ReportHeading{min(4, max(1, block.level))}" if block.kind == HEADING else STYLE_OF[block.kind]
    page = '<w:pageBreakBefore/>' if block.new_page else ""
    run = f'<w:r><w:t xml:space="preserve">{_clean(block.text)}</w:t></w:r>' if block.text.strip() else ""
    return f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="{style}"/>{page}</w:pPr>{run}</w:p>'


def _blank(style: str) -> str:
    return f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="{style}"/></w:pPr></w:p>'


def render_docx(blocks: list[Block], title: str, out: io.BytesIO) -> None:
    document = docx.Document()
    _set_up_styles(document)
    _set_up_font_table(document)
    set_up_package(document, title)
    document.core_properties.subject = "预算绩效自评报告"
    _set_up_section(document)
    body = document.element.body
    sect_pr = body.find(qn("w:sectPr"))
    for child in list(body):
        if child is not sect_pr:
            body.remove(child)
    for index, block in enumerate(blocks):
        sect_pr.addprevious(parse_xml(_paragraph(block)))
        following = blocks[index + 1].kind if index + 1 < len(blocks) else None
        if block.kind == TITLE and following not in (TITLE, SUBTITLE) or block.kind == SUBTITLE:
            sect_pr.addprevious(parse_xml(_blank("ReportBody")))  # one blank line under the title
    document.save(out)


def write_report_docx(blocks: list[Block], title: str, path: str | os.PathLike) -> Path:
    return write_output(Path(path), lambda buffer: render_docx(blocks, title, buffer))

"""Styles, document defaults, fonts, the page-number footer and package metadata of the .docx.

python-docx's ``font.name`` writes only w:ascii/w:hAnsi, and its default template takes the East
Asian font from the theme (w:eastAsiaTheme wins over w:eastAsia): Chinese text would come out in
a Japanese or Latin theme font. Every style here names its East Asian font itself, and the theme
attributes are removed.

The template's font table lists Western fonts only; it is replaced by the fonts the forms use, each
with a fallback Word takes when the font is missing (w:altName: 方正小标宋简体 → 宋体), its GB2312
charset and family, so a PC without 方正小标宋简体 shows 宋体 rather than a face of Word's choosing. The
template's stylesWithEffects part (Word 2010's copy of the styles, which would disagree with ours) is
dropped, and the compatibility mode is Word 2013+'s (15), so Word 365 does not open the file in 兼容模式.
Paragraph styles set lines exactly LINE_PITCH × the font size, the pitch the pagination plan uses.
"""
from __future__ import annotations

from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.hdrftr import FooterPart

from model.layout import Role
from model.layout.typeset import LINE_PITCH, OUTSIDE_SPACE_PT

from .docx_xml import fonts_for, rfonts
from .style import BODY_FONT, NUMBER_FONT, ROLE_STYLES, TITLE_FONT

APP_NAME = "绩效自评填报"
LANG = '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
SINGLE = '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
PAGE_NUMBER_PT = 9.0
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
# The font table: (name, fallback Word uses when the font is missing, panose, charset, family, pitch)
FONTS = (
    (NUMBER_FONT, None, "02020603050405020304", "00", "roman", "variable"),
    (BODY_FONT, "FangSong", "02010609060101010101", "86", "modern", "fixed"),
    (TITLE_FONT, "宋体", "02010600030101010101", "86", "auto", "variable"),
    ("宋体", "SimSun", "02010600030101010101", "86", "auto", "variable"),
)


def exact(role: Role, before_pt: float = 0.0, after_pt: float = 0.0) -> str:
    """w:spacing of a paragraph of ``role``: lines exactly the plan's pitch, space before and after."""
    line = int(round(ROLE_STYLES[role].size_pt * LINE_PITCH * 20))
    return (f'<w:spacing w:before="{int(round(before_pt * 20))}" w:after="{int(round(after_pt * 20))}"'
            f' w:line="{line}" w:lineRule="exact"/>')


_NO_INDENT = '<w:ind w:left="0" w:right="0" w:firstLine="0"/>'
# (style id, name shown in Word, role whose font and size it takes, extra pPr)
PARAGRAPH_STYLES = (
    ("FormTitle", "表格标题", Role.TITLE,
     "<w:keepNext/>" + exact(Role.TITLE, *OUTSIDE_SPACE_PT[Role.TITLE]) + '<w:jc w:val="center"/>'),
    ("FormSubtitle", "表格副标题", Role.SUBTITLE, "<w:keepNext/>" + exact(Role.SUBTITLE, *OUTSIDE_SPACE_PT[Role.SUBTITLE])),
    ("FormCell", "表格文字", Role.INPUT, exact(Role.INPUT) + _NO_INDENT),
    ("FormHeader", "表格表头", Role.HEADER, exact(Role.HEADER) + _NO_INDENT),
    ("FormNote", "表格说明", Role.NOTE, exact(Role.NOTE, 0, OUTSIDE_SPACE_PT[Role.NOTE][1])),  # space above: docx_text
    ("FormSignature", "表格落款", Role.SIGNATURE, exact(Role.SIGNATURE, 0, OUTSIDE_SPACE_PT[Role.SIGNATURE][1])),
    ("FormPageNumber", "页码", Role.NOTE, '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
     '<w:jc w:val="center"/>'),
)


def style_rpr(role: Role) -> str:
    style = ROLE_STYLES[role]
    bold = "<w:b/><w:bCs/>" if style.bold else ""
    size = int(round(style.size_pt * 2))
    return f'<w:rPr>{rfonts(*fonts_for(role))}{bold}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'


def set_up_styles(document: WordDocument) -> None:
    styles = document.styles.element
    for element in styles.iter(qn("w:rFonts")):  # theme fonts would override w:eastAsia
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            element.attrib.pop(qn(attr), None)
    defaults = styles.find(qn("w:docDefaults"))
    defaults.getparent().replace(defaults, parse_xml(
        f"<w:docDefaults {nsdecls('w')}><w:rPrDefault><w:rPr>{rfonts(NUMBER_FONT, BODY_FONT)}"
        f'<w:sz w:val="21"/><w:szCs w:val="21"/>{LANG}</w:rPr></w:rPrDefault>'
        f"<w:pPrDefault><w:pPr>{SINGLE}</w:pPr></w:pPrDefault></w:docDefaults>"))
    normal = styles.find(f"{qn('w:style')}[@{qn('w:styleId')}='Normal']")
    for child in list(normal):
        if child.tag in (qn("w:pPr"), qn("w:rPr")):
            normal.remove(child)
    normal.append(parse_xml(f"<w:pPr {nsdecls('w')}>{SINGLE}<w:jc w:val=\"both\"/></w:pPr>"))
    normal.append(parse_xml(
        f"<w:rPr {nsdecls('w')}>{rfonts(NUMBER_FONT, BODY_FONT)}<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/>"
        f"{LANG}</w:rPr>"))
    for style_id, name, role, ppr in PARAGRAPH_STYLES:
        styles.append(parse_xml(
            f'<w:style {nsdecls("w")} w:type="paragraph" w:customStyle="1" w:styleId="{style_id}">'
            f'<w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:qFormat/>'
            f"<w:pPr>{ppr}</w:pPr>{style_rpr(role)}</w:style>"))


def set_up_package(document: WordDocument, title: str) -> None:
    """Core properties name the unit and year and nothing of who or what made the file."""
    props = document.core_properties
    props.title = title
    props.subject = "预算绩效自评"
    props.author = APP_NAME
    props.last_modified_by = APP_NAME
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.revision = 1
    settings = document.settings.element
    for lang in settings.iter(qn("w:themeFontLang")):
        lang.set(qn("w:eastAsia"), "zh-CN")
    package = document.part.package
    for part in package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            # The template's app.xml names "Microsoft Macintosh Word" and Normal.dotm.
            part._blob = (  # python-docx keeps unknown parts as bytes, with no setter
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                f"<Application>{APP_NAME}</Application><DocSecurity>0</DocSecurity></Properties>"
            ).encode("utf-8")
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:  # a picture of the template's blank page
            del package.rels[rel_id]
            package.rels.related_parts.pop(rel_id, None)


def set_up_fonts_and_compat(document: WordDocument) -> None:
    """The font table of the fonts used, no stylesWithEffects part, compatibility mode 15."""
    part = document.part
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype == STYLES_WITH_EFFECTS:
            del part.rels[rel_id]  # an unreferenced part is not saved
    fonts = "".join(
        f'<w:font w:name="{name}">' + (f'<w:altName w:val="{alt}"/>' if alt else "")
        + f'<w:panose1 w:val="{panose}"/><w:charset w:val="{charset}"/><w:family w:val="{family}"/>'
        f'<w:pitch w:val="{pitch}"/></w:font>' for name, alt, panose, charset, family, pitch in FONTS)
    table = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts {nsdecls("w", "r")}>{fonts}'
             "</w:fonts>").encode("utf-8")
    for candidate in part.package.iter_parts():
        if str(candidate.partname) == "/word/fontTable.xml":
            candidate._blob = table  # python-docx keeps the font table as bytes, with no setter
    settings = document.settings.element
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")


def page_number_footer(document: WordDocument) -> str:
    """Add the footer 第 N 页 共 M 页 (PAGE and NUMPAGES fields) and return its relationship id."""
    part = FooterPart.new(document.part.package)
    rel_id = document.part.relate_to(part, RT.FOOTER)
    size = int(round(PAGE_NUMBER_PT * 2))
    rpr = f'<w:rPr>{rfonts(NUMBER_FONT, BODY_FONT)}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'

    def text(value: str) -> str:
        return f'<w:r>{rpr}<w:t xml:space="preserve">{value}</w:t></w:r>'

    def field(code: str) -> str:
        return (f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
                f'<w:r>{rpr}<w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
                f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>{text("1")}'
                f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>')

    footer = part.element
    for child in list(footer):
        footer.remove(child)
    footer.append(parse_xml(f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="FormPageNumber"/></w:pPr>'
                            f'{text("第 ")}{field("PAGE")}{text(" 页 共 ")}{field("NUMPAGES")}{text(" 页")}</w:p>'))
    return rel_id
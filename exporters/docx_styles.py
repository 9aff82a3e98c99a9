"""Styles, document defaults and package metadata of the .docx.

python-docx's ``font.name`` writes only w:ascii/w:hAnsi, and its default template takes the East
Asian font from the theme (w:eastAsiaTheme wins over w:eastAsia): Chinese text would come out in
a Japanese or Latin theme font. Every style here names its East Asian font itself, and the theme
attributes are removed.
"""
from __future__ import annotations

from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from model.layout import Role

from .docx_xml import fonts_for, rfonts
from .style import BODY_FONT, NUMBER_FONT, ROLE_STYLES

APP_NAME = "绩效自评填报"
LANG = '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
SINGLE = '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'

# (style id, name shown in Word, role whose font and size it takes, extra pPr)
PARAGRAPH_STYLES = (
    ("FormTitle", "表格标题", Role.TITLE, '<w:keepNext/><w:spacing w:before="0" w:after="160"/><w:jc w:val="center"/>'),
    ("FormSubtitle", "表格副标题", Role.SUBTITLE, '<w:keepNext/><w:spacing w:before="0" w:after="80"/>'),
    ("FormCell", "表格文字", Role.INPUT, SINGLE + '<w:ind w:left="0" w:right="0" w:firstLine="0"/>'),
    ("FormHeader", "表格表头", Role.HEADER, SINGLE + '<w:ind w:left="0" w:right="0" w:firstLine="0"/>'),
    ("FormNote", "表格说明", Role.NOTE, ""),
    ("FormSignature", "表格落款", Role.SIGNATURE, ""),
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

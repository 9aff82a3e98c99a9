"""A Word (.docx) package written as text: the parts Word, WPS and LibreOffice need, and no more.

Both Word writers (the forms, docx.py; the 自评报告, report_docx.py) give it the body, their paragraph
styles, the fonts they name and their footers. What they share is written here once:

- styles.xml starts with document defaults and a Normal style that name their East Asian font
  (w:eastAsia) and no theme font (a theme's w:eastAsiaTheme would win over it, and Chinese text would
  come out in a Japanese or Latin face), and the default character, table and list styles;
- fontTable.xml lists the fonts used, each with a fallback Word takes when it is missing (w:altName:
  方正小标宋简体 → 宋体), its GB2312 charset and family, so a PC without it shows 宋体 rather than a face
  of Word's choosing;
- settings.xml is in Word 2013+'s compatibility mode (15), so Word 365 does not open the file in 兼容模式,
  with East Asian layout on; there is no stylesWithEffects part (Word 2010's copy of the styles);
- the core properties name the document and the app (ooxml.py).

python-docx's default template, which the writers used before, brought a Macintosh template's
styles (340 KB), theme, numbering and custom XML parts along, and cost 50 ms of imports per export.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Optional, Sequence

from .common import xml_attribute
from .ooxml import (DECLARATION, REL as R, THEME, THEME_TYPE, app_properties, content_types, core_properties,
                    package_relationships, relationships, write_zip)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = f'xmlns:w="{W}" xmlns:r="{R}"'
LANG = '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
_MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_BUILT_IN_STYLES = (  # the defaults Word itself writes for characters, tables and lists
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>'
    '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
    '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
    '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>')


@dataclass(frozen=True)
class Font:
    """An entry of the font table."""

    name: str
    alt: Optional[str]  # what Word takes when the font is missing (names separated by commas)
    panose: str
    charset: str  # 86: GB2312, 00: ANSI
    family: str
    pitch: str = "variable"

    def xml(self) -> str:
        alt = f'<w:altName w:val="{xml_attribute(self.alt)}"/>' if self.alt else ""
        return (f'<w:font w:name="{xml_attribute(self.name)}">{alt}<w:panose1 w:val="{self.panose}"/>'
                f'<w:charset w:val="{self.charset}"/><w:family w:val="{self.family}"/><w:pitch w:val="{self.pitch}"/>'
                "</w:font>")


def rfonts(latin: str, east_asian: str) -> str:
    """w:rFonts naming both the Latin and the East Asian font (w:eastAsia is what CJK text uses)."""
    return (f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east_asian}" w:cs="{latin}"'
            f' w:hint="eastAsia"/>')


def paragraph_style(style_id: str, name: str, ppr: str, rpr: str) -> str:
    """A paragraph style of ours, based on Normal; ``ppr`` the content of its w:pPr, ``rpr`` its w:rPr."""
    return (f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{style_id}"><w:name w:val="{name}"/>'
            f'<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>{ppr}</w:pPr>{rpr}</w:style>')


def footer_id(index: int) -> str:
    """The relationship id of the ``index``-th footer given to write_package (sections refer to it)."""
    return f"rIdFooter{index + 1}"


@dataclass
class WordParts:
    """What a writer gives the package."""

    body: str  # the content of w:body, its last child the body's w:sectPr
    default_rpr: str  # the document defaults' w:rPr
    default_ppr: str  # and w:pPr
    normal: str  # the content of the Normal style after its name (its w:pPr and w:rPr)
    styles: Sequence[str]  # paragraph_style() of each style the body uses
    fonts: Sequence[Font]
    footers: Sequence[str] = ()  # the paragraphs of each footer, referred to as footer_id(i)
    even_and_odd: bool = False  # footers differ on even and odd pages
    title: str = ""
    subject: str = ""


def _styles(parts: WordParts) -> str:
    return (f"{DECLARATION}<w:styles {NAMESPACES}><w:docDefaults><w:rPrDefault>{parts.default_rpr}</w:rPrDefault>"
            f"<w:pPrDefault>{parts.default_ppr}</w:pPrDefault></w:docDefaults>"
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
            f"{parts.normal}</w:style>{_BUILT_IN_STYLES}{''.join(parts.styles)}</w:styles>")


def _settings(even_and_odd: bool) -> str:
    compat = "".join(f'<w:compatSetting w:name="{name}" w:uri="http://schemas.microsoft.com/office/word" w:val="{value}"/>'
                     for name, value in (("compatibilityMode", 15), ("overrideTableStyleFontSizeAndJustification", 1),
                                         ("enableOpenTypeFeatures", 1), ("doNotFlipMirrorIndents", 1)))
    return (f'{DECLARATION}<w:settings {NAMESPACES}><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>'
            + ("<w:evenAndOddHeaders/>" if even_and_odd else "")
            + '<w:characterSpacingControl w:val="doNotCompress"/>'
            f"<w:compat><w:useFELayout/>{compat}</w:compat>"
            '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/><w:decimalSymbol w:val="."/>'
            '<w:listSeparator w:val=","/></w:settings>')


def write_package(out: io.BytesIO, parts: WordParts) -> None:
    """The .docx of ``parts`` into ``out``."""
    footers = [f"word/footer{i + 1}.xml" for i in range(len(parts.footers))]
    document_rels = [("rIdStyles", f"{R}/styles", "styles.xml"), ("rIdSettings", f"{R}/settings", "settings.xml"),
                     ("rIdFonts", f"{R}/fontTable", "fontTable.xml"), ("rIdTheme", f"{R}/theme", "theme/theme1.xml")]
    document_rels += [(footer_id(i), f"{R}/footer", name.split("/")[-1]) for i, name in enumerate(footers)]
    types = [("/word/document.xml", f"{_MAIN_TYPE}.document.main+xml"), ("/word/styles.xml", f"{_MAIN_TYPE}.styles+xml"),
             ("/word/settings.xml", f"{_MAIN_TYPE}.settings+xml"), ("/word/fontTable.xml", f"{_MAIN_TYPE}.fontTable+xml"),
             ("/word/theme/theme1.xml", THEME_TYPE)]
    types += [(f"/{name}", f"{_MAIN_TYPE}.footer+xml") for name in footers]
    files = [("[Content_Types].xml", content_types(types)), ("_rels/.rels", package_relationships("word/document.xml")),
             ("docProps/core.xml", core_properties(parts.title, parts.subject)), ("docProps/app.xml", app_properties()),
             ("word/_rels/document.xml.rels", relationships(document_rels)),
             ("word/document.xml", f"{DECLARATION}<w:document {NAMESPACES}><w:body>{parts.body}</w:body></w:document>"),
             ("word/styles.xml", _styles(parts)), ("word/settings.xml", _settings(parts.even_and_odd)),
             ("word/fontTable.xml", f"{DECLARATION}<w:fonts {NAMESPACES}>{''.join(f.xml() for f in parts.fonts)}</w:fonts>"),
             ("word/theme/theme1.xml", THEME)]
    files += [(name, f"{DECLARATION}<w:ftr {NAMESPACES}>{content}</w:ftr>") for name, content in zip(footers, parts.footers)]
    write_zip(out, files)

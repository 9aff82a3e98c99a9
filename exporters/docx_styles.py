"""The forms' styles, fonts and page-number footer in the .docx (the package itself: docx_package.py).

Every style names its East Asian font itself (w:eastAsia); paragraph styles set lines exactly
LINE_PITCH × the font size, the pitch the pagination plan uses. The font table lists the fonts the
forms use, each with the fallback Word takes when it is missing.
"""
from __future__ import annotations

from model.layout import Role
from model.layout.typeset import LINE_PITCH, OUTSIDE_SPACE_PT

from .docx_package import LANG, Font, paragraph_style, rfonts
from .docx_xml import fonts_for
from .style import BODY_FONT, NUMBER_FONT, ROLE_STYLES, TITLE_FONT

SINGLE = '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
PAGE_NUMBER_PT = 9.0
FONTS = (
    Font(NUMBER_FONT, None, "02020603050405020304", "00", "roman"),
    Font(BODY_FONT, "FangSong", "02010609060101010101", "86", "modern", "fixed"),
    Font(TITLE_FONT, "宋体", "02010600030101010101", "86", "auto"),
    Font("宋体", "SimSun", "02010600030101010101", "86", "auto"),
)


def exact(role: Role, before_pt: float = 0.0, after_pt: float = 0.0) -> str:
    """w:spacing of a paragraph of ``role``: lines exactly the plan's pitch, space before and after."""
    line = int(round(ROLE_STYLES[role].size_pt * LINE_PITCH * 20))
    return (f'<w:spacing w:before="{int(round(before_pt * 20))}" w:after="{int(round(after_pt * 20))}"'
            f' w:line="{line}" w:lineRule="exact"/>')


_NO_INDENT = '<w:ind w:left="0" w:right="0" w:firstLine="0"/>'
# (style id, name shown in Word, role whose font and size it takes, pPr)
PARAGRAPH_STYLES = (
    ("FormTitle", "表格标题", Role.TITLE,
     "<w:keepNext/>" + exact(Role.TITLE, *OUTSIDE_SPACE_PT[Role.TITLE]) + '<w:jc w:val="center"/>'),
    ("FormSubtitle", "表格副标题", Role.SUBTITLE, "<w:keepNext/>" + exact(Role.SUBTITLE, *OUTSIDE_SPACE_PT[Role.SUBTITLE])),
    ("FormCell", "表格文字", Role.INPUT, exact(Role.INPUT) + _NO_INDENT),
    ("FormHeader", "表格表头", Role.HEADER, exact(Role.HEADER) + _NO_INDENT),
    ("FormNote", "表格说明", Role.NOTE, exact(Role.NOTE, 0, OUTSIDE_SPACE_PT[Role.NOTE][1])),  # space above: docx_text
    ("FormSignature", "表格落款", Role.SIGNATURE, exact(Role.SIGNATURE, 0, OUTSIDE_SPACE_PT[Role.SIGNATURE][1])),
    ("FormPageNumber", "页码", Role.NOTE, SINGLE + '<w:jc w:val="center"/>'),
)
BODY_RPR = f'<w:rPr>{rfonts(NUMBER_FONT, BODY_FONT)}<w:sz w:val="21"/><w:szCs w:val="21"/>{LANG}</w:rPr>'
DEFAULT_PPR = f"<w:pPr>{SINGLE}</w:pPr>"
NORMAL = f'<w:pPr>{SINGLE}<w:jc w:val="both"/></w:pPr>{BODY_RPR}'


def style_rpr(role: Role) -> str:
    style = ROLE_STYLES[role]
    bold = "<w:b/><w:bCs/>" if style.bold else ""
    size = int(round(style.size_pt * 2))
    return f'<w:rPr>{rfonts(*fonts_for(role))}{bold}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'


def form_styles() -> list[str]:
    return [paragraph_style(style_id, name, ppr, style_rpr(role)) for style_id, name, role, ppr in PARAGRAPH_STYLES]


def page_number_footer() -> str:
    """The footer's paragraph: 第 N 页 共 M 页 (PAGE and NUMPAGES fields)."""
    size = int(round(PAGE_NUMBER_PT * 2))
    rpr = f'<w:rPr>{rfonts(NUMBER_FONT, BODY_FONT)}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'

    def text(value: str) -> str:
        return f'<w:r>{rpr}<w:t xml:space="preserve">{value}</w:t></w:r>'

    def field(code: str) -> str:
        return (f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
                f'<w:r>{rpr}<w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
                f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>{text("1")}'
                f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>')

    return (f'<w:p><w:pPr><w:pStyle w:val="FormPageNumber"/></w:pPr>'
            f'{text("第 ")}{field("PAGE")}{text(" 页 共 ")}{field("NUMPAGES")}{text(" 页")}</w:p>')

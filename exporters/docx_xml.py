"""WordprocessingML as text: runs, paragraphs and units for the .docx writer.

The writer builds each form's body as one XML string: thousands of cells through python-docx's
object API would take seconds, a string takes milliseconds.
"""
from __future__ import annotations

from typing import Iterable, Optional

from model.layout import Role
from model.sanitize import printable

from .common import xml_escape
from .docx_package import rfonts
from .style import NUMBER_FONT, ROLE_STYLES, TITLE_FONT

TWIPS_PER_MM = 1440 / 25.4

# Role → paragraph style id (defined in docx_styles.py).
ROLE_PARAGRAPH_STYLE = {
    Role.TITLE: "FormTitle",
    Role.SUBTITLE: "FormSubtitle",
    Role.HEADER: "FormHeader",
    Role.VERTICAL: "FormHeader",
    Role.LABEL: "FormCell",
    Role.INPUT: "FormCell",
    Role.COMPUTED: "FormCell",
    Role.NOTE: "FormNote",
    Role.SIGNATURE: "FormSignature",
}
JC = {"left": "left", "center": "center", "right": "right"}


def twips(mm: float) -> int:
    return int(round(mm * TWIPS_PER_MM))


def fonts_for(role: Role) -> tuple[str, str]:
    """(Latin font, East Asian font) of a role: the title is all 小标宋, elsewhere digits in Times."""
    style = ROLE_STYLES[role]
    latin = TITLE_FONT if style.font == TITLE_FONT else NUMBER_FONT
    return latin, style.font


def run_properties(role: Role) -> str:
    latin, east_asian = fonts_for(role)
    bold = "<w:b/><w:bCs/>" if ROLE_STYLES[role].bold else ""
    return f"<w:rPr>{rfonts(latin, east_asian)}{bold}</w:rPr>"


_RPR = {role: run_properties(role) for role in Role}


def clean_xml_text(text: str) -> str:
    """Text as WordprocessingML holds it: escaped, without the control characters XML 1.0 forbids (a pasted
    one must not break the whole file)."""
    return xml_escape(printable(text))


def text_runs(text: str, role: Role, size_pt: Optional[float] = None) -> str:
    """The runs of ``text``: line breaks become w:br, tabs become w:tab; ``size_pt`` overrides the
    style's size (a number shrunk to stay on one line)."""
    if not text:
        return ""
    clean = printable(text.replace("\r\n", "\n").replace("\r", "\n"))
    parts = []
    for index, line in enumerate(clean.split("\n")):
        if index:
            parts.append("<w:br/>")
        for piece_index, piece in enumerate(line.split("\t")):
            if piece_index:
                parts.append("<w:tab/>")
            if piece:
                parts.append(f'<w:t xml:space="preserve">{xml_escape(piece)}</w:t>')
    rpr = _RPR[role]
    if size_pt is not None:
        half_points = int(round(size_pt * 2))
        rpr = rpr.replace("</w:rPr>", f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>')
    return f"<w:r>{rpr}{''.join(parts)}</w:r>"


def paragraph(style: str, content: str = "", *, jc: Optional[str] = None, keep_next: bool = False,
              tabs: Iterable[tuple[str, int]] = (), spacing_before: int = 0, sect_pr: str = "") -> str:
    """A w:p with its pPr children in schema order (pStyle, keepNext, tabs, spacing, jc, sectPr)."""
    ppr = [f'<w:pStyle w:val="{style}"/>']
    if keep_next:
        ppr.append("<w:keepNext/>")
    tab_xml = "".join(f'<w:tab w:val="{kind}" w:pos="{pos}"/>' for kind, pos in tabs)
    if tab_xml:
        ppr.append(f"<w:tabs>{tab_xml}</w:tabs>")
    if spacing_before:
        ppr.append(f'<w:spacing w:before="{spacing_before}"/>')
    if jc:
        ppr.append(f'<w:jc w:val="{JC[jc]}"/>')
    ppr.append(sect_pr)
    return f"<w:p><w:pPr>{''.join(ppr)}</w:pPr>{content}</w:p>"
